/**
 * The reception section, all under /reception. Thin: authorize → validate →
 * use case → view.
 * - /reception/visit: the desk screen (reception staff, operators); each step
 *   is a form POST, the state lives in the visit row; /static/js/reception-dialog.js
 *   adds keyboard shortcuts and answers without reloading the page.
 * - /reception/figures: visitors, informed, offered, agreed, registered, confirmed.
 * - /reception/settings: the region's threshold and key services.
 * - /reception/staff: who receives visitors, their duties and competency profile.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.js';
import { appendAudit } from '../../platform/audit.js';
import { HttpError } from '../../platform/errors.js';
import { pageContext, sendPage } from '../../platform/http/app.js';
import type { Lang } from '../../platform/i18n.js';
import { authorize, type StaffActor } from '../../platform/policy.js';
import type { FieldError, SelectOption } from '../../platform/views/components.js';
import type { NavItem } from '../../platform/views/layout.js';
import { regionToday } from '../outreach/materials/materials.repository.js';
import { formatQuarter, parseQuarter, quarterBounds, quarterOf, type Quarter } from '../scoring/inputs/system-inputs.js';
import { canRegisterCitizen } from '../service-centres/operator.policy.js';
import { findServiceCentreById, listRegions, regionTimeZone } from '../territory/territory.repository.js';
import { answersAt, outcomeOf, scriptFor, start, type DialogState } from './dialog/machine.js';
import { hasGenderVariants, renderScript } from './dialog/scripts.js';
import { receptionFigures, receptionFiguresBy, type FiguresGrouping } from './figures.js';
import { receptionMessages as t } from './reception.messages.js';
import { competencyMessages as c } from './competencies/competencies.messages.js';
import { registerCompetencyRoutes } from './competencies/competencies.routes.js';
import { registerHandoutRoutes } from './handouts/handouts.routes.js';
import { handoutMessages } from './handouts/handouts.messages.js';
import { registerAttestationRoutes } from './attestation/attestation.routes.js';
import { attestationMessages } from './attestation/attestation.messages.js';
import { registerReminderRoutes } from './reminders/reminders.routes.js';
import { reminderMessages } from './reminders/reminders.messages.js';
import { listAttempts } from './competencies/self-test.js';
import {
  canEditReceptionSettings,
  canEditStaffProfile,
  canOpenVisit,
  canServeVisitors,
  canViewReceptionFigures,
  canViewStaffProfile,
  isReceptionSupervisor,
  servesVisitors,
} from './reception.policy.js';
import { findReceptionStaff, findVisit, getReceptionSettings, getStaffProfile, listReceptionStaff, listStaffVisitsOn, saveReceptionSettings, saveStaffProfile, type VisitRow } from './reception.repository.js';
import { answerVisit, authorityOf, backVisit, canGoBack, cancelVisit, startVisit, stateOf, type VisitChange, type VisitPlace } from './visits/serve-visitor.js';
import { DeskPage, FiguresPage, NotForYouPage, SettingsPage, StaffListPage, StaffProfilePage, type StepView } from './reception.views.js';

type Form = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Section = 'desk' | 'figures' | 'staff' | 'settings' | 'profile' | 'selftest' | 'questions' | 'handouts' | 'attestation' | 'reminders';

export function receptionNav(request: FastifyRequest, current: Section | null): NavItem[] {
  const actor = request.actor;
  if (!actor) return [];
  const lang = request.lang;
  const items: Array<[Section, string, boolean]> = [
    ['desk', '/reception/visit', servesVisitors(actor)],
    ['figures', '/reception/figures', true],
    ['selftest', '/reception/self-test', servesVisitors(actor)],
    ['profile', `/reception/staff/${actor.id}`, servesVisitors(actor)],
    ['staff', '/reception/staff', isReceptionSupervisor(actor)],
    ['settings', '/reception/settings', actor.role === 'regional_admin' || actor.role === 'system_admin'],
    ['questions', '/reception/questions', actor.role === 'regional_admin' || actor.role === 'system_admin'],
    ['attestation', '/reception/attestations', servesVisitors(actor) || isReceptionSupervisor(actor)],
    ['reminders', '/reception/reminders', servesVisitors(actor) || isReceptionSupervisor(actor)],
    ['handouts', '/reception/handouts', servesVisitors(actor) || isReceptionSupervisor(actor)],
  ];
  const label = (key: Section) =>
    key === 'handouts'
      ? handoutMessages(lang, 'nav')
      : key === 'attestation'
        ? attestationMessages(lang, 'nav')
        : key === 'reminders'
          ? reminderMessages(lang, 'nav')
          : key === 'selftest' ? c(lang, 'navSelfTest') : key === 'questions' ? c(lang, 'navQuestions') : t(lang, ({ desk: 'navDesk', figures: 'navFigures', staff: 'navStaff', settings: 'navSettings', profile: 'navProfile' } as const)[key]);
  return items.filter(([, , show]) => show).map(([key, href]) => ({ href, label: label(key), current: key === current }));
}

function visitIdOf(request: FastifyRequest): string {
  const id = str((request.params as Form).id);
  if (!UUID.test(id)) throw new HttpError(404, 'not_found');
  return id;
}

/** The key-services preview sentence of the settings page. */
function previewOf(lang: Lang, keyServices: string[]): string {
  return renderScript('reminder', { keyServices }, lang)[0]!.split(/(?<=\.) /).slice(-2).join(' ');
}

export async function registerReceptionRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await registerCompetencyRoutes(app, ctx);
  await registerHandoutRoutes(app, ctx);
  await registerAttestationRoutes(app, ctx);
  await registerReminderRoutes(app, ctx);
  /** The employee's place at the desk now: threshold and authority for a new visit. */
  async function placeOf(actor: StaffActor): Promise<VisitPlace> {
    const centre = actor.role === 'operator' && actor.serviceCentreId ? await findServiceCentreById(ctx.db, actor.serviceCentreId) : null;
    const [profile, settings] = await Promise.all([getStaffProfile(ctx.db, actor.id), getReceptionSettings(ctx.db, actor.regionId!)]);
    return { actor, centre, municipalityId: actor.municipalityId, threshold: settings.ageThreshold, authority: authorityOf(actor, centre, profile) };
  }

  async function deskGuard(request: FastifyRequest, reply: FastifyReply): Promise<StaffActor | null> {
    authorize(request.actor, canViewReceptionFigures, undefined);
    if (request.actor.mustChangePassword) {
      await reply.redirect('/staff/password', 303);
      return null;
    }
    return request.actor;
  }

  async function viewOf(lang: Lang, regionId: string, visit: VisitRow | null, state: DialogState): Promise<StepView> {
    const { keyServices } = await getReceptionSettings(ctx.db, regionId);
    const script = scriptFor(state, { keyServices }, lang);
    const other = script && hasGenderVariants(script.id) && state.gender ? (state.gender === 'male' ? 'female' : 'male') : null;
    const cancelled = visit?.status === 'cancelled';
    const actionHref =
      visit && !cancelled && state.step === 'register_now' && visit.registerVia === 'desk'
        ? `/operator/register?visit=${visit.id}`
        : visit && !cancelled && state.step === 'confirm_now' && visit.confirmVia === 'desk'
          ? `/operator?visit=${visit.id}`
          : null;
    return {
      visitId: visit?.id ?? null,
      state,
      answers: cancelled ? [] : answersAt(state),
      script: script ? { ref: script.ref, paragraphs: script.paragraphs } : null,
      otherScript: other ? { gender: other, paragraphs: scriptFor(state, { gender: other, keyServices }, lang)!.paragraphs } : null,
      canGoBack: visit ? canGoBack(visit, state) : false,
      actionHref,
      outcome: outcomeOf(state),
      citizenLinked: Boolean(visit?.citizenId),
      startedAt: visit?.startedAt,
    };
  }

  async function renderDesk(request: FastifyRequest, reply: FastifyReply, actor: StaffActor, visit: VisitRow | null, extra: { notice?: string; error?: string } = {}, status = 200) {
    const regionId = actor.regionId!;
    const state = visit ? stateOf(visit) : start(await placeOf(actor).then((p) => ({ threshold: p.threshold, authority: p.authority })));
    if (!state) throw new HttpError(409, 'conflict');
    const [today, timeZone] = await Promise.all([regionToday(ctx.db, regionId), regionTimeZone(ctx.db, regionId)]);
    const visits = await listStaffVisitsOn(ctx.db, actor.id, today);
    return sendPage(
      reply,
      <DeskPage
        ctx={pageContext(request, receptionNav(request, 'desk'))}
        view={await viewOf(request.lang, regionId, visit, state)}
        visits={visits}
        timeZone={timeZone}
        cancellable={Boolean(visit && visit.status === 'open' && !visit.citizenId)}
        {...extra}
      />,
      status,
    );
  }

  function changeFailed(request: FastifyRequest, reply: FastifyReply, actor: StaffActor, visit: VisitRow | null, result: Exclude<VisitChange, { ok: true }>) {
    if (result.status === 404) throw new HttpError(404, 'not_found');
    return renderDesk(request, reply, actor, visit, { error: t(request.lang, result.code === 'bad_answer' ? 'staleAnswer' : 'visitClosed') }, result.status);
  }

  async function ownVisit(request: FastifyRequest): Promise<VisitRow> {
    const visit = await findVisit(ctx.db, visitIdOf(request));
    if (!visit) throw new HttpError(404, 'not_found');
    authorize(request.actor, canOpenVisit, visit);
    return visit;
  }

  // ------------------------------------------------------------ the desk

  app.get('/reception', { schema: { hide: true } }, async (request, reply) => {
    authorize(request.actor, canViewReceptionFigures, undefined);
    return reply.redirect(servesVisitors(request.actor) ? '/reception/visit' : '/reception/figures', 303);
  });

  app.get('/reception/visit', { schema: { hide: true } }, async (request, reply) => {
    const actor = await deskGuard(request, reply);
    if (!actor) return reply;
    if (!servesVisitors(actor)) return sendPage(reply, <NotForYouPage ctx={pageContext(request, receptionNav(request, 'desk'))} />, 403);
    const q = request.query as Form;
    return renderDesk(request, reply, actor, null, q.cancelled ? { notice: t(request.lang, 'cancelled') } : {});
  });

  app.post('/reception/visit', { schema: { hide: true } }, async (request, reply) => {
    authorize(request.actor, canServeVisitors, undefined);
    const actor = request.actor;
    const body = (request.body ?? {}) as Form;
    const result = await startVisit(ctx.db, await placeOf(actor), str(body.answer));
    if (!result.ok) return changeFailed(request, reply, actor, null, result);
    return reply.redirect(`/reception/visit/${result.visitId}`, 303);
  });

  app.get('/reception/visit/:id', { schema: { hide: true } }, async (request, reply) => {
    const actor = await deskGuard(request, reply);
    if (!actor) return reply;
    const visit = await ownVisit(request);
    const done = str((request.query as Form).done);
    const notice = done === 'registered' && visit.citizenId ? t(request.lang, 'doneRegistered') : done === 'confirmed' && visit.citizenId ? t(request.lang, 'doneConfirmed') : visit.status === 'cancelled' ? t(request.lang, 'cancelled') : undefined;
    return renderDesk(request, reply, actor, visit, { notice });
  });

  app.post('/reception/visit/:id', { schema: { hide: true } }, async (request, reply) => {
    const visit = await ownVisit(request);
    const body = (request.body ?? {}) as Form;
    const result = await answerVisit(ctx.db, request.actor!, visit.id, { step: str(body.step), answer: str(body.answer) });
    if (!result.ok) return changeFailed(request, reply, request.actor!, visit, result);
    return reply.redirect(`/reception/visit/${visit.id}`, 303);
  });

  app.post('/reception/visit/:id/back', { schema: { hide: true } }, async (request, reply) => {
    const visit = await ownVisit(request);
    const result = await backVisit(ctx.db, request.actor!, visit.id, { step: str(((request.body ?? {}) as Form).step) });
    if (!result.ok) return changeFailed(request, reply, request.actor!, visit, result);
    return reply.redirect(`/reception/visit/${visit.id}`, 303);
  });

  app.post('/reception/visit/:id/cancel', { schema: { hide: true } }, async (request, reply) => {
    const visit = await ownVisit(request);
    const result = await cancelVisit(ctx.db, request.actor!, visit.id);
    if (!result.ok) return changeFailed(request, reply, request.actor!, visit, result);
    return reply.redirect('/reception/visit?cancelled=1', 303);
  });

  // ------------------------------------------------------------ figures

  app.get('/reception/figures', { schema: { hide: true } }, async (request, reply) => {
    const actor = await deskGuard(request, reply);
    if (!actor) return reply;
    const lang = request.lang;
    const q = request.query as Form;
    const regions = actor.role === 'system_admin' ? await listRegions(ctx.db) : null;
    const region = regions ? (regions.find((r) => r.key === str(q.region)) ?? regions[0]) : null;
    const regionId = region?.id ?? actor.regionId;
    if (!regionId) throw new HttpError(404, 'not_found');
    const today = await regionToday(ctx.db, regionId);
    const current = quarterOf(today);
    const quarters: Quarter[] = [];
    for (let i = 0, y = current.year, n: number = current.quarter; i < 8; i++) {
      quarters.push({ year: y, quarter: n as Quarter['quarter'] });
      n -= 1;
      if (n === 0) {
        n = 4;
        y -= 1;
      }
    }
    const chosen = parseQuarter(str(q.quarter)) ?? current;
    const { from, to } = quarterBounds(chosen);
    const own = servesVisitors(actor);
    const byOptions: FiguresGrouping[] = own ? ['staff'] : actor.role === 'municipal_coordinator' ? ['organisation', 'staff'] : ['municipality', 'organisation', 'staff'];
    const by = (byOptions as string[]).includes(str(q.by)) ? (str(q.by) as FiguresGrouping) : byOptions[0]!;
    const filter = {
      regionId,
      from,
      to,
      municipalityId: actor.role === 'municipal_coordinator' ? actor.municipalityId : null,
      staffId: own ? actor.id : null,
    };
    const [rows, total] = await Promise.all([receptionFiguresBy(ctx.db, filter, by), receptionFigures(ctx.db, filter)]);
    const regionName = region?.name ?? (await listRegions(ctx.db)).find((r) => r.id === regionId)?.name ?? '';
    const scope = own
      ? t(lang, 'scopeOwn')
      : actor.role === 'municipal_coordinator'
        ? t(lang, 'scopeMunicipality', { name: (await listReceptionStaff(ctx.db, { regionId, municipalityId: actor.municipalityId }))[0]?.municipalityName ?? '' })
        : t(lang, 'scopeRegion', { name: regionName });
    const quarterOptions: SelectOption[] = quarters.map((x) => ({ value: formatQuarter(x), label: t(lang, 'quarterOption', { q: x.quarter, year: x.year }) }));
    if (!quarters.some((x) => formatQuarter(x) === formatQuarter(chosen))) quarterOptions.push({ value: formatQuarter(chosen), label: t(lang, 'quarterOption', { q: chosen.quarter, year: chosen.year }) });
    return sendPage(
      reply,
      <FiguresPage
        ctx={pageContext(request, receptionNav(request, 'figures'))}
        f={{
          scope,
          quarters: quarterOptions,
          quarter: formatQuarter(chosen),
          q: chosen,
          by,
          byOptions,
          rows,
          total,
          ...(regions ? { regions: regions.map((r) => ({ value: r.key, label: r.name })), region: region!.key } : {}),
        }}
      />,
    );
  });

  // ------------------------------------------------------------ settings

  async function settingsRegion(request: FastifyRequest): Promise<{ id: string; name: string; key: string }> {
    const actor = request.actor;
    if (!actor) throw new HttpError(401, 'unauthenticated');
    const regions = await listRegions(ctx.db);
    const wanted = str((request.query as Form).region) || str(((request.body ?? {}) as Form).region);
    const region = actor.role === 'system_admin' ? (regions.find((r) => r.key === wanted) ?? regions[0]) : regions.find((r) => r.id === actor.regionId);
    if (!region) throw new HttpError(403, 'forbidden');
    authorize(actor, canEditReceptionSettings, { regionId: region.id });
    return region;
  }

  app.get('/reception/settings', { schema: { hide: true } }, async (request, reply) => {
    const region = await settingsRegion(request);
    const s = await getReceptionSettings(ctx.db, region.id);
    return sendPage(
      reply,
      <SettingsPage
        ctx={pageContext(request, receptionNav(request, 'settings'))}
        regionName={region.name}
        values={{ threshold: String(s.ageThreshold), keyServices: s.keyServices.join('\n') }}
        errors={[]}
        stored={s.stored}
        preview={previewOf(request.lang, s.keyServices)}
        notice={(request.query as Form).saved ? t(request.lang, 'saved') : undefined}
      />,
    );
  });

  app.post('/reception/settings', { schema: { hide: true } }, async (request, reply) => {
    const region = await settingsRegion(request);
    const lang = request.lang;
    const body = (request.body ?? {}) as Form;
    const values = { threshold: str(body.threshold).trim(), keyServices: str(body.keyServices) };
    const errors: FieldError[] = [];
    const threshold = /^\d{1,3}$/.test(values.threshold) ? Number(values.threshold) : NaN;
    if (!(threshold >= 18 && threshold <= 100)) errors.push({ field: 'threshold', message: t(lang, 'thresholdInvalid') });
    const lines = values.keyServices.split(/\r?\n/).map((l) => l.trim().replace(/\s+/g, ' ')).filter(Boolean);
    const tooLong = lines.findIndex((l) => l.length > 150);
    if (lines.length > 10) errors.push({ field: 'keyServices', message: t(lang, 'keyServicesTooMany') });
    else if (tooLong >= 0) errors.push({ field: 'keyServices', message: t(lang, 'keyServicesTooLong', { line: tooLong + 1 }) });
    if (errors.length) {
      const s = await getReceptionSettings(ctx.db, region.id);
      return sendPage(
        reply,
        <SettingsPage ctx={pageContext(request, receptionNav(request, 'settings'))} regionName={region.name} values={values} errors={errors} stored={s.stored} preview={previewOf(lang, s.keyServices)} />,
        400,
      );
    }
    await ctx.db.transaction(async (tx) => {
      await saveReceptionSettings(tx, region.id, { ageThreshold: threshold, keyServices: lines }, request.actor!.id);
      await appendAudit(tx, { actorType: 'staff', actorId: request.actor!.id, action: 'reception.settings.update', subjectType: 'region', subjectId: region.id, details: { ageThreshold: threshold, keyServices: lines.length } });
    });
    return reply.redirect(`/reception/settings?saved=1${request.actor!.role === 'system_admin' ? `&region=${encodeURIComponent(region.key)}` : ''}`, 303);
  });

  // ------------------------------------------------------------ staff

  async function registersAtCentre(staff: { role: string; serviceCentreId: string | null; id: string; regionId: string }): Promise<boolean> {
    if (staff.role !== 'operator' || !staff.serviceCentreId) return false;
    const centre = await findServiceCentreById(ctx.db, staff.serviceCentreId);
    return canRegisterCitizen({ role: 'operator', serviceCentreId: staff.serviceCentreId, regionId: staff.regionId } as StaffActor, centre);
  }

  app.get('/reception/staff', { schema: { hide: true } }, async (request, reply) => {
    const actor = await deskGuard(request, reply);
    if (!actor) return reply;
    if (!isReceptionSupervisor(actor)) return reply.redirect(`/reception/staff/${actor.id}`, 303);
    const regionIds = actor.regionId ? [actor.regionId] : (await listRegions(ctx.db)).map((r) => r.id);
    const staff = [];
    for (const regionId of regionIds) staff.push(...(await listReceptionStaff(ctx.db, { regionId, municipalityId: actor.role === 'municipal_coordinator' ? actor.municipalityId : null })));
    const rows = [];
    for (const s of staff) rows.push({ ...s, registersAtCentre: await registersAtCentre(s) });
    const scope = actor.role === 'municipal_coordinator' ? (staff[0]?.municipalityName ?? '') : '';
    return sendPage(reply, <StaffListPage ctx={pageContext(request, receptionNav(request, 'staff'))} staff={rows} scope={scope} />);
  });

  async function loadStaff(request: FastifyRequest) {
    const id = visitIdOf(request);
    const staff = await findReceptionStaff(ctx.db, id);
    if (!staff) throw new HttpError(404, 'not_found');
    authorize(request.actor, canViewStaffProfile, staff);
    return staff;
  }

  function profileValues(s: { registersInEsia: boolean; receivesDocuments: boolean; registeredOnPortal: boolean | null }) {
    return { registersInEsia: s.registersInEsia, receivesDocuments: s.receivesDocuments, registeredOnPortal: s.registeredOnPortal === null ? '' : s.registeredOnPortal ? 'yes' : 'no' };
  }

  app.get('/reception/staff/:id', { schema: { hide: true } }, async (request, reply) => {
    const staff = await loadStaff(request);
    const actor = request.actor!;
    return sendPage(
      reply,
      <StaffProfilePage
        ctx={pageContext(request, receptionNav(request, actor.id === staff.id ? 'profile' : 'staff'))}
        staff={staff}
        registersAtCentre={await registersAtCentre(staff)}
        canEdit={canEditStaffProfile(actor, staff)}
        values={profileValues(staff)}
        attempts={await listAttempts(ctx.db, staff.id)}
        isSelf={actor.id === staff.id}
        timeZone={await regionTimeZone(ctx.db, staff.regionId)}
        notice={(request.query as Form).saved ? t(request.lang, 'profileSaved') : undefined}
      />,
    );
  });

  app.post('/reception/staff/:id', { schema: { hide: true } }, async (request, reply) => {
    const staff = await loadStaff(request);
    authorize(request.actor, canEditStaffProfile, staff);
    const body = (request.body ?? {}) as Form;
    const onPortal = str(body.registeredOnPortal);
    const profile = {
      registersInEsia: staff.role === 'reception' && body.registersInEsia === 'on',
      receivesDocuments: body.receivesDocuments === 'on',
      registeredOnPortal: onPortal === 'yes' ? true : onPortal === 'no' ? false : null,
    };
    await ctx.db.transaction(async (tx) => {
      await saveStaffProfile(tx, staff.id, profile, request.actor!.id);
      await appendAudit(tx, { actorType: 'staff', actorId: request.actor!.id, action: 'reception.staff_profile.update', subjectType: 'staff_user', subjectId: staff.id, organisationId: staff.organisationId, details: profile });
    });
    return reply.redirect(`/reception/staff/${staff.id}?saved=1`, 303);
  });
}
