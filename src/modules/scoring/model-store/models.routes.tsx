/**
 * The scoring-model pages (regional administrator edits the region's drafts;
 * the system administrator reads; everyone else 403):
 *   GET  /outreach/scores/models                          versions of each model, which one is in force
 *   POST /outreach/scores/models/:key/drafts              «Создать новую версию»: copy the version in force
 *   GET  /outreach/scores/models/:key/:version            a version's tree; for the region's draft, the editor
 *   POST /outreach/scores/models/:key/:version            save the draft, or (`_op`) add/remove rows,
 *                                                         recalculate or prefill the preview without saving
 *   POST /outreach/scores/models/:key/:version/preview    the preview as an HTML fragment (model-editor.js)
 *   GET|POST …/publish, …/delete                          publish with a change note; delete a draft
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { renderToString } from 'preact-render-to-string';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.js';
import { HttpError } from '../../../platform/errors.js';
import { pageContext, sendPage } from '../../../platform/http/app.js';
import type { Lang } from '../../../platform/i18n.js';
import { authorize } from '../../../platform/policy.js';
import type { SelectOption } from '../../../platform/views/components.js';
import { listMunicipalities } from '../../outreach/events/events.repository.js';
import { regionToday } from '../../outreach/materials/materials.repository.js';
import { outreachNav } from '../../outreach/outreach.nav.js';
import { evaluateModel, type ScoringInputs } from '../evaluate-model.js';
import { formatQuarter, parseQuarter, quarterBounds, quarterOf, recentQuarters, type Quarter } from '../inputs/system-inputs.js';
import type { ScoringModel } from '../model.js';
import { liveQuarterScore } from '../quarter-score.js';
import { activeModel, activeVersionOf, findModelRow, modelFromRow, type ModelRow } from './active-model.js';
import { createDraft, deleteDraft, draftStamp, publishDraft, saveDraft } from './edit-model.js';
import { applyOp, changedNodes, checkForm, formFromBody, inputsFor, modelToForm, parseNumberRu, sampleField, type FormFieldError, type ModelForm } from './model-form.js';
import { findDraft, findVersionSummary, listVersions } from './model-store.repository.js';
import { modelsMessages as t } from './models.messages.js';
import { canCreateDraft, canEditDraft, canOpenModels, canViewModelVersion } from './models.policy.js';
import { DeleteDraftPage, DraftEditorPage, ModelsListPage, PreviewResults, PublishPage, VersionPage, type PreviewData, type SampleSpec } from './models.views.js';

const KeyParams = z.object({ key: z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/) });
const VersionParams = KeyParams.extend({ version: z.coerce.number().int().min(1).max(2_147_483_647) });
const ListQuery = z.object({ published: z.coerce.number().int().optional(), deleted: z.coerce.number().int().optional() });
const VersionQuery = z.object({ saved: z.string().optional(), created: z.string().optional() });

const page = (request: FastifyRequest) => pageContext(request, outreachNav(request, 'models'));
const str = (body: Record<string, unknown>, name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '');

/** The inputs the preview asks for: the draft's, then those only the version in force has. */
function sampleSpecs(shape: ScoringModel, published: ScoringModel): SampleSpec[] {
  const out: SampleSpec[] = [];
  const seen = new Set<string>();
  for (const node of shape.nodes) {
    for (const def of node.inputs ?? []) {
      out.push({ nodeId: node.id, def, onlyPublished: false });
      seen.add(sampleField(node.id, def.name));
    }
  }
  for (const node of published.nodes) {
    for (const def of node.inputs ?? []) if (!seen.has(sampleField(node.id, def.name))) out.push({ nodeId: node.id, def, onlyPublished: true });
  }
  return out;
}

function parseSampleTexts(specs: SampleSpec[], texts: Record<string, string>): { inputs: ScoringInputs; errors: FormFieldError[] } {
  const inputs: ScoringInputs = {};
  const errors: FormFieldError[] = [];
  for (const s of specs) {
    const field = sampleField(s.nodeId, s.def.name);
    const v = parseNumberRu(texts[field] ?? '');
    if (v === undefined) continue;
    if (Number.isNaN(v)) errors.push({ field, message: `${s.nodeId}: ${s.def.name} — введите число или оставьте поле пустым` });
    else (inputs[s.nodeId] ??= {})[s.def.name] = v;
  }
  return { inputs, errors };
}

const numText = (v: number) => String(v).replace('.', ',');

export async function registerModelEditorRoutes(appBase: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const hide = { hide: true } as const;

  const loadRow = async (request: FastifyRequest, key: string, version: number): Promise<ModelRow> => {
    authorize(request.actor, canOpenModels, undefined);
    const row = await findModelRow(ctx.db, key, version);
    if (!row) throw new HttpError(404, 'not_found');
    authorize(request.actor, canViewModelVersion, { regionId: row.region_id });
    return row;
  };
  const loadDraft = async (request: FastifyRequest, key: string, version: number): Promise<ModelRow> => {
    const row = await loadRow(request, key, version);
    authorize(request.actor, canEditDraft, { regionId: row.region_id, status: row.status });
    return row;
  };
  const publishedFor = async (row: ModelRow): Promise<ScoringModel> => (await activeVersionOf(ctx.db, row.model_key, row.region_id)) ?? activeModel(ctx.db, row.region_id);

  /** Everything the preview shows, for the form as typed and the sample texts. */
  const computePreview = async (row: ModelRow, form: ModelForm, texts: Record<string, string> | null, prefill: { municipality: string; quarter: string } | null) => {
    const checked = checkForm(form, { key: row.model_key, version: Number(row.version) });
    const published = await publishedFor(row);
    const shape = checked.model ?? modelFromRow(row);
    const specs = sampleSpecs(shape, published);
    let samples = texts ?? {};
    const prefillErrors: FormFieldError[] = [];
    if (prefill && row.region_id) {
      const municipalities = await listMunicipalities(ctx.db, row.region_id);
      const today = await regionToday(ctx.db, row.region_id);
      const q = parseQuarter(prefill.quarter);
      if (!municipalities.some((m) => m.id === prefill.municipality)) prefillErrors.push({ field: 'pm', message: t('ru', 'badMunicipality') });
      else if (!q || quarterBounds(q).from > today) prefillErrors.push({ field: 'pq', message: t('ru', 'badQuarter') });
      else {
        const live = await liveQuarterScore(ctx.db, { regionId: row.region_id, municipalityId: prefill.municipality, year: q.year, quarter: q.quarter, today });
        samples = {};
        for (const s of specs) {
          const v = live.inputs[s.nodeId]?.[s.def.name];
          samples[sampleField(s.nodeId, s.def.name)] = typeof v === 'number' ? numText(v) : '';
        }
      }
    }
    const parsed = parseSampleTexts(specs, samples);
    const draftEval = checked.model ? evaluateModel(checked.model, inputsFor(checked.model, parsed.inputs)) : null;
    const publishedEval = evaluateModel(published, inputsFor(published, parsed.inputs));
    const inputErrors = [...new Set([...(draftEval?.errors ?? []), ...publishedEval.errors].map((e) => e.message))];
    const preview: PreviewData = { published, publishedEval, draft: checked.model, draftEval, formErrors: checked.errors, inputErrors };
    return { checked, specs, samples, sampleErrors: [...prefillErrors, ...parsed.errors], preview };
  };

  const renderEditor = async (
    request: FastifyRequest,
    reply: FastifyReply,
    row: ModelRow,
    form: ModelForm,
    options: { texts: Record<string, string> | null; prefill: { municipality: string; quarter: string } | 'default' | null; showFormErrors: boolean; notice?: string; status?: number; conflict?: boolean },
  ) => {
    const lang: Lang = request.lang;
    const regionId = row.region_id!;
    const municipalities = await listMunicipalities(ctx.db, regionId);
    const today = await regionToday(ctx.db, regionId);
    const quarters = recentQuarters(quarterOf(today));
    const chosen = options.prefill === 'default' ? (municipalities[0] ? { municipality: municipalities[0].id, quarter: formatQuarter(quarters[0]!) } : null) : options.prefill;
    const municipality = chosen?.municipality ?? municipalities[0]?.id ?? '';
    const quarter = chosen?.quarter ?? formatQuarter(quarters[0]!);
    const computed = await computePreview(row, form, options.texts, chosen);
    const summary = (await findVersionSummary(ctx.db, row.model_key, Number(row.version)))!;
    const active = await publishedFor(row);
    const quarterOptions: SelectOption[] = quarters.map((q) => ({ value: formatQuarter(q), label: t(lang, 'quarterLabel', { quarter: q.quarter, year: q.year }) }));
    let notice = options.notice;
    if (chosen && computed.sampleErrors.every((e) => e.field !== 'pm' && e.field !== 'pq') && request.method === 'POST') {
      notice = t(lang, 'prefilled', { municipality: municipalities.find((m) => m.id === municipality)?.name ?? '', quarter: quarterOptions.find((q) => q.value === quarter)?.label ?? quarter });
    }
    return sendPage(
      reply,
      DraftEditorPage({
        ctx: page(request),
        summary,
        form,
        errors: options.showFormErrors ? computed.checked.errors : [],
        notice,
        stamp: draftStamp(row),
        conflict: options.conflict ?? false,
        samples: computed.samples,
        sampleSpecs: computed.specs,
        sampleErrors: computed.sampleErrors,
        preview: { ...computed.preview, formErrors: options.showFormErrors ? [] : computed.preview.formErrors },
        municipalities: municipalities.map((m) => ({ value: m.id, label: m.name })),
        municipality,
        quarters: quarterOptions,
        quarter,
        activeVersion: active.version,
      }),
      options.status ?? 200,
    );
  };

  app.get('/outreach/scores/models', { schema: { ...hide, querystring: ListQuery } }, async (request, reply) => {
    authorize(request.actor, canOpenModels, undefined);
    const actor = request.actor;
    const regionId = actor.role === 'regional_admin' ? actor.regionId : null;
    const versions = await listVersions(ctx.db, regionId);
    const keys = [...new Set(versions.map((v) => v.key))];
    const activeVersions: Record<string, number> = {};
    const drafts: Record<string, number> = {};
    for (const key of keys) {
      const a = await activeVersionOf(ctx.db, key, regionId);
      if (a) activeVersions[key] = a.version;
      if (regionId) {
        const d = await findDraft(ctx.db, key, regionId);
        if (d !== null) drafts[key] = d;
      }
    }
    const q = request.query;
    const lang = request.lang;
    const notice = q.published ? t(lang, 'published', { version: q.published }) : q.deleted ? t(lang, 'deleted', { version: q.deleted }) : undefined;
    return sendPage(
      reply,
      ModelsListPage({
        ctx: page(request),
        versions,
        active: regionId ? await activeModel(ctx.db, regionId) : null,
        activeVersions,
        canCreate: canCreateDraft(actor, undefined),
        drafts,
        notice,
      }),
    );
  });

  app.post('/outreach/scores/models/:key/drafts', { schema: { ...hide, params: KeyParams } }, async (request, reply) => {
    authorize(request.actor, canCreateDraft, undefined);
    const made = await createDraft(ctx.db, request.actor, request.params.key);
    if (!made.ok) throw new HttpError(404, 'not_found');
    return reply.redirect(`/outreach/scores/models/${request.params.key}/${made.version}?created=${made.existing ? 'existing' : 'new'}`, 303);
  });

  app.get('/outreach/scores/models/:key/:version', { schema: { ...hide, params: VersionParams, querystring: VersionQuery } }, async (request, reply) => {
    const { key, version } = request.params;
    const row = await loadRow(request, key, version);
    const lang = request.lang;
    if (canEditDraft(request.actor!, { regionId: row.region_id, status: row.status })) {
      const q = request.query;
      const notice = q.saved ? t(lang, 'saved') : q.created === 'new' ? t(lang, 'created', { version }) : q.created === 'existing' ? t(lang, 'draftExists', { version }) : undefined;
      return renderEditor(request, reply, row, modelToForm(modelFromRow(row)), { texts: null, prefill: 'default', showFormErrors: false, notice });
    }
    const summary = (await findVersionSummary(ctx.db, key, version))!;
    const active = await activeVersionOf(ctx.db, key, request.actor!.role === 'regional_admin' ? request.actor!.regionId : null);
    return sendPage(reply, VersionPage({ ctx: page(request), summary, model: modelFromRow(row), activeVersion: active?.version ?? null }));
  });

  /** The sample texts as posted, for every sample field of the form. */
  const postedTexts = (body: Record<string, unknown>) => Object.fromEntries(Object.entries(body).filter(([k, v]) => k.startsWith('s-') && typeof v === 'string')) as Record<string, string>;

  app.post('/outreach/scores/models/:key/:version', { schema: { ...hide, params: VersionParams } }, async (request, reply) => {
    const { key, version } = request.params;
    const row = await loadDraft(request, key, version);
    const body = (request.body ?? {}) as Record<string, unknown>;
    let form = formFromBody(body);
    const op = str(body, '_op');
    const texts = postedTexts(body);
    const chosen = { municipality: str(body, 'pm'), quarter: str(body, 'pq') };
    if (op === 'prefill') return renderEditor(request, reply, row, form, { texts, prefill: chosen, showFormErrors: false });
    if (op === 'preview') return renderEditor(request, reply, row, form, { texts, prefill: null, showFormErrors: true });
    if (op) {
      const changed = applyOp(form, op);
      if (!changed) throw new HttpError(400, 'bad_request');
      form = changed;
      return renderEditor(request, reply, row, form, { texts, prefill: null, showFormErrors: false });
    }
    const checked = checkForm(form, { key, version });
    if (!checked.model) return renderEditor(request, reply, row, form, { texts, prefill: null, showFormErrors: true, status: 400 });
    const saved = await saveDraft(ctx.db, request.actor!, row, checked.model, str(body, '_stamp'));
    if (saved === 'gone') throw new HttpError(409, 'conflict');
    if (saved === 'conflict') {
      // Shown with the stamp of the draft as it is now: saving again keeps this form's version, knowingly.
      const current = await loadDraft(request, key, version);
      return renderEditor(request, reply, current, form, { texts, prefill: null, showFormErrors: false, status: 409, conflict: true });
    }
    return reply.redirect(`/outreach/scores/models/${key}/${version}?saved=1`, 303);
  });

  app.post('/outreach/scores/models/:key/:version/preview', { schema: { ...hide, params: VersionParams } }, async (request, reply) => {
    const { key, version } = request.params;
    const row = await loadDraft(request, key, version);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const computed = await computePreview(row, formFromBody(body), postedTexts(body), null);
    const preview = { ...computed.preview, inputErrors: [...computed.sampleErrors.map((e) => e.message), ...computed.preview.inputErrors] };
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(renderToString(PreviewResults({ lang: request.lang, preview })));
  });

  const publishPage = async (request: FastifyRequest, row: ModelRow, changeNote: string, error?: string) => {
    const published = await publishedFor(row);
    let problems: string[] = [];
    let changes: ReturnType<typeof changedNodes> | null = null;
    try {
      changes = changedNodes(published, modelFromRow(row));
    } catch (e) {
      problems = [(e as Error).message];
    }
    const summary = (await findVersionSummary(ctx.db, row.model_key, Number(row.version)))!;
    return PublishPage({ ctx: page(request), summary, problems, changes, activeVersion: published.version, changeNote, error });
  };

  app.get('/outreach/scores/models/:key/:version/publish', { schema: { ...hide, params: VersionParams } }, async (request, reply) => {
    const row = await loadDraft(request, request.params.key, request.params.version);
    return sendPage(reply, await publishPage(request, row, ''));
  });

  app.post('/outreach/scores/models/:key/:version/publish', { schema: { ...hide, params: VersionParams } }, async (request, reply) => {
    const { key, version } = request.params;
    const row = await loadDraft(request, key, version);
    const note = str((request.body ?? {}) as Record<string, unknown>, 'changeNote');
    const trimmed = note.trim();
    if (!trimmed || trimmed.length > 1000) return sendPage(reply, await publishPage(request, row, note, t(request.lang, trimmed ? 'errChangeNoteLong' : 'errChangeNote')), 400);
    const result = await publishDraft(ctx.db, request.actor!, key, version, trimmed);
    if (!result.ok) {
      if (result.reason === 'not_draft') throw new HttpError(409, 'conflict');
      return sendPage(reply, await publishPage(request, row, note), 400);
    }
    return reply.redirect(`/outreach/scores/models?published=${version}`, 303);
  });

  app.get('/outreach/scores/models/:key/:version/delete', { schema: { ...hide, params: VersionParams } }, async (request, reply) => {
    const row = await loadDraft(request, request.params.key, request.params.version);
    const summary = (await findVersionSummary(ctx.db, row.model_key, Number(row.version)))!;
    return sendPage(reply, DeleteDraftPage({ ctx: page(request), summary }));
  });

  app.post('/outreach/scores/models/:key/:version/delete', { schema: { ...hide, params: VersionParams } }, async (request, reply) => {
    const { key, version } = request.params;
    const row = await loadDraft(request, key, version);
    if (!(await deleteDraft(ctx.db, request.actor!, row))) throw new HttpError(409, 'conflict');
    return reply.redirect(`/outreach/scores/models?deleted=${version}`, 303);
  });
}
