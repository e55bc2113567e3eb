import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { describeDeadline } from './describe-deadline.js';
import { dueDates } from './due-dates.js';
import type { DeadlineKind } from './deadline.js';
import { parseDeadline } from './parse-deadline.js';
import { RUSSIAN_TRANSFERS_2016_2026 } from './transfers-data.js';
import { WorkingCalendar } from './working-calendar.js';
import { quarterEnd, parseIsoDate } from './calendar-date.js';

const cal = new WorkingCalendar(RUSSIAN_TRANSFERS_2016_2026);
const P2016 = { from: '2016-01-01', to: '2016-12-31' };
const P2018 = { from: '2018-01-01', to: '2018-12-31' };
/** Events for relative rules: Thu 28.04.2016 (before the May holidays) and Fri 30.11.2018 */
const EVENTS_2016 = [{ date: '2016-04-28' }, { date: '2016-09-01' }];
const EVENTS_2018 = [{ date: '2018-11-30' }];

/** Every phrase of the deadline column («Срок исполнения» / «Срок реализации») of seeds 002 and 003. */
const SEED_PHRASES: Array<{ seed: string; text: string; kind: DeadlineKind; period: { from: string; to: string }; events?: Array<{ date: string }>; due: string[] }> = [
  // seed 002, Kalgansky district, plan for 2018
  { seed: '002 1.1, 2.1–2.6, 2.8, 3.2', text: 'На постоянной основе', kind: 'continuous', period: P2018, due: [] },
  { seed: '002 1.2', text: '2 квартал 2018 года', kind: 'quarter', period: P2018, due: ['2018-06-30'] },
  { seed: '002 1.3', text: 'ежеквартально', kind: 'recurring', period: P2018, due: ['2018-03-31', '2018-06-30', '2018-09-30', '2018-12-31'] },
  { seed: '002 2.7, 3.3', text: '2018 год', kind: 'year', period: P2018, due: ['2018-12-31'] },
  { seed: '002 3.1', text: 'Ежеквартально в течение 2018 года', kind: 'recurring', period: P2018, due: ['2018-03-31', '2018-06-30', '2018-09-30', '2018-12-31'] },
  // seed 003, Okha urban district, plan of 04.03.2016
  { seed: '003 1.1.1–1.1.4, 1.5', text: 'Апрель 2016 года', kind: 'month', period: P2016, due: ['2016-04-30'] },
  { seed: '003 1.1.5, 1.1.6, 2.1.3 …', text: 'Постоянно', kind: 'continuous', period: P2016, due: [] },
  { seed: '003 1.1.7', text: 'По мере необходимости', kind: 'as_needed', period: P2016, due: [] },
  { seed: '003 1.2, 2.1.1, 2.1.2, 2.2.3, 2.2.4, 4.1', text: 'II квартал 2016 года', kind: 'quarter', period: P2016, due: ['2016-06-30'] },
  // 28.04.2016 + 3 working days: 29.04, (30.04–3.05 off), 4.05, 5.05
  { seed: '003 1.3', text: 'В течение 3 рабочих дней по мере их изменения', kind: 'after_event', period: P2016, events: EVENTS_2016, due: ['2016-05-05', '2016-09-06'] },
  { seed: '003 1.4', text: 'В течение 5 рабочих дней с момента размещения в разделе 1.5 Репозитория Минкомсвязи России', kind: 'after_event', period: P2016, events: EVENTS_2016, due: ['2016-05-10', '2016-09-08'] },
  { seed: '003 2.1.4, 2.2.1', text: 'В течение 5 рабочих дней по мере их изменения', kind: 'after_event', period: P2016, events: EVENTS_2016, due: ['2016-05-10', '2016-09-08'] },
  { seed: '003 2.2.5, 2.3.2', text: 'Обновляются в течение 3 рабочих дней по мере их изменения', kind: 'after_event', period: P2016, events: EVENTS_2016, due: ['2016-05-05', '2016-09-06'] },
  { seed: '003 2.4.2', text: 'Обновляются в течение 5 рабочих дней по мере их изменения', kind: 'after_event', period: P2016, events: EVENTS_2016, due: ['2016-05-10', '2016-09-08'] },
  // 15.10.2016 is a Saturday → Monday 17.10; 15.01.2017 is a Sunday → Monday 16.01 (Civil Code art. 193)
  { seed: '003 4.2', text: 'До 15 числа месяца, следующего после окончания квартала, начиная со II квартала 2016 года', kind: 'report_after_period', period: P2016, due: ['2016-07-15', '2016-10-17', '2017-01-16'] },
];

for (const row of SEED_PHRASES) {
  test(`seed ${row.seed}: «${row.text}»`, () => {
    const r = parseDeadline(row.text);
    assert.ok(r.ok, r.ok ? '' : r.message);
    assert.equal(r.deadline.kind, row.kind);
    assert.deepEqual(dueDates(r.deadline, row.period, cal, row.events), row.due);
  });
}

test('seed phrases: parsed values', () => {
  const p = (s: string) => {
    const r = parseDeadline(s);
    assert.ok(r.ok, s);
    return r.deadline;
  };
  assert.deepEqual(p('2 квартал 2018 года'), { kind: 'quarter', year: 2018, quarter: 2 });
  assert.deepEqual(p('II квартал 2016 года'), { kind: 'quarter', year: 2016, quarter: 2 });
  assert.deepEqual(p('Апрель 2016 года'), { kind: 'month', year: 2016, month: 4 });
  assert.deepEqual(p('Ежеквартально в течение 2018 года'), { kind: 'recurring', every: 'quarter', year: 2018 });
  assert.deepEqual(p('В течение 3 рабочих дней по мере их изменения'), {
    kind: 'after_event', days: 3, dayType: 'working', trigger: 'change', event: 'изменения материалов',
  });
  assert.deepEqual(p('В течение 5 рабочих дней с момента размещения в разделе 1.5 Репозитория Минкомсвязи России'), {
    kind: 'after_event', days: 5, dayType: 'working', trigger: 'publication', event: 'размещения в разделе 1.5 Репозитория Минкомсвязи России',
  });
  assert.deepEqual(p('До 15 числа месяца, следующего после окончания квартала, начиная со II квартала 2016 года'), {
    kind: 'report_after_period', dayOfMonth: 15, period: 'quarter', start: { year: 2016, index: 2 },
  });
});

test('other forms of DOMAIN.md and tolerant spellings', () => {
  const cases: Array<[string, unknown]> = [
    ['апрель 2016', { kind: 'month', year: 2016, month: 4 }],
    ['в апреле 2016 г.', { kind: 'month', year: 2016, month: 4 }],
    ['Май 2016 г', { kind: 'month', year: 2016, month: 5 }],
    ['в марте 2018 года', { kind: 'month', year: 2018, month: 3 }],
    ['IV кв. 2018', { kind: 'quarter', year: 2018, quarter: 4 }],
    ['4 кв 2018 г.', { kind: 'quarter', year: 2018, quarter: 4 }],
    ['во II квартале 2016 г.', { kind: 'quarter', year: 2016, quarter: 2 }],
    ['3-й квартал 2018 года', { kind: 'quarter', year: 2018, quarter: 3 }],
    ['первый квартал 2018 года', { kind: 'quarter', year: 2018, quarter: 1 }],
    ['I полугодие 2018 года', { kind: 'half_year', year: 2018, half: 1 }],
    ['во втором полугодии 2018 г.', { kind: 'half_year', year: 2018, half: 2 }],
    ['в течение 2018 года', { kind: 'year', year: 2018 }],
    ['2018 г.', { kind: 'year', year: 2018 }],
    ['до 31 декабря 2018 года', { kind: 'date', date: '2018-12-31' }],
    ['до 01.07.2018', { kind: 'date', date: '2018-07-01' }],
    ['не позднее 1 июля 2018 г.', { kind: 'date', date: '2018-07-01' }],
    ['ежемесячно', { kind: 'recurring', every: 'month' }],
    ['Ежегодно', { kind: 'recurring', every: 'year' }],
    ['1 раз в квартал', { kind: 'recurring', every: 'quarter' }],
    ['ПОСТОЯННО.', { kind: 'continuous' }],
    ['  по  мере   необходимости  ', { kind: 'as_needed' }],
    ['В течение 10 календарных дней с момента изменения расписания', {
      kind: 'after_event', days: 10, dayType: 'calendar', trigger: 'change', event: 'изменения расписания',
    }],
    ['в течение 1 рабочего дня со дня поступления обращения', {
      kind: 'after_event', days: 1, dayType: 'working', trigger: 'other', event: 'поступления обращения',
    }],
    ['До 15 числа месяца, следующего после окончания квартала', { kind: 'report_after_period', dayOfMonth: 15, period: 'quarter' }],
    ['до 10 числа месяца, следующего за отчетным месяцем, начиная с апреля 2016 года', {
      kind: 'report_after_period', dayOfMonth: 10, period: 'month', start: { year: 2016, index: 4 },
    }],
    ['Апрель 2016 года'.replace('е', 'ё'), { kind: 'month', year: 2016, month: 4 }],
  ];
  for (const [text, expected] of cases) {
    const r = parseDeadline(text);
    assert.ok(r.ok, `${text}: ${r.ok ? '' : r.message}`);
    assert.deepEqual(r.deadline, expected, text);
  }
});

test('unparseable text is refused with a Russian message containing examples', () => {
  for (const text of ['', '   ', 'когда-нибудь', 'V квартал 2018 года', 'до 31.02.2018', 'в течение 5 дней по мере их изменения', 'ежеквартально в течение года', 'до 45 числа месяца, следующего после окончания квартала', 'Апрель']) {
    const r = parseDeadline(text);
    assert.equal(r.ok, false, text);
    if (!r.ok) {
      assert.match(r.message, /Примеры|например/);
      assert.match(r.message, /«II квартал 2016 года»/);
      assert.match(r.message, /«Постоянно»/);
    }
  }
  const empty = parseDeadline('');
  assert.ok(!empty.ok && empty.message.startsWith('Срок не указан'));
});

test('due dates: quarterly / monthly / report periods, clipping and events', () => {
  const q = parseDeadline('ежеквартально');
  assert.ok(q.ok);
  assert.deepEqual(dueDates(q.deadline, { from: '2026-01-01', to: '2026-12-31' }, cal), ['2026-03-31', '2026-06-30', '2026-09-30', '2026-12-31']);
  assert.deepEqual(dueDates(q.deadline, { from: '2017-05-01', to: '2018-02-15' }, cal), ['2017-06-30', '2017-09-30', '2017-12-31']);
  const q2018 = parseDeadline('Ежеквартально в течение 2018 года');
  assert.ok(q2018.ok);
  assert.deepEqual(dueDates(q2018.deadline, { from: '2017-01-01', to: '2019-12-31' }, cal), ['2018-03-31', '2018-06-30', '2018-09-30', '2018-12-31']);
  assert.deepEqual(dueDates(q2018.deadline, P2016, cal), []);
  const m = parseDeadline('ежемесячно');
  assert.ok(m.ok);
  assert.equal(dueDates(m.deadline, { from: '2024-01-01', to: '2024-12-31' }, cal)[1], '2024-02-29');
  // a one-off deadline outside the plan period gives no date
  const apr = parseDeadline('Апрель 2016 года');
  assert.ok(apr.ok);
  assert.deepEqual(dueDates(apr.deadline, P2018, cal), []);
  // report for 2022 without a start: 15.01.2023 is a Sunday → 16.01.2023; 15.10.2022 Saturday → 17.10
  const rep = parseDeadline('До 15 числа месяца, следующего после окончания квартала');
  assert.ok(rep.ok);
  assert.deepEqual(dueDates(rep.deadline, { from: '2022-01-01', to: '2022-12-31' }, cal), ['2022-04-15', '2022-07-15', '2022-10-17', '2023-01-16']);
  // relative rule: events outside the period are ignored; N working days across New Year
  const rel = parseDeadline('В течение 5 рабочих дней по мере их изменения');
  assert.ok(rel.ok);
  assert.deepEqual(dueDates(rel.deadline, P2018, cal, EVENTS_2018.concat([{ date: '2018-12-28' }, { date: '2019-02-01' }])), ['2018-12-07', '2019-01-14']);
  assert.deepEqual(dueDates(rel.deadline, P2018, cal), []);
  assert.throws(() => dueDates(rel.deadline, { from: '2018-12-31', to: '2018-01-01' }, cal), RangeError);
});

test('describe: Russian and English', () => {
  const d = (s: string, lang: 'ru' | 'en' = 'ru') => {
    const r = parseDeadline(s);
    assert.ok(r.ok, s);
    return describeDeadline(r.deadline, lang, { calendar: cal });
  };
  assert.equal(d('II квартал 2016 года'), 'Срок: до 30.06.2016');
  assert.equal(d('II квартал 2016 года', 'en'), 'Due by 2016-06-30');
  assert.equal(d('До 15 числа месяца, следующего после окончания квартала, начиная со II квартала 2016 года'), 'Срок: до 15.07.2016, затем каждый квартал');
  assert.equal(d('До 15 числа месяца, следующего после окончания квартала, начиная со III квартала 2016 года'), 'Срок: до 17.10.2016, затем каждый квартал');
  assert.equal(d('До 15 числа месяца, следующего после окончания квартала, начиная со II квартала 2016 года', 'en'), 'Due by 2016-07-15, then every quarter');
  assert.equal(d('Ежеквартально в течение 2018 года'), 'Каждый квартал: до 31.03, 30.06, 30.09, 31.12 2018 года');
  assert.equal(d('Ежеквартально в течение 2018 года', 'en'), 'Every quarter: by 03-31, 06-30, 09-30, 12-31 of 2018');
  assert.equal(d('ежеквартально'), 'Каждый квартал: до 31.03, 30.06, 30.09, 31.12');
  assert.equal(d('Постоянно'), 'Постоянно — проверяется по периодичности обновления');
  assert.equal(d('На постоянной основе', 'en'), 'Continuous — checked by how often it is updated');
  assert.equal(d('В течение 5 рабочих дней по мере их изменения'), 'В течение 5 рабочих дней после: изменения материалов');
  assert.equal(d('В течение 1 рабочего дня по мере их изменения'), 'В течение 1 рабочего дня после: изменения материалов');
  assert.equal(d('В течение 3 рабочих дней по мере их изменения', 'en'), 'Within 3 working days after: a change of the materials');
  assert.equal(
    d('В течение 5 рабочих дней с момента размещения в разделе 1.5 Репозитория Минкомсвязи России'),
    'В течение 5 рабочих дней после: размещения в разделе 1.5 Репозитория Минкомсвязи России',
  );
  assert.equal(d('По мере необходимости'), 'По мере необходимости');
  assert.equal(d('По мере необходимости', 'en'), 'As needed');
  assert.equal(d('2018 год'), 'Срок: до 31.12.2018');
});

// ---- property tests ----

test('property: quarter end dates are the last day of March/June/September/December', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 1, max: 4 }), (year, q) => {
      const { month, day } = parseIsoDate(quarterEnd(year, q));
      return month === q * 3 && day === (month === 3 || month === 12 ? 31 : 30);
    }),
  );
  fc.assert(
    fc.property(fc.integer({ min: 1990, max: 2099 }), fc.constantFrom('I', 'II', 'III', 'IV', '1', '2', '3', '4'), (year, q) => {
      const r = parseDeadline(`${q} квартал ${year} года`);
      if (!r.ok) return false;
      const [due] = dueDates(r.deadline, { from: `${year}-01-01`, to: `${year}-12-31` }, cal);
      return due !== undefined && /-(03-31|06-30|09-30|12-31)$/.test(due);
    }),
  );
});

/** Randomly change letter case and widen/add spaces; keep words intact. */
function mutate(text: string, caseBits: boolean[], spaces: number[]): string {
  let i = 0;
  const cased = [...text].map((ch) => (caseBits[i++ % caseBits.length] ? ch.toUpperCase() : ch.toLowerCase())).join('');
  let j = 0;
  const spaced = cased.replace(/ /g, () => ' '.repeat(1 + (spaces[j++ % spaces.length] ?? 0)).replace(/^ /, (spaces[j % spaces.length] ?? 0) % 2 ? '\t' : ' '));
  return `${' '.repeat(spaces[0] ?? 0)}${spaced}${' '.repeat(spaces[1] ?? 0)}`;
}

test('property: parsing is case- and space-insensitive for every seed phrase', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...SEED_PHRASES.map((r) => r.text)),
      fc.array(fc.boolean(), { minLength: 1, maxLength: 40 }),
      fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 2, maxLength: 20 }),
      (text, caseBits, spaces) => {
        const base = parseDeadline(text);
        const mutated = parseDeadline(mutate(text, caseBits, spaces));
        assert.deepEqual(mutated, base);
        return true;
      },
    ),
    { numRuns: 500 },
  );
});
