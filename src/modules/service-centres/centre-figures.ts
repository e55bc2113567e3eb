/**
 * The figures of a service centre (or of every centre of a municipality):
 * registrations and identity confirmations made there, per local day, week or
 * quarter in the region's time zone. Other modules (scoring: P1.3) reuse
 * `centreFigures`.
 *
 * A registration at the desk gives a confirmed account at once, so it counts
 * both as a registration and as a confirmation of that centre.
 */
import type { Queryable } from '../../db/client.js';
import { countCentreEvents, type FiguresBucket } from './operator.repository.js';

export type { FiguresBucket };

export interface FiguresRange {
  bucket: FiguresBucket;
  /** first local date, yyyy-mm-dd (inclusive); for weeks a Monday, for quarters the first day of a quarter */
  from: string;
  /** local date after the last one, yyyy-mm-dd (exclusive) */
  to: string;
  /** IANA zone the days are counted in (the region's, e.g. Asia/Chita) */
  timeZone: string;
}

export interface FiguresRow {
  /** local start of the period, yyyy-mm-dd */
  start: string;
  registrations: number;
  confirmations: number;
}

export type FiguresScope = { centreId: string } | { municipalityId: string };

/** One row per period of the range (periods with nothing in them give zeros), oldest first. */
export async function centreFigures(db: Queryable, scope: FiguresScope, range: FiguresRange): Promise<FiguresRow[]> {
  const counts = await countCentreEvents(db, scope, range);
  const rows = periodStarts(range).map((start) => ({ start, registrations: 0, confirmations: 0 }));
  const byStart = new Map(rows.map((r) => [r.start, r]));
  for (const c of counts) {
    const row = byStart.get(c.bucket);
    if (!row) continue;
    if (c.kind === 'registration') row.registrations += c.count;
    else row.confirmations += c.count;
  }
  return rows;
}

// ----------------------------------------------------------------- local dates (yyyy-mm-dd)

const toUtc = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
};
const fromUtc = (d: Date) => d.toISOString().slice(0, 10);

export function addDays(iso: string, days: number): string {
  const d = toUtc(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
}

export function addMonths(iso: string, months: number): string {
  const d = toUtc(iso);
  d.setUTCMonth(d.getUTCMonth() + months);
  return fromUtc(d);
}

/** Monday of the week of the date. */
export function weekStart(iso: string): string {
  const day = toUtc(iso).getUTCDay(); // 0 = Sunday
  return addDays(iso, -((day + 6) % 7));
}

export function quarterStart(iso: string): string {
  const [y, m] = iso.split('-').map(Number) as [number, number];
  const qm = Math.floor((m - 1) / 3) * 3 + 1;
  return `${y}-${String(qm).padStart(2, '0')}-01`;
}

/** 1..4 */
export function quarterOf(iso: string): number {
  return Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1;
}

/** Today's date in a time zone. */
export function localDate(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function periodStarts(range: Pick<FiguresRange, 'bucket' | 'from' | 'to'>): string[] {
  const out: string[] = [];
  let cur = range.bucket === 'week' ? weekStart(range.from) : range.bucket === 'quarter' ? quarterStart(range.from) : range.from;
  for (let i = 0; cur < range.to && i < 1000; i++) {
    out.push(cur);
    cur = range.bucket === 'day' ? addDays(cur, 1) : range.bucket === 'week' ? addDays(cur, 7) : addMonths(cur, 3);
  }
  return out;
}

/** The three standard views: the last 14 days, the last 8 weeks (Monday-based, this week included), this year's quarters so far. */
export function standardRanges(now: Date, timeZone: string): { days: FiguresRange; weeks: FiguresRange; quarters: FiguresRange } {
  const today = localDate(now, timeZone);
  const thisWeek = weekStart(today);
  return {
    days: { bucket: 'day', from: addDays(today, -13), to: addDays(today, 1), timeZone },
    weeks: { bucket: 'week', from: addDays(thisWeek, -7 * 7), to: addDays(thisWeek, 7), timeZone },
    quarters: { bucket: 'quarter', from: `${today.slice(0, 4)}-01-01`, to: addMonths(quarterStart(today), 3), timeZone },
  };
}
