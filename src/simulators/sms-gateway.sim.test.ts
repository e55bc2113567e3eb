import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSmsGatewaySimulator, type SmsGatewaySimulator } from './sms-gateway.sim.js';

let open: SmsGatewaySimulator;
let guarded: SmsGatewaySimulator;
before(async () => {
  open = await startSmsGatewaySimulator({ latencyMs: [0, 0] });
  guarded = await startSmsGatewaySimulator({ latencyMs: [0, 5], token: 'secret-token' });
});
after(async () => {
  await open.close();
  await guarded.close();
});

const post = (sim: SmsGatewaySimulator, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${sim.url}/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

test('listens on 127.0.0.1 with a random port', () => {
  assert.match(open.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.notEqual(open.url, guarded.url);
});

test('accepts a message with 202 and an id, and keeps it newest first', async () => {
  const a = await post(open, { to: '+79141234567', text: 'первое' });
  assert.equal(a.status, 202);
  const { id } = (await a.json()) as { id: string };
  assert.ok(id);
  await post(open, { to: '+79141234568', text: 'второе' });
  const [newest, older] = open.messages();
  assert.equal(newest!.text, 'второе');
  assert.equal(older!.id, id);
  assert.equal(older!.to, '+79141234567');
  assert.ok(older!.receivedAt instanceof Date);

  const list = await fetch(`${open.url}/messages`);
  assert.equal(list.status, 200);
  const body = (await list.json()) as { messages: Array<{ text: string; receivedAt: string }> };
  assert.equal(body.messages[0]!.text, 'второе');
  assert.ok(!Number.isNaN(Date.parse(body.messages[0]!.receivedAt)));
});

test('refuses a number that is not E.164 and an empty text with 400', async () => {
  for (const to of ['89141234567', '+7 914 123-45-67', '', '+0123456789', 79141234567]) {
    const res = await post(open, { to, text: 'x' });
    assert.equal(res.status, 400, String(to));
  }
  assert.equal((await post(open, { to: '+79141234567', text: '   ' })).status, 400);
  assert.equal((await post(open, { to: '+79141234567' })).status, 400);
});

test('with a token, a missing or wrong bearer gets 401, the right one 202', async () => {
  assert.equal((await post(guarded, { to: '+79141234567', text: 'x' })).status, 401);
  assert.equal((await post(guarded, { to: '+79141234567', text: 'x' }, { authorization: 'Bearer nope' })).status, 401);
  assert.equal((await fetch(`${guarded.url}/messages`)).status, 401);
  assert.equal((await post(guarded, { to: '+79141234567', text: 'x' }, { authorization: 'Bearer secret-token' })).status, 202);
  assert.equal(guarded.messages().length, 1);
});

test('answers after a delay within the configured range', async () => {
  const slow = await startSmsGatewaySimulator({ latencyMs: [150, 200] });
  try {
    const started = Date.now();
    const res = await post(slow, { to: '+79141234567', text: 'x' });
    assert.equal(res.status, 202);
    assert.ok(Date.now() - started >= 140);
  } finally {
    await slow.close();
  }
});

test('keeps at most 500 messages', async () => {
  const sim = await startSmsGatewaySimulator({ latencyMs: [0, 0] });
  try {
    for (let i = 0; i < 505; i++) await post(sim, { to: '+79141234567', text: `n${i}` });
    const all = sim.messages();
    assert.equal(all.length, 500);
    assert.equal(all[0]!.text, 'n504');
    assert.equal(all[499]!.text, 'n5');
  } finally {
    await sim.close();
  }
});

test('close() does not wait for a pending delay', async () => {
  const sim = await startSmsGatewaySimulator({ latencyMs: [5_000, 5_000] });
  const pending = post(sim, { to: '+79141234567', text: 'x' }).catch(() => null);
  await new Promise((r) => setTimeout(r, 50));
  const started = Date.now();
  await sim.close();
  assert.ok(Date.now() - started < 2_000);
  await pending;
});
