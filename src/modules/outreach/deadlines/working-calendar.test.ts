import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays, fromDayNumber, isoDayOfWeek, toDayNumber } from './calendar-date.js';
import { RUSSIAN_TRANSFERS_2016_2026 } from './transfers-data.js';
import { WorkingCalendar } from './working-calendar.js';

const cal = new WorkingCalendar(RUSSIAN_TRANSFERS_2016_2026);

test('public holidays of Labour Code art. 112: 1–8 January, 23.02, 8.03, 1.05, 9.05, 12.06, 4.11', () => {
  for (let d = 1; d <= 8; d++) assert.equal(cal.isHoliday(`2026-01-0${d}`), true, `2026-01-0${d}`);
  assert.equal(cal.holidayName('2026-01-07'), 'Рождество Христово');
  for (const md of ['02-23', '03-08', '05-01', '05-09', '06-12', '11-04']) {
    assert.equal(cal.isHoliday(`2024-${md}`), true, md);
    assert.equal(cal.isWorkingDay(`2024-${md}`), false, md);
  }
  // the neighbours are not holidays
  for (const md of ['01-09', '02-22', '02-24', '03-07', '03-09', '04-30', '05-02', '05-08', '05-13', '06-11', '06-13', '11-03', '11-05', '12-31']) {
    assert.equal(cal.isHoliday(`2023-${md}`), false, md);
  }
  // 7 November and 12 December are no longer holidays
  assert.equal(cal.isHoliday('2023-11-07'), false);
  assert.equal(cal.isWorkingDay('2023-12-12'), true);
});

test('holiday boundaries: first working days after the New Year holidays', () => {
  assert.equal(cal.isWorkingDay('2016-01-08'), false);
  assert.equal(cal.isWorkingDay('2016-01-11'), true); // 9–10 Jan weekend
  assert.equal(cal.isWorkingDay('2018-01-08'), false);
  assert.equal(cal.isWorkingDay('2018-01-09'), true);
  assert.equal(cal.isWorkingDay('2026-01-09'), false); // transferred from Sat 3 Jan
  assert.equal(cal.isWorkingDay('2026-01-12'), true);
  assert.equal(cal.isWorkingDay('2015-12-31'), true); // no data for 2015: plain weekday
});

test('a holiday falling on a weekend, with its transfer from the data', () => {
  // 7 January 2024 was a Sunday; the decree moved that day off to Tuesday 31 December 2024
  assert.equal(isoDayOfWeek('2024-01-07'), 7);
  assert.equal(cal.dayKind('2024-12-31'), 'transferred_day_off');
  assert.match(cal.transferOf('2024-12-31')?.source ?? '', /10\.08\.2023 № 1314/);
  // 1 May 2016 (Sunday) → Monday 2 May (art. 112 part 2); 2 January (Saturday) → Tuesday 3 May
  assert.equal(cal.isWorkingDay('2016-05-02'), false);
  assert.equal(cal.isWorkingDay('2016-05-03'), false);
  assert.equal(cal.isWorkingDay('2016-05-04'), true);
  // 4 November 2018 (Sunday) → Monday 5 November
  assert.equal(cal.isWorkingDay('2018-11-05'), false);
  // 2019: 23 February (Saturday) went to 10 May, not to Monday 25 February
  assert.equal(cal.isWorkingDay('2019-02-25'), true);
  assert.equal(cal.isWorkingDay('2019-05-10'), false);
  // without the data the weekend holiday moves nowhere
  const bare = new WorkingCalendar([]);
  assert.equal(bare.isWorkingDay('2016-05-02'), true);
});

test('a Saturday made a working day', () => {
  assert.equal(cal.dayKind('2018-04-28'), 'transferred_working_day');
  assert.equal(cal.isWorkingDay('2018-04-28'), true);
  assert.equal(cal.isWorkingDay('2018-04-30'), false);
  assert.equal(cal.isWorkingDay('2024-11-02'), true);
  assert.equal(cal.isWorkingDay('2024-12-28'), true);
  assert.equal(cal.isWorkingDay('2016-02-20'), true);
  assert.equal(cal.isWorkingDay('2016-02-22'), false);
  assert.equal(cal.isWorkingDay('2018-04-21'), false); // an ordinary Saturday
});

test('working days per year equal the published production calendar', () => {
  const expected: Record<number, number> = {
    2016: 247, 2017: 247, 2018: 247, 2019: 247, 2020: 248, 2021: 247,
    2022: 247, 2023: 247, 2024: 248, 2025: 247, 2026: 247,
  };
  for (const [year, n] of Object.entries(expected)) assert.equal(cal.workingDaysInYear(Number(year)), n, year);
});

test('addWorkingDays across New Year', () => {
  assert.equal(cal.addWorkingDays('2018-12-28', 1), '2018-12-29'); // working Saturday
  assert.equal(cal.addWorkingDays('2018-12-29', 1), '2019-01-09');
  assert.equal(cal.addWorkingDays('2025-12-30', 1), '2026-01-12'); // 31.12 and 9.01 transferred days off
  assert.equal(cal.addWorkingDays('2025-12-30', 5), '2026-01-16');
  assert.equal(cal.addWorkingDays('2023-12-29', 3), '2024-01-11');
  assert.equal(cal.addWorkingDays('2024-01-10', 0), '2024-01-10');
  assert.equal(cal.addWorkingDays('2024-01-06', 0), '2024-01-06'); // n = 0: the day itself, even if not working
  assert.equal(cal.nextWorkingDay('2024-12-27'), '2024-12-28');
  assert.equal(cal.workingDayOnOrAfter('2017-01-15'), '2017-01-16');
  assert.equal(cal.workingDayOnOrAfter('2017-01-16'), '2017-01-16');
  assert.equal(cal.workingDaysBetween('2018-12-28', '2019-01-09'), 2);
  assert.equal(cal.workingDaysBetween('2019-01-09', '2018-12-28'), -2);
  assert.equal(cal.workingDaysBetween('2019-01-09', '2019-01-09'), 0);
});

test('bad input is refused', () => {
  assert.throws(() => cal.isWorkingDay('2024-02-30'), RangeError);
  assert.throws(() => cal.addWorkingDays('2024-01-10', -1), RangeError);
  assert.throws(() => cal.addWorkingDays('2024-01-10', 1.5), RangeError);
  assert.throws(() => new WorkingCalendar([{ date: '2024-05-09', kind: 'working_day' }]), /holiday/);
  assert.throws(() => new WorkingCalendar([{ date: '2024-13-01', kind: 'day_off' }]), RangeError);
  assert.throws(
    () => new WorkingCalendar([{ date: '2024-05-06', kind: 'day_off' }, { date: '2024-05-06', kind: 'working_day' }]),
    /Conflicting/,
  );
  assert.throws(() => new WorkingCalendar([{ date: '2024-05-06', kind: 'nope' as 'day_off' }]), /kind/);
});

test('the transfers data: valid, unique, with sources, days off on weekdays and working days on weekends', () => {
  const seen = new Set<string>();
  for (const t of RUSSIAN_TRANSFERS_2016_2026) {
    assert.ok(!seen.has(t.date), `duplicate ${t.date}`);
    seen.add(t.date);
    assert.ok(t.source && t.source.length > 10, t.date);
    const dow = isoDayOfWeek(t.date);
    if (t.kind === 'day_off') assert.ok(dow <= 5 && !cal.isHoliday(t.date), `${t.date} should be a weekday`);
    else assert.ok(dow >= 6, `${t.date} should be a weekend day`);
  }
});

// ---- property tests ----
const FIRST = toDayNumber('2016-01-01');
const LAST = toDayNumber('2026-10-31');
const dateArb = fc.integer({ min: FIRST, max: LAST }).map(fromDayNumber);

test('property: addWorkingDays(d, n) is a working day for n ≥ 1', () => {
  fc.assert(fc.property(dateArb, fc.integer({ min: 1, max: 40 }), (d, n) => cal.isWorkingDay(cal.addWorkingDays(d, n))));
});

test('property: addWorkingDays is monotonic in n', () => {
  fc.assert(
    fc.property(dateArb, fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }), (d, a, b) => {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      const x = cal.addWorkingDays(d, lo);
      const y = cal.addWorkingDays(d, hi);
      return lo === hi ? x === y : x < y;
    }),
  );
});

test('property: workingDaysBetween(d, addWorkingDays(d, n)) === n', () => {
  fc.assert(
    fc.property(dateArb, fc.integer({ min: 0, max: 60 }), (d, n) => cal.workingDaysBetween(d, cal.addWorkingDays(d, n)) === n),
  );
});

test('property: nextWorkingDay is after the date and every day in between is a day off', () => {
  fc.assert(
    fc.property(dateArb, (d) => {
      const next = cal.nextWorkingDay(d);
      if (!(next > d) || !cal.isWorkingDay(next)) return false;
      for (let x = addDays(d, 1); x < next; x = addDays(x, 1)) if (cal.isWorkingDay(x)) return false;
      return true;
    }),
  );
});
