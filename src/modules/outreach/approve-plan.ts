/**
 * Approval by decree: the working copy (plan + items) is frozen into
 * outreach_plan_versions as version n+1 and the plan becomes 'approved'.
 * Later edits change the working copy only, so a changed plan keeps what it
 * was when approved.
 */
import type { Database } from '../../db/client.js';
import { appendAudit } from '../../platform/audit.js';
import type { StaffActor } from '../../platform/policy.js';
import type { OutreachFieldError } from './outreach.messages.js';
import { findPlan, insertVersion, listItems, lockPlan, type PlanSnapshot } from './outreach.repository.js';

export interface ApprovePlanInput {
  decreeNumber: string;
  decreeDate: string;
}

export type ApprovePlanResult = { ok: true; version: number } | { ok: false; errors: OutreachFieldError[] };

/** «24.05.2018» or «2018-05-24» → '2018-05-24'; null when it is not a real date. */
export function parseDecreeDate(text: string): string | null {
  const s = text.trim();
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s) ?? /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = s.includes('-') ? [Number(m[1]), Number(m[2]), Number(m[3])] : [Number(m[3]), Number(m[2]), Number(m[1])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (y < 2000 || y > 2100 || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export async function approvePlan(db: Database, actor: StaffActor, planId: string, input: ApprovePlanInput): Promise<ApprovePlanResult> {
  const errors: OutreachFieldError[] = [];
  const number = input.decreeNumber.trim().replace(/^№\s*/, '');
  if (!number) errors.push({ field: 'decreeNumber', code: 'errDecreeNumber' });
  else if (number.length > 50) errors.push({ field: 'decreeNumber', code: 'errDecreeNumberLong' });
  const date = parseDecreeDate(input.decreeDate);
  if (!date) errors.push({ field: 'decreeDate', code: 'errDecreeDate' });
  if (errors.length) return { ok: false, errors };

  return db.transaction(async (tx): Promise<ApprovePlanResult> => {
    const locked = await lockPlan(tx, planId);
    const plan = await findPlan(tx, planId);
    if (!locked || !plan) throw new Error(`plan ${planId} not found`);
    if (plan.status === 'approved') return { ok: false, errors: [{ field: 'decreeNumber', code: 'errNothingChanged' }] };
    const items = await listItems(tx, planId);
    if (items.length === 0) return { ok: false, errors: [{ field: 'decreeNumber', code: 'errNoItems' }] };
    const version = locked.currentVersion + 1;
    const snapshot: PlanSnapshot = {
      plan: { title: plan.title, periodFrom: plan.periodFrom, periodTo: plan.periodTo, municipalityName: plan.municipalityName, regionName: plan.regionName },
      items: items.map(({ planId: _p, ...rest }) => rest),
    };
    await insertVersion(tx, { planId, version, snapshot, decreeNumber: number, decreeDate: date!, approvedBy: actor.id });
    await appendAudit(tx, {
      actorType: 'staff',
      actorId: actor.id,
      action: 'outreach.plan.approve',
      subjectType: 'outreach_plan',
      subjectId: planId,
      organisationId: actor.organisationId,
      details: { version, decreeNumber: number, decreeDate: date, items: items.length },
    });
    return { ok: true, version };
  });
}
