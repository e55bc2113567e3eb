/**
 * The occurrences of a region's approved plans with their status, read from
 * the database: items, completion marks and the region's working-day calendar
 * (calendar_transfers, editable — never the static transfer data), and the
 * per-municipality summary the staff home and the regional dashboard show.
 */
import type { Queryable } from '../../../db/client.js';
import { loadWorkingCalendar } from '../calendar/calendar.repository.js';
import type { IsoDate, WorkingCalendar } from '../deadlines/index.js';
import { findRegion, listCompletions, listDueItems, listRegionMunicipalities, type RegionRow } from './due.repository.js';
import { buildOccurrences, completionKey, countOccurrences, todayIn, type CompletionMark, type DueCounts, type DueItem, type Occurrence } from './occurrences.js';

/** The default of REMINDER_DAYS_BEFORE (src/config.ts); callers with a Config pass config.reminders.daysBefore. */
export const DEFAULT_DAYS_BEFORE = 5;

export interface RegionOccurrences {
  region: RegionRow;
  today: IsoDate;
  calendar: WorkingCalendar;
  /** the items of the approved plans read (with or without due dates) */
  items: DueItem[];
  occurrences: Occurrence[];
}

async function regionOrThrow(db: Queryable, regionId: string): Promise<RegionRow> {
  const region = await findRegion(db, regionId);
  if (!region) throw new Error(`region ${regionId} not found`);
  return region;
}

/** Today in the region's time zone (regions.time_zone). */
export async function regionToday(db: Queryable, regionId: string, now: Date = new Date()): Promise<IsoDate> {
  return todayIn((await regionOrThrow(db, regionId)).timeZone, now);
}

export interface LoadOccurrencesOptions {
  regionId: string;
  /** one municipality's plans; null = the region's own plan; undefined = all plans of the region */
  municipalityId?: string | null;
  /** today (yyyy-mm-dd); else computed from `now` in the region's time zone */
  today?: IsoDate;
  now?: Date;
  daysBefore: number;
}

export async function loadOccurrences(db: Queryable, options: LoadOccurrencesOptions): Promise<RegionOccurrences> {
  const region = await regionOrThrow(db, options.regionId);
  const today = options.today ?? todayIn(region.timeZone, options.now ?? new Date());
  const calendar = await loadWorkingCalendar(db, region.id);
  const filter = { regionId: region.id, ...(options.municipalityId !== undefined ? { municipalityId: options.municipalityId } : {}) };
  const items = await listDueItems(db, filter);
  const marks = new Map<string, CompletionMark>((await listCompletions(db, filter)).map((c) => [completionKey(c.planItemId, c.dueOn), c]));
  return { region, today, calendar, items, occurrences: buildOccurrences(items, marks, calendar, { today, daysBefore: options.daysBefore }) };
}

export interface MunicipalityDueSummary extends DueCounts {
  /** null = the region's own plan */
  municipalityId: string | null;
  municipalityName: string | null;
}

/**
 * Counts per municipality of the region (every municipality, with zeros where
 * nothing is due), plus a row for the region's own plan when it has due dates:
 * overdue, due within `daysBefore` working days, and marked done this quarter.
 */
export async function dueSummary(
  db: Queryable,
  options: { regionId: string; municipalityId?: string | null; today?: IsoDate; now?: Date; daysBefore?: number },
): Promise<MunicipalityDueSummary[]> {
  const { today, occurrences } = await loadOccurrences(db, {
    regionId: options.regionId,
    ...(options.municipalityId !== undefined ? { municipalityId: options.municipalityId } : {}),
    ...(options.today !== undefined ? { today: options.today } : {}),
    ...(options.now !== undefined ? { now: options.now } : {}),
    daysBefore: options.daysBefore ?? DEFAULT_DAYS_BEFORE,
  });
  return summariseByMunicipality(occurrences, await listRegionMunicipalities(db, options.regionId), today, options.municipalityId);
}

/**
 * The counts of dueSummary from occurrences already loaded: one row per municipality
 * (only `only` when given; null = the region's own plan), plus the region's own plan
 * when it has due dates.
 */
export function summariseByMunicipality(
  occurrences: readonly Occurrence[],
  municipalities: ReadonlyArray<{ id: string; name: string }>,
  today: IsoDate,
  only?: string | null,
): MunicipalityDueSummary[] {
  const byPlace = new Map<string | null, Occurrence[]>();
  for (const o of occurrences) {
    const list = byPlace.get(o.item.municipalityId) ?? [];
    list.push(o);
    byPlace.set(o.item.municipalityId, list);
  }
  const rows: MunicipalityDueSummary[] = [];
  const regionOwn = byPlace.get(null);
  if (only === null || (only === undefined && regionOwn)) {
    rows.push({ municipalityId: null, municipalityName: null, ...countOccurrences(regionOwn ?? [], today) });
  }
  for (const m of municipalities) {
    if (only !== undefined && only !== m.id) continue;
    rows.push({ municipalityId: m.id, municipalityName: m.name, ...countOccurrences(byPlace.get(m.id) ?? [], today) });
  }
  return rows;
}
