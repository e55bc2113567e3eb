/**
 * The operator's workplace at a service centre, all under /operator. Thin:
 * authorize → validate → use case → view. Every route authorizes against the
 * centre the operator works at (its capabilities decide the actions).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.js';
import { appendAudit } from '../../platform/audit.js';
import { HttpError } from '../../platform/errors.js';
import { pageContext, sendPage } from '../../platform/http/app.js';
import { formatDate } from '../../platform/i18n.js';
import { authorize, type StaffActor } from '../../platform/policy.js';
import type { NavItem } from '../../platform/views/layout.js';
import { maskRecipient } from '../notifications/index.js';
import { getCitizen, getCitizenMeta, listContacts, loadPersonalData } from '../identity/identity.repository.js';
import { findServiceCentre, findServiceCentreById, listRegions, listServiceCentres, regionTimeZone, type ServiceCentreView } from '../territory/territory.repository.js';
import { centreFigures, standardRanges, type FiguresRange } from './centre-figures.js';
import { confirmIdentity } from './confirm-identity.js';
import { deleteAccount } from './delete-account.js';
import { deskAudit, type Desk } from './desk.js';
import { confirmationBlocker, loadAccountState, passportUpdateBlocker, restoreBlocker, type AccountState } from './eligibility.js';
import { findCitizens, isSearchKind, type SearchKind } from './find-citizens.js';
import { operatorMessages as t } from './operator.messages.js';
import {
  canConfirmIdentity,
  canDeleteAccount,
  canEnterWorkplace,
  canFindCitizens,
  canRegisterCitizen,
  canRestoreAccess,
  canUpdatePassport,
  canViewCitizen,
  canViewDeletionAct,
  canViewFigures,
  worksAt,
} from './operator.policy.js';
import { auditExtract, findAuditRecord, latestAuditOf, listCitizenHistory, staffFullName } from './operator.repository.js';
import { fullName, maskPassport, maskedPhoneOf, presentCitizenCard } from './operator.presenter.js';
import { cleanVisit, registerAtDesk } from './register-at-desk.js';
import { restoreAccess } from './restore-access.js';
import { updatePassport, PASSPORT_FIELDS } from './update-passport.js';
import {
  ChooseCentrePage,
  CitizenCardPage,
  ConfirmPage,
  DeletePage,
  DeletionActPage,
  FiguresPage,
  PassportUpdatePage,
  RegisterPage,
  RestorePage,
  WorkplacePage,
  type Allowed,
  type FiguresView,
  type Subject,
} from './operator.views.js';

type Form = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The form as typed, without the CSRF token, every value a string. */
function formValues(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries((body ?? {}) as Form)) if (k !== '_csrf' && typeof v === 'string') out[k] = v;
  return out;
}

function citizenIdOf(request: FastifyRequest): string {
  const id = str((request.params as Form).id);
  if (!UUID.test(id)) throw new HttpError(404, 'not_found');
  return id;
}

export async function registerOperatorRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  async function centreOf(actor: StaffActor | null): Promise<ServiceCentreView | null> {
    return actor?.serviceCentreId ? findServiceCentreById(ctx.db, actor.serviceCentreId) : null;
  }

  function allowedFor(actor: StaffActor, centre: ServiceCentreView | null): Allowed {
    return {
      find: canFindCitizens(actor, centre),
      register: canRegisterCitizen(actor, centre),
      confirm: canConfirmIdentity(actor, centre),
      restore: canRestoreAccess(actor, centre),
      delete: canDeleteAccount(actor, centre),
      passport: canUpdatePassport(actor, centre),
    };
  }

  function nav(request: FastifyRequest, actor: StaffActor, centre: ServiceCentreView | null, current: 'search' | 'register' | 'figures' | null): NavItem[] {
    const lang = request.lang;
    if (!worksAt(actor, centre)) return [{ href: '/operator/figures', label: t(lang, 'navFigures'), current: current === 'figures' }];
    const a = allowedFor(actor, centre);
    return [
      ...(a.find ? [{ href: '/operator', label: t(lang, 'navSearch'), current: current === 'search' }] : [{ href: '/operator', label: t(lang, 'workplaceTitle'), current: current === 'search' }]),
      ...(a.register ? [{ href: '/operator/register', label: t(lang, 'navRegister'), current: current === 'register' }] : []),
      { href: '/operator/figures', label: t(lang, 'navFigures'), current: current === 'figures' },
    ];
  }

  /** Authorizes the operator for a policy at their centre; staff who must change their password go there first. */
  async function operatorDesk(request: FastifyRequest, reply: FastifyReply, policy: (a: StaffActor, c: ServiceCentreView | null) => boolean): Promise<Desk | null> {
    const centre = await centreOf(request.actor);
    authorize(request.actor, policy, centre);
    if (request.actor.mustChangePassword) {
      await reply.redirect('/staff/password', 303);
      return null;
    }
    return { actor: request.actor, centre: centre! };
  }

  const page = (request: FastifyRequest, desk: Desk, current: 'search' | 'register' | 'figures' | null = null) => pageContext(request, nav(request, desk.actor, desk.centre, current));

  function subjectOf(state: AccountState | null, id: string): Subject {
    if (!state) return { id, name: '', level: 'simplified' };
    const pd = state.pd?.data;
    return { id, name: fullName(pd?.lastName ?? state.citizen.lastName, pd?.firstName ?? state.citizen.firstName, pd ? pd.middleName : state.citizen.middleName), level: state.citizen.level };
  }

  // ------------------------------------------------------------ home + search

  async function renderHome(request: FastifyRequest, reply: FastifyReply, desk: Desk, by: SearchKind, extra: { values?: Record<string, string>; errors?: Record<string, string>; results?: Parameters<typeof WorkplacePage>[0]['results'] } = {}, status = 200) {
    const c = desk.centre;
    return sendPage(
      reply,
      <WorkplacePage
        ctx={page(request, desk, 'search')}
        centre={{ name: c.name, address: c.address, municipalityName: c.municipalityName, capabilities: c.capabilities }}
        allowed={allowedFor(desk.actor, c)}
        by={by}
        {...extra}
      />,
      status,
    );
  }

  app.get('/operator', { schema: { hide: true } }, async (request, reply) => {
    const centre = await centreOf(request.actor);
    authorize(request.actor, canEnterWorkplace, centre);
    if (!centre || !worksAt(request.actor, centre)) return reply.redirect('/operator/figures', 303);
    if (request.actor.mustChangePassword) return reply.redirect('/staff/password', 303);
    const by = (request.query as Form).by;
    const visit = cleanVisit((request.query as Form).visit);
    return renderHome(request, reply, { actor: request.actor, centre }, isSearchKind(by) ? by : 'snils', visit ? { values: { visit } } : {});
  });

  app.post('/operator/search', { schema: { hide: true } }, async (request, reply) => {
    const desk = await operatorDesk(request, reply, canFindCitizens);
    if (!desk) return reply;
    const values = formValues(request.body);
    const kind = isSearchKind(values.kind) ? values.kind : 'snils';
    const result = await findCitizens(ctx, desk, { ...values, kind }, request.lang);
    if (!result.ok) return renderHome(request, reply, desk, kind, { values, errors: result.errors }, result.status);
    return renderHome(request, reply, desk, kind, { values, results: result.results });
  });

  // ------------------------------------------------------------ citizen card

  app.get('/operator/citizens/:id', { schema: { hide: true } }, async (request, reply) => {
    const desk = await operatorDesk(request, reply, canViewCitizen);
    if (!desk) return reply;
    const id = citizenIdOf(request);
    const citizen = await getCitizen(ctx.db, ctx.cipher, id);
    const meta = await getCitizenMeta(ctx.db, id);
    if (!citizen || !meta) throw new HttpError(404, 'not_found');
    const lang = request.lang;
    const timeZone = await regionTimeZone(ctx.db, desk.centre.regionId);
    await appendAudit(ctx.db, deskAudit(desk, 'staff.citizen.view', id));
    const deleted = citizen.status === 'deleted';
    const pd = deleted ? null : await loadPersonalData(ctx.db, ctx.cipher, id);
    const contacts = deleted ? [] : await listContacts(ctx.db, ctx.cipher, id);
    const state = await loadAccountState(ctx, id);
    const card = presentCitizenCard(citizen, pd?.data ?? null, contacts, state?.checks ?? 'none');
    const centreName = async (centreId: string | null) => (centreId ? ((await findServiceCentreById(ctx.db, centreId))?.name ?? null) : null);
    const regCentre = await centreName(meta.registeredAtCentreId);
    const regAt = meta.activatedAt ?? meta.createdAt;
    const confCentre = await centreName(meta.confirmedAtCentreId);
    const deletion = deleted ? await latestAuditOf(ctx.db, 'staff.citizen.delete', 'citizen', id) : null;
    const done = str((request.query as Form).done);
    const phone = maskedPhoneOf(contacts) ?? '—';
    const notice =
      done === 'registered' ? t(lang, 'done_registered', { phone }) : done === 'confirmed' ? t(lang, 'done_confirmed') : done === 'restored' ? t(lang, 'done_restored', { phone }) : done === 'passport' ? t(lang, 'done_passport') : undefined;
    return sendPage(
      reply,
      <CitizenCardPage
        ctx={page(request, desk)}
        card={card}
        allowed={allowedFor(desk.actor, desk.centre)}
        history={await listCitizenHistory(ctx.db, id)}
        notice={notice}
        visit={cleanVisit((request.query as Form).visit) ?? undefined}
        extras={{
          registered: regCentre ? t(lang, 'registeredAt', { date: formatDate(lang, regAt, timeZone), centre: regCentre }) : meta.status === 'pending' ? null : t(lang, 'registeredOnline', { date: formatDate(lang, regAt, timeZone) }),
          confirmed: meta.confirmedAt ? [formatDate(lang, meta.confirmedAt, timeZone), confCentre].filter(Boolean).join(', ') : null,
          deletedAt: meta.deletedAt,
          deletionActSeq: deletion?.seq ?? null,
          timeZone,
        }}
      />,
    );
  });

  // ------------------------------------------------------------ register at the desk

  app.get('/operator/register', { schema: { hide: true } }, async (request, reply) => {
    const desk = await operatorDesk(request, reply, canRegisterCitizen);
    if (!desk) return reply;
    const visit = cleanVisit((request.query as Form).visit);
    return sendPage(reply, <RegisterPage ctx={page(request, desk, 'register')} values={{ residenceSameAsRegistration: 'on', ...(visit ? { visit } : {}) }} />);
  });

  app.post('/operator/register', { schema: { hide: true } }, async (request, reply) => {
    const desk = await operatorDesk(request, reply, canRegisterCitizen);
    if (!desk) return reply;
    const values = formValues(request.body);
    const result = await registerAtDesk(ctx, desk, values, request.lang);
    if (!result.ok) {
      return sendPage(reply, <RegisterPage ctx={page(request, desk, 'register')} values={values} errors={result.errors} existingCitizenId={result.existingCitizenId} />, result.status);
    }
    if (result.visitId) return reply.redirect(`/reception/visit/${result.visitId}?done=registered`, 303);
    return reply.redirect(`/operator/citizens/${result.citizenId}?done=registered`, 303);
  });

  // ------------------------------------------------------------ confirm identity

  app.get('/operator/citizens/:id/confirm', { schema: { hide: true } }, async (request, reply) => {
    const desk = await operatorDesk(request, reply, canConfirmIdentity);
    if (!desk) return reply;
    const id = citizenIdOf(request);
    const state = await loadAccountState(ctx, id);
    if (!state) throw new HttpError(404, 'not_found');
    const visit = cleanVisit((request.query as Form).visit);
    return sendPage(reply, <ConfirmPage ctx={page(request, desk)} subject={subjectOf(state, id)} blocker={confirmationBlocker(state)} values={visit ? { visit } : undefined} />);
  });

  app.post('/operator/citizens/:id/confirm', { schema: { hide: true } }, async (request, reply) => {
    const desk = await operatorDesk(request, reply, canConfirmIdentity);
    if (!desk) return reply;
    const id = citizenIdOf(request);
    const values = formValues(request.body);
    const result = await confirmIdentity(ctx, desk, id, { passportSeries: values.passportSeries ?? '', passportNumber: values.passportNumber ?? '', visit: cleanVisit(values.visit) }, request.lang);
    if (result.ok && result.visitId) return reply.redirect(`/reception/visit/${result.visitId}?done=confirmed`, 303);
    if (result.ok) return reply.redirect(`/operator/citizens/${id}?done=confirmed`, 303);
    if (result.status === 404) throw new HttpError(404, 'not_found');
    const subject = subjectOf(await loadAccountState(ctx, id), id);
    if ('reason' in result) return sendPage(reply, <ConfirmPage ctx={page(request, desk)} subject={subject} blocker={result.reason} />, 409);
    return sendPage(reply, <ConfirmPage ctx={page(request, desk)} subject={subject} values={values} errors={result.errors} />, result.status);
  });

  // ------------------------------------------------------------ restore access

  async function restoreView(id: string) {
    const state = await loadAccountState(ctx, id);
    if (!state) throw new HttpError(404, 'not_found');
    const contacts = state.citizen.status === 'deleted' ? [] : await listContacts(ctx.db, ctx.cipher, id);
    const phone = contacts.find((c) => c.kind === 'phone' && c.verifiedAt);
    return { state, currentPhone: phone ? maskRecipient('sms', phone.value) : null };
  }

  app.get('/operator/citizens/:id/restore', { schema: { hide: true } }, async (request, reply) => {
    const desk = await operatorDesk(request, reply, canRestoreAccess);
    if (!desk) return reply;
    const id = citizenIdOf(request);
    const { state, currentPhone } = await restoreView(id);
    return sendPage(reply, <RestorePage ctx={page(request, desk)} subject={subjectOf(state, id)} currentPhone={currentPhone} blocker={restoreBlocker(state)} />);
  });

  app.post('/operator/citizens/:id/restore', { schema: { hide: true } }, async (request, reply) => {
    const desk = await operatorDesk(request, reply, canRestoreAccess);
    if (!desk) return reply;
    const id = citizenIdOf(request);
    const values = formValues(request.body);
    const result = await restoreAccess(
      ctx,
      desk,
      id,
      { passportSeries: values.passportSeries ?? '', passportNumber: values.passportNumber ?? '', sendTo: values.sendTo ?? 'current', newPhone: values.newPhone ?? '' },
      request.lang,
    );
    if (result.ok) return reply.redirect(`/operator/citizens/${id}?done=restored`, 303);
    if (result.status === 404) throw new HttpError(404, 'not_found');
    const { state, currentPhone } = await restoreView(id);
    if ('reason' in result) return sendPage(reply, <RestorePage ctx={page(request, desk)} subject={subjectOf(state, id)} currentPhone={currentPhone} blocker={result.reason} />, 409);
    return sendPage(reply, <RestorePage ctx={page(request, desk)} subject={subjectOf(state, id)} currentPhone={currentPhone} values={values} errors={result.errors} />, result.status);
  });

  // ------------------------------------------------------------ update passport data

  app.get('/operator/citizens/:id/passport', { schema: { hide: true } }, async (request, reply) => {
    const desk = await operatorDesk(request, reply, canUpdatePassport);
    if (!desk) return reply;
    const id = citizenIdOf(request);
    const state = await loadAccountState(ctx, id);
    if (!state) throw new HttpError(404, 'not_found');
    return sendPage(
      reply,
      <PassportUpdatePage ctx={page(request, desk)} subject={subjectOf(state, id)} currentPassport={state.pd ? maskPassport(state.pd.data.passport) : null} blocker={passportUpdateBlocker(state)} />,
    );
  });

  app.post('/operator/citizens/:id/passport', { schema: { hide: true } }, async (request, reply) => {
    const desk = await operatorDesk(request, reply, canUpdatePassport);
    if (!desk) return reply;
    const id = citizenIdOf(request);
    const values = formValues(request.body);
    const form: Record<string, string> = {};
    for (const f of PASSPORT_FIELDS) form[f] = values[f] ?? '';
    const result = await updatePassport(ctx, desk, id, form, request.lang);
    if (result.ok) return reply.redirect(`/operator/citizens/${id}?done=passport`, 303);
    if (result.status === 404) throw new HttpError(404, 'not_found');
    const state = await loadAccountState(ctx, id);
    const current = state?.pd ? maskPassport(state.pd.data.passport) : null;
    if ('reason' in result) return sendPage(reply, <PassportUpdatePage ctx={page(request, desk)} subject={subjectOf(state, id)} currentPassport={current} blocker={result.reason} />, 409);
    return sendPage(reply, <PassportUpdatePage ctx={page(request, desk)} subject={subjectOf(state, id)} currentPassport={current} values={form} errors={result.errors} />, result.status);
  });

  // ------------------------------------------------------------ delete an account

  app.get('/operator/citizens/:id/delete', { schema: { hide: true } }, async (request, reply) => {
    const desk = await operatorDesk(request, reply, canDeleteAccount);
    if (!desk) return reply;
    const id = citizenIdOf(request);
    const state = await loadAccountState(ctx, id);
    if (!state) throw new HttpError(404, 'not_found');
    return sendPage(reply, <DeletePage ctx={page(request, desk)} subject={subjectOf(state, id)} blocker={state.citizen.status === 'deleted' ? 'deleted' : null} />);
  });

  app.post('/operator/citizens/:id/delete', { schema: { hide: true } }, async (request, reply) => {
    const desk = await operatorDesk(request, reply, canDeleteAccount);
    if (!desk) return reply;
    const id = citizenIdOf(request);
    const values = formValues(request.body);
    const result = await deleteAccount(ctx, desk, id, { reason: values.reason ?? '', reasonText: values.reasonText ?? '', confirm: values.confirm ?? '' }, request.lang);
    if (result.ok) return reply.redirect(`/operator/deletions/${result.auditSeq}?done=1`, 303);
    if (result.status === 404) throw new HttpError(404, 'not_found');
    const state = await loadAccountState(ctx, id);
    if (result.status === 409) return sendPage(reply, <DeletePage ctx={page(request, desk)} subject={subjectOf(state, id)} blocker="deleted" />, 409);
    return sendPage(reply, <DeletePage ctx={page(request, desk)} subject={subjectOf(state, id)} values={values} errors={result.errors} />, result.status);
  });

  // ------------------------------------------------------------ act of destruction

  app.get('/operator/deletions/:seq', { schema: { hide: true } }, async (request, reply) => {
    const own = await centreOf(request.actor);
    authorize(request.actor, canEnterWorkplace, own);
    const seq = Number(str((request.params as Form).seq));
    if (!Number.isSafeInteger(seq) || seq < 1) throw new HttpError(404, 'not_found');
    const record = await findAuditRecord(ctx.db, seq, 'staff.citizen.delete');
    if (!record || !record.subjectId) throw new HttpError(404, 'not_found');
    const centreId = typeof record.details.centreId === 'string' ? record.details.centreId : null;
    const centre = centreId ? await findServiceCentreById(ctx.db, centreId) : null;
    authorize(request.actor, canViewDeletionAct, centre);
    const meta = await getCitizenMeta(ctx.db, record.subjectId);
    const stored = meta?.deletionReason ?? '';
    const reasonCode = typeof record.details.reason === 'string' ? record.details.reason : stored.split(':')[0] ?? '';
    const reasonText = stored.startsWith('other: ') ? stored.slice('other: '.length) : null;
    return sendPage(
      reply,
      <DeletionActPage
        ctx={pageContext(request, nav(request, request.actor, own, null))}
        justDone={Boolean((request.query as Form).done)}
        act={{
          record,
          reasonCode,
          reasonText,
          centreName: centre!.name,
          centreAddress: centre!.address,
          operatorName: (await staffFullName(ctx.db, record.actorId)) ?? '—',
          extract: await auditExtract(ctx.db, 'citizen', record.subjectId, record.seq),
          timeZone: await regionTimeZone(ctx.db, centre!.regionId),
        }}
      />,
    );
  });

  // ------------------------------------------------------------ figures

  app.get('/operator/figures', { schema: { hide: true } }, async (request, reply) => {
    const own = await centreOf(request.actor);
    authorize(request.actor, canEnterWorkplace, own);
    const actor = request.actor;
    if (actor.mustChangePassword) return reply.redirect('/staff/password', 303);
    const key = str((request.query as Form).centre).slice(0, 100);
    const supervisor = !worksAt(actor, own);
    let centre: ServiceCentreView | null = null;
    if (key) centre = await findServiceCentre(ctx.db, key);
    else if (!supervisor) centre = own;
    const ctxPage = pageContext(request, nav(request, actor, own, 'figures'));
    if (supervisor && (!centre || !canViewFigures(actor, centre))) {
      const regions = actor.regionId ? [actor.regionId] : (await listRegions(ctx.db)).map((r) => r.id);
      const centres: ServiceCentreView[] = [];
      for (const regionId of regions) centres.push(...(await listServiceCentres(ctx.db, { regionId, ...(actor.role === 'municipal_coordinator' && actor.municipalityId ? { municipalityId: actor.municipalityId } : {}) })));
      const visible = centres.filter((c) => canViewFigures(actor, c));
      if (key && centre) authorize(actor, canViewFigures, centre); // a centre outside the supervisor's territory: 403
      return sendPage(reply, <ChooseCentrePage ctx={ctxPage} centres={visible} value={key} error={key ? t(request.lang, 'centreNotFound') : undefined} />, key ? 404 : 200);
    }
    if (!centre) throw new HttpError(404, 'not_found');
    authorize(actor, canViewFigures, centre);
    const timeZone = await regionTimeZone(ctx.db, centre.regionId);
    const ranges = standardRanges(new Date(), timeZone);
    const both = async (range: FiguresRange) => {
      const [c, m] = await Promise.all([centreFigures(ctx.db, { centreId: centre.id }, range), centreFigures(ctx.db, { municipalityId: centre.municipalityId }, range)]);
      return c.map((row, i) => ({ start: row.start, centre: row, municipality: m[i]! }));
    };
    const f: FiguresView = {
      centreName: centre.name,
      municipalityName: centre.municipalityName,
      timeZone,
      year: ranges.quarters.from.slice(0, 4),
      days: await both(ranges.days),
      weeks: await both(ranges.weeks),
      quarters: await both(ranges.quarters),
    };
    return sendPage(reply, <FiguresPage ctx={ctxPage} f={f} chooseHref={supervisor ? '/operator/figures' : undefined} />);
  });
}
