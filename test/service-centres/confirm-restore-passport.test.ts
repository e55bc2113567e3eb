/**
 * Confirming identity (passport re-entered, must match; 3 mismatches in an
 * hour lock it for an hour), restoring access (one-time password, sessions
 * end, a new phone becomes confirmed) and updating passport data.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { confirmIdentity } from '../../src/modules/service-centres/confirm-identity.js';
import { getCitizenMeta, loadPersonalData } from '../../src/modules/identity/identity.repository.js';
import { findServiceCentre } from '../../src/modules/territory/territory.repository.js';
import { loadStaffActor } from '../../src/modules/staff/staff.repository.js';
import { verifyAuditChain } from '../../src/platform/audit.js';
import { REGISTRY_PERSONS, DEMO_PERSONS, type DemoPerson } from '../../src/simulators/data/persons.js';
import { Browser, createTestApp, type TestApp } from '../support/app.js';
import { freshPhone, lastSmsTo } from '../support/citizen.js';
import { auditRows, centreId, CITIZEN_PASSWORD, createPostOperator, onlineCitizen, runChecks, staffBrowser, staffId } from './support.js';

let t: TestApp;
let operator: Browser;

before(async () => {
  t = await createTestApp({ seed: true });
  operator = await staffBrowser(t, 'operator');
});
after(async () => t.close());

/** A registry person typed with their current passport (passes the checks). */
function registryPerson(i: number): DemoPerson {
  const p = REGISTRY_PERSONS[i]!;
  const passport = p.passports.find((x) => x.status === 'valid')!;
  return { lastName: p.lastName, firstName: p.firstName, middleName: p.middleName, birthDate: p.birthDate, birthPlace: p.birthPlace, gender: p.gender, snils: p.snils, passport: { series: passport.series, number: passport.number, issueDate: passport.issueDate, issuerCode: passport.issuerCode, issuedBy: passport.issuedBy } };
}

test('confirmation: a standard account, the right passport → confirmed, notified, audited with operator and centre', async () => {
  const p = DEMO_PERSONS[0]!;
  const c = await onlineCitizen(t, p);
  assert.equal((await getCitizenMeta(t.ctx.db, c.id))!.level, 'standard', 'the checks passed');
  const page = await operator.get(`/operator/citizens/${c.id}/confirm`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /name="passportSeries"/);
  const res = await operator.post(`/operator/citizens/${c.id}/confirm`, { passportSeries: `${p.passport.series.slice(0, 2)} ${p.passport.series.slice(2)}`, passportNumber: p.passport.number });
  assert.equal(res.statusCode, 303, res.body.slice(0, 1500));
  assert.equal(res.headers.location, `/operator/citizens/${c.id}?done=confirmed`);
  const meta = (await getCitizenMeta(t.ctx.db, c.id))!;
  assert.equal(meta.level, 'confirmed');
  assert.equal(meta.confirmedAtCentreId, await centreId(t, 'kalga-mfc-office'));
  assert.equal(meta.confirmedByStaffId, await staffId(t, 'operator'));
  assert.match(await lastSmsTo(t.ctx, c.phone), /Учётная запись подтверждена/);
  const [audit] = await auditRows(t, 'staff.citizen.confirm', c.id);
  assert.equal(audit!.actor_id, await staffId(t, 'operator'));
  assert.equal(audit!.details.centreId, meta.confirmedAtCentreId);
  // The citizen's session is kept and now carries the confirmed level.
  const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: c.cookie } });
  assert.equal(me.statusCode, 200);
  assert.equal(me.json().level, 'confirmed');
  const again = await operator.get(`/operator/citizens/${c.id}/confirm`);
  assert.match(again.body, /Личность уже подтверждена/);
});

test('confirmation: a wrong passport is refused and audited; three mismatches lock it for an hour', async () => {
  const p = DEMO_PERSONS[1]!;
  const c = await onlineCitizen(t, p);
  const empty = await operator.post(`/operator/citizens/${c.id}/confirm`, { passportSeries: '', passportNumber: '12' });
  assert.equal(empty.statusCode, 422, 'a malformed entry is not a strike');
  assert.match(empty.body, /Введите серию паспорта: 4 цифры/);
  assert.match(empty.body, /Номер паспорта — это 6 цифр/);
  const wrong = { passportSeries: p.passport.series, passportNumber: '000001' };
  const first = await operator.post(`/operator/citizens/${c.id}/confirm`, wrong);
  assert.equal(first.statusCode, 422);
  assert.match(first.body, /не совпадают с данными учётной записи.*Осталось попыток: 2/s);
  assert.match(first.body, /value="000001"/, 'what was typed is kept');
  assert.equal((await operator.post(`/operator/citizens/${c.id}/confirm`, wrong)).statusCode, 422);
  const third = await operator.post(`/operator/citizens/${c.id}/confirm`, wrong);
  assert.equal(third.statusCode, 429);
  assert.match(third.body, /трижды не совпали.*заблокирована до/s);
  // Even the right passport is refused while locked, and nothing changes.
  const right = await operator.post(`/operator/citizens/${c.id}/confirm`, { passportSeries: p.passport.series, passportNumber: p.passport.number });
  assert.equal(right.statusCode, 429);
  assert.equal((await getCitizenMeta(t.ctx.db, c.id))!.level, 'standard');
  const refused = await auditRows(t, 'staff.citizen.confirm_refused', c.id);
  assert.equal(refused.length, 3);
  assert.ok(refused.every((r) => r.actor_id && r.details.centreId && r.details.reason === 'passport_mismatch'));
  assert.ok(refused.every((r) => !JSON.stringify(r.details).includes('000001')), 'the typed number is not logged');

  // Another centre's operator is locked out as well (the lock is per citizen), until an hour has passed.
  await createPostOperator(t, 'post-operator-2');
  const actor = (await loadStaffActor(t.ctx.db, await staffId(t, 'post-operator-2')))!;
  const centre = (await findServiceCentre(t.ctx.db, 'kalga-post'))!;
  const desk = { actor, centre };
  const soon = await confirmIdentity(t.ctx, desk, c.id, { passportSeries: p.passport.series, passportNumber: p.passport.number }, 'ru', new Date(Date.now() + 30 * 60_000));
  assert.equal(soon.ok, false);
  const later = await confirmIdentity(t.ctx, desk, c.id, { passportSeries: p.passport.series, passportNumber: p.passport.number }, 'ru', new Date(Date.now() + 61 * 60_000));
  assert.equal(later.ok, true, JSON.stringify(later));
  assert.equal((await getCitizenMeta(t.ctx.db, c.id))!.confirmedAtCentreId, centre.id);
});

test('confirmation is refused with the reason for an account without personal data, or whose checks have not passed', async () => {
  const bare = await onlineCitizen(t, registryPerson(4), { personalData: false });
  const page = await operator.get(`/operator/citizens/${bare.id}/confirm`);
  assert.match(page.body, /ещё не ввёл паспорт и СНИЛС/);
  assert.doesNotMatch(page.body, /name="passportSeries"/);
  const post = await operator.post(`/operator/citizens/${bare.id}/confirm`, { passportSeries: '7608', passportNumber: '762713' });
  assert.equal(post.statusCode, 409);
  const restore = await operator.get(`/operator/citizens/${bare.id}/restore`);
  assert.match(restore.body, /нет паспортных данных, поэтому сверить личность нельзя/);
  assert.equal((await operator.post(`/operator/citizens/${bare.id}/restore`, { passportSeries: '7608', passportNumber: '762713', sendTo: 'current' })).statusCode, 409);

  const pending = await onlineCitizen(t, registryPerson(5), { runChecks: false });
  const inProgress = await operator.get(`/operator/citizens/${pending.id}/confirm`);
  assert.match(inProgress.body, /ещё проверяются/);
});

test('restore access: passport check, a one-time password by SMS, every session ends, the old password stops working', async () => {
  const p = registryPerson(6);
  const c = await onlineCitizen(t, p);
  const wrong = await operator.post(`/operator/citizens/${c.id}/restore`, { passportSeries: p.passport.series, passportNumber: '123456', sendTo: 'current' });
  assert.equal(wrong.statusCode, 422);
  assert.equal((await auditRows(t, 'staff.citizen.restore_refused', c.id)).length, 1);

  const page = await operator.get(`/operator/citizens/${c.id}/restore`);
  assert.match(page.body, /На подтверждённый телефон \+7 914 \*\*\*-\*\*-\d\d/);
  const res = await operator.post(`/operator/citizens/${c.id}/restore`, { passportSeries: p.passport.series, passportNumber: p.passport.number, sendTo: 'current' });
  assert.equal(res.statusCode, 303, res.body.slice(0, 1500));
  assert.equal(res.headers.location, `/operator/citizens/${c.id}?done=restored`);
  const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: c.cookie } });
  assert.equal(me.statusCode, 401, 'the citizen’s sessions ended');
  const { rows } = await t.ctx.db.query<{ n: number }>('select count(*)::int as n from sessions where citizen_id = $1', [c.id]);
  assert.equal(rows[0]!.n, 0);
  await lastSmsTo(t.ctx, c.phone);
  const all = t.ctx.simulators!.sms.messages().filter((m) => m.to === c.phone).map((m) => m.text);
  assert.ok(all.some((x) => /Доступ (к учётной записи )?восстановлен/.test(x)), 'access_restored');
  const otp = /Временный пароль: ([a-z0-9]{10})\./.exec(all.find((x) => x.startsWith('Временный пароль')) ?? '')?.[1];
  assert.ok(otp);
  const browser = new Browser(t.app);
  await browser.get('/login');
  assert.equal((await browser.post('/login', { login: c.phone, password: CITIZEN_PASSWORD })).statusCode, 401, 'the old password no longer works');
  const signIn = await browser.post('/login', { login: c.phone, password: otp });
  assert.equal(signIn.headers.location, '/cabinet/password');
  const [audit] = await auditRows(t, 'staff.citizen.restore', c.id);
  assert.equal(audit!.details.phoneChanged, false);
  assert.equal(audit!.actor_id, await staffId(t, 'operator'));
});

test('restore access to a new phone: it becomes the confirmed phone; a phone of another account is refused', async () => {
  const p = registryPerson(7);
  const c = await onlineCitizen(t, p);
  const other = await onlineCitizen(t, registryPerson(8), { personalData: false });
  const taken = await operator.post(`/operator/citizens/${c.id}/restore`, { passportSeries: p.passport.series, passportNumber: p.passport.number, sendTo: 'new', newPhone: other.phone });
  assert.equal(taken.statusCode, 422);
  assert.match(taken.body, /уже подтверждён в другой учётной записи/);
  const empty = await operator.post(`/operator/citizens/${c.id}/restore`, { passportSeries: p.passport.series, passportNumber: p.passport.number, sendTo: 'new', newPhone: '' });
  assert.equal(empty.statusCode, 422);
  assert.match(empty.body, /Введите новый номер/);

  const fresh = freshPhone();
  const res = await operator.post(`/operator/citizens/${c.id}/restore`, { passportSeries: p.passport.series, passportNumber: p.passport.number, sendTo: 'new', newPhone: fresh });
  assert.equal(res.statusCode, 303, res.body.slice(0, 1500));
  assert.match(await lastSmsTo(t.ctx, fresh), /Временный пароль/);
  assert.ok(t.ctx.simulators!.sms.messages().some((m) => m.to === c.phone && /Доступ (к учётной записи )?восстановлен/.test(m.text)), 'the old phone hears of it');
  const { rows } = await t.ctx.db.query<{ kind: string; verified: boolean }>('select kind, verified_at is not null as verified from citizen_contacts where citizen_id = $1', [c.id]);
  assert.deepEqual(rows, [{ kind: 'phone', verified: true }]);
  const found = await operator.post('/operator/search', { kind: 'phone', phone: fresh });
  assert.match(found.body, new RegExp(`/operator/citizens/${c.id}`));
});

test('update passport data: a new version, checks queued again, level kept, audited', async () => {
  const p = DEMO_PERSONS[2]!;
  const c = await onlineCitizen(t, p);
  await operator.post(`/operator/citizens/${c.id}/confirm`, { passportSeries: p.passport.series, passportNumber: p.passport.number });
  assert.equal((await getCitizenMeta(t.ctx.db, c.id))!.level, 'confirmed');
  const before = (await loadPersonalData(t.ctx.db, t.ctx.cipher, c.id))!;

  const same = await operator.post(`/operator/citizens/${c.id}/passport`, {
    passportSeries: p.passport.series, passportNumber: p.passport.number, passportIssueDate: p.passport.issueDate, passportIssuerCode: p.passport.issuerCode, passportIssuedBy: p.passport.issuedBy,
  });
  assert.equal(same.statusCode, 422);
  assert.match(same.body, /тот же паспорт/);
  const bad = await operator.post(`/operator/citizens/${c.id}/passport`, { passportSeries: '7626', passportNumber: '12', passportIssueDate: '31.02.2026', passportIssuerCode: '750-001', passportIssuedBy: '' });
  assert.equal(bad.statusCode, 422);
  for (const f of ['passportNumber', 'passportIssueDate', 'passportIssuedBy']) assert.match(bad.body, new RegExp(`id="field-${f}-error"`), f);
  assert.match(bad.body, /value="7626"/);

  const res = await operator.post(`/operator/citizens/${c.id}/passport`, {
    passportSeries: '76 26', passportNumber: '123456', passportIssueDate: '10.06.2026', passportIssuerCode: '750-012', passportIssuedBy: 'УМВД России по Забайкальскому краю',
  });
  assert.equal(res.statusCode, 303, res.body.slice(0, 1500));
  const after = (await loadPersonalData(t.ctx.db, t.ctx.cipher, c.id))!;
  assert.equal(after.version, before.version + 1);
  assert.deepEqual(after.data.passport, { series: '7626', number: '123456', issueDate: '2026-06-10', issuerCode: '750-012', issuedBy: 'УМВД России по Забайкальскому краю' });
  assert.equal(after.data.snils, before.data.snils, 'the rest is kept');
  assert.equal(after.data.registrationAddress, before.data.registrationAddress);
  assert.equal((await getCitizenMeta(t.ctx.db, c.id))!.level, 'confirmed');
  const { rows } = await t.ctx.db.query<{ status: string }>('select status from registry_checks where citizen_id = $1 and data_version = $2', [c.id, after.version]);
  assert.deepEqual(rows.map((r) => r.status), ['queued', 'queued']);
  const [audit] = await auditRows(t, 'staff.citizen.passport_update', c.id);
  assert.equal(audit!.details.dataVersion, after.version);
  // The registry does not know this passport: the check fails, the level stays confirmed.
  await runChecks(t, c.id);
  assert.equal((await getCitizenMeta(t.ctx.db, c.id))!.level, 'confirmed');
  const card = await operator.get(`/operator/citizens/${c.id}`);
  assert.match(card.body, /76 26 \*\*\*\*56/);
  assert.match(card.body, /Обновлены паспортные данные/);
  assert.ok((await verifyAuditChain(t.ctx.db)).ok);
});
