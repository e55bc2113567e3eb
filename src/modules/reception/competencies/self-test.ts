/**
 * The timed self-test: QUESTIONS_PER_TEST questions drawn from the region's
 * active bank, TEST_MINUTES to answer, results kept per employee. Answers
 * submitted after the time allowed (plus a short grace for the network) are
 * not counted: the attempt is kept as «время вышло» with no score.
 * A region without questions gets the shipped default bank copied in first.
 */
import { randomInt } from 'node:crypto';
import type { Queryable } from '../../../db/client.js';
import { appendAudit } from '../../../platform/audit.js';
import { DEFAULT_QUESTIONS, QUESTION_TOPICS, type QuestionTopic } from './default-questions.js';

export const QUESTIONS_PER_TEST = 10;
export const TEST_MINUTES = 10;
export const PASS_SHARE = 0.8;
const GRACE_MS = 30_000;

type Tx = { transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> } & Queryable;

export interface Question {
  id: string;
  topic: QuestionTopic;
  question: string;
  options: string[];
  correct: number;
  active: boolean;
}

export interface Attempt {
  id: string;
  staffUserId: string;
  startedAt: Date;
  deadlineAt: Date;
  finishedAt: Date | null;
  questions: Array<{ id: string; topic: string; question: string; options: string[]; correct: number }>;
  answers: Array<number | null> | null;
  score: number | null;
  total: number;
  expired: boolean;
}

/** Copies the default bank into a region that has no questions yet (idempotent under concurrency: one transaction with a lock on the region row). */
export async function ensureQuestionBank(db: Tx, regionId: string): Promise<void> {
  const { rows } = await db.query<{ n: number }>('select count(*)::int as n from reception_questions where region_id = $1', [regionId]);
  if (Number(rows[0]!.n) > 0) return;
  await db.transaction(async (tx) => {
    await tx.query('select id from regions where id = $1 for update', [regionId]);
    const again = await tx.query<{ n: number }>('select count(*)::int as n from reception_questions where region_id = $1', [regionId]);
    if (Number(again.rows[0]!.n) > 0) return;
    for (const q of DEFAULT_QUESTIONS) {
      await tx.query('insert into reception_questions (region_id, topic, question, options, correct) values ($1, $2, $3, $4::jsonb, $5)', [regionId, q.topic, q.question, JSON.stringify(q.options), q.correct]);
    }
  });
}

function questionRow(r: Record<string, unknown>): Question {
  return { id: String(r.id), topic: r.topic as QuestionTopic, question: String(r.question), options: r.options as string[], correct: Number(r.correct), active: Boolean(r.active) };
}

export async function listQuestions(db: Queryable, regionId: string): Promise<Question[]> {
  const { rows } = await db.query(`select id, topic, question, options, correct, active from reception_questions where region_id = $1 order by active desc, topic, question`, [regionId]);
  return rows.map(questionRow);
}

export async function findQuestion(db: Queryable, id: string): Promise<(Question & { regionId: string }) | null> {
  const { rows } = await db.query('select id, region_id, topic, question, options, correct, active from reception_questions where id = $1', [id]);
  return rows[0] ? { ...questionRow(rows[0]), regionId: String(rows[0].region_id) } : null;
}

export interface QuestionInput {
  topic: string;
  question: string;
  options: string[];
  correct: string;
  active: boolean;
}

export type QuestionErrors = Partial<Record<'topic' | 'question' | 'options' | 'correct', 'topicRequired' | 'questionRequired' | 'optionsRequired' | 'correctRequired'>>;

/** Checks a question typed by the region: a topic, the text, 2–6 options, the right one among them. */
export function parseQuestion(input: QuestionInput): { ok: true; value: Omit<Question, 'id'> } | { ok: false; errors: QuestionErrors } {
  const errors: QuestionErrors = {};
  const topic = QUESTION_TOPICS.find((x) => x === input.topic);
  if (!topic) errors.topic = 'topicRequired';
  const question = input.question.trim().replace(/\s+/g, ' ');
  if (question.length < 5 || question.length > 500) errors.question = 'questionRequired';
  const filled = input.options.map((o) => o.trim().replace(/\s+/g, ' '));
  const options = filled.filter(Boolean);
  if (options.length < 2 || options.some((o) => o.length > 300)) errors.options = 'optionsRequired';
  // «correct» is the index among the option fields as shown; it must point at a filled one.
  const shown = Number(input.correct);
  const correct = Number.isInteger(shown) && filled[shown] ? options.indexOf(filled[shown]!) : -1;
  if (correct < 0 && !errors.options) errors.correct = 'correctRequired';
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, value: { topic: topic!, question, options, correct, active: input.active } };
}

export async function saveQuestion(db: Tx, actorId: string, regionId: string, id: string | null, q: Omit<Question, 'id'>): Promise<string> {
  return db.transaction(async (tx) => {
    let questionId = id;
    if (questionId) {
      await tx.query('update reception_questions set topic = $2, question = $3, options = $4::jsonb, correct = $5, active = $6, updated_by = $7, updated_at = now() where id = $1', [
        questionId,
        q.topic,
        q.question,
        JSON.stringify(q.options),
        q.correct,
        q.active,
        actorId,
      ]);
    } else {
      const { rows } = await tx.query<{ id: string }>('insert into reception_questions (region_id, topic, question, options, correct, active, updated_by) values ($1, $2, $3, $4::jsonb, $5, $6, $7) returning id', [
        regionId,
        q.topic,
        q.question,
        JSON.stringify(q.options),
        q.correct,
        q.active,
        actorId,
      ]);
      questionId = rows[0]!.id;
    }
    await appendAudit(tx, { actorType: 'staff', actorId, action: id ? 'reception.question.update' : 'reception.question.create', subjectType: 'reception_question', subjectId: questionId, details: { topic: q.topic, active: q.active } });
    return questionId;
  });
}

/** Draws up to n questions, spread over the topics first (round robin over shuffled topics), then at random. */
export function drawQuestions<T extends { topic: string }>(bank: readonly T[], n: number, random: (max: number) => number = randomInt): T[] {
  const pool = [...bank];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = random(i + 1);
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  const byTopic = new Map<string, T[]>();
  for (const q of pool) byTopic.set(q.topic, [...(byTopic.get(q.topic) ?? []), q]);
  const out: T[] = [];
  while (out.length < n && [...byTopic.values()].some((l) => l.length)) {
    for (const list of byTopic.values()) {
      const q = list.shift();
      if (q && out.length < n) out.push(q);
    }
  }
  return out;
}

function attemptRow(r: Record<string, unknown>): Attempt {
  return {
    id: String(r.id),
    staffUserId: String(r.staff_user_id),
    startedAt: new Date(r.started_at as string),
    deadlineAt: new Date(r.deadline_at as string),
    finishedAt: r.finished_at ? new Date(r.finished_at as string) : null,
    questions: r.questions as Attempt['questions'],
    answers: (r.answers as Attempt['answers']) ?? null,
    score: r.score === null || r.score === undefined ? null : Number(r.score),
    total: Number(r.total),
    expired: Boolean(r.expired),
  };
}

const ATTEMPT_COLUMNS = 'id, staff_user_id, started_at, deadline_at, finished_at, questions, answers, score, total, expired';

export async function startAttempt(db: Tx, actor: { id: string; regionId: string; organisationId: string | null }, now = new Date()): Promise<string | null> {
  await ensureQuestionBank(db, actor.regionId);
  const bank = (await listQuestions(db, actor.regionId)).filter((q) => q.active);
  if (bank.length === 0) return null;
  const questions = drawQuestions(bank, QUESTIONS_PER_TEST).map((q) => ({ id: q.id, topic: q.topic, question: q.question, options: q.options, correct: q.correct }));
  const deadline = new Date(now.getTime() + TEST_MINUTES * 60_000);
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: string }>(
      'insert into reception_test_attempts (staff_user_id, region_id, started_at, deadline_at, questions, total) values ($1, $2, $3, $4, $5::jsonb, $6) returning id',
      [actor.id, actor.regionId, now.toISOString(), deadline.toISOString(), JSON.stringify(questions), questions.length],
    );
    await appendAudit(tx, { actorType: 'staff', actorId: actor.id, action: 'reception.self_test.start', subjectType: 'reception_test_attempt', subjectId: rows[0]!.id, organisationId: actor.organisationId, details: { questions: questions.length } }, now);
    return rows[0]!.id;
  });
}

export async function findAttempt(db: Queryable, id: string): Promise<Attempt | null> {
  const { rows } = await db.query(`select ${ATTEMPT_COLUMNS} from reception_test_attempts where id = $1`, [id]);
  return rows[0] ? attemptRow(rows[0]) : null;
}

export async function listAttempts(db: Queryable, staffId: string): Promise<Attempt[]> {
  const { rows } = await db.query(`select ${ATTEMPT_COLUMNS} from reception_test_attempts where staff_user_id = $1 order by started_at desc limit 20`, [staffId]);
  return rows.map(attemptRow);
}

/** Scores the answers (form values `q0`…`qN` = option index); late answers count for nothing. */
export function scoreAnswers(attempt: Pick<Attempt, 'questions' | 'deadlineAt'>, form: Record<string, string | undefined>, now: Date): { answers: Array<number | null>; score: number; expired: boolean } {
  const answers = attempt.questions.map((q, i) => {
    const v = form[`q${i}`];
    const n = v !== undefined && /^\d{1,2}$/.test(v) ? Number(v) : null;
    return n !== null && n < q.options.length ? n : null;
  });
  const expired = now.getTime() > attempt.deadlineAt.getTime() + GRACE_MS;
  const score = expired ? 0 : answers.filter((a, i) => a === attempt.questions[i]!.correct).length;
  return { answers, score, expired };
}

export async function finishAttempt(db: Tx, actor: { id: string; organisationId: string | null }, attemptId: string, form: Record<string, string | undefined>, now = new Date()): Promise<Attempt | null> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query(`select ${ATTEMPT_COLUMNS} from reception_test_attempts where id = $1 for update`, [attemptId]);
    const attempt = rows[0] ? attemptRow(rows[0]) : null;
    if (!attempt || attempt.staffUserId !== actor.id) return null;
    if (attempt.finishedAt) return attempt;
    const r = scoreAnswers(attempt, form, now);
    await tx.query('update reception_test_attempts set finished_at = $2, answers = $3::jsonb, score = $4, expired = $5 where id = $1', [attemptId, now.toISOString(), JSON.stringify(r.answers), r.expired ? null : r.score, r.expired]);
    await appendAudit(tx, { actorType: 'staff', actorId: actor.id, action: 'reception.self_test.finish', subjectType: 'reception_test_attempt', subjectId: attemptId, organisationId: actor.organisationId, details: { score: r.expired ? null : r.score, total: attempt.total, expired: r.expired } }, now);
    return { ...attempt, finishedAt: now, answers: r.answers, score: r.expired ? null : r.score, expired: r.expired };
  });
}
