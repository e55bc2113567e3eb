import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_PERSONS, MISMATCH_PERSON } from './data/persons.js';
import { startRegistrySimulator, type RegistrySimulator } from './registries.sim.js';

const open: RegistrySimulator[] = [];
after(async () => {
  await Promise.all(open.map((s) => s.close()));
});

async function sim(opts: Parameters<typeof startRegistrySimulator>[0] = { latencyMs: [0, 0], failureRate: 0 }) {
  const s = await startRegistrySimulator(opts);
  open.push(s);
  return s;
}

const demo = DEMO_PERSONS[0]!;
const person = { lastName: demo.lastName, firstName: demo.firstName, middleName: demo.middleName, birthDate: demo.birthDate };
const snilsBody = { snils: demo.snils.replace(/\D/g, ''), ...person };
const passportBody = { series: demo.passport.series, number: demo.passport.number, issueDate: demo.passport.issueDate, ...person };

async function post(url: string, body: unknown, init: { raw?: string; signal?: AbortSignal } = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: init.raw ?? JSON.stringify(body),
    ...(init.signal ? { signal: init.signal } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}
const snilsUrl = (s: RegistrySimulator) => `${s.pensionFundUrl}/v1/snils-checks`;
const passportUrl = (s: RegistrySimulator) => `${s.migrationServiceUrl}/v1/passport-checks`;

test('both registries answer match for a demo person, from one server', async () => {
  const s = await sim();
  assert.match(s.pensionFundUrl, /^http:\/\/127\.0\.0\.1:\d+\/pension-fund$/);
  assert.match(s.migrationServiceUrl, /^http:\/\/127\.0\.0\.1:\d+\/migration-service$/);
  assert.deepEqual(await post(snilsUrl(s), snilsBody), { status: 200, body: { result: 'match' } });
  assert.deepEqual(await post(passportUrl(s), passportBody), { status: 200, body: { result: 'match' } });
  assert.equal(s.requests(), 2);
});

test('every mismatch reason over HTTP', async () => {
  const s = await sim();
  const mismatch = (reason: string) => ({ status: 200, body: { result: 'mismatch', reason } });
  assert.deepEqual(await post(snilsUrl(s), { ...snilsBody, snils: '11223344595' }), mismatch('not_found'));
  assert.deepEqual(await post(snilsUrl(s), { ...snilsBody, firstName: 'Ольга' }), mismatch('name_mismatch'));
  assert.deepEqual(await post(snilsUrl(s), { ...snilsBody, birthDate: '1979-04-14' }), mismatch('birth_date_mismatch'));
  assert.deepEqual(await post(passportUrl(s), { ...passportBody, number: '999999' }), mismatch('not_found'));
  assert.deepEqual(await post(passportUrl(s), { ...passportBody, lastName: 'Козлов' }), mismatch('name_mismatch'));
  assert.deepEqual(await post(passportUrl(s), { ...passportBody, birthDate: '1979-03-13' }), mismatch('birth_date_mismatch'));
  const m = MISMATCH_PERSON;
  const invalid = {
    series: m.passport.series,
    number: m.passport.number,
    issueDate: m.passport.issueDate,
    lastName: m.lastName,
    firstName: m.firstName,
    middleName: m.middleName,
    birthDate: m.birthDate,
  };
  assert.deepEqual(await post(passportUrl(s), invalid), mismatch('document_invalid'));
});

test('400 on malformed bodies, 404 / 405 elsewhere', async () => {
  const s = await sim();
  assert.equal((await post(snilsUrl(s), null, { raw: '{not json' })).status, 400);
  assert.equal((await post(snilsUrl(s), [1, 2])).status, 400);
  assert.equal((await post(snilsUrl(s), { ...snilsBody, snils: '112-233-445 95' })).status, 400, 'digits only');
  assert.equal((await post(snilsUrl(s), { ...snilsBody, lastName: '' })).status, 400);
  assert.equal((await post(snilsUrl(s), { ...snilsBody, birthDate: '14.03.1979' })).status, 400);
  assert.equal((await post(snilsUrl(s), { ...snilsBody, birthDate: '1979-02-30' })).status, 400);
  assert.equal((await post(passportUrl(s), { ...passportBody, series: '76 24' })).status, 400);
  assert.equal((await post(passportUrl(s), { ...passportBody, number: 12345 })).status, 400);
  assert.equal((await post(passportUrl(s), { ...passportBody, issueDate: undefined })).status, 400);
  const bad = await post(passportUrl(s), { ...passportBody, middleName: 5 });
  assert.equal(bad.status, 400);
  assert.equal(bad.body?.error, 'bad_request');
  assert.equal((await post(`${s.pensionFundUrl}/v1/other`, snilsBody)).status, 404);
  assert.equal((await fetch(snilsUrl(s))).status, 405);
});

test('an outage answers 503 at once for that registry only, until it is turned off', async () => {
  const s = await sim({ latencyMs: [300, 300], failureRate: 0 });
  s.setOutage('pension_fund', true);
  const started = Date.now();
  const r = await post(snilsUrl(s), snilsBody);
  assert.equal(r.status, 503);
  assert.ok(Date.now() - started < 250, 'at once, without the latency');
  assert.equal((await post(passportUrl(s), passportBody)).status, 200, 'the other registry still answers');
  s.setOutage('pension_fund', false);
  assert.deepEqual(await post(snilsUrl(s), snilsBody), { status: 200, body: { result: 'match' } });
});

test('answers come after a delay within latencyMs', async () => {
  const s = await sim({ latencyMs: [120, 160], failureRate: 0 });
  const started = Date.now();
  assert.equal((await post(snilsUrl(s), snilsBody)).status, 200);
  const took = Date.now() - started;
  assert.ok(took >= 110 && took < 1000, `${took} ms`);
});

test('failureRate: half of the failures answer 503, the other half hang (a client timeout)', async () => {
  // random(): the first draw decides "fail?", the second "503 or hang?"
  const draws = [0, 0.2, 0, 0.7];
  const s = await sim({ latencyMs: [0, 0], failureRate: 1, random: () => draws.shift() ?? 0, hangMs: 30_000 });
  assert.equal((await post(snilsUrl(s), snilsBody)).status, 503);
  const started = Date.now();
  await assert.rejects(post(passportUrl(s), passportBody, { signal: AbortSignal.timeout(200) }), (e: Error) => e.name === 'TimeoutError');
  assert.ok(Date.now() - started < 1000);
  assert.equal(s.requests(), 2);
});

test('a failure rate of 0.5 fails about half of the requests', async () => {
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const s = await sim({ latencyMs: [0, 0], failureRate: 0.5, random, hangMs: 0 });
  let failed = 0;
  for (let i = 0; i < 60; i++) if ((await post(snilsUrl(s), snilsBody)).status !== 200) failed += 1;
  assert.ok(failed > 15 && failed < 45, `${failed} of 60 failed`);
});

test('close() does not wait for hanging requests', async () => {
  const s = await startRegistrySimulator({ latencyMs: [0, 0], failureRate: 1, random: () => 0.9 });
  const pending = post(snilsUrl(s), snilsBody).catch((e: Error) => e);
  await new Promise((r) => setTimeout(r, 50));
  const started = Date.now();
  await s.close();
  assert.ok(Date.now() - started < 1000);
  assert.ok((await pending) instanceof Error, 'the held request ends without an answer');
});
