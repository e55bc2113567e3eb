/**
 * The regional administrator's changes to scoring models, each audited in
 * the same transaction:
 *   createDraft   copies the region's active version of a key into a new draft
 *                 (version = the key's highest + 1, region = the admin's);
 *   saveDraft     replaces a draft's title and nodes (only a model that validates is stored);
 *   publishDraft  makes a valid draft the region's active version, with a change note;
 *                 the region's earlier published versions become 'archived' (still viewable);
 *   deleteDraft   removes a draft.
 */
import { createHash } from 'node:crypto';
import type { Database } from '../../../db/client.js';
import { appendAudit } from '../../../platform/audit.js';
import type { StaffActor } from '../../../platform/policy.js';
import { validateModel } from '../evaluate-model.js';
import type { ScoringModel } from '../model.js';
import { activeVersionOf, findModelRow, modelFromRow, type ModelRow } from './active-model.js';
import { changedNodes } from './model-form.js';
import { deleteDraftRow, findDraft, insertDraft, lockDraft, markPublished, updateDraft } from './model-store.repository.js';

export type CreateDraftResult = { ok: true; version: number; existing: boolean } | { ok: false; reason: 'unknown_model' };

export async function createDraft(db: Database, actor: StaffActor, key: string): Promise<CreateDraftResult> {
  const regionId = actor.regionId!;
  return db.transaction(async (tx) => {
    const existing = await findDraft(tx, key, regionId);
    if (existing !== null) return { ok: true, version: existing, existing: true };
    const active = await activeVersionOf(tx, key, regionId);
    if (!active) return { ok: false, reason: 'unknown_model' };
    const made = await insertDraft(tx, { model: active, regionId, createdBy: actor.id });
    await appendAudit(tx, {
      actorType: 'staff',
      actorId: actor.id,
      action: 'scoring.model.draft_create',
      subjectType: 'scoring_model',
      subjectId: made.id,
      details: { key, version: made.version, copiedFrom: active.version, regionId },
    });
    return { ok: true, version: made.version, existing: false };
  });
}

/**
 * What a draft looked like when its editor was opened: a hash of its stored title
 * and nodes, carried by the form (`_stamp`). Saving compares it with the row as it
 * is now, so two administrators editing one draft do not overwrite each other unseen.
 */
export function draftStamp(row: Pick<ModelRow, 'title' | 'nodes'>): string {
  return createHash('sha256').update(JSON.stringify([row.title, row.nodes])).digest('hex').slice(0, 32);
}

export type SaveDraftResult = 'saved' | 'gone' | 'conflict';

/** Saves a valid model into the draft — unless the draft changed since `stamp` (conflict) or is no longer a draft (gone). */
export async function saveDraft(db: Database, actor: StaffActor, row: ModelRow, model: ScoringModel, stamp: string): Promise<SaveDraftResult> {
  if (validateModel(model).length) throw new Error('saveDraft: the model must validate (checkForm first)');
  return db.transaction(async (tx) => {
    const current = await lockDraft(tx, row.id);
    if (!current) return 'gone';
    if (draftStamp(current) !== stamp) return 'conflict';
    const before = modelFromRow(current);
    if (!(await updateDraft(tx, row.id, model))) return 'gone';
    await appendAudit(tx, {
      actorType: 'staff',
      actorId: actor.id,
      action: 'scoring.model.draft_save',
      subjectType: 'scoring_model',
      subjectId: row.id,
      details: { key: row.model_key, version: Number(row.version), ...changedNodes(before, model), titleChanged: before.title !== model.title },
    });
    return 'saved';
  });
}

export type PublishResult = { ok: true; archived: number[] } | { ok: false; reason: 'invalid' | 'not_draft'; messages?: string[] };

export async function publishDraft(db: Database, actor: StaffActor, key: string, version: number, changeNote: string): Promise<PublishResult> {
  return db.transaction(async (tx) => {
    const row = await findModelRow(tx, key, version);
    if (!row || row.status !== 'draft' || !row.region_id || row.region_id !== actor.regionId) return { ok: false, reason: 'not_draft' };
    let model: ScoringModel;
    try {
      model = modelFromRow(row);
    } catch (error) {
      return { ok: false, reason: 'invalid', messages: [(error as Error).message] };
    }
    const archived = await markPublished(tx, { id: row.id, key, regionId: row.region_id }, changeNote);
    if (archived === null) return { ok: false, reason: 'not_draft' };
    await appendAudit(tx, {
      actorType: 'staff',
      actorId: actor.id,
      action: 'scoring.model.publish',
      subjectType: 'scoring_model',
      subjectId: row.id,
      details: { key, version, regionId: row.region_id, changeNote, archived, nodes: model.nodes.length },
    });
    return { ok: true, archived };
  });
}

export async function deleteDraft(db: Database, actor: StaffActor, row: ModelRow): Promise<boolean> {
  return db.transaction(async (tx) => {
    if (!(await deleteDraftRow(tx, row.id))) return false;
    await appendAudit(tx, {
      actorType: 'staff',
      actorId: actor.id,
      action: 'scoring.model.draft_delete',
      subjectType: 'scoring_model',
      subjectId: row.id,
      details: { key: row.model_key, version: Number(row.version), regionId: row.region_id },
    });
    return true;
  });
}
