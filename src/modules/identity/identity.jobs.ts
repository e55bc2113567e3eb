/**
 * 152-FZ: personal data is kept no longer than its purpose needs. A
 * registration that was never finished (contact not confirmed or no password
 * within 24 hours) is erased with everything attached; the audit rows stay.
 */
import type { AppContext } from '../../platform/context.js';
import type { JobDefinition } from '../../platform/jobs.js';
import { appendAudit } from '../../platform/audit.js';

export async function purgeAbandonedRegistrations(ctx: AppContext, now = new Date()): Promise<number> {
  const { rows } = await ctx.db.query<{ id: string }>(
    "delete from citizens where status = 'pending' and created_at < $1 returning id",
    [new Date(now.getTime() - 24 * 3_600_000)],
  );
  if (rows.length) await appendAudit(ctx.db, { actorType: 'system', action: 'citizen.registration.purge_abandoned', details: { count: rows.length } }, now);
  return rows.length;
}

export function identityJobs(ctx: AppContext, log: (obj: object, msg: string) => void): JobDefinition[] {
  return [
    {
      name: 'identity.purge-abandoned',
      schedule: '17 * * * *',
      async handle() {
        const n = await purgeAbandonedRegistrations(ctx);
        if (n) log({ count: n }, 'abandoned registrations erased');
      },
    },
  ];
}
