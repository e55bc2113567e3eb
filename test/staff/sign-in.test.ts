import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_PASSWORD } from '../../src/db/seed/demo.js';
import { Browser, createTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
before(async () => {
  t = await createTestApp({ seed: true });
});
after(async () => t.close());

test('the sign-in page is Russian, has a CSRF field and security headers', async () => {
  const b = new Browser(t.app);
  const res = await b.get('/staff/login');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<html lang="ru"/);
  assert.match(res.body, /Вход для сотрудников/);
  assert.ok(b.csrf.length > 20);
  assert.match(String(res.headers['content-security-policy']), /default-src 'self'/);
  assert.equal(res.headers['x-frame-options'], 'SAMEORIGIN');
  assert.equal(res.headers['x-content-type-options'], 'nosniff');
  const cookie = String(res.headers['set-cookie']);
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Lax/);
});

test('a form without the CSRF token is refused', async () => {
  const b = new Browser(t.app);
  await b.get('/staff/login');
  const res = await b.post('/staff/login', { _csrf: 'forged', login: 'coordinator', password: DEMO_PASSWORD });
  assert.equal(res.statusCode, 403);
  assert.match(res.body, /Доступ запрещён/);
});

test('empty fields get messages next to them', async () => {
  const b = new Browser(t.app);
  await b.get('/staff/login');
  const res = await b.post('/staff/login', { login: '', password: '' });
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /Введите логин\./);
  assert.match(res.body, /Введите пароль\./);
  assert.match(res.body, /href="#field-login"/);
});

test('a wrong password keeps the login typed and does not say whether the account exists', async () => {
  const b = new Browser(t.app);
  await b.get('/staff/login');
  const wrong = await b.post('/staff/login', { login: 'coordinator', password: 'not-the-password' });
  const missing = await b.post('/staff/login', { login: 'nobody-here', password: 'not-the-password' });
  assert.equal(wrong.statusCode, 401);
  assert.equal(missing.statusCode, 401);
  assert.match(wrong.body, /Неверный логин или пароль/);
  assert.match(missing.body, /Неверный логин или пароль/);
  assert.match(wrong.body, /value="coordinator"/);
  assert.doesNotMatch(wrong.body, /not-the-password/, 'the password is never echoed');
});

test('five failures lock the login for the window, even with the right password', async () => {
  const b = new Browser(t.app);
  await b.get('/staff/login');
  for (let i = 0; i < 5; i++) assert.equal((await b.post('/staff/login', { login: 'officer', password: `wrong-${i}-password` })).statusCode, 401);
  const locked = await b.post('/staff/login', { login: 'officer', password: DEMO_PASSWORD });
  assert.equal(locked.statusCode, 429);
  assert.match(locked.body, /Слишком много неудачных попыток входа\. Попробуйте снова через \d+ мин\./);
  const { rows } = await t.ctx.db.query<{ n: number }>("select count(*)::int as n from audit_log where action = 'staff.sign_in_failed' and subject_id = 'officer'");
  assert.equal(Number(rows[0]!.n), 5);
});

test('signing in rotates the session, shows the dashboard and is audited; signing out ends it', async () => {
  const b = new Browser(t.app);
  const first = await b.signIn('coordinator', DEMO_PASSWORD);
  assert.equal(first.statusCode, 303);
  assert.equal(first.headers.location, '/staff');
  const firstToken = b.cookies.get('uslugi_sid')!;
  const dash = await b.get('/staff');
  assert.equal(dash.statusCode, 200);
  assert.match(dash.body, /Егорова Светлана Андреевна/);
  assert.match(dash.body, /Координатор муниципалитета/);
  assert.match(dash.body, /Калганский/);

  // Signing in again from the same browser issues a new token; the old one is dead.
  await b.get('/staff/login');
  await b.post('/staff/login', { login: 'coordinator', password: DEMO_PASSWORD });
  const secondToken = b.cookies.get('uslugi_sid')!;
  assert.notEqual(firstToken, secondToken);
  const stale = await t.app.inject({ method: 'GET', url: '/staff', headers: { cookie: `uslugi_sid=${firstToken}` } });
  assert.equal(stale.statusCode, 303);

  const { rows } = await t.ctx.db.query<{ n: number }>("select count(*)::int as n from audit_log where action = 'staff.sign_in'");
  assert.ok(Number(rows[0]!.n) >= 2);

  await b.get('/staff');
  const out = await b.post('/staff/logout', {});
  assert.equal(out.statusCode, 303);
  const after = await b.get('/staff');
  assert.equal(after.statusCode, 303);
  assert.match(String(after.headers.location), /^\/staff\/login\?next=/);
});

test('staff pages need a session; the redirect returns to the page asked for', async () => {
  const b = new Browser(t.app);
  const res = await b.get('/staff/territory');
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/staff/login?next=%2Fstaff%2Fterritory');
  await b.get(String(res.headers.location));
  const signed = await b.post('/staff/login', { login: 'region', password: DEMO_PASSWORD, next: '/staff/territory' });
  assert.equal(signed.headers.location, '/staff/territory');
  await b.get('/staff'); // the CSRF token changes with the session: take the new one from a page
  const evil = await b.post('/staff/login', { login: 'region', password: DEMO_PASSWORD, next: '//evil.example/x' });
  assert.equal(evil.headers.location, '/staff', 'never redirects off-site');
});

test('password change checks the current password, refuses weak ones and signs out other sessions', async () => {
  const a = new Browser(t.app);
  const b = new Browser(t.app);
  await a.signIn('admin', DEMO_PASSWORD);
  await b.signIn('admin', DEMO_PASSWORD);
  await a.get('/staff/password');
  const weak = await a.post('/staff/password', { current: DEMO_PASSWORD, password: 'password1', repeat: 'password1' });
  assert.equal(weak.statusCode, 400);
  assert.match(weak.body, /слишком простой/);
  const wrongCurrent = await a.post('/staff/password', { current: 'nope', password: 'синий трамвай едет в депо', repeat: 'синий трамвай едет в депо' });
  assert.match(wrongCurrent.body, /Текущий пароль введён неверно/);
  const mismatch = await a.post('/staff/password', { current: DEMO_PASSWORD, password: 'синий трамвай едет в депо', repeat: 'другое' });
  assert.match(mismatch.body, /Пароли не совпадают/);
  const ok = await a.post('/staff/password', { current: DEMO_PASSWORD, password: 'синий трамвай едет в депо', repeat: 'синий трамвай едет в депо' });
  assert.equal(ok.statusCode, 303);
  assert.equal((await a.get('/staff')).statusCode, 200, 'this session stays');
  assert.equal((await b.get('/staff')).statusCode, 303, 'the other session ended');
  const again = new Browser(t.app);
  assert.equal((await again.signIn('admin', 'синий трамвай едет в депо')).statusCode, 303);
});

test('unknown pages get a Russian 404 page, API clients JSON', async () => {
  const page = await t.app.inject({ method: 'GET', url: '/no-such-page' });
  assert.equal(page.statusCode, 404);
  assert.match(page.body, /Страница не найдена/);
  const api = await t.app.inject({ method: 'GET', url: '/api/v1/no-such' });
  assert.equal(api.statusCode, 404);
  assert.equal(api.json().error, 'not_found');
});
