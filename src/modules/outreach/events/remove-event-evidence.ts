/** Deletes one evidence file of an event (audited by the file storage); only a file that belongs to this event. */
import type { Database } from '../../../db/client.js';
import { deleteAttachment, findAttachment, type AttachmentMeta } from '../../../platform/files/index.js';
import type { StaffActor } from '../../../platform/policy.js';
import { EVENT_OWNER, EVIDENCE } from './event-evidence.js';

/** The event's evidence file with this id, or null (unknown, or another owner's). */
export async function findEventEvidence(db: Database, eventId: string, attachmentId: string): Promise<AttachmentMeta | null> {
  const file = await findAttachment(db, attachmentId);
  return file && file.ownerType === EVENT_OWNER && file.ownerId === eventId && file.purpose === EVIDENCE ? file : null;
}

/** The deleted file, or null when it is not this event's (or already gone). */
export async function removeEventEvidence(db: Database, actor: StaffActor, eventId: string, attachmentId: string): Promise<AttachmentMeta | null> {
  return db.transaction(async (tx) => {
    const file = await findAttachment(tx, attachmentId);
    if (!file || file.ownerType !== EVENT_OWNER || file.ownerId !== eventId || file.purpose !== EVIDENCE) return null;
    return deleteAttachment(tx, actor, file.id);
  });
}
