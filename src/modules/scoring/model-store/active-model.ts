/**
 * Which scoring model a region evaluates its municipalities with.
 *
 * The contract other modules use (scores page, quarter submissions, ranking,
 * dashboard): `activeModel(db, regionId)` gives the model with its key in `id`
 * and the version that an evaluation must remember.
 *
 * Models live in `scoring_models` (migration 0008): version 1 of 'kalga-2018'
 * is the shipped model (region_id null, every region); a regional
 * administrator's edits are further versions of the same key for the region
 * (model-store/edit-model.ts). A region evaluates with the newest *published*
 * version among its own rows and the shipped ones. Drafts and other regions'
 * versions never count.
 *
 * Cost: one query per call. A non-draft row never changes its nodes (only its
 * status moves published → archived), so the parsed and validated model of
 * such a row is kept by row id; nothing cached can go stale after a publish,
 * because the query that decides which row is active runs every time.
 */
import type { Queryable } from '../../../db/client.js';
import { ScoringModelError, validateModel } from '../evaluate-model.js';
import type { ScoringModel, ScoringNode } from '../model.js';
import { StoredNodesSchema } from './model-schema.js';

/** A stored row as the model store reads it. */
export interface ModelRow {
  id: string;
  model_key: string;
  region_id: string | null;
  version: number;
  title: string;
  nodes: unknown;
  status: 'draft' | 'published' | 'archived';
}

export const MODEL_COLUMNS = 'id, model_key, region_id, version, title, nodes, status';

const parsedRows = new Map<string, ScoringModel>();
const PARSED_ROWS_LIMIT = 200;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/**
 * The row as a ScoringModel, checked: the nodes must have the shape of
 * ScoringNode[] and pass validateModel. Throws ScoringModelError otherwise —
 * a stored model that does not validate is a fault to be fixed, never
 * evaluated quietly.
 */
export function modelFromRow(row: ModelRow): ScoringModel {
  const cacheable = row.status !== 'draft';
  if (cacheable) {
    const hit = parsedRows.get(row.id);
    if (hit) return hit;
  }
  const parsed = StoredNodesSchema.safeParse(row.nodes);
  if (!parsed.success) {
    throw new ScoringModelError(row.model_key, [
      { message: `версия ${row.version}: узлы модели в базе данных не имеют нужной формы (${parsed.error.issues[0]?.path.join('.') ?? ''}: ${parsed.error.issues[0]?.message ?? ''})` },
    ]);
  }
  const model: ScoringModel = { id: row.model_key, version: Number(row.version), title: row.title, nodes: parsed.data as ScoringNode[] };
  const issues = validateModel(model);
  if (issues.length) throw new ScoringModelError(`${row.model_key} v${row.version}`, issues);
  if (!cacheable) return model;
  if (parsedRows.size >= PARSED_ROWS_LIMIT) parsedRows.delete(parsedRows.keys().next().value!);
  parsedRows.set(row.id, deepFreeze(model));
  return model;
}

/**
 * The model a region evaluates with: the newest published version, among the
 * region's rows and the shipped ones (region_id null), of the key of the
 * region's newest published model (the region's own rows first). With
 * `regionId` null (a system administrator) only shipped models count.
 */
export async function activeModel(db: Queryable, regionId: string | null): Promise<ScoringModel> {
  const { rows } = await db.query<ModelRow>(
    `with candidates as (
       select ${MODEL_COLUMNS}, published_at from scoring_models
        where status = 'published' and (region_id is null or region_id = $1::uuid)
     ), chosen as (
       select model_key from candidates
        order by (region_id is not null) desc, published_at desc nulls last, version desc
        limit 1
     )
     select ${MODEL_COLUMNS} from candidates
      where model_key = (select model_key from chosen)
      order by version desc
      limit 1`,
    [regionId],
  );
  const row = rows[0];
  if (!row) throw new Error(`No published scoring model for region ${regionId ?? '(none)'}: migration 0008 should have stored kalga-2018 version 1`);
  return modelFromRow(row);
}

/** The newest published version of one model key for a region (region's rows and shipped ones); null when the key is unknown. */
export async function activeVersionOf(db: Queryable, key: string, regionId: string | null): Promise<ScoringModel | null> {
  const { rows } = await db.query<ModelRow>(
    `select ${MODEL_COLUMNS} from scoring_models
      where model_key = $1 and status = 'published' and (region_id is null or region_id = $2::uuid)
      order by version desc
      limit 1`,
    [key, regionId],
  );
  return rows[0] ? modelFromRow(rows[0]) : null;
}

/** One stored version of a model key (any status, any region), e.g. to show what an old evaluation used; null when absent. */
export async function findModelVersion(db: Queryable, key: string, version: number): Promise<ScoringModel | null> {
  const row = await findModelRow(db, key, version);
  return row ? modelFromRow(row) : null;
}

/** The raw row of one version (for callers that also need its region and status). */
export async function findModelRow(db: Queryable, key: string, version: number): Promise<ModelRow | null> {
  if (!Number.isInteger(version) || version < 1 || version > 2_147_483_647) return null;
  const { rows } = await db.query<ModelRow>(`select ${MODEL_COLUMNS} from scoring_models where model_key = $1 and version = $2`, [key, version]);
  return rows[0] ?? null;
}
