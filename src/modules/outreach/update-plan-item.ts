/**
 * Changes to a plan's working copy: edit an item, add one, delete one. An
 * approved plan goes back to draft; its approved versions are untouched.
 *
 * Executors are organisations of the territory tree (so reminders reach the
 * people who work there) and, for what is not an organisation, posts or units
 * in words («Отдел культуры», «Глава района»), one per line.
 */
import type { Database } from '../../db/client.js';
import type { PlanExecutor } from '../../db/schema/outreach.js';
import { appendAudit } from '../../platform/audit.js';
import type { StaffActor } from '../../platform/policy.js';
import { parseDeadline } from './deadlines/index.js';
import type { OutreachFieldError } from './outreach.messages.js';
import { deleteItem, findItem, insertItems, listItems, markPlanChanged, updateItem, type ItemChanges, type PlanItemView } from './outreach.repository.js';

export interface UpdateItemInput {
  content: string;
  /** posts and units in words, one per line */
  executors: string;
  /** organisations chosen from the territory tree */
  organisationIds?: string[];
  deadlineText: string;
  expectedResult: string;
  indicatorNodeId: string;
  budgetRub: string;
  activityTypeId: string;
}

export interface NewItemInput extends UpdateItemInput {
  /** an existing section's number, or 'new' */
  section: string;
  newSectionNumber: string;
  newSectionTitle: string;
  itemNumber: string;
}

export interface ItemChoices {
  activityTypeIds: Set<string>;
  /** organisation id → its short name, of the plan's municipality (or region) */
  organisations: Map<string, string>;
}

export type UpdateItemResult = { ok: true; item: PlanItemView } | { ok: false; errors: OutreachFieldError[] };

const LIMITS = { content: 4000, expectedResult: 4000, deadlineText: 500, executor: 500, sectionTitle: 500 } as const;

export function validateItem(input: UpdateItemInput, choices: ItemChoices | Set<string>): { changes?: ItemChanges; errors: OutreachFieldError[] } {
  const { activityTypeIds, organisations } = choices instanceof Set ? { activityTypeIds: choices, organisations: new Map<string, string>() } : choices;
  const errors: OutreachFieldError[] = [];
  const content = input.content.trim();
  if (!content) errors.push({ field: 'content', code: 'errContent' });
  else if (content.length > LIMITS.content) errors.push({ field: 'content', code: 'errTooLong', vars: { max: LIMITS.content } });
  const posts = input.executors
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);
  const orgIds = [...new Set(input.organisationIds ?? [])];
  const unknownOrg = orgIds.some((id) => !organisations.has(id));
  if (unknownOrg) errors.push({ field: 'organisationIds', code: 'errOrganisation' });
  if (posts.length === 0 && orgIds.length === 0) errors.push({ field: 'executors', code: 'errExecutors' });
  else if (posts.some((e) => e.length > LIMITS.executor)) errors.push({ field: 'executors', code: 'errTooLong', vars: { max: LIMITS.executor } });
  const deadlineText = input.deadlineText.trim();
  if (!deadlineText) errors.push({ field: 'deadlineText', code: 'errDeadline' });
  else if (deadlineText.length > LIMITS.deadlineText) errors.push({ field: 'deadlineText', code: 'errTooLong', vars: { max: LIMITS.deadlineText } });
  // The deadline must be understood: unparseable text is refused with examples of what works.
  const parsed = deadlineText ? parseDeadline(deadlineText) : null;
  if (parsed && !parsed.ok) errors.push({ field: 'deadlineText', code: 'errDeadlineParse', vars: { message: parsed.message } });
  const expectedResult = input.expectedResult.trim();
  if (expectedResult.length > LIMITS.expectedResult) errors.push({ field: 'expectedResult', code: 'errTooLong', vars: { max: LIMITS.expectedResult } });
  const indicator = input.indicatorNodeId.trim().replace(/^р/i, 'P').toUpperCase();
  if (indicator && !/^P\d(\.\d{1,2}){0,2}$/.test(indicator)) errors.push({ field: 'indicatorNodeId', code: 'errIndicator' });
  const budgetRaw = input.budgetRub.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (budgetRaw && !/^\d{1,12}(\.\d{1,2})?$/.test(budgetRaw)) errors.push({ field: 'budgetRub', code: 'errBudget' });
  const activityTypeId = input.activityTypeId.trim();
  if (activityTypeId && !activityTypeIds.has(activityTypeId)) errors.push({ field: 'activityTypeId', code: 'errActivityType' });
  if (errors.length) return { errors };
  const executors: PlanExecutor[] = [...orgIds.map((id) => ({ organisationId: id, name: organisations.get(id)! })), ...posts.map((post) => ({ post }))];
  return {
    errors,
    changes: {
      content,
      executors,
      deadlineText,
      deadline: parsed && parsed.ok ? parsed.deadline : null,
      expectedResult,
      indicatorNodeId: indicator || null,
      budgetRub: budgetRaw || null,
      activityTypeId: activityTypeId || null,
    },
  };
}

export async function updatePlanItem(
  db: Database,
  actor: StaffActor,
  planId: string,
  itemId: string,
  input: UpdateItemInput,
  choices: ItemChoices | Set<string>,
): Promise<UpdateItemResult> {
  const { changes, errors } = validateItem(input, choices);
  if (!changes) return { ok: false, errors };
  const item = await db.transaction(async (tx) => {
    const before = await findItem(tx, planId, itemId);
    if (!before) throw new Error(`item ${itemId} not in plan ${planId}`);
    await updateItem(tx, itemId, changes);
    await markPlanChanged(tx, planId);
    const changed = (Object.keys(changes) as Array<keyof ItemChanges>).filter((k) => JSON.stringify(changes[k]) !== JSON.stringify(before[k]));
    await appendAudit(tx, {
      actorType: 'staff',
      actorId: actor.id,
      action: 'outreach.plan.item_update',
      subjectType: 'outreach_plan',
      subjectId: planId,
      organisationId: actor.organisationId,
      details: { itemId, itemNumber: before.itemNumber, changed },
    });
    return (await findItem(tx, planId, itemId))!;
  });
  return { ok: true, item };
}

const ITEM_NUMBER = /^\d{1,3}(\.\d{1,3}){0,3}\.?$/;

/**
 * Adds an item to an existing section (after its last item) or to a new
 * section (after the last section). The item number is typed as in the decree
 * («2.4»); it must be unique in the plan.
 */
export async function addPlanItem(db: Database, actor: StaffActor, planId: string, input: NewItemInput, choices: ItemChoices): Promise<UpdateItemResult> {
  const { changes, errors } = validateItem(input, choices);
  const items = await listItems(db, planId);
  const sections = new Map(items.map((i) => [i.sectionNumber, i.sectionTitle]));
  let sectionNumber = '';
  let sectionTitle = '';
  if (input.section === 'new') {
    sectionNumber = input.newSectionNumber.trim().replace(/\.$/, '');
    sectionTitle = input.newSectionTitle.trim();
    if (!/^\d{1,3}$/.test(sectionNumber)) errors.push({ field: 'newSectionNumber', code: 'errSectionNumber' });
    else if (sections.has(sectionNumber)) errors.push({ field: 'newSectionNumber', code: 'errSectionTaken', vars: { number: sectionNumber } });
    if (!sectionTitle) errors.push({ field: 'newSectionTitle', code: 'errRequired' });
    else if (sectionTitle.length > LIMITS.sectionTitle) errors.push({ field: 'newSectionTitle', code: 'errTooLong', vars: { max: LIMITS.sectionTitle } });
  } else if (sections.has(input.section)) {
    sectionNumber = input.section;
    sectionTitle = sections.get(input.section)!;
  } else {
    errors.push({ field: 'section', code: 'errSection' });
  }
  const itemNumber = input.itemNumber.trim().replace(/\.$/, '');
  if (!ITEM_NUMBER.test(itemNumber)) errors.push({ field: 'itemNumber', code: 'errItemNumber' });
  else if (items.some((i) => i.itemNumber.replace(/\.$/, '') === itemNumber)) errors.push({ field: 'itemNumber', code: 'errItemNumberTaken', vars: { number: itemNumber } });
  if (!changes || errors.length) return { ok: false, errors };

  const id = await db.transaction(async (tx) => {
    // Place it after the last item of its section (or at the end for a new section) and shift the rest.
    const current = await listItems(tx, planId);
    const inSection = current.filter((i) => i.sectionNumber === sectionNumber);
    const after = inSection.length ? Math.max(...inSection.map((i) => i.sortOrder)) : Math.max(0, ...current.map((i) => i.sortOrder));
    await tx.query('update outreach_plan_items set sort_order = sort_order + 1 where plan_id = $1 and sort_order > $2', [planId, after]);
    await insertItems(tx, planId, [{ sectionNumber, sectionTitle, itemNumber, sortOrder: after + 1, ...changes }]);
    const { rows } = await tx.query<{ id: string }>('select id from outreach_plan_items where plan_id = $1 and item_number = $2', [planId, itemNumber]);
    await markPlanChanged(tx, planId);
    await appendAudit(tx, {
      actorType: 'staff',
      actorId: actor.id,
      action: 'outreach.plan.item_add',
      subjectType: 'outreach_plan',
      subjectId: planId,
      organisationId: actor.organisationId,
      details: { itemId: rows[0]!.id, itemNumber, sectionNumber },
    });
    return rows[0]!.id;
  });
  return { ok: true, item: (await findItem(db, planId, id))! };
}

/** Removes an item from the working copy; approved versions keep it. */
export async function deletePlanItem(db: Database, actor: StaffActor, planId: string, itemId: string): Promise<PlanItemView | null> {
  return db.transaction(async (tx) => {
    const before = await findItem(tx, planId, itemId);
    if (!before) return null;
    await deleteItem(tx, itemId);
    await markPlanChanged(tx, planId);
    await appendAudit(tx, {
      actorType: 'staff',
      actorId: actor.id,
      action: 'outreach.plan.item_delete',
      subjectType: 'outreach_plan',
      subjectId: planId,
      organisationId: actor.organisationId,
      details: { itemId, itemNumber: before.itemNumber, content: before.content.slice(0, 200) },
    });
    return before;
  });
}

/** The next free item number in a section: after «2.3» comes «2.4». */
export function nextItemNumber(items: Array<Pick<PlanItemView, 'sectionNumber' | 'itemNumber'>>, sectionNumber: string): string {
  const numbers = items
    .filter((i) => i.sectionNumber === sectionNumber)
    .map((i) => Number(/\.(\d+)\.?$/.exec(i.itemNumber)?.[1] ?? 0));
  return `${sectionNumber}.${Math.max(0, ...numbers) + 1}`;
}
