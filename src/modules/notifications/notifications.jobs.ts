/**
 * Jobs of the notifications outbox:
 * - notifications.deliver {id}: delivers one row (kicked after the commit that
 *   wrote it); on a temporary failure it throws so pg-boss retries with back-off;
 * - notifications.sweep (every minute): kicks queued rows older than 30 s that no
 *   worker holds and whose back-off is over — so a crash between the commit and
 *   the kick, a lost job or a dead worker loses nothing.
 */
import type { AppContext } from '../../platform/context.js';
import type { JobDefinition, JobQueue } from '../../platform/jobs.js';
import type { Queryable } from '../../db/client.js';
import { deliverNotification, MAX_ATTEMPTS } from './deliver-notification.js';
import { DELIVER_JOB, kickDelivery } from './enqueue-notification.js';

export const SWEEP_JOB = 'notifications.sweep';
/** A queued row is re-kicked once it is this old … */
export const SWEEP_MIN_AGE_SECONDS = 30;
/** … and not more often than this, so a stopped worker does not pile up duplicate jobs. */
export const SWEEP_REKICK_SECONDS = 300;

/**
 * Kicks the queued rows that need it and returns how many. The rows are marked
 * (meta.kickedAt) in the same statement, so two sweeps never kick the same row.
 */
export async function sweepNotifications(
  ctx: { db: Queryable; jobs: Pick<JobQueue, 'send'> },
  options: { minAgeSeconds?: number; limit?: number } = {},
): Promise<number> {
  const { rows } = await ctx.db.query<{ id: string }>(
    `update notifications_outbox
        set meta = meta || jsonb_build_object('kickedAt', now())
      where id in (
        select id from notifications_outbox
         where status = 'queued'
           and created_at < now() - make_interval(secs => $1::int)
           and (meta->>'leaseUntil' is null or (meta->>'leaseUntil')::timestamptz < now())
           and (meta->>'retryAt' is null or (meta->>'retryAt')::timestamptz <= now())
           and (meta->>'kickedAt' is null or (meta->>'kickedAt')::timestamptz < now() - make_interval(secs => $2::int))
         order by created_at
         limit $3)
      returning id`,
    [options.minAgeSeconds ?? SWEEP_MIN_AGE_SECONDS, SWEEP_REKICK_SECONDS, options.limit ?? 200],
  );
  for (const row of rows) await kickDelivery(ctx.jobs, row.id);
  return rows.length;
}

export function notificationJobs(ctx: AppContext, log: (obj: object, msg: string) => void = () => undefined): JobDefinition[] {
  return [
    {
      name: DELIVER_JOB,
      // pg-boss runs the job up to MAX_ATTEMPTS times: 10 s, 20 s, 40 s, 80 s apart.
      retryLimit: MAX_ATTEMPTS - 1,
      retryDelaySeconds: 10,
      retryBackoff: true,
      async handle(data) {
        const id = (data as { id?: unknown }).id;
        if (typeof id !== 'string') return;
        const outcome = await deliverNotification(ctx, id);
        if (outcome.status === 'retry') {
          // The message is safe (no recipient, no text): pg-boss stores it with the job.
          throw new Error(`notification ${id} not delivered (attempt ${outcome.attempts} of ${MAX_ATTEMPTS}): ${outcome.error}`);
        }
        if (outcome.status === 'failed') log({ notification: id, attempts: outcome.attempts, error: outcome.error }, 'notification failed');
      },
    },
    {
      name: SWEEP_JOB,
      schedule: '* * * * *',
      retryLimit: 0,
      async handle() {
        const kicked = await sweepNotifications(ctx);
        if (kicked > 0) log({ kicked }, 'notifications re-kicked');
      },
    },
  ];
}
