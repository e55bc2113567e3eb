/**
 * The status of a material and the seed-002 n-levels derived from it.
 *
 * materialStatus — dates are plain YYYY-MM-DD strings (today in the region's time zone):
 * - 'not_posted': no posted date, or the posted date is after today;
 * - 'posted_and_updated': posted, and its latest update — the later of the posted date and the
 *   last update date (posting counts as the first update) — falls within the CURRENT calendar
 *   window of the kind's cadence, which contains today: the ISO week (Monday–Sunday), the calendar
 *   month, or the calendar quarter (Jan–Mar, Apr–Jun, Jul–Sep, Oct–Dec). Calendar windows match the
 *   quarterly reporting of the ranking: «обновляется не реже 1 раза в квартал» = in every quarter.
 *   (So on the first day of a quarter every quarterly material becomes «не обновляется» until updated.)
 * - 'posted_not_updated': posted, but not updated within the current window.
 *
 * indicatorLevel — for one indicator, from the statuses of the municipality's materials of it:
 * - none, or none posted → 0;
 * - every material posted and updated → max (1; 0.5 for each part of P2.3);
 * - otherwise (posted, but some not updated or not posted) → max / 2;
 * - P2.4 (banner, max 0.5): any posted → 0.5, updating does not matter.
 */
import type { Cadence, MaterialKind } from './material-kinds.js';

export type MaterialStatus = 'not_posted' | 'posted_not_updated' | 'posted_and_updated';

export interface MaterialDates {
  postedOn: string | null;
  lastUpdatedOn: string | null;
}

const parse = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return { y, m, d };
};
const iso = (t: Date) => t.toISOString().slice(0, 10);

/** The first day (YYYY-MM-DD) of the cadence window containing `today`. */
export function windowStart(cadence: Cadence, today: string): string {
  const { y, m, d } = parse(today);
  if (cadence.unit === 'month') return iso(new Date(Date.UTC(y, m - 1, 1)));
  if (cadence.unit === 'quarter') return iso(new Date(Date.UTC(y, Math.floor((m - 1) / 3) * 3, 1)));
  const t = new Date(Date.UTC(y, m - 1, d));
  const dow = (t.getUTCDay() + 6) % 7; // Monday = 0
  return iso(new Date(t.getTime() - dow * 86_400_000));
}

export function materialStatus(material: MaterialDates, kind: Pick<MaterialKind, 'cadence'>, today: string): MaterialStatus {
  const posted = material.postedOn;
  if (!posted || posted > today) return 'not_posted';
  const last = material.lastUpdatedOn && material.lastUpdatedOn > posted && material.lastUpdatedOn <= today ? material.lastUpdatedOn : posted;
  return last >= windowStart(kind.cadence, today) ? 'posted_and_updated' : 'posted_not_updated';
}

export function indicatorLevel(statuses: MaterialStatus[], options: { max?: number; updateMatters?: boolean } = {}): number {
  const max = options.max ?? 1;
  const updateMatters = options.updateMatters ?? true;
  if (!statuses.some((s) => s !== 'not_posted')) return 0;
  if (!updateMatters) return max;
  return statuses.every((s) => s === 'posted_and_updated') ? max : max / 2;
}
