/**
 * A coordinator (or the regional administrator, for the region's own plan)
 * creates a plan for a year from a template (seeds 002/003) or by copying last
 * year's plan of the same place. Deadline texts are kept as written.
 */
import { parseDeadline } from './deadlines/index.js';
import type { Database } from '../../db/client.js';
import { findPlanTemplate } from '../../db/seed/data/plan-templates/index.js';
import { appendAudit } from '../../platform/audit.js';
import type { StaffActor } from '../../platform/policy.js';
import type { OutreachFieldError } from './outreach.messages.js';
import type { PlanPlace } from './outreach.policy.js';
import { insertItems, insertPlan, listItems, listPlans, type NewItem } from './outreach.repository.js';
import { planYear } from './plan-items.js';

export interface CreatePlanInput {
  year: string;
  /** 'template:<key>' | 'copy' */
  source: string;
}

export type CreatePlanResult = { ok: true; planId: string; items: number } | { ok: false; errors: OutreachFieldError[] };

export async function createPlan(db: Database, actor: StaffActor, place: PlanPlace, input: CreatePlanInput): Promise<CreatePlanResult> {
  const errors: OutreachFieldError[] = [];
  const yearText = input.year.trim();
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
  if (!(year >= 2000 && year <= 2100)) errors.push({ field: 'year', code: 'errYear' });
  const template = input.source.startsWith('template:') ? findPlanTemplate(input.source.slice('template:'.length)) : undefined;
  if (!template && input.source !== 'copy') errors.push({ field: 'source', code: 'errSource' });
  if (errors.length) return { ok: false, errors };

  const existing = await listPlans(db, { regionId: place.regionId, municipalityId: place.municipalityId });
  if (existing.some((p) => planYear(p.periodFrom) === year)) return { ok: false, errors: [{ field: 'year', code: 'errExists', vars: { year } }] };

  let title: string;
  let items: NewItem[];
  let source: string;
  if (template) {
    title = template.title.replaceAll(String(template.year), String(year));
    source = `template:${template.key}`;
    let order = 0;
    items = template.sections.flatMap((s) =>
      s.items.map((i) => ({
        sectionNumber: s.number,
        sectionTitle: s.title,
        itemNumber: i.number,
        sortOrder: ++order,
        content: i.content,
        executors: i.executors.map((post) => ({ post })),
        deadlineText: i.deadline,
        deadline: parsedOrNull(i.deadline),
        expectedResult: i.expectedResult,
        indicatorNodeId: i.indicator ?? null,
        budgetRub: null,
        activityTypeId: null,
      })),
    );
  } else {
    const last = existing.find((p) => planYear(p.periodFrom) === year - 1);
    if (!last) return { ok: false, errors: [{ field: 'source', code: 'errNoLastYear', vars: { year: year - 1 } }] };
    title = last.title.replaceAll(String(year - 1), String(year));
    source = `copy:${last.id}`;
    items = (await listItems(db, last.id)).map(({ id: _id, planId: _planId, ...rest }) => rest);
  }

  const planId = await db.transaction(async (tx) => {
    const id = await insertPlan(tx, {
      regionId: place.regionId,
      municipalityId: place.municipalityId,
      title,
      periodFrom: `${year}-01-01`,
      periodTo: `${year}-12-31`,
      source,
      createdBy: actor.id,
    });
    await insertItems(tx, id, items);
    await appendAudit(tx, {
      actorType: 'staff',
      actorId: actor.id,
      action: 'outreach.plan.create',
      subjectType: 'outreach_plan',
      subjectId: id,
      organisationId: actor.organisationId,
      details: { year, source, items: items.length, municipalityId: place.municipalityId },
    });
    return id;
  });
  return { ok: true, planId, items: items.length };
}

/** The deadline as understood by the parser, or null when the text is not understood (it stays as written). */
function parsedOrNull(text: string): unknown {
  const r = parseDeadline(text);
  return r.ok ? r.deadline : null;
}
