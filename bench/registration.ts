/**
 * bench/registration — how close registration gets to the cost of its password hash.
 *
 * Measures in one run, on the same machine and database:
 *   A. Argon2id hashes per second (the project's parameters, the same concurrency);
 *   B. completed simplified registrations per second through the HTTP API
 *      (start → SMS code → confirmation → password, which hashes once and signs in).
 * Prints B / A: the share of the hashing ceiling that the whole journey reaches
 * (goal ≥ 0.7), and the peak resident memory.
 *
 *   npx tsx bench/registration.ts                # embedded PGlite
 *   BENCH_DATABASE_URL=postgres://… npx tsx bench/registration.ts
 *   BENCH_SECONDS=10 BENCH_CONCURRENCY=4 …
 */
import { randomInt } from 'node:crypto';
import pg from 'pg';
import pino from 'pino';
import { hashPassword } from '../src/platform/passwords.js';
import { openDatabase, type Database } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { buildApp } from '../src/platform/http/app.js';
import { createContext } from '../src/runtime.js';
import { registerModules } from '../src/modules/index.js';
import { testConfig } from '../test/support/app.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);
const PASSWORD = 'медленный синий паровоз';

async function forDuration(ms: number, worker: () => Promise<void>): Promise<number> {
  const end = Date.now() + ms;
  let done = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < end) {
        await worker();
        done++;
      }
    }),
  );
  return done;
}

async function main() {
  // A fresh database for every run: on PostgreSQL a new database next to BENCH_DATABASE_URL's, dropped at the end.
  let dropDatabase: (() => Promise<void>) | null = null;
  let db: Database;
  if (process.env.BENCH_DATABASE_URL) {
    const admin = new pg.Client({ connectionString: process.env.BENCH_DATABASE_URL });
    await admin.connect();
    const name = `uslugi_bench_${process.pid}`;
    await admin.query(`create database ${name}`);
    const url = new URL(process.env.BENCH_DATABASE_URL);
    url.pathname = `/${name}`;
    db = await openDatabase({ kind: 'postgresql', url: url.toString(), max: concurrency + 2 });
    dropDatabase = async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  } else {
    db = await openDatabase({ kind: 'pglite' });
  }
  await migrate(db);
  // Count the statements the application sends (through the handle and inside transactions).
  let statements = 0;
  const countQueries = <T extends { query: (...a: never[]) => unknown }>(q: T): T => {
    const original = q.query.bind(q) as (...a: unknown[]) => unknown;
    (q as unknown as { query: (...a: unknown[]) => unknown }).query = (...a: unknown[]) => {
      statements++;
      return original(...a);
    };
    return q;
  };
  countQueries(db);
  const originalTransaction = db.transaction.bind(db);
  db.transaction = (fn) => originalTransaction((tx) => fn(countQueries(tx)));
  const config = testConfig({ RATE_LIMIT_PER_MINUTE: '1000000' });
  const ctx = await createContext(config, db, { work: false, logger: pino({ level: 'silent' }) });
  const app = await buildApp(ctx, { logger: false, registerModules });
  await app.ready();

  // Warm up both paths.
  await hashPassword(PASSWORD);

  const hashStart = Date.now();
  const hashes = await forDuration(seconds * 1000, async () => {
    await hashPassword(PASSWORD);
  });
  const hashRate = hashes / ((Date.now() - hashStart) / 1000);

  let seq = 0;
  const register = async () => {
    const n = ++seq;
    const phone = `+7914${String(randomInt(0, 1000)).padStart(3, '0')}${String(n).padStart(4, '0')}`;
    const ip = `10.${randomInt(0, 255)}.${randomInt(0, 255)}.${randomInt(1, 255)}`;
    const start = await app.inject({ method: 'POST', url: '/api/v1/registrations', remoteAddress: ip, payload: { lastName: 'Иванова', firstName: 'Ольга', phone } });
    if (start.statusCode !== 201) throw new Error(`start: ${start.statusCode} ${start.body}`);
    const { id } = start.json() as { id: string };
    // The SMS text is in the outbox, encrypted; the bench reads it as the gateway would.
    const { rows } = await db.query<{ body_enc: string }>('select body_enc from notifications_outbox where citizen_id = $1 order by created_at desc limit 1', [id]);
    const code = /\b(\d{6})\b/.exec(ctx.cipher.decrypt(rows[0]!.body_enc))![1];
    const conf = await app.inject({ method: 'POST', url: `/api/v1/registrations/${id}/confirmation`, remoteAddress: ip, payload: { code } });
    if (conf.statusCode !== 200) throw new Error(`confirm: ${conf.statusCode} ${conf.body}`);
    const done = await app.inject({ method: 'POST', url: `/api/v1/registrations/${id}/password`, remoteAddress: ip, payload: { password: PASSWORD, passwordConfirmation: PASSWORD } });
    if (done.statusCode !== 200) throw new Error(`password: ${done.statusCode} ${done.body}`);
  };
  await register();
  const regStart = Date.now();
  const cpuBefore = process.cpuUsage();
  const statementsBefore = statements;
  const registrations = await forDuration(seconds * 1000, register);
  const cpu = process.cpuUsage(cpuBefore);
  const regRate = registrations / ((Date.now() - regStart) / 1000);
  // This process's CPU per registration (includes the Argon2 threads and, on PGlite, the database).
  const cpuMsPerRegistration = (cpu.user + cpu.system) / 1000 / registrations;
  const statementsPerRegistration = (statements - statementsBefore) / registrations;

  const peakMiB = process.resourceUsage().maxRSS / 1024;
  console.log(`database:              ${db.kind}`);
  console.log(`concurrency:           ${concurrency}`);
  console.log(`argon2id hashes/s:     ${hashRate.toFixed(1)}  (baseline, same run)`);
  console.log(`registrations/s:       ${regRate.toFixed(1)}  (${registrations} completed in ${seconds} s)`);
  console.log(`ratio:                 ${(regRate / hashRate).toFixed(2)}  (goal ≥ 0.70)`);
  console.log(`CPU ms / registration: ${cpuMsPerRegistration.toFixed(1)}  (this process; PostgreSQL's own CPU is extra)`);
  console.log(`SQL / registration:    ${statementsPerRegistration.toFixed(1)}  (application statements; pg-boss's own not counted)`);
  console.log(`peak RSS:              ${peakMiB.toFixed(0)} MiB`);

  await app.close();
  await ctx.jobs.stop();
  await ctx.simulators?.close();
  await db.close();
  await dropDatabase?.();
}

await main();
