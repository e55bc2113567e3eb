/**
 * Deletes a material recorded by mistake (or taken down for good). Its updates
 * go with it (on delete cascade); the audit row keeps what it was — where, which
 * kind, when posted, how many updates — by id, in the same transaction.
 */
import type { Database } from '../../../db/client.js';
import { appendAudit } from '../../../platform/audit.js';
import type { StaffActor } from '../../../platform/policy.js';
import { deleteMaterialRow, materialUpdateSpan, type MaterialView } from './materials.repository.js';

/** false when the material was already gone. */
export async function deleteMaterial(db: Database, actor: StaffActor, material: MaterialView): Promise<boolean> {
  return db.transaction(async (tx) => {
    const span = await materialUpdateSpan(tx, material.id);
    if (!(await deleteMaterialRow(tx, material.id))) return false;
    await appendAudit(tx, {
      actorType: 'staff',
      actorId: actor.id,
      action: 'outreach.material.delete',
      subjectType: 'outreach_material',
      subjectId: material.id,
      organisationId: actor.organisationId,
      details: { municipalityId: material.municipalityId, kind: material.kind, postedOn: material.postedOn, lastUpdatedOn: material.lastUpdatedOn, updates: span.count },
    });
    return true;
  });
}
