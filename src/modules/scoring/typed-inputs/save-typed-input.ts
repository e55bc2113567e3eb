/**
 * Saves a figure typed in with evidence for a municipality's quarter (one row
 * of score_inputs per node and input: typing again replaces the value, keeps the
 * earlier files and adds the new ones), or deletes it with its files.
 *
 * Checked before anything is stored: the input is one the model lets be typed,
 * the value fits its definition (number bounds, a level of the choice, a count
 * 0…of), a note says what the evidence shows, the links are http(s), the files
 * are photos or documents — and there is evidence: a file or a link. Refused
 * while the quarter is submitted or accepted (quarterLocked, checked inside the
 * transaction). Audited in the same transaction; the audit row names the input
 * and the value, never the note (it may name people).
 */
import type { Database } from '../../../db/client.js';
import { appendAudit } from '../../../platform/audit.js';
import { deleteAttachment, storeAttachment, validateUploads } from '../../../platform/files/index.js';
import type { UploadedFile } from '../../../platform/http/uploads.js';
import type { Lang } from '../../../platform/i18n.js';
import type { StaffActor } from '../../../platform/policy.js';
import type { FieldError } from '../../../platform/views/components.js';
import type { ScoringModel } from '../model.js';
import { quarterLocked } from '../quarter/lock.js';
import { EVIDENCE_MAX_FILES, INPUT_EVIDENCE_ALLOWED } from './evidence.js';
import { findTypable, inputFormKey, parseTypedValue, type ValueProblem } from './typed-input-defs.js';
import { attachmentIdsOf, deleteTypedInputRow, EVIDENCE, findTypedInput, SCORE_INPUT_OWNER, upsertTypedInput } from './typed-inputs.repository.js';

export const NOTE_MAX = 2000;
export const LINKS_MAX = 20;
const LINK_MAX = 2000;

/** An error to translate (scores.messages.ts), attached to a form field. */
export type CodedError =
  | (ValueProblem & { field: string })
  | { field: string; code: 'errNoteRequired' | 'errNoteOverride' | 'errEvidenceRequired' | 'errPhotoRequired' | 'errMetRequired' }
  | { field: string; code: 'errNoteTooLong'; vars: { max: number } }
  | { field: string; code: 'errLinks'; vars: { line: number } }
  | { field: string; code: 'errLinksMany'; vars: { max: number } };

export interface ScoreQuarter {
  regionId: string;
  municipalityId: string;
  year: number;
  quarter: 1 | 2 | 3 | 4;
}

export interface TypedInputForm {
  value: string;
  note: string;
  links: string;
}

export type SaveResult = { ok: true; id: string | null } | { ok: false; locked: true } | { ok: false; locked?: false; errors: CodedError[]; uploadErrors: FieldError[] };

/** Lines of «URL caption» or «caption URL»; the URL must be http(s). */
export function parseLinks(text: string, field: string): { links: { url: string; title: string }[]; error?: CodedError } {
  const links: { url: string; title: string }[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    const m = /(https?:\/\/\S+)/i.exec(line);
    let ok = false;
    try {
      ok = !!m && /^https?:$/.test(new URL(m[1]!).protocol) && line.length <= LINK_MAX;
    } catch {
      ok = false;
    }
    if (!ok) return { links, error: { field, code: 'errLinks', vars: { line: i + 1 } } };
    const title = line.replace(m![1]!, ' ').replace(/\s+/g, ' ').replace(/^[\s—–:-]+|[\s—–:-]+$/g, '');
    links.push({ url: m![1]!, title });
  }
  if (links.length > LINKS_MAX) return { links, error: { field, code: 'errLinksMany', vars: { max: LINKS_MAX } } };
  return { links };
}

export const linksText = (links: { url: string; title: string }[]) => links.map((l) => (l.title ? `${l.url} ${l.title}` : l.url)).join('\n');

export async function saveTypedInput(
  db: Database,
  actor: StaffActor,
  place: ScoreQuarter,
  model: ScoringModel,
  target: { nodeId: string; input: string },
  form: TypedInputForm,
  uploads: readonly UploadedFile[],
  limits: { maxBytes: number; lang: Lang },
): Promise<SaveResult> {
  const typable = findTypable(model, target.nodeId, target.input);
  if (!typable) throw new Error(`${target.nodeId}:${target.input} is not typed in`);
  const key = inputFormKey(target.nodeId, target.input);
  const errors: CodedError[] = [];

  const parsed = parseTypedValue(typable.def, form.value);
  if ('problem' in parsed) errors.push({ field: `${key}-value`, ...parsed.problem });
  const note = form.note.trim();
  if (!note) errors.push({ field: `${key}-note`, code: 'errNoteRequired' });
  else if (note.length > NOTE_MAX) errors.push({ field: `${key}-note`, code: 'errNoteTooLong', vars: { max: NOTE_MAX } });
  const { links, error: linkError } = parseLinks(form.links, `${key}-links`);
  if (linkError) errors.push(linkError);
  const check = validateUploads(uploads, { maxBytes: limits.maxBytes, maxFiles: EVIDENCE_MAX_FILES, allowed: INPUT_EVIDENCE_ALLOWED, field: `${key}-files`, lang: limits.lang });
  const uploadErrors = check.ok ? [] : check.errors;

  const existing = await findTypedInput(db, place.municipalityId, place, target.nodeId, target.input);
  const existingFiles = existing ? await attachmentIdsOf(db, SCORE_INPUT_OWNER, existing.id) : [];
  if (check.ok && check.files.length === 0 && links.length === 0 && existingFiles.length === 0 && !linkError) {
    errors.push({ field: `${key}-files`, code: 'errEvidenceRequired' });
  }
  if (errors.length || !check.ok) return { ok: false, errors, uploadErrors };
  const value = (parsed as { value: number }).value;

  return db.transaction(async (tx): Promise<SaveResult> => {
    if (await quarterLocked(tx, place.municipalityId, place.year, place.quarter)) return { ok: false, locked: true };
    const id = await upsertTypedInput(tx, { ...place, nodeId: target.nodeId, input: target.input, value, note, links, enteredBy: actor.id });
    for (const file of check.files) {
      await storeAttachment(tx, { regionId: place.regionId, ownerType: SCORE_INPUT_OWNER, ownerId: id, purpose: EVIDENCE, fileName: file.fileName, data: file.data, createdBy: actor.id, organisationId: actor.organisationId });
    }
    await appendAudit(tx, {
      actorType: 'staff',
      actorId: actor.id,
      action: 'score_input.save',
      subjectType: 'score_input',
      subjectId: id,
      organisationId: actor.organisationId,
      details: {
        municipalityId: place.municipalityId,
        year: place.year,
        quarter: place.quarter,
        nodeId: target.nodeId,
        input: target.input,
        value,
        previous: existing ? existing.value : null,
        override: typable.mode === 'override',
        filesAdded: check.files.length,
        links: links.length,
      },
    });
    return { ok: true, id };
  });
}

/** Deletes a typed value with its evidence files; { ok: true, id: null } when there was none. */
export async function deleteTypedInput(db: Database, actor: StaffActor, place: ScoreQuarter, target: { nodeId: string; input: string }): Promise<SaveResult> {
  return db.transaction(async (tx): Promise<SaveResult> => {
    if (await quarterLocked(tx, place.municipalityId, place.year, place.quarter)) return { ok: false, locked: true };
    const existing = await findTypedInput(tx, place.municipalityId, place, target.nodeId, target.input);
    if (!existing) return { ok: true, id: null };
    for (const fileId of await attachmentIdsOf(tx, SCORE_INPUT_OWNER, existing.id)) await deleteAttachment(tx, actor, fileId);
    await deleteTypedInputRow(tx, existing.id);
    await appendAudit(tx, {
      actorType: 'staff',
      actorId: actor.id,
      action: 'score_input.delete',
      subjectType: 'score_input',
      subjectId: existing.id,
      organisationId: actor.organisationId,
      details: { municipalityId: place.municipalityId, year: place.year, quarter: place.quarter, nodeId: target.nodeId, input: target.input, previous: existing.value },
    });
    return { ok: true, id: existing.id };
  });
}
