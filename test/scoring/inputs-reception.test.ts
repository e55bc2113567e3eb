/**
 * The reception visit log (issue 6) feeds the score and the quarterly report.
 * P2.1 of the score: A = visitors
 * informed, B = all visitors of the quarter, in the region's time zone; no
 * logged visits → missing with the reason; a typed figure (a paper log) replaces
 * the log's figure and both are shown. Table 3 of the seed-003 report gets a
 * row per organisation with the visitors informed there.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { insertVisit } from '../../src/modules/reception/reception.repository.js';
import { liveQuarterScore } from '../../src/modules/scoring/quarter-score.js';
import { generateQuarterReport } from '../../src/modules/reports/generate-report.js';
import { createTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
let regionId = '';
let kalga = '';
let chita = '';

async function visit(login: string, at: string, outcome: string, status: 'finished' | 'cancelled' = 'finished') {
  const { rows } = await t.ctx.db.query<{ id: string; organisation_id: string; municipality_id: string }>(
    'select u.id, u.organisation_id, o.municipality_id from staff_users u join organisations o on o.id = u.organisation_id where u.login = $1',
    [login],
  );
  const w = rows[0]!;
  await insertVisit(
    t.ctx.db,
    { regionId, municipalityId: w.municipality_id, organisationId: w.organisation_id, serviceCentreId: null, staffUserId: w.id, ageThreshold: 55, registerVia: null, confirmVia: null, path: [], outcome, status },
    new Date(at),
  );
}

before(async () => {
  t = await createTestApp({ seed: true });
  const { rows } = await t.ctx.db.query<{ id: string; key: string; region_id: string }>("select id, key, region_id from municipalities where key in ('kalgansky', 'chita')");
  kalga = rows.find((r) => r.key === 'kalgansky')!.id;
  chita = rows.find((r) => r.key === 'chita')!.id;
  regionId = rows[0]!.region_id;
  // Q3 2026 in Asia/Chita (UTC+9): five visits count, two do not.
  await visit('operator', '2026-07-01T00:30:00Z', 'registered'); // 09:30 on 1 July: informed
  await visit('operator', '2026-08-12T03:00:00Z', 'refused'); // offered and refused: informed
  await visit('reception', '2026-08-20T03:00:00Z', 'informed');
  await visit('reception', '2026-09-01T03:00:00Z', 'consulted'); // only the question answered (older than the threshold)
  await visit('reception', '2026-09-30T14:30:00Z', 'consulted'); // 23:30 on 30 September: still Q3
  await visit('reception', '2026-09-30T15:30:00Z', 'informed'); // 00:30 on 1 October: Q4
  await visit('reception', '2026-08-21T03:00:00Z', 'informed', 'cancelled'); // entered by mistake
});
after(async () => t.close());

const Q3 = { year: 2026, quarter: 3 as const, today: '2026-11-23' };

test('P2.1 = informed / all visitors from the log: 3 of 5 → 60', async () => {
  const score = await liveQuarterScore(t.ctx.db, { regionId, municipalityId: kalga, ...Q3 });
  assert.deepEqual(score.inputs['P2.1'], { A: 3, B: 5 });
  assert.equal(score.evaluation.nodes['P2.1']!.value, 60);
  const sources = score.sources['P2.1']!;
  assert.deepEqual(sources.map((s) => [s.input, s.origin, s.value]), [['A', 'reception', 3], ['B', 'reception', 5]]);
  assert.match(sources[0]!.text, /журнал приёма за 01\.07\.2026–30\.09\.2026: проинформировано по алгоритму 3 из 5/);
  assert.equal(score.missing?.['P2.1'], undefined);
});

test('no visits logged: P2.1 has no value, and the page-facing reason says the log was not kept', async () => {
  const score = await liveQuarterScore(t.ctx.db, { regionId, municipalityId: chita, ...Q3 });
  assert.equal(score.inputs['P2.1'], undefined);
  assert.equal(score.evaluation.nodes['P2.1']!.value, null);
  assert.deepEqual(score.missing?.['P2.1']?.map((m) => [m.input, m.origin]), [['A', 'reception'], ['B', 'reception']]);
  assert.match(score.missing!['P2.1']![0]!.text, /нет посещений/);
});

test('a typed B (a desk with a paper log) replaces the log’s B and both are shown', async () => {
  await t.ctx.db.query(
    `insert into score_inputs (region_id, municipality_id, year, quarter, node_id, input_name, value, note)
     values ($1, $2, 2026, 3, 'P2.1', 'B', 6, 'Журнал на бумаге в библиотеке: 1 посетитель')`,
    [regionId, kalga],
  );
  const score = await liveQuarterScore(t.ctx.db, { regionId, municipalityId: kalga, ...Q3 });
  assert.deepEqual(score.inputs['P2.1'], { A: 3, B: 6 });
  assert.equal(score.evaluation.nodes['P2.1']!.value, 50);
  const b = score.sources['P2.1']!.filter((s) => s.input === 'B');
  assert.deepEqual(b.map((s) => [s.origin, s.value, s.replaced ?? false]), [['typed', 6, false], ['reception', 5, true]]);
});

test('report table 3: one row per organisation with the visitors informed there, from the log', async () => {
  const report = await generateQuarterReport(t.ctx.db, { regionId, municipalityId: kalga, year: 2026, quarter: 3 });
  const rows = report.consultations.filter((r) => r.source.origin === 'visits');
  // operator's centre: registered + refused = 2 informed of 2; reception's school: 1 informed of 3
  assert.deepEqual(rows.map((r) => r.count).sort(), [1, 2]);
  const school = rows.find((r) => r.count === 1)!;
  assert.match(school.title, /^Информирование посетителей о портале госуслуг по алгоритму \(.+\)$/);
  assert.match(school.notes, /посетителей 3, проинформировано 1, предложено зарегистрироваться или подтвердить учётную запись 0/);
  const chitaReport = await generateQuarterReport(t.ctx.db, { regionId, municipalityId: chita, year: 2026, quarter: 3 });
  assert.equal(chitaReport.consultations.filter((r) => r.source.origin === 'visits').length, 0);
});
