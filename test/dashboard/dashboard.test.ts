import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AppContext } from '../../src/platform/context.js';
import { regionToday } from '../../src/modules/outreach/materials/materials.repository.js';
import { quarterBounds, quarterOf, type Quarter } from '../../src/modules/scoring/inputs/system-inputs.js';
import { previousQuarter } from '../../src/modules/scoring/inputs/system-inputs.js';
import { createTestApp, signedInBrowser, type TestApp } from '../support/app.js';

let t: TestApp;
let ctx: AppContext;
let regionId = '';
let today = '';
let last: Quarter;
let current: Quarter;
const ids: Record<string, string> = {};

const lastQ = () => `${last.year}-Q${last.quarter}`;
const ru = (iso: string) => iso.split('-').reverse().join('.');
const addDays = (iso: string, n: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

async function accounts(key: string, n: number, a: { activated: string | null; confirmed?: string; status?: string; level: string }) {
  await ctx.db.query(
    `insert into citizens (municipality_id, status, level, activated_at, confirmed_at)
     select $1::uuid, $2::text, $3::text, $4::timestamptz, $5::timestamptz from generate_series(1, $6::int)`,
    [ids[key], a.status ?? 'active', a.level, a.activated, a.confirmed ?? null, n],
  );
}

before(async () => {
  t = await createTestApp({ seed: true });
  ctx = t.ctx;
  const { rows } = await ctx.db.query<{ id: string; key: string; region_id: string }>('select id, key, region_id from municipalities');
  for (const r of rows) ids[r.key] = r.id;
  regionId = rows.find((r) => r.key === 'kalgansky')!.region_id;
  today = await regionToday(ctx.db, regionId);
  current = quarterOf(today);
  last = previousQuarter(current);

  // Populations by hand: Kalgansky 1 000 (official), Nerchinsky 200 (illustrative), the rest unknown.
  await ctx.db.query('update municipalities set population = null where region_id = $1', [regionId]);
  await ctx.db.query("update municipalities set population = 1000, population_illustrative = false where key = 'kalgansky'");
  await ctx.db.query("update municipalities set population = 200, population_illustrative = true where key = 'nerchinsky'");

  const mid = `${addDays(quarterBounds(last).from, 40)}T03:00:00Z`;
  // Kalgansky: 28 confirmed + 10 standard in the last quarter, 2 standard now → 40 using e-services;
  // 5 simplified (registered, not «using»), 4 deleted confirmed and 3 pending: not counted anywhere.
  await accounts('kalgansky', 28, { activated: mid, confirmed: mid, level: 'confirmed' });
  await accounts('kalgansky', 10, { activated: mid, level: 'standard' });
  await accounts('kalgansky', 2, { activated: new Date().toISOString(), level: 'standard' });
  await accounts('kalgansky', 5, { activated: mid, level: 'simplified' });
  await accounts('kalgansky', 4, { activated: mid, confirmed: mid, level: 'confirmed', status: 'deleted' });
  await accounts('kalgansky', 3, { activated: null, level: 'standard', status: 'pending' });
  // Nerchinsky: 150 standard in the last quarter → 150 of 200.
  await accounts('nerchinsky', 150, { activated: mid, level: 'standard' });

  // Kalgansky is the only municipality with a target → first in the ranking.
  await ctx.db.query(
    'insert into municipality_targets (region_id, municipality_id, year, quarter, registered_target, confirmed_target) values ($1, $2, $3, $4, 86, 56)',
    [regionId, ids.kalgansky, last.year, last.quarter],
  );
  // A Day of e-services in the last quarter: P2.8 = 100 (green); no school events: P3.1 = 0 (red).
  await ctx.db.query(
    `insert into outreach_events (region_id, municipality_id, title, format, held_on, place, code) values ($1, $2, 'День электронных услуг', 'e_services_day', $3, 'ДК', 'DASH-1')`,
    [regionId, ids.kalgansky, addDays(quarterBounds(last).from, 10)],
  );
  // Reports of the last quarter (due the 15th of the month after it).
  const due = quarterBounds({ year: last.quarter === 4 ? last.year + 1 : last.year, quarter: last.quarter === 4 ? 1 : ((last.quarter + 1) as Quarter['quarter']) }).from.replace(/-01$/, '-15');
  const submit = async (key: string, status: string, on: string) =>
    ctx.db.query('insert into quarter_submissions (region_id, municipality_id, year, quarter, status, submitted_at) values ($1, $2, $3, $4, $5, $6)', [
      regionId,
      ids[key],
      last.year,
      last.quarter,
      status,
      `${on}T02:00:00Z`, // 11:00 in Chita, the same day
    ]);
  await submit('kalgansky', 'submitted', addDays(due, -5));
  await submit('borzinsky', 'submitted', addDays(due, 3));
  await submit('shilkinsky', 'accepted', addDays(due, -1));
});
after(async () => t.close());

test('share using e-services: per municipality and region, computed by hand, with the definition', async () => {
  const b = await signedInBrowser(t.app, 'region');
  const res = await b.get('/outreach/dashboard');
  assert.equal(res.statusCode, 200, res.body);
  const body = res.body;
  // Region: (40 + 150) / (1 000 + 200) = 15,833… %
  assert.match(body, /data-region-share="15\.8333"/);
  assert.match(body, /15,8\u00a0% — 190 из 1\u00a0200/);
  assert.match(body, /условные данные/, 'Nerchinsky’s population is illustrative');
  // Kalgansky 40 / 1 000 = 4 %; Nerchinsky 150 / 200 = 75 % (illustrative)
  assert.match(body, /<th scope="row"[^>]*>Калганский муниципальный округ<\/th><td[^>]*>4\u00a0% \(40 из 1\u00a0000\)<\/td>/);
  assert.match(body, /<th scope="row"[^>]*>Нерчинский муниципальный округ<\/th><td[^>]*>75\u00a0% \(150 из 200, условные данные\)<\/td>/);
  assert.match(body, /Борзинский муниципальный округ<\/th><td[^>]*>нет данных о населении</);
  assert.match(body, /с действующей учётной записью стандартного или подтверждённого уровня/);
  // the chart: an SVG image with title/desc, the 70 % line and its data table
  assert.match(body, /<svg[^>]*role="img"[^>]*aria-labelledby="chart-share-title chart-share-desc"/);
  assert.match(body, /data-reference="70"/);
  assert.match(body, />цель 70\u00a0%</);
  assert.match(body, /<details class="u-chart__data"><summary>Данные графика таблицей<\/summary>/);
});

test('registrations and confirmations by quarter: region and one municipality', async () => {
  const b = await signedInBrowser(t.app, 'region');
  const cell = (body: string, quarter: Quarter) => {
    const roman = ['I', 'II', 'III', 'IV'][quarter.quarter - 1];
    return new RegExp(`<th scope="row"[^>]*>${roman} кв\\. ${quarter.year}</th><td[^>]*>([^<]*)</td><td[^>]*>([^<]*)</td>`).exec(body);
  };
  const region = await b.get('/outreach/dashboard');
  assert.match(region.body, /aria-labelledby="chart-growth-title chart-growth-desc"/);
  // last quarter: 28 + 10 + 5 (Kalgansky; deleted ones left out) + 150 (Nerchinsky) = 193 registered, 28 confirmed
  assert.deepEqual(cell(region.body, last)!.slice(1), ['193', '28']);
  assert.deepEqual(cell(region.body, current)!.slice(1), ['2', '0']);
  assert.deepEqual(cell(region.body, previousQuarter(last))!.slice(1), ['0', '0']);
  const one = await b.get(`/outreach/dashboard?municipality=${ids.nerchinsky}`);
  assert.equal(one.statusCode, 200);
  assert.deepEqual(cell(one.body, last)!.slice(1), ['150', '0']);
  assert.match(one.body, /Регистрации и подтверждения по кварталам: Нерчинский муниципальный округ/);
  assert.equal((await b.get('/outreach/dashboard?municipality=00000000-0000-4000-8000-000000000000')).statusCode, 404);
});

test('score tree of the first in the ranking: colours in words, links to the score page; totals of all', async () => {
  const b = await signedInBrowser(t.app, 'region');
  const body = (await b.get('/outreach/dashboard')).body;
  assert.match(body, /Дерево оценки: Калганский муниципальный округ/);
  assert.match(body, /data-tree-node="P"[\s\S]*data-tree-node="P1"[\s\S]*data-tree-node="P1.1.1"/);
  assert.match(body, /data-colour-node="P2.8" data-colour="green"><span class="u-badge[^"]*"><span class="u-visually-hidden">уровень: <\/span>высокий/);
  assert.match(body, /data-colour-node="P3.1" data-colour="red"><span class="u-badge[^"]*"><span class="u-visually-hidden">уровень: <\/span>низкий/);
  assert.match(body, /data-value="P2.8">100 из 100</);
  assert.match(body, new RegExp(`href="/outreach/scores\\?municipality=${ids.kalgansky}&amp;quarter=${lastQ()}#node-P2\\.8" data-node-link="P2.8"`));
  // …and the link lands on that node's row of the score page, with its inputs and where they came from
  const scorePage = (await b.get(`/outreach/scores?municipality=${ids.kalgansky}&quarter=${lastQ()}`)).body;
  assert.match(scorePage, /<span data-node="P2.8" id="node-P2.8">/);
  assert.match(scorePage, /data-input="P2.8-n" data-origin="events"/);
  // the totals table has a row per municipality
  assert.match(body, new RegExp(`data-total="${ids.nerchinsky}:P"`));
  const chosen = (await b.get(`/outreach/dashboard?score=${ids.nerchinsky}`)).body;
  assert.match(chosen, /Дерево оценки: Нерчинский муниципальный округ/);
  assert.match(chosen, /data-colour-node="P2.8" data-colour="red"/, 'no Day of e-services in Nerchinsky');
});

test('ranking top and report statuses with links', async () => {
  const b = await signedInBrowser(t.app, 'region');
  const body = (await b.get('/outreach/dashboard')).body;
  // Kalgansky: 43 of 86 (50 %), 28 of 56 (50 %) → 50
  assert.match(body, new RegExp(`data-rank="${ids.kalgansky}">1<`));
  assert.match(body, /43 из 86 — 50\u00a0%/);
  assert.match(body, new RegExp(`href="/outreach/ranking\\?quarter=${lastQ()}" data-ranking-link`));
  assert.match(body, new RegExp(`data-report-state="${ids.kalgansky}" data-state="on_time"`));
  assert.match(body, new RegExp(`data-report-state="${ids.borzinsky}" data-state="late"`));
  assert.match(body, new RegExp(`data-report-state="${ids.shilkinsky}" data-state="accepted"`));
  const due = quarterBounds(current).from.replace(/-01$/, '-15');
  assert.match(body, new RegExp(`data-report-state="${ids.nerchinsky}" data-state="${today > due ? 'missing' : 'not_due'}"`));
  assert.match(body, new RegExp(`href="/outreach/reports/overview\\?quarter=${lastQ()}" data-reports-link`));
  assert.match(body, new RegExp(`Отчёт сдаётся до ${ru(due).replace(/\./g, '\\.')}`));
  // overdue plan items: a row per municipality (no approved plans in this file → 0)
  assert.match(body, new RegExp(`data-overdue="${ids.kalgansky}">0<`));
});

test('who sees it: the regional and system administrators; a coordinator goes to their scores; others 403', async () => {
  const region = await signedInBrowser(t.app, 'region');
  assert.match((await region.get('/staff')).body, /href="\/outreach\/dashboard"/, 'linked from the regional administrator’s home page');
  const english = await region.get('/outreach/dashboard?lang=en');
  assert.equal(english.statusCode, 200);
  assert.match(english.body, /<h1 class="u-h1">Regional dashboard<\/h1>/);
  assert.match(english.body, /15\.8% — 190 of 1,200/);
  const admin = await signedInBrowser(t.app, 'admin');
  assert.equal((await admin.get('/outreach/dashboard')).statusCode, 200);
  assert.equal((await admin.get(`/outreach/dashboard?region=${regionId}`)).statusCode, 200);
  const coordinator = await signedInBrowser(t.app, 'coordinator');
  assert.doesNotMatch((await coordinator.get('/staff')).body, /class="u-card__link" href="\/outreach\/dashboard"/);
  const res = await coordinator.get('/outreach/dashboard');
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, `/outreach/scores?municipality=${ids.kalgansky}`);
  const operator = await signedInBrowser(t.app, 'operator');
  assert.equal((await operator.get('/outreach/dashboard')).statusCode, 403);
  assert.equal((await t.app.inject({ method: 'GET', url: '/outreach/dashboard' })).statusCode, 303);
});
