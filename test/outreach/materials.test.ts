import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { DEMO_PASSWORD } from '../../src/db/seed/demo.js';
import type { AppContext } from '../../src/platform/context.js';
import { createStaff } from '../../src/modules/staff/create-staff.js';
import { Browser, createTestApp, type TestApp, signedInBrowser } from '../support/app.js';

let app: FastifyInstance;
let ctx: AppContext;
let t: TestApp;

before(async () => {
  t = await createTestApp({ seed: true });
  app = t.app;
  ctx = t.ctx;
});
after(async () => t.close());

const signedIn = (login: string) => signedInBrowser(app, login);

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

let socialId = '';

test('editing a material: the create rules, consistency with recorded updates, the list recounted', async () => {
  const b = await signedIn('coordinator');
  const page = await b.get(`/outreach/materials/${standId}`);
  assert.match(page.body, new RegExp(`href="/outreach/materials/${standId}/edit"`));
  assert.match(page.body, new RegExp(`href="/outreach/materials/${standId}/delete"`));
  const form = await b.get(`/outreach/materials/${standId}/edit`);
  assert.equal(form.statusCode, 200);
  assert.ok(form.body.includes('Изменение материала'));
  assert.match(form.body, new RegExp(`<form method="post" action="/outreach/materials/${standId}"`));
  assert.match(form.body, /value="15\.01\.2020"/, 'the date as dd.mm.yyyy');
  assert.match(form.body, /value="вестибюль, 1 этаж"/);
  assert.match(form.body, /<option value="stand" selected/);
  const org = (await ctx.db.query<{ id: string }>("select o.id from organisations o join municipalities m on m.id = o.municipality_id where m.key = 'kalgansky' limit 1")).rows[0]!;

  // the create rules apply; values kept as typed
  const bad = await b.post(`/outreach/materials/${standId}`, { kind: 'stand', title: ' ', url: '', organisationId: org.id, room: '', postedOn: '' });
  assert.equal(bad.statusCode, 400);
  for (const msg of ['Введите название материала.', 'Укажите помещение.', 'У материала уже отмечены обновления: укажите дату размещения.']) assert.ok(bad.body.includes(msg), msg);

  // the stand becomes a school stand: P2.2 loses it, P3.2 gains it (posted and updated)
  const before = (await ctx.db.query<{ updated_at: Date }>('select updated_at from outreach_materials where id = $1', [standId])).rows[0]!;
  const ok = await b.post(`/outreach/materials/${standId}`, { kind: 'school_stand', title: 'Стенд в школе № 1', url: 'https://ignored.example', organisationId: org.id, room: 'рекреация, 2 этаж', postedOn: '16.01.2020' });
  assert.equal(ok.statusCode, 303, ok.body);
  assert.equal(ok.headers.location, `/outreach/materials/${standId}?saved=1`);
  const saved = await b.get(ok.headers.location as string);
  assert.ok(saved.body.includes('Изменения сохранены.'));
  assert.ok(saved.body.includes('Стенд в школе № 1'));
  assert.ok(saved.body.includes('16.01.2020'));
  assert.match(saved.body, /data-status="posted_and_updated"/, 'the recorded update still counts');
  const row = (await ctx.db.query<{ kind: string; url: string | null; room: string; updated_at: Date }>('select kind, url, room, updated_at from outreach_materials where id = $1', [standId])).rows[0]!;
  assert.equal(row.kind, 'school_stand');
  assert.equal(row.url, null, 'a physical material has no URL');
  assert.equal(row.room, 'рекреация, 2 этаж');
  assert.ok(new Date(row.updated_at) >= new Date(before.updated_at));
  const audit = (await ctx.db.query<{ details: { changed: string[] } | string }>("select details from audit_log where action = 'outreach.material.edit' and subject_id = $1", [standId])).rows;
  assert.equal(audit.length, 1);
  const details = typeof audit[0]!.details === 'string' ? (JSON.parse(audit[0]!.details) as { changed: string[] }) : audit[0]!.details;
  assert.deepEqual([...details.changed].sort(), ['kind', 'postedOn', 'room', 'title']);
  const list = await b.get('/outreach/materials');
  assert.ok(list.body.includes('Стенд в школе № 1'));
  assert.ok(!list.body.includes('Стенд «Госуслуги — это просто»'));
  assert.equal(level(list.body, 'P2.2'), '0', 'no stand any more');
  assert.equal(level(list.body, 'P3.2'), '1', 'a school stand, posted and updated');

  // posted after its first recorded update: refused
  await b.get('/outreach/materials/new');
  const social = await b.post('/outreach/materials', { kind: 'social', title: 'Группа ВКонтакте', url: 'https://vk.example/kalga', organisationId: '', room: '', postedOn: '01.02.2021' });
  socialId = idFrom(social.headers.location as string);
  await b.get(`/outreach/materials/${socialId}`);
  assert.equal((await b.post(`/outreach/materials/${socialId}/updates`, { updatedOn: '10.03.2021', note: 'новый пост' })).statusCode, 303);
  await b.get(`/outreach/materials/${socialId}/edit`);
  const late = await b.post(`/outreach/materials/${socialId}`, { kind: 'social', title: 'Группа ВКонтакте', url: 'https://vk.example/kalga', organisationId: '', room: '', postedOn: '01.04.2021' });
  assert.equal(late.statusCode, 400);
  assert.ok(late.body.includes('Дата размещения не может быть позже первого отмеченного обновления (10.03.2021).'));
  assert.match(late.body, /value="01\.04\.2021"/);
  const web = await b.post(`/outreach/materials/${socialId}`, { kind: 'social', title: 'Группа ВКонтакте', url: 'не ссылка', organisationId: '', room: '', postedOn: '01.02.2021' });
  assert.ok(web.body.includes('Введите адрес, начинающийся с http:// или https://.'));
});

test('deleting a material: a confirmation page, the updates go with it, audited, the list recounted', async () => {
  const b = await signedIn('coordinator');
  const confirm = await b.get(`/outreach/materials/${socialId}/delete`);
  assert.equal(confirm.statusCode, 200);
  assert.ok(confirm.body.includes('Удалить материал?'));
  assert.ok(confirm.body.includes('Группа ВКонтакте'));
  assert.match(confirm.body, /Отмеченных обновлений<\/dt><dd class="u-summary-list__value">1</);
  assert.match(confirm.body, /<button class="u-button u-button--danger" type="submit">Удалить материал<\/button>/);
  assert.equal(level((await b.get('/outreach/materials')).body, 'P2.5'), '0,5', 'posted, not updated lately');

  await b.get(`/outreach/materials/${socialId}/delete`);
  const del = await b.post(`/outreach/materials/${socialId}/delete`, {});
  assert.equal(del.statusCode, 303);
  assert.equal(del.headers.location, '/outreach/materials?deleted=1');
  const list = await b.get(del.headers.location as string);
  assert.ok(list.body.includes('Материал удалён.'));
  assert.ok(!list.body.includes('Группа ВКонтакте'));
  assert.equal(level(list.body, 'P2.5'), '0', 'recounted without it');
  const left = await ctx.db.query<{ n: number }>('select (select count(*) from outreach_materials where id = $1)::int + (select count(*) from outreach_material_updates where material_id = $1)::int as n', [socialId]);
  assert.equal(Number(left.rows[0]!.n), 0, 'the material and its updates are gone');
  const audit = (await ctx.db.query<{ details: Record<string, unknown> | string }>("select details from audit_log where action = 'outreach.material.delete' and subject_id = $1", [socialId])).rows;
  assert.equal(audit.length, 1);
  const details = typeof audit[0]!.details === 'string' ? (JSON.parse(audit[0]!.details) as Record<string, unknown>) : audit[0]!.details;
  assert.equal(details.kind, 'social');
  assert.equal(details.updates, 1);
  assert.equal((await b.get(`/outreach/materials/${socialId}`)).statusCode, 404);
  assert.equal((await b.get(`/outreach/materials/${socialId}/delete`)).statusCode, 404);
});

test('authorization: only those who may record a material may change or delete it', async () => {
  const reception = await signedIn('reception');
  const page = await reception.get(`/outreach/materials/${standId}`);
  assert.doesNotMatch(page.body, /\/edit"|\/delete"/, 'no edit or delete buttons for read-only staff');
  assert.equal((await reception.get(`/outreach/materials/${standId}/edit`)).statusCode, 403);
  assert.equal((await reception.post(`/outreach/materials/${standId}`, { kind: 'stand', title: 'x', url: '', organisationId: '', room: 'x', postedOn: '' })).statusCode, 403);
  assert.equal((await reception.get(`/outreach/materials/${standId}/delete`)).statusCode, 403);
  assert.equal((await reception.post(`/outreach/materials/${standId}/delete`, {})).statusCode, 403);

  const created = await createStaff(ctx.db, { login: 'chita-materials', password: DEMO_PASSWORD, fullName: 'Седова Анна Игоревна', role: 'municipal_coordinator', municipalityKey: 'chita' });
  assert.ok(created.ok);
  const chita = await signedIn('chita-materials');
  assert.equal((await chita.get(`/outreach/materials/${standId}/edit`)).statusCode, 403);
  await chita.get('/outreach/materials');
  assert.equal((await chita.post(`/outreach/materials/${standId}/delete`, {})).statusCode, 403);
  const still = await ctx.db.query<{ title: string }>('select title from outreach_materials where id = $1', [standId]);
  assert.equal(still.rows[0]?.title, 'Стенд в школе № 1');

  const region = await signedIn('region');
  assert.equal((await region.get(`/outreach/materials/${standId}/edit`)).statusCode, 200, 'the region changes any material of the region');
});

test('the plans page links to the materials', async () => {
  const b = await signedIn('coordinator');
  assert.match((await b.get('/outreach')).body, /href="\/outreach\/materials"/);
});
