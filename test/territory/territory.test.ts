import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_PASSWORD } from '../../src/db/seed/demo.js';
import { zabaikalskyKrai } from '../../src/db/seed/data/zabaikalsky-krai.js';
import { seedDemo } from '../../src/db/seed/demo.js';
import { Browser, createTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
const kalga = zabaikalskyKrai.municipalities.find((m) => /Калган/.test(m.name))!;
const other = zabaikalskyKrai.municipalities.find((m) => m.key !== kalga.key && m.organisations.length > 1)!;
const kalgaSchool = kalga.organisations.find((o) => o.kind === 'school')!;

before(async () => {
  t = await createTestApp({ seed: true });
});
after(async () => t.close());

test('the demo seed loads the whole region and is idempotent', async () => {
  const count = async (table: string) => Number((await t.ctx.db.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0]!.n);
  const before = { m: await count('municipalities'), o: await count('organisations'), c: await count('service_centres'), s: await count('staff_users') };
  assert.equal(before.m, zabaikalskyKrai.municipalities.length);
  assert.equal(before.s, 6, 'one staff user per role');
  await seedDemo(t.ctx.db);
  assert.deepEqual({ m: await count('municipalities'), o: await count('organisations'), c: await count('service_centres'), s: await count('staff_users') }, before);
});

test('the public API lists service centres and filters by what they can do', async () => {
  const all = (await t.app.inject({ method: 'GET', url: '/api/v1/service-centres' })).json().items as Array<{ key: string; capabilities: string[] }>;
  const deleting = (await t.app.inject({ method: 'GET', url: '/api/v1/service-centres?capability=delete' })).json().items as Array<{ capabilities: string[] }>;
  assert.ok(all.length > deleting.length && deleting.length > 0);
  assert.ok(deleting.every((c) => c.capabilities.includes('delete')));
  const inKalga = (await t.app.inject({ method: 'GET', url: `/api/v1/service-centres?municipality=${kalga.key}` })).json().items as unknown[];
  assert.equal(inKalga.length, kalga.serviceCentres.length);
  const one = await t.app.inject({ method: 'GET', url: `/api/v1/service-centres/${kalga.serviceCentres[0]!.key}` });
  assert.equal(one.json().municipality.key, kalga.key);
  assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/service-centres/nope' })).statusCode, 404);
});

test('the staff municipalities API needs a session and marks illustrative figures', async () => {
  assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/territory/municipalities' })).statusCode, 401);
  const b = new Browser(t.app);
  await b.signIn('region', DEMO_PASSWORD);
  const res = await b.get('/api/v1/territory/municipalities');
  assert.equal(res.statusCode, 200);
  const body = res.json();
  const m = body.items.find((x: { key: string }) => x.key === kalga.key);
  assert.equal(m.oktmo.illustrative, kalga.oktmo.illustrative);
  assert.equal(m.population.value, kalga.population.value);
});

test('the region page lists every municipality and marks illustrative values', async () => {
  const b = new Browser(t.app);
  await b.signIn('reception', DEMO_PASSWORD);
  const res = await b.get('/staff/territory');
  assert.equal(res.statusCode, 200);
  for (const m of zabaikalskyKrai.municipalities) assert.ok(res.body.includes(m.name), m.name);
  assert.match(res.body, /условные данные/);
});

test('a coordinator changes employee counts in their own municipality only', async () => {
  const b = new Browser(t.app);
  await b.signIn('coordinator', DEMO_PASSWORD);
  const page = await b.get(`/staff/territory/${kalga.key}?edit=${kalgaSchool.key}`);
  assert.match(page.body, /name="employees"/);

  const bad = await b.post(`/staff/territory/organisations/${kalgaSchool.key}/employees`, { employees: 'сорок' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Введите целое число/);
  assert.match(bad.body, /value="сорок"/, 'what was typed is kept');

  const ok = await b.post(`/staff/territory/organisations/${kalgaSchool.key}/employees`, { employees: '1 042' });
  assert.equal(ok.statusCode, 303);
  const { rows } = await t.ctx.db.query<{ employees: number; employees_illustrative: boolean }>('select employees, employees_illustrative from organisations where key = $1', [kalgaSchool.key]);
  assert.equal(rows[0]!.employees, 1042);
  assert.equal(rows[0]!.employees_illustrative, false, 'a figure entered by the municipality is no longer illustrative');
  const audit = await t.ctx.db.query<{ details: { from: number; to: number } }>("select details from audit_log where action = 'territory.organisation.employees_update'");
  assert.equal(audit.rows.at(-1)!.details.to, 1042);

  const foreign = other.organisations[0]!;
  const refused = await b.post(`/staff/territory/organisations/${foreign.key}/employees`, { employees: '5' });
  assert.equal(refused.statusCode, 403);
});

test('reception staff cannot change employee counts; the regional administrator can anywhere in the region', async () => {
  const r = new Browser(t.app);
  await r.signIn('reception', DEMO_PASSWORD);
  const page = await r.get(`/staff/territory/${kalga.key}`);
  assert.doesNotMatch(page.body, /\?edit=/);
  assert.equal((await r.post(`/staff/territory/organisations/${kalgaSchool.key}/employees`, { employees: '5' })).statusCode, 403);

  const a = new Browser(t.app);
  await a.signIn('region', DEMO_PASSWORD);
  await a.get(`/staff/territory/${other.key}`);
  assert.equal((await a.post(`/staff/territory/organisations/${other.organisations[0]!.key}/employees`, { employees: '77' })).statusCode, 303);
});
