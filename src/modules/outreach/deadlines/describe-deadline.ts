/**
 * How a deadline was understood, shown next to the field where it is typed:
 * «Срок: до 30.06.2016», «Каждый квартал: до 31.03, 30.06, 30.09, 31.12 2018 года» …
 */
import { plural, type Lang } from '../../../platform/i18n.js';
import { formatRu, lastDayOfMonth, parseIsoDate, quarterEnd, toIsoDate, type IsoDate } from './calendar-date.js';
import type { Deadline } from './deadline.js';
import { dueDates, singleDueDate, type PlanPeriod } from './due-dates.js';
import type { WorkingCalendar } from './working-calendar.js';

const ROMAN = ['I', 'II', 'III', 'IV'] as const;

function fmt(lang: Lang, d: IsoDate): string {
  return lang === 'ru' ? formatRu(d) : d;
}

/** dd.mm (ru) or mm-dd (en) */
function fmtShort(lang: Lang, d: IsoDate): string {
  const { month, day } = parseIsoDate(d);
  const dd = String(day).padStart(2, '0');
  const mm = String(month).padStart(2, '0');
  return lang === 'ru' ? `${dd}.${mm}` : `${mm}-${dd}`;
}

function workingDaysPhrase(lang: Lang, n: number, dayType: 'working' | 'calendar'): string {
  if (lang === 'ru') {
    const forms =
      dayType === 'working'
        ? { one: 'рабочего дня', few: 'рабочих дней', many: 'рабочих дней', other: 'рабочих дней' }
        : { one: 'календарного дня', few: 'календарных дней', many: 'календарных дней', other: 'календарных дней' };
    return `${n} ${plural('ru', n, forms)}`;
  }
  const word = dayType === 'working' ? 'working' : 'calendar';
  return `${n} ${word} ${plural('en', n, { one: 'day', other: 'days' })}`;
}

const EVENT_EN: Record<string, string> = {
  'изменения материалов': 'a change of the materials',
};

function eventEn(event: string): string {
  const known = EVENT_EN[event];
  if (known) return known;
  const repo = /^размещения в разделе ([\d.,-]+) Репозитория Минкомсвязи России$/.exec(event);
  if (repo) return `publication in section ${repo[1]} of the Ministry of Communications repository`;
  return `«${event}»`;
}

/** First due date of a report deadline: the day of the month after its start period (moved to a working day if a calendar is given). */
function firstReportDate(d: Extract<Deadline, { kind: 'report_after_period' }>, calendar?: WorkingCalendar): IsoDate | undefined {
  if (!d.start) return undefined;
  const end = d.period === 'quarter' ? quarterEnd(d.start.year, d.start.index) : lastDayOfMonth(d.start.year, d.start.index);
  const { year, month } = parseIsoDate(end);
  const due = month === 12 ? toIsoDate(year + 1, 1, d.dayOfMonth) : toIsoDate(year, month + 1, d.dayOfMonth);
  return calendar ? calendar.workingDayOnOrAfter(due) : due;
}

export interface DescribeOptions {
  /** With a calendar, report dates are shown already moved to a working day (Civil Code art. 193). */
  calendar?: WorkingCalendar;
  /**
   * The plan's period: a report deadline that names no start («до 15 числа месяца,
   * следующего после окончания квартала») then shows its first date in the period
   * («Срок: до 15.04.2026, затем каждый квартал»). Needs the calendar too.
   */
  period?: PlanPeriod;
}

export function describeDeadline(deadline: Deadline, lang: Lang = 'ru', options: DescribeOptions = {}): string {
  const ru = lang === 'ru';
  switch (deadline.kind) {
    case 'date':
    case 'month':
    case 'quarter':
    case 'half_year':
    case 'year': {
      const d = singleDueDate(deadline) as IsoDate;
      return ru ? `Срок: до ${fmt(lang, d)}` : `Due by ${fmt(lang, d)}`;
    }
    case 'continuous':
      return ru ? 'Постоянно — проверяется по периодичности обновления' : 'Continuous — checked by how often it is updated';
    case 'as_needed':
      return ru ? 'По мере необходимости' : 'As needed';
    case 'recurring': {
      const y = deadline.year;
      switch (deadline.every) {
        case 'quarter': {
          const ends = [1, 2, 3, 4].map((q) => fmtShort(lang, quarterEnd(y ?? 2001, q))).join(', ');
          return ru
            ? `Каждый квартал: до ${ends}${y !== undefined ? ` ${y} года` : ''}`
            : `Every quarter: by ${ends}${y !== undefined ? ` of ${y}` : ''}`;
        }
        case 'half_year':
          return ru
            ? `Каждое полугодие: до 30.06, 31.12${y !== undefined ? ` ${y} года` : ''}`
            : `Every half-year: by 06-30, 12-31${y !== undefined ? ` of ${y}` : ''}`;
        case 'month':
          return ru
            ? `Каждый месяц: до последнего дня месяца${y !== undefined ? ` в ${y} году` : ''}`
            : `Every month: by the last day of the month${y !== undefined ? ` in ${y}` : ''}`;
        case 'year':
          return ru ? `Каждый год: до 31.12${y !== undefined ? ` ${y} года` : ''}` : `Every year: by 12-31${y !== undefined ? ` of ${y}` : ''}`;
      }
      break;
    }
    case 'after_event':
      return ru
        ? `В течение ${workingDaysPhrase(lang, deadline.days, deadline.dayType)} после: ${deadline.event}`
        : `Within ${workingDaysPhrase(lang, deadline.days, deadline.dayType)} after: ${eventEn(deadline.event)}`;
    case 'report_after_period': {
      const first =
        firstReportDate(deadline, options.calendar) ?? (options.period && options.calendar ? dueDates(deadline, options.period, options.calendar)[0] : undefined);
      const every = deadline.period === 'quarter' ? (ru ? 'каждый квартал' : 'every quarter') : ru ? 'каждый месяц' : 'every month';
      if (first) return ru ? `Срок: до ${fmt(lang, first)}, затем ${every}` : `Due by ${fmt(lang, first)}, then ${every}`;
      const after = deadline.period === 'quarter' ? (ru ? 'каждого квартала' : 'each quarter') : ru ? 'каждого месяца' : 'each month';
      return ru
        ? `До ${deadline.dayOfMonth} числа месяца после окончания ${after}`
        : `By day ${deadline.dayOfMonth} of the month after ${after}`;
    }
  }
  return '';
}

/** «II квартал 2016 года» — the period a quarter deadline names (for labels). */
export function quarterLabel(year: number, quarter: 1 | 2 | 3 | 4, lang: Lang = 'ru'): string {
  return lang === 'ru' ? `${ROMAN[quarter - 1]} квартал ${year} года` : `Q${quarter} ${year}`;
}
