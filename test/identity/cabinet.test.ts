import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { appendAudit } from '../../src/platform/audit.js';
import { DEMO_PASSWORD } from '../../src/db/seed/demo.js';
import { contactIndex } from '../../src/modules/identity/identity.repository.js';
import { sessionRef } from '../../src/modules/identity/cabinet-sessions.js';
import { findStaffForSignIn } from '../../src/modules/staff/staff.repository.js';
import { findOrganisation, findServiceCentre } from '../../src/modules/territory/territory.repository.js';
import { Browser, createTestApp, type TestApp } from '../support/app.js';
import { codeIn, freshPhone, lastMailTo, lastSmsTo } from '../support/citizen.js';

let t: TestApp;
before(async () => {
  t = await createTestApp({ seed: true });
});
after(async () => t.close());

const PASSWORD = 'медленный синий паровоз';
const NEW_PASSWORD = 'зелёная лампа над старым столом';
const ANDROID_CHROME = 'Mozilla/5.0 (Linux; Android 13; SM-A525F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36';

/** A citizen registered through the web journey, signed in in `b`. */
async function registerCitizen(lastName: string, firstName: string) {
  const b = new Browser(t.app);
  const phone = freshPhone();
  await b.get('/register');
  assert.equal((await b.post('/register', { lastName, firstName, phone, email: '' })).headers.location, '/register/code');
  const code = codeIn(await lastSmsTo(t.ctx, phone));
  await b.get('/register/code');
  assert.equal((await b.post('/register/code', { code })).headers.location, '/register/password');
  await b.get('/register/password');
  assert.equal((await b.post('/register/password', { password: PASSWORD, passwordConfirmation: PASSWORD })).headers.location, '/cabinet?registered=1');
  const me = await b.get('/api/v1/me');
  return { b, phone, id: me.json().id as string };
}

async function webSignIn(login: string, password: string) {
  const b = new Browser(t.app);
  await b.get('/login');
  const res = await b.post('/login', { login, password });
  assert.equal(res.statusCode, 303, res.body);
  return b;
}

function apiSignIn(login: string, password: string, userAgent?: string) {
  return t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { login, password }, headers: userAgent ? { 'user-agent': userAgent } : {} });
}

async function auditActions(citizenId: string): Promise<string[]> {
  const { rows } = await t.ctx.db.query<{ action: string }>("select action from audit_log where subject_type = 'citizen' and subject_id = $1 order by seq", [citizenId]);
  return rows.map((r) => r.action);
}

async function staffBrowser(login: string) {
  const s = new Browser(t.app);
  const res = await s.signIn(login, DEMO_PASSWORD);
  assert.equal(res.statusCode, 303, `${login} signs in`);
  return s;
}

test('cabinet pages need a signed-in citizen', async () => {
  for (const path of ['/cabinet/contacts', '/cabinet/password', '/cabinet/sign-ins', '/cabinet/history', '/cabinet/sessions']) {
    const res = await new Browser(t.app).get(path);
    assert.equal(res.statusCode, 303, path);
    assert.equal(res.headers.location, `/login?next=${encodeURIComponent(path)}`);
  }
  assert.equal((await new Browser(t.app).get('/staff/reports')).headers.location, '/staff/login?next=%2Fstaff%2Freports');
});

test('contacts: a new phone is confirmed by a code (wrong code, resend wait, expiry) and replaces the old one', async () => {
  const { b, phone, id } = await registerCitizen('Морозова', 'Анна');
  const page = await b.get('/cabinet/contacts');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /\+7 914 \*\*\*-\*\*-\d\d/, 'contacts are masked');
  assert.ok(!page.body.includes(phone.slice(2)), 'the full number never reaches the page');
  assert.match(page.body, /Контакты/);

  const bad = await b.post('/cabinet/contacts', { kind: 'phone', phone: '8 914 12' });
  assert.equal(bad.statusCode, 422);
  assert.match(bad.body, /value="8 914 12"/, 'what was typed is kept');
  assert.match(bad.body, /error-summary/);
  assert.match(bad.body, /10 цифр/);

  const newPhone = freshPhone();
  const requested = await b.post('/cabinet/contacts', { kind: 'phone', phone: newPhone });
  assert.equal(requested.statusCode, 303, requested.body);
  assert.equal(requested.headers.location, '/cabinet/contacts/confirm');
  const sms = await lastSmsTo(t.ctx, newPhone);
  assert.match(sms, /Код для смены контакта/);
  const firstCode = codeIn(sms);

  const confirmPage = await b.get('/cabinet/contacts/confirm');
  assert.equal(confirmPage.statusCode, 200);
  assert.match(confirmPage.body, /Новый код можно запросить через \d+ секунд/);
  const pendingList = await b.get('/cabinet/contacts');
  assert.match(pendingList.body, /Ожидает подтверждения/);
  await b.get('/cabinet/contacts/confirm');

  const early = await b.post('/cabinet/contacts/resend', {});
  assert.equal(early.statusCode, 429);
  assert.match(early.body, /Новый код можно запросить через \d+ секунд/);

  const wrong = await b.post('/cabinet/contacts/confirm', { code: firstCode === '000000' ? '111111' : '000000' });
  assert.equal(wrong.statusCode, 422);
  assert.match(wrong.body, /Неверный код\. Осталось попыток: 4\./);
  assert.equal((await b.post('/cabinet/contacts/confirm', { code: '12' })).statusCode, 422);

  assert.equal((await apiSignIn(newPhone, PASSWORD)).statusCode, 401, 'an unconfirmed contact does not sign in');

  // Five minutes later the code has expired.
  await t.ctx.db.query(
    "update otp_challenges set created_at = created_at - interval '6 minutes', expires_at = expires_at - interval '6 minutes' where citizen_id = $1 and purpose = 'contact_change'",
    [id],
  );
  const expired = await b.post('/cabinet/contacts/confirm', { code: firstCode });
  assert.equal(expired.statusCode, 422);
  assert.match(expired.body, /Срок действия кода истёк/);

  const resent = await b.post('/cabinet/contacts/resend', {});
  assert.equal(resent.statusCode, 200);
  assert.match(resent.body, /Новый код отправлен/);
  const code = codeIn(await lastSmsTo(t.ctx, newPhone));
  const ok = await b.post('/cabinet/contacts/confirm', { code });
  assert.equal(ok.headers.location, '/cabinet/contacts?changed=replaced');
  const after = await b.get('/cabinet/contacts?changed=replaced');
  assert.match(after.body, /заменил прежний/);
  assert.doesNotMatch(after.body, /Ожидает подтверждения/);

  const { rows } = await t.ctx.db.query<{ kind: string; value_index: string; verified: boolean }>('select kind, value_index, verified_at is not null as verified from citizen_contacts where citizen_id = $1', [id]);
  assert.deepEqual(rows.filter((r) => r.verified).map((r) => r.value_index), [contactIndex(t.ctx.cipher, 'phone', newPhone)], 'the new phone replaced the old one');
  assert.equal((await apiSignIn(newPhone, PASSWORD)).statusCode, 200);
  assert.equal((await apiSignIn(phone, PASSWORD)).statusCode, 401, 'the old phone no longer signs in');
  const actions = await auditActions(id);
  assert.ok(actions.includes('citizen.contact.add_request'));
  assert.ok(actions.includes('citizen.contact.change'));
});

test('contacts: a contact of another account is refused without naming it; an e-mail gets a code; the last contact stays', async () => {
  const other = await registerCitizen('Белова', 'Вера');
  const { b, id } = await registerCitizen('Лебедева', 'Ирина');
  await b.get('/cabinet/contacts');
  const taken = await b.post('/cabinet/contacts', { kind: 'phone', phone: other.phone });
  assert.equal(taken.statusCode, 409);
  assert.match(taken.body, /привязан к другой учётной записи/);
  assert.doesNotMatch(taken.body, /Белова|Вера/, 'whose it is stays unsaid');

  const { rows: mine } = await t.ctx.db.query<{ id: string }>('select id from citizen_contacts where citizen_id = $1 and verified_at is not null', [id]);
  const onlyOne = await b.post(`/cabinet/contacts/${mine[0]!.id}/remove`, {});
  assert.equal(onlyOne.statusCode, 409);
  assert.match(onlyOne.body, /Нельзя удалить единственный подтверждённый контакт/);
  const { rows: theirs } = await t.ctx.db.query<{ id: string }>('select id from citizen_contacts where citizen_id = $1', [other.id]);
  assert.equal((await b.post(`/cabinet/contacts/${theirs[0]!.id}/remove`, {})).statusCode, 404, 'another citizen’s contact is not found');

  await b.get('/cabinet/contacts');
  const email = `irina.${Date.now()}@example.ru`;
  assert.equal((await b.post('/cabinet/contacts', { kind: 'email', email })).headers.location, '/cabinet/contacts/confirm');
  const mail = await lastMailTo(t.ctx, email);
  await b.get('/cabinet/contacts/confirm');
  const emptyCode = await b.post('/cabinet/contacts/confirm', { code: '' });
  assert.match(emptyCode.body, /Введите код из письма/);
  assert.equal((await b.post('/cabinet/contacts/confirm', { code: codeIn(mail.text) })).headers.location, '/cabinet/contacts?changed=added');
  const both = await b.get('/cabinet/contacts');
  assert.match(both.body, /ir\*\*\*@example\.ru/);
  assert.match(both.body, /Удалить телефон/);

  assert.equal((await b.post(`/cabinet/contacts/${mine[0]!.id}/remove`, {})).headers.location, '/cabinet/contacts?removed=1');
  const emailOnly = await b.get('/cabinet/contacts?removed=1');
  assert.match(emailOnly.body, /Контакт удалён/);
  assert.doesNotMatch(emailOnly.body, /Удалить почту/, 'the only contact left offers no removal');
  const { rows: left } = await t.ctx.db.query<{ id: string }>('select id from citizen_contacts where citizen_id = $1 and verified_at is not null', [id]);
  assert.equal(left.length, 1);
  assert.equal((await b.post(`/cabinet/contacts/${left[0]!.id}/remove`, {})).statusCode, 409);
  assert.equal((await apiSignIn(email, PASSWORD)).statusCode, 200, 'the e-mail now signs in');
});

test('password: a weak one is refused; a change ends every other session', async () => {
  const { b, phone, id } = await registerCitizen('Соболева', 'Нина');
  const other = await webSignIn(phone, PASSWORD);
  assert.equal((await other.get('/cabinet')).statusCode, 200);

  const form = await b.get('/cabinet/password');
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /<meter/);
  assert.match(form.body, /Текущий пароль/);

  const weak = await b.post('/cabinet/password', { currentPassword: PASSWORD, password: '12345678', passwordConfirmation: '12345678' });
  assert.equal(weak.statusCode, 422);
  assert.match(weak.body, /слишком простой/);
  const wrongCurrent = await b.post('/cabinet/password', { currentPassword: 'не тот пароль совсем', password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD });
  assert.equal(wrongCurrent.statusCode, 422);
  assert.match(wrongCurrent.body, /Текущий пароль введён неверно/);
  const mismatch = await b.post('/cabinet/password', { currentPassword: PASSWORD, password: NEW_PASSWORD, passwordConfirmation: `${NEW_PASSWORD}!` });
  assert.match(mismatch.body, /Пароли не совпадают/);

  const done = await b.post('/cabinet/password', { currentPassword: PASSWORD, password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD });
  assert.equal(done.headers.location, '/cabinet/password?changed=1');
  assert.match((await b.get('/cabinet/password?changed=1')).body, /Пароль изменён/);
  assert.equal((await b.get('/cabinet')).statusCode, 200, 'this browser stays signed in');
  const ended = await other.get('/cabinet');
  assert.equal(ended.statusCode, 303, 'the other session ended');
  assert.match(String(ended.headers.location), /^\/login/);
  assert.equal((await apiSignIn(phone, PASSWORD)).statusCode, 401);
  assert.equal((await apiSignIn(phone, NEW_PASSWORD)).statusCode, 200);
  assert.ok((await auditActions(id)).includes('citizen.password_change'));
});

test('must change password: the cabinet sends the citizen to /cabinet/password until it is changed', async () => {
  const { b, phone, id } = await registerCitizen('Орлова', 'Дарья');
  await t.ctx.db.query('update citizens set must_change_password = true where id = $1', [id]);
  for (const path of ['/cabinet/contacts', '/cabinet/sign-ins', '/cabinet/history', '/cabinet/sessions']) {
    const res = await b.get(path);
    assert.equal(res.statusCode, 303, path);
    assert.equal(res.headers.location, '/cabinet/password', path);
  }
  const page = await b.get('/cabinet/password');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /одноразовым паролем/);
  // Signing in lands on the same page.
  const again = new Browser(t.app);
  await again.get('/login');
  assert.equal((await again.post('/login', { login: phone, password: PASSWORD })).headers.location, '/cabinet/password');

  await b.get('/cabinet/password');
  const done = await b.post('/cabinet/password', { currentPassword: PASSWORD, password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD });
  assert.equal(done.headers.location, '/cabinet/password?changed=1');
  assert.equal((await b.get('/cabinet/contacts')).statusCode, 200, 'the cabinet opens once the password is changed');
  const { rows } = await t.ctx.db.query<{ must: boolean }>('select must_change_password as must from citizens where id = $1', [id]);
  assert.equal(rows[0]!.must, false);
});

test(
  'must change password: /cabinet, /cabinet/personal-data and /cabinet/checks redirect too',
  async () => {
    const { b, id } = await registerCitizen('Крылова', 'Алла');
    await t.ctx.db.query('update citizens set must_change_password = true where id = $1', [id]);
    for (const path of ['/cabinet', '/cabinet/personal-data', '/cabinet/checks']) {
      const res = await b.get(path);
      assert.equal(res.headers.location, '/cabinet/password', path);
    }
  },
);

test('sign-in history: a failed attempt is listed; «Это был не я» makes a report the region’s staff see and resolve', async () => {
  const { b, phone, id } = await registerCitizen('Зайцева', 'Елена');
  assert.equal((await apiSignIn(phone, 'совсем не тот пароль', ANDROID_CHROME)).statusCode, 401);
  assert.equal((await apiSignIn(phone, PASSWORD, ANDROID_CHROME)).statusCode, 200);

  const page = await b.get('/cabinet/sign-ins');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Неудачная попытка/);
  assert.match(page.body, /Вход выполнен/);
  assert.match(page.body, /Chrome, Android/);
  assert.match(page.body, /телефон/);
  assert.match(page.body, /\d\d\.\d\d\.\d{4} \d\d:\d\d/);
  assert.match(page.body, /GMT\+9/, 'the region’s time (Asia/Chita)');
  assert.match(page.body, /Это был не я/);

  const { rows } = await t.ctx.db.query<{ id: string }>('select id::text as id from citizen_sign_ins where citizen_id = $1 and success = false', [id]);
  const reported = await b.post(`/cabinet/sign-ins/${rows[0]!.id}/report`, {});
  assert.equal(reported.statusCode, 303);
  const reportPath = String(reported.headers.location);
  assert.match(reportPath, /^\/cabinet\/reports\/[0-9a-f-]{36}$/);
  const report = await b.get(reportPath);
  assert.equal(report.statusCode, 200);
  assert.match(report.body, /Сообщение отправлено/);
  assert.match(report.body, /Неудачная попытка входа \d\d\.\d\d\.\d{4} \d\d:\d\d: телефон, Chrome, Android/);
  assert.match(report.body, /href="\/cabinet\/password"/);
  assert.match(report.body, /action="\/cabinet\/sessions\/end-others"/);
  assert.match((await b.get('/cabinet/sign-ins')).body, /Вы сообщили/);
  const { rows: saved } = await t.ctx.db.query<{ ref_kind: string; status: string }>('select ref_kind, status from citizen_reports where citizen_id = $1', [id]);
  assert.deepEqual(saved, [{ ref_kind: 'sign_in', status: 'open' }]);
  const reportId = reportPath.split('/').pop()!;

  for (const login of ['region', 'admin']) {
    const s = await staffBrowser(login);
    const list = await s.get('/staff/reports');
    assert.equal(list.statusCode, 200, login);
    assert.ok(list.body.includes(id.slice(0, 8)), `${login} sees the citizen's short id`);
    assert.match(list.body, /Неудачная попытка входа [\d.: ]+: телефон, Chrome, Android/);
    assert.ok(!list.body.includes('Зайцева'), 'no personal data on the staff list');
  }
  const reception = await staffBrowser('reception');
  assert.equal((await reception.get('/staff/reports')).statusCode, 403);
  await reception.get('/staff');
  assert.equal((await reception.post(`/staff/reports/${reportId}/resolve`, {})).statusCode, 403);

  const region = await staffBrowser('region');
  await region.get('/staff/reports');
  assert.equal((await region.post(`/staff/reports/${reportId}/resolve`, {})).headers.location, '/staff/reports?resolved=1');
  const resolved = await region.get('/staff/reports?status=resolved');
  assert.ok(resolved.body.includes(id.slice(0, 8)));
  assert.ok(!(await region.get('/staff/reports')).body.includes(id.slice(0, 8)), 'no longer among the open ones');
  const { rows: done } = await t.ctx.db.query<{ status: string; resolved_at: Date | null; resolved_by_staff_id: string | null }>(
    'select status, resolved_at, resolved_by_staff_id from citizen_reports where id = $1',
    [reportId],
  );
  assert.equal(done[0]!.status, 'resolved');
  assert.ok(done[0]!.resolved_at && done[0]!.resolved_by_staff_id);
  assert.match((await b.get(reportPath)).body, /рассмотрено/);
});

test('account history: registration, and a staff action shown as its service centre, never the staff member', async () => {
  const { b, id } = await registerCitizen('Никитина', 'Полина');
  const operator = (await findStaffForSignIn(t.ctx.db, 'operator'))!.actor;
  const org = (await findOrganisation(t.ctx.db, { key: 'kalga-mfc' }))!;
  const centre = (await findServiceCentre(t.ctx.db, 'kalga-mfc-office'))!;
  const adminCentre = (await findServiceCentre(t.ctx.db, 'kalga-admin-cou'))!;
  const { seq } = await appendAudit(t.ctx.db, { actorType: 'staff', actorId: operator.id, action: 'staff.citizen.view', subjectType: 'citizen', subjectId: id, organisationId: org.id });
  await appendAudit(t.ctx.db, { actorType: 'staff', actorId: operator.id, action: 'staff.citizen.passport_update', subjectType: 'citizen', subjectId: id, details: { centreId: adminCentre.id } });
  await appendAudit(t.ctx.db, { actorType: 'staff', actorId: operator.id, action: 'staff.citizen.something_new', subjectType: 'citizen', subjectId: id });

  const page = await b.get('/cabinet/history');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Регистрация завершена: создана упрощённая учётная запись/);
  assert.match(page.body, />Вы</);
  assert.ok(page.body.includes(`Оператор центра обслуживания «${centre.name}»`), 'the centre from the organisation');
  assert.ok(page.body.includes(`Оператор центра обслуживания «${adminCentre.name}»`), 'the centre from details.centreId');
  assert.match(page.body, /Учётная запись просмотрена сотрудником/);
  assert.match(page.body, /Действие с учётной записью/);
  assert.match(page.body, /Сотрудник портала/);
  for (const part of operator.fullName.split(' ')) assert.ok(!page.body.includes(part), `no staff name (${part})`);
  assert.ok(!page.body.includes('operator'), 'no staff login');

  const reported = await b.post(`/cabinet/history/${seq}/report`, {});
  assert.match(String(reported.headers.location), /^\/cabinet\/reports\//);
  const { rows } = await t.ctx.db.query<{ ref_kind: string; ref_id: string }>('select ref_kind, ref_id from citizen_reports where citizen_id = $1', [id]);
  assert.deepEqual(rows, [{ ref_kind: 'audit', ref_id: String(seq) }]);
  const report = await b.get(String(reported.headers.location));
  assert.match(report.body, /Учётная запись просмотрена сотрудником/);

  // 20 a page.
  for (let i = 0; i < 20; i++) await appendAudit(t.ctx.db, { actorType: 'system', action: 'citizen.checks.unavailable', subjectType: 'citizen', subjectId: id });
  const first = await b.get('/cabinet/history');
  assert.match(first.body, /href="\/cabinet\/history\?page=2"/);
  const second = await b.get('/cabinet/history?page=2');
  assert.equal(second.statusCode, 200);
  assert.match(second.body, /Начата регистрация/);
  assert.equal((await b.get('/cabinet/history?page=999')).statusCode, 200, 'a page past the end shows the last one');
});

test('sessions: this session is marked; one other and all others can be ended', async () => {
  const { b, phone, id } = await registerCitizen('Воронова', 'Ксения');
  const second = await webSignIn(phone, PASSWORD);
  const third = await webSignIn(phone, PASSWORD);
  const page = await b.get('/cabinet/sessions');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Этот сеанс/);
  const refs = [...page.body.matchAll(/action="\/cabinet\/sessions\/([A-Za-z0-9_-]+)\/end"/g)].map((m) => m[1]!);
  assert.equal(refs.length, 2, 'two other sessions, each with «Завершить»');
  assert.match(page.body, /Завершить все другие сеансы/);

  assert.equal((await b.post(`/cabinet/sessions/${refs[0]}/end`, {})).headers.location, '/cabinet/sessions?endedOne=1');
  const stillIn = [(await second.get('/cabinet')).statusCode, (await third.get('/cabinet')).statusCode].sort();
  assert.deepEqual(stillIn, [200, 303], 'exactly one other session ended');
  assert.match((await b.get('/cabinet/sessions?endedOne=1')).body, /Сеанс завершён/);
  assert.equal((await b.post(`/cabinet/sessions/${refs[0]}/end`, {})).statusCode, 404, 'an ended session is not found');

  await b.get('/cabinet/sessions');
  assert.equal((await b.post('/cabinet/sessions/end-others', {})).headers.location, '/cabinet/sessions?ended=1');
  const after = await b.get('/cabinet/sessions?ended=1');
  assert.match(after.body, /Другие сеансы завершены: 1\./);
  assert.match(after.body, /Других открытых сеансов нет/);
  assert.equal((await second.get('/cabinet')).statusCode, 303);
  assert.equal((await third.get('/cabinet')).statusCode, 303);
  assert.equal((await b.get('/cabinet')).statusCode, 200);
  const actions = await auditActions(id);
  assert.ok(actions.includes('citizen.session.end') && actions.includes('citizen.sessions.end_others'));
});

test('another citizen’s report, sign-in, history row or session is not found', async () => {
  const owner = await registerCitizen('Тихонова', 'Вера');
  const stranger = await registerCitizen('Фомина', 'Олеся');
  const otherBrowser = await webSignIn(owner.phone, PASSWORD);
  void otherBrowser;
  const { rows: signIns } = await t.ctx.db.query<{ id: string }>('select id::text as id from citizen_sign_ins where citizen_id = $1 limit 1', [owner.id]);
  await owner.b.get('/cabinet/sign-ins');
  const reportPath = String((await owner.b.post(`/cabinet/sign-ins/${signIns[0]!.id}/report`, {})).headers.location);
  assert.equal((await owner.b.get(reportPath)).statusCode, 200);

  const s = stranger.b;
  assert.equal((await s.get(reportPath)).statusCode, 404, 'another citizen’s report');
  assert.equal((await s.get('/cabinet/reports/not-a-uuid')).statusCode, 404);
  await s.get('/cabinet/sign-ins');
  assert.equal((await s.post(`/cabinet/sign-ins/${signIns[0]!.id}/report`, {})).statusCode, 404, 'another citizen’s sign-in');
  const { rows: audit } = await t.ctx.db.query<{ seq: string }>("select seq::text as seq from audit_log where subject_type = 'citizen' and subject_id = $1 limit 1", [owner.id]);
  await s.get('/cabinet/history');
  assert.equal((await s.post(`/cabinet/history/${audit[0]!.seq}/report`, {})).statusCode, 404, 'another citizen’s history row');
  const { rows: sessions } = await t.ctx.db.query<{ id_hash: string }>('select id_hash from sessions where citizen_id = $1', [owner.id]);
  await s.get('/cabinet/sessions');
  for (const x of sessions) {
    assert.equal((await s.post(`/cabinet/sessions/${sessionRef(t.ctx.config.secrets.sessionSecret, x.id_hash)}/end`, {})).statusCode, 404, 'another citizen’s session');
  }
  const { rows: still } = await t.ctx.db.query<{ n: number }>('select count(*)::int as n from sessions where citizen_id = $1', [owner.id]);
  assert.equal(Number(still[0]!.n), sessions.length, 'nothing of the owner’s was ended');
  const { rows: reports } = await t.ctx.db.query<{ n: number }>('select count(*)::int as n from citizen_reports where citizen_id = $1', [stranger.id]);
  assert.equal(Number(reports[0]!.n), 0);
});
