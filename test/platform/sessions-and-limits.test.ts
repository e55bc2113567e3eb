import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createSessionStore } from '../../src/platform/sessions.js';
import { hitLimit, peekLimit, resetLimit } from '../../src/platform/rate-limit.js';
import { insertStaff } from '../../src/modules/staff/staff.repository.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

let t: TestDatabase;
let staffId: string;
before(async () => {
  t = await createTestDatabase();
  staffId = await insertStaff(t.db, { login: 'sess.user', passwordHash: 'x', fullName: 'Тестов Тест', role: 'system_admin' });
});
after(async () => t.close());

test('a session lives until it is idle for 30 minutes', async () => {
  const store = createSessionStore(t.db, { idleMinutes: 30, absoluteHours: 12 });
  const t0 = new Date('2026-03-02T09:00:00Z');
  const { token } = await store.create(staffId, 'test-agent', t0);
  assert.ok(await store.load(token, new Date(t0.getTime() + 29 * 60_000)), 'alive after 29 min');
  // the load above touched last_seen, so 29 more minutes are fine again
  assert.ok(await store.load(token, new Date(t0.getTime() + 58 * 60_000)));
  assert.equal(await store.load(token, new Date(t0.getTime() + 89 * 60_000)), null, 'expired after 31 idle minutes');
});

test('a session ends after 12 hours however active', async () => {
  const store = createSessionStore(t.db, { idleMinutes: 30, absoluteHours: 12 });
  const t0 = new Date('2026-03-02T09:00:00Z');
  const { token } = await store.create(staffId, undefined, t0);
  for (let m = 20; m < 12 * 60; m += 20) assert.ok(await store.load(token, new Date(t0.getTime() + m * 60_000)));
  assert.equal(await store.load(token, new Date(t0.getTime() + 12 * 60 * 60_000 + 1)), null);
});

test('only a hash of the token is stored, and garbage tokens are refused', async () => {
  const store = createSessionStore(t.db, { idleMinutes: 30, absoluteHours: 12 });
  const { token } = await store.create(staffId, undefined);
  const { rows } = await t.db.query<{ id_hash: string }>('select id_hash from sessions');
  assert.ok(rows.every((r) => r.id_hash !== token));
  assert.equal(await store.load("'; drop table sessions; --"), null);
});

test('sign-out elsewhere ends every other session of the person', async () => {
  const store = createSessionStore(t.db, { idleMinutes: 30, absoluteHours: 12 });
  const a = await store.create(staffId, 'a');
  const b = await store.create(staffId, 'b');
  await store.destroyAllForStaff(staffId, a.idHash);
  assert.ok(await store.load(a.token));
  assert.equal(await store.load(b.token), null);
});

test('fixed-window limits count, refuse past the limit and reset', async () => {
  const now = new Date('2026-03-02T09:03:00Z');
  for (let i = 1; i <= 5; i++) assert.equal((await hitLimit(t.db, 'k', 5, 900, now)).allowed, true);
  const sixth = await hitLimit(t.db, 'k', 5, 900, now);
  assert.equal(sixth.allowed, false);
  assert.equal(sixth.retryAfterSeconds, 12 * 60);
  assert.equal((await peekLimit(t.db, 'k', 5, 900, now)).allowed, false);
  assert.equal((await peekLimit(t.db, 'k', 5, 900, new Date('2026-03-02T09:15:00Z'))).allowed, true, 'a new window starts clean');
  await resetLimit(t.db, 'k');
  assert.equal((await peekLimit(t.db, 'k', 5, 900, now)).count, 0);
});
