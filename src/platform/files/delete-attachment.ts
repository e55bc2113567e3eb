/**
 * Deletes one attachment inside the caller's transaction and audits it there
 * (by id, owner, type, size and hash; never the name or the content). The
 * caller has already checked that the actor may change the owner and that the
 * attachment belongs to it.
 */
import type { Queryable } from '../../db/client.js';
import { appendAudit } from '../audit.js';
import type { StaffActor } from '../policy.js';
import { deleteAttachmentRow, type AttachmentMeta } from './files.repository.js';

/** The deleted attachment, or null when it was already gone. */
export async function deleteAttachment(tx: Queryable, actor: StaffActor, id: string): Promise<AttachmentMeta | null> {
  const gone = await deleteAttachmentRow(tx, id);
  if (!gone) return null;
  await appendAudit(tx, {
    actorType: 'staff',
    actorId: actor.id,
    action: 'attachment.delete',
    subjectType: 'attachment',
    subjectId: gone.id,
    organisationId: actor.organisationId,
    details: { ownerType: gone.ownerType, ownerId: gone.ownerId, purpose: gone.purpose, mediaType: gone.mediaType, sizeBytes: gone.sizeBytes, sha256: gone.sha256 },
  });
  return gone;
}
