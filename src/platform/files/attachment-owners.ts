/**
 * Who may read whose files. Each module that attaches files declares, for its
 * owner type, who may see them:
 *
 *   registerAttachmentOwner('outreach_event', async (actor, eventId, ctx) => …);
 *
 * GET /files/:id asks the owner type's reader; an owner type nobody declared is
 * readable by nobody. The readers are code, not state (they receive ctx at each
 * call), so one registry serves every app in the process.
 */
import type { AppContext } from '../context.js';
import type { StaffActor } from '../policy.js';

export type AttachmentReader = (actor: StaffActor, ownerId: string, ctx: AppContext) => Promise<boolean>;

const readers = new Map<string, AttachmentReader>();

/** Declares who may read the attachments of `ownerType`. Registering the same reader again is harmless; a different one is a mistake. */
export function registerAttachmentOwner(ownerType: string, mayRead: AttachmentReader): void {
  const existing = readers.get(ownerType);
  if (existing && existing !== mayRead) throw new Error(`attachment owner type «${ownerType}» is already registered by another module`);
  readers.set(ownerType, mayRead);
}

/** Whether the actor may read an attachment of this owner; false for owner types nobody registered. */
export async function mayReadAttachment(actor: StaffActor, owner: { ownerType: string; ownerId: string }, ctx: AppContext): Promise<boolean> {
  const mayRead = readers.get(owner.ownerType);
  return mayRead ? mayRead(actor, owner.ownerId, ctx) : false;
}
