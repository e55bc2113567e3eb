/**
 * Stores one file for an owner (an event, a plan…) inside the caller's
 * transaction and audits it there. The type is sniffed from the content again
 * here, so nothing unrecognised reaches the table even if a caller forgot
 * validateUploads; the audit row names the file by id, type, size and hash —
 * never its name or content (a name may carry personal data).
 */
import { createHash } from 'node:crypto';
import type { Queryable } from '../../db/client.js';
import { appendAudit } from '../audit.js';
import { cleanFileName } from '../http/uploads.js';
import { insertAttachment, type AttachmentMeta } from './files.repository.js';
import { sniffMediaType } from './sniff.js';

export interface StoreAttachmentInput {
  regionId: string;
  /** 'outreach_event' | 'outreach_plan' | … (see registerAttachmentOwner) */
  ownerType: string;
  ownerId: string;
  /** 'evidence' | 'decree_scan' | … */
  purpose: string;
  fileName: string;
  data: Uint8Array;
  caption?: string;
  /** the staff member attaching it */
  createdBy: string;
  /** the staff member's organisation, for the audit row */
  organisationId?: string | null;
}

export const CAPTION_MAX = 500;

export async function storeAttachment(tx: Queryable, input: StoreAttachmentInput): Promise<AttachmentMeta> {
  const fileName = cleanFileName(input.fileName);
  const type = sniffMediaType(input.data, fileName);
  if (!type) throw new Error('storeAttachment: the content is not an accepted file type (check it with validateUploads first)');
  const content = Buffer.from(input.data.buffer, input.data.byteOffset, input.data.byteLength);
  const caption = (input.caption ?? '').replace(/\s+/g, ' ').trim().slice(0, CAPTION_MAX);
  const stored = await insertAttachment(tx, {
    regionId: input.regionId,
    ownerType: input.ownerType,
    ownerId: input.ownerId,
    purpose: input.purpose,
    fileName,
    mediaType: type.mediaType,
    sizeBytes: content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
    caption,
    content,
    createdBy: input.createdBy,
  });
  await appendAudit(tx, {
    actorType: 'staff',
    actorId: input.createdBy,
    action: 'attachment.store',
    subjectType: 'attachment',
    subjectId: stored.id,
    organisationId: input.organisationId ?? null,
    details: { ownerType: stored.ownerType, ownerId: stored.ownerId, purpose: stored.purpose, mediaType: stored.mediaType, sizeBytes: stored.sizeBytes, sha256: stored.sha256 },
  });
  return stored;
}
