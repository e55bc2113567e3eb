/**
 * The registry checks of step 3 against a real database (PGlite or PostgreSQL,
 * see test/support/db.ts) and the registry simulator, calling the job handlers
 * directly (no pg-boss timing); one test sends through a real pg-boss.
 */
import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import type { MigrationRegistry, PensionFundRegistry } from '../../src/platform/adapters.js';
import { startJobQueue, type JobQueue } from '../../src/platform/jobs.js';
import { DEMO_PERSONS, MISMATCH_PERSON, type DemoPerson } from '../../src/simulators/data/persons.js';
import { startRegistrySimulator, type RegistrySimulator } from '../../src/simulators/registries.sim.js';
import {
  HttpMigrationRegistry,
  HttpPensionFundRegistry,
  VERIFICATION_RESUME_JOB,
  VERIFICATION_RUN_JOB,
  createVerificationRunner,
  getCheckStatus,
  kickRegistryChecks,
  registryLineMessage,
  checkStateMessage,
  requestRegistryChecks,
  verificationJobs,
  type CheckOutcome,
  type CheckSubject,
  type VerificationJobData,
  type VerificationOptions,
} from '../../src/modules/verification/index.js';
import type { AppContext } from '../../src/platform/context.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

let t: TestDatabase;
let sim: RegistrySimulator;
let pensionFund: PensionFundRegistry;
let migrationService: MigrationRegistry;

before(async () => {
  t = await createTestDatabase();
  sim = await startRegistrySimulator({ latencyMs: [0, 0], failureRate: 0 });
  pensionFund = new HttpPensionFundRegistry({ baseUrl: sim.pensionFundUrl, token: null, timeoutMs: 2000 });
  migrationService = new HttpMigrationRegistry({ baseUrl: sim.migrationServiceUrl, token: null, timeoutMs: 2000 });
});
after(async () => {
  await sim.close();
  await t.close();
});
beforeEach(() => {
  sim.setOutage('pension_fund', false);
  sim.setOutage('migration_service', false);
});

/** The identity module's side, as the test plays it: subjects in memory, reports recorded. */
class World {
  subjects = new Map<string, CheckSubject>();
  settled: Array<{ citizenId: string; dataVersion: number; outcome: CheckOutcome }> = [];
  sent: Array<{ name: string; data: VerificationJobData; options: Record<string, unknown> | undefined }> = [];
  failNextReport = false;
  hooks = {
    loadSubject: async (citizenId: string) => this.subjects.get(citizenId) ?? null,
    onSettled: async (citizenId: string, dataVersion: number, outcome: CheckOutcome) => {
      if (this.failNextReport) {
        this.failNextReport = false;
        throw new Error('notification outbox down');
      }
      this.settled.push({ citizenId, dataVersion, outcome });
    },
  };
  jobs = {
    send: async (name: string, data: object, options?: object) => {
      this.sent.push({ name, data: data as VerificationJobData, options: options as Record<string, unknown> | undefined });
      return `job-${this.sent.length}`;
    },
  };
  logs: Array<{ obj: object; msg: string }> = [];

  runner(options: VerificationOptions = {}, adapters: { pensionFund?: PensionFundRegistry; migrationService?: MigrationRegistry } = {}) {
    return createVerificationRunner({
      db: t.db,
      pensionFund: adapters.pensionFund ?? pensionFund,
      migrationService: adapters.migrationService ?? migrationService,
      jobs: this.jobs,
      hooks: this.hooks,
      options: { retryDelaysMs: [5, 10], maxAttempts: 3, log: (obj, msg) => this.logs.push({ obj, msg }), ...options },
    });
  }

  settledFor(citizenId: string) {
    return this.settled.filter((s) => s.citizenId === citizenId);
  }
}

function subjectOf(p: DemoPerson, dataVersion: number, change: Partial<CheckSubject> = {}): CheckSubject {
  return {
    dataVersion,
    snils: p.snils.replace(/\D/g, ''),
    passport: { series: p.passport.series, number: p.passport.number, issueDate: p.passport.issueDate },
    lastName: p.lastName,
    firstName: p.firstName,
    middleName: p.middleName,
    birthDate: p.birthDate,
    ...change,
  };
}

async function newCitizen(): Promise<string> {
  const { rows } = await t.db.query<{ id: string }>(`insert into citizens default values returning id`);
  return rows[0]!.id;
}

/** Step 2 saved: queue the checks in a transaction, as the identity module does. */
async function submit(world: World, citizenId: string, subject: CheckSubject) {
  world.subjects.set(citizenId, subject);
  await t.db.transaction((tx) => requestRegistryChecks(tx, citizenId, subject.dataVersion));
}

async function rowsOf(citizenId: string) {
  const { rows } = await t.db.query<{ registry: string; data_version: number; status: string; result_code: string | null; attempts: number; last_error: string | null }>(
    `select registry, data_version, status, result_code, attempts, last_error from registry_checks where citizen_id = $1 order by data_version, registry desc`,
    [citizenId],
  );
  return rows;
}

test('both registries match → onSettled(passed) exactly once; the status page shows passed', async () => {
  const world = new World();
  const runner = world.runner();
  const id = await newCitizen();
  await submit(world, id, subjectOf(DEMO_PERSONS[0]!, 1));

  const before = await getCheckStatus(t.db, id);
  assert.equal(before.state, 'in_progress');
  assert.deepEqual(before.registries.map((r) => [r.registry, r.status]), [['pension_fund', 'queued'], ['migration_service', 'queued']]);

  const result = await runner.run({ citizenId: id, dataVersion: 1 });
  assert.equal(result.kind, 'checked');
  assert.deepEqual(result.kind === 'checked' && result.settled, { kind: 'passed' });
  assert.deepEqual(world.settledFor(id), [{ citizenId: id, dataVersion: 1, outcome: { kind: 'passed' } }]);

  // a duplicate job, a resume, a second request for the same version: no second report
  await runner.run({ citizenId: id, dataVersion: 1 });
  await runner.resume();
  await t.db.transaction((tx) => requestRegistryChecks(tx, id, 1));
  await runner.run({ citizenId: id, dataVersion: 1 });
  assert.equal(world.settledFor(id).length, 1);

  const status = await getCheckStatus(t.db, id);
  assert.equal(status.dataVersion, 1);
  assert.equal(status.state, 'passed');
  assert.deepEqual(status.registries.map((r) => [r.registry, r.status, r.reason, r.attempts]), [
    ['pension_fund', 'matched', null, 1],
    ['migration_service', 'matched', null, 1],
  ]);
  assert.ok(status.registries.every((r) => r.updatedAt instanceof Date));
  assert.match(checkStateMessage('ru', status), /Проверка пройдена/);
});

test('a SNILS mismatch: the outcome names the pension fund and the reason', async () => {
  const world = new World();
  const id = await newCitizen();
  await submit(world, id, subjectOf(DEMO_PERSONS[1]!, 1, { snils: '11223344595' }));
  await world.runner().run({ citizenId: id, dataVersion: 1 });
  assert.deepEqual(world.settledFor(id).map((s) => s.outcome), [{ kind: 'mismatch', documents: [{ registry: 'pension_fund', reason: 'not_found' }] }]);
  const status = await getCheckStatus(t.db, id);
  assert.equal(status.state, 'mismatch');
  const pf = status.registries.find((r) => r.registry === 'pension_fund')!;
  assert.equal(pf.status, 'mismatch');
  assert.equal(pf.reason, 'not_found');
  assert.equal(registryLineMessage('ru', pf), 'Пенсионный фонд: СНИЛС не найден в реестре. Проверьте номер.');
  assert.equal(status.registries.find((r) => r.registry === 'migration_service')!.status, 'matched');
});

test('an invalid passport: the outcome names the migration service (document_invalid)', async () => {
  const world = new World();
  const id = await newCitizen();
  await submit(world, id, subjectOf(MISMATCH_PERSON, 1));
  await world.runner().run({ citizenId: id, dataVersion: 1 });
  assert.deepEqual(world.settledFor(id).map((s) => s.outcome), [
    { kind: 'mismatch', documents: [{ registry: 'migration_service', reason: 'document_invalid' }] },
  ]);
  const mvd = (await getCheckStatus(t.db, id)).registries.find((r) => r.registry === 'migration_service')!;
  assert.equal(registryLineMessage('ru', mvd), 'МВД: паспорт недействителен (заменён или утерян). Укажите данные действующего паспорта.');
});

test('an outage: retries with growing delays, then unavailable; after the outage verification.resume makes it pass', async () => {
  const world = new World();
  const runner = world.runner();
  const id = await newCitizen();
  await submit(world, id, subjectOf(DEMO_PERSONS[2]!, 1));
  sim.setOutage('pension_fund', true);

  const first = await runner.run({ citizenId: id, dataVersion: 1 });
  assert.deepEqual(first.kind === 'checked' && [first.retryInMs, first.settled], [5, null]);
  let rows = await rowsOf(id);
  assert.deepEqual(rows.map((r) => [r.registry, r.status, r.attempts]), [['pension_fund', 'in_progress', 1], ['migration_service', 'matched', 1]]);
  assert.match(rows[0]!.last_error ?? '', /^unavailable: pension_fund: HTTP 503$/, 'a safe last_error');
  const retry = world.sent.at(-1)!;
  assert.equal(retry.name, VERIFICATION_RUN_JOB);
  assert.deepEqual(retry.data, { citizenId: id, dataVersion: 1 });
  assert.ok(retry.options?.startAfter instanceof Date);
  assert.equal(retry.options?.singletonKey, `${id}:1:retry-1`);
  assert.equal((await getCheckStatus(t.db, id)).state, 'in_progress');

  const second = await runner.run({ citizenId: id, dataVersion: 1 });
  assert.deepEqual(second.kind === 'checked' && [second.asked, second.retryInMs], [['pension_fund'], 10], 'only the unsettled registry is asked again');
  const third = await runner.run({ citizenId: id, dataVersion: 1 });
  assert.deepEqual(third.kind === 'checked' && [third.retryInMs, third.settled], [null, { kind: 'unavailable', registries: ['pension_fund'] }]);
  rows = await rowsOf(id);
  assert.deepEqual(rows.map((r) => [r.registry, r.status, r.attempts]), [['pension_fund', 'unavailable', 3], ['migration_service', 'matched', 1]]);
  assert.deepEqual(world.settledFor(id).map((s) => s.outcome), [{ kind: 'unavailable', registries: ['pension_fund'] }]);

  const status = await getCheckStatus(t.db, id);
  assert.equal(status.state, 'unavailable');
  const pf = status.registries.find((r) => r.registry === 'pension_fund')!;
  assert.ok(pf.retryUntil && pf.retryUntil.getTime() > Date.now() + 23 * 3_600_000, 'retried for 24 h');
  assert.match(registryLineMessage('ru', pf), /^Пенсионный фонд: реестр временно не отвечает — мы повторим проверку автоматически/);

  // still down: resume tries again, nothing changes and nothing is reported again
  const sentBefore = world.sent.length;
  const r1 = await runner.resume();
  assert.ok(r1.kicked >= 1);
  const kick1 = world.sent.slice(sentBefore).find((s) => s.data.citizenId === id)!;
  assert.equal(kick1.options?.singletonKey, `${id}:1:resume`);
  await runner.run(kick1.data);
  assert.equal((await rowsOf(id))[0]!.status, 'unavailable');
  assert.equal(world.settledFor(id).length, 1);

  // the registry is back
  sim.setOutage('pension_fund', false);
  const sentBefore2 = world.sent.length;
  await runner.resume();
  const kick2 = world.sent.slice(sentBefore2).find((s) => s.data.citizenId === id)!;
  const last = await runner.run(kick2.data);
  assert.deepEqual(last.kind === 'checked' && last.settled, { kind: 'passed' });
  assert.deepEqual(world.settledFor(id).map((s) => s.outcome.kind), ['unavailable', 'passed']);
  assert.equal((await getCheckStatus(t.db, id)).state, 'passed');
  assert.equal((await rowsOf(id))[0]!.attempts, 5);
});

test('unavailable is final after 24 h: resume no longer retries it', async () => {
  const world = new World();
  const id = await newCitizen();
  await submit(world, id, subjectOf(DEMO_PERSONS[0]!, 1));
  sim.setOutage('migration_service', true);
  const runner = world.runner({ maxAttempts: 1 });
  await runner.run({ citizenId: id, dataVersion: 1 });
  assert.deepEqual(world.settledFor(id).map((s) => s.outcome), [{ kind: 'unavailable', registries: ['migration_service'] }]);
  sim.setOutage('migration_service', false);

  const tomorrow = new Date(Date.now() + 25 * 3_600_000);
  const later = world.runner({ maxAttempts: 1, now: () => tomorrow });
  const sentBefore = world.sent.length;
  await later.resume();
  assert.equal(world.sent.slice(sentBefore).filter((s) => s.data.citizenId === id).length, 0, 'not kicked');
  const r = await later.run({ citizenId: id, dataVersion: 1 });
  assert.deepEqual(r.kind === 'checked' && r.asked, [], 'a stray run does not ask either');
  const status = await getCheckStatus(t.db, id, { now: tomorrow });
  assert.equal(status.state, 'unavailable');
  assert.equal(status.registries.find((x) => x.registry === 'migration_service')!.retryUntil, null);
  assert.match(checkStateMessage('ru', status), /не ответил в течение суток/);
});

test('a newer data version supersedes an older run', async () => {
  const world = new World();
  const runner = world.runner();
  const id = await newCitizen();
  // version 1 has a typo in the SNILS; the person corrects it before the job ran
  await submit(world, id, subjectOf(DEMO_PERSONS[1]!, 1, { snils: '11223344595' }));
  await submit(world, id, subjectOf(DEMO_PERSONS[1]!, 2));
  assert.deepEqual((await rowsOf(id)).map((r) => [r.data_version, r.status]), [
    [1, 'superseded'],
    [1, 'superseded'],
    [2, 'queued'],
    [2, 'queued'],
  ]);
  const old = await runner.run({ citizenId: id, dataVersion: 1 });
  assert.deepEqual(old, { kind: 'skipped', reason: 'version_changed' });
  await runner.run({ citizenId: id, dataVersion: 2 });
  assert.deepEqual(world.settledFor(id), [{ citizenId: id, dataVersion: 2, outcome: { kind: 'passed' } }]);
  const status = await getCheckStatus(t.db, id);
  assert.equal(status.dataVersion, 2);
  assert.equal(status.registries.length, 2);
  assert.equal(status.state, 'passed');
});

test('a correction while the registries are being asked: the old answers are not recorded or reported', async () => {
  const world = new World();
  const id = await newCitizen();
  await submit(world, id, subjectOf(DEMO_PERSONS[0]!, 1));
  // the pension fund answers only after the person has saved version 2
  const slowPension: PensionFundRegistry = {
    checkSnils: async (q) => {
      await submit(world, id, subjectOf(DEMO_PERSONS[0]!, 2));
      return pensionFund.checkSnils(q);
    },
  };
  const r = await world.runner({}, { pensionFund: slowPension }).run({ citizenId: id, dataVersion: 1 });
  assert.deepEqual(r.kind === 'checked' && r.settled, null);
  assert.deepEqual(world.settledFor(id), []);
  assert.deepEqual((await rowsOf(id)).map((x) => [x.data_version, x.status]), [
    [1, 'superseded'],
    [1, 'superseded'],
    [2, 'queued'],
    [2, 'queued'],
  ]);
  await world.runner().run({ citizenId: id, dataVersion: 2 });
  assert.deepEqual(world.settledFor(id).map((s) => [s.dataVersion, s.outcome.kind]), [[2, 'passed']]);
});

test('two runs of the same version at once report once', async () => {
  const world = new World();
  const id = await newCitizen();
  await submit(world, id, subjectOf(DEMO_PERSONS[2]!, 1));
  const runner = world.runner();
  await Promise.all([runner.run({ citizenId: id, dataVersion: 1 }), runner.run({ citizenId: id, dataVersion: 1 }), runner.resume()]);
  assert.equal(world.settledFor(id).length, 1);
});

test('a report that fails is made again by verification.resume', async () => {
  const world = new World();
  const id = await newCitizen();
  await submit(world, id, subjectOf(DEMO_PERSONS[0]!, 1));
  world.failNextReport = true;
  const runner = world.runner();
  await assert.rejects(runner.run({ citizenId: id, dataVersion: 1 }), /outbox down/);
  assert.equal(world.settledFor(id).length, 0);
  const r = await runner.resume();
  assert.ok(r.reported >= 1);
  assert.deepEqual(world.settledFor(id).map((s) => s.outcome), [{ kind: 'passed' }]);
});

test('a lost kick: resume runs queued checks after 30 min, and gives up after 24 h', async () => {
  const world = new World();
  const id = await newCitizen();
  await submit(world, id, subjectOf(DEMO_PERSONS[0]!, 1));
  const in40min = new Date(Date.now() + 40 * 60_000);
  let sentBefore = world.sent.length;
  await world.runner({ now: () => in40min }).resume();
  const kick = world.sent.slice(sentBefore).find((s) => s.data.citizenId === id);
  assert.ok(kick, 'kicked again');

  const other = await newCitizen();
  await submit(world, other, subjectOf(DEMO_PERSONS[1]!, 1));
  const in25h = new Date(Date.now() + 25 * 3_600_000);
  sentBefore = world.sent.length;
  const r = await world.runner({ now: () => in25h }).resume();
  assert.ok(r.expired >= 2);
  assert.deepEqual(world.settledFor(other).map((s) => s.outcome), [{ kind: 'unavailable', registries: ['pension_fund', 'migration_service'] }]);
  assert.equal(world.sent.slice(sentBefore).filter((s) => s.data.citizenId === other).length, 0);
});

test('no subject (account gone): the run does nothing', async () => {
  const world = new World();
  const id = await newCitizen();
  await t.db.transaction((tx) => requestRegistryChecks(tx, id, 1));
  assert.deepEqual(await world.runner().run({ citizenId: id, dataVersion: 1 }), { kind: 'skipped', reason: 'no_subject' });
  assert.equal((await getCheckStatus(t.db, id)).state, 'in_progress');
  assert.deepEqual(await getCheckStatus(t.db, await newCitizen()), { dataVersion: null, state: 'none', registries: [] });
});

test('logs and rows hold no personal data', async () => {
  const world = new World();
  const id = await newCitizen();
  const p = DEMO_PERSONS[0]!;
  await submit(world, id, subjectOf(p, 1));
  sim.setOutage('pension_fund', true);
  sim.setOutage('migration_service', true);
  const runner = world.runner({ maxAttempts: 1 });
  await runner.run({ citizenId: id, dataVersion: 1 });
  const text = JSON.stringify({ logs: world.logs, rows: await rowsOf(id), sent: world.sent });
  for (const item of [p.lastName, p.firstName, p.snils.replace(/\D/g, ''), p.passport.number, p.birthDate]) assert.ok(!text.includes(item), item);
});

test('verificationJobs: the run job and the 10-minute resume job; kicks go through pg-boss with a singleton key', async () => {
  const world = new World();
  const jobsList: JobQueue = await startJobQueue(t.db, { info: () => undefined, error: () => undefined });
  try {
    const ctx = { db: t.db, jobs: jobsList, adapters: { pensionFund, migrationService } } as unknown as AppContext;
    const defs = verificationJobs(ctx, world.hooks);
    assert.deepEqual(defs.map((d) => [d.name, d.schedule ?? null]), [[VERIFICATION_RUN_JOB, null], [VERIFICATION_RESUME_JOB, '*/10 * * * *']]);
    await jobsList.boss.createQueue(VERIFICATION_RUN_JOB);

    const id = await newCitizen();
    await submit(world, id, subjectOf(DEMO_PERSONS[0]!, 1));
    const first = await kickRegistryChecks(jobsList, id, 1);
    const again = await kickRegistryChecks(jobsList, id, 1);
    assert.ok(first);
    assert.equal(again, null, 'a duplicate kick does not pile up');

    // the job's handler, called as pg-boss would
    const [job] = await jobsList.boss.fetch<VerificationJobData>(VERIFICATION_RUN_JOB);
    assert.deepEqual(job?.data, { citizenId: id, dataVersion: 1 });
    await defs[0]!.handle(job!.data);
    assert.deepEqual(world.settledFor(id).map((s) => s.outcome), [{ kind: 'passed' }]);
    await defs[0]!.handle({ nonsense: true }); // malformed data is ignored
  } finally {
    await jobsList.stop();
  }
});
