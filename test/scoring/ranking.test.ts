import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import type { AppContext } from '../../src/platform/context.js';
import { rankMunicipalities, type RankingRow } from '../../src/modules/scoring/ranking/ranking.js';
import { RANKING_HEADER_ROW } from '../../src/modules/scoring/ranking/export-xlsx.js';
import { createTestApp, signedInBrowser, type TestApp } from '../support/app.js';
import { regionToday } from '../../src/modules/outreach/materials/materials.repository.js';

let t: TestApp;
let ctx: AppContext;
let regionId = '';
const ids: Record<string, string> = {};
const names: Record<string, string> = {};

async function accounts(key: string, n: number, a: { activated: string; confirmed?: string; status?: string; level?: string }) {
  await ctx.db.query(
    `insert into citizens (municipality_id, status, level, activated_at, confirmed_at)
     select $1::uuid, $2::text, $3::text, $4::timestamptz, $5::timestamptz from generate_series(1, $6::int)`,
    [ids[key], a.status ?? 'active', a.level ?? (a.confirmed ? 'confirmed' : 'standard'), a.activated, a.confirmed ?? null, n],
  );
}

async function target(key: string, year: number, quarter: number, registered: number, confirmed: number) {
  await ctx.db.query(
    'insert into municipality_targets (region_id, municipality_id, year, quarter, registered_target, confirmed_target) values ($1, $2, $3, $4, $5, $6)',
    [regionId, ids[key], year, quarter, registered, confirmed],
  );
}

before(async () => {
  t = await createTestApp({ seed: true });
  ctx = t.ctx;
  const { rows } = await ctx.db.query<{ id: string; key: string; name: string; region_id: string }>('select id, key, name, region_id from municipalities');
  for (const r of rows) {
    ids[r.key] = r.id;
    names[r.key] = r.name;
  }
  regionId = rows.find((r) => r.key === 'kalgansky')!.region_id;
  assert.equal((await ctx.db.query<{ tz: string }>('select time_zone as tz from regions where id = $1', [regionId])).rows[0]!.tz, 'Asia/Chita'); // UTC+9

  // 2025-Q2 (previous quarter): kalgansky 100, chita 60, borzinsky 55, shilkinsky 50 → ranks 1, 2, 3, 4.
  const may = '2025-05-15T03:00:00Z';
  await target('kalgansky', 2025, 2, 10, 10);
  await accounts('kalgansky', 10, { activated: may, confirmed: may });
  await target('chita', 2025, 2, 10, 10);
  await accounts('chita', 6, { activated: may, confirmed: may });
  await target('borzinsky', 2025, 2, 20, 20);
  await accounts('borzinsky', 11, { activated: may, confirmed: may });
  await target('shilkinsky', 2025, 2, 10, 10);
  await accounts('shilkinsky', 5, { activated: may, confirmed: may });

  // 2025-Q3.
  const aug = '2025-08-15T03:00:00Z';
  // borzinsky: 6 of 5 (120 % → capped 100), 5 of 5 → 100
  await target('borzinsky', 2025, 3, 5, 5);
  await accounts('borzinsky', 5, { activated: aug, confirmed: aug });
  await accounts('borzinsky', 1, { activated: aug });
  // kalgansky: 8 of 10 (80), 4 of 4 (100) → 90
  await target('kalgansky', 2025, 3, 10, 4);
  await accounts('kalgansky', 4, { activated: aug, confirmed: aug });
  await accounts('kalgansky', 3, { activated: aug });
  await accounts('kalgansky', 1, { activated: '2025-09-30T14:30:00Z' }); // 30.09 23:30 in Chita: the quarter's last day
  await accounts('kalgansky', 1, { activated: '2025-09-30T15:30:00Z' }); // 01.10 00:30 in Chita: the next quarter, though still 30.09 in UTC
  await accounts('kalgansky', 3, { activated: aug, confirmed: aug, status: 'deleted' }); // deleted: never counted
  // nerchinsky: 20 of 20 (100), 8 of 10 (80) → 90; no target in Q2 → new
  await target('nerchinsky', 2025, 3, 20, 10);
  await accounts('nerchinsky', 8, { activated: aug, confirmed: aug });
  await accounts('nerchinsky', 12, { activated: aug });
  // shilkinsky: 5 of 10 (50), 2 of 10 (20) → 35
  await target('shilkinsky', 2025, 3, 10, 10);
  await accounts('shilkinsky', 2, { activated: aug, confirmed: aug });
  await accounts('shilkinsky', 3, { activated: aug });
  // chita: a zero registration target → unranked
  await target('chita', 2025, 3, 0, 5);
  await accounts('chita', 2, { activated: aug, confirmed: aug });
  // krasnokamensky: accounts but no target → unranked
  await accounts('krasnokamensky', 4, { activated: aug });
});
after(async () => t.close());

const byKey = (rows: RankingRow[], key: string) => rows.find((r) => r.municipalityId === ids[key])!;

test('2025-Q3: ranks with a tie, capped percentages, unranked municipalities, trend', async () => {
  const ranking = await rankMunicipalities(ctx.db, { regionId, year: 2025, quarter: 3, today: '2026-01-20' });
  assert.equal(ranking.complete, true);
  assert.equal(ranking.asOf, '2025-09-30');
  const expected: Array<[string, number, number, number, number, string]> = [
    // key, rank, registered, confirmed, combined, trend
    ['borzinsky', 1, 6, 5, 100, 'up'],
    ['kalgansky', 2, 8, 4, 90, 'down'],
    ['nerchinsky', 2, 20, 8, 90, 'new'],
    ['shilkinsky', 4, 5, 2, 35, 'same'],
  ];
  for (const [key, rank, registered, confirmed, combined, trend] of expected) {
    const r = byKey(ranking.rows, key);
    assert.deepEqual([r.rank, r.registered, r.confirmed, r.combined, r.trend], [rank, registered, confirmed, combined, trend], key);
  }
  assert.equal(byKey(ranking.rows, 'borzinsky').registeredPercent, 100, '120 % is capped at 100');
  assert.equal(byKey(ranking.rows, 'borzinsky').previousRank, 3);
  assert.equal(byKey(ranking.rows, 'kalgansky').previousRank, 1);
  assert.deepEqual(byKey(ranking.rows, 'kalgansky').tiedWith, [names.nerchinsky]);
  assert.deepEqual(
    ranking.rows.slice(0, 4).map((r) => r.municipalityId),
    [ids.borzinsky, ids.kalgansky, ids.nerchinsky, ids.shilkinsky].map(String),
    'ranked first, ties by name (Калганский before Нерчинский)',
  );
  const chita = byKey(ranking.rows, 'chita');
  assert.deepEqual([chita.rank, chita.unrankedReason, chita.trend, chita.confirmedPercent], [null, 'zero_target', null, 40]);
  const krasno = byKey(ranking.rows, 'krasnokamensky');
  assert.deepEqual([krasno.rank, krasno.unrankedReason, krasno.registered], [null, 'no_target', 4]);
  assert.ok(ranking.rows.slice(4).every((r) => r.rank === null), 'unranked after the ranked');
});

test('time zone: the account activated at 00:30 on 01.10 local time counts in Q4, not Q3', async () => {
  const q4 = await rankMunicipalities(ctx.db, { regionId, year: 2025, quarter: 4, today: '2025-11-01' });
  assert.equal(byKey(q4.rows, 'kalgansky').registered, 1);
  assert.equal(q4.complete, false);
  assert.equal(q4.asOf, '2025-11-01');
  // previous quarter's ranks carry over as the base of the trend
  assert.equal(byKey(q4.rows, 'kalgansky').previousRank, 2);
});

test('the page: ranks, shared rank explained, unranked reasons, trend in words', async () => {
  const b = await signedInBrowser(t.app, 'region');
  const res = await b.get('/outreach/ranking?quarter=2025-Q3');
  assert.equal(res.statusCode, 200, res.body);
  const body = res.body;
  assert.match(body, new RegExp(`data-rank="${ids.kalgansky}">2 \\(общее\\)<`));
  assert.match(body, new RegExp(`data-rank="${ids.borzinsky}">1<`));
  assert.match(body, new RegExp(`data-combined="${ids.kalgansky}">90<`));
  assert.match(body, /2-е место делят: Калганский муниципальный округ, Нерчинский муниципальный округ — совокупный показатель у каждого 90\u00a0%; следующее место — 4-е\./);
  assert.match(body, /<span aria-hidden="true">▲ <\/span>выше на 2 \(было 3-е место\)/);
  assert.match(body, /<span aria-hidden="true">▼ <\/span>ниже на 1 \(было 1-е место\)/);
  assert.match(body, /<span aria-hidden="true">= <\/span>без изменений \(4-е место\)/);
  assert.match(body, /впервые в рейтинге/);
  assert.match(body, new RegExp(`data-unranked="${ids.krasnokamensky}">цель на квартал не задана<`));
  assert.match(body, new RegExp(`data-unranked="${ids.chita}">цель на квартал равна нулю`));
  assert.match(body, /8 из 10 — 80\u00a0%/);
  assert.match(body, /Квартал закончился 30\.09\.2025/);
  assert.match(body, /среднее арифметическое двух процентов/);
  assert.match(body, /<caption[^>]*>Рейтинг за 3 квартал 2025 г\.<\/caption>/);
  assert.match(body, /<th scope="col"/);

  const english = await b.get('/outreach/ranking?quarter=2025-Q3&lang=en');
  assert.equal(english.statusCode, 200);
  assert.match(english.body, /Rank 2 is shared by Калганский муниципальный округ, Нерчинский муниципальный округ: combined figure 90% each; the next rank is 4\./);

  // By default the last complete quarter; the current one can be chosen and is marked unfinished.
  const byDefault = await b.get('/outreach/ranking?lang=ru'); // the language chosen is remembered
  assert.equal(byDefault.statusCode, 200);
  assert.match(byDefault.body, /<div data-quarter-state="complete">/);
  const [y, m] = (await regionToday(ctx.db, regionId)).split('-').map(Number) as [number, number];
  const running = await b.get(`/outreach/ranking?quarter=${y}-Q${Math.floor((m - 1) / 3) + 1}`);
  assert.equal(running.statusCode, 200);
  assert.match(running.body, /Квартал ещё не закончился, данные на \d\d\.\d\d\.\d{4}\./);

  assert.equal((await b.get('/outreach/ranking?quarter=2999-Q1')).statusCode, 400);
  assert.equal((await b.get('/outreach/ranking?quarter=bad')).statusCode, 400);
});

test('who sees it: coordinators of the region and the system administrator; not centre staff', async () => {
  const coordinator = await signedInBrowser(t.app, 'coordinator');
  const res = await coordinator.get('/outreach/ranking?quarter=2025-Q3');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /Нерчинский муниципальный округ/, 'all municipalities of the region');
  const admin = await signedInBrowser(t.app, 'admin');
  assert.equal((await admin.get('/outreach/ranking?quarter=2025-Q3')).statusCode, 200);
  assert.equal((await admin.get(`/outreach/ranking?quarter=2025-Q3&region=${regionId}`)).statusCode, 200);
  const operator = await signedInBrowser(t.app, 'operator');
  assert.equal((await operator.get('/outreach/ranking?quarter=2025-Q3')).statusCode, 403);
  const anonymous = await t.app.inject({ method: 'GET', url: '/outreach/ranking' });
  assert.equal(anonymous.statusCode, 303);
});

test('XLSX export: the same columns and figures, opened again', async () => {
  const b = await signedInBrowser(t.app, 'region');
  const res = await b.get('/outreach/ranking.xlsx?quarter=2025-Q3');
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /spreadsheetml/);
  assert.match(decodeURIComponent(String(res.headers['content-disposition'])), /Рейтинг_2025-Q3\.xlsx/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets[0]!;
  const text = (row: number, col: number) => {
    const v = ws.getRow(row).getCell(col).value;
    return v === null || v === undefined ? '' : typeof v === 'object' && 'richText' in v ? v.richText.map((r) => r.text).join('') : String(v);
  };
  assert.match(text(1, 1), /Рейтинг муниципальных образований: .*3 квартал 2025 г\./);
  const header = Array.from({ length: 11 }, (_, i) => text(RANKING_HEADER_ROW, i + 1));
  assert.deepEqual(header, [
    'Место',
    'Муниципальное образование',
    'Прирост зарегистрированных',
    'Цель по зарегистрированным',
    'Выполнение по зарегистрированным, %',
    'Прирост подтверждённых',
    'Цель по подтверждённым',
    'Выполнение по подтверждённым, %',
    'Совокупный показатель, %',
    'Изменение места',
    'Примечание',
  ]);
  const row = (n: number) => ws.getRow(RANKING_HEADER_ROW + n);
  const values = (n: number) => Array.from({ length: 11 }, (_, i) => row(n).getCell(i + 1).value);
  assert.deepEqual(values(1), [1, names.borzinsky, 6, 5, 100, 5, 5, 100, 100, '▲ выше на 2 (было 3-е место)', '']);
  assert.deepEqual(values(2), [2, names.kalgansky, 8, 10, 80, 4, 4, 100, 90, '▼ ниже на 1 (было 1-е место)', `делит место: ${names.nerchinsky}`]);
  assert.equal(row(3).getCell(1).value, 2);
  assert.equal(row(3).getCell(10).value, 'впервые в рейтинге');
  assert.equal(row(4).getCell(1).value, 4);
  const unranked = Array.from({ length: ws.rowCount - RANKING_HEADER_ROW - 4 }, (_, i) => row(5 + i));
  const krasno = unranked.find((r) => r.getCell(2).value === names.krasnokamensky)!;
  assert.equal(krasno.getCell(1).value, 'вне рейтинга');
  assert.equal(krasno.getCell(3).value, 4);
  assert.equal(krasno.getCell(11).value, 'цель на квартал не задана');
});
