import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../support/app.js';
import { testDbKind } from '../support/db.js';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => t.close());

test('healthz names the database engine in use', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/healthz' });
  assert.equal(res.statusCode, 200);
  assert.deepEqual(res.json(), { status: 'ok', database: testDbKind() });
});

test('the OpenAPI document is generated from the route schemas', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
  assert.equal(res.statusCode, 200);
  const doc = res.json();
  assert.equal(doc.openapi, '3.0.3');
  assert.ok(doc.paths['/healthz']);
  const centres = doc.paths['/api/v1/service-centres'].get;
  assert.ok(centres.parameters.some((p: { name: string }) => p.name === 'capability'));
  assert.ok(centres.responses['200'].content['application/json'].schema.properties.items);
  assert.equal(doc.paths['/staff/login'], undefined, 'HTML pages are not part of the API document');
});

test('the API docs page is served', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /swagger/i);
});

test('invalid query parameters are refused with a 400 and the issue', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/service-centres?capability=fly' });
  assert.equal(res.statusCode, 400);
  assert.equal(res.json().error, 'validation');
});

test('the job queue runs jobs on this database', async () => {
  const seen: unknown[] = [];
  await t.ctx.jobs.boss.createQueue('test.echo');
  await t.ctx.jobs.boss.work('test.echo', { pollingIntervalSeconds: 0.5 }, async (jobs) => {
    for (const j of jobs) seen.push(j.data);
  });
  await t.ctx.jobs.send('test.echo', { hello: 'мир' });
  const deadline = Date.now() + 15_000;
  while (seen.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  assert.deepEqual(seen, [{ hello: 'мир' }]);
});
