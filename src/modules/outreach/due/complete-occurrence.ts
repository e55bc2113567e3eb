/**
 * Marking one occurrence (item, due date) of an approved plan as done — with
 * the date it was done, a note and optionally the event that did it — and
 * taking the mark back. Both are audited in the same transaction.
 * Authorisation (canEditPlan on the item's plan) is the route's job.
 */
import type { Database } from '../../../db/client.js';
import { appendAudit } from '../../../platform/audit.js';
import type { StaffActor } from '../../../platform/policy.js';
import { parseDecreeDate } from '../approve-plan.js';
import { compareIsoDates, formatRu, type IsoDate } from '../deadlines/index.js';
import type { DueFieldError } from './due.messages.js';
import { deleteCompletion, eventBelongsTo, upsertCompletion } from './due.repository.js';
import type { DueItem } from './occurrences.js';

export const COMPLETION_FIELDS = ['planItemId', 'dueOn', 'doneOn', 'note', 'eventId'] as const;
export type CompletionInput = Record<(typeof COMPLETION_FIELDS)[number], string>;

export const NOTE_MAX = 2000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ValidCompletion {
  doneOn: IsoDate;
  note: string;
  eventId: string | null;
}

/** Checks the fields typed into the form; `today` is today in the region's time zone. */
export async function validateCompletion(
  db: Database,
  item: DueItem,
  input: Pick<CompletionInput, 'doneOn' | 'note' | 'eventId'>,
  today: IsoDate,
): Promise<{ value?: ValidCompletion; errors: DueFieldError[] }> {
  const errors: DueFieldError[] = [];
  const doneOn = parseDecreeDate(input.doneOn);
  if (!doneOn) errors.push({ field: 'doneOn', code: 'errDoneOn' });
  else if (compareIsoDates(doneOn, today) > 0) errors.push({ field: 'doneOn', code: 'errDoneOnFuture', vars: { today: formatRu(today) } });
  const note = input.note.replace(/\r\n/g, '\n').trim();
  if (note.length > NOTE_MAX) errors.push({ field: 'note', code: 'errNoteLong', vars: { max: NOTE_MAX } });
  const eventId = input.eventId.trim();
  if (eventId && (!UUID.test(eventId) || !(await eventBelongsTo(db, eventId, { regionId: item.regionId, municipalityId: item.municipalityId })))) {
    errors.push({ field: 'eventId', code: 'errEvent' });
  }
  if (errors.length) return { errors };
  return { errors, value: { doneOn: doneOn!, note, eventId: eventId || null } };
}

export type CompleteResult = { ok: true; replaced: boolean } | { ok: false; errors: DueFieldError[] };

export async function completeOccurrence(
  db: Database,
  actor: StaffActor,
  item: DueItem,
  dueOn: IsoDate,
  input: Pick<CompletionInput, 'doneOn' | 'note' | 'eventId'>,
  today: IsoDate,
): Promise<CompleteResult> {
  const { value, errors } = await validateCompletion(db, item, input, today);
  if (!value) return { ok: false, errors };
  return db.transaction(async (tx) => {
    const { id, replaced } = await upsertCompletion(tx, { planItemId: item.itemId, dueOn, ...value, createdBy: actor.id });
    await appendAudit(tx, {
      actorType: 'staff',
      actorId: actor.id,
      action: 'outreach.due.complete',
      subjectType: 'outreach_plan_item',
      subjectId: item.itemId,
      organisationId: actor.organisationId,
      details: { completionId: id, planId: item.planId, itemNumber: item.itemNumber, dueOn, doneOn: value.doneOn, eventId: value.eventId, hasNote: value.note !== '', replaced },
    });
    return { ok: true as const, replaced };
  });
}

/** Removes the mark; false when there was none. */
export async function uncompleteOccurrence(db: Database, actor: StaffActor, item: DueItem, dueOn: IsoDate): Promise<boolean> {
  return db.transaction(async (tx) => {
    const removed = await deleteCompletion(tx, item.itemId, dueOn);
    if (!removed) return false;
    await appendAudit(tx, {
      actorType: 'staff',
      actorId: actor.id,
      action: 'outreach.due.uncomplete',
      subjectType: 'outreach_plan_item',
      subjectId: item.itemId,
      organisationId: actor.organisationId,
      details: { completionId: removed.id, planId: item.planId, itemNumber: item.itemNumber, dueOn, doneOn: removed.doneOn },
    });
    return true;
  });
}
