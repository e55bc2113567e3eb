/**
 * A visit is one visitor served with the dialog. Every change is one
 * transaction with its audit row; the audit names the visit, never a person.
 *
 * - startVisit: the first answer (step 1.1) creates the row, with the dialog's
 *   options frozen: the region's threshold and the employee's authority now.
 * - answerVisit: the next answer. The form carries the step it was shown at;
 *   an answer for another step (a double click, an old tab) changes nothing.
 * - backVisit / cancelVisit: one answer back; a visit entered by mistake.
 * - linkVisitResult: the operator's registration or confirmation succeeded for
 *   this visit — called by service-centres in the same transaction.
 */
import type { Queryable } from '../../../db/client.js';
import { appendAudit } from '../../../platform/audit.js';
import type { StaffActor } from '../../../platform/policy.js';
import { canConfirmIdentity, canRegisterCitizen, type CentreRef } from '../../service-centres/operator.policy.js';
import { back, isAnswer, next, outcomeOf, replay, start, type Answer, type Authority, type DialogState, type StepId } from '../dialog/machine.js';
import { findVisit, insertVisit, updateVisit, type StaffProfile, type VisitRow, type VisitStatus } from '../reception.repository.js';

/**
 * The authority rule. Operators: what their centre does (register → 1.2.2 with
 * the operator's form; confirm → 1.2.1.1 with the confirm form). Reception
 * staff: 1.2.2 when their profile says their duties include registration in
 * ЕСИА (they register outside this system and say so); they never confirm.
 */
export function authorityOf(actor: StaffActor, centre: CentreRef | null, profile: StaffProfile): Authority {
  if (actor.role === 'operator') return { register: canRegisterCitizen(actor, centre) ? 'desk' : null, confirm: canConfirmIdentity(actor, centre) ? 'desk' : null };
  return { register: profile.registersInEsia ? 'declared' : null, confirm: null };
}

/** The dialog state of a stored visit; null when its path no longer replays (never expected). */
export function stateOf(visit: Pick<VisitRow, 'ageThreshold' | 'registerVia' | 'confirmVia' | 'path'>): DialogState | null {
  const answers = visit.path.filter(isAnswer);
  if (answers.length !== visit.path.length) return null;
  return replay({ threshold: visit.ageThreshold, authority: { register: visit.registerVia, confirm: visit.confirmVia } }, answers);
}

const statusOf = (s: DialogState): VisitStatus => (s.step === 'done' ? 'finished' : 'open');

/** Whether «Назад» is possible: not before the first answer, and never past a result that came from the operator's form. */
export function canGoBack(visit: Pick<VisitRow, 'citizenId' | 'status'>, state: DialogState): boolean {
  if (visit.status === 'cancelled' || state.path.length === 0) return false;
  const last = state.path[state.path.length - 1];
  return !(visit.citizenId && (last === 'registered' || last === 'confirmed'));
}

export interface VisitPlace {
  actor: StaffActor;
  centre: (CentreRef & { organisationId: string | null }) | null;
  municipalityId: string | null;
  threshold: number;
  authority: Authority;
}

export type VisitChange = { ok: true; visitId: string; step: StepId } | { ok: false; status: 404 | 409 | 422; code: 'not_found' | 'closed' | 'bad_answer' };

export async function startVisit(db: { transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> }, place: VisitPlace, answer: string, now = new Date()): Promise<VisitChange> {
  const s0 = start({ threshold: place.threshold, authority: place.authority });
  const s1 = isAnswer(answer) ? next(s0, answer) : null;
  if (!s1) return { ok: false, status: 422, code: 'bad_answer' };
  const { actor } = place;
  const visitId = await db.transaction(async (tx) => {
    const id = await insertVisit(
      tx,
      {
        regionId: actor.regionId!,
        municipalityId: place.municipalityId,
        organisationId: actor.organisationId!,
        serviceCentreId: actor.role === 'operator' ? (place.centre?.id ?? null) : null,
        staffUserId: actor.id,
        ageThreshold: place.threshold,
        registerVia: place.authority.register,
        confirmVia: place.authority.confirm,
        path: [...s1.path],
        outcome: outcomeOf(s1),
        status: statusOf(s1),
      },
      now,
    );
    await appendAudit(tx, { actorType: 'staff', actorId: actor.id, action: 'reception.visit.start', subjectType: 'reception_visit', subjectId: id, organisationId: actor.organisationId, details: { answer } }, now);
    return id;
  });
  return { ok: true, visitId, step: s1.step };
}

async function change(
  db: { transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> },
  actor: StaffActor,
  visitId: string,
  action: string,
  fn: (visit: VisitRow, state: DialogState) => { state: DialogState; status?: VisitStatus } | VisitChange,
  details: Record<string, unknown>,
  now: Date,
): Promise<VisitChange> {
  return db.transaction(async (tx) => {
    const visit = await findVisit(tx, visitId, true);
    if (!visit || visit.staffUserId !== actor.id) return { ok: false, status: 404, code: 'not_found' } as const;
    const state = stateOf(visit);
    if (!state) return { ok: false, status: 409, code: 'closed' } as const;
    const out = fn(visit, state);
    if ('ok' in out) return out;
    const status = out.status ?? statusOf(out.state);
    await updateVisit(tx, visit.id, { path: [...out.state.path], outcome: outcomeOf(out.state), status }, now);
    await appendAudit(tx, { actorType: 'staff', actorId: actor.id, action, subjectType: 'reception_visit', subjectId: visit.id, organisationId: visit.organisationId, details }, now);
    return { ok: true, visitId: visit.id, step: out.state.step } as const;
  });
}

/** The employee's answer at the step the page showed (`shownStep`). */
export async function answerVisit(db: { transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> }, actor: StaffActor, visitId: string, input: { step: string; answer: string }, now = new Date()): Promise<VisitChange> {
  return change(
    db,
    actor,
    visitId,
    'reception.visit.answer',
    (visit, state) => {
      if (visit.status === 'cancelled') return { ok: false, status: 409, code: 'closed' };
      // An answer to a step no longer shown (double submit, old tab): nothing changes.
      if (input.step !== state.step) return { ok: true, visitId: visit.id, step: state.step };
      const n = isAnswer(input.answer) ? next(state, input.answer, 'employee') : null;
      if (!n) return { ok: false, status: 422, code: 'bad_answer' };
      return { state: n };
    },
    { step: input.step, answer: input.answer },
    now,
  );
}

export async function backVisit(db: { transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> }, actor: StaffActor, visitId: string, input: { step: string }, now = new Date()): Promise<VisitChange> {
  return change(
    db,
    actor,
    visitId,
    'reception.visit.back',
    (visit, state) => {
      if (input.step !== state.step) return { ok: true, visitId: visit.id, step: state.step };
      if (!canGoBack(visit, state)) return { ok: false, status: 409, code: 'closed' };
      return { state: back(state) };
    },
    { step: input.step },
    now,
  );
}

export async function cancelVisit(db: { transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> }, actor: StaffActor, visitId: string, now = new Date()): Promise<VisitChange> {
  return change(
    db,
    actor,
    visitId,
    'reception.visit.cancel',
    (visit, state) => {
      if (visit.citizenId) return { ok: false, status: 409, code: 'closed' };
      return { state, status: 'cancelled' };
    },
    {},
    now,
  );
}

/**
 * The operator's form succeeded for a visit: the result enters the dialog
 * (register_now → registered → 1.2.2 А closing script; confirm_now → confirmed →
 * the congratulation) with the citizen account linked. Runs in the caller's
 * transaction; does nothing and returns false unless the visit is this
 * employee's, open, and waiting at that very action.
 */
export async function linkVisitResult(tx: Queryable, input: { visitId: string; staffUserId: string; result: 'registered' | 'confirmed'; citizenId: string }, now = new Date()): Promise<boolean> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(input.visitId)) return false;
  const visit = await findVisit(tx, input.visitId, true);
  if (!visit || visit.staffUserId !== input.staffUserId || visit.status !== 'open') return false;
  const state = stateOf(visit);
  const n = state ? next(state, input.result as Answer, 'system') : null;
  if (!n) return false;
  await updateVisit(tx, visit.id, { path: [...n.path], outcome: outcomeOf(n), status: statusOf(n), citizenId: input.citizenId }, now);
  await appendAudit(
    tx,
    { actorType: 'staff', actorId: input.staffUserId, action: 'reception.visit.result', subjectType: 'reception_visit', subjectId: visit.id, organisationId: visit.organisationId, details: { result: input.result, citizenId: input.citizenId } },
    now,
  );
  return true;
}
