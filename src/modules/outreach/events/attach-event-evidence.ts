/**
 * Attaches photos and documents to an event: several files at once, one
 * optional caption for the batch. Every file is checked (size, count, real
 * type) before any is stored; all are stored in one transaction, each audited
 * by the file storage.
 */
import type { Database } from '../../../db/client.js';
import { CAPTION_MAX, storeAttachment, validateUploads, type AttachmentMeta } from '../../../platform/files/index.js';
import type { UploadedFile } from '../../../platform/http/uploads.js';
import type { Lang } from '../../../platform/i18n.js';
import type { StaffActor } from '../../../platform/policy.js';
import type { FieldError } from '../../../platform/views/components.js';
import { EVENT_OWNER, EVIDENCE, EVIDENCE_ALLOWED, EVIDENCE_MAX_FILES } from './event-evidence.js';
import type { EventFieldError } from './events.messages.js';
import type { EventView } from './events.repository.js';

export interface EvidenceInput {
  caption: string;
  uploads: readonly UploadedFile[];
}

export type AttachEvidenceResult =
  | { ok: true; stored: AttachmentMeta[] }
  /** errors: the caption's (to translate); uploadErrors: the files' (already in `lang`) */
  | { ok: false; errors: EventFieldError[]; uploadErrors: FieldError[] };

export async function attachEventEvidence(
  db: Database,
  actor: StaffActor,
  event: Pick<EventView, 'id' | 'regionId'>,
  input: EvidenceInput,
  limits: { maxBytes: number; lang: Lang },
): Promise<AttachEvidenceResult> {
  const caption = input.caption.replace(/\s+/g, ' ').trim();
  const errors: EventFieldError[] = caption.length > CAPTION_MAX ? [{ field: 'caption', code: 'errTooLong', vars: { max: CAPTION_MAX } }] : [];
  const check = validateUploads(input.uploads, { maxBytes: limits.maxBytes, maxFiles: EVIDENCE_MAX_FILES, allowed: EVIDENCE_ALLOWED, field: 'files', required: true, lang: limits.lang });
  if (errors.length || !check.ok) return { ok: false, errors, uploadErrors: check.ok ? [] : check.errors };
  const stored = await db.transaction(async (tx) => {
    const out: AttachmentMeta[] = [];
    for (const file of check.files) {
      out.push(
        await storeAttachment(tx, {
          regionId: event.regionId,
          ownerType: EVENT_OWNER,
          ownerId: event.id,
          purpose: EVIDENCE,
          fileName: file.fileName,
          data: file.data,
          caption,
          createdBy: actor.id,
          organisationId: actor.organisationId,
        }),
      );
    }
    return out;
  });
  return { ok: true, stored };
}
