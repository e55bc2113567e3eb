/**
 * «Найти учётную запись» (exact match through the blind indexes, masked
 * results, audited without the value, limited per operator) and the citizen's
 * card (masked documents, history, audited view).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { windowStart } from '../../src/platform/rate-limit.js';
import { DEMO_PERSONS } from '../../src/simulators/data/persons.js';
import { Browser, createTestApp, type TestApp } from '../support/app.js';
import { freshPhone } from '../support/citizen.js';
import { auditRows, centreId, deskForm, onlineCitizen, staffBrowser, staffId } from './support.js';

let t: TestApp;
let operator: Browser;
let deskId = '';
let deskPhone = '';
let online: { id: string; phone: string };

before(async () => {
  t = await createTestApp({ seed: true });
  operator = await staffBrowser(t, 'operator');
  deskPhone = freshPhone();
  const res = await operator.post('/operator/register', deskForm(DEMO_PERSONS[2]!, deskPhone, { email: 'fedorov.a@example.ru' }));
  assert.equal(res.statusCode, 303, res.body.slice(0, 1000));
  deskId = /citizens\/([0-9a-f-]{36})/.exec(String(res.headers.location))![1]!;
  online = await onlineCitizen(t, DEMO_PERSONS[0]!);
});
after(async () => t.close());

const idsIn = (body: string) => [...body.matchAll(/href="\/operator\/citizens\/([0-9a-f-]{36})"/g)].map((m) => m[1]);

test('search by SNILS, phone, e-mail and name + birth date finds exactly the account', async () => {
  const cases: Array<[Record<string, string>, string]> = [
    [{ kind: 'snils', snils: '15413823243' }, deskId],
    [{ kind: 'snils', snils: DEMO_PERSONS[0]!.snils }, online.id],
    [{ kind: 'phone', phone: deskPhone.replace('+7', '8') }, deskId],
    [{ kind: 'phone', phone: online.phone }, online.id],
    [{ kind: 'email', email: 'Fedorov.A@example.ru' }, deskId],
    [{ kind: 'name', lastName: 'федоров', firstName: 'артем', birthDate: '19.05.2001' }, deskId],
    [{ kind: 'name', lastName: 'Козлова', firstName: 'Елена', birthDate: '1979-03-14' }, online.id],
  ];
  for (const [form, expected] of cases) {
    const res = await operator.post('/operator/search', form);
    assert.equal(res.statusCode, 200, JSON.stringify(form));
    assert.deepEqual(idsIn(res.body), [expected], JSON.stringify(form));
  }
});

test('results show masked data only: name, birth year, level, masked phone', async () => {
  const res = await operator.post('/operator/search', { kind: 'snils', snils: '154-138-232 43' });
  assert.match(res.body, /<caption[^>]*>Найденные учётные записи: 1<\/caption>/);
  assert.match(res.body, /Фёдоров Артём Сергеевич/);
  assert.match(res.body, />2001</);
  assert.match(res.body, /Подтверждённая учётная запись/);
  assert.match(res.body, /\+7 914 \*\*\*-\*\*-\d\d/);
  assert.doesNotMatch(res.body, new RegExp(deskPhone.slice(2)));
  assert.doesNotMatch(res.body, /19\.05\.2001|867555/);
  assert.match(res.body, /value="154-138-232 43"/, 'the search form keeps what was typed');
});

test('every search is audited with the kind and the count, never the value', async () => {
  const before = (await auditRows(t, 'staff.citizen.search')).length;
  await operator.post('/operator/search', { kind: 'phone', phone: '+7 914 000-00-00' });
  const rows = await auditRows(t, 'staff.citizen.search');
  assert.equal(rows.length, before + 1);
  const last = rows.at(-1)!;
  assert.equal(last.actor_id, await staffId(t, 'operator'));
  assert.deepEqual(last.details, { centreId: await centreId(t, 'kalga-mfc-office'), kind: 'phone', found: 0 });
  for (const r of rows) {
    const { centreId: _centre, ...rest } = r.details;
    assert.deepEqual(Object.keys(rest).sort(), ['found', 'kind'], 'nothing but the kind and the count');
  }
});

test('nothing found says so and offers «Зарегистрировать»', async () => {
  const res = await operator.post('/operator/search', { kind: 'name', lastName: 'Петров', firstName: 'Пётр', birthDate: '01.01.1990' });
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /Учётная запись не найдена/);
  assert.match(res.body, /href="\/operator\/register"[^>]*>Зарегистрировать</);
});

test('invalid search input is a 422 with the message next to the field', async () => {
  const res = await operator.post('/operator/search', { kind: 'snils', snils: '112-233-445 96' });
  assert.equal(res.statusCode, 422);
  assert.match(res.body, /id="field-snils-error"/);
  assert.match(res.body, /class="u-error-summary"/);
  const name = await operator.post('/operator/search', { kind: 'name', lastName: '', firstName: 'Smith', birthDate: '31.02.1990' });
  assert.equal(name.statusCode, 422);
  for (const f of ['lastName', 'firstName', 'birthDate']) assert.match(name.body, new RegExp(`id="field-${f}-error"`));
});

test('searches are limited per operator: 60 per 10 minutes', async () => {
  const id = await staffId(t, 'operator');
  let now = new Date();
  if (windowStart(now, 600).getTime() !== windowStart(new Date(now.getTime() + 5000), 600).getTime()) {
    await new Promise((r) => setTimeout(r, 5500));
    now = new Date();
  }
  await t.ctx.db.query('insert into rate_limits (key, window_start, count) values ($1, $2, 60) on conflict (key, window_start) do update set count = 60', [`operator-search:${id}`, windowStart(now, 600)]);
  const res = await operator.post('/operator/search', { kind: 'snils', snils: DEMO_PERSONS[0]!.snils });
  assert.equal(res.statusCode, 429);
  assert.match(res.body, /Слишком много поисков подряд/);
  await t.ctx.db.query('delete from rate_limits where key = $1', [`operator-search:${id}`]);
  assert.equal((await operator.post('/operator/search', { kind: 'snils', snils: DEMO_PERSONS[0]!.snils })).statusCode, 200);
});

test('the card shows masked documents and the history, and opening it is audited', async () => {
  const res = await operator.get(`/operator/citizens/${online.id}`);
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /Козлова Елена Викторовна/);
  assert.match(res.body, /14\.03\.1979/);
  assert.match(res.body, /Стандартная учётная запись/);
  assert.match(res.body, /\*\*\*-\*\*\*-\*\*\* 27/);
  assert.match(res.body, /76 24 \*\*\*\*24/);
  assert.match(res.body, /Пройдена/);
  assert.doesNotMatch(res.body, /899-693-660|387424|Партизанская/);
  assert.match(res.body, /<caption[^>]*>Последние действия с учётной записью<\/caption>/);
  assert.match(res.body, /Регистрация завершена/);
  assert.match(res.body, /Карточка открыта оператором/);
  assert.match(res.body, /href="\/operator\/citizens\/[^"]+\/confirm"/);
  const views = await auditRows(t, 'staff.citizen.view', online.id);
  assert.ok(views.length >= 1);
  assert.equal(views.at(-1)!.actor_id, await staffId(t, 'operator'));
  assert.equal(views.at(-1)!.details.centreId, await centreId(t, 'kalga-mfc-office'));
});

test('the workplace speaks English too', async () => {
  const res = await operator.get('/operator?lang=en');
  assert.match(res.body, /Operator workplace/);
  assert.match(res.body, /Find an account/);
  await operator.get('/operator?lang=ru');
});
