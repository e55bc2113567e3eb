/**
 * Wiring: from a Config to a running server or worker. Used by the CLI
 * (`uslugi start`, `uslugi worker`) and by the tests (createContext + buildApp).
 */
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import type { Config } from './config.js';
import { openDatabase, redactUrl, type Database } from './db/client.js';
import { migrate } from './db/migrate.js';
import { databaseIsEmpty, seedDemo } from './db/seed/demo.js';
import type { AppContext } from './platform/context.js';
import { createFieldCipher } from './platform/crypto.js';
import { buildApp } from './platform/http/app.js';
import { registerJobs, startJobQueue, type JobQueue } from './platform/jobs.js';
import { createSessionStore } from './platform/sessions.js';
import { jobDefinitions, registerModules } from './modules/index.js';

export function describeDatabase(config: Config): string {
  return config.database.kind === 'postgresql' ? `PostgreSQL ${redactUrl(config.database.url)}` : `PGlite ${config.database.dataDir}`;
}

export async function openAndMigrate(config: Config): Promise<Database> {
  const db = await openDatabase(config.database);
  await migrate(db);
  return db;
}

/** Everything a module needs, with a job queue attached (workers only when `work`). */
export async function createContext(config: Config, db: Database, options: { work: boolean; logger: pino.Logger }): Promise<AppContext> {
  const jobs: JobQueue = await startJobQueue(db, options.logger);
  const ctx: AppContext = {
    config,
    db,
    cipher: createFieldCipher(config.secrets.dataEncryptionKey),
    sessions: createSessionStore(db, config.session),
    jobs,
  };
  await registerJobs(jobs, jobDefinitions(ctx, (obj, msg) => options.logger.info(obj, msg)), { work: options.work, logger: options.logger });
  return ctx;
}

export interface RunningServer {
  app: FastifyInstance;
  ctx: AppContext;
  url: string;
  stop(): Promise<void>;
}

export async function startServer(config: Config): Promise<RunningServer> {
  const logger = pino({ level: config.logLevel });
  const db = await openAndMigrate(config);
  if (config.seedDemoOnEmpty && (await databaseIsEmpty(db))) {
    logger.info('empty database: seeding the demo region');
    await seedDemo(db, (line) => logger.info(line));
  }
  const ctx = await createContext(config, db, { work: config.runWorker, logger });
  const app = await buildApp(ctx, { registerModules });
  const address = await app.listen({ host: config.host, port: config.port });
  let stopping: Promise<void> | null = null;
  return {
    app,
    ctx,
    url: address,
    stop() {
      stopping ??= (async () => {
        await app.close();
        await ctx.jobs.stop();
        await db.close();
      })();
      return stopping;
    },
  };
}

export async function startWorker(config: Config): Promise<{ stop(): Promise<void> }> {
  const logger = pino({ level: config.logLevel });
  const db = await openAndMigrate(config);
  const ctx = await createContext(config, db, { work: true, logger });
  logger.info({ database: db.kind }, 'worker started');
  return {
    async stop() {
      await ctx.jobs.stop();
      await db.close();
    },
  };
}
