/**
 * The region's quarterly targets per municipality (municipality_targets):
 * how many citizens each municipality is to register and how many accounts to
 * have confirmed in a quarter. C of P1.3 and the ranking's denominators.
 *
 * The contract for other modules: `quarterTargets(db, regionId, year, quarter)`.
 */
import type { Queryable } from '../../../db/client.js';

export interface QuarterTarget {
  registeredTarget: number;
  confirmedTarget: number;
}

export interface TargetRow extends QuarterTarget {
  municipalityId: string;
  quarter: 1 | 2 | 3 | 4;
  setAt: Date;
}

/** Every municipality's targets of the region for one quarter; municipalities without a target are absent. */
export async function quarterTargets(db: Queryable, regionId: string, year: number, quarter: number): Promise<Map<string, QuarterTarget>> {
  const { rows } = await db.query<{ municipality_id: string; registered_target: number; confirmed_target: number }>(
    `select municipality_id, registered_target, confirmed_target from municipality_targets
      where region_id = $1 and year = $2 and quarter = $3`,
    [regionId, year, quarter],
  );
  return new Map(rows.map((r) => [String(r.municipality_id), { registeredTarget: Number(r.registered_target), confirmedTarget: Number(r.confirmed_target) }]));
}

/** One municipality's target for a quarter, or null when the region has not set one. */
export async function municipalityTarget(db: Queryable, municipalityId: string, year: number, quarter: number): Promise<QuarterTarget | null> {
  const { rows } = await db.query<{ registered_target: number; confirmed_target: number }>(
    'select registered_target, confirmed_target from municipality_targets where municipality_id = $1 and year = $2 and quarter = $3',
    [municipalityId, year, quarter],
  );
  const r = rows[0];
  return r ? { registeredTarget: Number(r.registered_target), confirmedTarget: Number(r.confirmed_target) } : null;
}

/** The region's targets of a year (all municipalities, all quarters). */
export async function yearTargets(db: Queryable, regionId: string, year: number): Promise<TargetRow[]> {
  const { rows } = await db.query<{ municipality_id: string; quarter: number; registered_target: number; confirmed_target: number; set_at: string }>(
    `select municipality_id, quarter, registered_target, confirmed_target, set_at from municipality_targets
      where region_id = $1 and year = $2 order by municipality_id, quarter`,
    [regionId, year],
  );
  return rows.map((r) => ({
    municipalityId: String(r.municipality_id),
    quarter: Number(r.quarter) as TargetRow['quarter'],
    registeredTarget: Number(r.registered_target),
    confirmedTarget: Number(r.confirmed_target),
    setAt: new Date(r.set_at),
  }));
}

export async function upsertTarget(
  db: Queryable,
  t: { regionId: string; municipalityId: string; year: number; quarter: number; registeredTarget: number; confirmedTarget: number; setBy: string },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `insert into municipality_targets (region_id, municipality_id, year, quarter, registered_target, confirmed_target, set_by, set_at)
     values ($1, $2, $3, $4, $5, $6, $7, now())
     on conflict (municipality_id, year, quarter)
     do update set registered_target = excluded.registered_target, confirmed_target = excluded.confirmed_target, set_by = excluded.set_by, set_at = now()
     returning id`,
    [t.regionId, t.municipalityId, t.year, t.quarter, t.registeredTarget, t.confirmedTarget, t.setBy],
  );
  return String(rows[0]!.id);
}

export async function deleteTarget(db: Queryable, municipalityId: string, year: number, quarter: number): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>('delete from municipality_targets where municipality_id = $1 and year = $2 and quarter = $3 returning id', [municipalityId, year, quarter]);
  return rows[0] ? String(rows[0].id) : null;
}
