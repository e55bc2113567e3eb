/**
 * Handouts over HTTP: the page offers the employee's municipality's centres
 * (their own first) and its events; the PDFs carry the Russian steps, the
 * centre's address and hours and the chosen event's code; Russian file names;
 * who may download what.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { extractPdfText } from '../../src/platform/pdf/index.js';
import { createTestApp, type Browser, type TestApp } from '../support/app.js';
import { centreId, staffBrowser } from '../service-centres/support.js';

let t: TestApp;
let reception: Browser;
let operator: Browser;
let coordinator: Browser;
let region: Browser;
let kalgaEvent = '';
let chitaEvent = '';

before(async () => {
  t = await createTestApp({ seed: true });
  const db = t.ctx.db;
  const regionId = (await db.query<{ id: string }>("select id from regions where key = 'zabaikalsky-krai'")).rows[0]!.id;
  const mun = async (key: string) => (await db.query<{ id: string }>('select id from municipalities where key = $1', [key])).rows[0]!.id;
  const insertEvent = async (municipalityId: string, title: string, code: string) =>
    (
      await db.query<{ id: string }>(
        `insert into outreach_events (region_id, municipality_id, title, format, held_on, place, code) values ($1, $2, $3, 'e_services_day', '2026-10-05', 'с. Калга', $4) returning id`,
        [regionId, municipalityId, title, code],
      )
    ).rows[0]!.id;
  kalgaEvent = await insertEvent(await mun('kalgansky'), 'День электронных услуг в Калге', 'KALGA-2026-K7QM');
  chitaEvent = await insertEvent(await mun('chita'), 'Урок в Чите', 'CHITA-2026-AB12');
  reception = await staffBrowser(t, 'reception');
  operator = await staffBrowser(t, 'operator');
  coordinator = await staffBrowser(t, 'coordinator');
  region = await staffBrowser(t, 'region');
});
after(async () => t.close());

const flat = (s: string) => s.replace(/\s+/g, ' ');

test('the page: the municipality’s centres, the operator’s own first; the municipality’s events only', async () => {
  const page = await reception.get('/reception/handouts');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<h1[^>]*>Памятка и плакат для посетителей/);
  assert.match(page.body, /Офис МФЦ Забайкальского края в с\. Калга/);
  assert.match(page.body, /Отделение почтовой связи Калга 674340/);
  assert.doesNotMatch(page.body, /г\. Чите/, 'no other municipality’s centres');
  assert.match(page.body, /KALGA-2026-K7QM — День электронных услуг в Калге \(05\.10\.2026\)/);
  assert.doesNotMatch(page.body, /CHITA-2026-AB12/);
  assert.match(page.body, /href="\/reception\/handouts\/memo\.pdf\?centre=[0-9a-f-]{36}"/);
  // The preview: hours as Russians write them.
  const office = await centreId(t, 'kalga-mfc-office');
  const post = await centreId(t, 'kalga-post');
  const postPage = await reception.get(`/reception/handouts?centre=${post}&event=${kalgaEvent}`);
  assert.match(postPage.body, /Часы работы: пн–пт 9:00–18:00, обед 13:00–14:00; сб 9:00–14:00; вс — выходной/);
  assert.match(postPage.body, /Укажите код мероприятия при регистрации: KALGA-2026-K7QM/);
  assert.match(postPage.body, new RegExp(`href="/reception/handouts/poster\\.pdf\\?centre=${post}&amp;event=${kalgaEvent}"`));

  const opPage = await operator.get('/reception/handouts');
  assert.match(opPage.body, new RegExp(`<option value="${office}" selected`), 'the operator’s own centre is chosen');
  // Bad choices: Russian messages next to the fields, 400.
  const bad = await reception.get(`/reception/handouts?centre=${await centreId(t, 'chita-mfc-central')}&event=${chitaEvent}`);
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Выберите центр обслуживания из списка/);
  assert.match(bad.body, /Выберите мероприятие из списка/);
});

test('the instruction PDF: Russian steps, the centre’s address and hours, the event code; a Russian file name', async () => {
  const post = await centreId(t, 'kalga-post');
  const res = await coordinator.get(`/reception/handouts/memo.pdf?centre=${post}&event=${kalgaEvent}`);
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-type'], 'application/pdf');
  const disposition = String(res.headers['content-disposition']);
  assert.match(disposition, /^attachment; filename="[^"]+"; filename\*=UTF-8''/);
  assert.ok(decodeURIComponent(disposition.split("UTF-8''")[1]!).startsWith('Памятка_регистрация_на_госуслугах_KALGA-2026-K7QM.pdf'));
  const text = flat(extractPdfText(res.rawPayload));
  assert.ok(text.includes('Как зарегистрироваться на портале госуслуг'));
  assert.ok(text.includes('Шаг 1. Упрощённая учётная запись'));
  assert.ok(text.includes('Введите код из СМС в поле «Код» и нажмите «Подтвердить»'));
  assert.ok(text.includes('Шаг 2. Стандартная учётная запись'));
  assert.ok(text.includes('Шаг 3. Подтверждённая учётная запись'));
  assert.ok(text.includes('Отделение почтовой связи Калга 674340'));
  assert.match(text, /Адрес: [^|]*с\. Калга, ул\. Партизанская, д\. 12/);
  assert.ok(text.includes('Часы работы: пн–пт 9:00–18:00, обед 13:00–14:00; сб 9:00–14:00; вс — выходной'));
  assert.ok(text.includes('Укажите код мероприятия при регистрации: KALGA-2026-K7QM'));
  assert.ok(text.includes('/register?event=KALGA-2026-K7QM'), 'the registration link carries the code');

  // The poster without an event: no code; the МФЦ's hours.
  const office = await centreId(t, 'kalga-mfc-office');
  const poster = await reception.get(`/reception/handouts/poster.pdf?centre=${office}`);
  assert.equal(poster.statusCode, 200);
  assert.match(decodeURIComponent(String(poster.headers['content-disposition']).split("UTF-8''")[1]!), /^Плакат_госуслуги\.pdf$/);
  const ptext = flat(extractPdfText(poster.rawPayload));
  assert.ok(ptext.includes('Госуслуги — без очередей'));
  assert.ok(ptext.includes('Офис МФЦ Забайкальского края в с. Калга'));
  assert.ok(ptext.includes('Часы работы: пн–пт 8:00–18:00; сб 9:00–13:00; вс — выходной'));
  assert.doesNotMatch(ptext, /код мероприятия/);
});

test('who may: the region prints for any of its centres; another municipality’s event or centre is refused; the officer is not let in', async () => {
  const chita = await centreId(t, 'chita-mfc-central');
  const ok = await region.get(`/reception/handouts/memo.pdf?centre=${chita}&event=${chitaEvent}`);
  assert.equal(ok.statusCode, 200);
  assert.ok(flat(extractPdfText(ok.rawPayload)).includes('CHITA-2026-AB12'));
  // The region may not pair a centre with another municipality's event.
  assert.equal((await region.get(`/reception/handouts/memo.pdf?centre=${chita}&event=${kalgaEvent}`)).statusCode, 404);
  assert.equal((await coordinator.get(`/reception/handouts/poster.pdf?centre=${chita}`)).statusCode, 404);
  const officer = await staffBrowser(t, 'officer');
  assert.equal((await officer.get('/reception/handouts')).statusCode, 403);
  assert.equal((await officer.get(`/reception/handouts/memo.pdf?centre=${chita}`)).statusCode, 403);
  const anonymous = await t.app.inject({ method: 'GET', url: '/reception/handouts' });
  assert.equal(anonymous.statusCode, 303);
});
