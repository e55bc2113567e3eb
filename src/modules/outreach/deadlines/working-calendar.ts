/**
 * Russian production calendar (производственный календарь) for a five-day week.
 *
 * Rules:
 * - Public holidays (нерабочие праздничные дни), Labour Code art. 112 part 1 as
 *   in force now: 1–6 and 8 January (New Year holidays), 7 January (Christmas),
 *   23 February, 8 March, 1 May, 9 May, 12 June, 4 November. A holiday is never
 *   a working day.
 * - Saturdays and Sundays are days off.
 * - Everything else comes from DATA (`CalendarTransfer[]`): the days off the
 *   government's yearly decree moves onto weekdays, the Saturdays it makes
 *   working days, and also the statutory moves of art. 112 part 2 (a weekend day
 *   that coincides with a holiday other than 1–8 January moves to the next
 *   working day). The statutory rule is deliberately NOT applied by code: the
 *   government overrides it (e.g. in 2019 the day off for Saturday 23 February
 *   went to 10 May instead of Monday 25 February; in 2025 the days off for
 *   23 February and 8 March went to 8 May and 13 June), so only the published
 *   calendar is reliable. See transfers-data.ts.
 */
import { addDays, isValidIsoDate, isWeekend, parseIsoDate, toDayNumber, type IsoDate } from './calendar-date.js';

export interface CalendarTransfer {
  /** yyyy-mm-dd */
  date: string;
  /** 'day_off': a weekday that becomes a day off; 'working_day': a weekend day that becomes a working day. */
  kind: 'day_off' | 'working_day';
  note?: string;
  /** The act that makes the transfer, e.g. «Постановление Правительства РФ от 10.08.2023 № 1314». */
  source?: string;
}

export type DayKind = 'working' | 'weekend' | 'holiday' | 'transferred_day_off' | 'transferred_working_day';

/** [month, day] of the public holidays of Labour Code art. 112 part 1. */
export const PUBLIC_HOLIDAYS: ReadonlyArray<readonly [number, number, string]> = [
  [1, 1, 'Новогодние каникулы'],
  [1, 2, 'Новогодние каникулы'],
  [1, 3, 'Новогодние каникулы'],
  [1, 4, 'Новогодние каникулы'],
  [1, 5, 'Новогодние каникулы'],
  [1, 6, 'Новогодние каникулы'],
  [1, 7, 'Рождество Христово'],
  [1, 8, 'Новогодние каникулы'],
  [2, 23, 'День защитника Отечества'],
  [3, 8, 'Международный женский день'],
  [5, 1, 'Праздник Весны и Труда'],
  [5, 9, 'День Победы'],
  [6, 12, 'День России'],
  [11, 4, 'День народного единства'],
];

const HOLIDAY_KEYS = new Map(PUBLIC_HOLIDAYS.map(([m, d, name]) => [m * 100 + d, name]));

/** Longest run of consecutive non-working days we accept before suspecting bad data. */
const MAX_NON_WORKING_RUN = 60;

export class WorkingCalendar {
  private readonly transfers = new Map<IsoDate, CalendarTransfer>();

  constructor(transfers: readonly CalendarTransfer[]) {
    for (const t of transfers) {
      if (!isValidIsoDate(t.date)) throw new RangeError(`Transfer date is not yyyy-mm-dd: ${String(t.date)}`);
      if (t.kind !== 'day_off' && t.kind !== 'working_day') throw new RangeError(`Unknown transfer kind: ${String(t.kind)}`);
      if (t.kind === 'working_day' && this.isHoliday(t.date)) {
        throw new RangeError(`A public holiday cannot be made a working day: ${t.date}`);
      }
      const prev = this.transfers.get(t.date);
      if (prev && prev.kind !== t.kind) throw new RangeError(`Conflicting transfers for ${t.date}`);
      this.transfers.set(t.date, t);
    }
  }

  /** A public holiday of art. 112 part 1 (not a transferred day off). */
  isHoliday(date: IsoDate): boolean {
    return this.holidayName(date) !== undefined;
  }

  holidayName(date: IsoDate): string | undefined {
    const { month, day } = parseIsoDate(date);
    return HOLIDAY_KEYS.get(month * 100 + day);
  }

  transferOf(date: IsoDate): CalendarTransfer | undefined {
    parseIsoDate(date);
    return this.transfers.get(date);
  }

  dayKind(date: IsoDate): DayKind {
    if (this.isHoliday(date)) return 'holiday';
    const t = this.transfers.get(date);
    if (t?.kind === 'day_off') return 'transferred_day_off';
    if (t?.kind === 'working_day') return 'transferred_working_day';
    return isWeekend(date) ? 'weekend' : 'working';
  }

  isWorkingDay(date: IsoDate): boolean {
    const k = this.dayKind(date);
    return k === 'working' || k === 'transferred_working_day';
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: IsoDate): IsoDate {
    let d = date;
    for (let i = 0; i <= MAX_NON_WORKING_RUN; i++) {
      d = addDays(d, 1);
      if (this.isWorkingDay(d)) return d;
    }
    throw new RangeError(`No working day within ${MAX_NON_WORKING_RUN} days after ${date}: check the transfers`);
  }

  /** `date` itself if it is a working day, otherwise the next one (Civil Code art. 193). */
  workingDayOnOrAfter(date: IsoDate): IsoDate {
    return this.isWorkingDay(date) ? date : this.nextWorkingDay(date);
  }

  /**
   * The n-th working day after `date`; `date` itself is not counted
   * («в течение 5 рабочих дней с момента X» = addWorkingDays(X, 5)). n = 0 returns `date`.
   */
  addWorkingDays(date: IsoDate, n: number): IsoDate {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer: ${n}`);
    parseIsoDate(date);
    let d = date;
    for (let i = 0; i < n; i++) d = this.nextWorkingDay(d);
    return d;
  }

  /**
   * Working days in the half-open interval (a, b]; negative when b < a.
   * workingDaysBetween(d, addWorkingDays(d, n)) === n.
   */
  workingDaysBetween(a: IsoDate, b: IsoDate): number {
    const da = toDayNumber(a);
    const db = toDayNumber(b);
    if (db < da) return -this.workingDaysBetween(b, a);
    let count = 0;
    let d = a;
    for (let i = da; i < db; i++) {
      d = addDays(d, 1);
      if (this.isWorkingDay(d)) count++;
    }
    return count;
  }

  /** Number of working days in a calendar year (for checks against the published calendar). */
  workingDaysInYear(year: number): number {
    const start = `${String(year).padStart(4, '0')}-01-01`;
    return this.workingDaysBetween(addDays(start, -1), `${String(year).padStart(4, '0')}-12-31`);
  }
}
