/**
 * The quarter's report (seed 003) and its submission:
 * - GET  /outreach/reports?quarter=2026-Q3[&municipality=<uuid>]  the report, status, history, score summary
 * - GET  /outreach/reports/edit?quarter=…, POST /outreach/reports/edit   the coordinator edits the tables
 * - POST /outreach/reports/reset | submit                          «Вернуть данные системы», «Отправить в регион»
 * - POST /outreach/reports/accept | return                         the region's decision
 * - GET  /outreach/reports/overview?quarter=… (+ overview.xlsx)    every municipality of the region
 * - GET  /outreach/reports/export/(docx|pdf|xlsx)?quarter=…&municipality=…
 * A coordinator works with their municipality (the default quarter is the
 * previous one: the one being reported); the regional administrator with every
 * municipality of the region. POST forms carry the revision they were made from.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { HttpError } from '../../platform/errors.js';
import { contentDisposition } from '../../platform/files/index.js';
import { pageContext, sendPage } from '../../platform/http/app.js';
import type { Lang } from '../../platform/i18n.js';
import { authorize, type Actor } from '../../platform/policy.js';
import type { FieldError } from '../../platform/views/components.js';
import { listMunicipalities } from '../outreach/events/events.repository.js';
import { regionToday } from '../outreach/materials/materials.repository.js';
import { outreachNav } from '../outreach/outreach.nav.js';
import { formatQuarter, parseQuarter, previousQuarter, quarterBounds, quarterOf, recentQuarters, type Quarter } from '../scoring/inputs/system-inputs.js';
import { reportDueDate } from '../scoring/quarter/due.js';
import { quarterScore } from '../scoring/quarter-score.js';
import { buildReportDocx } from './export-docx.js';
import { buildReportPdf } from './export-pdf.js';
import { buildOverviewXlsx, buildReportXlsx } from './export-xlsx.js';
import { generateQuarterReport } from './generate-report.js';
import { acceptQuarter, resetReport, returnQuarter, saveReport, submitQuarter, type WorkflowError, type WorkflowResult } from './quarter-workflow.js';
import type { QuarterReport } from './report.js';
import { reportDocument, reportFileName } from './report-document.js';
import { formOfReport, parseReportForm, readReportForm, type ReportForm } from './report-form.js';
import { displayStatus, reportTimeliness } from './report-status.js';
import { canDecideReport, canEditReport, canOpenReports, canViewOverview, canViewReport } from './reports.policy.js';
import { reportsMessages as t, type ReportsMessageKey } from './reports.messages.js';
import { EditReportPage, OverviewPage, ReportPage } from './reports.views.js';
import { findSubmission, listRegionSubmissions, listSubmissionEvents, type QuarterTarget } from './submissions.repository.js';

const TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

const ReportQuery = z.object({ quarter: z.string().max(20).optional(), municipality: z.string().uuid().optional(), done: z.string().max(20).optional() });
const ExportParams = z.object({ format: z.enum(['docx', 'pdf', 'xlsx']) });
const DONE: Record<string, ReportsMessageKey> = { saved: 'saved', reset: 'resetDone', submitted: 'submittedDone', accepted: 'acceptedDone', returned: 'returnedDone' };

const quarterLabel = (lang: Lang, q: Quarter) => t(lang, 'quarterLabel', { quarter: q.quarter, year: q.year });
const nextDay = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

interface Place {
  actor: Actor;
  target: QuarterTarget;
  quarter: Quarter;
  municipality: { id: string; name: string };
  today: string;
  timeZone: string;
}

function body(request: FastifyRequest): Record<string, unknown> {
  return (request.body ?? {}) as Record<string, unknown>;
}
const field = (request: FastifyRequest, name: string) => (typeof body(request)[name] === 'string' ? (body(request)[name] as string) : '');

export async function registerReportRoutes(appBase: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const hide = { hide: true } as const;

  async function regionInfo(regionId: string): Promise<{ today: string; timeZone: string }> {
    const { rows } = await ctx.db.query<{ time_zone: string }>('select time_zone from regions where id = $1', [regionId]);
    return { today: await regionToday(ctx.db, regionId), timeZone: String(rows[0]?.time_zone ?? 'Europe/Moscow') };
  }

  /** Who, which municipality and which quarter; 403 outside the actor's reach, 400 for a bad quarter. */
  async function resolve(request: FastifyRequest, municipalityParam: string | undefined, quarterParam: string | undefined): Promise<Place | null> {
    authorize(request.actor, canOpenReports, undefined);
    const actor = request.actor;
    const regionId = actor.regionId!;
    const municipalityId = municipalityParam || (actor.role === 'municipal_coordinator' ? actor.municipalityId : null);
    if (!municipalityId) return null;
    if (!/^[0-9a-f-]{36}$/i.test(municipalityId)) throw new HttpError(404, 'not_found');
    const all = await listMunicipalities(ctx.db, regionId);
    const municipality = all.find((m) => m.id === municipalityId);
    authorize(actor, canViewReport, { regionId: municipality ? regionId : '', municipalityId });
    const { today, timeZone } = await regionInfo(regionId);
    const quarter = quarterParam ? parseQuarter(quarterParam) : previousQuarter(quarterOf(today));
    if (!quarter || quarterBounds(quarter).from > today) throw new HttpError(400, 'bad_request', t(request.lang, 'badQuarter'));
    return { actor, target: { regionId, municipalityId, year: quarter.year, quarter: quarter.quarter }, quarter, municipality: { id: municipality!.id, name: municipality!.name }, today, timeZone };
  }

  async function currentReport(target: QuarterTarget): Promise<{ report: QuarterReport; submission: Awaited<ReturnType<typeof findSubmission>> }> {
    const submission = await findSubmission(ctx.db, target);
    return { report: submission?.report ?? (await generateQuarterReport(ctx.db, target)), submission };
  }

  async function sendReportPage(request: FastifyRequest, reply: FastifyReply, p: Place, extra: { notice?: string; errors?: FieldError[]; comment?: string } = {}, status = 200) {
    const lang = request.lang;
    const { report, submission } = await currentReport(p.target);
    const score = await quarterScore(ctx.db, { ...p.target, today: p.today });
    const state = submission?.status ?? 'draft';
    const current = quarterOf(p.today);
    const options = recentQuarters(current);
    if (!options.some((q) => formatQuarter(q) === formatQuarter(p.quarter))) options.push(p.quarter);
    const end = quarterBounds(p.quarter).to;
    const q = formatQuarter(p.quarter);
    return sendPage(
      reply,
      ReportPage({
        ctx: pageContext(request, outreachNav(request, 'reports')),
        municipality: p.municipality,
        quarter: q,
        quarterLabel: quarterLabel(lang, p.quarter),
        quarterOptions: options.map((x) => ({ value: formatQuarter(x), label: quarterLabel(lang, x) })),
        viewerIsRegion: p.actor.role === 'regional_admin',
        report,
        reportEdited: submission?.report && submission.reportEditedAt ? { at: submission.reportEditedAt, by: submission.reportEditedByName } : null,
        status: displayStatus(p.quarter, state, submission?.firstSubmittedOn ?? null, p.today),
        timeliness: reportTimeliness(p.quarter, submission?.firstSubmittedOn ?? null, p.today),
        dueDate: reportDueDate(p.quarter),
        firstSubmitted: submission?.firstSubmittedAt ? { at: submission.firstSubmittedAt, by: null } : null,
        lastSubmitted: submission?.submittedAt ? { at: submission.submittedAt, by: submission.submittedByName } : null,
        decided: submission?.decidedAt ? { at: submission.decidedAt, by: submission.decidedByName } : null,
        returnComment: submission?.returnComment ?? null,
        accepted: state === 'accepted' && submission?.modelKey ? { model: score.model.title, version: submission.modelVersion ?? score.model.version } : null,
        revision: submission?.revision ?? 0,
        canEdit: canEditReport(p.actor, p.target),
        canSubmit: canEditReport(p.actor, p.target),
        submitFrom: p.today <= end ? nextDay(end) : null,
        canDecide: canDecideReport(p.actor, p.target),
        score: {
          modelTitle: score.model.title,
          version: score.model.version,
          locked: score.locked,
          evaluation: score.evaluation,
          href: `/outreach/scores?municipality=${p.municipality.id}&quarter=${q}`,
        },
        history: submission ? await listSubmissionEvents(ctx.db, submission.id) : [],
        exportQuery: `quarter=${q}&municipality=${p.municipality.id}`,
        notice: extra.notice,
        errors: extra.errors ?? [],
        comment: extra.comment ?? '',
        timeZone: p.timeZone,
      }),
      status,
    );
  }

  const pageUrl = (p: Place, done: string) =>
    `/outreach/reports?quarter=${formatQuarter(p.quarter)}${p.actor.role === 'regional_admin' ? `&municipality=${p.municipality.id}` : ''}&done=${done}`;

  const workflowError = (lang: Lang, error: WorkflowError): FieldError => ({ field: error === 'commentRequired' || error === 'commentTooLong' ? 'comment' : 'report', message: t(lang, `err_${error}` as ReportsMessageKey) });

  /** The outcome of a POST: back to the page with its notice, or the page again with the error (409 when stale). */
  async function finish(request: FastifyRequest, reply: FastifyReply, p: Place, result: WorkflowResult, done: string, comment = '') {
    if (result.ok) return reply.redirect(pageUrl(p, done), 303);
    return sendReportPage(request, reply, p, { errors: [workflowError(request.lang, result.error)], comment }, result.error === 'stale' ? 409 : 400);
  }

  const revisionOf = (request: FastifyRequest) => {
    const n = Number(field(request, 'revision'));
    return Number.isInteger(n) && n >= 0 ? n : -1;
  };

  /** A POST's place: the municipality and quarter come in the form. */
  async function postedPlace(request: FastifyRequest): Promise<Place> {
    const p = await resolve(request, field(request, 'municipality') || undefined, field(request, 'quarter') || undefined);
    if (!p) throw new HttpError(400, 'bad_request', t(request.lang, 'chooseMunicipality'));
    return p;
  }

  app.get('/outreach/reports', { schema: { ...hide, querystring: ReportQuery } }, async (request, reply) => {
    const p = await resolve(request, request.query.municipality, request.query.quarter);
    if (!p) return reply.redirect(`/outreach/reports/overview${request.query.quarter ? `?quarter=${encodeURIComponent(request.query.quarter)}` : ''}`, 303);
    const key = request.query.done ? DONE[request.query.done] : undefined;
    return sendReportPage(request, reply, p, { notice: key ? t(request.lang, key) : undefined });
  });

  // --- the coordinator: edit, reset, submit -------------------------------------------------

  async function sendEditPage(request: FastifyRequest, reply: FastifyReply, p: Place, form: ReportForm | null, errors: FieldError[], status = 200) {
    const { report, submission } = await currentReport(p.target);
    return sendPage(
      reply,
      EditReportPage({
        ctx: pageContext(request, outreachNav(request, 'reports')),
        municipality: p.municipality,
        quarter: formatQuarter(p.quarter),
        quarterLabel: quarterLabel(request.lang, p.quarter),
        form: form ?? formOfReport(report),
        current: report,
        revision: submission?.revision ?? 0,
        errors,
      }),
      status,
    );
  }

  app.get('/outreach/reports/edit', { schema: { ...hide, querystring: ReportQuery } }, async (request, reply) => {
    const p = await resolve(request, request.query.municipality, request.query.quarter);
    if (!p) throw new HttpError(403, 'forbidden');
    authorize(request.actor, canEditReport, p.target);
    const submission = await findSubmission(ctx.db, p.target);
    if (submission && (submission.status === 'submitted' || submission.status === 'accepted')) return reply.redirect(pageUrl(p, 'locked'), 303);
    return sendEditPage(request, reply, p, null, []);
  });

  app.post('/outreach/reports/edit', { schema: hide }, async (request, reply) => {
    const p = await postedPlace(request);
    authorize(request.actor, canEditReport, p.target);
    const form = readReportForm(body(request));
    const { report: current } = await currentReport(p.target);
    const parsed = parseReportForm(form, current);
    if (!parsed.report) {
      const errors = parsed.errors.map((e) => ({ field: e.field, message: t(request.lang, e.code, e.vars) }));
      return sendEditPage(request, reply, p, form, errors, 400);
    }
    const result = await saveReport(ctx.db, request.actor, p.target, parsed.report, revisionOf(request));
    if (!result.ok) {
      if (result.error === 'stale') return sendEditPage(request, reply, p, form, [workflowError(request.lang, 'stale')], 409);
      return finish(request, reply, p, result, 'saved');
    }
    return reply.redirect(pageUrl(p, 'saved'), 303);
  });

  app.post('/outreach/reports/reset', { schema: hide }, async (request, reply) => {
    const p = await postedPlace(request);
    authorize(request.actor, canEditReport, p.target);
    return finish(request, reply, p, await resetReport(ctx.db, request.actor, p.target, revisionOf(request)), 'reset');
  });

  app.post('/outreach/reports/submit', { schema: hide }, async (request, reply) => {
    const p = await postedPlace(request);
    authorize(request.actor, canEditReport, p.target);
    return finish(request, reply, p, await submitQuarter(ctx.db, request.actor, p.target, revisionOf(request), { now: new Date(), today: p.today }), 'submitted');
  });

  // --- the region: accept or return ----------------------------------------------------------

  app.post('/outreach/reports/accept', { schema: hide }, async (request, reply) => {
    const p = await postedPlace(request);
    authorize(request.actor, canDecideReport, p.target);
    return finish(request, reply, p, await acceptQuarter(ctx.db, request.actor, p.target, revisionOf(request), { now: new Date(), today: p.today }), 'accepted');
  });

  app.post('/outreach/reports/return', { schema: hide }, async (request, reply) => {
    const p = await postedPlace(request);
    authorize(request.actor, canDecideReport, p.target);
    const comment = field(request, 'comment');
    return finish(request, reply, p, await returnQuarter(ctx.db, request.actor, p.target, comment, revisionOf(request)), 'returned', comment);
  });

  // --- the region's overview -----------------------------------------------------------------

  async function overview(request: FastifyRequest, quarterParam: string | undefined) {
    authorize(request.actor, canViewOverview, undefined);
    const regionId = request.actor.regionId!;
    const { today } = await regionInfo(regionId);
    const quarter = quarterParam ? parseQuarter(quarterParam) : previousQuarter(quarterOf(today));
    if (!quarter || quarterBounds(quarter).from > today) throw new HttpError(400, 'bad_request', t(request.lang, 'badQuarter'));
    const rows = (await listRegionSubmissions(ctx.db, regionId, quarter.year, quarter.quarter)).map((r) => ({
      municipalityId: r.municipalityId,
      municipalityName: r.municipalityName,
      status: displayStatus(quarter, r.status, r.firstSubmittedOn, today),
      submittedOn: r.status === 'draft' ? null : r.firstSubmittedOn,
      timeliness: reportTimeliness(quarter, r.status === 'draft' ? null : r.firstSubmittedOn, today),
    }));
    return { quarter, today, rows };
  }

  app.get('/outreach/reports/overview', { schema: { ...hide, querystring: ReportQuery } }, async (request, reply) => {
    const { quarter, today, rows } = await overview(request, request.query.quarter);
    const options = recentQuarters(quarterOf(today));
    if (!options.some((q) => formatQuarter(q) === formatQuarter(quarter))) options.push(quarter);
    return sendPage(
      reply,
      OverviewPage({
        ctx: pageContext(request, outreachNav(request, 'reports')),
        quarter: formatQuarter(quarter),
        quarterLabel: quarterLabel(request.lang, quarter),
        quarterOptions: options.map((x) => ({ value: formatQuarter(x), label: quarterLabel(request.lang, x) })),
        rows,
      }),
    );
  });

  const sendFile = (reply: FastifyReply, data: Buffer, format: keyof typeof TYPES, fileName: string) =>
    reply
      .status(200)
      .header('content-type', TYPES[format])
      .header('content-disposition', contentDisposition('attachment', fileName))
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff')
      .send(data);

  app.get('/outreach/reports/overview.xlsx', { schema: { ...hide, querystring: ReportQuery } }, async (request, reply) => {
    const { quarter, rows } = await overview(request, request.query.quarter);
    const ru = (iso: string) => iso.split('-').reverse().join('.');
    const data = await buildOverviewXlsx(
      `Отчеты муниципальных образований ${['I', 'II', 'III', 'IV'][quarter.quarter - 1]} квартал ${quarter.year} года (срок сдачи — до ${ru(reportDueDate(quarter))})`,
      rows.map((r) => ({
        municipality: r.municipalityName,
        status: t('ru', `st_${r.status}` as ReportsMessageKey),
        submittedOn: r.submittedOn ? ru(r.submittedOn) : '',
        timeliness: t('ru', `tl_${r.timeliness}` as ReportsMessageKey),
      })),
    );
    return sendFile(reply, data, 'xlsx', `Отчеты_${quarter.year}_${['I', 'II', 'III', 'IV'][quarter.quarter - 1]}_кв_сводка.xlsx`);
  });

  // --- exports -------------------------------------------------------------------------------

  app.get('/outreach/reports/export/:format', { schema: { ...hide, params: ExportParams, querystring: ReportQuery } }, async (request, reply) => {
    const p = await resolve(request, request.query.municipality, request.query.quarter);
    if (!p) throw new HttpError(400, 'bad_request', t(request.lang, 'chooseMunicipality'));
    const { report } = await currentReport(p.target);
    const doc = reportDocument(p.municipality.name, p.quarter, report);
    const format = request.params.format;
    const data = format === 'docx' ? await buildReportDocx(doc) : format === 'pdf' ? await buildReportPdf(doc) : await buildReportXlsx(doc);
    return sendFile(reply, data, format, reportFileName(p.municipality.name, p.quarter, format));
  });
}
