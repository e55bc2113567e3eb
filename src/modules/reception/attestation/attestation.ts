/**
 * Attestation sessions of the reception competencies (seed 004 4.1.2–4.1.5:
 * «оценку уровня знаний … осуществлять при … аттестации»). A municipal
 * coordinator (for their municipality's staff) or the regional administrator
 * (for the region's) schedules a session: a window of days (the region's
 * dates, inclusive), the time allowed, how many questions are drawn from the
 * region's bank, the pass mark, and who is summoned. Each summoned employee
 * takes it once inside the window; the self-test engine draws and scores the
 * questions (../competencies/self-test.ts). Results stay per employee and
 * session; every change is audited in its transaction.
 */
import type { Queryable } from '../../../db/client.js';
import { appendAudit } from '../../../platform/audit.js';
import type { StaffActor } from '../../../platform/policy.js';
import { parseDecreeDate } from '../../outreach/approve-plan.js';
import { drawQuestions, ensureQuestionBank, listQuestions, scoreAnswers } from '../competencies/self-test.js';

type Tx = { transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> } & Queryable;

export const MINUTES_RANGE = [5, 120] as const;
export const QUESTIONS_RANGE = [3, 40] as const;
export const PASS_RANGE = [50, 100] as const;
/** how far ahead a session may be scheduled (days) and how long its window may be */
export const MAX_DAYS_AHEAD = 366;
export const MAX_WINDOW_DAYS = 62;
const GRACE_MS = 30_000;

export interface AttestationFormValues {
  title: string;
  opensOn: string;
  closesOn: string;
  minutes: string;
  questionCount: string;
  passPercent: string;
  staff: string[];
}

export type AttestationField = 'title' | 'opensOn' | 'closesOn' | 'minutes' | 'questionCount' | 'passPercent' | 'staff';
export type AttestationErrorCode =
  | 'errTitle'
  | 'errOpensOn'
  | 'errOpensPast'
  | 'errClosesOn'
  | 'errWindow'
  | 'errMinutes'
  | 'errQuestionCount'
  | 'errPassPercent'
  | 'errStaff';

export interface AttestationInput {
  title: string;
  opensOn: string;
  closesOn: string;
  minutes: number;
  questionCount: number;
  passPercent: number;
  staffIds: string[];
}

const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
const intIn = (v: string, [lo, hi]: readonly [number, number]) => (/^\d{1,4}$/.test(v.trim()) && Number(v) >= lo && Number(v) <= hi ? Number(v) : null);

/** Checks the organiser's form. `allowed`: the ids of the employees they may summon; `today`: the region's. */
export function parseAttestation(
  v: AttestationFormValues,
  ctx: { today: string; allowed: ReadonlySet<string> },
): { ok: true; value: AttestationInput } | { ok: false; errors: Array<{ field: AttestationField; code: AttestationErrorCode }> } {
  const errors: Array<{ field: AttestationField; code: AttestationErrorCode }> = [];
  const title = v.title.trim().replace(/\s+/g, ' ');
  if (title.length < 3 || title.length > 200) errors.push({ field: 'title', code: 'errTitle' });
  const opensOn = parseDecreeDate(v.opensOn);
  if (!opensOn) errors.push({ field: 'opensOn', code: 'errOpensOn' });
  else if (opensOn < ctx.today || daysBetween(ctx.today, opensOn) > MAX_DAYS_AHEAD) errors.push({ field: 'opensOn', code: 'errOpensPast' });
  const closesOn = v.closesOn.trim() === '' && opensOn ? opensOn : parseDecreeDate(v.closesOn);
  if (!closesOn) errors.push({ field: 'closesOn', code: 'errClosesOn' });
  else if (opensOn && (closesOn < opensOn || daysBetween(opensOn, closesOn) >= MAX_WINDOW_DAYS)) errors.push({ field: 'closesOn', code: 'errWindow' });
  const minutes = intIn(v.minutes, MINUTES_RANGE);
  if (minutes === null) errors.push({ field: 'minutes', code: 'errMinutes' });
  const questionCount = intIn(v.questionCount, QUESTIONS_RANGE);
  if (questionCount === null) errors.push({ field: 'questionCount', code: 'errQuestionCount' });
  const passPercent = intIn(v.passPercent, PASS_RANGE);
  if (passPercent === null) errors.push({ field: 'passPercent', code: 'errPassPercent' });
  const staffIds = [...new Set(v.staff)];
  if (staffIds.length === 0 || staffIds.some((id) => !ctx.allowed.has(id))) errors.push({ field: 'staff', code: 'errStaff' });
  if (errors.length) return { ok: false, errors };
  return { ok: true, value: { title, opensOn: opensOn!, closesOn: closesOn!, minutes: minutes!, questionCount: questionCount!, passPercent: passPercent!, staffIds } };
}

/** Right answers needed to pass: the pass mark's share of the questions asked, rounded up. */
export function passScore(total: number, passPercent: number): number {
  return Math.ceil((total * passPercent) / 100 - 1e-9);
}

export interface Attestation {
  id: string;
  regionId: string;
  municipalityId: string | null;
  municipalityName: string | null;
  title: string;
  opensOn: string;
  closesOn: string;
  minutes: number;
  questionCount: number;
  passPercent: number;
  createdAt: Date;
}

export type ResultStatus = 'upcoming' | 'open' | 'in_progress' | 'passed' | 'failed' | 'expired' | 'missed';

export interface AttestationResult {
  staffUserId: string;
  fullName: string;
  organisationName: string | null;
  startedAt: Date | null;
  deadlineAt: Date | null;
  finishedAt: Date | null;
  questions: Array<{ id: string; topic: string; question: string; options: string[]; correct: number }> | null;
  answers: Array<number | null> | null;
  score: number | null;
  total: number | null;
  expired: boolean;
}

/** Where a summoned employee stands, on the region's `today` at the instant `now`. */
export function resultStatus(a: Pick<Attestation, 'opensOn' | 'closesOn' | 'passPercent'>, r: Pick<AttestationResult, 'startedAt' | 'deadlineAt' | 'finishedAt' | 'score' | 'total' | 'expired'>, today: string, now: Date): ResultStatus {
  if (r.finishedAt) return r.expired ? 'expired' : (r.score ?? 0) >= passScore(r.total ?? 0, a.passPercent) ? 'passed' : 'failed';
  if (r.startedAt) return r.deadlineAt && now.getTime() > r.deadlineAt.getTime() + GRACE_MS ? 'expired' : 'in_progress';
  if (today < a.opensOn) return 'upcoming';
  return today > a.closesOn ? 'missed' : 'open';
}

const ATTESTATION_SELECT = `select a.id, a.region_id, a.municipality_id, m.name as municipality_name, a.title, to_char(a.opens_on, 'YYYY-MM-DD') as opens_on,
  to_char(a.closes_on, 'YYYY-MM-DD') as closes_on, a.minutes, a.question_count, a.pass_percent, a.created_at
  from reception_attestations a left join municipalities m on m.id = a.municipality_id`;

function attestationRow(r: Record<string, unknown>): Attestation {
  return {
    id: String(r.id),
    regionId: String(r.region_id),
    municipalityId: (r.municipality_id as string | null) ?? null,
    municipalityName: (r.municipality_name as string | null) ?? null,
    title: String(r.title),
    opensOn: String(r.opens_on),
    closesOn: String(r.closes_on),
    minutes: Number(r.minutes),
    questionCount: Number(r.question_count),
    passPercent: Number(r.pass_percent),
    createdAt: new Date(r.created_at as string),
  };
}

const RESULT_COLUMNS = `r.staff_user_id, u.full_name, o.short_name as organisation_name, r.started_at, r.deadline_at, r.finished_at, r.questions, r.answers, r.score, r.total, r.expired`;

function resultRow(r: Record<string, unknown>): AttestationResult {
  const date = (v: unknown) => (v ? new Date(v as string) : null);
  return {
    staffUserId: String(r.staff_user_id),
    fullName: String(r.full_name),
    organisationName: (r.organisation_name as string | null) ?? null,
    startedAt: date(r.started_at),
    deadlineAt: date(r.deadline_at),
    finishedAt: date(r.finished_at),
    questions: (r.questions as AttestationResult['questions']) ?? null,
    answers: (r.answers as AttestationResult['answers']) ?? null,
    score: r.score === null || r.score === undefined ? null : Number(r.score),
    total: r.total === null || r.total === undefined ? null : Number(r.total),
    expired: Boolean(r.expired),
  };
}

export async function findAttestation(db: Queryable, id: string): Promise<Attestation | null> {
  const { rows } = await db.query(`${ATTESTATION_SELECT} where a.id = $1`, [id]);
  return rows[0] ? attestationRow(rows[0]) : null;
}

export interface AttestationSummary extends Attestation {
  summoned: number;
  finished: number;
  passed: number;
}

/** Sessions of a region (all of them) or of one municipality (its own and none of the region's), newest window first. */
export async function listAttestations(db: Queryable, filter: { regionId: string; municipalityId?: string | null }): Promise<AttestationSummary[]> {
  const { rows } = await db.query(
    `select x.*, (select count(*)::int from reception_attestation_results r where r.attestation_id = x.id) as summoned,
            (select count(*)::int from reception_attestation_results r where r.attestation_id = x.id and r.finished_at is not null) as finished,
            (select count(*)::int from reception_attestation_results r
              where r.attestation_id = x.id and r.finished_at is not null and not r.expired
                and r.score >= ceil(r.total * x.pass_percent / 100.0 - 0.000000001)) as passed
       from (${ATTESTATION_SELECT} where a.region_id = $1 and ($2::uuid is null or a.municipality_id = $2::uuid)) x
      order by x.opens_on desc, x.created_at desc`,
    [filter.regionId, filter.municipalityId ?? null],
  );
  return rows.map((r) => ({ ...attestationRow(r), summoned: Number(r.summoned), finished: Number(r.finished), passed: Number(r.passed) }));
}

export async function listResults(db: Queryable, attestationId: string): Promise<AttestationResult[]> {
  const { rows } = await db.query(
    `select ${RESULT_COLUMNS} from reception_attestation_results r join staff_users u on u.id = r.staff_user_id left join organisations o on o.id = u.organisation_id
      where r.attestation_id = $1 order by o.short_name nulls first, u.full_name`,
    [attestationId],
  );
  return rows.map(resultRow);
}

export async function findResult(db: Queryable, attestationId: string, staffId: string): Promise<AttestationResult | null> {
  const { rows } = await db.query(
    `select ${RESULT_COLUMNS} from reception_attestation_results r join staff_users u on u.id = r.staff_user_id left join organisations o on o.id = u.organisation_id
      where r.attestation_id = $1 and r.staff_user_id = $2`,
    [attestationId, staffId],
  );
  return rows[0] ? resultRow(rows[0]) : null;
}

/** The sessions an employee is summoned to, with their own result, newest window first. */
export async function listMyAttestations(db: Queryable, staffId: string): Promise<Array<{ attestation: Attestation; result: AttestationResult }>> {
  const { rows } = await db.query(
    `select a.*, ${RESULT_COLUMNS}
       from (${ATTESTATION_SELECT}) a
       join reception_attestation_results r on r.attestation_id = a.id
       join staff_users u on u.id = r.staff_user_id left join organisations o on o.id = u.organisation_id
      where r.staff_user_id = $1 order by a.opens_on desc, a.created_at desc`,
    [staffId],
  );
  return rows.map((r) => ({ attestation: attestationRow(r), result: resultRow(r) }));
}

/** Schedules a session and summons the employees, in one audited transaction. */
export async function createAttestation(db: Tx, actor: StaffActor, place: { regionId: string; municipalityId: string | null }, input: AttestationInput): Promise<string> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: string }>(
      `insert into reception_attestations (region_id, municipality_id, title, opens_on, closes_on, minutes, question_count, pass_percent, created_by)
       values ($1, $2, $3, $4::date, $5::date, $6, $7, $8, $9) returning id`,
      [place.regionId, place.municipalityId, input.title, input.opensOn, input.closesOn, input.minutes, input.questionCount, input.passPercent, actor.id],
    );
    const id = rows[0]!.id;
    await tx.query('insert into reception_attestation_results (attestation_id, staff_user_id) select $1::uuid, s from unnest($2::uuid[]) as s', [id, input.staffIds]);
    await appendAudit(tx, {
      actorType: 'staff',
      actorId: actor.id,
      action: 'reception.attestation.create',
      subjectType: 'reception_attestation',
      subjectId: id,
      details: { municipalityId: place.municipalityId, opensOn: input.opensOn, closesOn: input.closesOn, minutes: input.minutes, questionCount: input.questionCount, passPercent: input.passPercent, staff: input.staffIds.length },
    });
    return id;
  });
}

export type StartResult = { ok: true } | { ok: false; code: 'not_summoned' | 'not_open' | 'already_taken' | 'no_questions' };

/** Starts the employee's one attempt: draws the questions and sets the deadline. Refused outside the window or when already started. */
export async function startAttestation(db: Tx, actor: StaffActor, attestation: Attestation, today: string, now = new Date()): Promise<StartResult> {
  if (today < attestation.opensOn || today > attestation.closesOn) return { ok: false, code: 'not_open' };
  await ensureQuestionBank(db, attestation.regionId);
  const bank = (await listQuestions(db, attestation.regionId)).filter((q) => q.active);
  if (bank.length === 0) return { ok: false, code: 'no_questions' };
  const questions = drawQuestions(bank, attestation.questionCount).map((q) => ({ id: q.id, topic: q.topic, question: q.question, options: q.options, correct: q.correct }));
  const deadline = new Date(now.getTime() + attestation.minutes * 60_000);
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ started: boolean }>('select started_at is not null as started from reception_attestation_results where attestation_id = $1 and staff_user_id = $2 for update', [attestation.id, actor.id]);
    if (!rows[0]) return { ok: false, code: 'not_summoned' } as const;
    if (rows[0].started) return { ok: false, code: 'already_taken' } as const;
    await tx.query('update reception_attestation_results set started_at = $3, deadline_at = $4, questions = $5::jsonb, total = $6 where attestation_id = $1 and staff_user_id = $2', [
      attestation.id,
      actor.id,
      now.toISOString(),
      deadline.toISOString(),
      JSON.stringify(questions),
      questions.length,
    ]);
    await appendAudit(tx, { actorType: 'staff', actorId: actor.id, action: 'reception.attestation.start', subjectType: 'reception_attestation', subjectId: attestation.id, organisationId: actor.organisationId, details: { questions: questions.length } }, now);
    return { ok: true } as const;
  });
}

/** Scores the answers (form values q0…qN); answers after the time allowed count for nothing. A second submission changes nothing. */
export async function finishAttestation(db: Tx, actor: StaffActor, attestation: Attestation, form: Record<string, string | undefined>, now = new Date()): Promise<AttestationResult | null> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query(
      `select ${RESULT_COLUMNS} from reception_attestation_results r join staff_users u on u.id = r.staff_user_id left join organisations o on o.id = u.organisation_id
        where r.attestation_id = $1 and r.staff_user_id = $2 for update of r`,
      [attestation.id, actor.id],
    );
    const result = rows[0] ? resultRow(rows[0]) : null;
    if (!result || !result.startedAt || !result.questions || !result.deadlineAt) return null;
    if (result.finishedAt) return result;
    const r = scoreAnswers({ questions: result.questions, deadlineAt: result.deadlineAt }, form, now);
    const score = r.expired ? null : r.score;
    await tx.query('update reception_attestation_results set finished_at = $3, answers = $4::jsonb, score = $5, expired = $6 where attestation_id = $1 and staff_user_id = $2', [
      attestation.id,
      actor.id,
      now.toISOString(),
      JSON.stringify(r.answers),
      score,
      r.expired,
    ]);
    const passed = !r.expired && r.score >= passScore(result.questions.length, attestation.passPercent);
    await appendAudit(tx, { actorType: 'staff', actorId: actor.id, action: 'reception.attestation.finish', subjectType: 'reception_attestation', subjectId: attestation.id, organisationId: actor.organisationId, details: { score, total: result.questions.length, expired: r.expired, passed } }, now);
    return { ...result, finishedAt: now, answers: r.answers, score, expired: r.expired };
  });
}
