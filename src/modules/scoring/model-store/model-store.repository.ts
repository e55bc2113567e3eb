/** SQL of the model store: versions of scoring models as the editor lists and changes them. */
import type { Queryable } from '../../../db/client.js';
import type { ScoringModel } from '../model.js';
import { MODEL_COLUMNS, type ModelRow } from './active-model.js';

export interface VersionSummary {
  id: string;
  key: string;
  version: number;
  title: string;
  regionId: string | null;
  regionName: string | null;
  status: 'draft' | 'published' | 'archived';
  changeNote: string;
  createdByName: string | null;
  createdAt: Date;
  publishedAt: Date | null;
  nodeCount: number;
}

const toDate = (v: unknown) => (v instanceof Date ? v : new Date(String(v)));

/**
 * Versions a viewer may see, newest first: the shipped ones and those of
 * `regionId`; with `regionId` null (system administrator) every region's.
 */
export async function listVersions(db: Queryable, regionId: string | null): Promise<VersionSummary[]> {
  const { rows } = await db.query<Record<string, unknown>>(
    `select m.id, m.model_key, m.version, m.title, m.region_id, r.name as region_name, m.status, m.change_note,
            s.full_name as created_by_name, m.created_at, m.published_at, jsonb_array_length(m.nodes) as node_count
       from scoring_models m
       left join regions r on r.id = m.region_id
       left join staff_users s on s.id = m.created_by
      where $1::uuid is null or m.region_id is null or m.region_id = $1::uuid
      order by m.model_key, m.version desc`,
    [regionId],
  );
  return rows.map((r) => ({
    id: String(r.id),
    key: String(r.model_key),
    version: Number(r.version),
    title: String(r.title),
    regionId: r.region_id === null ? null : String(r.region_id),
    regionName: r.region_name === null ? null : String(r.region_name),
    status: r.status as VersionSummary['status'],
    changeNote: String(r.change_note ?? ''),
    createdByName: r.created_by_name === null ? null : String(r.created_by_name),
    createdAt: toDate(r.created_at),
    publishedAt: r.published_at === null ? null : toDate(r.published_at),
    nodeCount: Number(r.node_count),
  }));
}

/** One version with what its page shows about it. */
export async function findVersionSummary(db: Queryable, key: string, version: number): Promise<VersionSummary | null> {
  if (!Number.isInteger(version) || version < 1 || version > 2_147_483_647) return null;
  const all = await db.query<{ region_id: string | null }>('select region_id from scoring_models where model_key = $1 and version = $2', [key, version]);
  if (!all.rows[0]) return null;
  const list = await listVersions(db, all.rows[0].region_id);
  return list.find((v) => v.key === key && v.version === version) ?? null;
}

/** The region's draft of a key, if there is one (the editor keeps one draft per key and region). */
export async function findDraft(db: Queryable, key: string, regionId: string): Promise<number | null> {
  const { rows } = await db.query<{ version: number }>(
    `select version from scoring_models where model_key = $1 and region_id = $2 and status = 'draft' order by version desc limit 1`,
    [key, regionId],
  );
  return rows[0] ? Number(rows[0].version) : null;
}

/** Inserts a draft with the next version number of the key (version numbers are unique per key across regions). */
export async function insertDraft(tx: Queryable, input: { model: ScoringModel; regionId: string; createdBy: string }): Promise<{ id: string; version: number }> {
  // One writer at a time picks the next number (the unique index would refuse a second one anyway).
  await tx.query('select pg_advisory_xact_lock($1)', [727274005]);
  const { rows } = await tx.query<{ id: string; version: number }>(
    `insert into scoring_models (model_key, region_id, version, title, nodes, status, created_by)
     select $1, $2::uuid, coalesce(max(version), 0) + 1, $3, $4::jsonb, 'draft', $5::uuid from scoring_models where model_key = $1
     returning id, version`,
    [input.model.id, input.regionId, input.model.title, JSON.stringify(input.model.nodes), input.createdBy],
  );
  return { id: String(rows[0]!.id), version: Number(rows[0]!.version) };
}

/** The draft row, locked until the transaction ends; null when it is no longer a draft. */
export async function lockDraft(tx: Queryable, id: string): Promise<ModelRow | null> {
  const { rows } = await tx.query<ModelRow>(`select ${MODEL_COLUMNS} from scoring_models where id = $1 and status = 'draft' for update`, [id]);
  return rows[0] ?? null;
}

export async function updateDraft(tx: Queryable, id: string, model: ScoringModel): Promise<boolean> {
  const { rows } = await tx.query(`update scoring_models set title = $2, nodes = $3::jsonb where id = $1 and status = 'draft' returning id`, [id, model.title, JSON.stringify(model.nodes)]);
  return rows.length > 0;
}

/** Publishes a draft and archives the region's earlier published versions of the key; returns the archived versions. */
export async function markPublished(tx: Queryable, row: { id: string; key: string; regionId: string }, changeNote: string): Promise<number[] | null> {
  const { rows } = await tx.query(`update scoring_models set status = 'published', change_note = $2, published_at = now() where id = $1 and status = 'draft' returning id`, [row.id, changeNote]);
  if (rows.length === 0) return null;
  const archived = await tx.query<{ version: number }>(
    `update scoring_models set status = 'archived'
      where model_key = $1 and region_id = $2 and status = 'published' and id <> $3
      returning version`,
    [row.key, row.regionId, row.id],
  );
  return archived.rows.map((r) => Number(r.version));
}

export async function deleteDraftRow(tx: Queryable, id: string): Promise<boolean> {
  const { rows } = await tx.query(`delete from scoring_models where id = $1 and status = 'draft' returning id`, [id]);
  return rows.length > 0;
}
