/**
 * The quarter's submission: the coordinator edits the report (or goes back to
 * the generated one) and sends it to the region once the quarter has ended;
 * the regional administrator accepts it (the score is frozen as a
 * QuarterSnapshot with its model and version) or returns it with a comment,
 * after which it is editable again and is sent anew.
 *
 * Every change runs in one transaction with its history row
 * (quarter_submission_events) and its audit row, and bumps `revision`: a form
 * carries the revision it was made from and is refused as stale when the row
 * has moved on since (optimistic concurrency; nothing typed is lost, the page
 * shows it again).
 *
 * Timeliness is judged by the FIRST submission: a report sent by the 15th and
 * returned for corrections still came in on time (the date of the latest
 * submission is shown beside it).
 */
import type { Database } from '../../db/client.js';
import { appendAudit } from '../../platform/audit.js';
import type { StaffActor } from '../../platform/policy.js';
import { liveQuarterScore, type QuarterSnapshot } from '../scoring/quarter-score.js';
import { quarterBounds } from '../scoring/inputs/system-inputs.js';
import { generateQuarterReport } from './generate-report.js';
import type { QuarterReport, StoredReport } from './report.js';
import { addSubmissionEvent, ensureSubmission, type QuarterTarget, type SubmissionView } from './submissions.repository.js';

export type WorkflowError = 'stale' | 'locked' | 'notEnded' | 'alreadySubmitted' | 'notSubmitted' | 'commentRequired' | 'commentTooLong';
export type WorkflowResult = { ok: true; revision: number } | { ok: false; error: WorkflowError };

/** The moment of the change and the region's today (YYYY-MM-DD); the routes pass the real ones. */
export interface Clock {
  now: Date;
  today: string;
}

export const COMMENT_MAX = 2000;

const editable = (s: SubmissionView) => s.status === 'draft' || s.status === 'returned';

async function change(
  db: Database,
  actor: StaffActor,
  target: QuarterTarget,
  expectedRevision: number,
  step: (s: SubmissionView, tx: Parameters<Parameters<Database['transaction']>[0]>[0]) => Promise<{ error: WorkflowError } | { action: string; comment?: string | null; details?: Record<string, unknown> }>,
  now: Date,
): Promise<WorkflowResult> {
  return db.transaction(async (tx) => {
    const s = await ensureSubmission(tx, target);
    if (s.revision !== expectedRevision) return { ok: false, error: 'stale' } as const;
    const outcome = await step(s, tx);
    if ('error' in outcome) return { ok: false, error: outcome.error } as const;
    const revision = s.revision + 1;
    await tx.query('update quarter_submissions set revision = $2 where id = $1', [s.id, revision]);
    await addSubmissionEvent(tx, { submissionId: s.id, action: outcome.action, comment: outcome.comment ?? null, actorId: actor.id, at: now });
    await appendAudit(tx, {
      actorType: 'staff',
      actorId: actor.id,
      action: `scoring.quarter.${outcome.action}`,
      subjectType: 'quarter_submission',
      subjectId: s.id,
      details: { municipalityId: target.municipalityId, year: target.year, quarter: target.quarter, revision, ...outcome.details },
    });
    return { ok: true, revision } as const;
  });
}

const stored = (report: QuarterReport): string => JSON.stringify({ tables: report } satisfies StoredReport);

/** Saves the edited tables (the coordinator, while the quarter is a draft or returned). */
export function saveReport(db: Database, actor: StaffActor, target: QuarterTarget, report: QuarterReport, expectedRevision: number, now = new Date()): Promise<WorkflowResult> {
  return change(
    db,
    actor,
    target,
    expectedRevision,
    async (s, tx) => {
      if (!editable(s)) return { error: 'locked' };
      await tx.query('update quarter_submissions set report = $2::jsonb, report_edited_by = $3, report_edited_at = $4 where id = $1', [s.id, stored(report), actor.id, now.toISOString()]);
      return { action: 'report_edited', details: { rows: { websites: report.websites.length, reception: report.reception.length, consultations: report.consultations.length } } };
    },
    now,
  );
}

/** «Вернуть данные системы»: drops the edits; the report is generated from the records again. */
export function resetReport(db: Database, actor: StaffActor, target: QuarterTarget, expectedRevision: number, now = new Date()): Promise<WorkflowResult> {
  return change(
    db,
    actor,
    target,
    expectedRevision,
    async (s, tx) => {
      if (!editable(s)) return { error: 'locked' };
      await tx.query('update quarter_submissions set report = null, report_edited_by = $2, report_edited_at = $3 where id = $1', [s.id, actor.id, now.toISOString()]);
      return { action: 'report_reset' };
    },
    now,
  );
}

/**
 * «Отправить в регион»: once the quarter has ended, from a draft or a returned
 * quarter. The report is stored as sent (generated now when it was never edited).
 */
export function submitQuarter(db: Database, actor: StaffActor, target: QuarterTarget, expectedRevision: number, clock: Clock): Promise<WorkflowResult> {
  return change(
    db,
    actor,
    target,
    expectedRevision,
    async (s, tx) => {
      if (s.status === 'submitted' || s.status === 'accepted') return { error: 'alreadySubmitted' };
      if (clock.today <= quarterBounds(target).to) return { error: 'notEnded' };
      const report = s.report ?? (await generateQuarterReport(tx, target));
      await tx.query(`update quarter_submissions set status = 'submitted', report = $2::jsonb, submitted_by = $3, submitted_at = $4 where id = $1`, [
        s.id,
        stored(report),
        actor.id,
        clock.now.toISOString(),
      ]);
      return { action: 'submitted', details: { resubmission: s.status === 'returned' } };
    },
    clock.now,
  );
}

/** «Принять»: the region freezes the figures as they are now (the score's snapshot with its model version). */
export function acceptQuarter(db: Database, actor: StaffActor, target: QuarterTarget, expectedRevision: number, clock: Clock): Promise<WorkflowResult> {
  return change(
    db,
    actor,
    target,
    expectedRevision,
    async (s, tx) => {
      if (s.status !== 'submitted') return { error: 'notSubmitted' };
      const live = await liveQuarterScore(tx, { ...target, today: clock.today });
      const snapshot: QuarterSnapshot = { model: live.model, evaluation: live.evaluation, inputs: live.inputs, sources: live.sources, frozenAt: clock.now.toISOString() };
      await tx.query(
        `update quarter_submissions set status = 'accepted', snapshot = $2::jsonb, model_key = $3, model_version = $4, decided_by = $5, decided_at = $6 where id = $1`,
        [s.id, JSON.stringify(snapshot), live.model.id, live.model.version, actor.id, clock.now.toISOString()],
      );
      return { action: 'accepted', details: { modelKey: live.model.id, modelVersion: live.model.version, P: live.evaluation.nodes['P']?.value ?? null } };
    },
    clock.now,
  );
}

/** «Вернуть на доработку» with the region's comment (required). */
export function returnQuarter(db: Database, actor: StaffActor, target: QuarterTarget, comment: string, expectedRevision: number, now = new Date()): Promise<WorkflowResult> {
  const text = comment.trim();
  if (!text) return Promise.resolve({ ok: false, error: 'commentRequired' });
  if (text.length > COMMENT_MAX) return Promise.resolve({ ok: false, error: 'commentTooLong' });
  return change(
    db,
    actor,
    target,
    expectedRevision,
    async (s, tx) => {
      if (s.status !== 'submitted') return { error: 'notSubmitted' };
      await tx.query(`update quarter_submissions set status = 'returned', return_comment = $2, decided_by = $3, decided_at = $4 where id = $1`, [s.id, text, actor.id, now.toISOString()]);
      return { action: 'returned', comment: text };
    },
    now,
  );
}
