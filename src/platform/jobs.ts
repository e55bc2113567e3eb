/**
 * Background jobs on pg-boss 10, in the same database (PostgreSQL or PGlite,
 * through the `executeSql` adapter of src/db/client.ts). The web process runs
 * a worker unless RUN_WORKER=false; `uslugi worker` runs workers alone, and
 * several of them can share one PostgreSQL.
 *
 * Modules declare their jobs as `JobDefinition`s; `registerJobs` creates the
 * queues, schedules the periodic ones and (when working) attaches handlers.
 */
import PgBoss from 'pg-boss';
import type { Database } from '../db/client.js';

export interface JobDefinition<T extends object = object> {
  name: string;
  /** cron in UTC, for periodic jobs */
  schedule?: string;
  retryLimit?: number;
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  handle(data: T): Promise<void>;
}

export interface JobQueue {
  send<T extends object>(name: string, data: T, options?: PgBoss.SendOptions): Promise<string | null>;
  boss: PgBoss;
  stop(): Promise<void>;
}

export interface JobLogger {
  info(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export async function startJobQueue(db: Database, logger: JobLogger): Promise<JobQueue> {
  const boss = new PgBoss({
    db: { executeSql: (text: string, values: unknown[]) => db.executeSql(text, values) },
    schema: 'pgboss',
    // PGlite is one connection: keep maintenance light; PostgreSQL gets the defaults.
    ...(db.kind === 'pglite' ? { monitorStateIntervalSeconds: 60 } : {}),
  });
  boss.on('error', (error) => logger.error({ err: { message: error.message } }, 'job queue error'));
  await boss.start();
  return {
    boss,
    send: (name, data, options) => (options ? boss.send(name, data, options) : boss.send(name, data)),
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}

export async function registerJobs(queue: JobQueue, definitions: JobDefinition[], options: { work: boolean; logger: JobLogger }): Promise<void> {
  for (const def of definitions) {
    await queue.boss.createQueue(def.name, {
      name: def.name,
      retryLimit: def.retryLimit ?? 3,
      retryDelay: def.retryDelaySeconds ?? 30,
      retryBackoff: def.retryBackoff ?? true,
    });
    if (def.schedule) await queue.boss.schedule(def.name, def.schedule);
    if (options.work) {
      await queue.boss.work<object>(def.name, { pollingIntervalSeconds: 2 }, async (jobs) => {
        for (const job of jobs) {
          const started = Date.now();
          await def.handle(job.data ?? {});
          options.logger.info({ job: def.name, id: job.id, ms: Date.now() - started }, 'job done');
        }
      });
    }
  }
}
