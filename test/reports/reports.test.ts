/**
 * The quarter's report (seed 003) and its submission: generation from seeded
 * events and materials (expected rows worked out by hand), editing and
 * «Вернуть данные системы», submission (not before the quarter ends, not
 * twice), timeliness, return with a comment and resubmission, acceptance with
 * the frozen score, locks, authorisation, audit, and the exports read back.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { AppContext } from '../../src/platform/context.js';
import { DEMO_PASSWORD } from '../../src/db/seed/demo.js';
import { createStaff } from '../../src/modules/staff/create-staff.js';
import { regionToday } from '../../src/modules/outreach/materials/materials.repository.js';
import { formatQuarter, quarterBounds, quarterOf, type Quarter } from '../../src/modules/scoring/inputs/system-inputs.js';
import { quarterLocked } from '../../src/modules/scoring/quarter/lock.js';
import { quarterScore } from '../../src/modules/scoring/quarter-score.js';
import { generateQuarterReport } from '../../src/modules/reports/generate-report.js';
import { acceptQuarter, returnQuarter, submitQuarter } from '../../src/modules/reports/quarter-workflow.js';
import { findSubmission } from '../../src/modules/reports/submissions.repository.js';
import { extractPdfText } from '../../src/platform/pdf/index.js';
import type { StaffActor } from '../../src/platform/policy.js';
import { createTestApp, signedInBrowser, type Browser, type TestApp } from '../support/app.js';

let t: TestApp;
let ctx: AppContext;
let regionId = '';
let kalgaId = '';
let kalgaName = '';
let others: Array<{ id: string; name: string }> = [];
let today = '';
let prev: Quarter;
let current: Quarter;
let coordinatorId = '';
let regionAdminId = '';

const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const ru = (iso: string) => iso.split('-').reverse().join('.');

before(async () => {
  t = await createTestApp({ seed: true });
  ctx = t.ctx;
  const m = (await ctx.db.query<{ id: string; region_id: string; name: string }>("select id, region_id, name from municipalities where key = 'kalgansky'")).rows[0]!;
  kalgaId = m.id;
  kalgaName = m.name;
  regionId = m.region_id;
  others = (await ctx.db.query<{ id: string; name: string }>('select id, name from municipalities where region_id = $1 and id <> $2 order by name', [regionId, kalgaId])).rows;
  today = await regionToday(ctx.db, regionId);
  current = quarterOf(today);
  prev = current.quarter === 1 ? { year: current.year - 1, quarter: 4 } : { year: current.year, quarter: (current.quarter - 1) as Quarter['quarter'] };
  coordinatorId = (await ctx.db.query<{ id: string }>("select id from staff_users where login = 'coordinator'")).rows[0]!.id;
  regionAdminId = (await ctx.db.query<{ id: string }>("select id from staff_users where login = 'region'")).rows[0]!.id;
});
after(async () => t.close());

let codeNo = 0;
async function addEvent(e: { municipalityId?: string; format: string; heldOn: string; title: string; place: string; people: number | null; links?: Array<{ url: string; title: string }>; activityKey?: string }) {
  const activity = e.activityKey ? (await ctx.db.query<{ id: string }>('select id from activity_types where key = $1 and region_id is null', [e.activityKey])).rows[0]!.id : null;
  codeNo += 1;
  const { rows } = await ctx.db.query<{ id: string }>(
    `insert into outreach_events (region_id, municipality_id, title, format, held_on, place, people_reached, links, activity_type_id, code)
     values ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10) returning id`,
    [regionId, e.municipalityId ?? kalgaId, e.title, e.format, e.heldOn, e.place, e.people, JSON.stringify(e.links ?? []), activity, `TEST-REPORT-${codeNo}`],
  );
  return rows[0]!.id;
}

async function addMaterial(kind: string, title: string, url: string | null, postedOn: string, updates: string[] = []) {
  const { rows } = await ctx.db.query<{ id: string }>(
    'insert into outreach_materials (region_id, municipality_id, kind, title, url, posted_on) values ($1, $2, $3, $4, $5, $6) returning id',
    [regionId, kalgaId, kind, title, url, postedOn],
  );
  for (const u of updates) await ctx.db.query('insert into outreach_material_updates (material_id, updated_on, note) values ($1, $2, $3)', [rows[0]!.id, u, '']);
  return rows[0]!.id;
}

const actorOf = async (login: string): Promise<StaffActor> => {
  const r = (await ctx.db.query<Record<string, string | null>>('select id, login, full_name, role, region_id, municipality_id from staff_users where login = $1', [login])).rows[0]!;
  return { kind: 'staff', id: r.id!, login: r.login!, fullName: r.full_name!, role: r.role as StaffActor['role'], regionId: r.region_id ?? null, municipalityId: r.municipality_id ?? null, organisationId: null, serviceCentreId: null, mustChangePassword: false };
};

const q = () => formatQuarter(prev);
const target = (municipalityId = kalgaId, quarter = prev) => ({ regionId, municipalityId, year: quarter.year, quarter: quarter.quarter });
const revisionOf = (html: string) => Number(/name="revision" value="(\d+)"/.exec(html)?.[1] ?? NaN);

let eventIds: Record<string, string> = {};
let materialIds: Record<string, string> = {};

test('generation: the three tables from the quarter’s materials and events, as worked out by hand', async () => {
  const { from, to } = quarterBounds(prev);
  eventIds = {
    day1: await addEvent({ format: 'e_services_day', heldOn: from, title: 'День электронных услуг в МКДЦ', place: 'с. Калга, МКДЦ', people: 40 }),
    talk: await addEvent({ format: 'culture_seminar', heldOn: addDays(from, 1), title: 'Госуслуги для пенсионеров', place: 'Библиотека', people: 15, activityKey: 'explanatory-events' }),
    post: await addEvent({ format: 'media', heldOn: addDays(from, 2), title: 'Новость о портале', place: 'Сайт района', people: null, links: [{ url: 'https://kalga.ru/news/1', title: 'Новость' }, { url: 'https://vk.com/kalga/1', title: 'ВК' }] }),
    day2: await addEvent({ format: 'e_services_day', heldOn: addDays(from, 10), title: 'День электронных услуг в школе', place: 'Школа № 1', people: null }),
  };
  // Not in the report: an event of the current quarter, another municipality's, a publication without links.
  await addEvent({ format: 'field_consultation', heldOn: addDays(to, 1), title: 'Следующий квартал', place: 'x', people: 99 });
  await addEvent({ municipalityId: others[0]!.id, format: 'e_services_day', heldOn: from, title: 'Чужое', place: 'x', people: 7 });
  await addEvent({ format: 'media', heldOn: addDays(from, 3), title: 'Заметка без ссылки', place: 'Газета', people: null });
  materialIds = {
    news: await addMaterial('news', 'Новости о госуслугах', 'https://kalga.ru/news', '2020-01-15', [addDays(from, 20), addDays(from, 40)]),
    section: await addMaterial('website_section', 'Раздел «Госуслуги»', 'https://kalga.ru/uslugi', addDays(from, 5)),
  };
  await addMaterial('stand', 'Стенд в фойе', null, addDays(from, 5)); // physical: not on a website
  await addMaterial('banner_link', 'Баннер ЕПГУ', 'https://kalga.ru', '2020-01-15'); // not posted or updated in the quarter

  const report = await generateQuarterReport(ctx.db, target());
  assert.deepEqual(
    report.websites.map((r) => [r.id, r.title, r.link]),
    [
      [`material:${materialIds.news}`, 'Новости и статьи на официальном сайте: «Новости о госуслугах»', 'https://kalga.ru/news'],
      [`material:${materialIds.section}`, 'Тематический раздел на официальном сайте: «Раздел «Госуслуги»»', 'https://kalga.ru/uslugi'],
      [`publication:${eventIds.post}`, 'Публикация: «Новость о портале»', 'https://kalga.ru/news/1'],
    ],
  );
  assert.equal(report.websites[0]!.notes, `обновлений в квартале: 2, последнее ${ru(addDays(from, 40))} (раздел 3.1 Новости Репозитария Минкомсвязи России)`);
  assert.match(report.websites[1]!.notes, new RegExp(`^размещено ${ru(addDays(from, 5)).replace(/\./g, '\\.')}`));
  assert.equal(report.websites[2]!.notes, `${ru(addDays(from, 2))}, Сайт района; https://vk.com/kalga/1`);
  assert.deepEqual(report.websites[0]!.source, { origin: 'materials', refs: [materialIds.news], text: `Материал «Новости о госуслугах»: обновлений в квартале: 2, последнее ${ru(addDays(from, 40))}` });

  const activity = (await ctx.db.query<{ title: string }>("select title from activity_types where key = 'explanatory-events' and region_id is null")).rows[0]!.title;
  // Table 2: two «День электронных услуг», one explanatory event; the publication is not at a reception place.
  assert.deepEqual(
    report.reception.map((r) => [r.title, r.count, r.source.refs]),
    [
      ['День электронных услуг', 2, [eventIds.day1, eventIds.day2]],
      [activity, 1, [eventIds.talk]],
    ],
  );
  assert.equal(
    report.reception[0]!.notes,
    `${ru(from)}, с. Калга, МКДЦ — «День электронных услуг в МКДЦ» (охват 40); ${ru(addDays(from, 10))}, Школа № 1 — «День электронных услуг в школе»`,
  );
  // Table 3: consultations — the two days of e-services: 40 + (not given) = 40; the seminar is not a consultation.
  assert.deepEqual(report.consultations.map((r) => [r.title, r.count]), [['День электронных услуг', 40]]);
  assert.match(report.consultations[0]!.notes, /Охват не указан у мероприятий: 1$/);
});

let coordinator: Browser;
let region: Browser;

test('the coordinator’s page, editing with errors kept, and «Вернуть данные системы»', async () => {
  coordinator = await signedInBrowser(t.app, 'coordinator');
  region = await signedInBrowser(t.app, 'region');
  const page = await coordinator.get(`/outreach/reports?quarter=${q()}`);
  assert.equal(page.statusCode, 200, page.body);
  assert.match(page.body, /1\. Мероприятия по информированию на официальных сайтах в сети Интернет/);
  assert.match(page.body, /Количество привлеченных граждан/);
  assert.match(page.body, /data-status="(draft|missing)"/);
  const due = { 1: `15.04.${prev.year}`, 2: `15.07.${prev.year}`, 3: `15.10.${prev.year}`, 4: `15.01.${prev.year + 1}` }[prev.quarter];
  assert.match(page.body, new RegExp(`до ${due.replace(/\./g, '\\.')}`));
  // The default quarter is the previous one.
  assert.match((await coordinator.get('/outreach/reports')).body, new RegExp(`value="${q()}" selected`));

  const edit = await coordinator.get(`/outreach/reports/edit?quarter=${q()}`);
  assert.equal(edit.statusCode, 200);
  const rev = revisionOf(edit.body);
  const bad = await coordinator.post('/outreach/reports/edit', {
    quarter: q(),
    municipality: kalgaId,
    revision: String(rev),
    'websites-0-id': `material:${materialIds.news}`,
    'websites-0-title': 'Новости',
    'websites-0-link': 'kalga.ru/news',
    'reception-0-id': `reception:format:e_services_day`,
    'reception-0-title': 'День электронных услуг',
    'reception-0-count': 'пять',
  });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Ссылка должна быть адресом, начинающимся с http:\/\/ или https:\/\//);
  assert.match(bad.body, /Введите целое число от 0 до 1 000 000/);
  assert.match(bad.body, /value="kalga\.ru\/news"/, 'what was typed is kept');
  assert.match(bad.body, /value="пять"/);

  const report = await generateQuarterReport(ctx.db, target());
  const form: Record<string, string> = { quarter: q(), municipality: kalgaId, revision: String(rev) };
  report.websites.forEach((r, i) => Object.assign(form, { [`websites-${i}-id`]: r.id, [`websites-${i}-title`]: r.title, [`websites-${i}-link`]: r.link, [`websites-${i}-notes`]: r.notes }));
  report.reception.forEach((r, i) => Object.assign(form, { [`reception-${i}-id`]: r.id, [`reception-${i}-title`]: r.title, [`reception-${i}-count`]: String(r.count), [`reception-${i}-notes`]: r.notes }));
  report.consultations.forEach((r, i) => Object.assign(form, { [`consultations-${i}-id`]: r.id, [`consultations-${i}-title`]: r.title, [`consultations-${i}-count`]: String(r.count), [`consultations-${i}-notes`]: r.notes }));
  form['websites-2-remove'] = '1';
  form['reception-1-count'] = '3';
  form['consultations-1-id'] = '';
  form['consultations-1-title'] = 'Консультирование в приёмной администрации';
  form['consultations-1-count'] = '12';
  form['consultations-1-notes'] = 'журнал приёма, июль–сентябрь';
  const saved = await coordinator.post('/outreach/reports/edit', form);
  assert.equal(saved.statusCode, 303, saved.body);
  const sub = (await findSubmission(ctx.db, target()))!;
  assert.equal(sub.status, 'draft');
  assert.equal(sub.revision, rev + 1);
  assert.equal(sub.report!.websites.length, 2);
  assert.equal(sub.report!.reception[1]!.count, 3);
  assert.equal(sub.report!.reception[1]!.edited, true);
  assert.deepEqual(sub.report!.reception[1]!.source.refs, [eventIds.talk], 'an edited row keeps its source');
  assert.equal(sub.report!.consultations[1]!.source.origin, 'manual');
  const shown = await coordinator.get(`/outreach/reports?quarter=${q()}&done=saved`);
  assert.match(shown.body, /Отчёт сохранён\./);
  assert.match(shown.body, /Консультирование в приёмной администрации/);
  assert.match(shown.body, /изменено вручную/);
  assert.match(shown.body, /Вернуть данные системы/);

  const reset = await coordinator.post('/outreach/reports/reset', { quarter: q(), municipality: kalgaId, revision: String(rev + 1) });
  assert.equal(reset.statusCode, 303, reset.body);
  const afterReset = (await findSubmission(ctx.db, target()))!;
  assert.equal(afterReset.report, null, 'generated from the records again');
  const page2 = await coordinator.get(`/outreach/reports?quarter=${q()}`);
  assert.doesNotMatch(page2.body, /Консультирование в приёмной администрации/);
  assert.match(page2.body, /Публикация: «Новость о портале»/);

  // Edit once more (kept for the submission below).
  const again = await coordinator.get(`/outreach/reports/edit?quarter=${q()}`);
  const r2 = revisionOf(again.body);
  assert.equal(r2, rev + 2);
  const ok = await coordinator.post('/outreach/reports/edit', { ...form, revision: String(r2) });
  assert.equal(ok.statusCode, 303, ok.body);
  // A stale form is refused with the Russian message and keeps what was typed.
  const stale = await coordinator.post('/outreach/reports/edit', { ...form, revision: String(r2), 'consultations-1-count': '13' });
  assert.equal(stale.statusCode, 409);
  assert.match(stale.body, /Отчёт изменился, пока вы работали с ним/);
  assert.match(stale.body, /value="13"/);
});

test('submission: not before the quarter ends, once; then the report and the inputs are locked', async () => {
  // The current quarter has not ended.
  const cur = await coordinator.get(`/outreach/reports?quarter=${formatQuarter(current)}`);
  assert.match(cur.body, /Квартал ещё не закончился: отправить отчёт можно с/);
  assert.doesNotMatch(cur.body, /action="\/outreach\/reports\/submit"/);
  const early = await coordinator.post('/outreach/reports/submit', { quarter: formatQuarter(current), municipality: kalgaId, revision: '0' });
  assert.equal(early.statusCode, 400);
  assert.match(early.body, /Квартал ещё не закончился/);

  const page = await coordinator.get(`/outreach/reports?quarter=${q()}`);
  const rev = revisionOf(page.body);
  const sent = await coordinator.post('/outreach/reports/submit', { quarter: q(), municipality: kalgaId, revision: String(rev) });
  assert.equal(sent.statusCode, 303, sent.body);
  const sub = (await findSubmission(ctx.db, target()))!;
  assert.equal(sub.status, 'submitted');
  assert.ok(sub.submittedAt);
  assert.equal(sub.report!.consultations[1]!.title, 'Консультирование в приёмной администрации', 'the report is stored as sent');
  assert.equal(await quarterLocked(ctx.db, kalgaId, prev.year, prev.quarter), true);

  const twice = await coordinator.post('/outreach/reports/submit', { quarter: q(), municipality: kalgaId, revision: String(rev + 1) });
  assert.equal(twice.statusCode, 400);
  assert.match(twice.body, /Отчёт уже отправлен\./);
  const edit = await coordinator.get(`/outreach/reports/edit?quarter=${q()}`);
  assert.equal(edit.statusCode, 303, 'no edit form while submitted');
  const locked = await coordinator.post('/outreach/reports/edit', { quarter: q(), municipality: kalgaId, revision: String(rev + 1), 'reception-0-id': '', 'reception-0-title': 'x', 'reception-0-count': '1' });
  assert.equal(locked.statusCode, 400);
  assert.match(locked.body, /изменять его нельзя/);
  const shown = await coordinator.get(`/outreach/reports?quarter=${q()}`);
  assert.match(shown.body, /Пока регион его не рассмотрит/);
  assert.doesNotMatch(shown.body, /action="\/outreach\/reports\/submit"/);

  const late = today > (await import('../../src/modules/scoring/quarter/due.js')).reportDueDate(prev);
  const overview = await region.get(`/outreach/reports/overview?quarter=${q()}`);
  assert.equal(overview.statusCode, 200);
  assert.match(overview.body, new RegExp(`data-overview="${kalgaId}"><span data-status="${late ? 'late' : 'on_time'}"`));
});

test('the region returns with a comment (required); the coordinator sees it and resubmits; history and audit', async () => {
  const page = await region.get(`/outreach/reports?municipality=${kalgaId}&quarter=${q()}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /data-score="P"/);
  assert.match(page.body, new RegExp(`/outreach/scores\\?municipality=${kalgaId}&amp;quarter=${q()}`));
  const rev = revisionOf(page.body);
  const empty = await region.post('/outreach/reports/return', { quarter: q(), municipality: kalgaId, revision: String(rev), comment: '  ' });
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /Напишите, что нужно исправить в отчёте\./);
  assert.equal((await findSubmission(ctx.db, target()))!.status, 'submitted');

  const returned = await region.post('/outreach/reports/return', { quarter: q(), municipality: kalgaId, revision: String(rev), comment: 'Добавьте ссылки на новости за сентябрь' });
  assert.equal(returned.statusCode, 303, returned.body);
  assert.equal(await quarterLocked(ctx.db, kalgaId, prev.year, prev.quarter), false, 'editable again');

  const seen = await coordinator.get(`/outreach/reports?quarter=${q()}`);
  assert.match(seen.body, /data-return-comment/);
  assert.match(seen.body, /Добавьте ссылки на новости за сентябрь/);
  assert.equal((await coordinator.get(`/outreach/reports/edit?quarter=${q()}`)).statusCode, 200);
  const first = (await findSubmission(ctx.db, target()))!.firstSubmittedAt!;
  const again = await coordinator.post('/outreach/reports/submit', { quarter: q(), municipality: kalgaId, revision: String(revisionOf(seen.body)) });
  assert.equal(again.statusCode, 303, again.body);
  const sub = (await findSubmission(ctx.db, target()))!;
  assert.equal(sub.status, 'submitted');
  assert.equal(sub.firstSubmittedAt!.getTime(), first.getTime(), 'timeliness keeps the first submission');

  const history = await coordinator.get(`/outreach/reports?quarter=${q()}`);
  const actions = [...history.body.matchAll(/data-history="([a-z_]+)"/g)].map((m) => m[1]);
  assert.deepEqual(actions, ['report_edited', 'report_reset', 'report_edited', 'submitted', 'returned', 'submitted']);
  const audit = await ctx.db.query<{ action: string; actor_id: string }>("select action, actor_id from audit_log where subject_type = 'quarter_submission' and subject_id = $1 order by seq", [sub.id]);
  assert.deepEqual(
    audit.rows.map((r) => r.action),
    ['scoring.quarter.report_edited', 'scoring.quarter.report_reset', 'scoring.quarter.report_edited', 'scoring.quarter.submitted', 'scoring.quarter.returned', 'scoring.quarter.submitted'],
  );
  assert.equal(audit.rows[4]!.actor_id, regionAdminId);
  assert.equal(audit.rows[5]!.actor_id, coordinatorId);
});

test('acceptance freezes the score with its model and version; a stale decision is refused', async () => {
  const page = await region.get(`/outreach/reports?municipality=${kalgaId}&quarter=${q()}`);
  const rev = revisionOf(page.body);
  const stale = await region.post('/outreach/reports/accept', { quarter: q(), municipality: kalgaId, revision: String(rev - 1) });
  assert.equal(stale.statusCode, 409);
  assert.match(stale.body, /Отчёт изменился/);
  const accepted = await region.post('/outreach/reports/accept', { quarter: q(), municipality: kalgaId, revision: String(rev) });
  assert.equal(accepted.statusCode, 303, accepted.body);
  const row = (await ctx.db.query<{ status: string; model_key: string; model_version: number; snapshot: { model: { id: string; version: number }; evaluation: { nodes: Record<string, { value: number | null }> }; frozenAt: string } }>(
    'select status, model_key, model_version, snapshot from quarter_submissions where municipality_id = $1 and year = $2 and quarter = $3',
    [kalgaId, prev.year, prev.quarter],
  )).rows[0]!;
  assert.equal(row.status, 'accepted');
  assert.equal(row.model_key, 'kalga-2018');
  assert.equal(row.model_version, row.snapshot.model.version);
  assert.ok(row.snapshot.frozenAt);
  // Seminars in culture institutions and mass events of the quarter are in the frozen figures: P2.8 n = 1 (a day of e-services held).
  assert.equal(row.snapshot.evaluation.nodes['P2.8']!.value, 100);
  const score = await quarterScore(ctx.db, { ...target(), today });
  assert.equal(score.locked, true);
  assert.equal(score.evaluation.nodes['P2.8']!.value, 100);
  // A new event after acceptance changes nothing in the frozen figures.
  await addEvent({ format: 'culture_seminar', heldOn: quarterBounds(prev).from, title: 'Позже', place: 'ДК', people: 3 });
  assert.equal((await quarterScore(ctx.db, { ...target(), today })).evaluation.nodes['P2.6']!.value, row.snapshot.evaluation.nodes['P2.6']!.value);
  assert.equal(await quarterLocked(ctx.db, kalgaId, prev.year, prev.quarter), true);
  const shown = await coordinator.get(`/outreach/reports?quarter=${q()}`);
  assert.match(shown.body, /data-status="accepted"/);
  assert.match(shown.body, /Показатели квартала зафиксированы/);
  const again = await region.post('/outreach/reports/return', { quarter: q(), municipality: kalgaId, revision: String(rev + 1), comment: 'ещё' });
  assert.equal(again.statusCode, 400);
  assert.match(again.body, /Отчёт не отправлен в регион/);
});

test('timeliness in the overview: on time, late, missing, returned and resubmitted after the 15th still on time', async () => {
  const coordinatorActor = await actorOf('coordinator');
  const regionActor = await actorOf('region');
  const past: Quarter = { year: 2025, quarter: 3 }; // due 15.10.2025
  const [a, b, c, d] = others;
  const at = (iso: string) => ({ now: new Date(`${iso}T06:00:00Z`), today: iso });
  // The use cases take the clock; who may act is the routes' business.
  assert.deepEqual(await submitQuarter(ctx.db, coordinatorActor, target(a!.id, past), 0, at('2025-10-15')), { ok: true, revision: 1 });
  assert.deepEqual(await submitQuarter(ctx.db, coordinatorActor, target(b!.id, past), 0, at('2025-10-16')), { ok: true, revision: 1 });
  assert.deepEqual(await submitQuarter(ctx.db, coordinatorActor, target(d!.id, past), 0, at('2025-10-10')), { ok: true, revision: 1 });
  assert.deepEqual(await returnQuarter(ctx.db, regionActor, target(d!.id, past), 'Исправьте', 1, new Date('2025-10-12T06:00:00Z')), { ok: true, revision: 2 });
  assert.deepEqual(await submitQuarter(ctx.db, coordinatorActor, target(d!.id, past), 2, at('2025-10-25')), { ok: true, revision: 3 });
  assert.deepEqual(await submitQuarter(ctx.db, coordinatorActor, target(d!.id, past), 3, at('2025-10-26')), { ok: false, error: 'alreadySubmitted' });
  assert.deepEqual(await acceptQuarter(ctx.db, regionActor, target(c!.id, past), 0, at('2025-10-26')), { ok: false, error: 'notSubmitted' });

  const page = await region.get('/outreach/reports/overview?quarter=2025-Q3');
  const status = (id: string) => new RegExp(`data-overview="${id}"><span data-status="([a-z_]+)"`).exec(page.body)?.[1];
  assert.equal(status(a!.id), 'on_time');
  assert.equal(status(b!.id), 'late');
  assert.equal(status(c!.id), 'missing');
  assert.equal(status(d!.id), 'on_time');
  assert.equal(status(kalgaId), 'missing');
  assert.match(page.body, /15\.10\.2025/);
  assert.match(page.body, /16\.10\.2025/);

  const xlsx = await region.get('/outreach/reports/overview.xlsx?quarter=2025-Q3');
  assert.equal(xlsx.statusCode, 200);
  assert.match(String(xlsx.headers['content-disposition']), /filename\*=UTF-8''%D0%9E%D1%82%D1%87%D0%B5%D1%82%D1%8B_2025_III_/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const rows: string[][] = [];
  ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  assert.match(rows[0]![0]!, /III квартал 2025 года \(срок сдачи — до 15\.10\.2025\)/);
  assert.ok(rows.some((r) => r[0] === a!.name && r[1] === 'сдан вовремя' && r[2] === '15.10.2025' && r[3] === 'вовремя'));
  assert.ok(rows.some((r) => r[0] === b!.name && r[1] === 'сдан с опозданием' && r[3] === 'с опозданием'));
  assert.ok(rows.some((r) => r[0] === c!.name && r[1] === 'просрочен' && r[2] === ''));
});

test('authorisation: other municipalities’ coordinators, other roles, the overview', async () => {
  const made = await createStaff(ctx.db, { login: 'chita-reports', password: DEMO_PASSWORD, fullName: 'Лебедева Анна Павловна', role: 'municipal_coordinator', municipalityKey: 'chita' });
  assert.ok(made.ok);
  const chita = await signedInBrowser(t.app, 'chita-reports');
  assert.equal((await chita.get(`/outreach/reports?municipality=${kalgaId}&quarter=${q()}`)).statusCode, 403);
  assert.equal((await chita.get(`/outreach/reports/export/pdf?municipality=${kalgaId}&quarter=${q()}`)).statusCode, 403);
  await chita.get('/outreach/reports');
  assert.equal((await chita.post('/outreach/reports/submit', { quarter: q(), municipality: kalgaId, revision: '0' })).statusCode, 403);
  assert.equal((await chita.get('/outreach/reports/overview')).statusCode, 403);
  assert.equal((await coordinator.get('/outreach/reports/overview')).statusCode, 403);
  assert.equal((await coordinator.post('/outreach/reports/accept', { quarter: q(), municipality: kalgaId, revision: '0' })).statusCode, 403);
  assert.equal((await region.post('/outreach/reports/submit', { quarter: q(), municipality: kalgaId, revision: '0' })).statusCode, 403, 'the region does not submit for a municipality');
  const operator = await signedInBrowser(t.app, 'operator');
  assert.equal((await operator.get('/outreach/reports')).statusCode, 403);
  // The region without a municipality is sent to the overview.
  const r = await region.get('/outreach/reports');
  assert.equal(r.statusCode, 303);
  assert.match(String(r.headers.location), /^\/outreach\/reports\/overview/);
});

test('exports: DOCX, XLSX and PDF in the form’s layout, with Russian file names', async () => {
  const base = `quarter=${q()}&municipality=${kalgaId}`;
  const docx = await coordinator.get(`/outreach/reports/export/docx?${base}`);
  assert.equal(docx.statusCode, 200);
  assert.equal(docx.headers['content-type'], 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  const disposition = String(docx.headers['content-disposition']);
  assert.match(disposition, /^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
  assert.equal(decodeURIComponent(disposition.split("UTF-8''")[1]!), `Отчет_Калганский_${prev.year}_${['I', 'II', 'III', 'IV'][prev.quarter - 1]}_кв.docx`);
  const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
  const text = xml.replace(/<[^>]+>/g, '');
  assert.match(text, /ОТЧЕТ/);
  assert.match(text, /о проведенных мероприятиях по повышению уровня информированности граждан/);
  assert.match(text, /1\. Мероприятия по информированию на официальных сайтах в сети Интернет/);
  assert.match(text, /2\. Мероприятия по информированию в местах приема граждан/);
  assert.match(text, /3\. Мероприятия по консультированию в местах приема граждан/);
  assert.match(text, /Количество реализованных мероприятий/);
  assert.match(text, /Консультирование в приёмной администрации/);
  assert.match(text, /https:\/\/kalga\.ru\/uslugi/);
  assert.match(text, new RegExp(`за ${['I', 'II', 'III', 'IV'][prev.quarter - 1]} квартал ${prev.year} года`));
  assert.match(text, /Глава Калганского/);

  const xlsx = await coordinator.get(`/outreach/reports/export/xlsx?${base}`);
  assert.equal(xlsx.statusCode, 200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  wb.worksheets[0]!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  const flat = rows.map((r) => r.map((v) => (v && typeof v === 'object' && 'text' in v ? String((v as { text: string }).text) : String(v ?? ''))));
  assert.equal(flat[0]![0], 'ОТЧЕТ');
  const h2 = flat.findIndex((r) => r[0] === '2. Мероприятия по информированию в местах приема граждан');
  assert.ok(h2 > 0);
  assert.deepEqual(flat[h2 + 1]!.slice(0, 3), ['№ пп.', 'Наименование мероприятия', 'Количество реализованных мероприятий']);
  assert.deepEqual(flat[h2 + 2]!.slice(0, 3), ['1.', 'День электронных услуг', '2']);
  assert.equal(rows[h2 + 2]![2], 2, 'numbers are numbers');
  const h3 = flat.findIndex((r) => r[0] === '3. Мероприятия по консультированию в местах приема граждан');
  assert.deepEqual(flat[h3 + 3]!.slice(0, 3), ['2.', 'Консультирование в приёмной администрации', '12']);

  const pdf = await region.get(`/outreach/reports/export/pdf?${base}`);
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  const pdfText = extractPdfText(pdf.rawPayload);
  assert.match(pdfText, /ОТЧЕТ/);
  assert.match(pdfText, /Мероприятия по консультированию в местах приема граждан/);
  assert.match(pdfText, /Консультирование в приёмной/);
});
