/**
 * The automatic checks of step 3: the pension fund (SNILS) and the migration
 * service (passport), asked in parallel by the job `verification.run`.
 *
 * One run for (citizen, data version):
 *  1. loads the subject through the hooks; skips if the data changed meanwhile
 *     (a newer version has its own run) or is gone;
 *  2. takes the version's rows that have no answer yet (queued / in_progress,
 *     and `unavailable` rows younger than 24 h when resumed), counts an attempt;
 *  3. asks both registries in parallel and records matched / mismatch (with
 *     the registry's reason code); a RegistryUnavailableError (timeout,
 *     network, 5xx) or a protocol error keeps the row in progress and sends the
 *     job again with a growing delay (10 s, 30 s, 90 s, 270 s); after the 5th
 *     try the row becomes `unavailable` — a check that cannot finish now, not
 *     a failure of the citizen's data;
 *  4. when every row of the version has settled, calls hooks.onSettled once
 *     (guarded by a conditional update of completed_at, see the repository).
 *
 * `verification.resume` (every 10 minutes) re-kicks `unavailable` rows that
 * are younger than 24 h (the registry may be back) and runs whose job was
 * lost, gives up on rows without an answer after 24 h, and reports settled
 * runs whose report failed.
 *
 * Personal data never reaches the database rows, the job data or the logs
 * here: rows hold statuses and reason codes, jobs hold ids, logs hold ids,
 * registry names and error kinds.
 */
import type { Queryable } from '../../db/client.js';
import {
  RegistryUnavailableError,
  type MigrationRegistry,
  type PensionFundRegistry,
  type RegistryAnswer,
  type RegistryMismatchReason,
} from '../../platform/adapters.js';
import type { AppContext } from '../../platform/context.js';
import type { JobDefinition, JobQueue } from '../../platform/jobs.js';
import { RegistryProtocolError, isMismatchReason } from './registry-http.js';
import {
  claimCheck,
  expireUnfinishedChecks,
  findRunsToResume,
  findUnreportedRuns,
  listChecks,
  markRunReported,
  noteCheckFailure,
  settleCheck,
  unmarkRunReported,
  type CheckRow,
  type RunKey,
} from './verification.repository.js';
import {
  VERIFICATION_RESUME_JOB,
  VERIFICATION_RUN_JOB,
  type CheckOutcome,
  type CheckSubject,
  type RegistryName,
  type VerificationHooks,
  type VerificationJobData,
} from './verification.types.js';

export type { CheckOutcome, CheckSubject, VerificationHooks, VerificationJobData } from './verification.types.js';
export { VERIFICATION_RESUME_JOB, VERIFICATION_RUN_JOB } from './verification.types.js';

export interface VerificationOptions {
  /** requests to one registry before its row becomes `unavailable` (default 5) */
  maxAttempts?: number;
  /** delay before try n+1 after try n failed; the last value repeats (default 10 s, 30 s, 90 s, 270 s) */
  retryDelaysMs?: readonly number[];
  /** how long after the request `unavailable` is retried by verification.resume before it is final (default 24 h) */
  resumeWindowMs?: number;
  /** queued / in-progress rows older than this are taken as lost and run again by verification.resume (default 30 min) */
  staleAfterMs?: number;
  /** clock (tests) */
  now?: () => Date;
  /** receives ids, registry names, statuses and error kinds only */
  log?: (obj: object, msg: string) => void;
}

export const DEFAULT_MAX_ATTEMPTS = 5;
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [10_000, 30_000, 90_000, 270_000];
export const DEFAULT_RESUME_WINDOW_MS = 24 * 3_600_000;
export const DEFAULT_STALE_AFTER_MS = 30 * 60_000;
export const RESUME_SCHEDULE = '*/10 * * * *';
const RESUME_SINGLETON_SECONDS = 600;
const RETRY_SINGLETON_SECONDS = 3600;
const GAVE_UP = 'gave up: no answer within the resume window';

export interface VerificationDeps {
  db: Queryable;
  pensionFund: PensionFundRegistry;
  migrationService: MigrationRegistry;
  jobs: Pick<JobQueue, 'send'>;
  hooks: VerificationHooks;
  options?: VerificationOptions;
}

export type RunResult =
  | { kind: 'skipped'; reason: 'no_subject' | 'version_changed' }
  | {
      kind: 'checked';
      /** registries asked in this run */
      asked: RegistryName[];
      /** when the job was sent again for the rows still in progress, its delay */
      retryInMs: number | null;
      /** the outcome reported to hooks.onSettled by this run, if it reported */
      settled: CheckOutcome | null;
    };

export interface ResumeResult {
  /** rows given up on (no answer within the window) */
  expired: number;
  /** runs sent again */
  kicked: number;
  /** outcomes reported */
  reported: number;
}

export interface VerificationRunner {
  /** The handler of `verification.run` (exported for tests: no pg-boss timing). */
  run(data: VerificationJobData): Promise<RunResult>;
  /** The handler of `verification.resume`. */
  resume(): Promise<ResumeResult>;
}

/** The outcome of a settled version: any mismatch wins, then any unavailable registry, else passed. */
export function outcomeOf(rows: readonly Pick<CheckRow, 'registry' | 'status' | 'resultCode'>[]): CheckOutcome {
  const documents: Array<{ registry: RegistryName; reason: RegistryMismatchReason }> = [];
  const unavailable: RegistryName[] = [];
  for (const row of rows) {
    if (row.status === 'mismatch') documents.push({ registry: row.registry, reason: isMismatchReason(row.resultCode) ? row.resultCode : 'not_found' });
    else if (row.status === 'unavailable') unavailable.push(row.registry);
  }
  if (documents.length) return { kind: 'mismatch', documents };
  if (unavailable.length) return { kind: 'unavailable', registries: unavailable };
  return { kind: 'passed' };
}

/** A description of a failed request that is safe to store and log (no personal data, bounded). */
export function describeCheckError(error: unknown): string {
  let text: string;
  if (error instanceof RegistryUnavailableError) text = `unavailable: ${error.message}`;
  else if (error instanceof RegistryProtocolError) text = `protocol: ${error.message}`;
  else text = `error: ${error instanceof Error ? error.name : typeof error}`;
  return text.slice(0, 300);
}

export function parseJobData(data: unknown): VerificationJobData | null {
  if (typeof data !== 'object' || data === null) return null;
  const d = data as Record<string, unknown>;
  if (typeof d.citizenId !== 'string' || !/^[0-9a-f-]{36}$/i.test(d.citizenId)) return null;
  if (typeof d.dataVersion !== 'number' || !Number.isInteger(d.dataVersion) || d.dataVersion < 1) return null;
  return { citizenId: d.citizenId, dataVersion: d.dataVersion };
}

export function createVerificationRunner(deps: VerificationDeps): VerificationRunner {
  const { db, hooks, jobs } = deps;
  const o = deps.options ?? {};
  const maxAttempts = o.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const delays = o.retryDelaysMs && o.retryDelaysMs.length ? o.retryDelaysMs : DEFAULT_RETRY_DELAYS_MS;
  const resumeWindowMs = o.resumeWindowMs ?? DEFAULT_RESUME_WINDOW_MS;
  const staleAfterMs = o.staleAfterMs ?? DEFAULT_STALE_AFTER_MS;
  const now = o.now ?? (() => new Date());
  const log = o.log ?? (() => undefined);

  function ask(registry: RegistryName, s: CheckSubject): Promise<RegistryAnswer> {
    const person = { lastName: s.lastName, firstName: s.firstName, middleName: s.middleName, birthDate: s.birthDate };
    if (registry === 'pension_fund') return deps.pensionFund.checkSnils({ ...person, snils: s.snils });
    return deps.migrationService.checkPassport({ ...person, series: s.passport.series, number: s.passport.number, issueDate: s.passport.issueDate });
  }

  /** Reports the version if every row has settled and this caller wins the guard. */
  async function report(citizenId: string, dataVersion: number): Promise<CheckOutcome | null> {
    const ids = await markRunReported(db, citizenId, dataVersion);
    if (ids.length === 0) return null;
    const outcome = outcomeOf(await listChecks(db, citizenId, dataVersion));
    try {
      await hooks.onSettled(citizenId, dataVersion, outcome);
    } catch (error) {
      await unmarkRunReported(db, ids).catch(() => undefined);
      throw error;
    }
    log({ citizenId, dataVersion, outcome: outcome.kind }, 'registry checks settled');
    return outcome;
  }

  async function run({ citizenId, dataVersion }: VerificationJobData): Promise<RunResult> {
    const subject = await hooks.loadSubject(citizenId);
    if (!subject) return { kind: 'skipped', reason: 'no_subject' };
    if (subject.dataVersion !== dataVersion) return { kind: 'skipped', reason: 'version_changed' };

    const rows = await listChecks(db, citizenId, dataVersion);
    const windowStart = now().getTime() - resumeWindowMs;
    const hasMismatch = rows.some((r) => r.status === 'mismatch');
    const due = rows.filter(
      (r) => r.status === 'queued' || r.status === 'in_progress' || (r.status === 'unavailable' && !hasMismatch && r.requestedAt.getTime() >= windowStart),
    );
    const claimed: CheckRow[] = [];
    for (const row of due) {
      const c = await claimCheck(db, row.id, row.status);
      if (c) claimed.push(c);
    }

    type Result = { row: CheckRow; ok: true; answer: RegistryAnswer } | { row: CheckRow; ok: false; error: unknown };
    const results = await Promise.all(
      claimed.map(async (row): Promise<Result> => {
        try {
          return { row, ok: true, answer: await ask(row.registry, subject) };
        } catch (error) {
          return { row, ok: false, error };
        }
      }),
    );

    let retryAfterAttempt: number | null = null;
    for (const r of results) {
      const { row } = r;
      if (r.ok) {
        const a = r.answer;
        if (a.outcome === 'match') await settleCheck(db, row.id, row.status, 'matched', null, null);
        else await settleCheck(db, row.id, row.status, 'mismatch', a.reason, null);
        continue;
      }
      const safe = describeCheckError(r.error);
      const unexpected = !(r.error instanceof RegistryUnavailableError);
      log({ citizenId, dataVersion, registry: row.registry, attempts: row.attempts, error: safe, unexpected }, 'registry check failed');
      if (row.status === 'unavailable') {
        // a resumed row: still no answer; it stays unavailable (already reported)
        await noteCheckFailure(db, row.id, 'unavailable', safe);
      } else if (row.attempts < maxAttempts) {
        if (await noteCheckFailure(db, row.id, row.status, safe)) retryAfterAttempt = Math.min(retryAfterAttempt ?? row.attempts, row.attempts);
      } else {
        await settleCheck(db, row.id, row.status, 'unavailable', null, safe);
      }
    }

    let retryInMs: number | null = null;
    if (retryAfterAttempt !== null) {
      retryInMs = delays[Math.min(retryAfterAttempt - 1, delays.length - 1)] ?? 0;
      const data: VerificationJobData = { citizenId, dataVersion };
      await jobs.send(VERIFICATION_RUN_JOB, data, {
        startAfter: new Date(Date.now() + retryInMs),
        singletonKey: `${citizenId}:${dataVersion}:retry-${retryAfterAttempt}`,
        singletonSeconds: RETRY_SINGLETON_SECONDS,
      });
    }

    const settled = await report(citizenId, dataVersion);
    return { kind: 'checked', asked: claimed.map((r) => r.registry), retryInMs, settled };
  }

  async function resume(): Promise<ResumeResult> {
    const t = now().getTime();
    const expired = await expireUnfinishedChecks(db, new Date(t - resumeWindowMs), GAVE_UP);
    const runs: RunKey[] = await findRunsToResume(db, new Date(t - resumeWindowMs), new Date(t - staleAfterMs));
    let kicked = 0;
    for (const run of runs) {
      const data: VerificationJobData = { citizenId: run.citizenId, dataVersion: run.dataVersion };
      const id = await jobs.send(VERIFICATION_RUN_JOB, data, {
        singletonKey: `${run.citizenId}:${run.dataVersion}:resume`,
        singletonSeconds: RESUME_SINGLETON_SECONDS,
      });
      if (id) kicked += 1;
    }
    let reported = 0;
    for (const run of await findUnreportedRuns(db)) {
      try {
        if (await report(run.citizenId, run.dataVersion)) reported += 1;
      } catch (error) {
        log({ citizenId: run.citizenId, dataVersion: run.dataVersion, error: describeCheckError(error) }, 'registry check report failed');
      }
    }
    if (expired || kicked || reported) log({ expired, kicked, reported }, 'registry checks resumed');
    return { expired, kicked, reported };
  }

  return { run, resume };
}

/**
 * The jobs of this module. The identity module supplies the hooks (it owns
 * the personal data and the account level):
 *
 *   ...verificationJobs(ctx, { loadSubject, onSettled }, { log })
 */
export function verificationJobs(ctx: AppContext, hooks: VerificationHooks, options: VerificationOptions = {}): JobDefinition[] {
  const runner = createVerificationRunner({
    db: ctx.db,
    pensionFund: ctx.adapters.pensionFund,
    migrationService: ctx.adapters.migrationService,
    jobs: ctx.jobs,
    hooks,
    options,
  });
  const log = options.log ?? (() => undefined);
  return [
    {
      name: VERIFICATION_RUN_JOB,
      // Registry failures are retried by the run itself (see above); these
      // retries are for anything else (database, onSettled).
      retryLimit: 3,
      retryDelaySeconds: 30,
      retryBackoff: true,
      async handle(data: object) {
        const parsed = parseJobData(data);
        if (!parsed) {
          log({ job: VERIFICATION_RUN_JOB }, 'malformed job data ignored');
          return;
        }
        await runner.run(parsed);
      },
    },
    {
      name: VERIFICATION_RESUME_JOB,
      schedule: RESUME_SCHEDULE,
      retryLimit: 1,
      async handle() {
        await runner.resume();
      },
    },
  ];
}
