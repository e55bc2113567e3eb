/**
 * The regional administrator's model editor through the HTTP app: a draft
 * copied from the version in force, a formula typed wrong (Russian message with
 * the position, the text kept), fixed, previewed against the version in force
 * with values computed by hand, published — and then used by quarterScore and
 * the API. Who may do what, and the audit rows.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { DEMO_PASSWORD } from '../../src/db/seed/demo.js';
import type { AppContext } from '../../src/platform/context.js';
import { createStaff } from '../../src/modules/staff/create-staff.js';
import { regionToday } from '../../src/modules/outreach/materials/materials.repository.js';
import { quarterOf } from '../../src/modules/scoring/inputs/system-inputs.js';
import { KALGA_2018 } from '../../src/modules/scoring/models/kalga-2018.js';
import { activeModel } from '../../src/modules/scoring/model-store/active-model.js';
import { formToBody, modelToForm } from '../../src/modules/scoring/model-store/model-form.js';
import { quarterScore } from '../../src/modules/scoring/quarter-score.js';
import { Browser, createTestApp, signedInBrowser, type TestApp } from '../support/app.js';
import { kalgansky } from '../support/places.js';

let t: TestApp;
let app: FastifyInstance;
let ctx: AppContext;
let regionId = '';
let kalgaId = '';

const BASE = '/outreach/scores/models';
const P2 = KALGA_2018.nodes.findIndex((n) => n.id === 'P2');
const AVG = 'avg(P2.1, P2.2, P2.3, P2.4, P2.5, P2.6, P2.7, P2.8)';

before(async () => {
  t = await createTestApp({ seed: true });
  app = t.app;
  ctx = t.ctx;
  ({ kalgaId, regionId } = await kalgansky(ctx.db));
  await ctx.db.query(`insert into regions (key, name, oktmo_prefix, time_zone) values ('models-other', 'Другой край', '98', 'Asia/Chita')`);
  const made = await createStaff(ctx.db, { login: 'other-region', password: DEMO_PASSWORD, fullName: 'Иванова Мария Петровна', role: 'regional_admin', regionKey: 'models-other' });
  assert.ok(made.ok);
});
after(async () => t.close());

/** The model's form with P2's formula replaced, as the browser posts it. */
/** The `_stamp` the draft editor page carries (what the draft looked like when the form was opened). */
const stampIn = (html: string) => /name="_stamp" value="([0-9a-f]+)"/.exec(html)![1]!;

function formWith(p2Formula: string): Record<string, string> {
  const body = formToBody(modelToForm(KALGA_2018));
  body[`n${P2}-formula`] = p2Formula;
  return body;
}

/** Sample inputs of P2's children: P2.1 = 45 / 60 → 75; P2.2 → 100; P2.3 (0,5 + 0,25) → 75; P2.4 → 50; P2.5 → 50; P2.6 → 100; P2.7 → 50; P2.8 → 100. */
const SAMPLES = {
  's-P2.1-A': '45',
  's-P2.1-B': '60',
  's-P2.2-n': '1',
  's-P2.3-n': '0,5',
  's-P2.3-m': '0,25',
  's-P2.4-n': '0,5',
  's-P2.5-n': '0,5',
  's-P2.6-n': '1',
  's-P2.7-n': '0,5',
  's-P2.8-n': '1',
};

const cell = (html: string, attr: string, id: string) => new RegExp(`data-${attr}="${id.replace(/\./g, '\\.')}">([^<]*)<`).exec(html)?.[1];
const audit = async (action: string) => (await ctx.db.query<{ subject_id: string; details: Record<string, unknown> }>('select subject_id, details from audit_log where action = $1 order by seq', [action])).rows;

test('a coordinator and an operator get 403 everywhere; the tab is not theirs', async () => {
  const coordinator = await signedInBrowser(app, 'coordinator');
  assert.equal((await coordinator.get(BASE)).statusCode, 403);
  assert.equal((await coordinator.get(`${BASE}/kalga-2018/1`)).statusCode, 403);
  await coordinator.get('/staff');
  assert.equal((await coordinator.post(`${BASE}/kalga-2018/drafts`, {})).statusCode, 403);
  const scores = await coordinator.get('/outreach/scores');
  assert.doesNotMatch(scores.body, /Модели оценки/);
  const operator = await signedInBrowser(app, 'operator');
  assert.equal((await operator.get(BASE)).statusCode, 403);
});

test('the regional administrator sees the versions and version 1 read-only', async () => {
  const region = await signedInBrowser(app, 'region');
  const list = await region.get(BASE);
  assert.equal(list.statusCode, 200, list.body);
  assert.match(list.body, /Модели оценки/);
  assert.match(list.body, /data-active="kalga-2018\/1"/);
  assert.match(list.body, /Создать новую версию/);
  const v1 = await region.get(`${BASE}/kalga-2018/1`);
  assert.equal(v1.statusCode, 200);
  assert.match(v1.body, /<code data-formula="P2">\(P2\.1 \+ P2\.2 \+ P2\.3 \+ P2\.4 \+ P2\.5 \+ P2\.6 \+ P2\.7 \+ P2\.8\) \/ 7<\/code>/);
  assert.match(v1.body, /не меняются/);
  assert.doesNotMatch(v1.body, /name="n0-formula"/);
});

test('draft → wrong formula → fixed → preview by hand → published → used by quarterScore and the API', async () => {
  const region = await signedInBrowser(app, 'region');
  await region.get(BASE);
  const created = await region.post(`${BASE}/kalga-2018/drafts`, {});
  assert.equal(created.statusCode, 303, created.body);
  assert.equal(created.headers.location, `${BASE}/kalga-2018/2?created=new`);
  const page = await region.get(created.headers.location as string);
  assert.equal(page.statusCode, 200, page.body);
  assert.match(page.body, /Черновик версии 2/);
  assert.match(page.body, new RegExp(`name="n${P2}-formula"`));
  // A second «Создать» goes to the same draft.
  const again = await region.post(`${BASE}/kalga-2018/drafts`, {});
  assert.equal(again.headers.location, `${BASE}/kalga-2018/2?created=existing`);
  const stamp = stampIn((await region.get(`${BASE}/kalga-2018/2`)).body);

  // Unbalanced parenthesis: 400, the parser's position, the text kept in the field.
  const typo = '(P2.1 + P2.2 + P2.3 + P2.4 + P2.5 + P2.6 + P2.7 + P2.8 / 8';
  const bad = await region.post(`${BASE}/kalga-2018/2`, { ...formWith(typo), _stamp: stamp });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /P2: ошибка в формуле — позиция 58: ожидалась закрывающая скобка/);
  assert.ok(bad.body.includes(`value="${typo}"`), 'the typed formula is kept');
  assert.match(bad.body, new RegExp(`id="field-n${P2}-formula-error"`));
  // An unknown reference: the model check, next to the formula.
  const unknown = await region.post(`${BASE}/kalga-2018/2`, { ...formWith('avg(P2.1, P2.9)'), _stamp: stamp });
  assert.equal(unknown.statusCode, 400);
  assert.match(unknown.body, /P2: формула ссылается на неизвестное имя «P2\.9»/);
  assert.equal((await ctx.db.query<{ f: string }>("select nodes->7->>'formula' as f from scoring_models where version = 2")).rows[0]!.f, KALGA_2018.nodes[P2]!.formula, 'nothing saved');

  const saved = await region.post(`${BASE}/kalga-2018/2`, { ...formWith(AVG), _stamp: stamp });
  assert.equal(saved.statusCode, 303, saved.body);
  assert.equal((await ctx.db.query<{ f: string }>("select nodes->7->>'formula' as f from scoring_models where version = 2")).rows[0]!.f, AVG);
  const after = await region.get(saved.headers.location as string);
  assert.match(after.body, /Черновик сохранён/);

  // Preview (the fragment the script fetches): draft P2 = 600 / 8 = 75, version 1: 600 / 7 = 85,71.
  const fragment = await region.post(`${BASE}/kalga-2018/2/preview`, { ...formWith(AVG), ...SAMPLES });
  assert.equal(fragment.statusCode, 200, fragment.body);
  assert.equal(cell(fragment.body, 'draft-value', 'P2'), '75 из 100');
  assert.equal(cell(fragment.body, 'published-value', 'P2'), '85,71 из 100');
  assert.equal(cell(fragment.body, 'change', 'P2'), '−10,71');
  assert.equal(cell(fragment.body, 'draft-value', 'P2.3'), '75 из 100');
  assert.equal(cell(fragment.body, 'change', 'P2.3'), 'без изменений');
  assert.equal(cell(fragment.body, 'draft-explanation', 'P2'), 'P2 = avg(P2.1, P2.2, P2.3, P2.4, P2.5, P2.6, P2.7, P2.8) = avg(75; 100; 75; 50; 50; 100; 50; 100) = 75');
  // Without JavaScript: «Пересчитать» renders the whole page with the same figures and keeps the samples.
  const recalc = await region.post(`${BASE}/kalga-2018/2`, { ...formWith(AVG), ...SAMPLES, _op: 'preview' });
  assert.equal(recalc.statusCode, 200);
  assert.equal(cell(recalc.body, 'draft-value', 'P2'), '75 из 100');
  assert.ok(recalc.body.includes('name="s-P2.1-A" type="text" value="45"') || /name="s-P2\.1-A"[^>]*value="45"/.test(recalc.body));
  // A choice value outside its levels is reported, not counted.
  const wrong = await region.post(`${BASE}/kalga-2018/2/preview`, { ...formWith(AVG), ...SAMPLES, 's-P2.2-n': '0,7' });
  assert.match(wrong.body, /P2\.2: n может быть 0; 0,5 или 1/);
  assert.equal(cell(wrong.body, 'draft-value', 'P2'), 'нет значения');

  // Publish: the changes listed, a change note required.
  const publishPage = await region.get(`${BASE}/kalga-2018/2/publish`);
  assert.equal(publishPage.statusCode, 200);
  assert.match(publishPage.body, /изменены: P2/);
  const noNote = await region.post(`${BASE}/kalga-2018/2/publish`, { changeNote: '  ' });
  assert.equal(noNote.statusCode, 400);
  assert.match(noNote.body, /Напишите, что изменено и почему/);
  const published = await region.post(`${BASE}/kalga-2018/2/publish`, { changeNote: 'P2 — среднее восьми показателей' });
  assert.equal(published.statusCode, 303, published.body);
  assert.equal(published.headers.location, `${BASE}?published=2`);

  const active = await activeModel(ctx.db, regionId);
  assert.equal(active.version, 2);
  assert.equal(active.nodes[P2]!.formula, AVG);
  const today = await regionToday(ctx.db, regionId);
  const score = await quarterScore(ctx.db, { regionId, municipalityId: kalgaId, ...quarterOf(today), today });
  assert.equal(score.model.version, 2);
  assert.equal(score.evaluation.version, 2);
  assert.match(score.evaluation.nodes['P2']!.explanation, /^P2 = avg\(/);

  const list = await region.get(`${BASE}?published=2`);
  assert.match(list.body, /data-active="kalga-2018\/2"/);
  assert.match(list.body, /P2 — среднее восьми показателей/);
  // Version 2 is now read-only; version 1 stays viewable.
  const v2 = await region.get(`${BASE}/kalga-2018/2`);
  assert.doesNotMatch(v2.body, /name="n0-formula"/);
  assert.equal((await region.get(`${BASE}/kalga-2018/1`)).statusCode, 200);
  await region.get(BASE);
  assert.equal((await region.post(`${BASE}/kalga-2018/2`, formWith(AVG))).statusCode, 403);

  // The API evaluates with version 2 by default, and with version 1 when asked.
  const api = (payload: object) =>
    app.inject({ method: 'POST', url: '/api/v1/scoring/evaluate', payload, headers: { cookie: [...region.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'x-csrf-token': region.csrf } });
  const inputs = Object.fromEntries(
    Object.entries({ 'P2.1': { A: 45, B: 60 }, 'P2.2': { n: 1 }, 'P2.3': { n: 0.5, m: 0.25 }, 'P2.4': { n: 0.5 }, 'P2.5': { n: 0.5 }, 'P2.6': { n: 1 }, 'P2.7': { n: 0.5 }, 'P2.8': { n: 1 } }),
  );
  const now = await api({ model: 'kalga-2018', inputs });
  assert.equal(now.statusCode, 200, now.body);
  assert.equal(now.json().version, 2);
  assert.equal(now.json().nodes['P2'].value, 75);
  const old = await api({ model: 'kalga-2018', version: 1, inputs });
  assert.equal(old.json().version, 1);
  assert.ok(Math.abs(old.json().nodes['P2'].value - 600 / 7) < 1e-9);
  assert.equal((await api({ model: 'kalga-2018', version: 77, inputs })).statusCode, 404);

  // Audited in the same transactions.
  const row = (await ctx.db.query<{ id: string }>("select id from scoring_models where model_key = 'kalga-2018' and version = 2")).rows[0]!;
  const create = await audit('scoring.model.draft_create');
  assert.deepEqual(create.map((a) => a.subject_id), [row.id]);
  assert.equal(create[0]!.details.copiedFrom, 1);
  const saves = await audit('scoring.model.draft_save');
  assert.equal(saves.length, 1);
  assert.deepEqual(saves[0]!.details.changed, ['P2']);
  const publish = await audit('scoring.model.publish');
  assert.equal(publish[0]!.subject_id, row.id);
  assert.equal(publish[0]!.details.changeNote, 'P2 — среднее восьми показателей');
});

test("another region's administrator neither sees nor edits this region's versions", async () => {
  const other = await signedInBrowser(app, 'other-region');
  const list = await other.get(BASE);
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /data-active="kalga-2018\/1"/);
  assert.doesNotMatch(list.body, /версия 2</);
  assert.equal((await other.get(`${BASE}/kalga-2018/2`)).statusCode, 403);
  // Their own draft gets the next number of the key (3), and ours stays untouched by it.
  const created = await other.post(`${BASE}/kalga-2018/drafts`, {});
  assert.equal(created.headers.location, `${BASE}/kalga-2018/3?created=new`);
  const region = await signedInBrowser(app, 'region');
  assert.equal((await region.get(`${BASE}/kalga-2018/3`)).statusCode, 403);
  await region.get(BASE);
  assert.equal((await region.post(`${BASE}/kalga-2018/3`, formWith(AVG))).statusCode, 403);
  assert.equal((await region.post(`${BASE}/kalga-2018/3/delete`, {})).statusCode, 403);
  const otherRegionId = (await ctx.db.query<{ id: string }>("select id from regions where key = 'models-other'")).rows[0]!.id;
  assert.equal((await activeModel(ctx.db, otherRegionId)).version, 1);
});

test('the system administrator reads every version but edits none', async () => {
  const admin = await signedInBrowser(app, 'admin');
  const list = await admin.get(BASE);
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /Другой край/);
  const draft = await admin.get(`${BASE}/kalga-2018/3`);
  assert.equal(draft.statusCode, 200);
  assert.doesNotMatch(draft.body, /name="n0-formula"/);
  assert.equal((await admin.post(`${BASE}/kalga-2018/3`, formWith(AVG))).statusCode, 403);
  assert.equal((await admin.post(`${BASE}/kalga-2018/drafts`, {})).statusCode, 403);
});

test('without JavaScript: rows are added and removed on the page, nothing is saved until «Сохранить»; a draft is deleted', async () => {
  const region = await signedInBrowser(app, 'region');
  await region.get(BASE);
  const created = await region.post(`${BASE}/kalga-2018/drafts`, {});
  const url = created.headers.location as string;
  const version = Number(/\/(\d+)\?/.exec(url)![1]);
  const body = { ...formToBody(modelToForm(KALGA_2018)), _stamp: stampIn((await region.get(url)).body) };
  const added = await region.post(`${BASE}/kalga-2018/${version}`, { ...body, _op: 'add-node' });
  assert.equal(added.statusCode, 200);
  assert.match(added.body, /name="n20-id"/);
  const count = async () => (await ctx.db.query<{ n: number }>('select jsonb_array_length(nodes)::int as n from scoring_models where version = $1', [version])).rows[0]!.n;
  assert.equal(await count(), 20);
  // Saving with the new empty node asks for its id, title and formula.
  const incomplete = await region.post(`${BASE}/kalga-2018/${version}`, { ...body, 'n20-id': '', 'n20-title': '', 'n20-formula': '', 'n20-max': '100', 'n20-missing': 'propagate', 'n20-red': '', 'n20-yellow': '' });
  assert.equal(incomplete.statusCode, 400);
  assert.match(incomplete.body, /Укажите идентификатор показателя/);
  // Remove P3.3 and its reference in P3: saved with 19 nodes.
  const k = KALGA_2018.nodes.findIndex((n) => n.id === 'P3.3');
  const removed = await region.post(`${BASE}/kalga-2018/${version}`, { ...body, _op: `remove-node:${k}` });
  assert.doesNotMatch(removed.body, new RegExp(`name="n${k}-id"`));
  const p3 = KALGA_2018.nodes.findIndex((n) => n.id === 'P3');
  const without = Object.fromEntries(Object.entries(body).filter(([f]) => !f.startsWith(`n${k}-`)));
  const ok = await region.post(`${BASE}/kalga-2018/${version}`, { ...without, [`n${p3}-formula`]: '(P3.1 + P3.2) / 2' });
  assert.equal(ok.statusCode, 303, ok.body);
  assert.equal(await count(), 19);

  await region.get(`${BASE}/kalga-2018/${version}/delete`);
  const deleted = await region.post(`${BASE}/kalga-2018/${version}/delete`, {});
  assert.equal(deleted.statusCode, 303);
  assert.equal((await ctx.db.query('select 1 from scoring_models where version = $1', [version])).rows.length, 0);
  assert.equal((await audit('scoring.model.draft_delete')).length, 1);
  assert.equal((await activeModel(ctx.db, regionId)).version, 2);
});

test('the list tab «Модели оценки» is shown to the regional administrator', async () => {
  const region = await signedInBrowser(app, 'region');
  const scores = await region.get('/outreach/scores');
  assert.match(scores.body, /href="\/outreach\/scores\/models"/);
  void Browser;
});

test('two administrators on one draft: the later save is stopped, shown what was typed, and saves on purpose the second time', async () => {
  const first = await signedInBrowser(app, 'region');
  const second = await signedInBrowser(app, 'region');
  await first.get(BASE);
  const created = await first.post(`${BASE}/kalga-2018/drafts`, {});
  const url = (created.headers.location as string).replace(/\?.*$/, '');
  const firstStamp = stampIn((await first.get(url)).body);
  const secondStamp = stampIn((await second.get(url)).body);
  assert.equal(firstStamp, secondStamp);
  const version = Number(/\/(\d+)$/.exec(url)![1]);
  const formula = async () => (await ctx.db.query<{ f: string }>(`select nodes->${P2}->>'formula' as f from scoring_models where model_key = 'kalga-2018' and version = $1`, [version])).rows[0]!.f;

  const theirs = '(P2.1 + P2.2 + P2.3 + P2.4 + P2.5 + P2.6 + P2.7 + P2.8) / 8';
  assert.equal((await second.post(url, { ...formWith(theirs), _stamp: secondStamp })).statusCode, 303);

  const mine = AVG;
  const stopped = await first.post(url, { ...formWith(mine), _stamp: firstStamp });
  assert.equal(stopped.statusCode, 409);
  assert.match(stopped.body, /<p data-conflict>/);
  assert.match(stopped.body, /его сохранил другой сотрудник/);
  assert.ok(stopped.body.includes(`value="${mine}"`), 'what the first administrator typed is kept on the page');
  assert.equal(await formula(), theirs, 'the other save is not overwritten unseen');

  const again = await first.post(url, { ...formWith(mine), _stamp: stampIn(stopped.body) });
  assert.equal(again.statusCode, 303, again.body);
  assert.equal(await formula(), mine);
});
