import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Browser, createTestApp, type TestApp } from '../support/app.js';
import { codeIn, freshPhone, lastMailTo, lastSmsTo } from '../support/citizen.js';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => t.close());

const PASSWORD = 'медленный синий паровоз';

async function apiPost(url: string, payload: unknown, cookie = '', csrf = '') {
  return t.app.inject({ method: 'POST', url, payload: payload as object, headers: { cookie, ...(csrf ? { 'x-csrf-token': csrf } : {}) } });
}

test('API: phone registration → code → password signs in with a simplified account', async () => {
  const phone = freshPhone();
  const start = await apiPost('/api/v1/registrations', { lastName: 'иванова', firstName: 'ольга', phone: phone.replace('+7', '8') });
  assert.equal(start.statusCode, 201, start.body);
  const { id, channel } = start.json();
  assert.equal(channel, 'phone');
  const sms = await lastSmsTo(t.ctx, phone);
  assert.match(sms, /Код/);
  const code = codeIn(sms);

  const early = await apiPost(`/api/v1/registrations/${id}/password`, { password: PASSWORD, passwordConfirmation: PASSWORD });
  assert.equal(early.statusCode, 409, 'no password before the contact is confirmed');

  assert.equal((await apiPost(`/api/v1/registrations/${id}/confirmation`, { code })).statusCode, 200);
  const weak = await apiPost(`/api/v1/registrations/${id}/password`, { password: '12345678', passwordConfirmation: '12345678' });
  assert.equal(weak.statusCode, 422);
  assert.ok(weak.json().fields.password);
  const mismatch = await apiPost(`/api/v1/registrations/${id}/password`, { password: PASSWORD, passwordConfirmation: PASSWORD + '!' });
  assert.equal(mismatch.json().fields.passwordConfirmation, 'Пароли не совпадают.');

  const done = await apiPost(`/api/v1/registrations/${id}/password`, { password: PASSWORD, passwordConfirmation: PASSWORD });
  assert.equal(done.statusCode, 200, done.body);
  assert.equal(done.json().citizen.level, 'simplified');
  const cookie = done.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
  assert.equal(me.statusCode, 200);
  const body = me.json();
  assert.equal(body.level, 'simplified');
  assert.equal(body.lastName, 'Иванова', 'names are normalised');
  assert.match(body.contacts[0].value, /\*\*\*/, 'contacts leave the server masked');
  assert.equal(body.contacts[0].verified, true);

  // Personal data never sits in the database in plaintext.
  const dump = await t.ctx.db.query<{ t: string }>('select row_to_json(c)::text as t from citizens c');
  assert.ok(dump.rows.every((r) => !r.t.includes('Иванова')));
  const contacts = await t.ctx.db.query<{ t: string }>('select row_to_json(c)::text as t from citizen_contacts c');
  assert.ok(contacts.rows.every((r) => !r.t.includes(phone.slice(2))));
});

test('API: invalid step-1 input answers 422 with a Russian message per field', async () => {
  const res = await apiPost('/api/v1/registrations', { lastName: 'Smith', firstName: '', phone: '+7 701 123 45 67' });
  assert.equal(res.statusCode, 422);
  const { fields } = res.json();
  assert.match(fields.lastName, /русские буквы/);
  assert.match(fields.firstName, /Введите имя/);
  assert.match(fields.phone, /Казахстан|российск/i);
  assert.equal((await apiPost('/api/v1/registrations', { lastName: 'Петров', firstName: 'Пётр' })).json().fields.phone, 'Укажите мобильный телефон или электронную почту.');
  assert.equal((await apiPost('/api/v1/registrations', { lastName: 1 })).statusCode, 400, 'a malformed body is a 400');
});

test('codes: wrong tries are counted, the fifth burns the code, a new code waits 60 s', async () => {
  const phone = freshPhone();
  const { id } = (await apiPost('/api/v1/registrations', { lastName: 'Сидоров', firstName: 'Семён', phone })).json();
  const real = codeIn(await lastSmsTo(t.ctx, phone));
  const wrong = real === '000000' ? '111111' : '000000';
  for (let left = 4; left >= 1; left--) {
    const r = await apiPost(`/api/v1/registrations/${id}/confirmation`, { code: wrong });
    assert.equal(r.statusCode, 422);
    assert.equal(r.json().fields.code, `Неверный код. Осталось попыток: ${left}.`);
  }
  const fifth = await apiPost(`/api/v1/registrations/${id}/confirmation`, { code: wrong });
  assert.match(fifth.json().fields.code, /слишком много раз/);
  const late = await apiPost(`/api/v1/registrations/${id}/confirmation`, { code: real });
  assert.equal(late.statusCode, 422, 'even the right code no longer works');

  const resend = await apiPost(`/api/v1/registrations/${id}/resend`, {});
  assert.equal(resend.statusCode, 429);
  assert.match(resend.json().fields.code, /Новый код можно запросить через \d+ секунд/);
});

test('codes expire after 5 minutes and 5 codes an hour are the most', async () => {
  const { issueChallenge, verifyChallenge, resendAllowedIn } = await import('../../src/modules/identity/otp.js');
  const { insertCitizen, insertContact, contactIndex } = await import('../../src/modules/identity/identity.repository.js');
  const phone = freshPhone();
  const citizenId = await insertCitizen(t.ctx.db, t.ctx.cipher, { lastName: 'Тест', firstName: 'Тест', status: 'pending' });
  const contactId = await insertContact(t.ctx.db, t.ctx.cipher, citizenId, { kind: 'phone', value: phone }, false);
  const idx = contactIndex(t.ctx.cipher, 'phone', phone);
  const t0 = new Date('2026-05-01T10:00:00Z');
  const secret = t.ctx.config.secrets.sessionSecret;
  const first = await issueChallenge(t.ctx.db, secret, { purpose: 'registration', citizenId, contactId, channel: 'phone', contactValueIndex: idx }, t0);
  assert.ok(first.ok);
  const expired = await verifyChallenge(t.ctx.db, secret, { citizenId, purpose: 'registration' }, first.ok ? first.secret : '', new Date(t0.getTime() + 5 * 60_000 + 1));
  assert.deepEqual(expired, { ok: false, reason: 'expired' });
  for (let i = 1; i < 5; i++) {
    assert.equal((await issueChallenge(t.ctx.db, secret, { purpose: 'registration', citizenId, contactId, channel: 'phone', contactValueIndex: idx }, new Date(t0.getTime() + i * 61_000))).ok, true);
  }
  const sixth = await resendAllowedIn(t.ctx.db, 'phone', idx, new Date(t0.getTime() + 6 * 61_000));
  assert.equal(sixth?.reason, 'hourly');
  assert.equal(await resendAllowedIn(t.ctx.db, 'phone', idx, new Date(t0.getTime() + 3_600_001)), null, 'the oldest code leaves the hour');
});

test('web: the whole simplified registration keeps what was typed on errors', async () => {
  const b = new Browser(t.app);
  const form = await b.get('/register');
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /Шаг 1 из 4/);
  const bad = await b.post('/register', { lastName: 'Кузнецова', firstName: '', phone: '123', email: '' });
  assert.equal(bad.statusCode, 422);
  assert.match(bad.body, /value="Кузнецова"/);
  assert.match(bad.body, /value="123"/);
  assert.match(bad.body, /Введите имя/);

  const phone = freshPhone();
  const ok = await b.post('/register', { lastName: 'Кузнецова', firstName: 'Мария', phone, email: '' });
  assert.equal(ok.headers.location, '/register/code');
  const codePage = await b.get('/register/code');
  assert.match(codePage.body, /Код/);
  assert.match(codePage.body, /Подтвердить/);
  assert.match(codePage.body, /Новый код можно запросить через \d+ секунд/);
  const wrong = await b.post('/register/code', { code: '12' });
  assert.match(wrong.body, /Код состоит из 6 цифр/);
  const code = codeIn(await lastSmsTo(t.ctx, phone));
  assert.equal((await b.post('/register/code', { code })).headers.location, '/register/password');
  await b.get('/register/password');
  const weak = await b.post('/register/password', { password: 'qwerty123', passwordConfirmation: 'qwerty123' });
  assert.equal(weak.statusCode, 422);
  assert.match(weak.body, /<meter/);
  const done = await b.post('/register/password', { password: PASSWORD, passwordConfirmation: PASSWORD });
  assert.equal(done.headers.location, '/cabinet?registered=1');
  const cabinet = await b.get('/cabinet?registered=1');
  assert.equal(cabinet.statusCode, 200);
  assert.match(cabinet.body, /Регистрация завершена/);
  assert.match(cabinet.body, /Упрощённая учётная запись/);
  assert.match(cabinet.body, /Заполнить личные данные/);
});

test('web: e-mail registration confirms by the link from the letter', async () => {
  const b = new Browser(t.app);
  await b.get('/register');
  const email = `maria.${Date.now()}@example.ru`;
  const res = await b.post('/register', { lastName: 'Орлова', firstName: 'Анна', phone: '', email });
  assert.equal(res.headers.location, '/register/email-sent');
  const mail = await lastMailTo(t.ctx, email);
  const link = /https?:\/\/[^\s]+\/register\/email\/[^\s]+/.exec(mail.text)?.[0];
  assert.ok(link, mail.text);
  const path = new URL(link!).pathname;
  const other = new Browser(t.app); // the link may be opened in another browser
  const opened = await other.get(path);
  assert.equal(opened.headers.location, '/register/password');
  await other.get('/register/password');
  assert.equal((await other.post('/register/password', { password: PASSWORD, passwordConfirmation: PASSWORD })).statusCode, 303);
  assert.equal((await other.get('/cabinet')).statusCode, 200);
  const reused = await new Browser(t.app).get(path);
  assert.equal(reused.statusCode, 400, 'a link works once');
});

test('sign-in by phone, e-mail or SNILS never says whether an account exists; five failures lock', async () => {
  const phone = freshPhone();
  const { id } = (await apiPost('/api/v1/registrations', { lastName: 'Волков', firstName: 'Иван', phone })).json();
  await apiPost(`/api/v1/registrations/${id}/confirmation`, { code: codeIn(await lastSmsTo(t.ctx, phone)) });
  await apiPost(`/api/v1/registrations/${id}/password`, { password: PASSWORD, passwordConfirmation: PASSWORD });

  const wrong = await apiPost('/api/v1/session', { login: phone, password: 'wrong password here' });
  const nobody = await apiPost('/api/v1/session', { login: '+79990001122', password: 'wrong password here' });
  assert.equal(wrong.statusCode, 401);
  assert.deepEqual(wrong.json(), nobody.json());
  for (let i = 0; i < 4; i++) await apiPost('/api/v1/session', { login: phone, password: `wrong-${i}-password` });
  const locked = await apiPost('/api/v1/session', { login: phone, password: PASSWORD });
  assert.equal(locked.statusCode, 429);
  assert.match(locked.json().fields.login, /Слишком много неудачных попыток/);
});

test('a contact already in use: same screens, and the owner is told by SMS', async () => {
  const phone = freshPhone();
  const { id } = (await apiPost('/api/v1/registrations', { lastName: 'Белова', firstName: 'Вера', phone })).json();
  await apiPost(`/api/v1/registrations/${id}/confirmation`, { code: codeIn(await lastSmsTo(t.ctx, phone)) });
  await apiPost(`/api/v1/registrations/${id}/password`, { password: PASSWORD, passwordConfirmation: PASSWORD });

  await new Promise((r) => setTimeout(r, 10));
  const again = await apiPost('/api/v1/registrations', { lastName: 'Белова', firstName: 'Вера', phone });
  // The 60-second rule applies per contact: wait it out by moving the earlier code back in time.
  if (again.statusCode === 429) {
    await t.ctx.db.query("update otp_challenges set created_at = created_at - interval '2 minutes'");
  }
  const second = again.statusCode === 201 ? again : await apiPost('/api/v1/registrations', { lastName: 'Белова', firstName: 'Вера', phone });
  assert.equal(second.statusCode, 201, 'nothing on screen reveals the account');
  const sms = await lastSmsTo(t.ctx, phone);
  assert.doesNotMatch(sms, /\b\d{6}\b/, 'no code is sent for a taken number');
  assert.match(sms, /уже/);
});

test('recovery by a code to the confirmed phone sets a new password and ends other sessions', async () => {
  const phone = freshPhone();
  const { id } = (await apiPost('/api/v1/registrations', { lastName: 'Ершова', firstName: 'Нина', phone })).json();
  await apiPost(`/api/v1/registrations/${id}/confirmation`, { code: codeIn(await lastSmsTo(t.ctx, phone)) });
  const signed = await apiPost(`/api/v1/registrations/${id}/password`, { password: PASSWORD, passwordConfirmation: PASSWORD });
  const oldCookie = signed.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  await t.ctx.db.query("update otp_challenges set created_at = created_at - interval '2 minutes'");

  const b = new Browser(t.app);
  await b.get('/recover');
  const unknown = await b.post('/recover', { contact: '+79990009988' });
  assert.equal(unknown.headers.location, '/recover/password', 'an unknown contact looks the same');
  await b.get('/recover');
  const res = await b.post('/recover', { contact: phone });
  assert.equal(res.headers.location, '/recover/password');
  await b.get('/recover/password');
  const code = codeIn(await lastSmsTo(t.ctx, phone));
  const newPassword = 'зелёная лампа над столом';
  const bad = await b.post('/recover/password', { code: '000000' === code ? '111111' : '000000', password: newPassword, passwordConfirmation: newPassword });
  assert.match(bad.body, /Неверный код/);
  const ok = await b.post('/recover/password', { code, password: newPassword, passwordConfirmation: newPassword });
  assert.equal(ok.headers.location, '/login?recovered=1');
  assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: oldCookie } })).statusCode, 401, 'the old session ended');
  assert.equal((await apiPost('/api/v1/session', { login: phone, password: newPassword })).statusCode, 200);
});
