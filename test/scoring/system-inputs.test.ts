import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { DEMO_PASSWORD } from '../../src/db/seed/demo.js';
import type { AppContext } from '../../src/platform/context.js';
import { regionToday } from '../../src/modules/outreach/materials/materials.repository.js';
import { quarterBounds, quarterOf, systemInputs } from '../../src/modules/scoring/inputs/system-inputs.js';
import { Browser, createTestApp, type TestApp, signedInBrowser } from '../support/app.js';
import { kalgansky } from '../support/places.js';

let app: FastifyInstance;
let ctx: AppContext;
let t: TestApp;
let regionId = '';
let kalgaId = '';
let otherId = '';
let otherName = '';
let today = '';

before(async () => {
  t = await createTestApp({ seed: true });
  app = t.app;
  ctx = t.ctx;
  ({ kalgaId, regionId } = await kalgansky(ctx.db));
  const other = (await ctx.db.query<{ id: string; name: string }>('select id, name from municipalities where region_id = $1 and id <> $2 order by name limit 1', [regionId, kalgaId])).rows[0]!;
  otherId = other.id;
  otherName = other.name;
  today = await regionToday(ctx.db, regionId);
});
after(async () => t.close());

const signedIn = (login: string) => signedInBrowser(app, login);

const ru = (iso: string) => iso.split('-').reverse().join('.');
const current = () => quarterOf(today);
const inputsNow = () => systemInputs(ctx.db, { regionId, municipalityId: kalgaId, ...current(), today });
const cell = (body: string, attr: string, id: string) => new RegExp(`data-${attr}="${id.replace(/\./g, '\\.')}">([\\s\\S]*?)</(?:span|ul)>`).exec(body)?.[1];

let eventNo = 0;
async function addEvent(format: string, heldOn: string, orgKey: string | null, title: string) {
  const org = orgKey ? (await ctx.db.query<{ id: string }>('select id from organisations where key = $1', [orgKey])).rows[0]!.id : null;
  eventNo += 1;
  await ctx.db.query(
    `insert into outreach_events (region_id, municipality_id, title, format, held_on, place, organisation_id, code) values ($1, $2, $3, $4, $5, 'зал', $6, $7)`,
    [regionId, kalgaId, title, format, heldOn, org, `TEST-SCORE-${eventNo}`],
  );
}

test('nothing recorded: the known inputs are at their lowest, the unknown ones absent', async () => {
  const { inputs, sources } = await inputsNow();
  assert.deepEqual(inputs['P2.2'], { n: 0 });
  assert.deepEqual(inputs['P2.3'], { n: 0, m: 0 });
  assert.deepEqual(inputs['P2.6'], { n: 0 });
  assert.deepEqual(inputs['P3.1'], { n: 0 });
  assert.deepEqual(inputs['P2.8'], { n: 0 });
  for (const id of ['P1.1.1', 'P1.1.2', 'P1.2', 'P1.3', 'P2.1', 'P2.7']) assert.equal(inputs[id], undefined, id);
  assert.match(sources['P2.2']![0]!.text, /не записано ни одного/);
  assert.equal(sources['P2.6']![0]!.origin, 'events');
});

test('materials: the levels of the materials page, as of the quarter end', async () => {
  const b = await signedIn('coordinator');
  const org = (await ctx.db.query<{ id: string }>("select id from organisations where key = 'kalga-culture'")).rows[0]!;
  await b.get('/outreach/materials/new');
  const fresh = await b.post('/outreach/materials', { kind: 'stand', title: 'Стенд в фойе', url: '', organisationId: org.id, room: 'фойе', postedOn: ru(today) });
  assert.equal(fresh.statusCode, 303, fresh.body);
  assert.equal((await inputsNow()).inputs['P2.2']!.n, 1, 'a stand posted in the quarter counts as updated');

  await b.get('/outreach/materials/new');
  const old = await b.post('/outreach/materials', { kind: 'stand', title: 'Старый стенд', url: '', organisationId: org.id, room: 'зал', postedOn: '15.01.2020' });
  assert.equal(old.statusCode, 303, old.body);
  const oldId = /\/outreach\/materials\/([0-9a-f-]{36})/.exec(old.headers.location as string)![1]!;
  let now = await inputsNow();
  assert.equal(now.inputs['P2.2']!.n, 0.5, 'one stand not updated in the quarter');
  assert.match(now.sources['P2.2']![0]!.text, /записано 2, размещено 2, обновлено в срок 1/);

  await b.get(`/outreach/materials/${oldId}`);
  const upd = await b.post(`/outreach/materials/${oldId}/updates`, { updatedOn: ru(today), note: 'новые листы' });
  assert.equal(upd.statusCode, 303, upd.body);
  now = await inputsNow();
  assert.equal(now.inputs['P2.2']!.n, 1, 'both stands updated');
  assert.match(now.sources['P2.2']![0]!.text, /обновлено в срок 2/);

  // The first quarter of 2020, as of its end: the fresh stand did not exist, the old one was posted in that quarter.
  const past = await systemInputs(ctx.db, { regionId, municipalityId: kalgaId, year: 2020, quarter: 1, today });
  assert.equal(past.inputs['P2.2']!.n, 0.5);
  assert.match(past.sources['P2.2']![0]!.text, /на 31\.03\.2020/);
  // The second quarter of 2020: posted, not updated since (today's update is not yet known then).
  const later = await systemInputs(ctx.db, { regionId, municipalityId: kalgaId, year: 2020, quarter: 2, today });
  assert.equal(later.inputs['P2.2']!.n, 0.5);
  assert.match(later.sources['P2.2']![0]!.text, /записано 2, размещено 1, обновлено в срок 0/);

  // Another municipality's materials do not count.
  const other = await systemInputs(ctx.db, { regionId, municipalityId: otherId, ...current(), today });
  assert.equal(other.inputs['P2.2']!.n, 0);
});

test('events held in the quarter: culture seminars, parents meetings, mass events', async () => {
  const { from } = quarterBounds(current());
  const prevDay = new Date(Date.parse(`${from}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  await addEvent('culture_seminar', prevDay, null, 'Семинар прошлого квартала');
  await addEvent('e_lesson', from, 'kalga-school', 'Урок в школе для старших');
  let now = await inputsNow();
  assert.equal(now.inputs['P2.6']!.n, 0, 'a seminar of the previous quarter does not count');
  assert.equal(now.inputs['P3.1']!.n, 1, 'an event at a school counts for P3.1');
  assert.equal(now.inputs['P2.8']!.n, 0);

  await addEvent('culture_seminar', from, null, 'Госуслуги в библиотеке');
  now = await inputsNow();
  assert.equal(now.inputs['P2.6']!.n, 0.5, 'one seminar in the quarter');
  assert.match(now.sources['P2.6']![0]!.text, new RegExp(`беседы и семинары в учреждениях культуры: 1 — ${ru(from).replace(/\./g, '\\.')} «Госуслуги в библиотеке»`));

  await addEvent('e_lesson', from, 'kalga-culture', 'Беседа в доме культуры');
  await addEvent('e_services_day', from, null, 'День электронных услуг на площади');
  now = await inputsNow();
  assert.equal(now.inputs['P2.6']!.n, 1, 'two events in culture institutions');
  assert.equal(now.inputs['P2.8']!.n, 1);
});

test('the score page shows the tree, the sources and what is typed in', async () => {
  const b = await signedIn('coordinator');
  const res = await b.get('/outreach/scores');
  assert.equal(res.statusCode, 200, res.body);
  assert.ok(res.body.includes('href="/outreach/scores"'), 'nav entry');
  assert.equal(cell(res.body, 'value', 'P2.2'), '100 из 100');
  assert.match(cell(res.body, 'inputs', 'P2.2')!, /из материалов: Материалы «P2\.2 Информационные стенды»/);
  assert.equal(cell(res.body, 'value', 'P2.6'), '100 из 100');
  assert.match(cell(res.body, 'inputs', 'P2.6')!, /из мероприятий: Мероприятия в квартале/);
  assert.equal(cell(res.body, 'value', 'P2.4'), '0 из 50');
  assert.equal(cell(res.body, 'value', 'P1.1.1'), 'нет данных');
  assert.match(cell(res.body, 'inputs', 'P1.1.1')!, /вводится вручную с подтверждением — пока не введено/);
  assert.equal(cell(res.body, 'value', 'P'), 'нет данных');
  assert.match(res.body, /data-colour-node="P2\.2" data-colour="green"/);
  assert.match(res.body, /data-colour-node="P2\.4" data-colour="red"/);
  assert.match(res.body, /data-colour-node="P1\.1\.1" data-colour="none"/);
  assert.match(res.body, /<caption[^>]*>Дерево оценки: Калганский/);

  const past = await b.get('/outreach/scores?quarter=2020-Q1');
  assert.equal(past.statusCode, 200);
  assert.equal(cell(past.body, 'value', 'P2.2'), '50 из 100');
  assert.equal(cell(past.body, 'value', 'P2.6'), '0 из 100');
  assert.equal((await b.get('/outreach/scores?quarter=2999-Q1')).statusCode, 400);
  assert.equal((await b.get('/outreach/scores?quarter=nonsense')).statusCode, 400);

  const en = await b.get('/outreach/scores?lang=en');
  assert.equal(en.statusCode, 200);
  assert.match(en.body, /<html[^>]*lang="en"/);
  assert.equal(cell(en.body, 'value', 'P2.2'), '100 of 100');
  assert.equal(cell(en.body, 'value', 'P1.1.1'), 'no data');
  assert.match(cell(en.body, 'inputs', 'P1.1.1')!, /typed in with evidence — not entered yet/);
});

test('who sees the scores', async () => {
  const reception = await signedIn('reception');
  assert.equal((await reception.get('/outreach/scores')).statusCode, 403);

  const coordinator = await signedIn('coordinator');
  assert.equal((await coordinator.get(`/outreach/scores?municipality=${otherId}`)).statusCode, 403);
  assert.equal((await coordinator.get(`/outreach/scores?municipality=${kalgaId}`)).statusCode, 200);

  const region = await signedIn('region');
  const own = await region.get(`/outreach/scores?municipality=${kalgaId}`);
  assert.equal(own.statusCode, 200);
  assert.match(own.body, /<label class="u-label" for="[^"]+">Муниципальное образование/);
  assert.equal(cell(own.body, 'value', 'P2.2'), '100 из 100');
  const other = await region.get(`/outreach/scores?municipality=${otherId}`);
  assert.equal(other.statusCode, 200);
  assert.ok(other.body.includes(otherName));
  assert.equal(cell(other.body, 'value', 'P2.2'), '0 из 100');
  assert.equal((await region.get('/outreach/scores?municipality=00000000-0000-4000-8000-000000000000')).statusCode, 403);
});
