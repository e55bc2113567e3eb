/**
 * Evidence of typed score inputs (owner type 'score_input') and of centre checks
 * (owner type 'centre_check'): whoever may see the municipality's score may
 * open and download them; nobody else (GET /files/:id asks these readers).
 */
import type { AppContext } from '../../../platform/context.js';
import { EVIDENCE_FILES, registerAttachmentOwner, type AttachmentReader } from '../../../platform/files/index.js';
import { canViewScores } from './typed-inputs.policy.js';
import { CENTRE_CHECK_OWNER, centreCheckPlace, SCORE_INPUT_OWNER, scoreInputPlace } from './typed-inputs.repository.js';

/** Documents for a typed figure: a list, a statement, photos. */
export const INPUT_EVIDENCE_ALLOWED = EVIDENCE_FILES;
/** Photos of a badge or a sign (a PDF of a photo report is accepted too). */
export const CHECK_EVIDENCE_ALLOWED = ['image', 'pdf'] as const;
export const EVIDENCE_MAX_FILES = 10;

export const mayReadScoreInputFiles: AttachmentReader = async (actor, ownerId, ctx: AppContext) => {
  const place = await scoreInputPlace(ctx.db, ownerId);
  return place !== null && canViewScores(actor, place);
};

export const mayReadCentreCheckFiles: AttachmentReader = async (actor, ownerId, ctx: AppContext) => {
  const place = await centreCheckPlace(ctx.db, ownerId);
  return place !== null && canViewScores(actor, place);
};

export function registerScoreEvidence(): void {
  registerAttachmentOwner(SCORE_INPUT_OWNER, mayReadScoreInputFiles);
  registerAttachmentOwner(CENTRE_CHECK_OWNER, mayReadCentreCheckFiles);
}
