/**
 * /reception/self-test (staff who receive visitors: their own attempts) and
 * /reception/questions (the regional administrator: the region's bank).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../platform/context.js';
import { HttpError } from '../../../platform/errors.js';
import { pageContext, sendPage } from '../../../platform/http/app.js';
import { authorize, type StaffActor } from '../../../platform/policy.js';
import type { FieldError } from '../../../platform/views/components.js';
import { listRegions, regionTimeZone } from '../../territory/territory.repository.js';
import { canEditReceptionSettings, canServeVisitors } from '../reception.policy.js';
import { receptionNav } from '../reception.routes.js';
import { competencyMessages as t } from './competencies.messages.js';
import { OPTION_FIELDS, QuestionFormPage, QuestionsPage, SelfTestHomePage, SelfTestPage, type QuestionFormValues } from './competencies.views.js';
import { ensureQuestionBank, findAttempt, findQuestion, finishAttempt, listAttempts, listQuestions, parseQuestion, saveQuestion, startAttempt } from './self-test.js';

type Form = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function idOf(request: FastifyRequest): string {
  const id = str((request.params as Form).id);
  if (!UUID.test(id)) throw new HttpError(404, 'not_found');
  return id;
}

export async function registerCompetencyRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  // ------------------------------------------------------------ the self-test

  app.get('/reception/self-test', { schema: { hide: true } }, async (request, reply) => {
    authorize(request.actor, canServeVisitors, undefined);
    const actor = request.actor;
    await ensureQuestionBank(ctx.db, actor.regionId!);
    const active = (await listQuestions(ctx.db, actor.regionId!)).filter((q) => q.active).length;
    return sendPage(
      reply,
      <SelfTestHomePage ctx={pageContext(request, receptionNav(request, 'selftest'))} attempts={await listAttempts(ctx.db, actor.id)} timeZone={await regionTimeZone(ctx.db, actor.regionId)} canStart={active > 0} />,
    );
  });

  app.post('/reception/self-test', { schema: { hide: true } }, async (request, reply) => {
    authorize(request.actor, canServeVisitors, undefined);
    const actor = request.actor;
    const id = await startAttempt(ctx.db, { id: actor.id, regionId: actor.regionId!, organisationId: actor.organisationId });
    if (!id) return reply.redirect('/reception/self-test', 303);
    return reply.redirect(`/reception/self-test/${id}`, 303);
  });

  async function ownAttempt(request: FastifyRequest) {
    authorize(request.actor, canServeVisitors, undefined);
    const attempt = await findAttempt(ctx.db, idOf(request));
    if (!attempt || attempt.staffUserId !== request.actor.id) throw new HttpError(404, 'not_found');
    return attempt;
  }

  app.get('/reception/self-test/:id', { schema: { hide: true } }, async (request, reply) => {
    const attempt = await ownAttempt(request);
    return sendPage(reply, <SelfTestPage ctx={pageContext(request, receptionNav(request, 'selftest'))} attempt={attempt} timeZone={await regionTimeZone(ctx.db, request.actor!.regionId)} />);
  });

  app.post('/reception/self-test/:id', { schema: { hide: true } }, async (request, reply) => {
    const attempt = await ownAttempt(request);
    const body = (request.body ?? {}) as Form;
    const form: Record<string, string | undefined> = {};
    for (let i = 0; i < attempt.total; i++) form[`q${i}`] = typeof body[`q${i}`] === 'string' ? (body[`q${i}`] as string) : undefined;
    await finishAttempt(ctx.db, { id: request.actor!.id, organisationId: request.actor!.organisationId }, attempt.id, form);
    return reply.redirect(`/reception/self-test/${attempt.id}`, 303);
  });

  // ------------------------------------------------------------ the question bank

  async function bankRegion(actor: StaffActor | null, wanted: string): Promise<{ id: string; name: string }> {
    if (!actor) throw new HttpError(401, 'unauthenticated');
    const regions = await listRegions(ctx.db);
    const region = actor.role === 'system_admin' ? (regions.find((r) => r.key === wanted) ?? regions[0]) : regions.find((r) => r.id === actor.regionId);
    if (!region) throw new HttpError(403, 'forbidden');
    authorize(actor, canEditReceptionSettings, { regionId: region.id });
    return region;
  }

  app.get('/reception/questions', { schema: { hide: true } }, async (request, reply) => {
    const region = await bankRegion(request.actor, str((request.query as Form).region));
    await ensureQuestionBank(ctx.db, region.id);
    return sendPage(
      reply,
      <QuestionsPage
        ctx={pageContext(request, receptionNav(request, 'questions'))}
        regionName={region.name}
        questions={await listQuestions(ctx.db, region.id)}
        notice={(request.query as Form).saved ? t(request.lang, 'questionSaved') : undefined}
      />,
    );
  });

  const empty: QuestionFormValues = { topic: '', question: '', options: [], correct: '', active: true };

  function formValues(body: Form): QuestionFormValues {
    return {
      topic: str(body.topic),
      question: str(body.question),
      options: Array.from({ length: OPTION_FIELDS }, (_, i) => str(body[`option${i}`])),
      correct: str(body.correct),
      active: body.active === 'on',
    };
  }

  async function editable(request: FastifyRequest) {
    const q = await findQuestion(ctx.db, idOf(request));
    if (!q) throw new HttpError(404, 'not_found');
    authorize(request.actor, canEditReceptionSettings, { regionId: q.regionId });
    return q;
  }

  async function save(request: FastifyRequest, reply: import('fastify').FastifyReply, regionId: string, id: string | null) {
    const values = formValues((request.body ?? {}) as Form);
    const parsed = parseQuestion(values);
    if (!parsed.ok) {
      const errors: FieldError[] = Object.entries(parsed.errors).map(([field, code]) => ({ field: field === 'options' ? 'option0' : field, message: t(request.lang, code) }));
      return sendPage(reply, <QuestionFormPage ctx={pageContext(request, receptionNav(request, 'questions'))} id={id} values={values} errors={errors} />, 400);
    }
    await saveQuestion(ctx.db, request.actor!.id, regionId, id, parsed.value);
    return reply.redirect('/reception/questions?saved=1', 303);
  }

  app.get('/reception/questions/new', { schema: { hide: true } }, async (request, reply) => {
    await bankRegion(request.actor, str((request.query as Form).region));
    return sendPage(reply, <QuestionFormPage ctx={pageContext(request, receptionNav(request, 'questions'))} id={null} values={empty} errors={[]} />);
  });

  app.post('/reception/questions/new', { schema: { hide: true } }, async (request, reply) => {
    const region = await bankRegion(request.actor, str((request.query as Form).region));
    return save(request, reply, region.id, null);
  });

  app.get('/reception/questions/:id', { schema: { hide: true } }, async (request, reply) => {
    const q = await editable(request);
    return sendPage(
      reply,
      <QuestionFormPage ctx={pageContext(request, receptionNav(request, 'questions'))} id={q.id} values={{ topic: q.topic, question: q.question, options: q.options, correct: String(q.correct), active: q.active }} errors={[]} />,
    );
  });

  app.post('/reception/questions/:id', { schema: { hide: true } }, async (request, reply) => {
    const q = await editable(request);
    return save(request, reply, q.regionId, q.id);
  });
}
