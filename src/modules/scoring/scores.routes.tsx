/**
 * `GET /outreach/scores?municipality=<uuid>&quarter=2026-Q3`: the kalga-2018
 * score tree of one municipality for one quarter (quarterScore: every source
 * merged, or the figures frozen at acceptance), the P1.2 requirements per
 * service centre and the forms for what is typed in with evidence.
 * A municipal coordinator sees and edits their municipality; a regional
 * administrator sees any municipality of the region, read-only.
 *
 * POST /outreach/scores/inputs          a typed value with evidence (multipart)
 * POST /outreach/scores/inputs/delete   deletes a typed value and its files
 * POST /outreach/scores/centre-checks   a centre's requirement checked (multipart)
 * Every POST: 403 unless the coordinator of that municipality; 409 with the page
 * saying why while the quarter is submitted or accepted; 400 with the messages
 * next to the fields and what was typed kept.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { HttpError } from '../../platform/errors.js';
import { pageContext, sendPage } from '../../platform/http/app.js';
import { authorize, type Policy } from '../../platform/policy.js';
import type { Lang } from '../../platform/i18n.js';
import type { FieldError } from '../../platform/views/components.js';
import { listMunicipalities } from '../outreach/events/events.repository.js';
import { regionToday } from '../outreach/materials/materials.repository.js';
import { outreachNav } from '../outreach/outreach.nav.js';
import { activeModel } from './model-store/active-model.js';
import { quarterScore } from './quarter-score.js';
import { centreRequirements, CENTRE_REQUIREMENTS, regionTimeZone, type CentreRequirement } from './inputs/portal-inputs.js';
import { formatQuarter, parseQuarter, quarterBounds, quarterOf, recentQuarters, systemInputs, type Quarter } from './inputs/system-inputs.js';
import { submissionStatus } from './quarter/lock.js';
import { scoresMessages as t } from './scores.messages.js';
import { ScorePage, type FailedForm, type LockState } from './scores.views.js';
import { registerScoreEvidence } from './typed-inputs/evidence.js';
import { checkFormKey, saveCentreCheck } from './typed-inputs/save-centre-check.js';
import { deleteTypedInput, saveTypedInput, type CodedError, type SaveResult, type ScoreQuarter } from './typed-inputs/save-typed-input.js';
import { findTypable, inputFormKey, typableInputs } from './typed-inputs/typed-input-defs.js';
import { canEditScoreInputs, canViewScores } from './typed-inputs/typed-inputs.policy.js';
import { acceptedAt, findMunicipalCentre } from './typed-inputs/typed-inputs.repository.js';

export { canViewScores };

/** May the actor open the page at all (before a municipality is chosen)? */
const canOpenScores: Policy = (actor) => (actor.role === 'municipal_coordinator' && !!actor.municipalityId) || (actor.role === 'regional_admin' && !!actor.regionId);

const ScoresQuery = z.object({
  municipality: z.string().uuid().optional(),
  quarter: z.string().max(20).optional(),
  /** 'P2.7 n': which typed value was saved / deleted (shown in the notice) */
  saved: z.string().regex(/^[\p{L}\p{N}._-]{1,40} [\p{L}\p{N}_]{1,40}$/u).optional().catch(undefined),
  deleted: z.string().regex(/^[\p{L}\p{N}._-]{1,40} [\p{L}\p{N}_]{1,40}$/u).optional().catch(undefined),
  /** the requirement whose check was saved */
  checked: z.enum(CENTRE_REQUIREMENTS).optional().catch(undefined),
});

const quarterLabel = (lang: Lang, q: Quarter) => t(lang, 'quarterLabel', { quarter: q.quarter, year: q.year });

function translate(lang: Lang, errors: CodedError[]): FieldError[] {
  return errors.map((e) => ({ field: e.field, message: t(lang, e.code, 'vars' in e ? e.vars : undefined) }));
}

const bodyOf = (request: FastifyRequest) => (request.body ?? {}) as Record<string, unknown>;
const str = (body: Record<string, unknown>, name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '');

interface Place extends ScoreQuarter {
  municipalityName: string;
  today: string;
  visible: Array<{ id: string; name: string }>;
}

export async function registerScoreRoutes(appBase: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  registerScoreEvidence();

  /** The municipality and quarter asked for, checked: visible to the actor, not a future quarter. */
  async function resolvePlace(request: FastifyRequest, municipalityParam: string | undefined, quarterParam: string | undefined): Promise<Place> {
    authorize(request.actor, canOpenScores, undefined);
    const actor = request.actor;
    const regionId = actor.regionId!;
    const all = await listMunicipalities(ctx.db, regionId);
    const visible = all.filter((m) => canViewScores(actor, { regionId, municipalityId: m.id }));
    const municipalityId = municipalityParam || visible[0]?.id;
    if (!municipalityId || !z.string().uuid().safeParse(municipalityId).success) throw new HttpError(403, 'forbidden');
    authorize(actor, canViewScores, { regionId: all.some((m) => m.id === municipalityId) ? regionId : '', municipalityId });
    const municipality = visible.find((m) => m.id === municipalityId)!;
    const today = await regionToday(ctx.db, regionId);
    const quarter = quarterParam ? parseQuarter(quarterParam) : quarterOf(today);
    if (!quarter || quarterBounds(quarter).from > today) throw new HttpError(400, 'bad_request', t(request.lang, 'badQuarter'));
    return { regionId, municipalityId, municipalityName: municipality.name, year: quarter.year, quarter: quarter.quarter, today, visible: visible.map((m) => ({ id: m.id, name: m.name })) };
  }

  async function renderPage(request: FastifyRequest, reply: FastifyReply, place: Place, extra: { failed?: FailedForm; notice?: string } = {}, status = 200) {
    const quarter: Quarter = { year: place.year, quarter: place.quarter };
    const { regionId, municipalityId, today } = place;
    const score = await quarterScore(ctx.db, { regionId, municipalityId, year: quarter.year, quarter: quarter.quarter, today });
    const end = quarterBounds(quarter).to;
    const asOf = today < end ? today : end;
    const timeZone = await regionTimeZone(ctx.db, regionId);
    const status_ = await submissionStatus(ctx.db, municipalityId, quarter.year, quarter.quarter);
    const lock: LockState =
      status_ === 'accepted' || score.locked ? { state: 'accepted', at: await acceptedAt(ctx.db, municipalityId, quarter) } : status_ === 'submitted' ? { state: 'submitted' } : { state: 'open' };
    let centres = null;
    if (lock.state !== 'accepted') {
      const standsLevel = score.inputs['P2.2'] && typeof score.inputs['P2.2'].n === 'number' ? (score.inputs['P2.2'].n as number) : (await systemInputs(ctx.db, { regionId, municipalityId, ...quarter, today })).inputs['P2.2']?.n ?? 0;
      centres = await centreRequirements(ctx.db, municipalityId, quarter, { standsLevel, asOf, timeZone });
    }
    const current = quarterOf(today);
    const options = recentQuarters(current);
    if (!options.some((q) => formatQuarter(q) === formatQuarter(quarter))) options.push(quarter);
    return sendPage(
      reply,
      ScorePage({
        ctx: pageContext(request, outreachNav(request, 'scores')),
        model: score.model,
        evaluation: score.evaluation,
        sources: score.sources,
        missing: score.missing ?? {},
        municipality: { id: municipalityId, name: place.municipalityName },
        municipalities: place.visible,
        quarter: formatQuarter(quarter),
        quarterOptions: options.map((q) => ({ value: formatQuarter(q), label: quarterLabel(request.lang, q) })),
        asOf,
        lock,
        canEdit: canEditScoreInputs(request.actor!, { regionId, municipalityId }),
        centres,
        typable: typableInputs(score.model),
        failed: extra.failed,
        notice: extra.notice,
        maxBytes: ctx.config.files.maxBytes,
        timeZone,
      }),
      status,
    );
  }

  const back = (place: Place, query: string, anchor: string) =>
    `/outreach/scores?municipality=${place.municipalityId}&quarter=${formatQuarter(place)}&${query}#${anchor}`;

  /** After a use case: the redirect, the page with the lock said (409), or the page with the errors (400). */
  async function answer(request: FastifyRequest, reply: FastifyReply, place: Place, key: string, values: Record<string, string>, result: SaveResult, onOk: string) {
    if (result.ok) return reply.redirect(onOk, 303);
    if (result.locked) return renderPage(request, reply, place, {}, 409);
    const errors = [...translate(request.lang, result.errors), ...result.uploadErrors];
    return renderPage(request, reply, place, { failed: { key, values, errors } }, 400);
  }

  app.get('/outreach/scores', { schema: { hide: true, querystring: ScoresQuery } }, async (request, reply) => {
    const q = request.query;
    const place = await resolvePlace(request, q.municipality, q.quarter);
    const notice = q.saved
      ? t(request.lang, 'savedNotice', { what: q.saved })
      : q.deleted
        ? t(request.lang, 'deletedNotice', { what: q.deleted })
        : q.checked
          ? t(request.lang, 'checkSavedNotice', { what: t(request.lang, `req_${q.checked}`) })
          : undefined;
    return renderPage(request, reply, place, { notice });
  });

  app.post('/outreach/scores/inputs', { schema: { hide: true } }, async (request, reply) => {
    const body = bodyOf(request);
    const place = await resolvePlace(request, str(body, 'municipality'), str(body, 'quarter'));
    authorize(request.actor, canEditScoreInputs, place);
    const model = await activeModel(ctx.db, place.regionId);
    const target = { nodeId: str(body, 'node'), input: str(body, 'input') };
    if (!findTypable(model, target.nodeId, target.input)) throw new HttpError(400, 'bad_request');
    const key = inputFormKey(target.nodeId, target.input);
    const form = { value: str(body, `${key}-value`), note: str(body, `${key}-note`), links: str(body, `${key}-links`) };
    const result = await saveTypedInput(ctx.db, request.actor, place, model, target, form, request.uploads ?? [], { maxBytes: ctx.config.files.maxBytes, lang: request.lang });
    return answer(request, reply, place, key, form, result, back(place, `saved=${encodeURIComponent(`${target.nodeId} ${target.input}`)}`, `input-${key}`));
  });

  app.post('/outreach/scores/inputs/delete', { schema: { hide: true } }, async (request, reply) => {
    const body = bodyOf(request);
    const place = await resolvePlace(request, str(body, 'municipality'), str(body, 'quarter'));
    authorize(request.actor, canEditScoreInputs, place);
    const model = await activeModel(ctx.db, place.regionId);
    const target = { nodeId: str(body, 'node'), input: str(body, 'input') };
    if (!findTypable(model, target.nodeId, target.input)) throw new HttpError(400, 'bad_request');
    const key = inputFormKey(target.nodeId, target.input);
    const result = await deleteTypedInput(ctx.db, request.actor, place, target);
    return answer(request, reply, place, key, {}, result, back(place, `deleted=${encodeURIComponent(`${target.nodeId} ${target.input}`)}`, `input-${key}`));
  });

  app.post('/outreach/scores/centre-checks', { schema: { hide: true } }, async (request, reply) => {
    const body = bodyOf(request);
    const place = await resolvePlace(request, str(body, 'municipality'), str(body, 'quarter'));
    authorize(request.actor, canEditScoreInputs, place);
    const centreId = str(body, 'centre');
    const requirement = str(body, 'requirement') as CentreRequirement;
    if (!z.string().uuid().safeParse(centreId).success || !CENTRE_REQUIREMENTS.includes(requirement)) throw new HttpError(400, 'bad_request');
    const centre = await findMunicipalCentre(ctx.db, centreId);
    if (!centre || centre.municipalityId !== place.municipalityId) throw new HttpError(404, 'not_found');
    const key = checkFormKey(centre.id, requirement);
    const form = { met: str(body, `${key}-met`), note: str(body, `${key}-note`) };
    const result = await saveCentreCheck(ctx.db, request.actor, place, centre, requirement, form, request.uploads ?? [], { maxBytes: ctx.config.files.maxBytes, lang: request.lang });
    return answer(request, reply, place, key, form, result, back(place, `checked=${requirement}`, 'centres'));
  });
}
