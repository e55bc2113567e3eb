/**
 * The visit log's figures: visitors, informed, offered, agreed, registered,
 * confirmed — for an employee, an organisation, a municipality or a region,
 * between two days (inclusive, in the region's time zone). Cancelled visits
 * (entered by mistake) do not count. Counts are cumulative as outcomeOf
 * says: informed includes offered, offered includes agreed and refused,
 * agreed includes registered and confirmed.
 *
 * p21Inputs gives seed 002's P2.1 = A / B * 100: A applicants informed,
 * B all applicants who came in person, for a municipality's quarter.
 */
import type { Queryable } from '../../db/client.js';
import { quarterBounds, type Quarter } from '../scoring/inputs/system-inputs.js';
import { COUNTS_AS } from './dialog/machine.js';

export interface ReceptionFigures {
  visitors: number;
  informed: number;
  offered: number;
  agreed: number;
  registered: number;
  confirmed: number;
}

export interface FiguresFilter {
  regionId: string;
  municipalityId?: string | null;
  organisationId?: string | null;
  staffId?: string | null;
  /** YYYY-MM-DD, inclusive */
  from: string;
  /** YYYY-MM-DD, inclusive */
  to: string;
}

export type FiguresGrouping = 'staff' | 'organisation' | 'municipality';

const inList = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');

const COUNTS = `count(*)::int as visitors,
  count(*) filter (where v.outcome in (${inList(COUNTS_AS.informed)}))::int as informed,
  count(*) filter (where v.outcome in (${inList(COUNTS_AS.offered)}))::int as offered,
  count(*) filter (where v.outcome in (${inList(COUNTS_AS.agreed)}))::int as agreed,
  count(*) filter (where v.outcome = 'registered')::int as registered,
  count(*) filter (where v.outcome = 'confirmed')::int as confirmed`;

const WHERE = `v.region_id = $1 and v.status <> 'cancelled'
  and ($2::uuid is null or v.municipality_id = $2::uuid)
  and ($3::uuid is null or v.organisation_id = $3::uuid)
  and ($4::uuid is null or v.staff_user_id = $4::uuid)
  and (v.started_at at time zone r.time_zone)::date between $5::date and $6::date`;

function params(f: FiguresFilter): unknown[] {
  return [f.regionId, f.municipalityId ?? null, f.organisationId ?? null, f.staffId ?? null, f.from, f.to];
}

function figuresOf(r: Record<string, unknown> | undefined): ReceptionFigures {
  return {
    visitors: Number(r?.visitors ?? 0),
    informed: Number(r?.informed ?? 0),
    offered: Number(r?.offered ?? 0),
    agreed: Number(r?.agreed ?? 0),
    registered: Number(r?.registered ?? 0),
    confirmed: Number(r?.confirmed ?? 0),
  };
}

export async function receptionFigures(db: Queryable, filter: FiguresFilter): Promise<ReceptionFigures> {
  const { rows } = await db.query(`select ${COUNTS} from reception_visits v join regions r on r.id = v.region_id where ${WHERE}`, params(filter));
  return figuresOf(rows[0]);
}

export interface FiguresGroupRow {
  id: string;
  name: string;
  /** the organisation (for staff rows) or the municipality (for organisation rows) */
  within: string | null;
  figures: ReceptionFigures;
}

/** The same figures per employee, organisation or municipality (only those with visits), by name. */
export async function receptionFiguresBy(db: Queryable, filter: FiguresFilter, by: FiguresGrouping): Promise<FiguresGroupRow[]> {
  const group =
    by === 'staff'
      ? { id: 'u.id', name: 'u.full_name', within: 'o.short_name', join: 'join staff_users u on u.id = v.staff_user_id join organisations o on o.id = v.organisation_id' }
      : by === 'organisation'
        ? { id: 'o.id', name: 'o.short_name', within: 'm.name', join: 'join organisations o on o.id = v.organisation_id left join municipalities m on m.id = v.municipality_id' }
        : { id: 'm.id', name: 'm.name', within: 'null::text', join: 'join municipalities m on m.id = v.municipality_id' };
  const { rows } = await db.query<Record<string, unknown> & { id: string; name: string; within: string | null }>(
    `select ${group.id} as id, ${group.name} as name, ${group.within} as within, ${COUNTS}
       from reception_visits v join regions r on r.id = v.region_id ${group.join}
      where ${WHERE}
      group by ${group.id}, ${group.name}, ${group.within}
      order by ${group.name}`,
    params(filter),
  );
  return rows.map((r) => ({ id: String(r.id), name: String(r.name), within: r.within ?? null, figures: figuresOf(r) }));
}

/** Inputs of P2.1 (seed 002) for a municipality's quarter: A informed, B all visitors. */
export async function p21Inputs(db: Queryable, q: { regionId: string; municipalityId: string } & Quarter): Promise<{ A: number; B: number }> {
  const { from, to } = quarterBounds({ year: q.year, quarter: q.quarter });
  const f = await receptionFigures(db, { regionId: q.regionId, municipalityId: q.municipalityId, from, to });
  return { A: f.informed, B: f.visitors };
}
