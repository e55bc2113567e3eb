/**
 * /reception/attestations: organisers (municipal coordinator, regional
 * administrator; the system administrator may look) see the sessions and
 * their results and schedule new ones; staff who receive visitors see the
 * sessions they are summoned to and take each once.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../platform/context.js';
import { HttpError } from '../../../platform/errors.js';
import { pageContext, sendPage } from '../../../platform/http/app.js';
import { authorize, type Policy, type StaffActor } from '../../../platform/policy.js';
import type { FieldError } from '../../../platform/views/components.js';
import { regionToday } from '../../outreach/materials/materials.repository.js';
import { listRegions, regionTimeZone } from '../../territory/territory.repository.js';
import { isReceptionSupervisor, servesVisitors } from '../reception.policy.js';
import { listReceptionStaff } from '../reception.repository.js';
import { receptionNav } from '../reception.routes.js';
import { attestationMessages as t } from './attestation.messages.js';
import {
  createAttestation,
  findAttestation,
  findResult,
  finishAttestation,
  listAttestations,
  listMyAttestations,
  listResults,
  parseAttestation,
  resultStatus,
  startAttestation,
  type Attestation,
  type AttestationFormValues,
} from './attestation.js';
import { AttestationFormPage, AttestationResultsPage, AttestationsPage, AttestationTakePage, MyAttestationsPage } from './attestation.views.js';

type Form = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const strs = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : []);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Who schedules: the coordinator for their municipality, the regional administrator for the region. */
export const canScheduleAttestation: Policy = (actor) => (actor.role === 'municipal_coordinator' && actor.municipalityId !== null && actor.regionId !== null) || (actor.role === 'regional_admin' && actor.regionId !== null);

/** Who sees a session's results: its organiser's level and above. */
export const canViewAttestation: Policy<{ regionId: string; municipalityId: string | null }> = (actor, a) =>
  actor.role === 'system_admin' || (actor.role === 'regional_admin' && actor.regionId === a.regionId) || (actor.role === 'municipal_coordinator' && actor.regionId === a.regionId && a.municipalityId === actor.municipalityId);

export const canUseAttestations: Policy = (actor) => servesVisitors(actor) || isReceptionSupervisor(actor);

export async function registerAttestationRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const nav = (request: FastifyRequest) => receptionNav(request, 'attestation');

  async function load(request: FastifyRequest): Promise<Attestation> {
    authorize(request.actor, canUseAttestations, undefined);
    const id = str((request.params as Form).id);
    const a = UUID.test(id) ? await findAttestation(ctx.db, id) : null;
    if (!a) throw new HttpError(404, 'not_found');
    return a;
  }

  app.get('/reception/attestations', { schema: { hide: true } }, async (request, reply) => {
    authorize(request.actor, canUseAttestations, undefined);
    const actor = request.actor;
    if (servesVisitors(actor)) {
      const [today, mine] = await Promise.all([regionToday(ctx.db, actor.regionId!), listMyAttestations(ctx.db, actor.id)]);
      const now = new Date();
      return sendPage(reply, <MyAttestationsPage ctx={pageContext(request, nav(request))} items={mine.map((x) => ({ ...x, status: resultStatus(x.attestation, x.result, today, now) }))} />);
    }
    const regionIds = actor.role === 'system_admin' ? (await listRegions(ctx.db)).map((r) => r.id) : [actor.regionId!];
    const sessions = [];
    for (const regionId of regionIds) sessions.push(...(await listAttestations(ctx.db, { regionId, municipalityId: actor.role === 'municipal_coordinator' ? actor.municipalityId : null })));
    return sendPage(
      reply,
      <AttestationsPage ctx={pageContext(request, nav(request))} sessions={sessions} canSchedule={canScheduleAttestation(actor, undefined)} notice={(request.query as Form).created ? t(request.lang, 'created') : undefined} />,
    );
  });

  async function staffChoices(actor: StaffActor) {
    const staff = await listReceptionStaff(ctx.db, { regionId: actor.regionId!, municipalityId: actor.role === 'municipal_coordinator' ? actor.municipalityId : null });
    return staff.map((s) => ({ id: s.id, fullName: s.fullName, organisationName: s.organisationName, municipalityName: s.municipalityName }));
  }

  async function renderForm(request: FastifyRequest, reply: FastifyReply, values: AttestationFormValues, errors: FieldError[]) {
    const actor = request.actor!;
    return sendPage(
      reply,
      <AttestationFormPage ctx={pageContext(request, nav(request))} values={values} errors={errors} staff={await staffChoices(actor)} showMunicipality={actor.role !== 'municipal_coordinator'} />,
      errors.length ? 400 : 200,
    );
  }

  app.get('/reception/attestations/new', { schema: { hide: true } }, async (request, reply) => {
    authorize(request.actor, canScheduleAttestation, undefined);
    const today = await regionToday(ctx.db, request.actor.regionId!);
    const staff = await staffChoices(request.actor);
    return renderForm(request, reply, { title: '', opensOn: today.split('-').reverse().join('.'), closesOn: '', minutes: '20', questionCount: '15', passPercent: '80', staff: staff.map((s) => s.id) }, []);
  });

  app.post('/reception/attestations/new', { schema: { hide: true } }, async (request, reply) => {
    authorize(request.actor, canScheduleAttestation, undefined);
    const actor = request.actor;
    const body = (request.body ?? {}) as Form;
    const values: AttestationFormValues = {
      title: str(body.title),
      opensOn: str(body.opensOn),
      closesOn: str(body.closesOn),
      minutes: str(body.minutes),
      questionCount: str(body.questionCount),
      passPercent: str(body.passPercent),
      staff: strs(body.staff),
    };
    const [today, staff] = await Promise.all([regionToday(ctx.db, actor.regionId!), staffChoices(actor)]);
    const parsed = parseAttestation(values, { today, allowed: new Set(staff.map((s) => s.id)) });
    if (!parsed.ok) return renderForm(request, reply, values, parsed.errors.map((e) => ({ field: e.field, message: t(request.lang, e.code) })));
    const id = await createAttestation(ctx.db, actor, { regionId: actor.regionId!, municipalityId: actor.role === 'municipal_coordinator' ? actor.municipalityId : null }, parsed.value);
    return reply.redirect(`/reception/attestations/${id}?created=1`, 303);
  });

  async function renderTake(request: FastifyRequest, reply: FastifyReply, a: Attestation, error?: string) {
    const actor = request.actor!;
    const result = await findResult(ctx.db, a.id, actor.id);
    if (!result) throw new HttpError(404, 'not_found');
    const [today, timeZone] = await Promise.all([regionToday(ctx.db, a.regionId), regionTimeZone(ctx.db, a.regionId)]);
    return sendPage(
      reply,
      <AttestationTakePage ctx={pageContext(request, nav(request))} attestation={a} result={result} status={resultStatus(a, result, today, new Date())} timeZone={timeZone} error={error} />,
      error ? 409 : 200,
    );
  }

  app.get('/reception/attestations/:id', { schema: { hide: true } }, async (request, reply) => {
    const a = await load(request);
    const actor = request.actor!;
    if (servesVisitors(actor)) return renderTake(request, reply, a);
    authorize(actor, canViewAttestation, a);
    const [today, timeZone, results] = await Promise.all([regionToday(ctx.db, a.regionId), regionTimeZone(ctx.db, a.regionId), listResults(ctx.db, a.id)]);
    const now = new Date();
    return sendPage(
      reply,
      <AttestationResultsPage
        ctx={pageContext(request, nav(request))}
        attestation={a}
        rows={results.map((r) => ({ result: r, status: resultStatus(a, r, today, now) }))}
        timeZone={timeZone}
        notice={(request.query as Form).created ? t(request.lang, 'created') : undefined}
      />,
    );
  });

  app.post('/reception/attestations/:id/start', { schema: { hide: true } }, async (request, reply) => {
    const a = await load(request);
    if (!servesVisitors(request.actor!)) throw new HttpError(403, 'forbidden');
    const today = await regionToday(ctx.db, a.regionId);
    const r = await startAttestation(ctx.db, request.actor!, a, today);
    if (!r.ok) {
      if (r.code === 'not_summoned') throw new HttpError(404, 'not_found');
      const lang = request.lang;
      return renderTake(request, reply, a, r.code === 'not_open' ? t(lang, 'notOpen', { from: a.opensOn.split('-').reverse().join('.'), to: a.closesOn.split('-').reverse().join('.') }) : r.code === 'already_taken' ? t(lang, 'alreadyTaken') : t(lang, 'noQuestions'));
    }
    return reply.redirect(`/reception/attestations/${a.id}`, 303);
  });

  app.post('/reception/attestations/:id/answers', { schema: { hide: true } }, async (request, reply) => {
    const a = await load(request);
    if (!servesVisitors(request.actor!)) throw new HttpError(403, 'forbidden');
    const body = (request.body ?? {}) as Form;
    const form: Record<string, string | undefined> = {};
    for (let i = 0; i < 100; i++) if (typeof body[`q${i}`] === 'string') form[`q${i}`] = body[`q${i}`] as string;
    const done = await finishAttestation(ctx.db, request.actor!, a, form);
    if (!done) throw new HttpError(404, 'not_found');
    return reply.redirect(`/reception/attestations/${a.id}`, 303);
  });
}
