/** Types and names shared by the registry checks of step 3 (see verification.jobs.ts). */
import type { RegistryMismatchReason } from '../../platform/adapters.js';

export type { RegistryMismatchReason };

export const REGISTRIES = ['pension_fund', 'migration_service'] as const;
/** pension_fund checks the SNILS, migration_service the passport */
export type RegistryName = (typeof REGISTRIES)[number];

export function isRegistryName(value: unknown): value is RegistryName {
  return typeof value === 'string' && (REGISTRIES as readonly string[]).includes(value);
}

/** Statuses a citizen can see. */
export type CheckRowStatus = 'queued' | 'in_progress' | 'matched' | 'mismatch' | 'unavailable';
/** Rows of an older data version that was replaced before its checks finished. Never shown, never counted. */
export const SUPERSEDED = 'superseded';
export type StoredCheckStatus = CheckRowStatus | typeof SUPERSEDED;

/** The row has an answer (or has given up for now). `unavailable` is not final until the resume window (24 h) has passed. */
export const SETTLED_STATUSES: readonly CheckRowStatus[] = ['matched', 'mismatch', 'unavailable'];
export const UNSETTLED_STATUSES: readonly CheckRowStatus[] = ['queued', 'in_progress'];

/** pg-boss job that asks the registries for one citizen's data version. */
export const VERIFICATION_RUN_JOB = 'verification.run';
/** cron job: re-kicks `unavailable` checks younger than 24 h and lost runs. */
export const VERIFICATION_RESUME_JOB = 'verification.resume';

export interface VerificationJobData {
  citizenId: string;
  dataVersion: number;
}

/** What the registries are asked about: the citizen's personal data of one version, decrypted by the identity module. */
export interface CheckSubject {
  dataVersion: number;
  /** 11 digits */
  snils: string;
  /** series 4 digits, number 6 digits, issueDate yyyy-mm-dd */
  passport: { series: string; number: string; issueDate: string };
  lastName: string;
  firstName: string;
  middleName: string | null;
  /** yyyy-mm-dd */
  birthDate: string;
}

export type CheckOutcome =
  | { kind: 'passed' }
  | { kind: 'mismatch'; documents: Array<{ registry: RegistryName; reason: RegistryMismatchReason }> }
  | { kind: 'unavailable'; registries: RegistryName[] };

/** What the identity module provides: the data to check, and what to do with the result. */
export interface VerificationHooks {
  /** The citizen's current personal data, or null when there is none (account deleted, data withdrawn). */
  loadSubject(citizenId: string): Promise<CheckSubject | null>;
  /**
   * Every check of `dataVersion` has settled. Called once per settlement: a
   * version reported `unavailable` is reported again if a later retry (within
   * 24 h) gets an answer. If it throws, the report is retried later.
   */
  onSettled(citizenId: string, dataVersion: number, outcome: CheckOutcome): Promise<void>;
}
