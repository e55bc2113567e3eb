/** Housekeeping jobs: expired sessions and old rate-limit windows; a nightly audit-chain check. */
import type { AppContext } from './context.js';
import type { JobDefinition } from './jobs.js';
import { verifyAuditChain } from './audit.js';
import { purgeOldLimits } from './rate-limit.js';

export function platformJobs(ctx: AppContext, log: (obj: object, msg: string) => void): JobDefinition[] {
  return [
    {
      name: 'platform.cleanup',
      schedule: '*/15 * * * *',
      async handle() {
        const sessions = await ctx.sessions.purgeExpired();
        const limits = await purgeOldLimits(ctx.db, new Date(Date.now() - 24 * 3_600_000));
        log({ sessions, limits }, 'cleanup');
      },
    },
    {
      name: 'platform.audit-verify',
      schedule: '30 2 * * *',
      retryLimit: 1,
      async handle() {
        const result = await verifyAuditChain(ctx.db);
        if (!result.ok) log({ firstBroken: result.firstBroken, checked: result.checked }, 'AUDIT CHAIN BROKEN');
        else log({ checked: result.checked }, 'audit chain verified');
      },
    },
  ];
}
