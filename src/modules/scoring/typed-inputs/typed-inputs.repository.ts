/** SQL for score_inputs (figures typed in with evidence) and centre_checks (the P1.2 requirements checked per centre). */
import type { Queryable } from '../../../db/client.js';
import { evidenceFiles, type EvidenceFile } from '../inputs/portal-inputs.js';
import type { Quarter } from '../inputs/system-inputs.js';

export const SCORE_INPUT_OWNER = 'score_input';
export const CENTRE_CHECK_OWNER = 'centre_check';
export const EVIDENCE = 'evidence';

export interface TypedInputRow {
  id: string;
  nodeId: string;
  inputName: string;
  value: number;
  note: string;
  links: { url: string; title: string }[];
  enteredBy: { id: string | null; name: string };
  enteredAt: Date;
  attachments: EvidenceFile[];
}

/** The typed inputs of a municipality's quarter with their evidence files (two queries). */
export async function listTypedInputs(db: Queryable, municipalityId: string, q: Quarter): Promise<TypedInputRow[]> {
  const { rows } = await db.query<{ id: string; node_id: string; input_name: string; value: string; note: string; links: unknown; entered_by: string | null; full_name: string | null; entered_at: string }>(
    `select i.id, i.node_id, i.input_name, i.value::text as value, i.note, i.links, i.entered_by, s.full_name, i.entered_at
       from score_inputs i left join staff_users s on s.id = i.entered_by
      where i.municipality_id = $1 and i.year = $2 and i.quarter = $3
      order by i.node_id, i.input_name`,
    [municipalityId, q.year, q.quarter],
  );
  const files = await evidenceFiles(db, SCORE_INPUT_OWNER, rows.map((r) => String(r.id)));
  return rows.map((r) => ({
    id: String(r.id),
    nodeId: String(r.node_id),
    inputName: String(r.input_name),
    value: Number(r.value),
    note: String(r.note),
    links: Array.isArray(r.links) ? (r.links as { url: string; title: string }[]) : typeof r.links === 'string' ? JSON.parse(r.links) : [],
    enteredBy: { id: r.entered_by ? String(r.entered_by) : null, name: r.full_name ?? '' },
    enteredAt: new Date(r.entered_at),
    attachments: files.get(String(r.id)) ?? [],
  }));
}

export async function findTypedInput(db: Queryable, municipalityId: string, q: Quarter, nodeId: string, input: string): Promise<{ id: string; value: number; regionId: string } | null> {
  const { rows } = await db.query<{ id: string; value: string; region_id: string }>(
    'select id, value::text as value, region_id from score_inputs where municipality_id = $1 and year = $2 and quarter = $3 and node_id = $4 and input_name = $5',
    [municipalityId, q.year, q.quarter, nodeId, input],
  );
  return rows[0] ? { id: String(rows[0].id), value: Number(rows[0].value), regionId: String(rows[0].region_id) } : null;
}

/** Region and municipality of a typed input (who may read its files). */
export async function scoreInputPlace(db: Queryable, id: string): Promise<{ regionId: string; municipalityId: string } | null> {
  const { rows } = await db.query<{ region_id: string; municipality_id: string }>('select region_id, municipality_id from score_inputs where id = $1', [id]);
  return rows[0] ? { regionId: String(rows[0].region_id), municipalityId: String(rows[0].municipality_id) } : null;
}

export async function upsertTypedInput(
  db: Queryable,
  r: { regionId: string; municipalityId: string; year: number; quarter: number; nodeId: string; input: string; value: number; note: string; links: { url: string; title: string }[]; enteredBy: string },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `insert into score_inputs (region_id, municipality_id, year, quarter, node_id, input_name, value, note, links, entered_by, entered_at)
     values ($1, $2, $3, $4, $5, $6, $7::numeric, $8, $9::jsonb, $10, now())
     on conflict (municipality_id, year, quarter, node_id, input_name)
     do update set value = excluded.value, note = excluded.note, links = excluded.links, entered_by = excluded.entered_by, entered_at = now()
     returning id`,
    [r.regionId, r.municipalityId, r.year, r.quarter, r.nodeId, r.input, String(r.value), r.note, JSON.stringify(r.links), r.enteredBy],
  );
  return String(rows[0]!.id);
}

export async function deleteTypedInputRow(db: Queryable, id: string): Promise<void> {
  await db.query('delete from score_inputs where id = $1', [id]);
}

export interface CentreRow {
  id: string;
  name: string;
  municipalityId: string;
  regionId: string;
}

/** A service centre at the municipality's administration (type 'municipal_centre'), or null. */
export async function findMunicipalCentre(db: Queryable, centreId: string): Promise<CentreRow | null> {
  const { rows } = await db.query<{ id: string; name: string; municipality_id: string; region_id: string }>(
    `select c.id, c.name, c.municipality_id, m.region_id from service_centres c join municipalities m on m.id = c.municipality_id
      where c.id = $1 and c.type = 'municipal_centre'`,
    [centreId],
  );
  const r = rows[0];
  return r ? { id: String(r.id), name: String(r.name), municipalityId: String(r.municipality_id), regionId: String(r.region_id) } : null;
}

export async function findCentreCheck(db: Queryable, centreId: string, q: Quarter, requirement: string): Promise<{ id: string; met: boolean } | null> {
  const { rows } = await db.query<{ id: string; met: boolean }>(
    'select id, met from centre_checks where service_centre_id = $1 and year = $2 and quarter = $3 and requirement = $4',
    [centreId, q.year, q.quarter, requirement],
  );
  return rows[0] ? { id: String(rows[0].id), met: Boolean(rows[0].met) } : null;
}

/** Region and municipality of a centre check (who may read its photos). */
export async function centreCheckPlace(db: Queryable, id: string): Promise<{ regionId: string; municipalityId: string } | null> {
  const { rows } = await db.query<{ region_id: string; municipality_id: string }>(
    `select m.region_id, c.municipality_id from centre_checks k join service_centres c on c.id = k.service_centre_id join municipalities m on m.id = c.municipality_id where k.id = $1`,
    [id],
  );
  return rows[0] ? { regionId: String(rows[0].region_id), municipalityId: String(rows[0].municipality_id) } : null;
}

export async function upsertCentreCheck(db: Queryable, r: { centreId: string; year: number; quarter: number; requirement: string; met: boolean; note: string; checkedBy: string }): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `insert into centre_checks (service_centre_id, year, quarter, requirement, met, note, checked_by, checked_at)
     values ($1, $2, $3, $4, $5, $6, $7, now())
     on conflict (service_centre_id, year, quarter, requirement)
     do update set met = excluded.met, note = excluded.note, checked_by = excluded.checked_by, checked_at = now()
     returning id`,
    [r.centreId, r.year, r.quarter, r.requirement, r.met, r.note, r.checkedBy],
  );
  return String(rows[0]!.id);
}

export async function deleteCentreCheckRow(db: Queryable, id: string): Promise<void> {
  await db.query('delete from centre_checks where id = $1', [id]);
}

/** The attachment ids of an owner (to delete them with it). */
export async function attachmentIdsOf(db: Queryable, ownerType: string, ownerId: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>('select id from attachments where owner_type = $1 and owner_id = $2', [ownerType, ownerId]);
  return rows.map((r) => String(r.id));
}

/** When the region accepted the quarter (quarter_submissions.decided_at of an accepted submission), ISO; null otherwise. */
export async function acceptedAt(db: Queryable, municipalityId: string, q: Quarter): Promise<string | null> {
  const { rows } = await db.query<{ decided_at: string | null }>(
    `select decided_at from quarter_submissions where municipality_id = $1 and year = $2 and quarter = $3 and status = 'accepted'`,
    [municipalityId, q.year, q.quarter],
  );
  return rows[0]?.decided_at ? new Date(rows[0].decided_at).toISOString() : null;
}
