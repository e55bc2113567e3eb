/**
 * «Регистрация в центре обслуживания»: a confirmed account at once, with the
 * one-time password by SMS that works for the first sign-in only and forces a
 * new password; one account per SNILS; refusals keep what was typed.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { getCitizenMeta, loadPersonalData, setCitizenPassword } from '../../src/modules/identity/identity.repository.js';
import { hashPassword } from '../../src/platform/passwords.js';
import { DEMO_PERSONS } from '../../src/simulators/data/persons.js';
import { Browser, createTestApp, type TestApp } from '../support/app.js';
import { freshPhone, lastSmsTo } from '../support/citizen.js';
import { auditRows, centreId, deskForm, onlineCitizen, runChecks, staffBrowser, staffId } from './support.js';

let t: TestApp;
let operator: Browser;

before(async () => {
  t = await createTestApp({ seed: true });
  operator = await staffBrowser(t, 'operator');
});
after(async () => t.close());

const person = DEMO_PERSONS[0]!;
let registeredId = '';
let phone = '';
let otp = '';

test('the desk registers a confirmed account, sends a one-time password and queues the checks', async () => {
  phone = freshPhone();
  const visit = '0b9c6a2e-5d7f-4d3a-9f1e-2a4b6c8d0e1f';
  const form = await operator.get(`/operator/register?visit=${visit}`);
  assert.equal(form.statusCode, 200);
  assert.match(form.body, new RegExp(`name="visit" value="${visit}"`));
  const res = await operator.post('/operator/register', deskForm(person, phone.replace('+7', '8'), { email: 'Kozlova@Example.ru', eventCode: 'DEN-USLUG-2026', visit }));
  assert.equal(res.statusCode, 303, res.body.slice(0, 2000));
  const m = /^\/operator\/citizens\/([0-9a-f-]{36})\?done=registered$/.exec(String(res.headers.location));
  assert.ok(m, String(res.headers.location));
  registeredId = m[1]!;

  const card = await operator.get(String(res.headers.location));
  assert.equal(card.statusCode, 200);
  assert.match(card.body, /зарегистрирована и сразу подтверждена/);
  assert.match(card.body, /Козлова Елена Викторовна/);
  assert.match(card.body, /\+7 914 \*\*\*-\*\*-\d\d/);
  assert.match(card.body, /\*\*\*-\*\*\*-\*\*\* 27/, 'SNILS shows only its check number');
  assert.match(card.body, /76 24 \*\*\*\*24/, 'passport: series and the last two digits');
  assert.doesNotMatch(card.body, /387424|899-693-660/, 'no full document numbers on the card');

  const meta = (await getCitizenMeta(t.ctx.db, registeredId))!;
  const kalgaMfc = await centreId(t, 'kalga-mfc-office');
  const operatorId = await staffId(t, 'operator');
  assert.equal(meta.status, 'active');
  assert.equal(meta.level, 'confirmed');
  assert.equal(meta.registeredAtCentreId, kalgaMfc);
  assert.equal(meta.registeredByStaffId, operatorId);
  assert.equal(meta.confirmedAtCentreId, kalgaMfc);
  assert.equal(meta.eventCode, 'DEN-USLUG-2026');
  assert.ok(meta.confirmedAt);
  const { rows } = await t.ctx.db.query<{ must_change_password: boolean; confirmed_by_staff_id: string; municipality_id: string; centre_municipality: string }>(
    `select c.must_change_password, c.confirmed_by_staff_id, c.municipality_id, sc.municipality_id as centre_municipality
       from citizens c join service_centres sc on sc.id = c.registered_at_centre_id where c.id = $1`,
    [registeredId],
  );
  assert.equal(rows[0]!.must_change_password, true);
  assert.equal(rows[0]!.confirmed_by_staff_id, operatorId);
  assert.equal(rows[0]!.municipality_id, rows[0]!.centre_municipality);

  const contacts = await t.ctx.db.query<{ kind: string; verified: boolean; value_enc: string }>('select kind, verified_at is not null as verified, value_enc from citizen_contacts where citizen_id = $1 order by kind', [registeredId]);
  assert.deepEqual(contacts.rows.map((r) => [r.kind, r.verified]), [['email', false], ['phone', true]]);
  assert.ok(contacts.rows.every((r) => !r.value_enc.includes(phone.slice(2))), 'contacts are encrypted');
  const pd = await loadPersonalData(t.ctx.db, t.ctx.cipher, registeredId);
  assert.equal(pd?.data.snils, '89969366027');
  const raw = await t.ctx.db.query<{ t: string }>('select row_to_json(p)::text as t from citizen_personal_data p where citizen_id = $1', [registeredId]);
  assert.ok(!raw.rows[0]!.t.includes('387424') && !raw.rows[0]!.t.includes('Козлова'), 'personal data is encrypted');
  const checks = await t.ctx.db.query<{ status: string }>('select status from registry_checks where citizen_id = $1', [registeredId]);
  assert.deepEqual(checks.rows.map((r) => r.status).sort(), ['queued', 'queued']);

  const sms = await lastSmsTo(t.ctx, phone);
  const found = /Временный пароль: ([a-z0-9]{10})\./.exec(sms);
  assert.ok(found, sms);
  otp = found[1]!;
  assert.match(otp, /^[abcdefghjkmnpqrstuvwxyz23456789]{10}$/);

  const [audit] = await auditRows(t, 'staff.citizen.register', registeredId);
  assert.ok(audit);
  assert.equal(audit.actor_type, 'staff');
  assert.equal(audit.actor_id, operatorId);
  assert.ok(audit.organisation_id, 'the centre’s organisation');
  assert.equal(audit.details.centreId, kalgaMfc);
  assert.equal(audit.details.visitId, visit);
  assert.equal(audit.details.eventCode, 'DEN-USLUG-2026');
  assert.ok(!JSON.stringify(audit.details).includes('Козлова') && !JSON.stringify(audit.details).includes(phone.slice(2)), 'no personal data in the audit');

  // The checks still run and the account stays confirmed.
  await runChecks(t, registeredId);
  assert.equal((await getCitizenMeta(t.ctx.db, registeredId))!.level, 'confirmed');
});

test('the one-time password signs in once, forces a new password, and stops working after the change', async () => {
  const citizen = new Browser(t.app);
  await citizen.get('/login');
  const wrong = await citizen.post('/login', { login: phone, password: 'wrong-password' });
  assert.equal(wrong.statusCode, 401);
  const signIn = await citizen.post('/login', { login: phone, password: otp });
  assert.equal(signIn.statusCode, 303);
  assert.equal(signIn.headers.location, '/cabinet/password', 'the citizen must change the one-time password');

  // The citizen chooses a new password (through the cabinet when it offers the page, else as it would store it).
  const page = await citizen.get('/cabinet/password');
  const NEW = 'тёплый весенний ветер над Калгой';
  if (page.statusCode === 200 && /name="password"/.test(page.body)) {
    const fields: Record<string, string> = { password: NEW, passwordConfirmation: NEW };
    if (/name="current"/.test(page.body)) fields.current = otp;
    if (/name="currentPassword"/.test(page.body)) fields.currentPassword = otp;
    if (/name="repeat"/.test(page.body)) fields.repeat = NEW;
    const changed = await citizen.post('/cabinet/password', fields);
    assert.ok(changed.statusCode === 303 || changed.statusCode === 200, `password change: ${changed.statusCode}`);
  } else {
    await setCitizenPassword(t.ctx.db, registeredId, await hashPassword(NEW), false);
  }
  const again = new Browser(t.app);
  await again.get('/login');
  assert.equal((await again.post('/login', { login: phone, password: otp })).statusCode, 401, 'the one-time password works once');
  const withNew = await again.post('/login', { login: phone, password: NEW });
  assert.equal(withNew.statusCode, 303);
  assert.equal(withNew.headers.location, '/cabinet');
});

test('a SNILS that already has an account is refused with a link to that account’s card', async () => {
  const other = freshPhone();
  const res = await operator.post('/operator/register', deskForm(person, other, { lastName: 'козлова' }));
  assert.equal(res.statusCode, 409);
  assert.match(res.body, /Учётная запись с этим СНИЛС уже есть/);
  assert.match(res.body, new RegExp(`href="/operator/citizens/${registeredId}"`));
  assert.match(res.body, /value="козлова"/, 'what was typed is kept');
  assert.match(res.body, new RegExp(`value="${other.replace('+', '\\+')}"`));
  const { rows } = await t.ctx.db.query<{ n: number }>('select count(*)::int as n from citizens');
  assert.equal(rows[0]!.n, 1);
});

test('a SNILS registered online is refused too; a phone confirmed on another account is refused', async () => {
  const online = await onlineCitizen(t, DEMO_PERSONS[1]!, { runChecks: false });
  const dup = await operator.post('/operator/register', deskForm(DEMO_PERSONS[1]!, freshPhone()));
  assert.equal(dup.statusCode, 409);
  assert.match(dup.body, new RegExp(`/operator/citizens/${online.id}`));

  const taken = await operator.post('/operator/register', deskForm(DEMO_PERSONS[2]!, online.phone));
  assert.equal(taken.statusCode, 409);
  assert.match(taken.body, /Этот телефон уже подтверждён в другой учётной записи/);
  assert.match(taken.body, /id="field-phone-error"/);
});

test('invalid input answers 422 with messages next to the fields and the values kept', async () => {
  const res = await operator.post('/operator/register', deskForm(DEMO_PERSONS[2]!, '', { snils: '112-233-445 96', passportSeries: '76', eventCode: 'плохой код!' }));
  assert.equal(res.statusCode, 422);
  assert.match(res.body, /class="u-error-summary"/);
  assert.match(res.body, /Введите мобильный телефон: на него придёт временный пароль/);
  for (const f of ['phone', 'snils', 'passportSeries', 'eventCode']) assert.match(res.body, new RegExp(`id="field-${f}-error"`), f);
  assert.match(res.body, /value="112-233-445 96"/);
  assert.match(res.body, /value="Фёдоров"/);
  assert.match(res.body, /name="_csrf"/);
});
