/**
 * Who may use the operator's workplace: operators act only as their centre's
 * capabilities allow (a post office only confirms), other staff roles are
 * refused, supervisors see figures but cannot act, citizens and anonymous
 * visitors are sent to the staff sign-in.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_PERSONS } from '../../src/simulators/data/persons.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { freshPhone } from '../support/citizen.js';
import { createPostOperator, deskForm, onlineCitizen, staffBrowser } from './support.js';

let t: TestApp;
let citizenId: string;
let citizenCookie: string;

before(async () => {
  t = await createTestApp({ seed: true });
  await createPostOperator(t);
  const c = await onlineCitizen(t, DEMO_PERSONS[0]!);
  citizenId = c.id;
  citizenCookie = c.cookie;
});
after(async () => t.close());

test('an МФЦ operator opens every page of the workplace', async () => {
  const b = await staffBrowser(t, 'operator');
  const home = await b.get('/operator');
  assert.equal(home.statusCode, 200);
  assert.match(home.body, /Рабочее место оператора/);
  assert.match(home.body, /Офис МФЦ Забайкальского края в с\. Калга/);
  assert.match(home.body, /name="_csrf"/);
  for (const url of ['/operator/register', `/operator/citizens/${citizenId}`, `/operator/citizens/${citizenId}/confirm`, `/operator/citizens/${citizenId}/restore`, `/operator/citizens/${citizenId}/passport`, `/operator/citizens/${citizenId}/delete`, '/operator/figures']) {
    const res = await b.get(url);
    assert.equal(res.statusCode, 200, url);
  }
});

test('a post-office operator (confirm only) may find and confirm, but not register, restore or delete: 403', async () => {
  const b = await staffBrowser(t, 'post-operator');
  const home = await b.get('/operator');
  assert.equal(home.statusCode, 200);
  assert.match(home.body, /Отделение почтовой связи Калга/);
  assert.doesNotMatch(home.body, /href="\/operator\/register"/, 'no register button');
  const card = await b.get(`/operator/citizens/${citizenId}`);
  assert.equal(card.statusCode, 200);
  assert.match(card.body, /Подтвердить личность/);
  assert.doesNotMatch(card.body, /Восстановить доступ|Удалить учётную запись/);
  assert.match(card.body, /Обновить паспортные данные/, 'confirm covers the passport update');
  for (const url of ['/operator/register', `/operator/citizens/${citizenId}/restore`, `/operator/citizens/${citizenId}/delete`]) {
    assert.equal((await b.get(url)).statusCode, 403, `GET ${url}`);
  }
  const reg = await b.post('/operator/register', deskForm(DEMO_PERSONS[1]!, freshPhone()));
  assert.equal(reg.statusCode, 403);
  assert.match(reg.body, /Доступ запрещён/);
  assert.equal((await b.post(`/operator/citizens/${citizenId}/restore`, { passportSeries: '7699', passportNumber: '321117', sendTo: 'current' })).statusCode, 403);
  assert.equal((await b.post(`/operator/citizens/${citizenId}/delete`, { reason: 'citizen_request', confirm: 'on' })).statusCode, 403);
  const { rows } = await t.ctx.db.query<{ status: string }>('select status from citizens where id = $1', [citizenId]);
  assert.equal(rows[0]!.status, 'active', 'nothing happened');
  assert.equal((await b.get(`/operator/citizens/${citizenId}/confirm`)).statusCode, 200);
});

test('reception staff and department officers are refused (403)', async () => {
  for (const login of ['reception', 'officer']) {
    const b = await staffBrowser(t, login);
    for (const url of ['/operator', '/operator/register', `/operator/citizens/${citizenId}`, '/operator/figures']) {
      assert.equal((await b.get(url)).statusCode, 403, `${login} GET ${url}`);
    }
    assert.equal((await b.post('/operator/search', { kind: 'snils', snils: DEMO_PERSONS[0]!.snils })).statusCode, 403);
  }
});

test('regional and system administrators see figures but cannot act on citizens', async () => {
  for (const login of ['region', 'admin']) {
    const b = await staffBrowser(t, login);
    const home = await b.get('/operator');
    assert.equal(home.statusCode, 303);
    assert.equal(home.headers.location, '/operator/figures');
    const choose = await b.get('/operator/figures');
    assert.equal(choose.statusCode, 200);
    assert.match(choose.body, /kalga-mfc-office/);
    const figures = await b.get('/operator/figures?centre=kalga-mfc-office');
    assert.equal(figures.statusCode, 200);
    assert.match(figures.body, /<caption[^>]*>По дням, последние 14 дней<\/caption>/);
    for (const url of [`/operator/citizens/${citizenId}`, '/operator/register', `/operator/citizens/${citizenId}/confirm`]) {
      assert.equal((await b.get(url)).statusCode, 403, `${login} GET ${url}`);
    }
    assert.equal((await b.post(`/operator/citizens/${citizenId}/confirm`, { passportSeries: '7624', passportNumber: '387424' })).statusCode, 403);
  }
});

test('the municipal coordinator sees the figures of their municipality’s centres only', async () => {
  const b = await staffBrowser(t, 'coordinator');
  assert.equal((await b.get('/operator/figures?centre=kalga-post')).statusCode, 200);
  assert.equal((await b.get('/operator/figures?centre=chita-mfc-central')).statusCode, 403);
  assert.equal((await b.get('/operator/figures?centre=no-such-centre')).statusCode, 404);
});

test('an operator sees only their own centre’s figures', async () => {
  const b = await staffBrowser(t, 'operator');
  assert.equal((await b.get('/operator/figures?centre=kalga-mfc-office')).statusCode, 200);
  assert.equal((await b.get('/operator/figures?centre=kalga-post')).statusCode, 403);
});

test('a citizen session and an anonymous visitor are sent to the staff sign-in', async () => {
  for (const url of ['/operator', '/operator/register', `/operator/citizens/${citizenId}`, '/operator/figures']) {
    const asCitizen = await t.app.inject({ method: 'GET', url, headers: { cookie: citizenCookie } });
    assert.equal(asCitizen.statusCode, 303, url);
    assert.match(String(asCitizen.headers.location), /^\/staff\/login\?next=/);
    const anonymous = await t.app.inject({ method: 'GET', url });
    assert.equal(anonymous.statusCode, 303);
    assert.match(String(anonymous.headers.location), /^\/staff\/login\?next=/);
  }
});

test('forms without the CSRF token are refused', async () => {
  const b = await staffBrowser(t, 'operator');
  const res = await b.post('/operator/search', { _csrf: 'forged', kind: 'snils', snils: DEMO_PERSONS[0]!.snils });
  assert.equal(res.statusCode, 403);
});

test('a malformed citizen id is a 404', async () => {
  const b = await staffBrowser(t, 'operator');
  assert.equal((await b.get('/operator/citizens/not-a-uuid')).statusCode, 404);
  assert.equal((await b.get('/operator/citizens/00000000-0000-4000-8000-000000000000')).statusCode, 404);
  assert.equal((await b.get('/operator/deletions/999999')).statusCode, 404);
});

