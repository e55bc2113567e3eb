/**
 * When a quarter's report is due and whether it came in time (seed 003:
 * «до 15 числа месяца, следующего после окончания квартала»). The date is the
 * 15th as the form says, whatever day of the week it falls on.
 */
import type { Quarter } from '../inputs/system-inputs.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** The 15th of the month after the quarter, YYYY-MM-DD. */
export function reportDueDate(q: Quarter): string {
  const month = q.quarter * 3 + 1; // 4, 7, 10, 13
  return month > 12 ? `${q.year + 1}-01-15` : `${q.year}-${pad(month)}-15`;
}

/**
 * - not_due: not submitted, and the due date has not passed;
 * - missing: not submitted, and the due date has passed;
 * - on_time / late: submitted (first submission's local date) on or before / after the due date.
 */
export type Timeliness = 'not_due' | 'missing' | 'on_time' | 'late';

export function timeliness(q: Quarter, submittedOn: string | null, today: string): Timeliness {
  const due = reportDueDate(q);
  if (submittedOn) return submittedOn <= due ? 'on_time' : 'late';
  return today > due ? 'missing' : 'not_due';
}
