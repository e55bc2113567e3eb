/** SQL for outreach materials and their updates. */
import type { Queryable } from '../../../db/client.js';

export interface MaterialView {
  id: string;
  regionId: string;
  municipalityId: string;
  municipalityName: string;
  kind: string;
  title: string;
  url: string | null;
  organisationId: string | null;
  organisationName: string | null;
  room: string | null;
  /** YYYY-MM-DD */
  postedOn: string | null;
  lastUpdatedOn: string | null;
  /** today in the region's time zone, YYYY-MM-DD */
  today: string;
}

export interface MaterialUpdateView {
  id: string;
  updatedOn: string;
  note: string;
  createdAt: Date;
}

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

const SELECT = `select a.id, a.region_id, a.municipality_id, m.name as municipality_name, a.kind, a.title, a.url, a.organisation_id,
       o.short_name as organisation_name, a.room, to_char(a.posted_on, 'YYYY-MM-DD') as posted_on,
       to_char(a.last_updated_on, 'YYYY-MM-DD') as last_updated_on, to_char((now() at time zone r.time_zone)::date, 'YYYY-MM-DD') as today
  from outreach_materials a
  join regions r on r.id = a.region_id
  join municipalities m on m.id = a.municipality_id
  left join organisations o on o.id = a.organisation_id`;

function toMaterial(r: Record<string, unknown>): MaterialView {
  return {
    id: String(r.id),
    regionId: String(r.region_id),
    municipalityId: String(r.municipality_id),
    municipalityName: String(r.municipality_name),
    kind: String(r.kind),
    title: String(r.title),
    url: str(r.url),
    organisationId: str(r.organisation_id),
    organisationName: str(r.organisation_name),
    room: str(r.room),
    postedOn: str(r.posted_on),
    lastUpdatedOn: str(r.last_updated_on),
    today: String(r.today),
  };
}

export async function listMaterials(db: Queryable, filter: { regionId?: string; municipalityId?: string } = {}): Promise<MaterialView[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.regionId) {
    params.push(filter.regionId);
    where.push(`a.region_id = $${params.length}`);
  }
  if (filter.municipalityId) {
    params.push(filter.municipalityId);
    where.push(`a.municipality_id = $${params.length}`);
  }
  const { rows } = await db.query<Record<string, unknown>>(`${SELECT} ${where.length ? `where ${where.join(' and ')}` : ''} order by m.name, a.kind, a.title`, params);
  return rows.map(toMaterial);
}

export async function findMaterial(db: Queryable, id: string): Promise<MaterialView | null> {
  const { rows } = await db.query<Record<string, unknown>>(`${SELECT} where a.id = $1`, [id]);
  return rows[0] ? toMaterial(rows[0]) : null;
}

export async function listMaterialUpdates(db: Queryable, materialId: string): Promise<MaterialUpdateView[]> {
  const { rows } = await db.query<Record<string, unknown>>(
    `select id, to_char(updated_on, 'YYYY-MM-DD') as updated_on, note, created_at from outreach_material_updates where material_id = $1 order by updated_on desc, created_at desc`,
    [materialId],
  );
  return rows.map((r) => ({ id: String(r.id), updatedOn: String(r.updated_on), note: String(r.note), createdAt: new Date(r.created_at as string) }));
}

/** Today in the region's time zone, YYYY-MM-DD. */
export async function regionToday(db: Queryable, regionId: string): Promise<string> {
  const { rows } = await db.query<{ today: string }>(`select to_char((now() at time zone time_zone)::date, 'YYYY-MM-DD') as today from regions where id = $1`, [regionId]);
  return String(rows[0]!.today);
}

export interface MaterialFields {
  municipalityId: string;
  kind: string;
  title: string;
  url: string | null;
  organisationId: string | null;
  room: string | null;
  postedOn: string | null;
}

export async function insertMaterial(db: Queryable, a: MaterialFields & { regionId: string; createdBy: string }): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `insert into outreach_materials (region_id, municipality_id, kind, title, url, organisation_id, room, posted_on, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
    [a.regionId, a.municipalityId, a.kind, a.title, a.url, a.organisationId, a.room, a.postedOn, a.createdBy],
  );
  return rows[0]!.id;
}

/** Records an update and keeps last_updated_on the latest update date. */
export async function insertMaterialUpdate(db: Queryable, u: { materialId: string; updatedOn: string; note: string; createdBy: string }): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    'insert into outreach_material_updates (material_id, updated_on, note, created_by) values ($1, $2, $3, $4) returning id',
    [u.materialId, u.updatedOn, u.note, u.createdBy],
  );
  await db.query(
    `update outreach_materials set last_updated_on = (select max(updated_on) from outreach_material_updates where material_id = $1), updated_at = now() where id = $1`,
    [u.materialId],
  );
  return rows[0]!.id;
}

export async function updateMaterial(db: Queryable, id: string, a: MaterialFields): Promise<void> {
  await db.query(
    `update outreach_materials set municipality_id = $2, kind = $3, title = $4, url = $5, organisation_id = $6, room = $7, posted_on = $8, updated_at = now() where id = $1`,
    [id, a.municipalityId, a.kind, a.title, a.url, a.organisationId, a.room, a.postedOn],
  );
}

/** The earliest recorded update (YYYY-MM-DD) and how many there are. */
export async function materialUpdateSpan(db: Queryable, materialId: string): Promise<{ first: string | null; count: number }> {
  const { rows } = await db.query<{ first: string | null; n: number | string }>(
    `select to_char(min(updated_on), 'YYYY-MM-DD') as first, count(*)::int as n from outreach_material_updates where material_id = $1`,
    [materialId],
  );
  return { first: str(rows[0]?.first), count: Number(rows[0]?.n ?? 0) };
}

/** Deletes the material; its updates go with it (on delete cascade). */
export async function deleteMaterialRow(db: Queryable, id: string): Promise<boolean> {
  const { rows } = await db.query('delete from outreach_materials where id = $1 returning id', [id]);
  return rows.length > 0;
}
