/** Outreach plans and the activity catalogue: staff pages. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { HttpError } from '../../platform/errors.js';
import { pageContext, sendPage } from '../../platform/http/app.js';
import { authorize, type Actor } from '../../platform/policy.js';
import type { Lang } from '../../platform/i18n.js';
import { Button, CsrfField, type FieldError } from '../../platform/views/components.js';
import { PLAN_TEMPLATES } from '../../db/seed/data/plan-templates/index.js';
import { addActivityType } from './add-activity-type.js';
import { approvePlan, attachDecreeScan, DECREE_SCAN, PLAN_OWNER } from './approve-plan.js';
import { AttachmentList, FileField, listAttachments, registerAttachmentOwner, SCAN_FILES, validateUploads, type AttachmentReader } from '../../platform/files/index.js';
import { createPlan } from './create-plan.js';
import { outreachMessages as t, type OutreachFieldError } from './outreach.messages.js';
import { canCreatePlan, canEditPlan, canManageActivityTypes, canUseOutreach, canViewApproved, canViewWorkingCopy, planPlaceFor } from './outreach.policy.js';
import { findItem, findPlan, findVersion, listActivityTypes, listExecutorOrganisations, listItems, listPlans, listVersions, type PlanItemView, type PlanView } from './outreach.repository.js';
import { addPlanItem, deletePlanItem, nextItemNumber, updatePlanItem, type ItemChoices } from './update-plan-item.js';
import { loadWorkingCalendar } from './calendar/calendar.repository.js';
import { describeDeadline, parseDeadline } from './deadlines/index.js';
import { outreachNav, type OutreachSection } from './outreach.nav.js';
import { executorsText } from './plan-items.js';
import { ActivityTypesPage, DeleteItemPage, ItemFormPage, NewPlanPage, PlanListPage, PlanPage, VersionPage } from './outreach.views.js';

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
    // organisations are ticked in their own fieldset; the text keeps posts and units
    executors: executorsText(item.executors.filter((e) => 'post' in e)).join('\n'),
    deadlineText: item.deadlineText,
    expectedResult: item.expectedResult,
    indicatorNodeId: item.indicatorNodeId ?? '',
    budgetRub: item.budgetRub ?? '',
    activityTypeId: item.activityTypeId ?? '',
  };
}

const ITEM_FIELDS = ['content', 'executors', 'deadlineText', 'expectedResult', 'indicatorNodeId', 'budgetRub', 'activityTypeId'] as const;
const NEW_ITEM_FIELDS = [...ITEM_FIELDS, 'section', 'newSectionNumber', 'newSectionTitle', 'itemNumber'] as const;

/** Ticked checkboxes: one value arrives as a string, several as an array. */
function listOf(request: FastifyRequest, field: string): string[] {
  const v = ((request.body ?? {}) as Record<string, unknown>)[field];
  if (typeof v === 'string') return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function selectedOrganisations(item: PlanItemView): Set<string> {
  return new Set(item.executors.flatMap((e) => ('organisationId' in e ? [e.organisationId] : [])));
}
const TYPE_FIELDS = ['key', 'title', 'block', 'description', 'audience', 'cadence'] as const;

async function visiblePlans(ctx: AppContext, actor: Actor): Promise<PlanView[]> {
  const all = actor.role === 'system_admin' ? await listPlans(ctx.db) : actor.regionId ? await listPlans(ctx.db, { regionId: actor.regionId }) : [];
  return all.filter((p) => canViewApproved(actor, p));
}

/** Who may open a plan's files (the decree scans): whoever may read its approved versions. One function for the process (the owner registry refuses a second reader). */
const mayReadPlanFiles: AttachmentReader = async (actor, ownerId, ctx) => {
  const plan = await findPlan(ctx.db, ownerId);
  return plan !== null && canViewApproved(actor, plan);
};

export async function registerOutreachRoutes(appBase: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const hide = { hide: true } as const;

  app.get('/outreach', { schema: hide }, async (request, reply) => {
    authorize(request.actor, canUseOutreach, undefined);
    return sendPage(
      reply,
      PlanListPage({ ctx: pageContext(request, outreachNav(request, 'plans')), plans: await visiblePlans(ctx, request.actor), canCreate: canCreatePlan(request.actor, undefined) }),
    );
  });

  app.get('/outreach/plans/new', { schema: hide }, async (request, reply) => {
    authorize(request.actor, canCreatePlan, undefined);
    const year = String(new Date().getFullYear());
    return sendPage(reply, NewPlanPage({ ctx: pageContext(request, outreachNav(request, 'plans')), templates: PLAN_TEMPLATES, values: { year, source: '' }, errors: [] }));
  });

  app.post('/outreach/plans', { schema: hide }, async (request, reply) => {
    authorize(request.actor, canCreatePlan, undefined);
    const place = planPlaceFor(request.actor)!;
    authorize(request.actor, canEditPlan, place);
    const form = formOf(request, ['year', 'source']);
    const result = await createPlan(ctx.db, request.actor, place, { year: form.year!, source: form.source! });
    if (!result.ok) {
      return sendPage(reply, NewPlanPage({ ctx: pageContext(request, outreachNav(request, 'plans')), templates: PLAN_TEMPLATES, values: form, errors: translate(request.lang, result.errors) }), 400);
    }
    return reply.redirect(`/outreach/plans/${result.planId}?created=1`, 303);
  });

  const page = (request: FastifyRequest, section: OutreachSection | null = 'plans') => pageContext(request, outreachNav(request, section));

  registerAttachmentOwner(PLAN_OWNER, mayReadPlanFiles);

  const scanRules = (lang: Lang) => ({ maxBytes: ctx.config.files.maxBytes, maxFiles: 1, allowed: SCAN_FILES, field: 'decreeScan', lang });
  const scanField = (lang: Lang, error?: string | string[]) => (
    <FileField lang={lang} name="decreeScan" label={t(lang, 'decreeScan')} allowed={SCAN_FILES} maxBytes={ctx.config.files.maxBytes} maxFiles={1} optional error={error} />
  );
  const scansOf = async (lang: Lang, planId: string) => {
    const scans = await listAttachments(ctx.db, PLAN_OWNER, planId, DECREE_SCAN);
    return scans.length ? (
      <>
        <h3 class="u-h3">{t(lang, 'decreeScan')}</h3>
        <AttachmentList lang={lang} attachments={scans} />
      </>
    ) : undefined;
  };

  const renderPlan = async (
    request: FastifyRequest,
    plan: PlanView,
    extra: { approve?: { values: Record<string, string>; errors: FieldError[] }; notice?: string; scanErrors?: FieldError[] } = {},
  ) => {
    const lang = request.lang;
    const canEdit = canEditPlan(request.actor!, plan);
    const approveScanErrors = (extra.approve?.errors ?? []).filter((e) => e.field === 'decreeScan').map((e) => e.message);
    const laterScanErrors = (extra.scanErrors ?? []).map((e) => e.message);
    return PlanPage({
      ctx: page(request),
      plan,
      items: await listItems(ctx.db, plan.id),
      versions: await listVersions(ctx.db, plan.id),
      canEdit,
      calendar: await loadWorkingCalendar(ctx.db, plan.regionId),
      decreeScans: await scansOf(lang, plan.id),
      decreeScanField: scanField(lang, approveScanErrors.length ? approveScanErrors : undefined),
      laterScan:
        canEdit && plan.currentVersion > 0 ? (
          <form method="post" action={`/outreach/plans/${plan.id}/decree-scan`} enctype="multipart/form-data" novalidate class="u-stack" id="decree-scan">
            <CsrfField token={request.csrfToken} />
            <FileField
              lang={lang}
              name="laterScan"
              label={t(lang, 'attachScanTitle', { version: plan.currentVersion })}
              allowed={SCAN_FILES}
              maxBytes={ctx.config.files.maxBytes}
              maxFiles={1}
              error={laterScanErrors.length ? laterScanErrors : undefined}
            />
            <Button type="submit" variant="secondary">
              {t(lang, 'attachScan')}
            </Button>
          </form>
        ) : undefined,
      ...extra,
      errorsExtra: extra.scanErrors,
    });
  };

  app.get('/outreach/plans/:id', { schema: { ...hide, params: PlanParams } }, async (request, reply) => {
    authorize(request.actor, canUseOutreach, undefined);
    const plan = await loadPlan(ctx, request.params.id);
    if (!canViewWorkingCopy(request.actor, plan)) {
      authorize(request.actor, canViewApproved, plan);
      return reply.redirect(`/outreach/plans/${plan.id}/versions/${plan.currentVersion}`, 303);
    }
    const q = request.query as Record<string, string | undefined>;
    const lang = request.lang;
    const notice = q.created
      ? t(lang, 'planCreated')
      : q.approved
        ? t(lang, 'planApproved', { version: q.approved })
        : q.saved
          ? t(lang, 'itemSaved', { number: q.saved })
          : q.added
            ? t(lang, 'itemAdded', { number: q.added })
            : q.deleted
              ? t(lang, 'itemDeleted', { number: q.deleted })
              : q.scan
                ? t(lang, 'scanAttached', { version: q.scan })
                : q.imported
                  ? t(lang, 'itemsImported', { n: q.imported })
                  : undefined;
    return sendPage(reply, await renderPlan(request, plan, { notice }));
  });

  app.post('/outreach/plans/:id/approve', { schema: { ...hide, params: PlanParams } }, async (request, reply) => {
    authorize(request.actor, canUseOutreach, undefined);
    const plan = await loadPlan(ctx, request.params.id);
    authorize(request.actor, canEditPlan, plan);
    const form = formOf(request, ['decreeNumber', 'decreeDate']);
    const scan = validateUploads(request.uploads, scanRules(request.lang));
    const result = await approvePlan(ctx.db, request.actor, plan.id, {
      decreeNumber: form.decreeNumber!,
      decreeDate: form.decreeDate!,
      scan: scan.ok && scan.files[0] ? { fileName: scan.files[0].fileName, data: scan.files[0].data } : undefined,
      // a bad scan stops the approval: the form comes back with everything typed
      dryRun: !scan.ok,
    });
    if (!result.ok || !scan.ok) {
      const errors = [...(result.ok ? [] : translate(request.lang, result.errors)), ...(scan.ok ? [] : scan.errors)];
      return sendPage(reply, await renderPlan(request, plan, { approve: { values: form, errors } }), 400);
    }
    return reply.redirect(`/outreach/plans/${plan.id}?approved=${result.version}`, 303);
  });

  app.post('/outreach/plans/:id/decree-scan', { schema: { ...hide, params: PlanParams } }, async (request, reply) => {
    authorize(request.actor, canUseOutreach, undefined);
    const plan = await loadPlan(ctx, request.params.id);
    authorize(request.actor, canEditPlan, plan);
    if (plan.currentVersion === 0) throw new HttpError(409, 'not_approved');
    const scan = validateUploads(request.uploads, { ...scanRules(request.lang), field: 'laterScan', required: true });
    if (!scan.ok) return sendPage(reply, await renderPlan(request, plan, { scanErrors: scan.errors }), 400);
    const result = await attachDecreeScan(ctx.db, request.actor, plan.id, { fileName: scan.files[0]!.fileName, data: scan.files[0]!.data });
    if (!result.ok) throw new HttpError(409, 'not_approved');
    return reply.redirect(`/outreach/plans/${plan.id}?scan=${result.version}`, 303);
  });

  /** What an item form offers for this plan: activity types and the organisations of its municipality. */
  const itemChoices = async (plan: PlanView) => {
    const types = await listActivityTypes(ctx.db, plan.regionId);
    const organisations = await listExecutorOrganisations(ctx.db, plan.regionId, plan.municipalityId);
    const choices: ItemChoices = { activityTypeIds: new Set(types.map((a) => a.id)), organisations: new Map(organisations.map((o) => [o.id, o.name])) };
    return { types, organisations, choices };
  };

  const itemForm = async (request: FastifyRequest, plan: PlanView, item: PlanItemView | undefined, values: Record<string, string>, selected: Set<string>, errors: FieldError[]) => {
    const { types, organisations } = await itemChoices(plan);
    return ItemFormPage({
      ctx: page(request),
      plan,
      item,
      items: await listItems(ctx.db, plan.id),
      types,
      organisations,
      selectedOrganisations: selected,
      calendar: await loadWorkingCalendar(ctx.db, plan.regionId),
      values,
      errors,
    });
  };

  const editablePlan = async (request: FastifyRequest, id: string) => {
    authorize(request.actor, canUseOutreach, undefined);
    const plan = await loadPlan(ctx, id);
    authorize(request.actor, canEditPlan, plan);
    return plan;
  };

  // How a deadline being typed is understood, for public/deadline-preview.js (the form works without it).
  app.get(
    '/outreach/plans/:id/deadline-preview',
    { schema: { ...hide, params: PlanParams, querystring: z.object({ text: z.string().max(500).default('') }) } },
    async (request) => {
      const plan = await editablePlan(request, request.params.id);
      const text = request.query.text.trim();
      if (!text) return { ok: true, text: '' };
      const parsed = parseDeadline(text);
      if (!parsed.ok) return { ok: false, text: parsed.message };
      const calendar = await loadWorkingCalendar(ctx.db, plan.regionId);
      return { ok: true, text: describeDeadline(parsed.deadline, request.lang, { calendar, period: { from: plan.periodFrom, to: plan.periodTo } }) };
    },
  );

  app.get('/outreach/plans/:id/items/new', { schema: { ...hide, params: PlanParams } }, async (request, reply) => {
    const plan = await editablePlan(request, request.params.id);
    const items = await listItems(ctx.db, plan.id);
    const last = items.at(-1);
    const values = { section: last?.sectionNumber ?? 'new', itemNumber: last ? nextItemNumber(items, last.sectionNumber) : '1.1', newSectionNumber: last ? '' : '1' };
    return sendPage(reply, await itemForm(request, plan, undefined, values, new Set(), []));
  });

  app.post('/outreach/plans/:id/items', { schema: { ...hide, params: PlanParams } }, async (request, reply) => {
    const plan = await editablePlan(request, request.params.id);
    const form = formOf(request, NEW_ITEM_FIELDS) as Record<(typeof NEW_ITEM_FIELDS)[number], string>;
    const organisationIds = listOf(request, 'organisationIds');
    const { choices } = await itemChoices(plan);
    const result = await addPlanItem(ctx.db, request.actor!, plan.id, { ...form, organisationIds }, choices);
    if (!result.ok) return sendPage(reply, await itemForm(request, plan, undefined, form, new Set(organisationIds), translate(request.lang, result.errors)), 400);
    return reply.redirect(`/outreach/plans/${plan.id}?added=${encodeURIComponent(result.item.itemNumber)}`, 303);
  });

  app.get('/outreach/plans/:id/items/:itemId/edit', { schema: { ...hide, params: ItemParams } }, async (request, reply) => {
    const plan = await editablePlan(request, request.params.id);
    const item = await findItem(ctx.db, plan.id, request.params.itemId);
    if (!item) throw new HttpError(404, 'not_found');
    return sendPage(reply, await itemForm(request, plan, item, itemValues(item), selectedOrganisations(item), []));
  });

  app.post('/outreach/plans/:id/items/:itemId', { schema: { ...hide, params: ItemParams } }, async (request, reply) => {
    const plan = await editablePlan(request, request.params.id);
    const item = await findItem(ctx.db, plan.id, request.params.itemId);
    if (!item) throw new HttpError(404, 'not_found');
    const form = formOf(request, ITEM_FIELDS) as Record<(typeof ITEM_FIELDS)[number], string>;
    const organisationIds = listOf(request, 'organisationIds');
    const { choices } = await itemChoices(plan);
    // A form from before organisations could be ticked (or a client that sends only text) keeps the item's organisations.
    const body = (request.body ?? {}) as Record<string, unknown>;
    const ids = 'organisationIds' in body || 'organisationsShown' in body ? organisationIds : [...selectedOrganisations(item)];
    const result = await updatePlanItem(ctx.db, request.actor!, plan.id, item.id, { ...form, organisationIds: ids }, choices);
    if (!result.ok) return sendPage(reply, await itemForm(request, plan, item, form, new Set(ids), translate(request.lang, result.errors)), 400);
    return reply.redirect(`/outreach/plans/${plan.id}?saved=${encodeURIComponent(item.itemNumber)}`, 303);
  });

  app.get('/outreach/plans/:id/items/:itemId/delete', { schema: { ...hide, params: ItemParams } }, async (request, reply) => {
    const plan = await editablePlan(request, request.params.id);
    const item = await findItem(ctx.db, plan.id, request.params.itemId);
    if (!item) throw new HttpError(404, 'not_found');
    return sendPage(reply, DeleteItemPage({ ctx: page(request), plan, item }));
  });

  app.post('/outreach/plans/:id/items/:itemId/delete', { schema: { ...hide, params: ItemParams } }, async (request, reply) => {
    const plan = await editablePlan(request, request.params.id);
    const deleted = await deletePlanItem(ctx.db, request.actor!, plan.id, request.params.itemId);
    if (!deleted) throw new HttpError(404, 'not_found');
    return reply.redirect(`/outreach/plans/${plan.id}?deleted=${encodeURIComponent(deleted.itemNumber)}`, 303);
  });

  app.get('/outreach/plans/:id/versions/:version', { schema: { ...hide, params: VersionParams } }, async (request, reply) => {
    authorize(request.actor, canUseOutreach, undefined);
    const plan = await loadPlan(ctx, request.params.id);
    authorize(request.actor, canViewApproved, plan);
    const version = await findVersion(ctx.db, plan.id, request.params.version);
    if (!version) throw new HttpError(404, 'not_found');
    const working = canViewWorkingCopy(request.actor, plan);
    return sendPage(
      reply,
      VersionPage({
        ctx: page(request),
        planId: plan.id,
        version,
        readOnlyNote: !working,
        canSeeWorkingCopy: working,
        calendar: await loadWorkingCalendar(ctx.db, plan.regionId),
        decreeScans: await scansOf(request.lang, plan.id),
      }),
    );
  });

  const typesPage = async (request: FastifyRequest, values: Record<string, string>, errors: FieldError[], notice?: string) => {
    const actor = request.actor!;
    return ActivityTypesPage({
      ctx: pageContext(request, outreachNav(request, 'types')),
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
