/**
 * Plans as files: the XLSX table and the DOCX for signing, of the working copy
 * or of an approved version, and the XLSX import (a new plan, or new items for
 * a plan's working copy). Authorisation is the plan pages': the working copy
 * needs canViewWorkingCopy, a version canViewApproved, the import
 * canCreatePlan / canEditPlan.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.js';
import { HttpError } from '../../../platform/errors.js';
import { contentDisposition, formatBytes } from '../../../platform/files/index.js';
import { pageContext, sendPage } from '../../../platform/http/app.js';
import type { Lang } from '../../../platform/i18n.js';
import { authorize } from '../../../platform/policy.js';
import type { FieldError } from '../../../platform/views/components.js';
import { outreachNav } from '../outreach.nav.js';
import { canCreatePlan, canEditPlan, canUseOutreach, canViewApproved, canViewWorkingCopy, planPlaceFor } from '../outreach.policy.js';
import { findPlan, findVersion, listItems, type PlanView } from '../outreach.repository.js';
import { buildPlanDocx } from './export-docx.js';
import { buildPlanXlsx } from './export-xlsx.js';
import { FILE_FIELD, importNewPlan, MAX_UNPACKED_BYTES, replacePlanItems, type ImportLimits, type ImportProblem } from './import-plan.js';
import { documentFromPlan, documentFromVersion, planFileName, type PlanDocument } from './plan-document.js';
import { issueText, planFilesMessages as t } from './plan-files.messages.js';
import { PlanImportPage } from './plan-files.views.js';

const PlanParams = z.object({ id: z.string().uuid() });
const VersionParams = z.object({ id: z.string().uuid(), version: z.coerce.number().int().min(1).max(100_000) });

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** Problems shown for one upload; the rest are counted. */
const SHOWN_PROBLEMS = 50;

/** Form fields as strings; anything else (missing, repeated) becomes ''. */
function formOf(request: FastifyRequest, fields: readonly string[]): Record<string, string> {
  const body = (request.body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(fields.map((f) => [f, typeof body[f] === 'string' ? (body[f] as string) : '']));
}

function translate(lang: Lang, problems: ImportProblem[]): FieldError[] {
  const shown = problems.slice(0, SHOWN_PROBLEMS).map((p) => ({ field: p.field, message: issueText(lang, p.issue) }));
  if (problems.length > SHOWN_PROBLEMS) shown.push({ field: FILE_FIELD, message: t(lang, 'moreErrors', { n: problems.length - SHOWN_PROBLEMS }) });
  return shown;
}

async function loadPlan(ctx: AppContext, id: string): Promise<PlanView> {
  const plan = await findPlan(ctx.db, id);
  if (!plan) throw new HttpError(404, 'not_found');
  return plan;
}

function sendFile(reply: FastifyReply, data: Buffer, type: string, fileName: string) {
  return reply
    .status(200)
    .header('content-type', type)
    .header('content-disposition', contentDisposition('attachment', fileName))
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .send(data);
}

export async function registerPlanFileRoutes(appBase: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const hide = { hide: true } as const;
  const page = (request: FastifyRequest) => pageContext(request, outreachNav(request, 'plans'));
  const limits = (lang: Lang): ImportLimits => ({
    maxBytes: ctx.config.files.maxBytes,
    maxLabel: formatBytes(lang, ctx.config.files.maxBytes),
    unpackedLabel: formatBytes(lang, MAX_UNPACKED_BYTES),
  });

  // --- export -------------------------------------------------------------------

  const workingCopy = async (request: FastifyRequest, id: string): Promise<PlanDocument> => {
    authorize(request.actor, canUseOutreach, undefined);
    const plan = await loadPlan(ctx, id);
    authorize(request.actor, canViewWorkingCopy, plan);
    return documentFromPlan(plan, await listItems(ctx.db, plan.id));
  };

  const approvedVersion = async (request: FastifyRequest, id: string, number: number): Promise<PlanDocument> => {
    authorize(request.actor, canUseOutreach, undefined);
    const plan = await loadPlan(ctx, id);
    authorize(request.actor, canViewApproved, plan);
    const version = await findVersion(ctx.db, plan.id, number);
    if (!version) throw new HttpError(404, 'not_found');
    return documentFromVersion(version);
  };

  app.get('/outreach/plans/:id/plan.xlsx', { schema: { ...hide, params: PlanParams } }, async (request, reply) => {
    const doc = await workingCopy(request, request.params.id);
    return sendFile(reply, await buildPlanXlsx(doc), XLSX_TYPE, planFileName(doc, 'xlsx'));
  });

  app.get('/outreach/plans/:id/versions/:version/plan.xlsx', { schema: { ...hide, params: VersionParams } }, async (request, reply) => {
    const doc = await approvedVersion(request, request.params.id, request.params.version);
    return sendFile(reply, await buildPlanXlsx(doc), XLSX_TYPE, planFileName(doc, 'xlsx'));
  });

  app.get('/outreach/plans/:id/plan.docx', { schema: { ...hide, params: PlanParams } }, async (request, reply) => {
    const doc = await workingCopy(request, request.params.id);
    return sendFile(reply, await buildPlanDocx(doc), DOCX_TYPE, planFileName(doc, 'docx'));
  });

  app.get('/outreach/plans/:id/versions/:version/plan.docx', { schema: { ...hide, params: VersionParams } }, async (request, reply) => {
    const doc = await approvedVersion(request, request.params.id, request.params.version);
    return sendFile(reply, await buildPlanDocx(doc), DOCX_TYPE, planFileName(doc, 'docx'));
  });

  // --- import as a new plan ---------------------------------------------------------

  const placeOf = (request: FastifyRequest) => {
    authorize(request.actor, canUseOutreach, undefined);
    authorize(request.actor, canCreatePlan, undefined);
    const place = planPlaceFor(request.actor!)!;
    authorize(request.actor, canEditPlan, place);
    return place;
  };

  app.get('/outreach/plans/import', { schema: hide }, async (request, reply) => {
    placeOf(request);
    const values = { year: String(new Date().getFullYear()) };
    return sendPage(reply, PlanImportPage({ ctx: page(request), plan: null, values, errors: [], maxLabel: limits(request.lang).maxLabel }));
  });

  app.post('/outreach/plans/import', { schema: hide }, async (request, reply) => {
    const place = placeOf(request);
    const form = formOf(request, ['year']);
    const upload = request.uploads.find((u) => u.field === FILE_FIELD);
    const result = await importNewPlan(ctx.db, request.actor!, place, { year: form.year!, upload }, limits(request.lang));
    if (!result.ok) {
      return sendPage(reply, PlanImportPage({ ctx: page(request), plan: null, values: form, errors: translate(request.lang, result.problems), maxLabel: limits(request.lang).maxLabel }), 400);
    }
    return reply.redirect(`/outreach/plans/${result.planId}?created=1`, 303);
  });

  // --- import into a plan's working copy ----------------------------------------------

  const editablePlan = async (request: FastifyRequest, id: string) => {
    authorize(request.actor, canUseOutreach, undefined);
    const plan = await loadPlan(ctx, id);
    authorize(request.actor, canEditPlan, plan);
    return plan;
  };

  app.get('/outreach/plans/:id/import', { schema: { ...hide, params: PlanParams } }, async (request, reply) => {
    const plan = await editablePlan(request, request.params.id);
    return sendPage(reply, PlanImportPage({ ctx: page(request), plan, values: {}, errors: [], maxLabel: limits(request.lang).maxLabel }));
  });

  app.post('/outreach/plans/:id/import', { schema: { ...hide, params: PlanParams } }, async (request, reply) => {
    const plan = await editablePlan(request, request.params.id);
    const form = formOf(request, ['confirm']);
    const upload = request.uploads.find((u) => u.field === FILE_FIELD);
    const result = await replacePlanItems(ctx.db, request.actor!, plan, { confirm: form.confirm === '1', upload }, limits(request.lang));
    if (!result.ok) {
      return sendPage(reply, PlanImportPage({ ctx: page(request), plan, values: form, errors: translate(request.lang, result.problems), maxLabel: limits(request.lang).maxLabel }), 400);
    }
    return reply.redirect(`/outreach/plans/${plan.id}?imported=${result.added + result.updated + result.unchanged}`, 303);
  });
}
