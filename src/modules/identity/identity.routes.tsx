/**
 * The citizen journey on the web (registration, sign-in, recovery, cabinet,
 * personal data, checks) and the same operations in the JSON API.
 * Thin: validate → use case → view or JSON.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { appendAudit } from '../../platform/audit.js';
import { HttpError } from '../../platform/errors.js';
import { pageContext, sendPage } from '../../platform/http/app.js';
import { formatDate } from '../../platform/i18n.js';
import { checkPassword } from '../../platform/password-policy.js';
import { CSRF_COOKIE, csrfToken } from '../../platform/csrf.js';
import { hitLimit } from '../../platform/rate-limit.js';
import { SESSION_COOKIE } from '../../platform/sessions.js';
import { maskRecipient } from '../notifications/index.js';
import { findServiceCentreById } from '../territory/territory.repository.js';
import { getCheckStatus } from '../verification/index.js';
import { CabinetPage, ChecksPage, PersonalDataPage } from './cabinet.views.js';
import { cabinetMessages as cm } from './cabinet.messages.js';
import { identityMessages as t } from './identity.messages.js';
import { mustChangeRedirect, requireCitizen } from './identity.policy.js';
import { getCitizen, listContacts, loadPersonalData } from './identity.repository.js';
import { CodePage, EmailSentPage, RecoverPage, RegisterPage, SetPasswordPage, SignInPage } from './identity.views.js';
import { personalDataToForm, type FieldErrors, type PersonalDataForm } from './personal-data.js';
import { completeRegistration, confirmRegistrationContact, registrationState, resendRegistrationCode, startRegistration } from './register-citizen.js';
import { completeRecovery, requestRecovery, signInCitizen } from './sign-in-citizen.js';
import { submitPersonalData } from './submit-personal-data.js';
import { ApiErrorSchema, MeSchema, PersonalDataBodySchema, RegistrationStartSchema, SessionSchema } from './identity.schemas.js';

type Form = Record<string, string | undefined>;
const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** Same-site path for `next`, else the cabinet. */
function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])[^\s]*$/.test(next) ? next : '/cabinet';
}

export async function registerIdentityRoutes(appBase: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const cookie = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: ctx.config.cookieSecure };

  /** Starts a new session (rotating any old one) owned by a citizen or holding a journey's state. */
  async function newSession(request: FastifyRequest, reply: FastifyReply, owner: { citizenId?: string; data?: Record<string, unknown> }) {
    if (request.session) await ctx.sessions.destroy(request.session.idHash);
    const s = await ctx.sessions.create(owner, request.headers['user-agent']);
    reply.setCookie(SESSION_COOKIE, s.token, { ...cookie, maxAge: ctx.config.session.absoluteHours * 3600 });
    return s;
  }

  const registrationIdOf = (request: FastifyRequest) => (typeof request.session?.data.registrationId === 'string' ? request.session.data.registrationId : null);

  // ------------------------------------------------------------ registration (web)

  app.get('/register', { schema: { hide: true } }, async (request, reply) => {
    if (request.citizen) return reply.redirect('/cabinet', 303);
    const event = str((request.query as Form).event).slice(0, 40) || undefined;
    return sendPage(reply, <RegisterPage ctx={pageContext(request)} eventCode={event} />);
  });

  app.post('/register', { schema: { hide: true } }, async (request, reply) => {
    const form = (request.body ?? {}) as Form;
    const values = { lastName: str(form.lastName), firstName: str(form.firstName), phone: str(form.phone), email: str(form.email) };
    const result = await startRegistration(ctx, { ...values, lang: request.lang, ip: request.ip, eventCode: str(form.event).slice(0, 40) || null });
    if (!result.ok) return sendPage(reply, <RegisterPage ctx={pageContext(request)} values={values} errors={result.errors} eventCode={str(form.event) || undefined} />, result.status);
    await newSession(request, reply, { data: { registrationId: result.registrationId } });
    return reply.redirect(result.channel === 'phone' ? '/register/code' : '/register/email-sent', 303);
  });

  async function renderCode(request: FastifyRequest, reply: FastifyReply, extra: { error?: string; notice?: string; resendError?: string } = {}, status = 200) {
    const id = registrationIdOf(request);
    const state = id ? await registrationState(ctx, id) : null;
    if (!state || state.status !== 'pending') return reply.redirect('/register', 303);
    if (state.contact.verified) return reply.redirect('/register/password', 303);
    if (state.contact.kind === 'email') {
      return sendPage(reply, <EmailSentPage ctx={pageContext(request)} maskedEmail={maskRecipient('email', state.contact.value)} notice={extra.notice} resendError={extra.resendError} />, status);
    }
    return sendPage(reply, <CodePage ctx={pageContext(request)} maskedPhone={maskRecipient('sms', state.contact.value)} resendInSeconds={state.resendInSeconds} {...extra} />, status);
  }

  app.get('/register/code', { schema: { hide: true } }, async (request, reply) => renderCode(request, reply));
  app.get('/register/email-sent', { schema: { hide: true } }, async (request, reply) => renderCode(request, reply));

  app.post('/register/code', { schema: { hide: true } }, async (request, reply) => {
    const id = registrationIdOf(request);
    if (!id) return reply.redirect('/register', 303);
    const result = await confirmRegistrationContact(ctx, id, str((request.body as Form)?.code), request.lang);
    if (!result.ok) return renderCode(request, reply, { error: result.message }, result.status === 404 ? 400 : result.status);
    return reply.redirect('/register/password', 303);
  });

  app.post('/register/resend', { schema: { hide: true } }, async (request, reply) => {
    const id = registrationIdOf(request);
    if (!id) return reply.redirect('/register', 303);
    const result = await resendRegistrationCode(ctx, id, request.lang);
    if (!result.ok) return renderCode(request, reply, { resendError: result.message }, 429);
    return renderCode(request, reply, { notice: t(request.lang, 'codeSent') });
  });

  app.get('/register/email/:challengeId/:token', { schema: { hide: true, params: z.object({ challengeId: z.string().uuid(), token: z.string().max(100) }) } }, async (request, reply) => {
    const { rows } = await ctx.db.query<{ citizen_id: string }>("select citizen_id from otp_challenges where id = $1 and purpose = 'registration'", [request.params.challengeId]);
    const registrationId = rows[0]?.citizen_id;
    const result = registrationId
      ? await confirmRegistrationContact(ctx, registrationId, request.params.token, request.lang, { challengeId: request.params.challengeId })
      : ({ ok: false, message: t(request.lang, 'linkInvalid') } as const);
    if (!result.ok) {
      return sendPage(reply, <RegisterPage ctx={pageContext(request)} errors={{ email: result.message }} />, 400);
    }
    await newSession(request, reply, { data: { registrationId } });
    return reply.redirect('/register/password', 303);
  });

  app.get('/register/password', { schema: { hide: true } }, async (request, reply) => {
    const id = registrationIdOf(request);
    const state = id ? await registrationState(ctx, id) : null;
    if (!state || state.status !== 'pending') return reply.redirect('/register', 303);
    if (!state.contact.verified) return reply.redirect('/register/code', 303);
    return sendPage(reply, <SetPasswordPage ctx={pageContext(request)} action="/register/password" />);
  });

  app.post('/register/password', { schema: { hide: true } }, async (request, reply) => {
    const id = registrationIdOf(request);
    if (!id) return reply.redirect('/register', 303);
    const form = (request.body ?? {}) as Form;
    const result = await completeRegistration(ctx, id, str(form.password), str(form.passwordConfirmation), request.lang);
    if (!result.ok) {
      if (result.status === 404) return reply.redirect('/register', 303);
      const score = str(form.password) ? checkPassword(request.lang, str(form.password)).score : null;
      return sendPage(reply, <SetPasswordPage ctx={pageContext(request)} action="/register/password" errors={result.errors} score={score} />, result.status);
    }
    await newSession(request, reply, { citizenId: result.citizenId });
    return reply.redirect('/cabinet?registered=1', 303);
  });

  // ------------------------------------------------------------ sign-in, sign-out, recovery (web)

  app.get('/login', { schema: { hide: true } }, async (request, reply) => {
    if (request.citizen) return reply.redirect('/cabinet', 303);
    const q = request.query as Form;
    return sendPage(reply, <SignInPage ctx={pageContext(request)} next={q.next ? safeNext(q.next) : undefined} notice={q.signedOut ? t(request.lang, 'signedOut') : q.recovered ? t(request.lang, 'recovered') : undefined} />);
  });

  app.post('/login', { schema: { hide: true } }, async (request, reply) => {
    const form = (request.body ?? {}) as Form;
    const result = await signInCitizen(ctx, { login: str(form.login), password: str(form.password), ip: request.ip, userAgent: request.headers['user-agent'], lang: request.lang });
    if (!result.ok) return sendPage(reply, <SignInPage ctx={pageContext(request)} login={str(form.login)} errors={result.errors} next={form.next ? safeNext(form.next) : undefined} />, result.status);
    await newSession(request, reply, { citizenId: result.citizenId });
    return reply.redirect(result.mustChangePassword ? '/cabinet/password' : safeNext(form.next), 303);
  });

  app.post('/logout', { schema: { hide: true } }, async (request, reply) => {
    if (request.session) await ctx.sessions.destroy(request.session.idHash);
    if (request.citizen) await appendAudit(ctx.db, { actorType: 'citizen', actorId: request.citizen.id, action: 'citizen.sign_out', subjectType: 'citizen', subjectId: request.citizen.id });
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/login?signedOut=1', 303);
  });

  app.get('/recover', { schema: { hide: true } }, async (request, reply) => sendPage(reply, <RecoverPage ctx={pageContext(request)} stage="contact" />));

  app.post('/recover', { schema: { hide: true } }, async (request, reply) => {
    const contact = str((request.body as Form)?.contact);
    const result = await requestRecovery(ctx, { contact, ip: request.ip, lang: request.lang });
    if (!result.ok) return sendPage(reply, <RecoverPage ctx={pageContext(request)} stage="contact" contact={contact} errors={result.errors} />, result.status);
    await newSession(request, reply, { data: { recoveryChallengeId: result.challengeId } });
    return reply.redirect('/recover/password', 303);
  });

  app.get('/recover/password', { schema: { hide: true } }, async (request, reply) => {
    if (typeof request.session?.data.recoveryChallengeId !== 'string') return reply.redirect('/recover', 303);
    return sendPage(reply, <RecoverPage ctx={pageContext(request)} stage="code" />);
  });

  app.post('/recover/password', { schema: { hide: true } }, async (request, reply) => {
    const challengeId = request.session?.data.recoveryChallengeId;
    if (typeof challengeId !== 'string') return reply.redirect('/recover', 303);
    const form = (request.body ?? {}) as Form;
    const result = await completeRecovery(ctx, { challengeId, code: str(form.code), password: str(form.password), confirmation: str(form.passwordConfirmation), lang: request.lang });
    if (!result.ok) return sendPage(reply, <RecoverPage ctx={pageContext(request)} stage="code" errors={result.errors} />, result.status);
    await ctx.sessions.destroy(request.session!.idHash);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/login?recovered=1', 303);
  });

  // ------------------------------------------------------------ cabinet (web)

  app.get('/cabinet', { schema: { hide: true } }, async (request, reply) => {
    requireCitizen(request.citizen);
    if (mustChangeRedirect(request, reply)) return reply;
    const me = request.citizen;
    const citizen = (await getCitizen(ctx.db, ctx.cipher, me.id))!;
    const contacts = await listContacts(ctx.db, ctx.cipher, me.id);
    const pd = await loadPersonalData(ctx.db, ctx.cipher, me.id);
    const centre = citizen.confirmedAtCentreId ? await findServiceCentreById(ctx.db, citizen.confirmedAtCentreId) : null;
    const q = request.query as Form;
    await appendAudit(ctx.db, { actorType: 'citizen', actorId: me.id, action: 'citizen.cabinet.view', subjectType: 'citizen', subjectId: me.id });
    return sendPage(
      reply,
      <CabinetPage
        ctx={pageContext(request)}
        notice={q.registered ? t(request.lang, 'registered') : q.saved ? cm(request.lang, 'saved') : undefined}
        s={{
          fullName: [citizen.lastName, citizen.firstName, pd?.data.middleName].filter(Boolean).join(' '),
          level: citizen.level,
          contacts: contacts.map((c) => ({ kind: c.kind, masked: maskRecipient(c.kind === 'phone' ? 'sms' : 'email', c.value), verified: Boolean(c.verifiedAt) })),
          hasPersonalData: Boolean(pd),
          checks: await getCheckStatus(ctx.db, me.id),
          confirmedAt: citizen.confirmedAt ? formatDate(request.lang, citizen.confirmedAt) : null,
          confirmedAtCentre: centre?.name ?? null,
        }}
      />,
    );
  });

  app.get('/cabinet/personal-data', { schema: { hide: true } }, async (request, reply) => {
    requireCitizen(request.citizen);
    if (mustChangeRedirect(request, reply)) return reply;
    const me = request.citizen;
    const pd = await loadPersonalData(ctx.db, ctx.cipher, me.id);
    const citizen = (await getCitizen(ctx.db, ctx.cipher, me.id))!;
    await appendAudit(ctx.db, { actorType: 'citizen', actorId: me.id, action: 'citizen.personal_data.view', subjectType: 'citizen', subjectId: me.id });
    const values: PersonalDataForm = pd ? personalDataToForm(pd.data) : { lastName: citizen.lastName, firstName: citizen.firstName, residenceSameAsRegistration: 'on' };
    return sendPage(reply, <PersonalDataPage ctx={pageContext(request)} values={values} readOnly={citizen.level === 'confirmed'} />);
  });

  app.post('/cabinet/personal-data', { schema: { hide: true } }, async (request, reply) => {
    requireCitizen(request.citizen);
    if (mustChangeRedirect(request, reply)) return reply;
    const form = (request.body ?? {}) as PersonalDataForm;
    const { _csrf, ...values } = form;
    void _csrf;
    const result = await submitPersonalData(ctx, request.citizen.id, values, request.lang);
    if (!result.ok) return sendPage(reply, <PersonalDataPage ctx={pageContext(request)} values={values} errors={result.errors} />, result.status === 409 ? 409 : 400);
    return reply.redirect('/cabinet/checks', 303);
  });

  app.get('/cabinet/checks', { schema: { hide: true } }, async (request, reply) => {
    requireCitizen(request.citizen);
    if (mustChangeRedirect(request, reply)) return reply;
    return sendPage(reply, <ChecksPage ctx={pageContext(request)} status={await getCheckStatus(ctx.db, request.citizen.id)} level={request.citizen.level} />);
  });

  // ------------------------------------------------------------ JSON API

  const fieldErrors = (reply: FastifyReply, status: number, errors: FieldErrors) => reply.status(status).send({ error: 'validation', fields: errors });

  app.post(
    '/api/v1/registrations',
    {
      schema: {
        tags: ['identity'],
        summary: 'Start a registration (step 1): surname, first name and a phone or an e-mail; sends an SMS code or an e-mail link',
        body: RegistrationStartSchema,
        response: { 201: z.object({ id: z.string().uuid(), channel: z.enum(['phone', 'email']) }), 422: ApiErrorSchema, 429: ApiErrorSchema },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const result = await startRegistration(ctx, { lastName: b.lastName, firstName: b.firstName, phone: b.phone ?? '', email: b.email ?? '', lang: request.lang, ip: request.ip, eventCode: b.eventCode ?? null });
      if (!result.ok) return fieldErrors(reply, result.status, result.errors);
      return reply.status(201).send({ id: result.registrationId, channel: result.channel });
    },
  );

  app.post(
    '/api/v1/registrations/:id/confirmation',
    {
      schema: {
        tags: ['identity'],
        summary: 'Confirm the phone (the 6-digit SMS code) or the e-mail (the token from the link)',
        params: z.object({ id: z.string().uuid() }),
        body: z.object({ code: z.string().max(100) }),
        response: { 200: z.object({ status: z.literal('contact_confirmed') }), 404: ApiErrorSchema, 409: ApiErrorSchema, 422: ApiErrorSchema },
      },
    },
    async (request, reply) => {
      const code = request.body.code;
      let by: { challengeId: string } | undefined;
      if (!/^\d{6}$/.test(code.trim())) {
        const { rows } = await ctx.db.query<{ id: string }>("select id from otp_challenges where citizen_id = $1 and purpose = 'registration' order by created_at desc limit 1", [request.params.id]);
        if (rows[0] && code.length > 6) by = { challengeId: rows[0].id };
      }
      const result = await confirmRegistrationContact(ctx, request.params.id, code, request.lang, by);
      if (!result.ok) return fieldErrors(reply, result.status, { code: result.message });
      return { status: 'contact_confirmed' as const };
    },
  );

  app.post(
    '/api/v1/registrations/:id/resend',
    {
      schema: { tags: ['identity'], summary: 'Send a new code (at most once a minute, 5 an hour)', params: z.object({ id: z.string().uuid() }), response: { 202: z.object({ status: z.literal('sent') }), 404: ApiErrorSchema, 429: ApiErrorSchema } },
    },
    async (request, reply) => {
      const result = await resendRegistrationCode(ctx, request.params.id, request.lang);
      if (!result.ok) return fieldErrors(reply, result.status, { code: result.message });
      return reply.status(202).send({ status: 'sent' as const });
    },
  );

  app.post(
    '/api/v1/registrations/:id/password',
    {
      schema: {
        tags: ['identity'],
        summary: 'Set the password (twice): finishes registration and signs the citizen in',
        params: z.object({ id: z.string().uuid() }),
        body: z.object({ password: z.string().max(200), passwordConfirmation: z.string().max(200) }),
        response: { 200: SessionSchema, 404: ApiErrorSchema, 409: ApiErrorSchema, 422: ApiErrorSchema },
      },
    },
    async (request, reply) => {
      const result = await completeRegistration(ctx, request.params.id, request.body.password, request.body.passwordConfirmation, request.lang);
      if (!result.ok) return fieldErrors(reply, result.status, result.errors);
      return signedIn(request, reply, result.citizenId);
    },
  );

  async function signedIn(request: FastifyRequest, reply: FastifyReply, citizenId: string) {
    const session = await newSession(request, reply, { citizenId });
    const citizen = (await getCitizen(ctx.db, ctx.cipher, citizenId))!;
    // The CSRF token is bound to the new session: give the client the one for its next writes.
    const token = csrfToken(ctx.config.secrets.sessionSecret, request.cookies[CSRF_COOKIE] ?? '', session.idHash);
    return { citizen: { id: citizen.id, level: citizen.level }, csrfToken: token };
  }

  app.post(
    '/api/v1/session',
    {
      schema: {
        tags: ['identity'],
        summary: 'Sign in by phone, e-mail or SNILS and password',
        body: z.object({ login: z.string().max(200), password: z.string().max(200) }),
        response: { 200: SessionSchema, 401: ApiErrorSchema, 422: ApiErrorSchema, 429: ApiErrorSchema },
      },
    },
    async (request, reply) => {
      const result = await signInCitizen(ctx, { login: request.body.login, password: request.body.password, ip: request.ip, userAgent: request.headers['user-agent'], lang: request.lang });
      if (!result.ok) return fieldErrors(reply, result.status, result.errors);
      return signedIn(request, reply, result.citizenId);
    },
  );

  app.delete('/api/v1/session', { schema: { tags: ['identity'], summary: 'Sign out', response: { 204: z.null() } } }, async (request, reply) => {
    if (request.session) await ctx.sessions.destroy(request.session.idHash);
    if (request.citizen) await appendAudit(ctx.db, { actorType: 'citizen', actorId: request.citizen.id, action: 'citizen.sign_out', subjectType: 'citizen', subjectId: request.citizen.id });
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.get(
    '/api/v1/me',
    { schema: { tags: ['identity'], summary: 'The signed-in citizen: names, level, masked contacts, whether personal data is filled, checks', response: { 200: MeSchema, 401: ApiErrorSchema } } },
    async (request) => {
      requireCitizenApi(request);
      const me = request.citizen!;
      const citizen = (await getCitizen(ctx.db, ctx.cipher, me.id))!;
      const contacts = await listContacts(ctx.db, ctx.cipher, me.id);
      const pd = await loadPersonalData(ctx.db, ctx.cipher, me.id);
      return {
        id: me.id,
        lastName: citizen.lastName,
        firstName: citizen.firstName,
        middleName: pd?.data.middleName ?? null,
        level: citizen.level,
        contacts: contacts.map((c) => ({ kind: c.kind, value: maskRecipient(c.kind === 'phone' ? 'sms' : 'email', c.value), verified: Boolean(c.verifiedAt) })),
        personalDataFilled: Boolean(pd),
        checks: await getCheckStatus(ctx.db, me.id),
        csrfToken: request.csrfToken,
      };
    },
  );

  app.get('/api/v1/me/checks', { schema: { tags: ['identity'], summary: 'Progress of the registry checks («Проверка данных»)' } }, async (request) => {
    requireCitizenApi(request);
    return getCheckStatus(ctx.db, request.citizen!.id);
  });

  app.put(
    '/api/v1/me/personal-data',
    {
      schema: {
        tags: ['identity'],
        summary: 'Save personal data (step 2) and queue the registry checks (step 3)',
        body: PersonalDataBodySchema,
        response: { 202: z.object({ status: z.literal('checks_queued'), version: z.number().int() }), 401: ApiErrorSchema, 409: ApiErrorSchema, 422: ApiErrorSchema },
      },
    },
    async (request, reply) => {
      requireCitizenApi(request, { write: true });
      const b = request.body;
      const form: PersonalDataForm = {
        lastName: b.lastName,
        firstName: b.firstName,
        middleName: b.middleName ?? '',
        noMiddleName: b.middleName ? undefined : 'on',
        birthDate: b.birthDate,
        birthPlace: b.birthPlace,
        gender: b.gender,
        snils: b.snils,
        passportSeries: b.passport.series,
        passportNumber: b.passport.number,
        passportIssueDate: b.passport.issueDate,
        passportIssuerCode: b.passport.issuerCode,
        passportIssuedBy: b.passport.issuedBy,
        registrationAddress: b.registrationAddress,
        residenceAddress: b.residenceAddress ?? '',
        residenceSameAsRegistration: b.residenceAddress ? undefined : 'on',
      };
      const result = await submitPersonalData(ctx, request.citizen!.id, form, request.lang);
      if (!result.ok) return fieldErrors(reply, result.status, result.errors);
      return reply.status(202).send({ status: 'checks_queued' as const, version: result.version });
    },
  );

  app.post('/api/v1/password-strength', { schema: { hide: true, body: z.object({ password: z.string().max(200) }) } }, async (request, reply) => {
    const limit = await hitLimit(ctx.db, `strength:${request.ip}`, 120, 60);
    if (!limit.allowed) return reply.status(429).send({ error: 'too_many_requests' });
    const verdict = checkPassword(request.lang, request.body.password);
    return { score: verdict.score, ok: verdict.ok, message: verdict.message ?? null };
  });
}

/** A signed-in citizen; writes also need a password of their own (not a one-time one from a centre). */
function requireCitizenApi(request: FastifyRequest, options: { write?: boolean } = {}): void {
  if (!request.citizen) throw new HttpError(401, 'unauthenticated');
  if (options.write && request.citizen.mustChangePassword) throw new HttpError(403, 'must_change_password');
}
