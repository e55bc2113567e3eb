/**
 * Every setting of uslugi, parsed once with zod and passed in from here.
 * No other module reads process.env: they receive a `Config`.
 *
 * | variable            | default                  | meaning |
 * |---------------------|--------------------------|---------|
 * | NODE_ENV            | development              | `production` requires explicit secrets and forbids demo seeding at start |
 * | HOST                | 127.0.0.1                | interface to listen on (use 0.0.0.0 behind a proxy or in a container) |
 * | PORT                | 3000                     | HTTP port |
 * | PUBLIC_URL          | http://localhost:PORT    | absolute URL of the site, used in links sent by e-mail/SMS |
 * | DATABASE_URL        | (unset)                  | postgres://… to use PostgreSQL; unset = embedded PGlite in DATA_DIR |
 * | DATA_DIR            | ./data                   | PGlite data folder and generated development secrets |
 * | SESSION_SECRET      | generated in dev         | ≥ 32 chars; signs cookies and CSRF tokens |
 * | DATA_ENCRYPTION_KEY | generated in dev         | 32 bytes as 64 hex chars; AES-256-GCM key for personal data at rest |
 * | SESSION_IDLE_MINUTES| 30                       | idle timeout of a session |
 * | SESSION_ABSOLUTE_HOURS | 12                    | absolute lifetime of a session |
 * | SEED_DEMO_ON_EMPTY  | true (dev), false (prod) | seed the demo region when the database is empty at start |
 * | DEMO_ACTIVITY_SCALE | 1                        | size of the demo's activity (`npm start` on an empty database, `uslugi seed demo`): 1 = about 550,000 citizens' accounts (40–65 % of each population, under a minute on PGlite); 0.1 = a tenth (shares a tenth too); 0 = none |
 * | RUN_WORKER          | true                     | run the job worker inside the web process |
 * | LOG_LEVEL           | info                     | fatal, error, warn, info, debug, trace, silent |
 * | RATE_LIMIT_PER_MINUTE | 600                    | general requests per IP per minute |
 * | LOGIN_MAX_FAILURES  | 5                        | failed sign-ins per account per LOGIN_WINDOW_MINUTES before lock-out |
 * | LOGIN_WINDOW_MINUTES| 15                       | window of the sign-in throttle |
 * | TRUST_PROXY         | false                    | trust X-Forwarded-* (set true behind a reverse proxy) |
 * | COOKIE_SECURE       | false (dev), true (prod) | mark cookies Secure (HTTPS only) |
 * | SIMULATORS          | true (dev/test), false (prod) | start the simulators of the outside systems (SMS gateway, SMTP, pension-fund and migration registries) and use them where no endpoint is set; enables /dev/outbox |
 * | SIMULATOR_LATENCY_MS| 300-2500 (dev), 0-0 (test) | registry simulators' answer delay range |
 * | SIMULATOR_FAILURE_RATE | 0.05 (dev), 0 (test) | share of registry simulator requests that time out or fail |
 * | SMS_GATEWAY_URL     | (simulator)              | HTTP endpoint of the SMS gateway (POST JSON {to, text}) |
 * | SMS_GATEWAY_TOKEN   | (none)                   | bearer token for the SMS gateway |
 * | SMTP_URL            | (simulator)              | smtp://user:pass@host:port for e-mail |
 * | MAIL_FROM           | Услуги <noreply@uslugi.local> | sender of e-mails |
 * | PENSION_REGISTRY_URL| (simulator)              | base URL of the pension-fund (СНИЛС) registry adapter |
 * | MIGRATION_REGISTRY_URL | (simulator)           | base URL of the migration-service (passport) registry adapter |
 * | REGISTRY_TOKEN      | (none)                   | bearer token for the registries |
 * | REGISTRY_TIMEOUT_MS | 8000                     | time limit of one registry request |
 * | MAP_TILE_URL        | https://tile.openstreetmap.org/{z}/{x}/{y}.png | map tiles for the activation-points map |
 * | MAP_ATTRIBUTION     | © OpenStreetMap contributors | attribution shown on the map |
 * | FILE_MAX_MB         | 10                       | largest file a person may attach (event evidence, a decree's scan, a plan's XLSX) |
 * | REMINDER_DAYS_BEFORE| 5                        | working days before a plan item's due date when its executors get a reminder |
 * | REMINDER_ESCALATE_AFTER_DAYS | 10              | working days an item may stay overdue before the regional administrator is told |
 * | REMINDER_CRON       | 0 23 * * *               | when the reminder sweep runs (cron, UTC; 23:00 UTC is 08:00 in Chita) |
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  DATA_ENCRYPTION_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hexadecimal characters (32 bytes)')
    .optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(24 * 7).default(12),
  SEED_DEMO_ON_EMPTY: bool.optional(),
  RUN_WORKER: bool.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  TRUST_PROXY: bool.default(false),
  COOKIE_SECURE: bool.optional(),
  SIMULATORS: bool.optional(),
  SIMULATOR_LATENCY_MS: z.string().regex(/^\d+-\d+$/, 'must be a range like 300-2500').optional(),
  SIMULATOR_FAILURE_RATE: z.coerce.number().min(0).max(1).optional(),
  SMS_GATEWAY_URL: z.url().optional(),
  SMS_GATEWAY_TOKEN: z.string().optional(),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  MAIL_FROM: z.string().min(3).default('Услуги <noreply@uslugi.local>'),
  PENSION_REGISTRY_URL: z.url().optional(),
  MIGRATION_REGISTRY_URL: z.url().optional(),
  REGISTRY_TOKEN: z.string().optional(),
  REGISTRY_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(8000),
  MAP_TILE_URL: z.string().min(1).default('https://tile.openstreetmap.org/{z}/{x}/{y}.png'),
  MAP_ATTRIBUTION: z.string().default('© OpenStreetMap contributors'),
  FILE_MAX_MB: z.coerce.number().min(0.1).max(100).default(10),
  REMINDER_DAYS_BEFORE: z.coerce.number().int().min(0).max(60).default(5),
  REMINDER_ESCALATE_AFTER_DAYS: z.coerce.number().int().min(0).max(120).default(10),
  DEMO_ACTIVITY_SCALE: z.coerce.number().min(0).max(1).default(1),
  REMINDER_CRON: z.string().regex(/^(\S+\s+){4}\S+$/, 'must be a cron expression of five fields').default('0 23 * * *'),
});

export type Env = z.input<typeof EnvSchema>;

export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  publicUrl: string;
  database: { kind: 'postgresql'; url: string } | { kind: 'pglite'; dataDir: string };
  dataDir: string;
  secrets: { sessionSecret: string; dataEncryptionKey: Buffer };
  session: { idleMinutes: number; absoluteHours: number };
  seedDemoOnEmpty: boolean;
  /** 0…1: how much of the demo activity to seed (0 = none) */
  demoActivityScale: number;
  runWorker: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  rateLimitPerMinute: number;
  login: { maxFailures: number; windowMinutes: number };
  trustProxy: boolean;
  cookieSecure: boolean;
  /** simulators of the outside systems: started by runtime.ts; an explicit endpoint always wins */
  simulators: { enabled: boolean; latencyMs: [number, number]; failureRate: number };
  sms: { url: string | null; token: string | null };
  mail: { smtpUrl: string | null; from: string };
  registries: { pensionFundUrl: string | null; migrationServiceUrl: string | null; token: string | null; timeoutMs: number };
  map: { tileUrl: string; attribution: string };
  files: { maxBytes: number };
  reminders: { daysBefore: number; escalateAfterDays: number; cron: string };
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

interface SecretStore {
  sessionSecret: string;
  dataEncryptionKey: string;
}

/** In development the secrets are generated once into DATA_DIR/secrets.json (mode 0600). */
function developmentSecrets(dataDir: string): SecretStore {
  const file = join(dataDir, 'secrets.json');
  if (existsSync(file)) {
    return JSON.parse(readFileSync(file, 'utf8')) as SecretStore;
  }
  mkdirSync(dataDir, { recursive: true });
  const secrets: SecretStore = {
    sessionSecret: randomBytes(48).toString('base64url'),
    dataEncryptionKey: randomBytes(32).toString('hex'),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

/**
 * Parses the environment. Throws ConfigError naming every wrong setting.
 * `options.generateSecrets=false` is used by tests that bring their own.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings count as unset, as shells and .env files often leave them.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const problems: string[] = [];
  if (production && !e.SESSION_SECRET) problems.push('SESSION_SECRET: required in production');
  if (production && !e.DATA_ENCRYPTION_KEY) problems.push('DATA_ENCRYPTION_KEY: required in production');
  const simulators = e.SIMULATORS ?? !production;
  if (!simulators) {
    if (!e.SMS_GATEWAY_URL) problems.push('SMS_GATEWAY_URL: required when SIMULATORS=false');
    if (!e.SMTP_URL) problems.push('SMTP_URL: required when SIMULATORS=false');
    if (!e.PENSION_REGISTRY_URL) problems.push('PENSION_REGISTRY_URL: required when SIMULATORS=false');
    if (!e.MIGRATION_REGISTRY_URL) problems.push('MIGRATION_REGISTRY_URL: required when SIMULATORS=false');
  }
  if (problems.length) throw new ConfigError(problems);

  const dataDir = resolve(e.DATA_DIR);
  let sessionSecret = e.SESSION_SECRET;
  let keyHex = e.DATA_ENCRYPTION_KEY;
  if (!sessionSecret || !keyHex) {
    const generated = developmentSecrets(dataDir);
    sessionSecret ??= generated.sessionSecret;
    keyHex ??= generated.dataEncryptionKey;
  }
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    database: e.DATABASE_URL ? { kind: 'postgresql', url: e.DATABASE_URL } : { kind: 'pglite', dataDir: join(dataDir, 'pglite') },
    dataDir,
    secrets: { sessionSecret, dataEncryptionKey: Buffer.from(keyHex, 'hex') },
    session: { idleMinutes: e.SESSION_IDLE_MINUTES, absoluteHours: e.SESSION_ABSOLUTE_HOURS },
    seedDemoOnEmpty: e.SEED_DEMO_ON_EMPTY ?? !production,
    demoActivityScale: e.DEMO_ACTIVITY_SCALE,
    runWorker: e.RUN_WORKER,
    logLevel: e.LOG_LEVEL,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    login: { maxFailures: e.LOGIN_MAX_FAILURES, windowMinutes: e.LOGIN_WINDOW_MINUTES },
    trustProxy: e.TRUST_PROXY,
    cookieSecure: e.COOKIE_SECURE ?? production,
    simulators: {
      enabled: e.SIMULATORS ?? !production,
      latencyMs: (e.SIMULATOR_LATENCY_MS ?? (e.NODE_ENV === 'test' ? '0-0' : '300-2500')).split('-').map(Number) as [number, number],
      failureRate: e.SIMULATOR_FAILURE_RATE ?? (e.NODE_ENV === 'test' ? 0 : 0.05),
    },
    sms: { url: e.SMS_GATEWAY_URL ?? null, token: e.SMS_GATEWAY_TOKEN ?? null },
    mail: { smtpUrl: e.SMTP_URL ?? null, from: e.MAIL_FROM },
    registries: {
      pensionFundUrl: e.PENSION_REGISTRY_URL ?? null,
      migrationServiceUrl: e.MIGRATION_REGISTRY_URL ?? null,
      token: e.REGISTRY_TOKEN ?? null,
      timeoutMs: e.REGISTRY_TIMEOUT_MS,
    },
    map: { tileUrl: e.MAP_TILE_URL, attribution: e.MAP_ATTRIBUTION },
    files: { maxBytes: Math.round(e.FILE_MAX_MB * 1024 * 1024) },
    reminders: { daysBefore: e.REMINDER_DAYS_BEFORE, escalateAfterDays: e.REMINDER_ESCALATE_AFTER_DAYS, cron: e.REMINDER_CRON },
  };
}
