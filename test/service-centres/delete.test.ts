/**
 * «Удалить учётную запись» under 152-FZ: the personal data and everything
 * holding it are destroyed, the citizens row stays as a tombstone, the notice
 * goes out before the contact is erased, the audit chain still verifies, and
 * the act of destruction is printable.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { verifyAuditChain } from '../../src/platform/audit.js';
import { DEMO_PERSONS } from '../../src/simulators/data/persons.js';
import { Browser, createTestApp, type TestApp } from '../support/app.js';
import { freshPhone, lastSmsTo } from '../support/citizen.js';
import { auditRows, createPostOperator, deskForm, onlineCitizen, staffBrowser, staffId, type OnlineCitizen } from './support.js';

let t: TestApp;
let operator: Browser;
let c: OnlineCitizen;

before(async () => {
  t = await createTestApp({ seed: true });
  operator = await staffBrowser(t, 'operator');
  c = await onlineCitizen(t, DEMO_PERSONS[0]!);
  // Leave traces everywhere: a failed and a successful sign-in, a recovery code.
  const b = new Browser(t.app);
  await b.get('/login');
  await b.post('/login', { login: c.phone, password: 'not-the-password' });
  await b.post('/login', { login: DEMO_PERSONS[0]!.snils, password: 'медленный синий паровоз' });
  await b.get('/recover');
  await b.post('/recover', { contact: c.phone });
});
after(async () => t.close());

/** Tables that hold rows per citizen. */
const PER_CITIZEN = ['citizen_personal_data', 'citizen_contacts', 'otp_challenges', 'citizen_sign_ins', 'sessions', 'registry_checks', 'citizen_reports'];

async function counts(id: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of PER_CITIZEN) {
    const { rows } = await t.ctx.db.query<{ n: number }>(`select count(*)::int as n from ${table} where citizen_id = $1`, [id]);
    out[table] = rows[0]!.n;
  }
  return out;
}

test('a deletion needs a reason (and text for «Другое») and the confirmation tick; values are kept', async () => {
  const form = await operator.get(`/operator/citizens/${c.id}/delete`);
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /<option value="death"[^>]*>Смерть гражданина</);
  const none = await operator.post(`/operator/citizens/${c.id}/delete`, {});
  assert.equal(none.statusCode, 422);
  for (const f of ['reason', 'confirm']) assert.match(none.body, new RegExp(`id="field-${f}-error"`));
  const other = await operator.post(`/operator/citizens/${c.id}/delete`, { reason: 'other', reasonText: '', confirm: 'on' });
  assert.equal(other.statusCode, 422);
  assert.match(other.body, /Опишите причину удаления/);
  assert.match(other.body, /<option value="other" selected/);
  assert.match(other.body, /name="confirm"[^>]*checked/);
  assert.equal((await counts(c.id)).citizen_personal_data, 1, 'nothing was erased');
});

test('deletion erases the personal data, keeps a tombstone and the audit, and notifies the confirmed contact', async () => {
  const before = await counts(c.id);
  assert.ok(before.citizen_personal_data && before.citizen_contacts && before.otp_challenges && before.citizen_sign_ins && before.sessions && before.registry_checks, JSON.stringify(before));
  const res = await operator.post(`/operator/citizens/${c.id}/delete`, { reason: 'citizen_request', reasonText: '', confirm: 'on' });
  assert.equal(res.statusCode, 303, res.body.slice(0, 1500));
  const m = /^\/operator\/deletions\/(\d+)\?done=1$/.exec(String(res.headers.location));
  assert.ok(m, String(res.headers.location));
  const seq = Number(m[1]);

  assert.deepEqual(Object.values(await counts(c.id)), PER_CITIZEN.map(() => 0), 'every per-citizen row is gone');
  const { rows } = await t.ctx.db.query<Record<string, unknown>>('select * from citizens where id = $1', [c.id]);
  const tomb = rows[0]!;
  assert.equal(tomb.status, 'deleted');
  assert.ok(tomb.deleted_at);
  assert.equal(tomb.deletion_reason, 'citizen_request');
  for (const col of ['last_name_enc', 'first_name_enc', 'middle_name_enc', 'name_birth_index', 'password_hash']) assert.equal(tomb[col], null, col);
  assert.equal(tomb.level, 'standard', 'the tombstone keeps what the figures need');
  assert.doesNotMatch(JSON.stringify(tomb), /v1\./, 'no ciphertext left on the tombstone');

  // Only the «account deleted» notice remains for this citizen, until it is sent.
  const outbox = await t.ctx.db.query<{ template: string; status: string }>('select template, status from notifications_outbox where citizen_id = $1', [c.id]);
  assert.deepEqual(outbox.rows.map((r) => r.template), ['account_deleted']);
  assert.match(await lastSmsTo(t.ctx, c.phone), /Учётная запись удалена|учётная запись на портале удалена/);

  const [audit] = await auditRows(t, 'staff.citizen.delete', c.id);
  assert.equal(audit!.seq, seq);
  assert.equal(audit!.actor_id, await staffId(t, 'operator'));
  assert.equal(audit!.details.reason, 'citizen_request');
  assert.ok(Array.isArray(audit!.details.categories));
  const earlier = await t.ctx.db.query<{ n: number }>("select count(*)::int as n from audit_log where subject_id = $1 and action like 'citizen.%'", [c.id]);
  assert.ok(earlier.rows[0]!.n >= 3, 'the earlier audit rows stay');
  const chain = await verifyAuditChain(t.ctx.db);
  assert.ok(chain.ok, JSON.stringify(chain));

  // The citizen's session is gone, the account cannot be found, the login fails.
  assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: c.cookie } })).statusCode, 401);
  const search = await operator.post('/operator/search', { kind: 'snils', snils: DEMO_PERSONS[0]!.snils });
  assert.match(search.body, /Учётная запись не найдена/);
  const login = new Browser(t.app);
  await login.get('/login');
  assert.equal((await login.post('/login', { login: c.phone, password: 'медленный синий паровоз' })).statusCode, 401);
});

test('the act of destruction: date, reason, operator, centre, categories, audit record and log extract', async () => {
  const [audit] = await auditRows(t, 'staff.citizen.delete', c.id);
  const res = await operator.get(`/operator/deletions/${audit!.seq}?done=1`);
  assert.equal(res.statusCode, 200);
  assert.match(res.body, new RegExp(`Акт об уничтожении персональных данных № ${audit!.seq}`));
  assert.match(res.body, /По заявлению гражданина/);
  assert.match(res.body, /Иванова Ольга Николаевна/);
  assert.match(res.body, /Офис МФЦ Забайкальского края в с\. Калга/);
  assert.match(res.body, /СНИЛС/);
  assert.match(res.body, /Данные паспорта гражданина РФ/);
  assert.match(res.body, /<caption[^>]*>Записи журнала об учётной записи/);
  assert.match(res.body, /Учётная запись удалена/);
  assert.match(res.body, new RegExp(c.id));
  assert.doesNotMatch(res.body, /Козлова|899-693-660|387424/, 'the act names the subject by id only');
  // The card is a tombstone linking to the act.
  const card = await operator.get(`/operator/citizens/${c.id}`);
  assert.equal(card.statusCode, 200);
  assert.match(card.body, /Учётная запись удалена \d\d\.\d\d\.\d{4}/);
  assert.match(card.body, new RegExp(`href="/operator/deletions/${audit!.seq}"`));
  assert.doesNotMatch(card.body, /\/delete"|\/confirm"/, 'no actions on a tombstone');
  // Deleting twice is refused.
  const again = await operator.post(`/operator/citizens/${c.id}/delete`, { reason: 'duplicate', confirm: 'on' });
  assert.equal(again.statusCode, 409);
  // Another centre's operator may not read the act; the regional administrator may.
  await createPostOperator(t);
  assert.equal((await (await staffBrowser(t, 'post-operator')).get(`/operator/deletions/${audit!.seq}`)).statusCode, 403);
  assert.equal((await (await staffBrowser(t, 'region')).get(`/operator/deletions/${audit!.seq}`)).statusCode, 200);
});

test('after deletion the SNILS may be registered again', async () => {
  const res = await operator.post('/operator/register', deskForm(DEMO_PERSONS[0]!, freshPhone()));
  assert.equal(res.statusCode, 303, res.body.slice(0, 1000));
});

test('«Другое» keeps its text on the tombstone, not in the audit', async () => {
  const other = await onlineCitizen(t, DEMO_PERSONS[1]!, { runChecks: false });
  const res = await operator.post(`/operator/citizens/${other.id}/delete`, { reason: 'other', reasonText: 'Ошибочная регистрация', confirm: 'on' });
  assert.equal(res.statusCode, 303);
  const [audit] = await auditRows(t, 'staff.citizen.delete', other.id);
  assert.equal(audit!.details.reason, 'other');
  assert.doesNotMatch(JSON.stringify(audit!.details), /Ошибочная/);
  const act = await operator.get(String(res.headers.location));
  assert.match(act.body, /Другое: Ошибочная регистрация/);
  assert.ok((await verifyAuditChain(t.ctx.db)).ok);
});
