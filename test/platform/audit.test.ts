import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { appendAudit, verifyAuditChain } from '../../src/platform/audit.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
});
after(async () => t.close());

async function appendSome(n: number) {
  for (let i = 0; i < n; i++) {
    await appendAudit(t.db, { actorType: 'staff', actorId: `s${i}`, action: 'test.action', subjectType: 'thing', subjectId: String(i), details: { i, nested: { b: 2, a: 1 } } });
  }
}

test('an untouched chain verifies', async () => {
  await appendSome(5);
  const result = await verifyAuditChain(t.db);
  assert.equal(result.ok, true);
  assert.equal(result.checked, 5);
});

test('the database refuses UPDATE and DELETE on audit rows', async () => {
  await assert.rejects(t.db.query("update audit_log set action = 'x' where seq = 1"), /append-only/);
  await assert.rejects(t.db.query('delete from audit_log where seq = 1'), /append-only/);
});

test('concurrent appends keep one chain', async () => {
  await Promise.all(Array.from({ length: 8 }, (_, i) => appendAudit(t.db, { actorType: 'system', action: 'test.concurrent', details: { i } })));
  const result = await verifyAuditChain(t.db, 3);
  assert.equal(result.ok, true);
  assert.equal(result.checked, 13);
});

test('a tampered row is detected and named', async () => {
  // Even a superuser who switches the trigger off cannot hide the change.
  await t.db.exec("alter table audit_log disable trigger audit_log_no_update");
  await t.db.query(`update audit_log set details = '{"i": 99}'::jsonb where seq = 3`);
  const changed = await verifyAuditChain(t.db);
  assert.equal(changed.ok, false);
  assert.equal(changed.firstBroken?.seq, 3);
  assert.match(changed.firstBroken!.reason, /changed/);
  assert.equal(changed.checked, 2);
});

test('a removed row is detected at the row after the gap', async () => {
  await t.db.query('delete from audit_log where seq = 2');
  const result = await verifyAuditChain(t.db);
  assert.equal(result.ok, false);
  assert.equal(result.firstBroken?.seq, 3);
  assert.match(result.firstBroken!.reason, /removed/);
  await t.db.exec('alter table audit_log enable trigger audit_log_no_update');
});
