/**
 * The ranking of a region's municipalities for one quarter (seed 002 item 1.3;
 * issue 5): growth of registered and of confirmed citizens against each
 * municipality's quarterly target.
 *
 * Counted per municipality (citizens.municipality_id = where the citizen lives):
 *   - registered growth: accounts whose activated_at falls in the quarter and
 *     that are not deleted (status <> 'deleted', as A of P1.3 in
 *     ../inputs/portal-inputs.ts); an account deleted later no longer counts,
 *     also in past quarters;
 *   - confirmed growth: accounts whose confirmed_at falls in the quarter, not deleted.
 * The quarter is the region's local calendar quarter (regions.time_zone): its
 * bounds are turned into timestamps once (localDayStarts), so the counts are
 * index range scans on (municipality_id, activated_at) / (municipality_id, confirmed_at).
 *
 * Percentages: growth / target × 100, each capped at 100 — the cap of P1.3 in
 * the seed-002 model, so exceeding one target cannot hide a shortfall in the
 * other. The combined figure is the mean of the two capped percentages,
 * rounded to hundredths (as shown). Ranks follow the standard competition rule
 * (1, 2, 2, 4): equal combined figures share a rank, the next rank skips.
 * A municipality without a target row for the quarter, or with a zero target
 * (no percentage can be computed), is listed after the ranked ones, unranked,
 * with the reason.
 *
 * Trend: the rank against the previous quarter's rank, computed the same way
 * ('new' when the municipality was not ranked in the previous quarter).
 */
import type { Queryable } from '../../../db/client.js';
import { previousQuarter, quarterBounds, type Quarter } from '../inputs/system-inputs.js';

export interface RankingQuery extends Quarter {
  regionId: string;
  /** today in the region's time zone, YYYY-MM-DD */
  today: string;
}

export type UnrankedReason = 'no_target' | 'zero_target';
export type Trend = 'up' | 'down' | 'same' | 'new';

export interface RankingRow {
  municipalityId: string;
  name: string;
  /** accounts activated in the quarter, not deleted */
  registered: number;
  /** accounts confirmed in the quarter, not deleted */
  confirmed: number;
  registeredTarget: number | null;
  confirmedTarget: number | null;
  /** growth / target × 100, capped at 100, rounded to hundredths; null without a (non-zero) target */
  registeredPercent: number | null;
  confirmedPercent: number | null;
  /** mean of the two percentages, rounded to hundredths */
  combined: number | null;
  /** null: unranked */
  rank: number | null;
  /** other municipalities sharing this rank, by name */
  tiedWith: string[];
  unrankedReason: UnrankedReason | null;
  previousRank: number | null;
  /** null for an unranked municipality */
  trend: Trend | null;
}

export interface Ranking {
  quarter: Quarter;
  previousQuarter: Quarter;
  /** the day the figures are counted up to: min(today, the quarter's last day), YYYY-MM-DD */
  asOf: string;
  /** false while the quarter is still running */
  complete: boolean;
  /** ranked rows by rank (then name), then unranked rows by name */
  rows: RankingRow[];
}

/** The cap of each percentage (the maximum of P1.3). */
export const PERCENT_CAP = 100;

/** Rounded to hundredths, half up; the tiny nudge keeps 66.665 (stored as 66.66499…) from rounding down. */
const round2 = (x: number) => Math.round(x * 100 + 1e-9) / 100;

/** The day after a YYYY-MM-DD date. */
export function dayAfter(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The instants (ISO, UTC) at which the given local dates begin in the region's
 * time zone — computed once per query, so that row filters compare plain timestamps.
 */
export async function localDayStarts(db: Queryable, regionId: string, dates: string[]): Promise<string[]> {
  const { rows } = await db.query<{ ts: string }>(
    `select to_char((u.d::timestamp at time zone r.time_zone) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as ts
       from regions r cross join unnest($2::date[]) with ordinality as u(d, i)
      where r.id = $1
      order by u.i`,
    [regionId, dates],
  );
  if (rows.length !== dates.length) throw new Error(`region ${regionId} not found`);
  return rows.map((r) => String(r.ts));
}

export interface Standing {
  municipalityId: string;
  name: string;
  registered: number;
  confirmed: number;
  target: { registered: number; confirmed: number } | null;
}

export interface Ranked {
  registeredPercent: number | null;
  confirmedPercent: number | null;
  combined: number | null;
  rank: number | null;
  tiedWith: string[];
  unrankedReason: UnrankedReason | null;
}

const percent = (growth: number, target: number) => Math.min(PERCENT_CAP, (growth / target) * 100);
const round = (x: number | null) => (x === null ? null : round2(x));

/**
 * Percentages, combined figure and competition ranks (1, 2, 2, 4) for one quarter.
 * Pure; the result is keyed by municipality id.
 */
export function rankStandings(standings: readonly Standing[]): Map<string, Ranked> {
  const out = new Map<string, Ranked>();
  const ranked: Array<{ s: Standing; combined: number }> = [];
  for (const s of standings) {
    if (!s.target) {
      out.set(s.municipalityId, { registeredPercent: null, confirmedPercent: null, combined: null, rank: null, tiedWith: [], unrankedReason: 'no_target' });
      continue;
    }
    const rp = s.target.registered > 0 ? percent(s.registered, s.target.registered) : null;
    const cp = s.target.confirmed > 0 ? percent(s.confirmed, s.target.confirmed) : null;
    if (rp === null || cp === null) {
      out.set(s.municipalityId, { registeredPercent: round(rp), confirmedPercent: round(cp), combined: null, rank: null, tiedWith: [], unrankedReason: 'zero_target' });
      continue;
    }
    // The mean of the exact percentages, rounded once (rounding the parts first could shift a hundredth).
    const combined = round2((rp + cp) / 2);
    ranked.push({ s, combined });
    out.set(s.municipalityId, { registeredPercent: round2(rp), confirmedPercent: round2(cp), combined, rank: null, tiedWith: [], unrankedReason: null });
  }
  ranked.sort((a, b) => b.combined - a.combined || a.s.name.localeCompare(b.s.name, 'ru'));
  // Standard competition ranking: 1 + the number of municipalities strictly ahead.
  const groups = new Map<number, Standing[]>();
  for (const { s, combined } of ranked) {
    const group = groups.get(combined);
    if (group) group.push(s);
    else groups.set(combined, [s]);
  }
  let ahead = 0;
  for (const [, group] of groups) {
    for (const s of group) {
      const entry = out.get(s.municipalityId)!;
      entry.rank = ahead + 1;
      entry.tiedWith = group.filter((x) => x !== s).map((x) => x.name);
    }
    ahead += group.length;
  }
  return out;
}

export function trendOf(rank: number | null, previousRank: number | null): Trend | null {
  if (rank === null) return null;
  if (previousRank === null) return 'new';
  if (rank < previousRank) return 'up';
  if (rank > previousRank) return 'down';
  return 'same';
}

interface CountRow {
  municipality_id: string;
  kind: 'registered' | 'confirmed';
  current: boolean;
  n: number;
}

/**
 * Accounts activated / confirmed per municipality between the instants
 * [from, mid) (previous quarter: current = false) and [mid, to) (current = true).
 * Two index range scans; deleted accounts are left out.
 */
async function growthCounts(db: Queryable, municipalityIds: string[], from: string, mid: string, to: string): Promise<CountRow[]> {
  if (municipalityIds.length === 0) return [];
  const { rows } = await db.query<CountRow>(
    `select c.municipality_id, 'registered' as kind, c.activated_at >= $3::timestamptz as current, count(*)::int as n
       from citizens c
      where c.municipality_id = any($1::uuid[]) and c.activated_at >= $2::timestamptz and c.activated_at < $4::timestamptz and c.status <> 'deleted'
      group by c.municipality_id, c.activated_at >= $3::timestamptz
     union all
     select c.municipality_id, 'confirmed' as kind, c.confirmed_at >= $3::timestamptz as current, count(*)::int as n
       from citizens c
      where c.municipality_id = any($1::uuid[]) and c.confirmed_at >= $2::timestamptz and c.confirmed_at < $4::timestamptz and c.status <> 'deleted'
      group by c.municipality_id, c.confirmed_at >= $3::timestamptz`,
    [municipalityIds, from, mid, to],
  );
  return rows;
}

/** The ranking of every municipality of the region for the quarter, with the trend against the previous quarter. */
export async function rankMunicipalities(db: Queryable, query: RankingQuery): Promise<Ranking> {
  const quarter: Quarter = { year: query.year, quarter: query.quarter };
  const prev = previousQuarter(quarter);
  const bounds = quarterBounds(quarter);
  const prevBounds = quarterBounds(prev);
  const asOf = query.today < bounds.to ? query.today : bounds.to;

  const municipalities = (
    await db.query<{ id: string; name: string }>('select id, name from municipalities where region_id = $1 order by name', [query.regionId])
  ).rows.map((m) => ({ id: String(m.id), name: String(m.name) }));
  const [from, mid, to] = await localDayStarts(db, query.regionId, [prevBounds.from, bounds.from, dayAfter(bounds.to)]);
  const ids = municipalities.map((m) => m.id);
  const counts = await growthCounts(db, ids, from!, mid!, to!);
  const targets = (
    await db.query<{ municipality_id: string; year: number; quarter: number; registered_target: number; confirmed_target: number }>(
      `select municipality_id, year, quarter, registered_target, confirmed_target
         from municipality_targets
        where region_id = $1 and ((year = $2 and quarter = $3) or (year = $4 and quarter = $5))`,
      [query.regionId, quarter.year, quarter.quarter, prev.year, prev.quarter],
    )
  ).rows;

  const countOf = new Map(counts.map((c) => [`${String(c.municipality_id)}|${c.kind}|${String(c.current)}`, Number(c.n)]));
  const targetOf = new Map(targets.map((x) => [`${String(x.municipality_id)}|${Number(x.year)}|${Number(x.quarter)}`, x]));
  const standings = (current: boolean, q: Quarter): Standing[] =>
    municipalities.map((m) => {
      const count = (kind: CountRow['kind']) => countOf.get(`${m.id}|${kind}|${String(current)}`) ?? 0;
      const t = targetOf.get(`${m.id}|${q.year}|${q.quarter}`);
      return {
        municipalityId: m.id,
        name: m.name,
        registered: count('registered'),
        confirmed: count('confirmed'),
        target: t ? { registered: Number(t.registered_target), confirmed: Number(t.confirmed_target) } : null,
      };
    });

  const now = standings(true, quarter);
  const ranksNow = rankStandings(now);
  const ranksBefore = rankStandings(standings(false, prev));

  const rows: RankingRow[] = now.map((s) => {
    const r = ranksNow.get(s.municipalityId)!;
    const previousRank = ranksBefore.get(s.municipalityId)?.rank ?? null;
    return {
      municipalityId: s.municipalityId,
      name: s.name,
      registered: s.registered,
      confirmed: s.confirmed,
      registeredTarget: s.target?.registered ?? null,
      confirmedTarget: s.target?.confirmed ?? null,
      ...r,
      previousRank,
      trend: trendOf(r.rank, previousRank),
    };
  });
  rows.sort((a, b) => {
    if (a.rank !== null && b.rank !== null) return a.rank - b.rank || a.name.localeCompare(b.name, 'ru');
    if (a.rank !== null) return -1;
    if (b.rank !== null) return 1;
    return a.name.localeCompare(b.name, 'ru');
  });
  return { quarter, previousQuarter: prev, asOf, complete: query.today > bounds.to, rows };
}

/** Groups of municipalities sharing a rank, for the explanation under the table. */
export function tieGroups(rows: readonly RankingRow[]): Array<{ rank: number; combined: number; names: string[]; nextRank: number }> {
  const groups: Array<{ rank: number; combined: number; names: string[]; nextRank: number }> = [];
  for (const row of rows) {
    if (row.rank === null || row.tiedWith.length === 0) continue;
    const g = groups.find((x) => x.rank === row.rank);
    if (g) g.names.push(row.name);
    else groups.push({ rank: row.rank, combined: row.combined!, names: [row.name], nextRank: row.rank + row.tiedWith.length + 1 });
  }
  return groups;
}
