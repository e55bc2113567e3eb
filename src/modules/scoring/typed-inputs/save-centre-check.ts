/**
 * Saves the coordinator's check of one P1.2 requirement at one service centre
 * for a quarter (centre_checks, one row per centre, quarter and requirement):
 * «выполнено» / «не выполнено», a note, photos as evidence (attachments with
 * owner_type 'centre_check').
 *
 * - badge and sign: «выполнено» needs a photo (a new one or one already attached);
 * - schedule and materials are answered by the portal itself; a check overrides
 *   that answer and must say why (the note); «как определил портал» removes the
 *   check and its photos.
 * Refused while the quarter is submitted or accepted; audited in the same transaction.
 */
import type { Database } from '../../../db/client.js';
import { appendAudit } from '../../../platform/audit.js';
import { deleteAttachment, storeAttachment, validateUploads } from '../../../platform/files/index.js';
import type { UploadedFile } from '../../../platform/http/uploads.js';
import type { Lang } from '../../../platform/i18n.js';
import type { StaffActor } from '../../../platform/policy.js';
import { AUTOMATIC_REQUIREMENTS, type CentreRequirement } from '../inputs/portal-inputs.js';
import { quarterLocked } from '../quarter/lock.js';
import { CHECK_EVIDENCE_ALLOWED, EVIDENCE_MAX_FILES } from './evidence.js';
import { NOTE_MAX, type CodedError, type SaveResult, type ScoreQuarter } from './save-typed-input.js';
import { attachmentIdsOf, CENTRE_CHECK_OWNER, deleteCentreCheckRow, EVIDENCE, findCentreCheck, upsertCentreCheck, type CentreRow } from './typed-inputs.repository.js';

export interface CentreCheckForm {
  /** 'yes' | 'no' | 'auto' (schedule and materials only) */
  met: string;
  note: string;
}

/** The form's field prefix of a centre's requirement (unique on the page). */
export const checkFormKey = (centreId: string, requirement: CentreRequirement) => `cc-${centreId}-${requirement}`;

export async function saveCentreCheck(
  db: Database,
  actor: StaffActor,
  place: ScoreQuarter,
  centre: CentreRow,
  requirement: CentreRequirement,
  form: CentreCheckForm,
  uploads: readonly UploadedFile[],
  limits: { maxBytes: number; lang: Lang },
): Promise<SaveResult> {
  const key = checkFormKey(centre.id, requirement);
  const automatic = AUTOMATIC_REQUIREMENTS.has(requirement);
  const errors: CodedError[] = [];
  const met = form.met === 'yes' ? true : form.met === 'no' ? false : form.met === 'auto' && automatic ? null : undefined;
  if (met === undefined) errors.push({ field: `${key}-met`, code: 'errMetRequired' });
  const note = form.note.trim();
  if (note.length > NOTE_MAX) errors.push({ field: `${key}-note`, code: 'errNoteTooLong', vars: { max: NOTE_MAX } });
  else if (automatic && met !== null && met !== undefined && !note) errors.push({ field: `${key}-note`, code: 'errNoteOverride' });
  const check = validateUploads(uploads, { maxBytes: limits.maxBytes, maxFiles: EVIDENCE_MAX_FILES, allowed: CHECK_EVIDENCE_ALLOWED, field: `${key}-files`, lang: limits.lang });
  const existing = await findCentreCheck(db, centre.id, place, requirement);
  const existingFiles = existing ? await attachmentIdsOf(db, CENTRE_CHECK_OWNER, existing.id) : [];
  if (!automatic && met === true && check.ok && check.files.length === 0 && existingFiles.length === 0) errors.push({ field: `${key}-files`, code: 'errPhotoRequired' });
  if (errors.length || !check.ok) return { ok: false, errors, uploadErrors: check.ok ? [] : check.errors };

  return db.transaction(async (tx): Promise<SaveResult> => {
    if (await quarterLocked(tx, place.municipalityId, place.year, place.quarter)) return { ok: false, locked: true };
    const base = { municipalityId: place.municipalityId, centreId: centre.id, year: place.year, quarter: place.quarter, requirement };
    if (met === null) {
      if (!existing) return { ok: true, id: null };
      for (const fileId of existingFiles) await deleteAttachment(tx, actor, fileId);
      await deleteCentreCheckRow(tx, existing.id);
      await appendAudit(tx, { actorType: 'staff', actorId: actor.id, action: 'centre_check.delete', subjectType: 'centre_check', subjectId: existing.id, organisationId: actor.organisationId, details: { ...base, previous: existing.met } });
      return { ok: true, id: null };
    }
    const id = await upsertCentreCheck(tx, { centreId: centre.id, year: place.year, quarter: place.quarter, requirement, met: met!, note, checkedBy: actor.id });
    for (const file of check.files) {
      await storeAttachment(tx, { regionId: place.regionId, ownerType: CENTRE_CHECK_OWNER, ownerId: id, purpose: EVIDENCE, fileName: file.fileName, data: file.data, createdBy: actor.id, organisationId: actor.organisationId });
    }
    await appendAudit(tx, {
      actorType: 'staff',
      actorId: actor.id,
      action: 'centre_check.save',
      subjectType: 'centre_check',
      subjectId: id,
      organisationId: actor.organisationId,
      details: { ...base, met, previous: existing ? existing.met : null, filesAdded: check.files.length },
    });
    return { ok: true, id };
  });
}
