/**
 * parseDeadline: the deadline column («Срок исполнения») of a plan, as officials
 * write it, into a Deadline. Tolerant of case, extra spaces, «г.»/«года», Roman or
 * Arabic quarter numbers, «кв.», ё/е and a trailing period.
 */
import { daysInMonth, toIsoDate } from './calendar-date.js';
import type { Cadence, Deadline } from './deadline.js';

export type ParseDeadlineResult = { ok: true; deadline: Deadline } | { ok: false; message: string };

export const DEADLINE_EXAMPLES: readonly string[] = [
  'Апрель 2016 года',
  'II квартал 2016 года',
  'I полугодие 2018 года',
  '2018 год',
  'до 01.07.2018',
  'до 31 декабря 2018 года',
  'Ежеквартально в течение 2018 года',
  'Постоянно',
  'По мере необходимости',
  'В течение 5 рабочих дней по мере их изменения',
  'До 15 числа месяца, следующего после окончания квартала, начиная со II квартала 2016 года',
];

const MONTHS: ReadonlyArray<readonly [RegExp, number]> = [
  [/^январ/, 1],
  [/^феврал/, 2],
  [/^март/, 3],
  [/^апрел/, 4],
  [/^ма[йяе]$/, 5],
  [/^июн/, 6],
  [/^июл/, 7],
  [/^август/, 8],
  [/^сентябр/, 9],
  [/^октябр/, 10],
  [/^ноябр/, 11],
  [/^декабр/, 12],
];

const MONTH_WORD = '(январ[ьяе]|феврал[ьяе]|марта?|марте|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|августа?|августе|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе])';

function monthNumber(word: string): number | undefined {
  for (const [re, n] of MONTHS) if (re.test(word)) return n;
  return undefined;
}

/** «II», «2», «второй», «втором», «2-й» → 2 */
function ordinal(word: string, max: number): number | undefined {
  const w = word.replace(/-?(й|ой|ый|ом|го|ого|м)$/, '');
  const roman: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
  const words: Array<[RegExp, number]> = [
    [/^перв/, 1],
    [/^втор/, 2],
    [/^трет/, 3],
    [/^четверт/, 4],
  ];
  let n: number | undefined;
  if (/^\d+$/.test(w)) n = Number(w);
  else if (w in roman) n = roman[w];
  else for (const [re, v] of words) if (re.test(word)) n = v;
  return n !== undefined && n >= 1 && n <= max ? n : undefined;
}

const YEAR = '((?:19|20)\\d\\d)';
/** optional «г», «г.», «год», «года», «году» after a year */
const YEAR_SUFFIX = '(?:\\s*(?:г\\.?|года|году|год))?';
const ORD = '([ivx]+|\\d-?(?:й|ой|ый|м|ом|го)?|перв\\S*|втор\\S*|трет\\S*|четверт\\S*)';
const QUARTER_WORD = '(?:квартал[аеу]?|кв\\.?)';

/** Lower-case, ё→е, one space, no trailing punctuation, spaces around punctuation normalised. */
export function normalizeDeadlineText(text: string): string {
  return text
    .replace(/[\u00a0\u2007\u202f\t\r\n]/g, ' ')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[«»"“”]/g, '')
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/\s+([.,;:])/g, '$1')
    .replace(/([,;:])(?=\S)/g, '$1 ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s.,;:]+$/, '')
    .trim();
}

function failure(text: string): { ok: false; message: string } {
  const examples = DEADLINE_EXAMPLES.map((e) => `«${e}»`).join(', ');
  const head = text.trim() === '' ? 'Срок не указан.' : `Не удалось распознать срок «${text.trim()}».`;
  return { ok: false, message: `${head} Напишите срок в одной из форм, например: ${examples}.` };
}

function ok(deadline: Deadline): ParseDeadlineResult {
  return { ok: true, deadline };
}

const CADENCE_WORDS: ReadonlyArray<readonly [string, Cadence]> = [
  ['ежемесячно|каждый месяц|1 раз в месяц|раз в месяц', 'month'],
  ['ежеквартально|каждый квартал|1 раз в квартал|раз в квартал', 'quarter'],
  ['раз в полгода|1 раз в полугодие|раз в полугодие|каждое полугодие|ежеполугодно', 'half_year'],
  ['ежегодно|каждый год|1 раз в год|раз в год', 'year'],
];

function parseEvent(rest: string): { trigger: 'change' | 'publication' | 'other'; event: string } | undefined {
  const r = rest.trim();
  if (r === '') return undefined;
  // «по мере их изменения», «по мере изменения материалов»
  let m = /^по мере (?:их )?изменени[яй](?: (.+))?$/.exec(r);
  if (m) return { trigger: 'change', event: m[1] ? `изменения ${m[1]}` : 'изменения материалов' };
  m = /^(?:с момента|со дня|с даты|после) (.+)$/.exec(r);
  if (m && m[1]) {
    const ev = m[1];
    const repo = /^(?:их )?размещени[яе] в раздел[еах]+ ([\d.]+(?:\s*[-,и]\s*[\d.]+)*) репозитори[яйи] минкомсвязи(?: россии)?$/.exec(ev);
    if (repo && repo[1]) {
      const section = repo[1].replace(/\s+/g, '');
      return { trigger: 'publication', event: `размещения в разделе ${section} Репозитория Минкомсвязи России` };
    }
    if (/^(?:их )?(?:размещени|опубликовани|публикаци)/.test(ev)) return { trigger: 'publication', event: ev };
    if (/^(?:их )?изменени/.test(ev)) return { trigger: 'change', event: ev };
    return { trigger: 'other', event: ev };
  }
  return undefined;
}

export function parseDeadline(text: string): ParseDeadlineResult {
  if (typeof text !== 'string') return failure('');
  const t = normalizeDeadlineText(text);
  if (t === '') return failure(text);
  let m: RegExpExecArray | null;

  // Continuous / as needed
  if (/^(?:постоянно|на постоянной основе|в постоянном режиме|на регулярной основе)$/.test(t)) return ok({ kind: 'continuous' });
  if (/^(?:по мере необходимости|при необходимости|по необходимости)$/.test(t)) return ok({ kind: 'as_needed' });

  // Recurring: «ежеквартально», «Ежеквартально в течение 2018 года», «ежемесячно в 2018 году»
  for (const [words, every] of CADENCE_WORDS) {
    m = new RegExp(`^(?:${words})(?:,? (?:в течение|на протяжении|в) ${YEAR}${YEAR_SUFFIX})?$`).exec(t);
    if (m) return ok(m[1] ? { kind: 'recurring', every, year: Number(m[1]) } : { kind: 'recurring', every });
    if (new RegExp(`^(?:${words})[ ,]`).test(t)) return failure(text);
  }

  // Report: «До 15 числа месяца, следующего после окончания квартала, начиная со II квартала 2016 года»
  m = /^(?:не позднее|до) (\d{1,2})(?:-?го)? числа месяца,? следующего (?:после окончания|за окончанием|за) (?:отчетн[а-я]+ |истекш[а-я]+ )?(квартал|месяц)[а-я]*(?:,? начиная (?:со?|от) (.+))?$/.exec(t);
  if (m && m[1] && m[2]) {
    const dayOfMonth = Number(m[1]);
    if (dayOfMonth < 1 || dayOfMonth > 28) return failure(text);
    const period = m[2] === 'квартал' ? 'quarter' : 'month';
    if (!m[3]) return ok({ kind: 'report_after_period', dayOfMonth, period });
    if (period === 'quarter') {
      const q = new RegExp(`^${ORD} ${QUARTER_WORD} ${YEAR}${YEAR_SUFFIX}$`).exec(m[3]);
      const index = q && q[1] ? ordinal(q[1], 4) : undefined;
      if (q && index) return ok({ kind: 'report_after_period', dayOfMonth, period, start: { year: Number(q[2]), index } });
    } else {
      const mo = new RegExp(`^${MONTH_WORD} ${YEAR}${YEAR_SUFFIX}$`).exec(m[3]);
      const index = mo && mo[1] ? monthNumber(mo[1]) : undefined;
      if (mo && index) return ok({ kind: 'report_after_period', dayOfMonth, period, start: { year: Number(mo[2]), index } });
    }
    return failure(text);
  }

  // Relative: «[Обновляются] в течение 5 рабочих дней по мере их изменения / с момента размещения …»
  m = /^(?:обновля[а-я]+ |размеща[а-я]+ |актуализиру[а-я]+ )?(?:в течение|не позднее|в срок не более|в срок до) (\d{1,3}) (рабоч[а-я]+|календарн[а-я]+)? ?(?:дн[а-я]*|день)(?: (.+))?$/.exec(t);
  if (m && m[1]) {
    const days = Number(m[1]);
    const dayType = m[2]?.startsWith('календарн') ? 'calendar' : m[2] ? 'working' : undefined;
    const ev = m[3] ? parseEvent(m[3]) : undefined;
    // «в течение 5 дней» without the kind of days is ambiguous: refuse rather than guess.
    if (days >= 1 && dayType && ev) return ok({ kind: 'after_event', days, dayType, trigger: ev.trigger, event: ev.event });
    return failure(text);
  }

  // Exact date: «до 01.07.2018», «01.07.2018», «до 31 декабря 2018 года», «не позднее 1 июля 2018 г»
  const prefix = '(?:(?:в срок )?до|не позднее|срок до|к)? ?';
  m = new RegExp(`^${prefix}(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})${YEAR_SUFFIX}$`).exec(t);
  if (m) return exactDate(Number(m[3]), Number(m[2]), Number(m[1]), text);
  m = new RegExp(`^${prefix}(\\d{1,2}) ${MONTH_WORD} ${YEAR}${YEAR_SUFFIX}$`).exec(t);
  if (m && m[2]) {
    const month = monthNumber(m[2]);
    if (month) return exactDate(Number(m[3]), month, Number(m[1]), text);
  }

  // Quarter: «II квартал 2016 года», «2 квартал 2018 года», «IV кв. 2018», «во II квартале 2016 г.»
  m = new RegExp(`^(?:(?:в|во|до конца|в течение) )?${ORD} ${QUARTER_WORD} ?${YEAR}${YEAR_SUFFIX}$`).exec(t);
  if (m && m[1]) {
    const q = ordinal(m[1], 4);
    if (q) return ok({ kind: 'quarter', year: Number(m[2]), quarter: q as 1 | 2 | 3 | 4 });
    return failure(text);
  }

  // Half-year: «I полугодие 2018 года», «во втором полугодии 2018 г.»
  m = new RegExp(`^(?:(?:в|во|до конца|в течение) )?${ORD} полугоди[а-я]* ${YEAR}${YEAR_SUFFIX}$`).exec(t);
  if (m && m[1]) {
    const h = ordinal(m[1], 2);
    if (h) return ok({ kind: 'half_year', year: Number(m[2]), half: h as 1 | 2 });
    return failure(text);
  }

  // Month: «Апрель 2016 года», «в апреле 2016 г.», «апрель 2016», «до конца апреля 2016 года»
  m = new RegExp(`^(?:(?:в|до конца|в течение) )?${MONTH_WORD} ${YEAR}${YEAR_SUFFIX}$`).exec(t);
  if (m && m[1]) {
    const month = monthNumber(m[1]);
    if (month) return ok({ kind: 'month', year: Number(m[2]), month });
  }

  // Year: «2018 год», «в течение 2018 года», «в 2018 году», «2018 г.», «до конца 2018 года»
  m = new RegExp(`^(?:(?:в течение|в|до конца|на протяжении) )?${YEAR}${YEAR_SUFFIX}$`).exec(t);
  if (m) return ok({ kind: 'year', year: Number(m[1]) });

  return failure(text);
}

function exactDate(year: number, month: number, day: number, text: string): ParseDeadlineResult {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return failure(text);
  return ok({ kind: 'date', date: toIsoDate(year, month, day) });
}
