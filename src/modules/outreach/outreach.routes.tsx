/** Outreach plans and the activity catalogue: staff pages. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { HttpError } from '../../platform/errors.js';
import { pageContext, sendPage } from '../../platform/http/app.js';
import { authorize, type Actor } from '../../platform/policy.js';
import type { Lang } from '../../platform/i18n.js';
import type { FieldError } from '../../platform/views/components.js';
import { PLAN_TEMPLATES } from '../../db/seed/data/plan-templates/index.js';
import { addActivityType } from './add-activity-type.js';
import { approvePlan } from './approve-plan.js';
import { createPlan } from './create-plan.js';
import { outreachMessages as t, type OutreachFieldError } from './outreach.messages.js';
import { canCreatePlan, canEditPlan, canManageActivityTypes, canUseOutreach, canViewApproved, canViewWorkingCopy, planPlaceFor } from './outreach.policy.js';
import { findItem, findPlan, findVersion, listActivityTypes, listItems, listPlans, listVersions, type PlanItemView, type PlanView } from './outreach.repository.js';
import { updatePlanItem } from './update-plan-item.js';
import { executorsText } from './plan-items.js';
import { ActivityTypesPage, EditItemPage, NewPlanPage, PlanListPage, PlanPage, VersionPage } from './outreach.views.js';

const PlanParams = z.object({ id: z.string().uuid() });
const ItemParams = z.object({ id: z.string().uuid(), itemId: z.string().uuid() });
const VersionParams = z.object({ id: z.string().uuid(), version: z.coerce.number().int().min(1).max(100_000) });

/** Form fields as strings; anything else (missing, repeated) becomes ''. */
function formOf(request: FastifyRequest, fields: readonly string[]): Record<string, string> {
  const body = (request.body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(fields.map((f) => [f, typeof body[f] === 'string' ? (body[f] as string) : '']));
}

function translate(lang: Lang, errors: OutreachFieldError[]): FieldError[] {
  return errors.map((e) => ({ field: e.field, message: t(lang, e.code, e.vars) }));
}

async function loadPlan(ctx: AppContext, id: string): Promise<PlanView> {
  const plan = await findPlan(ctx.db, id);
  if (!plan) throw new HttpError(404, 'not_found');
  return plan;
}

function itemValues(item: PlanItemView): Record<string, string> {
  return {
    content: item.content,
    executors: executorsText(item.executors).join('\n'),
    deadlineText: item.deadlineText,
    expectedResult: item.expectedResult,
    indicatorNodeId: item.indicatorNodeId ?? '',
    budgetRub: item.budgetRub ?? '',
    activityTypeId: item.activityTypeId ?? '',
  };
}

const ITEM_FIELDS = ['content', 'executors', 'deadlineText', 'expectedResult', 'indicatorNodeId', 'budgetRub', 'activityTypeId'] as const;
const TYPE_FIELDS = ['key', 'title', 'block', 'description', 'audience', 'cadence'] as const;

async function visiblePlans(ctx: AppContext, actor: Actor): Promise<PlanView[]> {
  const all = actor.role === 'system_admin' ? await listPlans(ctx.db) : actor.regionId ? await listPlans(ctx.db, { regionId: actor.regionId }) : [];
  return all.filter((p) => canViewApproved(actor, p));
}

export async function registerOutreachRoutes(appBase: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const hide = { hide: true } as const;

  app.get('/outreach', { schema: hide }, async (request, reply) => {
    authorize(request.actor, canUseOutreach, undefined);
    return sendPage(
      reply,
      PlanListPage({ ctx: pageContext(request), plans: await visiblePlans(ctx, request.actor), canCreate: canCreatePlan(request.actor, undefined) }),
    );
  });

  app.get('/outreach/plans/new', { schema: hide }, async (request, reply) => {
    authorize(request.actor, canCreatePlan, undefined);
    const year = String(new Date().getFullYear());
    return sendPage(reply, NewPlanPage({ ctx: pageContext(request), templates: PLAN_TEMPLATES, values: { year, source: '' }, errors: [] }));
  });

  app.post('/outreach/plans', { schema: hide }, async (request, reply) => {
    authorize(request.actor, canCreatePlan, undefined);
    const place = planPlaceFor(request.actor)!;
    authorize(request.actor, canEditPlan, place);
    const form = formOf(request, ['year', 'source']);
    const result = await createPlan(ctx.db, request.actor, place, { year: form.year!, source: form.source! });
    if (!result.ok) {
      return sendPage(reply, NewPlanPage({ ctx: pageContext(request), templates: PLAN_TEMPLATES, values: form, errors: translate(request.lang, result.errors) }), 400);
    }
    return reply.redirect(`/outreach/plans/${result.planId}?created=1`, 303);
  });

  const renderPlan = async (request: FastifyRequest, plan: PlanView, extra: { approve?: { values: Record<string, string>; errors: FieldError[] }; notice?: string } = {}) =>
    PlanPage({
      ctx: pageContext(request),
      plan,
      items: await listItems(ctx.db, plan.id),
      versions: await listVersions(ctx.db, plan.id),
      canEdit: canEditPlan(request.actor!, plan),
      ...extra,
    });

  app.get('/outreach/plans/:id', { schema: { ...hide, params: PlanParams } }, async (request, reply) => {
    authorize(request.actor, canUseOutreach, undefined);
    const plan = await loadPlan(ctx, request.params.id);
    if (!canViewWorkingCopy(request.actor, plan)) {
      authorize(request.actor, canViewApproved, plan);
      return reply.redirect(`/outreach/plans/${plan.id}/versions/${plan.currentVersion}`, 303);
    }
    const q = request.query as Record<string, string | undefined>;
    const lang = request.lang;
    const notice = q.created ? t(lang, 'planCreated') : q.approved ? t(lang, 'planApproved', { version: q.approved }) : q.saved ? t(lang, 'itemSaved', { number: q.saved }) : undefined;
    return sendPage(reply, await renderPlan(request, plan, { notice }));
  });

  app.post('/outreach/plans/:id/approve', { schema: { ...hide, params: PlanParams } }, async (request, reply) => {
    authorize(request.actor, canUseOutreach, undefined);
    const plan = await loadPlan(ctx, request.params.id);
    authorize(request.actor, canEditPlan, plan);
    const form = formOf(request, ['decreeNumber', 'decreeDate']);
    const result = await approvePlan(ctx.db, request.actor, plan.id, { decreeNumber: form.decreeNumber!, decreeDate: form.decreeDate! });
    if (!result.ok) return sendPage(reply, await renderPlan(request, plan, { approve: { values: form, errors: translate(request.lang, result.errors) } }), 400);
    return reply.redirect(`/outreach/plans/${plan.id}?approved=${result.version}`, 303);
  });

  app.get('/outreach/plans/:id/items/:itemId/edit', { schema: { ...hide, params: ItemParams } }, async (request, reply) => {
    authorize(request.actor, canUseOutreach, undefined);
    const plan = await loadPlan(ctx, request.params.id);
    authorize(request.actor, canEditPlan, plan);
    const item = await findItem(ctx.db, plan.id, request.params.itemId);
    if (!item) throw new HttpError(404, 'not_found');
    const types = await listActivityTypes(ctx.db, plan.regionId);
    return sendPage(reply, EditItemPage({ ctx: pageContext(request), plan, item, types, values: itemValues(item), errors: [] }));
  });

  app.post('/outreach/plans/:id/items/:itemId', { schema: { ...hide, params: ItemParams } }, async (request, reply) => {
    authorize(request.actor, canUseOutreach, undefined);
    const plan = await loadPlan(ctx, request.params.id);
    authorize(request.actor, canEditPlan, plan);
    const item = await findItem(ctx.db, plan.id, request.params.itemId);
    if (!item) throw new HttpError(404, 'not_found');
    const types = await listActivityTypes(ctx.db, plan.regionId);
    const form = formOf(request, ITEM_FIELDS);
    const result = await updatePlanItem(ctx.db, request.actor, plan.id, item.id, form as Record<(typeof ITEM_FIELDS)[number], string>, new Set(types.map((a) => a.id)));
    if (!result.ok) {
      return sendPage(reply, EditItemPage({ ctx: pageContext(request), plan, item, types, values: form, errors: translate(request.lang, result.errors) }), 400);
    }
    return reply.redirect(`/outreach/plans/${plan.id}?saved=${encodeURIComponent(item.itemNumber)}`, 303);
  });

  app.get('/outreach/plans/:id/versions/:version', { schema: { ...hide, params: VersionParams } }, async (request, reply) => {
    authorize(request.actor, canUseOutreach, undefined);
    const plan = await loadPlan(ctx, request.params.id);
    authorize(request.actor, canViewApproved, plan);
    const version = await findVersion(ctx.db, plan.id, request.params.version);
    if (!version) throw new HttpError(404, 'not_found');
    const working = canViewWorkingCopy(request.actor, plan);
    return sendPage(reply, VersionPage({ ctx: pageContext(request), planId: plan.id, version, readOnlyNote: !working, canSeeWorkingCopy: working }));
  });

  const typesPage = async (request: FastifyRequest, values: Record<string, string>, errors: FieldError[], notice?: string) => {
    const actor = request.actor!;
    return ActivityTypesPage({
      ctx: pageContext(request),
      types: await listActivityTypes(ctx.db, actor.regionId),
      canAdd: actor.regionId !== null && canManageActivityTypes(actor, { regionId: actor.regionId }),
      values,
      errors,
      notice,
    });
  };

  app.get('/outreach/activity-types', { schema: hide }, async (request, reply) => {
    authorize(request.actor, canUseOutreach, undefined);
    const q = request.query as Record<string, string | undefined>;
    return sendPage(reply, await typesPage(request, { block: '1' }, [], q.added ? t(request.lang, 'typeAdded', { title: q.added }) : undefined));
  });

  app.post('/outreach/activity-types', { schema: hide }, async (request, reply) => {
    authorize(request.actor, canUseOutreach, undefined);
    const regionId = request.actor.regionId;
    if (!regionId) throw new HttpError(403, 'forbidden');
    authorize(request.actor, canManageActivityTypes, { regionId });
    const form = formOf(request, TYPE_FIELDS);
    const result = await addActivityType(ctx.db, request.actor, regionId, form as Record<(typeof TYPE_FIELDS)[number], string>);
    if (!result.ok) return sendPage(reply, await typesPage(request, form, translate(request.lang, result.errors)), 400);
    return reply.redirect(`/outreach/activity-types?added=${encodeURIComponent(form.title!.trim())}`, 303);
  });
}
