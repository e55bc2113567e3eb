/**
 * Who reads and who edits scoring models. A regional administrator reads the
 * shipped models and the region's versions and edits the region's drafts; the
 * system administrator reads everything and edits nothing (a model is the
 * region's decision). Everyone else: 403.
 */
import type { Policy } from '../../../platform/policy.js';

/** May open the models section at all. */
export const canOpenModels: Policy = (actor) => (actor.role === 'regional_admin' && !!actor.regionId) || actor.role === 'system_admin';

/** May read a stored version (`regionId` null: shipped with the software). */
export const canViewModelVersion: Policy<{ regionId: string | null }> = (actor, row) =>
  actor.role === 'system_admin' || (actor.role === 'regional_admin' && !!actor.regionId && (row.regionId === null || row.regionId === actor.regionId));

/** May make a new draft for the region. */
export const canCreateDraft: Policy = (actor) => actor.role === 'regional_admin' && !!actor.regionId;

/** May change, publish or delete a draft: the administrator of the draft's region. */
export const canEditDraft: Policy<{ regionId: string | null; status: string }> = (actor, row) =>
  actor.role === 'regional_admin' && !!actor.regionId && row.regionId === actor.regionId && row.status === 'draft';
