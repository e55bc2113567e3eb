/**
 * Evidence of an event: photos and documents attached to it (owner type
 * 'outreach_event', purpose 'evidence'). Who may read them is declared to the
 * file storage here; who may add and delete them is canEditEvent.
 */
import type { AppContext } from '../../../platform/context.js';
import { EVIDENCE_FILES, registerAttachmentOwner, type AttachmentReader } from '../../../platform/files/index.js';
import { canViewEvent } from './events.policy.js';
import { findEventPlace } from './events.repository.js';

export const EVENT_OWNER = 'outreach_event';
export const EVIDENCE = 'evidence';
/** What evidence may be: photos, PDF, Word/Excel documents. */
export const EVIDENCE_ALLOWED = EVIDENCE_FILES;
/** Files one submit may carry (the multipart reader takes at most 20 parts of files). */
export const EVIDENCE_MAX_FILES = 10;

/** Staff who may see the event may see and download its files. */
export const mayReadEventFiles: AttachmentReader = async (actor, eventId, ctx: AppContext) => {
  const place = await findEventPlace(ctx.db, eventId);
  return place !== null && canViewEvent(actor, place);
};

export function registerEventFiles(): void {
  registerAttachmentOwner(EVENT_OWNER, mayReadEventFiles);
}
