/**
 * Edits one item of a plan's working copy. An approved plan goes back to
 * draft; its approved versions are untouched.
 */
import type { Database } from '../../db/client.js';
import { appendAudit } from '../../platform/audit.js';
import type { StaffActor } from '../../platform/policy.js';
import { parseDeadline } from './deadlines/index.js';
import type { OutreachFieldError } from './outreach.messages.js';
import { findItem, markPlanChanged, updateItem, type ItemChanges, type PlanItemView } from './outreach.repository.js';

export interface UpdateItemInput {
  content: string;
  executors: string;
  deadlineText: string;
  expectedResult: string;
  indicatorNodeId: string;
  budgetRub: string;
  activityTypeId: string;
}

export type UpdateItemResult = { ok: true; item: PlanItemView } | { ok: false; errors: OutreachFieldError[] };

const LIMITS = { content: 4000, expectedResult: 4000, deadlineText: 500, executor: 500 } as const;

export function validateItem(input: UpdateItemInput, activityTypeIds: Set<string>): { changes?: ItemChanges; errors: OutreachFieldError[] } {
  const errors: OutreachFieldError[] = [];
  const content = input.content.trim();
  if (!content) errors.push({ field: 'content', code: 'errContent' });
  else if (content.length > LIMITS.content) errors.push({ field: 'content', code: 'errTooLong', vars: { max: LIMITS.content } });
  const executors = input.executors
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (executors.length === 0) errors.push({ field: 'executors', code: 'errExecutors' });
  else if (executors.some((e) => e.length > LIMITS.executor)) errors.push({ field: 'executors', code: 'errTooLong', vars: { max: LIMITS.executor } });
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
  if (budgetRaw && !(/^\d{1,12}(\.\d{1,2})?$/.test(budgetRaw))) errors.push({ field: 'budgetRub', code: 'errBudget' });
  const activityTypeId = input.activityTypeId.trim();
  if (activityTypeId && !activityTypeIds.has(activityTypeId)) errors.push({ field: 'activityTypeId', code: 'errActivityType' });
  if (errors.length) return { errors };
  return {
    errors,
    changes: {
      content,
      executors: executors.map((post) => ({ post })),
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
  activityTypeIds: Set<string>,
): Promise<UpdateItemResult> {
  const { changes, errors } = validateItem(input, activityTypeIds);
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
