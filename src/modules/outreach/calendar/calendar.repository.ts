/**
 * The table of transferred days off (calendar_transfers) and the working-day
 * calendar built from it: the federal rows (region_id null, seeded by
 * migration 0007 from deadlines/transfers-data.ts) plus the region's own.
 * Read on every use — a few hundred rows — so an edit counts at once in every
 * process (web and workers alike).
 */
import type { Queryable } from '../../../db/client.js';
import { WorkingCalendar, type CalendarTransfer } from '../deadlines/index.js';

export interface TransferRow extends CalendarTransfer {
  id: string;
  regionId: string | null;
  note: string;
  source: string;
  updatedAt: Date;
}

interface Row {
  id: string;
  region_id: string | null;
  date: string | Date;
  kind: 'day_off' | 'working_day';
  note: string;
  source: string;
  updated_at: Date | string;
}

function isoDate(v: string | Date): string {
  return typeof v === 'string' ? v.slice(0, 10) : v.toISOString().slice(0, 10);
}

function toTransfer(r: Row): TransferRow {
  return {
    id: r.id,
    regionId: r.region_id,
    date: isoDate(r.date),
    kind: r.kind,
    note: r.note,
    source: r.source,
    updatedAt: new Date(r.updated_at),
  };
}

/** Federal transfers and, when a region is given, that region's own; ordered by date. */
export async function listTransfers(db: Queryable, regionId: string | null, options: { year?: number } = {}): Promise<TransferRow[]> {
  const params: unknown[] = [regionId];
  let where = '(region_id is null or region_id = $1)';
  if (options.year !== undefined) {
    params.push(`${options.year}-01-01`, `${options.year}-12-31`);
    where += ' and date between $2 and $3';
  }
  const { rows } = await db.query<Row>(`select id, region_id, date::text as date, kind, note, source, updated_at from calendar_transfers where ${where} order by date, region_id nulls first`, params);
  return rows.map(toTransfer);
}

/**
 * The working-day calendar for a region. Where the region has its own row for a
 * date, it wins over the federal one (a regional law may, e.g., keep a day a
 * working day that elsewhere is not).
 */
export async function loadWorkingCalendar(db: Queryable, regionId: string | null): Promise<WorkingCalendar> {
  const rows = await listTransfers(db, regionId);
  const byDate = new Map<string, TransferRow>();
  for (const r of rows) {
    const prev = byDate.get(r.date);
    if (!prev || (prev.regionId === null && r.regionId !== null)) byDate.set(r.date, r);
  }
  return new WorkingCalendar([...byDate.values()]);
}

export async function findTransfer(db: Queryable, id: string): Promise<TransferRow | null> {
  const { rows } = await db.query<Row>('select id, region_id, date::text as date, kind, note, source, updated_at from calendar_transfers where id = $1', [id]);
  return rows[0] ? toTransfer(rows[0]) : null;
}
