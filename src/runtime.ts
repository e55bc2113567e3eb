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
import type { Adapters } from './platform/adapters.js';
import { jobDefinitions, registerModules } from './modules/index.js';
import { HttpSmsGateway } from './modules/notifications/sms-gateway.client.js';
import { SmtpEmailSender } from './modules/notifications/smtp.client.js';
import { HttpMigrationRegistry } from './modules/verification/migration-service.client.js';
import { HttpPensionFundRegistry } from './modules/verification/pension-fund.client.js';
import { startSimulators, type Simulators } from './simulators/index.js';

export function describeDatabase(config: Config): string {
  return config.database.kind === 'postgresql' ? `PostgreSQL ${redactUrl(config.database.url)}` : `PGlite ${config.database.dataDir}`;
}

export async function openAndMigrate(config: Config): Promise<Database> {
  const db = await openDatabase(config.database);
  await migrate(db);
  return db;
}

/** The real clients of the outside systems, pointed at explicit endpoints or else at the simulators. */
export function buildAdapters(config: Config, simulators: Simulators | null): Adapters {
  const need = (explicit: string | null, simulated: string | undefined, name: string) => {
    const url = explicit ?? simulated;
    if (!url) throw new Error(`${name}: no endpoint configured and simulators are off`);
    return url;
  };
  const { registries } = config;
  return {
    sms: new HttpSmsGateway({ url: need(config.sms.url, simulators?.sms.url, 'SMS_GATEWAY_URL'), token: config.sms.token, timeoutMs: 10_000 }),
    email: new SmtpEmailSender({ smtpUrl: need(config.mail.smtpUrl, simulators?.smtp.url, 'SMTP_URL'), from: config.mail.from }),
    pensionFund: new HttpPensionFundRegistry({
      baseUrl: need(registries.pensionFundUrl, simulators?.registries.pensionFundUrl, 'PENSION_REGISTRY_URL'),
      token: registries.token,
      timeoutMs: registries.timeoutMs,
    }),
    migrationService: new HttpMigrationRegistry({
      baseUrl: need(registries.migrationServiceUrl, simulators?.registries.migrationServiceUrl, 'MIGRATION_REGISTRY_URL'),
      token: registries.token,
      timeoutMs: registries.timeoutMs,
    }),
  };
}

/** Everything a module needs, with a job queue attached (workers only when `work`). */
export async function createContext(
  config: Config,
  db: Database,
  options: { work: boolean; logger: pino.Logger; simulators?: Simulators | null },
): Promise<AppContext> {
  const simulators = options.simulators !== undefined ? options.simulators : config.simulators.enabled ? await startSimulators(config) : null;
  const jobs: JobQueue = await startJobQueue(db, options.logger);
  const ctx: AppContext = {
    config,
    db,
    cipher: createFieldCipher(config.secrets.dataEncryptionKey),
    sessions: createSessionStore(db, config.session),
    jobs,
    adapters: buildAdapters(config, simulators),
    simulators,
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
    await seedDemo(db, (line) => logger.info(line), { activityScale: config.demoActivityScale });
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
        await ctx.simulators?.close();
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
      await ctx.simulators?.close();
      await db.close();
    },
  };
}
