/**
 * «Пункты активации» over HTTP: the search page (filters, distances, pages),
 * a point's page, the JSON API with its schema, and Leaflet's files.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { zabaikalskyKrai } from '../../src/db/seed/data/zabaikalsky-krai.js';
import { createTestApp, type TestApp } from '../support/app.js';

let t: TestApp;

before(async () => {
  t = await createTestApp({ seed: true });
});
after(async () => t?.close());

const centres = zabaikalskyKrai.municipalities.flatMap((m) => m.serviceCentres.map((c) => ({ ...c, municipalityKey: m.key })));
const kalga = zabaikalskyKrai.municipalities.find((m) => m.key === 'kalgansky')!;
const kalgaKeys = new Set(kalga.serviceCentres.map((c) => c.key));
const deleting = centres.filter((c) => c.capabilities.includes('delete'));

const get = (url: string) => t.app.inject({ method: 'GET', url });

/** Keys of the result cards, in order. */
function cardKeys(html: string): string[] {
  const list = /<ol class="ap-results"[^>]*>([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? '';
  return [...list.matchAll(/<h3 class="ap-card__title"><a href="\/activation-points\/([^"]+)"/g)].map((m) => decodeURIComponent(m[1]!));
}

function unescapeAttr(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

function ruPointCount(n: number): string {
  const forms = { one: 'пункт', few: 'пункта', many: 'пунктов', other: 'пункта' } as const;
  return `${n} ${forms[new Intl.PluralRules('ru').select(n) as keyof typeof forms]}`;
}

test('the list page explains step 4 and lists every point, 20 a page, with the map data but no map without JavaScript', async () => {
  const res = await get('/activation-points');
  assert.equal(res.statusCode, 200);
  const html = res.body;
  assert.match(html, /<h1 class="u-h1">Где подтвердить учётную запись<\/h1>/);
  assert.match(html, /Паспорт гражданина РФ, указанный при регистрации/);
  assert.match(html, /В МФЦ можно не только подтвердить личность, но и зарегистрироваться с нуля/);
  assert.ok(html.includes(`Найдено: ${ruPointCount(centres.length)}`), `count of ${centres.length}`);
  assert.equal(cardKeys(html).length, Math.min(20, centres.length));
  assert.match(html, /Страница 1 из \d/);
  assert.match(html, /<nav class="u-pagination"/);
  assert.match(html, /<link rel="stylesheet" href="\/static\/activation-points.css"/);
  assert.match(html, /<script type="module" src="\/static\/js\/activation-map.js"><\/script>/);
  // The map container is hidden until the script builds it; the list stands alone.
  assert.match(html, /<div class="ap-map-section" id="ap-map-section" hidden/);
  assert.match(html, /role="region" aria-label="Карта пунктов активации"/);
  assert.match(html, /href="#ap-results-title">Пропустить карту/);
  const points = JSON.parse(unescapeAttr(/data-points="([^"]*)"/.exec(html)![1]!)) as Array<Record<string, unknown>>;
  assert.equal(points.length, centres.length, 'the map shows every match, not just this page');
  for (const p of points) assert.deepEqual(Object.keys(p).sort(), ['address', 'capabilities', 'key', 'lat', 'lon', 'name']);
  assert.match(html, /data-tile-url="https:\/\/tile.openstreetmap.org\/\{z\}\/\{x\}\/\{y\}.png"/);
  assert.match(html, /data-attribution="© OpenStreetMap contributors"/);
  // Every card shows today's hours and its status.
  assert.match(html, /<dt>Сегодня<\/dt>/);
  assert.match(html, /u-badge--(success|warning|neutral)">(Открыто|Перерыв|Закрыто)/);

  const page2 = await get('/activation-points?page=2');
  assert.match(page2.body, /Страница 2 из \d/);
  assert.equal(new Set([...cardKeys(html), ...cardKeys(page2.body)]).size, cardKeys(html).length + cardKeys(page2.body).length, 'pages do not repeat points');
});

test('filtering by capability: «delete» shows only the centres that can delete, the box stays ticked', async () => {
  const res = await get('/activation-points?capability=delete');
  assert.equal(res.statusCode, 200);
  assert.ok(res.body.includes(`Найдено: ${ruPointCount(deleting.length)}`));
  const keys = cardKeys(res.body);
  assert.ok(keys.length > 0);
  for (const k of keys) assert.ok(deleting.some((c) => c.key === k), `${k} can delete`);
  assert.ok(!keys.includes('kalga-post'));
  assert.match(res.body, /name="capability" value="delete" checked/);
  assert.doesNotMatch(res.body, /name="capability" value="register" checked/);
});

test('type, municipality and settlement keep their values; an empty result says what to do', async () => {
  const res = await get('/activation-points?type=post_office&municipality=kalgansky&near=Калга');
  assert.equal(res.statusCode, 200);
  assert.deepEqual(cardKeys(res.body), ['kalga-post']);
  assert.match(res.body, /<option value="post_office" selected>/);
  assert.match(res.body, /<option value="kalgansky" selected>/);
  assert.match(res.body, /<input[^>]*name="near"[^>]*value="Калга"/);
  assert.match(res.body, /Найдено: 1 пункт</);

  const none = await get('/activation-points?type=post_office&capability=delete');
  assert.equal(none.statusCode, 200);
  assert.match(none.body, /Найдено: 0 пунктов/);
  assert.match(none.body, /Пунктов с такими условиями не нашлось/);
  assert.match(none.body, /Сбросить фильтры/);
  assert.doesNotMatch(none.body, /data-points=/);
});

test('near=Калга puts the Kalga centres first, with distances', async () => {
  for (const near of ['Калга', 'калга', 'с. Калга', 'КАЛГА ']) {
    const res = await get(`/activation-points?near=${encodeURIComponent(near)}`);
    assert.equal(res.statusCode, 200, near);
    const keys = cardKeys(res.body);
    assert.deepEqual(new Set(keys.slice(0, kalgaKeys.size)), kalgaKeys, near);
    assert.match(res.body, /Сначала ближайшие к населённому пункту с\. Калга/);
  }
  const res = await get('/activation-points?near=Калга');
  const distances = [...res.body.matchAll(/<strong class="ap-card__distance">([\d\s\u00a0]+,\d|\d[\d\s\u00a0]*)\u00a0км<\/strong>/g)].map((m) => Number(m[1]!.replace(/[\s\u00a0]/g, '').replace(',', '.')));
  assert.equal(distances.length, cardKeys(res.body).length, 'every card shows «N км»');
  assert.ok(distances[0]! < 1, 'the Kalga centres are next to the settlement');
  assert.deepEqual([...distances].sort((a, b) => a - b), distances, 'nearest first');
  assert.match(res.body, /data-reference="/);
  // ё = е
  const uletov = await get(`/activation-points?near=${encodeURIComponent('Улеты')}`);
  assert.equal(uletov.statusCode, 200);
  assert.match(uletov.body, /Улёты/);
});

test('an unknown settlement is an error on the field, and the list is still shown', async () => {
  const res = await get(`/activation-points?near=${encodeURIComponent('Москва')}`);
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /class="u-error-summary"/);
  assert.match(res.body, /href="#field-near">Населённый пункт «Москва» не найден/);
  assert.match(res.body, /aria-invalid="true"/);
  assert.ok(cardKeys(res.body).length > 0);
});

test('coordinates from the browser sort by distance from «your location»', async () => {
  const chita = centres.find((c) => c.key === 'chita-mfc-central')!;
  const res = await get(`/activation-points?lat=${chita.lat}&lon=${chita.lon}`);
  assert.equal(res.statusCode, 200);
  assert.equal(cardKeys(res.body)[0], 'chita-mfc-central');
  assert.match(res.body, /Сначала ближайшие к вашему местоположению/);
  assert.match(res.body, new RegExp(`name="lat" value="${chita.lat}"`));
  // A typed settlement wins over stale coordinates.
  const both = await get(`/activation-points?lat=${chita.lat}&lon=${chita.lon}&near=Калга`);
  assert.ok(kalgaKeys.has(cardKeys(both.body)[0]!));
  // Empty hidden fields from the form are fine.
  assert.equal((await get('/activation-points?capability=confirm&type=&municipality=&near=&lat=&lon=')).statusCode, 200);
});

test('a point’s page shows its hours for each day, the lunch break, what to bring and its coordinates', async () => {
  const res = await get('/activation-points/kalga-post');
  assert.equal(res.statusCode, 200);
  const html = res.body;
  assert.match(html, /<h1 class="u-h1">Отделение почтовой связи Калга 674340<\/h1>/);
  assert.match(html, /Почтовое отделение/);
  assert.match(html, /<h2>Часы работы<\/h2>/);
  assert.match(html, /<caption class="u-table__caption[^"]*">Часы работы<\/caption>/);
  for (const day of ['Понедельник', 'Вторник', 'Среда', 'Четверг', 'Пятница', 'Суббота', 'Воскресенье']) assert.ok(html.includes(day), day);
  assert.match(html, /09:00–18:00/);
  assert.match(html, /13:00–14:00/);
  assert.match(html, /09:00–14:00/);
  assert.match(html, /выходной/);
  assert.match(html, /Паспорт гражданина РФ, указанный при регистрации/);
  assert.doesNotMatch(html, /СНИЛС — для регистрации/, 'a post office does not register');
  assert.match(html, /Подтверждение личности/);
  assert.match(html, /широта 50,9259, долгота 118,8996/);
  assert.match(html, /условные данные/);
  assert.match(html, /Asia\/Chita \(UTC\+9\)/);
  assert.doesNotMatch(html, /href="(https?:)?\/\//, 'no links to outside map services');

  const mfc = await get('/activation-points/kalga-mfc-office');
  assert.match(mfc.body, /СНИЛС — для регистрации/);
  assert.match(mfc.body, /без перерыва/);
});

test('an unknown point is a 404 page', async () => {
  const res = await get('/activation-points/no-such-point');
  assert.equal(res.statusCode, 404);
  assert.match(res.body, /Страница не найдена/);
});

test('the API answers with items, pages and the reference point', async () => {
  const all = await get('/api/v1/activation-points');
  assert.equal(all.statusCode, 200);
  const body = all.json();
  assert.equal(body.total, centres.length);
  assert.equal(body.page, 1);
  assert.equal(body.pageCount, Math.ceil(centres.length / 20));
  assert.equal(body.items.length, Math.min(20, centres.length));
  assert.equal(body.reference, null);
  const first = body.items[0];
  for (const k of ['key', 'name', 'type', 'municipality', 'address', 'location', 'phone', 'hours', 'capabilities', 'openNow']) assert.ok(k in first, k);
  assert.equal('distanceKm' in first, false);

  const near = (await get(`/api/v1/activation-points?near=${encodeURIComponent('калга')}&capability=confirm`)).json();
  assert.deepEqual(near.reference.name, 'с. Калга');
  assert.ok(near.items.slice(0, 3).every((i: { key: string }) => kalgaKeys.has(i.key)));
  assert.ok(near.items[0].distanceKm < 1);
  assert.ok(near.items.every((i: { distanceKm: number }, n: number, a: Array<{ distanceKm: number }>) => n === 0 || a[n - 1]!.distanceKm <= i.distanceKm));

  const both = (await get('/api/v1/activation-points?capability=delete&capability=register&page=1')).json();
  assert.equal(both.total, centres.filter((c) => c.capabilities.includes('delete') && c.capabilities.includes('register')).length);

  const open = (await get('/api/v1/activation-points?openNow=1')).json();
  assert.ok(open.items.every((i: { openNow: boolean }) => i.openNow));

  assert.equal((await get('/api/v1/activation-points?near=Chita')).json().reference.name, 'г. Чита', 'a name typed in Latin letters');

  const located = (await get('/api/v1/activation-points?lat=52.03&lon=113.5')).json();
  assert.equal(located.reference.name, 'Ваше местоположение');
  assert.equal(located.items[0].municipality.key, 'chita');

  const last = (await get(`/api/v1/activation-points?page=${body.pageCount}`)).json();
  assert.equal(last.items.length, centres.length - (body.pageCount - 1) * 20);

  const kalgaOnly = (await get('/api/v1/activation-points?municipality=kalgansky&type=municipal_centre')).json();
  assert.deepEqual(kalgaOnly.items.map((i: { key: string }) => i.key), ['kalga-admin-cou']);
});

test('an invalid query is a 400', async () => {
  for (const q of ['capability=fly', 'type=bank', 'lat=abc&lon=1', 'lat=52', 'lat=95&lon=10', 'page=0', 'page=x', 'openNow=maybe']) {
    const res = await get(`/api/v1/activation-points?${q}`);
    assert.equal(res.statusCode, 400, q);
    assert.equal(res.json().error, 'validation', q);
  }
  const unknown = await get(`/api/v1/activation-points?near=${encodeURIComponent('Атлантида')}`);
  assert.equal(unknown.statusCode, 400);
  assert.equal(unknown.json().error, 'settlement_not_found');
  assert.equal((await get('/api/v1/activation-points?municipality=atlantis')).json().error, 'municipality_not_found');
  // The page answers a malformed query with the error page, not a stack trace.
  const page = await get('/activation-points?capability=fly');
  assert.equal(page.statusCode, 400);
  assert.match(page.body, /Неверный запрос/);
});

test('the API is in the OpenAPI document under its tag', async () => {
  const doc = (await get('/api/openapi.json')).json();
  const op = doc.paths['/api/v1/activation-points']?.get;
  assert.ok(op, 'documented');
  assert.deepEqual(op.tags, ['activation-points']);
  const names = op.parameters.map((p: { name: string }) => p.name).sort();
  assert.deepEqual(names, ['capability', 'lat', 'lon', 'municipality', 'near', 'openNow', 'page', 'type']);
  assert.ok(op.responses['200']);
  assert.equal(doc.paths['/activation-points'], undefined, 'pages are not in the API document');
});

test('Leaflet comes from our own origin, only the files the map needs', async () => {
  const js = await get('/static/vendor/leaflet/leaflet-src.esm.js');
  assert.equal(js.statusCode, 200);
  assert.match(String(js.headers['content-type']), /javascript/);
  assert.equal((await get('/static/vendor/leaflet/leaflet.css')).statusCode, 200);
  assert.equal((await get('/static/vendor/leaflet/images/marker-icon.png')).statusCode, 200);
  assert.equal((await get('/static/vendor/leaflet/images/marker-shadow.png')).statusCode, 200);
  assert.notEqual((await get('/static/vendor/leaflet/leaflet-src.js.map')).statusCode, 200);
  assert.notEqual((await get('/static/vendor/leaflet/../package.json')).statusCode, 200);
  const script = await get('/static/js/activation-map.js');
  assert.equal(script.statusCode, 200);
  assert.match(String(script.headers['content-type']), /javascript/);
  assert.equal((await get('/static/activation-points.css')).statusCode, 200);
  // The site's own static files are still served.
  assert.equal((await get('/static/styles.css')).statusCode, 200);
});
