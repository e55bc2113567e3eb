/**
 * What the region's overview says about a municipality's report:
 * «не сдан» (nothing sent, due date not passed), «просрочен» (nothing sent after
 * the 15th), «сдан вовремя» / «сдан с опозданием» (sent, waiting for the
 * region; judged by the first submission), «возвращён на доработку», «принят».
 */
import type { SubmissionStatus } from '../scoring/quarter/lock.js';
import { timeliness, type Timeliness } from '../scoring/quarter/due.js';
import type { Quarter } from '../scoring/inputs/system-inputs.js';

export type DisplayStatus = 'draft' | 'missing' | 'on_time' | 'late' | 'returned' | 'accepted';

export function reportTimeliness(q: Quarter, firstSubmittedOn: string | null, today: string): Timeliness {
  return timeliness(q, firstSubmittedOn, today);
}

export function displayStatus(q: Quarter, status: SubmissionStatus, firstSubmittedOn: string | null, today: string): DisplayStatus {
  if (status === 'accepted') return 'accepted';
  if (status === 'returned') return 'returned';
  const t = timeliness(q, status === 'submitted' ? firstSubmittedOn : null, today);
  if (status === 'submitted') return t === 'late' ? 'late' : 'on_time';
  return t === 'missing' ? 'missing' : 'draft';
}
