import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDeadline, RUSSIAN_TRANSFERS_2016_2026, WorkingCalendar, type Deadline } from '../deadlines/index.js';
import {
  buildOccurrences,
  completionKey,
  countOccurrences,
  itemDueDates,
  matchesStatus,
  occurrenceStatus,
  parsePeriod,
  periodRange,
  todayIn,
  type CompletionMark,
  type DueItem,
} from './occurrences.js';

// Unit tests may use the shipped transfer data; the application reads calendar_transfers.
const cal = new WorkingCalendar(RUSSIAN_TRANSFERS_2016_2026);
/** Holidays of the Labour Code only, no transfers (9 March 2026 stays a working day). */
const noTransfers = new WorkingCalendar([]);

function item(deadline: Deadline | unknown, over: Partial<DueItem> = {}): DueItem {
  return {
    planId: 'plan-1',
    planTitle: 'План',
    regionId: 'region-1',
    municipalityId: 'mun-1',
    municipalityName: 'Калганский район',
    regionName: 'Забайкальский край',
    currentVersion: 1,
    periodFrom: '2026-01-01',
    periodTo: '2026-12-31',
    itemId: 'item-1',
    itemNumber: '2.3',
    sortOrder: 1,
    content: 'Размещение информации',
    executors: [{ post: 'руководитель' }],
    deadline,
    ...over,
  };
}

const parsed = (text: string): Deadline => {
  const r = parseDeadline(text);
  assert.ok(r.ok, text);
  return r.deadline;
};

test('the due day itself is not overdue; the next calendar day is', () => {
  const opts = (today: string) => ({ today, daysBefore: 5 });
  // Monday 02.03.2026
  assert.equal(occurrenceStatus('2026-03-02', false, cal, opts('2026-03-02')), 'due_soon');
  assert.equal(occurrenceStatus('2026-03-02', false, cal, opts('2026-03-03')), 'overdue');
  // Sunday 01.03.2026: still the due day on the Sunday, overdue on Monday
  const [onDay] = buildOccurrences([item(parsed('до 01.03.2026'))], new Map(), cal, opts('2026-03-01'));
  assert.equal(onDay!.status, 'due_soon');
  assert.equal(onDay!.daysLeft, 0);
  assert.equal(onDay!.daysOverdue, 0);
  const [nextDay] = buildOccurrences([item(parsed('до 01.03.2026'))], new Map(), cal, opts('2026-03-02'));
  assert.equal(nextDay!.status, 'overdue');
  assert.equal(nextDay!.daysOverdue, 1);
  assert.equal(nextDay!.workingDaysOverdue, 1);
  // days overdue are calendar days; the escalation threshold counts working days
  const [later] = buildOccurrences([item(parsed('до 01.03.2026'))], new Map(), cal, opts('2026-03-13'));
  assert.equal(later!.daysOverdue, 12);
  assert.equal(later!.workingDaysOverdue, 9, '2–6 and 10–13 March: 9 March is a transferred day off');
  // a mark makes it done whatever the date
  const done = new Map<string, CompletionMark>([[completionKey('item-1', '2026-03-01'), { planItemId: 'item-1', dueOn: '2026-03-01', doneOn: '2026-03-05', note: '', eventId: null, eventTitle: null, createdBy: null }]]);
  const [marked] = buildOccurrences([item(parsed('до 01.03.2026'))], done, cal, opts('2026-03-13'));
  assert.equal(marked!.status, 'done');
  assert.equal(marked!.daysOverdue, 0);
});

test('«скоро» counts working days across a holiday and a transferred day off', () => {
  // Tuesday 10.03.2026: Sunday 8 March is a holiday, Monday 9 March the transferred day off.
  const o = (today: string, calendar: WorkingCalendar) => occurrenceStatus('2026-03-10', false, calendar, { today, daysBefore: 3 });
  assert.equal(cal.workingDaysBetween('2026-03-04', '2026-03-10'), 3);
  assert.equal(o('2026-03-04', cal), 'due_soon', 'Wed 04.03: Thu 5, Fri 6, Tue 10 — three working days');
  assert.equal(o('2026-03-03', cal), 'upcoming', 'Tue 03.03: four working days');
  assert.equal(o('2026-03-04', noTransfers), 'upcoming', 'without the transfer 9 March would count');
  // 23 February 2026 is a Monday holiday: two working days before Wednesday 25.02 begin on Friday 20.02
  assert.equal(occurrenceStatus('2026-02-25', false, cal, { today: '2026-02-20', daysBefore: 2 }), 'due_soon');
  assert.equal(occurrenceStatus('2026-02-25', false, cal, { today: '2026-02-19', daysBefore: 2 }), 'upcoming');
  // daysBefore 0: only the due day
  assert.equal(occurrenceStatus('2026-03-10', false, cal, { today: '2026-03-10', daysBefore: 0 }), 'due_soon');
  assert.equal(occurrenceStatus('2026-03-11', false, cal, { today: '2026-03-10', daysBefore: 0 }), 'upcoming');
  // before a due date on days off no working day is left, yet it is not overdue
  const [weekend] = buildOccurrences([item(parsed('до 01.03.2026'))], new Map(), cal, { today: '2026-02-27', daysBefore: 5 });
  assert.equal(weekend!.status, 'due_soon');
  assert.equal(weekend!.workingDaysLeft, 0);
  assert.equal(weekend!.daysLeft, 2);
});

test('quarterly reports «до 15 числа месяца, следующего после окончания квартала» move off weekends', () => {
  const report = item(parsed('До 15 числа месяца, следующего после окончания квартала'), { periodFrom: '2023-01-01', periodTo: '2023-12-31', itemNumber: '4.2' });
  // 15.04.2023 and 15.07.2023 are Saturdays, 15.10.2023 a Sunday; the Q4 report falls in January 2024
  assert.deepEqual(itemDueDates(report, cal), ['2023-04-17', '2023-07-17', '2023-10-16', '2024-01-15']);
  const marks = new Map<string, CompletionMark>([
    [completionKey('item-1', '2023-04-17'), { planItemId: 'item-1', dueOn: '2023-04-17', doneOn: '2023-04-14', note: '', eventId: null, eventTitle: null, createdBy: null }],
  ]);
  const list = buildOccurrences([report], marks, cal, { today: '2023-07-18', daysBefore: 5 });
  assert.deepEqual(
    list.map((o) => [o.dueOn, o.status]),
    [
      ['2023-07-17', 'overdue'],
      ['2023-10-16', 'upcoming'],
      ['2024-01-15', 'upcoming'],
      ['2023-04-17', 'done'],
    ],
    'overdue first, done last',
  );
  assert.equal(list[0]!.daysOverdue, 1);
  // on the Saturday 15.07.2023 the report is not overdue yet: its due date is Monday 17.07
  assert.equal(buildOccurrences([report], marks, cal, { today: '2023-07-15', daysBefore: 5 })[0]!.status, 'due_soon');
});

test('deadlines without dates give no occurrences; quarterly items give one per quarter', () => {
  assert.deepEqual(itemDueDates(item(parsed('На постоянной основе')), cal), []);
  assert.deepEqual(itemDueDates(item(parsed('По мере необходимости')), cal), []);
  assert.deepEqual(itemDueDates(item(parsed('В течение 5 рабочих дней по мере их изменения')), cal), [], 'after_event: no triggering events');
  assert.deepEqual(itemDueDates(item(null), cal), [], 'a deadline the parser did not understand');
  assert.deepEqual(itemDueDates(item({ kind: 'date', date: 'не дата' }), cal), [], 'a malformed stored deadline');
  assert.deepEqual(itemDueDates(item(parsed('2 квартал 2018 года')), cal), [], 'a date outside the plan period');
  assert.deepEqual(itemDueDates(item(parsed('ежеквартально')), cal), ['2026-03-31', '2026-06-30', '2026-09-30', '2026-12-31']);
});

test('today is the date in the region’s time zone', () => {
  const instant = new Date('2026-03-01T16:00:00Z');
  assert.equal(todayIn('Asia/Chita', instant), '2026-03-02', '01:00 on 2 March in Chita');
  assert.equal(todayIn('Europe/Moscow', instant), '2026-03-01');
  assert.equal(todayIn('Europe/Kaliningrad', new Date('2026-12-31T22:30:00Z')), '2027-01-01');
});

test('counts and filters', () => {
  const items = [
    item(parsed('до 01.03.2026'), { itemId: 'a', itemNumber: '1.1' }),
    item(parsed('до 06.03.2026'), { itemId: 'b', itemNumber: '1.2' }),
    item(parsed('ежеквартально'), { itemId: 'c', itemNumber: '1.3' }),
    item(parsed('до 20.01.2026'), { itemId: 'd', itemNumber: '1.4' }),
    item(parsed('до 20.12.2025'), { itemId: 'e', itemNumber: '1.5', periodFrom: '2025-01-01', periodTo: '2025-12-31' }),
  ];
  const mark = (id: string, dueOn: string, doneOn: string): [string, CompletionMark] => [completionKey(id, dueOn), { planItemId: id, dueOn, doneOn, note: '', eventId: null, eventTitle: null, createdBy: null }];
  const marks = new Map([mark('d', '2026-01-20', '2026-01-19'), mark('e', '2025-12-20', '2025-12-19')]);
  const list = buildOccurrences(items, marks, cal, { today: '2026-03-04', daysBefore: 5 });
  assert.deepEqual(countOccurrences(list, '2026-03-04'), { overdue: 1, dueSoon: 1, doneThisQuarter: 1 });
  assert.deepEqual(list.filter((o) => matchesStatus(o, 'upcoming')).map((o) => o.item.itemNumber + ' ' + o.dueOn), ['1.2 2026-03-06', '1.3 2026-03-31', '1.3 2026-06-30', '1.3 2026-09-30', '1.3 2026-12-31']);
  assert.equal(list.filter((o) => matchesStatus(o, 'open')).length, 6);
  assert.equal(list.filter((o) => matchesStatus(o, 'done')).length, 2);
  assert.deepEqual(periodRange(parsePeriod('2026-02')!), { from: '2026-02-01', to: '2026-02-28' });
  assert.deepEqual(periodRange(parsePeriod('2026-Q4')!), { from: '2026-10-01', to: '2026-12-31' });
  assert.equal(parsePeriod('2026-13'), null);
  assert.equal(parsePeriod('2026-Q5'), null);
  assert.throws(() => buildOccurrences(items, marks, cal, { today: '04.03.2026', daysBefore: 5 }), /yyyy-mm-dd/);
});
