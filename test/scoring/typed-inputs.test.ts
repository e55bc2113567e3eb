/**
 * Figures typed in with evidence on the scores page, centre checks, the lock,
 * who may do what — and the whole score P of a municipality with every input
 * present, computed by hand.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { DEMO_PASSWORD } from '../../src/db/seed/demo.js';
import type { AppContext } from '../../src/platform/context.js';
import { createStaff } from '../../src/modules/staff/create-staff.js';
import { regionToday } from '../../src/modules/outreach/materials/materials.repository.js';
import { formatQuarter, quarterOf } from '../../src/modules/scoring/inputs/system-inputs.js';
import { liveQuarterScore, quarterScore } from '../../src/modules/scoring/quarter-score.js';
import { createTestApp, signedInBrowser, type Browser, type TestApp } from '../support/app.js';
import { kalgansky } from '../support/places.js';
import { pdf, png } from '../support/files.js';

let t: TestApp;
let app: FastifyInstance;
let ctx: AppContext;
let regionId = '';
let kalgaId = '';
let centreId = '';
let today = '';
let current = '';

before(async () => {
  t = await createTestApp({ seed: true });
  app = t.app;
  ctx = t.ctx;
  ({ kalgaId, regionId } = await kalgansky(ctx.db));
  centreId = (await ctx.db.query<{ id: string }>("select id from service_centres where key = 'kalga-admin-cou'")).rows[0]!.id;
  today = await regionToday(ctx.db, regionId);
  current = formatQuarter(quarterOf(today));
  const created = await createStaff(ctx.db, { login: 'chita-coord', password: DEMO_PASSWORD, fullName: 'Орлова Нина Павловна', role: 'municipal_coordinator', municipalityKey: 'chita' });
  assert.ok(created.ok);
});
after(async () => t.close());

const page = (quarter = current) => `/outreach/scores?municipality=${kalgaId}&quarter=${quarter}`;

/** Posts one typed value as the page's form does. */
async function typeValue(b: Browser, quarter: string, node: string, input: string, fields: { value: string; note?: string; links?: string }, files: Array<{ name: string; type: string; data: Uint8Array }> = []) {
  await b.get(page(quarter));
  const key = `${node}-${input}`;
  return b.postMultipart(
    '/outreach/scores/inputs',
    { municipality: kalgaId, quarter, node, input, [`${key}-value`]: fields.value, [`${key}-note`]: fields.note ?? '', [`${key}-links`]: fields.links ?? '' },
    files.map((f) => ({ field: `${key}-files`, ...f })),
  );
}

const score = (year: number, quarter: 1 | 2 | 3 | 4) => liveQuarterScore(ctx.db, { regionId, municipalityId: kalgaId, year, quarter, today });

test('the coordinator sees a form for every typed input; invalid input is refused with Russian messages, as typed', async () => {
  const b = await signedInBrowser(app, 'coordinator');
  const res = await b.get(page());
  assert.equal(res.statusCode, 200);
  for (const key of ['P1.1.1-A', 'P1.1.1-B', 'P1.1.2-A', 'P1.1.2-B', 'P2.1-A', 'P2.1-B', 'P2.7-n', 'P3.3-n']) assert.ok(res.body.includes(`id="input-${key}"`), key);
  assert.ok(!res.body.includes('id="input-P1.3-A"'), 'P1.3 comes from the portal');
  // P2.7 offers its two levels as radio buttons with their wording.
  assert.match(res.body, /type="radio"[^>]*name="P2\.7-n-value"[^>]*value="0\.5"/);
  assert.ok(res.body.includes('0,5 — распространяются'));

  let r = await typeValue(b, current, 'P1.1.1', 'A', { value: 'сорок', note: 'Список служащих' });
  assert.equal(r.statusCode, 400);
  assert.ok(r.body.includes('Введите число, например 40 или 12,5'));
  assert.match(r.body, /id="field-P1\.1\.1-A-value"[^>]*value="сорок"|value="сорок"[^>]*id="field-P1\.1\.1-A-value"/);
  assert.ok(r.body.includes('Список служащих'), 'the note is kept');
  assert.match(r.body, /<details class="u-score-form" open/);

  r = await typeValue(b, current, 'P2.7', 'n', { value: '1', note: 'Листовки' });
  assert.equal(r.statusCode, 400);
  assert.ok(r.body.includes('Выберите один из вариантов'), 'P2.7 tops out at 0,5');

  r = await typeValue(b, current, 'P2.7', 'n', { value: '0.5', note: '' });
  assert.equal(r.statusCode, 400);
  assert.ok(r.body.includes('Напишите, что подтверждает значение'));
  assert.ok(r.body.includes('Приложите подтверждение: файл (список, справку, фото) или ссылку'));

  r = await typeValue(b, current, 'P2.7', 'n', { value: '0.5', note: 'Листовки', links: 'не ссылка' });
  assert.equal(r.statusCode, 400);
  assert.ok(r.body.includes('Строка 1: нужна ссылка, начинающаяся с http:// или https://'));
  assert.ok(r.body.includes('не ссылка'), 'the links are kept');

  const rows = await ctx.db.query('select 1 from score_inputs');
  assert.equal(rows.rows.length, 0, 'nothing saved');
});

test('a typed value with a file is saved, audited, shown with its evidence; the file is readable by those who see the score', async () => {
  const b = await signedInBrowser(app, 'coordinator');
  const r = await typeValue(b, current, 'P1.1.1', 'A', { value: '29', note: 'Список муниципальных служащих, зарегистрированных в ЕСИА' }, [{ name: 'список.pdf', type: 'application/pdf', data: pdf('Spisok') }]);
  assert.equal(r.statusCode, 303, r.body);
  assert.match(r.headers.location as string, /saved=P1\.1\.1%20A#input-P1\.1\.1-A$/);

  const row = (await ctx.db.query<{ id: string; value: string; note: string }>("select id, value::text as value, note from score_inputs where node_id = 'P1.1.1' and input_name = 'A'")).rows[0]!;
  assert.equal(Number(row.value), 29);
  const audit = (await ctx.db.query<{ details: Record<string, unknown> }>("select details from audit_log where action = 'score_input.save' and subject_id = $1", [row.id])).rows[0]!;
  assert.equal(audit.details.value, 29);
  assert.equal(audit.details.nodeId, 'P1.1.1');
  assert.equal(audit.details.note, undefined, 'the note is not in the audit');
  const file = (await ctx.db.query<{ id: string }>("select id from attachments where owner_type = 'score_input' and owner_id = $1", [row.id])).rows[0]!;

  const q = quarterOf(today);
  const s = await score(q.year, q.quarter);
  assert.equal(s.inputs['P1.1.1']!.A, 29);
  assert.equal(s.evaluation.nodes['P1.1.1']!.value, 50, '29 / 58 × 100');
  const src = s.sources['P1.1.1']!.find((x) => x.input === 'A')!;
  assert.equal(src.origin, 'typed');
  assert.equal(src.typed!.attachments[0]!.id, file.id);
  assert.match(src.text, /^Введено вручную с подтверждением \(.+, \d\d\.\d\d\.\d{4}\): Список муниципальных служащих/);

  const shown = await b.get(r.headers.location as string);
  assert.match(shown.body, /Значение P1\.1\.1 A сохранено/);
  assert.match(shown.body, /<strong>29<\/strong> \(Введено вручную с подтверждением/);
  assert.ok(shown.body.includes(`href="/files/${file.id}"`), 'the evidence is linked');
  assert.equal((await b.get(`/files/${file.id}`)).statusCode, 200);
  const region = await signedInBrowser(app, 'region');
  assert.equal((await region.get(`/files/${file.id}`)).statusCode, 200);
  const chita = await signedInBrowser(app, 'chita-coord');
  assert.equal((await chita.get(`/files/${file.id}`)).statusCode, 403);
});

test('a typed headcount replaces the portal figure and both are shown', async () => {
  const b = await signedInBrowser(app, 'coordinator');
  const r = await typeValue(b, current, 'P1.1.1', 'B', { value: '60', note: 'Штатное расписание на 01.04', links: 'https://kalga.example.ru/shtat Штатное расписание' });
  assert.equal(r.statusCode, 303, r.body);
  const q = quarterOf(today);
  const s = await score(q.year, q.quarter);
  assert.equal(s.inputs['P1.1.1']!.B, 60);
  const list = s.sources['P1.1.1']!.filter((x) => x.input === 'B');
  assert.deepEqual(list.map((x) => [x.origin, x.value, !!x.replaced]), [['typed', 60, false], ['portal', 58, true]]);
  assert.deepEqual(list[0]!.typed!.links, [{ url: 'https://kalga.example.ru/shtat', title: 'Штатное расписание' }]);
  const shown = await b.get(page());
  assert.ok(shown.body.includes('заменено введённым значением; по данным портала было 58'));
  assert.ok(shown.body.includes('href="https://kalga.example.ru/shtat"'));

  // Deleting the typed value brings the portal figure back.
  await b.get(page());
  const del = await b.post('/outreach/scores/inputs/delete', { municipality: kalgaId, quarter: current, node: 'P1.1.1', input: 'B' });
  assert.equal(del.statusCode, 303);
  assert.equal((await score(q.year, q.quarter)).inputs['P1.1.1']!.B, 58);
  assert.equal((await ctx.db.query("select 1 from audit_log where action = 'score_input.delete'")).rows.length, 1);
});

test('who may type: the region reads only, another coordinator is refused', async () => {
  const region = await signedInBrowser(app, 'region');
  const res = await region.get(page());
  assert.equal(res.statusCode, 200);
  assert.ok(!res.body.includes('action="/outreach/scores/inputs"'), 'no forms for the region');
  assert.ok(res.body.includes('Данные вводит координатор муниципального образования; вам они видны только для просмотра.'));
  assert.match(res.body, /Сейчас: 29/);
  const post = await typeValue(region, current, 'P2.7', 'n', { value: '0.5', note: 'x', links: 'https://a.example' });
  assert.equal(post.statusCode, 403);

  const chita = await signedInBrowser(app, 'chita-coord');
  assert.equal((await chita.get(page())).statusCode, 403);
  await chita.get('/outreach/scores');
  const other = await chita.postMultipart('/outreach/scores/inputs', { municipality: kalgaId, quarter: current, node: 'P2.7', input: 'n', 'P2.7-n-value': '0.5', 'P2.7-n-note': 'x', 'P2.7-n-links': 'https://a.example' });
  assert.equal(other.statusCode, 403);
  assert.equal((await ctx.db.query("select 1 from score_inputs where node_id = 'P2.7'")).rows.length, 0);
});

test('centre checks: a badge needs a photo; an override of the portal needs a note', async () => {
  const b = await signedInBrowser(app, 'coordinator');
  const key = (req: string) => `cc-${centreId}-${req}`;
  const postCheck = async (req: string, met: string, note = '', files: Array<{ name: string; type: string; data: Uint8Array }> = []) => {
    await b.get(page());
    return b.postMultipart('/outreach/scores/centre-checks', { municipality: kalgaId, quarter: current, centre: centreId, requirement: req, [`${key(req)}-met`]: met, [`${key(req)}-note`]: note }, files.map((f) => ({ field: `${key(req)}-files`, ...f })));
  };
  let r = await postCheck('badge', 'yes');
  assert.equal(r.statusCode, 400);
  assert.ok(r.body.includes('Приложите фотографию'));
  r = await postCheck('badge', 'yes', 'Бейдж у специалиста', [{ name: 'badge.png', type: 'image/png', data: png() }]);
  assert.equal(r.statusCode, 303, r.body);
  r = await postCheck('schedule', 'no');
  assert.equal(r.statusCode, 400);
  assert.ok(r.body.includes('Напишите, почему проверка заменяет ответ портала'));
  r = await postCheck('sign', 'auto');
  assert.equal(r.statusCode, 400, 'the sign has no automatic answer');
  const check = (await ctx.db.query<{ id: string; met: boolean }>("select id, met from centre_checks where requirement = 'badge'")).rows[0]!;
  assert.equal(check.met, true);
  assert.equal((await ctx.db.query("select 1 from attachments where owner_type = 'centre_check' and owner_id = $1", [check.id])).rows.length, 1);
  assert.equal((await ctx.db.query("select 1 from audit_log where action = 'centre_check.save' and subject_id = $1", [check.id])).rows.length, 1);
  const shown = await b.get(page());
  assert.match(shown.body, new RegExp(`data-requirement="${centreId}-badge" data-met="true"`));
  assert.match(shown.body, new RegExp(`data-requirement="${centreId}-sign" data-met="unknown"`));
  assert.match(shown.body, new RegExp(`data-requirement="${centreId}-schedule" data-met="true"`));
});

test('the whole score P with every input present, computed by hand (2025 Q4)', async () => {
  const b = await signedInBrowser(app, 'coordinator');
  const Q4 = '2025-Q4';
  // Portal: 6 accounts activated in the quarter (Chita time), target 8 → P1.3 = 75.
  for (const at of ['2025-10-02T03:00:00Z', '2025-10-20T03:00:00Z', '2025-11-05T03:00:00Z', '2025-11-25T03:00:00Z', '2025-12-10T03:00:00Z', '2025-12-31T14:00:00Z'])
    await ctx.db.query(`insert into citizens (level, status, municipality_id, activated_at) values ('simplified', 'active', $1, $2::timestamptz)`, [kalgaId, at]);
  await ctx.db.query(`insert into municipality_targets (region_id, municipality_id, year, quarter, registered_target, confirmed_target) values ($1, $2, 2025, 4, 8, 4)`, [regionId, kalgaId]);
  // Materials as of 31.12.2025: a stand posted 01.11 (P2.2 = 1), the website section posted 05.10 (n = 0,5),
  // news posted 10.11 — not updated in December (m = 0,25), the banner (P2.4 = 0,5), no social networks (P2.5 = 0), a school stand 01.12 (P3.2 = 1).
  for (const [kind, posted] of [['stand', '2025-11-01'], ['website_section', '2025-10-05'], ['news', '2025-11-10'], ['banner_link', '2025-10-05'], ['school_stand', '2025-12-01']])
    await ctx.db.query(`insert into outreach_materials (region_id, municipality_id, kind, title, posted_on) values ($1, $2, $3, $3, $4)`, [regionId, kalgaId, kind, posted]);
  // Events in the quarter: one culture seminar (P2.6 = 0,5), a parents' meeting (P3.1 = 1), an e-services day (P2.8 = 1).
  let n = 0;
  for (const format of ['culture_seminar', 'parents_meeting', 'e_services_day'])
    await ctx.db.query(`insert into outreach_events (region_id, municipality_id, title, format, held_on, place, code) values ($1, $2, $3, $3, '2025-11-15', 'зал', $4)`, [regionId, kalgaId, format, `TEST-P-${++n}`]);
  // Centre checks: badge and sign met (photos); schedule from the hours, materials from P2.2 → n = 4 → P1.2 = 100.
  for (const req of ['badge', 'sign']) {
    await b.get(page(Q4));
    const k = `cc-${centreId}-${req}`;
    const r = await b.postMultipart('/outreach/scores/centre-checks', { municipality: kalgaId, quarter: Q4, centre: centreId, requirement: req, [`${k}-met`]: 'yes', [`${k}-note`]: '' }, [{ field: `${k}-files`, name: `${req}.png`, type: 'image/png', data: png() }]);
    assert.equal(r.statusCode, 303, r.body);
  }
  // Typed: P1.1.1 A = 29 of 58 (50), P1.1.2 A = 172 of 215 (80), P2.1 = 90 / 120 (75), P2.7 = 0,5 (50), P3.3 = 1 (100).
  const link = 'https://kalga.example.ru/docs';
  for (const [node, input, value] of [['P1.1.1', 'A', '29'], ['P1.1.2', 'A', '172'], ['P2.1', 'A', '90'], ['P2.1', 'B', '120'], ['P2.7', 'n', '0.5'], ['P3.3', 'n', '1']] as const) {
    const r = await typeValue(b, Q4, node, input, { value, note: `Подтверждение ${node} ${input}`, links: link });
    assert.equal(r.statusCode, 303, `${node} ${input}: ${r.body.slice(0, 300)}`);
  }

  const s = await score(2025, 4);
  const v = (id: string) => s.evaluation.nodes[id]!.value;
  assert.deepEqual(s.evaluation.errors, []);
  assert.equal(v('P1.1'), 65); // (50 + 80) / 2
  assert.equal(v('P1.2'), 100);
  assert.equal(v('P1.3'), 75); // 6 / 8
  assert.equal(v('P1'), 80); // (65 + 100 + 75) / 3
  assert.equal(v('P2.3'), 75); // (0,5 + 0,25) × 100
  assert.equal(v('P2.4'), 50);
  assert.equal(v('P2.5'), 0);
  assert.equal(v('P2.6'), 50);
  assert.ok(Math.abs(v('P2')! - 500 / 7) < 1e-9); // (75 + 100 + 75 + 50 + 0 + 50 + 50 + 100) / 7
  assert.equal(v('P3'), 100); // (100 + 100 + 100) / 3
  assert.ok(Math.abs(v('P')! - 1760 / 21) < 1e-9, `P = ${v('P')}`); // (80 + 500/7 + 100) / 3 = 83,81
  const res = await b.get(page(Q4));
  assert.match(res.body, /data-value="P">83,81 из 100</);
});

test('the lock: submitted → edits refused with the reason; accepted → the page says when', async () => {
  const b = await signedInBrowser(app, 'coordinator');
  await ctx.db.query(`insert into quarter_submissions (region_id, municipality_id, year, quarter, status) values ($1, $2, 2025, 4, 'submitted')`, [regionId, kalgaId]);
  let r = await typeValue(b, '2025-Q4', 'P2.7', 'n', { value: '0', note: 'Не распространялись', links: 'https://kalga.example.ru/x' });
  assert.equal(r.statusCode, 409);
  assert.ok(r.body.includes('Квартал отправлен в регион на проверку — изменения невозможны'));
  assert.equal(Number((await ctx.db.query<{ value: string }>("select value::text as value from score_inputs where node_id = 'P2.7' and year = 2025")).rows[0]!.value), 0.5, 'unchanged');
  assert.ok(!r.body.includes('action="/outreach/scores/inputs"'), 'no forms while submitted');

  const live = await liveQuarterScore(ctx.db, { regionId, municipalityId: kalgaId, year: 2025, quarter: 4, today });
  await ctx.db.query(
    `update quarter_submissions set status = 'accepted', decided_at = '2026-01-20T03:00:00Z', snapshot = $3::jsonb where municipality_id = $1 and year = 2025 and quarter = 4 and region_id = $2`,
    [kalgaId, regionId, JSON.stringify({ model: live.model, evaluation: live.evaluation, inputs: live.inputs, sources: live.sources, missing: live.missing, frozenAt: '2026-01-20T03:00:00Z' })],
  );
  const frozen = await quarterScore(ctx.db, { regionId, municipalityId: kalgaId, year: 2025, quarter: 4, today });
  assert.equal(frozen.locked, true);
  const res = await b.get(page('2025-Q4'));
  assert.equal(res.statusCode, 200);
  assert.ok(res.body.includes('Показатели квартала приняты регионом 20.01.2026 — изменения невозможны.'));
  r = await typeValue(b, '2025-Q4', 'P2.7', 'n', { value: '0', note: 'x', links: 'https://kalga.example.ru/x' });
  assert.equal(r.statusCode, 409);
});
