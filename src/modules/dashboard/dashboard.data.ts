/**
 * The figures of the regional dashboard, each in one query over the whole
 * region (the page is opened for regions of many municipalities):
 *
 * - eServiceShare: the headline indicator of seed 000 (Presidential decree 601,
 *   item 1 «в»: 70 % of citizens using e-services). «Using» is counted as:
 *   residents of the municipality (citizens.municipality_id) whose account is
 *   active (not pending, not deleted) and of the standard or confirmed level —
 *   a simplified account opens almost no services — divided by the
 *   municipality's population (municipalities.population, possibly
 *   illustrative). The region: the sum of such accounts over the sum of the
 *   populations of the municipalities whose population is known.
 * - growthSeries: accounts activated (not deleted) and confirmed (not deleted)
 *   per quarter, region total or one municipality — the same counting as the
 *   ranking; quarters are local (timestamp bounds computed once).
 * - reportStatuses: the quarter's report per municipality (quarter_submissions),
 *   with timeliness (../scoring/quarter/due.ts) from the first submission's local date.
 * - scoreTree: the model's nodes as a tree (children = the nodes a node's formula refers to).
 */
import type { Queryable } from '../../db/client.js';
import { references, tryParseFormula } from '../scoring/formula/index.js';
import type { Quarter } from '../scoring/inputs/system-inputs.js';
import { quarterBounds } from '../scoring/inputs/system-inputs.js';
import type { ScoringModel, ScoringNode } from '../scoring/model.js';
import { timeliness, type Timeliness } from '../scoring/quarter/due.js';
import { dayAfter, localDayStarts } from '../scoring/ranking/ranking.js';

/** The decree-601 target share, percent. */
export const TARGET_SHARE = 70;

export interface ShareRow {
  municipalityId: string;
  name: string;
  /** active accounts of standard or confirmed level */
  users: number;
  population: number | null;
  illustrative: boolean;
  /** users / population × 100; null without a population */
  share: number | null;
}

export interface EServiceShare {
  rows: ShareRow[];
  region: { users: number; population: number; share: number | null; illustrative: boolean };
}

export async function eServiceShare(db: Queryable, regionId: string): Promise<EServiceShare> {
  const { rows } = await db.query<{ id: string; name: string; population: number | null; population_illustrative: boolean }>(
    'select id, name, population, population_illustrative from municipalities where region_id = $1 order by name',
    [regionId],
  );
  // One grouped pass over the region's accounts; the ids as an array let the planner see how many rows it reads.
  const counts = await db.query<{ municipality_id: string; n: number }>(
    `select c.municipality_id, count(*)::int as n from citizens c
      where c.municipality_id = any($1::uuid[]) and c.status = 'active' and c.level in ('standard', 'confirmed')
      group by c.municipality_id`,
    [rows.map((r) => r.id)],
  );
  const usersOf = new Map(counts.rows.map((r) => [String(r.municipality_id), Number(r.n)]));
  const out: ShareRow[] = rows.map((r) => {
    const population = r.population === null ? null : Number(r.population);
    const users = usersOf.get(String(r.id)) ?? 0;
    return {
      municipalityId: String(r.id),
      name: String(r.name),
      users,
      population,
      illustrative: Boolean(r.population_illustrative),
      share: population && population > 0 ? (users / population) * 100 : null,
    };
  });
  const counted = out.filter((r) => r.share !== null);
  const users = counted.reduce((a, r) => a + r.users, 0);
  const population = counted.reduce((a, r) => a + r.population!, 0);
  return {
    rows: out,
    region: { users, population, share: population > 0 ? (users / population) * 100 : null, illustrative: counted.some((r) => r.illustrative) },
  };
}

export interface GrowthPoint {
  quarter: Quarter;
  registered: number;
  confirmed: number;
}

/**
 * Accounts activated and confirmed (both not deleted) per quarter, oldest
 * first, for the given quarters (consecutive, oldest first); the region when
 * municipalityId is null.
 */
export async function growthSeries(db: Queryable, options: { regionId: string; municipalityId: string | null; quarters: Quarter[] }): Promise<GrowthPoint[]> {
  const { quarters } = options;
  if (quarters.length === 0) return [];
  const starts = quarters.map((q) => quarterBounds(q).from);
  const instants = await localDayStarts(db, options.regionId, [...starts, dayAfter(quarterBounds(quarters[quarters.length - 1]!).to)]);
  const thresholds = instants.slice(0, -1);
  const ids = (
    await db.query<{ id: string }>('select id from municipalities where region_id = $1 and ($2::uuid is null or id = $2::uuid)', [options.regionId, options.municipalityId])
  ).rows.map((r) => String(r.id));
  // One index range scan per kind over the whole span, a count per quarter; $1 the ids, $2… the quarters' first instants, then the end.
  const params = [ids, ...instants];
  const at = (i: number) => `$${i + 2}::timestamptz`;
  const query = (column: 'activated_at' | 'confirmed_at') =>
    `select ${thresholds.map((_, i) => `count(*) filter (where c.${column} >= ${at(i)} and c.${column} < ${at(i + 1)})::int as q${i}`).join(', ')}
       from citizens c
      where c.municipality_id = any($1::uuid[]) and c.${column} >= ${at(0)} and c.${column} < ${at(thresholds.length)} and c.status <> 'deleted'`;
  const registered = (await db.query<Record<string, number>>(query('activated_at'), params)).rows[0] ?? {};
  const confirmed = (await db.query<Record<string, number>>(query('confirmed_at'), params)).rows[0] ?? {};
  return quarters.map((quarter, i) => ({ quarter, registered: Number(registered[`q${i}`] ?? 0), confirmed: Number(confirmed[`q${i}`] ?? 0) }));
}

export type ReportState = Timeliness | 'accepted';

export interface ReportStatusRow {
  municipalityId: string;
  name: string;
  /** draft | submitted | accepted | returned; null: nothing started */
  status: string | null;
  /** the first submission's local date, YYYY-MM-DD */
  submittedOn: string | null;
  timeliness: Timeliness;
  /** accepted, else the timeliness */
  state: ReportState;
}

export async function reportStatuses(db: Queryable, options: Quarter & { regionId: string; today: string }): Promise<ReportStatusRow[]> {
  const { rows } = await db.query<{ id: string; name: string; status: string | null; submitted_on: string | null }>(
    `select m.id, m.name, s.status,
            to_char(((coalesce((select min(e.at) from quarter_submission_events e where e.submission_id = s.id and e.action = 'submitted'), s.submitted_at))
                     at time zone r.time_zone)::date, 'YYYY-MM-DD') as submitted_on
       from municipalities m
       join regions r on r.id = m.region_id
       left join quarter_submissions s on s.municipality_id = m.id and s.year = $2 and s.quarter = $3
      where m.region_id = $1
      order by m.name`,
    [options.regionId, options.year, options.quarter],
  );
  return rows.map((r) => {
    const submittedOn = r.submitted_on === null ? null : String(r.submitted_on);
    const when = timeliness(options, submittedOn, options.today);
    return {
      municipalityId: String(r.id),
      name: String(r.name),
      status: r.status === null ? null : String(r.status),
      submittedOn,
      timeliness: when,
      state: r.status === 'accepted' ? 'accepted' : when,
    };
  });
}

export interface TreeNode {
  node: ScoringNode;
  children: TreeNode[];
}

/** The model's nodes as a forest: roots are nodes no other node refers to (P for kalga-2018). */
export function scoreTree(model: ScoringModel): TreeNode[] {
  const ids = new Set(model.nodes.map((n) => n.id));
  const childIds = new Map<string, string[]>();
  const referenced = new Set<string>();
  for (const n of model.nodes) {
    const parsed = tryParseFormula(n.formula);
    const refs = parsed.ok ? references(parsed.ast).filter((r) => ids.has(r) && r !== n.id) : [];
    childIds.set(n.id, refs);
    refs.forEach((r) => referenced.add(r));
  }
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const build = (id: string, path: Set<string>): TreeNode => ({
    node: byId.get(id)!,
    // a node appears once per path; a cycle (refused by validateModel anyway) stops here
    children: (childIds.get(id) ?? []).filter((c) => !path.has(c)).map((c) => build(c, new Set([...path, c]))),
  });
  return model.nodes.filter((n) => !referenced.has(n.id)).map((n) => build(n.id, new Set([n.id])));
}
