/**
 * Plain calendar dates as `yyyy-mm-dd` strings. No time zones: a deadline is a
 * day on the Russian calendar, not an instant. Arithmetic goes through a day
 * number (days since 1970-01-01) computed with Date.UTC, which is exact for
 * the proleptic Gregorian calendar.
 */
export type IsoDate = string;

export interface CalendarDate {
  year: number;
  month: number; // 1..12
  day: number; // 1..31
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isValidIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return y >= 1000 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function parseIsoDate(value: IsoDate): CalendarDate {
  if (!isValidIsoDate(value)) throw new RangeError(`Not a calendar date (yyyy-mm-dd): ${String(value)}`);
  return { year: Number(value.slice(0, 4)), month: Number(value.slice(5, 7)), day: Number(value.slice(8, 10)) };
}

export function toIsoDate(year: number, month: number, day: number): IsoDate {
  const s = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (!isValidIsoDate(s)) throw new RangeError(`Not a calendar date: ${year}-${month}-${day}`);
  return s;
}

/** Days since 1970-01-01. */
export function toDayNumber(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function fromDayNumber(n: number): IsoDate {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, n: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + n);
}

/** ISO day of week: 1 = Monday … 7 = Sunday. */
export function isoDayOfWeek(date: IsoDate): number {
  const wd = new Date(toDayNumber(date) * MS_PER_DAY).getUTCDay(); // 0 = Sunday
  return wd === 0 ? 7 : wd;
}

export function isWeekend(date: IsoDate): boolean {
  return isoDayOfWeek(date) >= 6;
}

export function lastDayOfMonth(year: number, month: number): IsoDate {
  return toIsoDate(year, month, daysInMonth(year, month));
}

export function quarterEnd(year: number, quarter: number): IsoDate {
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) throw new RangeError(`Quarter must be 1..4: ${quarter}`);
  return lastDayOfMonth(year, quarter * 3);
}

export function halfYearEnd(year: number, half: number): IsoDate {
  if (half !== 1 && half !== 2) throw new RangeError(`Half-year must be 1 or 2: ${half}`);
  return lastDayOfMonth(year, half * 6);
}

/** -1, 0, 1; yyyy-mm-dd strings compare correctly as text. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** dd.mm.yyyy */
export function formatRu(date: IsoDate): string {
  const { year, month, day } = parseIsoDate(date);
  return `${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}.${year}`;
}
