import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { DEMO_PASSWORD } from '../../src/db/seed/demo.js';
import type { AppContext } from '../../src/platform/context.js';
import { Browser, createTestApp, type TestApp } from '../support/app.js';

let app: FastifyInstance;
let ctx: AppContext;
let t: TestApp;

before(async () => {
  t = await createTestApp({ seed: true });
  app = t.app;
  ctx = t.ctx;
});
after(async () => t.close());

async function signedIn(login: string) {
  const b = new Browser(app);
  const res = await b.signIn(login, DEMO_PASSWORD);
  assert.equal(res.statusCode, 303, `sign-in ${login}`);
  return b;
}

function chitaDate(daysAgo = 0): string {
  const d = new Date(Date.now() - daysAgo * 86_400_000);
  return new Intl.DateTimeFormat('ru-RU', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Asia/Chita' }).format(d);
}

const idFrom = (location: string | undefined) => /\/outreach\/materials\/([0-9a-f-]{36})/.exec(location ?? '')![1]!;
const level = (body: string, key: string) => new RegExp(`data-indicator="${key.replace('.', '\\.')}">([^<]+)<`).exec(body)![1];

let standId = '';

test('a coordinator records a stand: bad input keeps the values with messages', async () => {
  const b = await signedIn('coordinator');
  const form = await b.get('/outreach/materials/new');
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /2\.1 Информационные стенды/);

  const bad = await b.post('/outreach/materials', { kind: 'stand', title: '  ', url: '', organisationId: '', room: '', postedOn: '31.02.2026' });
  assert.equal(bad.statusCode, 400);
  for (const msg of ['Введите название материала.', 'Выберите организацию из списка.', 'Укажите помещение.', 'Введите дату размещения в виде ДД.ММ.ГГГГ, не позже сегодняшней.']) {
    assert.ok(bad.body.includes(msg), msg);
  }
  assert.match(bad.body, /value="31\.02\.2026"/);
  const badWeb = await b.post('/outreach/materials', { kind: 'news', title: 'Новости', url: 'не ссылка', organisationId: '', room: '', postedOn: '' });
  assert.equal(badWeb.statusCode, 400);
  assert.ok(badWeb.body.includes('Введите адрес, начинающийся с http:// или https://.'));
  assert.match(badWeb.body, /value="не ссылка"/);
  const noKind = await b.post('/outreach/materials', { kind: 'poster', title: 'x', url: '', organisationId: '', room: '', postedOn: '' });
  assert.ok(noKind.body.includes('Выберите вид материала.'));

  const org = (await ctx.db.query<{ id: string }>("select o.id from organisations o join municipalities m on m.id = o.municipality_id where m.key = 'kalgansky' limit 1")).rows[0]!;
  const ok = await b.post('/outreach/materials', { kind: 'stand', title: 'Стенд «Госуслуги — это просто»', url: '', organisationId: org.id, room: 'вестибюль, 1 этаж', postedOn: '15.01.2020' });
  assert.equal(ok.statusCode, 303, ok.body);
  standId = idFrom(ok.headers.location as string);
  const page = await b.get(ok.headers.location as string);
  assert.equal(page.statusCode, 200);
  assert.ok(page.body.includes('Материал сохранён.'));
  assert.match(page.body, /data-status="posted_not_updated"/);
  assert.ok(page.body.includes('размещено, не обновляется'));
  const audit = await ctx.db.query<{ n: number }>("select count(*)::int as n from audit_log where action = 'outreach.material.create' and subject_id = $1", [standId]);
  assert.equal(Number(audit.rows[0]!.n), 1);

  const list = await b.get('/outreach/materials');
  assert.equal(list.statusCode, 200);
  assert.ok(list.body.includes('15.01.2020'), 'dd.mm.yyyy');
  assert.equal(level(list.body, 'P2.2'), '0,5', 'posted, not updated');
  assert.equal(level(list.body, 'P2.5'), '0', 'no social networks');
});

test('recording an update flips the status and the indicator level', async () => {
  const b = await signedIn('coordinator');
  await b.get(`/outreach/materials/${standId}`);
  const bad = await b.post(`/outreach/materials/${standId}/updates`, { updatedOn: '01.01.2019', note: 'раньше размещения' });
  assert.equal(bad.statusCode, 400);
  assert.ok(bad.body.includes('не раньше размещения'));
  assert.match(bad.body, /value="01\.01\.2019"/);

  const ok = await b.post(`/outreach/materials/${standId}/updates`, { updatedOn: chitaDate(), note: 'Заменены плакаты' });
  assert.equal(ok.statusCode, 303, ok.body);
  const page = await b.get(ok.headers.location as string);
  assert.match(page.body, /data-status="posted_and_updated"/);
  assert.ok(page.body.includes('Заменены плакаты'));
  assert.ok(page.body.includes('Обновление отмечено.'));
  const n = await ctx.db.query<{ n: number }>('select count(*)::int as n from outreach_material_updates where material_id = $1', [standId]);
  assert.equal(Number(n.rows[0]!.n), 1);
  assert.equal(level((await b.get('/outreach/materials')).body, 'P2.2'), '1');

  // the banner: posted → 0.5 (P2.4 max)
  const banner = await b.post('/outreach/materials', { kind: 'banner_link', title: 'Баннер ЕПГУ', url: 'https://kalga.example/', organisationId: '', room: '', postedOn: '10.02.2021' });
  assert.equal(banner.statusCode, 303, banner.body);
  assert.equal(level((await b.get('/outreach/materials')).body, 'P2.4'), '0,5');
});

test('authorization: reception reads only; the region records', async () => {
  const reception = await signedIn('reception');
  assert.equal((await reception.get('/outreach/materials/new')).statusCode, 403);
  assert.equal((await reception.post('/outreach/materials', { kind: 'news', title: 'x', url: 'https://a.example', organisationId: '', room: '', postedOn: '' })).statusCode, 403);
  assert.equal((await reception.post(`/outreach/materials/${standId}/updates`, { updatedOn: chitaDate(), note: '' })).statusCode, 403);
  const page = await reception.get(`/outreach/materials/${standId}`);
  assert.equal(page.statusCode, 200);
  assert.doesNotMatch(page.body, /name="updatedOn"/, 'no update form for read-only staff');

  const region = await signedIn('region');
  const form = await region.get('/outreach/materials/new');
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /name="municipalityId"/);
  assert.equal((await region.get(`/outreach/materials/${standId}`)).statusCode, 200);
});

test('the plans page links to the materials', async () => {
  const b = await signedIn('coordinator');
  assert.match((await b.get('/outreach')).body, /href="\/outreach\/materials"/);
});
