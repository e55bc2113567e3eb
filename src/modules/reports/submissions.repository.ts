/** SQL for quarter_submissions and their history (quarter_submission_events). */
import type { Queryable } from '../../db/client.js';
import type { SubmissionStatus } from '../scoring/quarter/lock.js';
import { readStoredReport, type QuarterReport } from './report.js';

export interface QuarterTarget {
  regionId: string;
  municipalityId: string;
  year: number;
  quarter: 1 | 2 | 3 | 4;
}

export interface SubmissionView {
  id: string;
  status: SubmissionStatus;
  /** null: not edited, generated from the records */
  report: QuarterReport | null;
  reportEditedAt: Date | null;
  reportEditedByName: string | null;
  submittedAt: Date | null;
  submittedByName: string | null;
  /** the first submission ever (timeliness is judged by it), and its date in the region's time zone */
  firstSubmittedAt: Date | null;
  firstSubmittedOn: string | null;
  decidedAt: Date | null;
  decidedByName: string | null;
  returnComment: string | null;
  modelKey: string | null;
  modelVersion: number | null;
  revision: number;
}

const date = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(v as string));
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

const FIRST = `(select min(ev.at) from quarter_submission_events ev where ev.submission_id = s.id and ev.action = 'submitted')`;

const SELECT = `select s.id, s.status, s.report, s.report_edited_at, eu.full_name as edited_by_name, s.submitted_at, su.full_name as submitted_by_name,
       ${FIRST} as first_submitted_at,
       to_char((${FIRST} at time zone r.time_zone)::date, 'YYYY-MM-DD') as first_submitted_on,
       s.decided_at, du.full_name as decided_by_name, s.return_comment, s.model_key, s.model_version, s.revision
  from quarter_submissions s
  join regions r on r.id = s.region_id
  left join staff_users eu on eu.id = s.report_edited_by
  left join staff_users su on su.id = s.submitted_by
  left join staff_users du on du.id = s.decided_by`;

function toView(r: Record<string, unknown>): SubmissionView {
  return {
    id: String(r.id),
    status: String(r.status) as SubmissionStatus,
    report: readStoredReport(typeof r.report === 'string' ? JSON.parse(r.report) : r.report),
    reportEditedAt: date(r.report_edited_at),
    reportEditedByName: str(r.edited_by_name),
    submittedAt: date(r.submitted_at),
    submittedByName: str(r.submitted_by_name),
    firstSubmittedAt: date(r.first_submitted_at),
    firstSubmittedOn: str(r.first_submitted_on),
    decidedAt: date(r.decided_at),
    decidedByName: str(r.decided_by_name),
    returnComment: str(r.return_comment),
    modelKey: str(r.model_key),
    modelVersion: r.model_version === null || r.model_version === undefined ? null : Number(r.model_version),
    revision: Number(r.revision),
  };
}

export async function findSubmission(db: Queryable, t: QuarterTarget, forUpdate = false): Promise<SubmissionView | null> {
  if (forUpdate) {
    // Lock the row itself (the view's joins and aggregates cannot take FOR UPDATE).
    await db.query('select id from quarter_submissions where municipality_id = $1 and year = $2 and quarter = $3 for update', [t.municipalityId, t.year, t.quarter]);
  }
  const { rows } = await db.query<Record<string, unknown>>(`${SELECT} where s.municipality_id = $1 and s.year = $2 and s.quarter = $3`, [t.municipalityId, t.year, t.quarter]);
  return rows[0] ? toView(rows[0]) : null;
}

/** The row of the quarter, made (as a draft) when there is none yet; locked for the caller's transaction. */
export async function ensureSubmission(db: Queryable, t: QuarterTarget): Promise<SubmissionView> {
  await db.query(
    `insert into quarter_submissions (region_id, municipality_id, year, quarter) values ($1, $2, $3, $4)
     on conflict (municipality_id, year, quarter) do nothing`,
    [t.regionId, t.municipalityId, t.year, t.quarter],
  );
  return (await findSubmission(db, t, true))!;
}

export async function addSubmissionEvent(db: Queryable, e: { submissionId: string; action: string; comment?: string | null; actorId: string; at: Date }): Promise<void> {
  await db.query('insert into quarter_submission_events (submission_id, action, comment, actor_id, at) values ($1, $2, $3, $4, $5)', [
    e.submissionId,
    e.action,
    e.comment ?? null,
    e.actorId,
    e.at.toISOString(),
  ]);
}

export interface SubmissionEventView {
  action: string;
  comment: string | null;
  actorName: string | null;
  at: Date;
}

export async function listSubmissionEvents(db: Queryable, submissionId: string): Promise<SubmissionEventView[]> {
  const { rows } = await db.query<Record<string, unknown>>(
    `select ev.action, ev.comment, u.full_name, ev.at from quarter_submission_events ev left join staff_users u on u.id = ev.actor_id
      where ev.submission_id = $1 order by ev.at, ev.id`,
    [submissionId],
  );
  return rows.map((r) => ({ action: String(r.action), comment: str(r.comment), actorName: str(r.full_name), at: new Date(r.at as string) }));
}

export interface OverviewRow {
  municipalityId: string;
  municipalityName: string;
  status: SubmissionStatus;
  firstSubmittedOn: string | null;
  submittedAt: Date | null;
  decidedAt: Date | null;
}

/** Every municipality of the region with its submission of the quarter (draft when there is none). */
export async function listRegionSubmissions(db: Queryable, regionId: string, year: number, quarter: number): Promise<OverviewRow[]> {
  const { rows } = await db.query<Record<string, unknown>>(
    `select m.id, m.name, coalesce(s.status, 'draft') as status, s.submitted_at, s.decided_at,
            to_char((${FIRST} at time zone r.time_zone)::date, 'YYYY-MM-DD') as first_submitted_on
       from municipalities m
       join regions r on r.id = m.region_id
       left join quarter_submissions s on s.municipality_id = m.id and s.year = $2 and s.quarter = $3
      where m.region_id = $1
      order by m.name`,
    [regionId, year, quarter],
  );
  return rows.map((r) => ({
    municipalityId: String(r.id),
    municipalityName: String(r.name),
    status: String(r.status) as SubmissionStatus,
    firstSubmittedOn: str(r.first_submitted_on),
    submittedAt: date(r.submitted_at),
    decidedAt: date(r.decided_at),
  }));
}
