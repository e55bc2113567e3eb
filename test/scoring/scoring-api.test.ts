/** POST /api/v1/scoring/evaluate: regional staff only, values of the seed-002 model, 422 on bad inputs, in OpenAPI. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_PASSWORD } from '../../src/db/seed/demo.js';
import { Browser, createTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
before(async () => {
  t = await createTestApp({ seed: true });
});
after(async () => {
  await t.close();
});

async function signedIn(login: string): Promise<Browser> {
  const b = new Browser(t.app);
  const res = await b.signIn(login, DEMO_PASSWORD);
  assert.equal(res.statusCode, 303, res.body);
  await b.get('/staff');
  assert.ok(b.csrf, 'a CSRF token on the staff page');
  return b;
}

function evaluate(b: Browser | null, payload: unknown) {
  const headers: Record<string, string> = {};
  if (b) {
    headers.cookie = [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    headers['x-csrf-token'] = b.csrf;
  }
  return t.app.inject({ method: 'POST', url: '/api/v1/scoring/evaluate', payload: payload as object, headers });
}

const P1_INPUTS = { 'P1.1.1': { A: 40, B: 50 }, 'P1.1.2': { A: 90, B: 120 }, 'P1.2': { n: 3 }, 'P1.3': { A: 30, C: 40 } };

test('the regional administrator evaluates the seed-002 model', async () => {
  const b = await signedIn('region');
  const res = await evaluate(b, { model: 'kalga-2018', inputs: P1_INPUTS });
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  assert.equal(body.model, 'kalga-2018');
  assert.equal(body.version, 1);
  assert.deepEqual(body.errors, []);
  assert.equal(Object.keys(body.nodes).length, 20);
  assert.equal(body.nodes['P1.1.1'].value, 80); // 40 / 50 * 100
  assert.equal(body.nodes['P1.1'].value, 77.5); // (80 + 75) / 2
  assert.ok(Math.abs(body.nodes['P1'].value - 227.5 / 3) < 1e-9); // (77,5 + 75 + 75) / 3
  assert.equal(body.nodes['P1'].max, 100);
  assert.equal(body.nodes['P1'].explanation, 'P1 = (P1.1 + P1.2 + P1.3) / 3 = (77,5 + 75 + 75) / 3 = 75,83');
  assert.equal(body.nodes['P2.4'].max, 50);
  assert.equal(body.nodes['P'].value, null); // P2 and P3 have no inputs
});

test('the system administrator may evaluate too; an unknown model is 404', async () => {
  const b = await signedIn('admin');
  const ok = await evaluate(b, { model: 'kalga-2018', inputs: { 'P2.2': { n: 0.5 } } });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal(ok.json().nodes['P2.2'].value, 50);
  const missing = await evaluate(b, { model: 'no-such-model', inputs: {} });
  assert.equal(missing.statusCode, 404);
  assert.match(missing.json().message, /no-such-model/);
});

test('a coordinator gets 403, nobody signed in gets 401', async () => {
  const coordinator = await signedIn('coordinator');
  assert.equal((await evaluate(coordinator, { model: 'kalga-2018', inputs: P1_INPUTS })).statusCode, 403);
  const operator = await signedIn('operator');
  assert.equal((await evaluate(operator, { model: 'kalga-2018', inputs: P1_INPUTS })).statusCode, 403);
  assert.equal((await evaluate(null, { model: 'kalga-2018', inputs: P1_INPUTS })).statusCode, 401);
});

test('a choice value outside the levels answers 422 with the Russian error', async () => {
  const b = await signedIn('region');
  const res = await evaluate(b, { model: 'kalga-2018', inputs: { ...P1_INPUTS, 'P2.2': { n: 0.7 } } });
  assert.equal(res.statusCode, 422, res.body);
  const body = res.json();
  assert.deepEqual(body.errors, [{ nodeId: 'P2.2', input: 'n', message: 'P2.2: n может быть 0; 0,5 или 1' }]);
  assert.equal(body.nodes['P2.2'].value, null);
  assert.equal(body.nodes['P1.1.1'].value, 80);
  // A value that is not a number fails the schema.
  assert.equal((await evaluate(b, { model: 'kalga-2018', inputs: { 'P2.2': { n: 'да' } } })).statusCode, 400);
});

test('the route is described in /api/openapi.json', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
  assert.equal(res.statusCode, 200);
  const op = res.json().paths['/api/v1/scoring/evaluate']?.post;
  assert.ok(op, 'POST /api/v1/scoring/evaluate in OpenAPI');
  assert.deepEqual(op.tags, ['scoring']);
  const schema = op.requestBody.content['application/json'].schema;
  assert.deepEqual([...schema.required].sort(), ['inputs', 'model']);
  assert.ok(op.responses['200'] && op.responses['422'] && op.responses['404']);
});
