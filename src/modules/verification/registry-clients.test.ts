import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RegistryUnavailableError } from '../../platform/adapters.js';
import { DEMO_PERSONS, MISMATCH_PERSON } from '../../simulators/data/persons.js';
import { startRegistrySimulator, type RegistrySimulator } from '../../simulators/registries.sim.js';
import { HttpMigrationRegistry } from './migration-service.client.js';
import { HttpPensionFundRegistry } from './pension-fund.client.js';
import { RegistryProtocolError } from './registry-http.js';

let sim: RegistrySimulator;
before(async () => {
  sim = await startRegistrySimulator({ latencyMs: [0, 0], failureRate: 0 });
});
after(async () => sim.close());

const demo = DEMO_PERSONS[0]!;
const person = { lastName: demo.lastName, firstName: demo.firstName, middleName: demo.middleName, birthDate: demo.birthDate };
const snilsQuery = { ...person, snils: demo.snils.replace(/\D/g, '') };
const passportQuery = { ...person, series: demo.passport.series, number: demo.passport.number, issueDate: demo.passport.issueDate };
/** Personal data that must never appear in an error message. */
const PD = [snilsQuery.snils, demo.lastName, demo.firstName, demo.passport.number, demo.birthDate];

const pension = (baseUrl = sim.pensionFundUrl, timeoutMs = 2000, token: string | null = null) => new HttpPensionFundRegistry({ baseUrl, token, timeoutMs });
const migration = (baseUrl = sim.migrationServiceUrl, timeoutMs = 2000, token: string | null = null) => new HttpMigrationRegistry({ baseUrl, token, timeoutMs });

function assertSafe(error: unknown): true {
  assert.ok(error instanceof Error);
  for (const item of PD) assert.ok(!error.message.includes(item), `"${error.message}" contains personal data`);
  return true;
}
const unavailable = (registry: string) => (e: unknown) => e instanceof RegistryUnavailableError && e.registry === registry && assertSafe(e);
const protocol = (e: unknown) => e instanceof RegistryProtocolError && !(e instanceof RegistryUnavailableError) && assertSafe(e);

/** A one-route server that answers as told, to see how the clients take odd answers. */
async function fakeRegistry(answer: (headers: Record<string, string | string[] | undefined>) => { status: number; body: string }) {
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const a = answer(req.headers);
      res.writeHead(a.status, { 'content-type': 'application/json' });
      res.end(a.body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

test('match from both registries (simulator)', async () => {
  for (const p of DEMO_PERSONS) {
    const q = { lastName: p.lastName, firstName: p.firstName, middleName: p.middleName, birthDate: p.birthDate };
    assert.deepEqual(await pension().checkSnils({ ...q, snils: p.snils.replace(/\D/g, '') }), { outcome: 'match' });
    assert.deepEqual(await migration().checkPassport({ ...q, ...p.passport }), { outcome: 'match' });
  }
});

test('pension fund: each mismatch reason', async () => {
  assert.deepEqual(await pension().checkSnils({ ...snilsQuery, snils: '11223344595' }), { outcome: 'mismatch', reason: 'not_found' });
  assert.deepEqual(await pension().checkSnils({ ...snilsQuery, lastName: 'Петрова' }), { outcome: 'mismatch', reason: 'name_mismatch' });
  assert.deepEqual(await pension().checkSnils({ ...snilsQuery, birthDate: '1979-03-15' }), { outcome: 'mismatch', reason: 'birth_date_mismatch' });
});

test('migration service: each mismatch reason', async () => {
  assert.deepEqual(await migration().checkPassport({ ...passportQuery, number: '000000' }), { outcome: 'mismatch', reason: 'not_found' });
  assert.deepEqual(await migration().checkPassport({ ...passportQuery, middleName: 'Петровна' }), { outcome: 'mismatch', reason: 'name_mismatch' });
  assert.deepEqual(await migration().checkPassport({ ...passportQuery, birthDate: '1979-01-14' }), { outcome: 'mismatch', reason: 'birth_date_mismatch' });
  const m = MISMATCH_PERSON;
  assert.deepEqual(
    await migration().checkPassport({ lastName: m.lastName, firstName: m.firstName, middleName: m.middleName, birthDate: m.birthDate, ...m.passport }),
    { outcome: 'mismatch', reason: 'document_invalid' },
  );
});

test('503 (an outage) → RegistryUnavailableError naming the registry', async () => {
  sim.setOutage('pension_fund', true);
  sim.setOutage('migration_service', true);
  try {
    await assert.rejects(pension().checkSnils(snilsQuery), unavailable('pension_fund'));
    await assert.rejects(migration().checkPassport(passportQuery), unavailable('migration_service'));
  } finally {
    sim.setOutage('pension_fund', false);
    sim.setOutage('migration_service', false);
  }
  assert.deepEqual(await pension().checkSnils(snilsQuery), { outcome: 'match' }, 'back after the outage');
});

test('a random 503 and a hang longer than the client timeout → RegistryUnavailableError', async () => {
  const draws = [0, 0.1, 0, 0.9];
  const flaky = await startRegistrySimulator({ latencyMs: [0, 0], failureRate: 1, random: () => draws.shift() ?? 0.9 });
  try {
    await assert.rejects(pension(flaky.pensionFundUrl).checkSnils(snilsQuery), (e) => unavailable('pension_fund')(e) && /HTTP 503/.test((e as Error).message));
    const started = Date.now();
    await assert.rejects(
      migration(flaky.migrationServiceUrl, 150).checkPassport(passportQuery),
      (e) => unavailable('migration_service')(e) && /no answer within 150 ms/.test((e as Error).message),
    );
    assert.ok(Date.now() - started < 2000, 'the client gives up after its own timeout, not the 30 s hang');
  } finally {
    await flaky.close();
  }
});

test('network error (nothing listening) → RegistryUnavailableError', async () => {
  const gone = await fakeRegistry(() => ({ status: 200, body: '{}' }));
  await gone.close();
  await assert.rejects(pension(gone.url).checkSnils(snilsQuery), unavailable('pension_fund'));
  await assert.rejects(migration(gone.url).checkPassport(passportQuery), unavailable('migration_service'));
});

test('4xx is a plain error (a bug on our side), not "unavailable"', async () => {
  await assert.rejects(pension().checkSnils({ ...snilsQuery, snils: '1234567890' }), (e) => protocol(e) && /HTTP 400/.test((e as Error).message));
  await assert.rejects(migration().checkPassport({ ...passportQuery, issueDate: '01.01.2020' }), protocol);
  const wrongPath = pension(`${sim.pensionFundUrl}/nope`);
  await assert.rejects(wrongPath.checkSnils(snilsQuery), (e) => protocol(e) && (e as RegistryProtocolError).status === 404);
});

test('unexpected bodies are rejected', async () => {
  for (const body of ['{"result":"maybe"}', '{"result":"mismatch","reason":"other"}', '{"result":"mismatch"}', '[]', 'null', 'ok', '']) {
    const fake = await fakeRegistry(() => ({ status: 200, body }));
    try {
      await assert.rejects(pension(fake.url).checkSnils(snilsQuery), protocol, body);
      await assert.rejects(migration(fake.url).checkPassport(passportQuery), protocol, body);
    } finally {
      await fake.close();
    }
  }
  const accepted = await fakeRegistry(() => ({ status: 202, body: '{"result":"match"}' }));
  await assert.rejects(pension(accepted.url).checkSnils(snilsQuery), protocol, '202 is not an answer');
  await accepted.close();
  const bad = await fakeRegistry(() => ({ status: 502, body: '<html>bad gateway</html>' }));
  await assert.rejects(pension(bad.url).checkSnils(snilsQuery), unavailable('pension_fund'));
  await bad.close();
});

test('the bearer token is sent when configured, and the base URL may end with a slash', async () => {
  const seen: Array<string | undefined> = [];
  const fake = await fakeRegistry((headers) => {
    seen.push(headers.authorization as string | undefined);
    return { status: 200, body: '{"result":"match"}' };
  });
  try {
    assert.deepEqual(await pension(fake.url, 2000, 's3cret').checkSnils(snilsQuery), { outcome: 'match' });
    assert.deepEqual(await migration(fake.url, 2000, null).checkPassport(passportQuery), { outcome: 'match' });
    assert.deepEqual(seen, ['Bearer s3cret', undefined]);
  } finally {
    await fake.close();
  }
});
