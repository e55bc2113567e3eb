/**
 * A quarter's figures can be changed only while its submission is a draft or
 * has been returned: once submitted the region is looking at them, once
 * accepted they are frozen (quarter_submissions.snapshot).
 */
import type { Queryable } from '../../../db/client.js';

export type SubmissionStatus = 'draft' | 'submitted' | 'accepted' | 'returned';

export async function submissionStatus(db: Queryable, municipalityId: string, year: number, quarter: number): Promise<SubmissionStatus> {
  const { rows } = await db.query<{ status: SubmissionStatus }>(
    'select status from quarter_submissions where municipality_id = $1 and year = $2 and quarter = $3',
    [municipalityId, year, quarter],
  );
  return rows[0]?.status ?? 'draft';
}

/** True when the quarter's inputs and report may not be edited (submitted or accepted). */
export async function quarterLocked(db: Queryable, municipalityId: string, year: number, quarter: number): Promise<boolean> {
  const status = await submissionStatus(db, municipalityId, year, quarter);
  return status === 'submitted' || status === 'accepted';
}
