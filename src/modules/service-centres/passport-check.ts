/**
 * The operator re-enters the passport series and number from the document
 * the citizen shows; they must match the stored data (digits compared).
 * Three mismatches for the same account within an hour lock the check for
 * that account for an hour (confirmation and restoring access alike).
 * Mismatches are counted from the audit log, where each is recorded.
 */
import type { Queryable } from '../../db/client.js';
import type { Lang } from '../../platform/i18n.js';
import { checkPassportNumber, checkPassportSeries } from '../../platform/identifiers/index.js';
import type { FieldErrors } from '../identity/personal-data.js';
import { passportMismatchTimes } from './operator.repository.js';
import { nameEmptyFields } from './required-fields.js';

export const PASSPORT_CHECK_POLICY = { maxMismatches: 3, windowMs: 3_600_000, lockMs: 3_600_000 } as const;

export interface PassportEntry {
  series: string;
  number: string;
}

export function digits(value: string): string {
  return value.replace(/\D/g, '');
}

/** Format errors only (no strike): 4 digits and 6 digits. */
export function parsePassportEntry(lang: Lang, series: string, number: string): { entry: PassportEntry | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const s = checkPassportSeries(series);
  if (!s.valid) errors.passportSeries = lang === 'ru' ? s.reason : s.reasonEn;
  const n = checkPassportNumber(number);
  if (!n.valid) errors.passportNumber = lang === 'ru' ? n.reason : n.reasonEn;
  if (!s.valid || !n.valid) return { entry: null, errors: nameEmptyFields(lang, { passportSeries: series, passportNumber: number }, errors) };
  return { entry: { series: s.normalized, number: n.normalized }, errors };
}

export function passportMatches(stored: PassportEntry, typed: PassportEntry): boolean {
  return digits(stored.series) === digits(typed.series) && digits(stored.number) === digits(typed.number);
}

export interface PassportLock {
  locked: boolean;
  /** when the lock ends (null when not locked) */
  until: Date | null;
  /** mismatches left before the lock, counting those of the last hour */
  attemptsLeft: number;
}

/** Whether the passport check is locked for this account now, from the mismatches recorded. */
export async function passportLock(db: Queryable, citizenId: string, now: Date): Promise<PassportLock> {
  const { maxMismatches, windowMs, lockMs } = PASSPORT_CHECK_POLICY;
  const times = await passportMismatchTimes(db, citizenId, new Date(now.getTime() - windowMs - lockMs));
  let until = 0;
  for (let i = maxMismatches - 1; i < times.length; i++) {
    const first = times[i - (maxMismatches - 1)]!.getTime();
    const last = times[i]!.getTime();
    if (last - first <= windowMs) until = Math.max(until, last + lockMs);
  }
  const recent = times.filter((t) => t.getTime() > now.getTime() - windowMs).length;
  const locked = until > now.getTime();
  return { locked, until: locked ? new Date(until) : null, attemptsLeft: locked ? 0 : Math.max(0, maxMismatches - recent) };
}
