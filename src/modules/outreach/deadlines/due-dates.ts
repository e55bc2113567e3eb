/**
 * dueDates: the concrete due dates (yyyy-mm-dd, ascending) of a deadline within a plan period.
 *
 * - date / month / quarter / half_year / year: the one date, if it lies in the period;
 * - recurring: the end of every month / quarter / half-year / year ending in the
 *   period (and in the deadline's own year, if it names one);
 * - report_after_period: for every period (quarter or month) ending in the plan
 *   period, from the start period on, the given day of the following month — moved
 *   to the next working day when it is not one (Civil Code art. 193). The report
 *   for the last quarter falls in January of the next year and is included;
 * - after_event: one per event dated in the period: the event + N working days
 *   (calendar days: + N, then Civil Code art. 193);
 * - continuous / as_needed: none.
 */
import {
  addDays,
  compareIsoDates,
  halfYearEnd,
  lastDayOfMonth,
  parseIsoDate,
  quarterEnd,
  toIsoDate,
  type IsoDate,
} from './calendar-date.js';
import type { Deadline } from './deadline.js';
import type { WorkingCalendar } from './working-calendar.js';

export interface PlanPeriod {
  from: string;
  to: string;
}

/** The single due date of a one-off deadline (no calendar needed), or undefined. */
export function singleDueDate(deadline: Deadline): IsoDate | undefined {
  switch (deadline.kind) {
    case 'date':
      return deadline.date;
    case 'month':
      return lastDayOfMonth(deadline.year, deadline.month);
    case 'quarter':
      return quarterEnd(deadline.year, deadline.quarter);
    case 'half_year':
      return halfYearEnd(deadline.year, deadline.half);
    case 'year':
      return toIsoDate(deadline.year, 12, 31);
    default:
      return undefined;
  }
}

/** Ends of the months (step 1), quarters (3), half-years (6) or years (12) that lie in [from, to]. */
function periodEnds(from: IsoDate, to: IsoDate, stepMonths: number): IsoDate[] {
  const out: IsoDate[] = [];
  const start = parseIsoDate(from);
  const end = parseIsoDate(to);
  for (let y = start.year; y <= end.year; y++) {
    for (let mo = stepMonths; mo <= 12; mo += stepMonths) {
      const d = lastDayOfMonth(y, mo);
      if (compareIsoDates(d, from) >= 0 && compareIsoDates(d, to) <= 0) out.push(d);
    }
  }
  return out;
}

const STEP = { month: 1, quarter: 3, half_year: 6, year: 12 } as const;

function inPeriod(d: IsoDate, p: PlanPeriod): boolean {
  return compareIsoDates(d, p.from) >= 0 && compareIsoDates(d, p.to) <= 0;
}

export function dueDates(
  deadline: Deadline,
  period: PlanPeriod,
  calendar: WorkingCalendar,
  events?: ReadonlyArray<{ date: string }>,
): string[] {
  parseIsoDate(period.from);
  parseIsoDate(period.to);
  if (compareIsoDates(period.from, period.to) > 0) throw new RangeError(`Plan period ends before it starts: ${period.from}..${period.to}`);

  switch (deadline.kind) {
    case 'date':
    case 'month':
    case 'quarter':
    case 'half_year':
    case 'year': {
      const d = singleDueDate(deadline);
      return d && inPeriod(d, period) ? [d] : [];
    }
    case 'continuous':
    case 'as_needed':
      return [];
    case 'recurring': {
      let from = period.from;
      let to = period.to;
      if (deadline.year !== undefined) {
        const yFrom = toIsoDate(deadline.year, 1, 1);
        const yTo = toIsoDate(deadline.year, 12, 31);
        if (compareIsoDates(yFrom, from) > 0) from = yFrom;
        if (compareIsoDates(yTo, to) < 0) to = yTo;
        if (compareIsoDates(from, to) > 0) return [];
      }
      return periodEnds(from, to, STEP[deadline.every]);
    }
    case 'report_after_period': {
      const step = deadline.period === 'quarter' ? 3 : 1;
      let ends = periodEnds(period.from, period.to, step);
      if (deadline.start) {
        const startEnd =
          deadline.period === 'quarter'
            ? quarterEnd(deadline.start.year, deadline.start.index)
            : lastDayOfMonth(deadline.start.year, deadline.start.index);
        ends = ends.filter((e) => compareIsoDates(e, startEnd) >= 0);
      }
      return ends.map((end) => {
        const next = addDays(end, 1); // the 1st of the following month
        const { year, month } = parseIsoDate(next);
        return calendar.workingDayOnOrAfter(toIsoDate(year, month, deadline.dayOfMonth));
      });
    }
    case 'after_event': {
      const out = (events ?? [])
        .filter((e) => inPeriod(e.date, period))
        .map((e) =>
          deadline.dayType === 'working'
            ? calendar.addWorkingDays(e.date, deadline.days)
            : calendar.workingDayOnOrAfter(addDays(e.date, deadline.days)),
        );
      return [...new Set(out)].sort(compareIsoDates);
    }
  }
}
