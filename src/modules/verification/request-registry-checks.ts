/**
 * Step 3 begins: the citizen saved personal data version N (step 2). Inside
 * that same transaction `requestRegistryChecks` queues one check per registry
 * for version N and retires the unfinished checks of older versions; after
 * the commit `kickRegistryChecks` starts the job that asks the registries.
 *
 *   await db.transaction(async (tx) => {
 *     const version = await savePersonalData(tx, …);
 *     await requestRegistryChecks(tx, citizenId, version);
 *   });
 *   await kickRegistryChecks(ctx.jobs, citizenId, version);
 *
 * If the kick is lost (the process stopped right after the commit),
 * `verification.resume` finds the queued rows within 30 minutes.
 */
import type { Queryable } from '../../db/client.js';
import type { JobQueue } from '../../platform/jobs.js';
import { insertQueuedChecks, supersedeOlderChecks } from './verification.repository.js';
import { VERIFICATION_RUN_JOB, type VerificationJobData } from './verification.types.js';

/** Window in which repeated kicks of one version collapse into one job. */
export const KICK_SINGLETON_SECONDS = 600;

export async function requestRegistryChecks(tx: Queryable, citizenId: string, dataVersion: number): Promise<void> {
  if (!Number.isInteger(dataVersion) || dataVersion < 1) throw new RangeError('requestRegistryChecks: dataVersion must be a positive integer');
  await supersedeOlderChecks(tx, citizenId, dataVersion);
  await insertQueuedChecks(tx, citizenId, dataVersion);
}

/** Starts `verification.run` for the version; a repeated kick within 10 minutes is dropped (singletonKey). */
export async function kickRegistryChecks(jobs: Pick<JobQueue, 'send'>, citizenId: string, dataVersion: number): Promise<string | null> {
  const data: VerificationJobData = { citizenId, dataVersion };
  return jobs.send(VERIFICATION_RUN_JOB, data, { singletonKey: `${citizenId}:${dataVersion}`, singletonSeconds: KICK_SINGLETON_SECONDS });
}
