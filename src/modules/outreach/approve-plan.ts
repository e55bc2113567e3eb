/**
 * Approval by decree: the working copy (plan + items) is frozen into
 * outreach_plan_versions as version n+1 and the plan becomes 'approved'.
 * Later edits change the working copy only, so a changed plan keeps what it
 * was when approved.
 */
import type { Database } from '../../db/client.js';
import { storeAttachment } from '../../platform/files/index.js';
import { appendAudit } from '../../platform/audit.js';
import type { StaffActor } from '../../platform/policy.js';
import type { OutreachFieldError } from './outreach.messages.js';
import { findPlan, insertVersion, listItems, lockPlan, type PlanSnapshot } from './outreach.repository.js';

export interface ApprovePlanInput {
  decreeNumber: string;
  decreeDate: string;
  /** the signed decree's scan (already checked by validateUploads), kept with the version */
  scan?: { fileName: string; data: Uint8Array };
  /** check the input only: another part of the form (the scan) is wrong, so nothing may be saved */
  dryRun?: boolean;
}

export const PLAN_OWNER = 'outreach_plan';
export const DECREE_SCAN = 'decree_scan';

/** The caption that ties a scan to the version it approved: «Редакция 2: постановление № 15 от 20.01.2026». */
export function scanCaption(version: number, number: string, isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `Редакция ${version}: постановление № ${number} от ${d}.${m}.${y}`;
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
  if (input.dryRun) return { ok: true, version: 0 };

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
    // The scan goes in the same transaction: an approval is never acknowledged without the file it came with.
    if (input.scan) {
      await storeAttachment(tx, {
        regionId: plan.regionId,
        ownerType: PLAN_OWNER,
        ownerId: planId,
        purpose: DECREE_SCAN,
        fileName: input.scan.fileName,
        data: input.scan.data,
        caption: scanCaption(version, number, date!),
        createdBy: actor.id,
        organisationId: actor.organisationId,
      });
    }
    await appendAudit(tx, {
      actorType: 'staff',
      actorId: actor.id,
      action: 'outreach.plan.approve',
      subjectType: 'outreach_plan',
      subjectId: planId,
      organisationId: actor.organisationId,
      details: { version, decreeNumber: number, decreeDate: date, items: items.length, scan: Boolean(input.scan) },
    });
    return { ok: true, version };
  });
}

/** Attaches the signed decree's scan to the current approved version later (it is often signed after the plan is approved in the system). */
export async function attachDecreeScan(db: Database, actor: StaffActor, planId: string, scan: { fileName: string; data: Uint8Array }): Promise<{ ok: true; version: number } | { ok: false }> {
  return db.transaction(async (tx) => {
    const plan = await findPlan(tx, planId);
    if (!plan || plan.currentVersion === 0) return { ok: false as const };
    const { rows } = await tx.query<{ decree_number: string; decree_date: string }>(
      "select decree_number, to_char(decree_date, 'YYYY-MM-DD') as decree_date from outreach_plan_versions where plan_id = $1 and version = $2",
      [planId, plan.currentVersion],
    );
    const v = rows[0]!;
    await storeAttachment(tx, {
      regionId: plan.regionId,
      ownerType: PLAN_OWNER,
      ownerId: planId,
      purpose: DECREE_SCAN,
      fileName: scan.fileName,
      data: scan.data,
      caption: scanCaption(plan.currentVersion, v.decree_number, v.decree_date),
      createdBy: actor.id,
      organisationId: actor.organisationId,
    });
    return { ok: true as const, version: plan.currentVersion };
  });
}
