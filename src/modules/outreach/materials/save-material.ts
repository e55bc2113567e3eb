/**
 * Records a material (a coordinator for their municipality, a regional administrator
 * for any municipality of the region) and its updates; each update is a record and
 * moves last_updated_on, from which the status is derived.
 */
import type { Database } from '../../../db/client.js';
import { appendAudit } from '../../../platform/audit.js';
import type { StaffActor } from '../../../platform/policy.js';
import { parseDecreeDate } from '../approve-plan.js';
import type { MunicipalityOption, OrganisationOption } from '../events/events.repository.js';
import { findKind } from './material-kinds.js';
import type { MaterialFieldError } from './materials.messages.js';
import { findMaterial, insertMaterial, insertMaterialUpdate, materialUpdateSpan, updateMaterial, type MaterialFields, type MaterialView } from './materials.repository.js';

export const MATERIAL_FIELDS = ['municipalityId', 'kind', 'title', 'url', 'organisationId', 'room', 'postedOn'] as const;
export type MaterialInput = Record<(typeof MATERIAL_FIELDS)[number], string>;

export const UPDATE_FIELDS = ['updatedOn', 'note'] as const;
export type MaterialUpdateInput = Record<(typeof UPDATE_FIELDS)[number], string>;

export interface MaterialChoices {
  municipalities: MunicipalityOption[];
  organisations: OrganisationOption[];
}

const LIMITS = { title: 500, url: 2000, room: 200, note: 2000 } as const;

function isHttpUrl(s: string): boolean {
  try {
    return /^https?:$/.test(new URL(s).protocol);
  } catch {
    return false;
  }
}

/** Web kinds need a URL; physical kinds an organisation and a room. `today` is YYYY-MM-DD. */
export function validateMaterial(input: MaterialInput, choices: MaterialChoices, today: string): { fields?: MaterialFields; errors: MaterialFieldError[] } {
  const errors: MaterialFieldError[] = [];
  const municipalityId = input.municipalityId.trim() || (choices.municipalities.length === 1 ? choices.municipalities[0]!.id : '');
  if (!choices.municipalities.some((m) => m.id === municipalityId)) errors.push({ field: 'municipalityId', code: 'errMunicipality' });
  const kind = findKind(input.kind.trim());
  if (!kind) errors.push({ field: 'kind', code: 'errKind' });
  const title = input.title.trim();
  if (!title) errors.push({ field: 'title', code: 'errTitle' });
  else if (title.length > LIMITS.title) errors.push({ field: 'title', code: 'errTooLong', vars: { max: LIMITS.title } });
  let url: string | null = null;
  let organisationId: string | null = null;
  let room: string | null = null;
  if (kind?.place === 'web') {
    url = input.url.trim();
    if (!url || url.length > LIMITS.url || !isHttpUrl(url)) errors.push({ field: 'url', code: 'errUrl' });
  } else if (kind?.place === 'physical') {
    organisationId = input.organisationId.trim();
    if (!choices.organisations.some((o) => o.id === organisationId && o.municipalityId === municipalityId)) errors.push({ field: 'organisationId', code: 'errOrganisation' });
    room = input.room.trim();
    if (!room) errors.push({ field: 'room', code: 'errRoom' });
    else if (room.length > LIMITS.room) errors.push({ field: 'room', code: 'errTooLong', vars: { max: LIMITS.room } });
  }
  let postedOn: string | null = null;
  if (input.postedOn.trim()) {
    postedOn = parseDecreeDate(input.postedOn);
    if (!postedOn || postedOn > today) errors.push({ field: 'postedOn', code: 'errPostedOn' });
  }
  if (errors.length) return { errors };
  return { errors, fields: { municipalityId, kind: kind!.key, title, url, organisationId, room, postedOn } };
}

export type SaveMaterialResult = { ok: true; materialId: string } | { ok: false; errors: MaterialFieldError[] };

export async function createMaterial(db: Database, actor: StaffActor, regionId: string, input: MaterialInput, choices: MaterialChoices, today: string): Promise<SaveMaterialResult> {
  const { fields, errors } = validateMaterial(input, choices, today);
  if (!fields) return { ok: false, errors };
  return db.transaction(async (tx) => {
    const id = await insertMaterial(tx, { ...fields, regionId, createdBy: actor.id });
    await appendAudit(tx, {
      actorType: 'staff',
      actorId: actor.id,
      action: 'outreach.material.create',
      subjectType: 'outreach_material',
      subjectId: id,
      organisationId: actor.organisationId,
      details: { municipalityId: fields.municipalityId, kind: fields.kind, postedOn: fields.postedOn },
    });
    return { ok: true as const, materialId: id };
  });
}

/**
 * Changes a material with the same rules as a new one, and keeps it consistent
 * with the updates already recorded: a material with updates stays posted, and
 * not later than its first update.
 */
export async function editMaterial(db: Database, actor: StaffActor, material: MaterialView, input: MaterialInput, choices: MaterialChoices): Promise<SaveMaterialResult> {
  const { fields, errors } = validateMaterial(input, choices, material.today);
  const span = await materialUpdateSpan(db, material.id);
  if (span.first && !errors.some((e) => e.field === 'postedOn')) {
    const postedOn = fields?.postedOn ?? (input.postedOn.trim() ? parseDecreeDate(input.postedOn) : null);
    if (!postedOn) errors.push({ field: 'postedOn', code: 'errPostedNeeded' });
    else if (postedOn > span.first) errors.push({ field: 'postedOn', code: 'errPostedAfterUpdate', vars: { date: ruDate(span.first) } });
  }
  if (!fields || errors.length) return { ok: false, errors };
  return db.transaction(async (tx) => {
    const before = await findMaterial(tx, material.id);
    if (!before) throw new Error(`material ${material.id} not found`);
    await updateMaterial(tx, material.id, fields);
    const changed = (Object.keys(fields) as Array<keyof MaterialFields>).filter((k) => fields[k] !== before[k]);
    await appendAudit(tx, {
      actorType: 'staff',
      actorId: actor.id,
      action: 'outreach.material.edit',
      subjectType: 'outreach_material',
      subjectId: material.id,
      organisationId: actor.organisationId,
      details: { municipalityId: fields.municipalityId, kind: fields.kind, changed },
    });
    return { ok: true as const, materialId: material.id };
  });
}

function ruDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

/** An update: not before posting, not after today. */
export async function recordMaterialUpdate(db: Database, actor: StaffActor, material: MaterialView, input: MaterialUpdateInput): Promise<SaveMaterialResult> {
  const errors: MaterialFieldError[] = [];
  if (!material.postedOn) errors.push({ field: 'updatedOn', code: 'errNotPosted' });
  const updatedOn = parseDecreeDate(input.updatedOn);
  if (material.postedOn && (!updatedOn || updatedOn < material.postedOn || updatedOn > material.today)) errors.push({ field: 'updatedOn', code: 'errUpdatedOn' });
  const note = input.note.trim();
  if (note.length > LIMITS.note) errors.push({ field: 'note', code: 'errTooLong', vars: { max: LIMITS.note } });
  if (errors.length) return { ok: false, errors };
  return db.transaction(async (tx) => {
    const updateId = await insertMaterialUpdate(tx, { materialId: material.id, updatedOn: updatedOn!, note, createdBy: actor.id });
    await appendAudit(tx, {
      actorType: 'staff',
      actorId: actor.id,
      action: 'outreach.material.update',
      subjectType: 'outreach_material',
      subjectId: material.id,
      organisationId: actor.organisationId,
      details: { updateId, updatedOn },
    });
    return { ok: true as const, materialId: material.id };
  });
}
