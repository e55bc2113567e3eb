/**
 * «Сроки по планам»: a plan created and approved through the ordinary routes,
 * its due dates relative to an injected clock (the region's date, Asia/Chita),
 * marking done and undoing it, who may see and mark what, the month calendar,
 * and the reminders with escalation (each sent once, e-mails in the outbox).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { DEMO_PASSWORD } from '../../src/db/seed/demo.js';
import type { AppContext } from '../../src/platform/context.js';
import { buildApp } from '../../src/platform/http/app.js';
import { jobDefinitions } from '../../src/modules/index.js';
import { createStaff } from '../../src/modules/staff/create-staff.js';
import { registerStaffRoutes } from '../../src/modules/staff/staff.routes.js';
import { registerDueRoutes } from '../../src/modules/outreach/due/due.routes.js';
import { DUE_REMINDERS_JOB, outreachDueJobs, sendDueReminders, type ReminderCounts } from '../../src/modules/outreach/due/due.jobs.js';
import { dueSummary } from '../../src/modules/outreach/due/load-occurrences.js';
import { Browser, createTestApp, type TestApp, signedInBrowser } from '../support/app.js';

let t: TestApp;
let ctx: AppContext;
/** The app with the due pages on an injected clock. */
let app: FastifyInstance;
let now = new Date('2026-03-13T03:00:00Z'); // 12:00 on 13.03.2026 in Chita

let regionId = '';
let kalgaId = '';
let planId = '';
let item23 = '';
let item13 = '';
let kalgaEvent = '';
let otherEvent = '';
let chitaEvent = '';

before(async () => {
  t = await createTestApp({ seed: true });
  ctx = t.ctx;
  app = await buildApp(ctx, {
    logger: false,
    registerModules: async (a, c) => {
      // Only sign-in and the due pages: plans are created and approved in the application proper (t.app).
      await registerStaffRoutes(a, c);
      await registerDueRoutes(a, c, { clock: () => now });
    },
  });
  await app.ready();
  regionId = (await ctx.db.query<{ id: string }>("select id from regions where key = 'zabaikalsky-krai'")).rows[0]!.id;
  kalgaId = (await ctx.db.query<{ id: string }>("select id from municipalities where key = 'kalgansky'")).rows[0]!.id;
});
after(async () => {
  // Close what was opened even when `before` failed half-way (an open pool would keep the process alive).
  await app?.close();
  await t?.close();
});

const signedIn = (login: string, on: FastifyInstance = app) => signedInBrowser(on, login);

const at = (iso: string) => {
  now = new Date(iso);
};

test('a coordinator approves a plan through the ordinary routes; its dated items become due', async () => {
  const b = await signedIn('coordinator');
  const p = await signedIn('coordinator', t.app);
  const before = await b.get('/outreach/due');
  assert.equal(before.statusCode, 200);
  assert.match(before.body, /Утверждённых планов пока нет/);

  await p.get('/outreach/plans/new');
  const created = await p.post('/outreach/plans', { year: '2026', source: 'template:kalga-2018' });
  assert.equal(created.statusCode, 303);
  planId = /\/outreach\/plans\/([0-9a-f-]{36})/.exec(created.headers.location as string)![1]!;
  const items = (await ctx.db.query<{ id: string; item_number: string; content: string }>('select id, item_number, content from outreach_plan_items where plan_id = $1', [planId])).rows;
  item23 = items.find((i) => i.item_number === '2.3')!.id;
  item13 = items.find((i) => i.item_number === '1.3')!.id;

  const draft = await b.get('/outreach/due');
  assert.match(draft.body, /Утверждённых планов пока нет/, 'a plan never approved has nothing due');

  await p.get(`/outreach/plans/${planId}/items/${item23}/edit`);
  const saved = await p.post(`/outreach/plans/${planId}/items/${item23}`, {
    content: items.find((i) => i.item_number === '2.3')!.content,
    executors: 'руководитель администрации\nотдел образования',
    deadlineText: 'до 01.03.2026',
    expectedResult: 'Информация размещена',
    indicatorNodeId: 'P2.3',
    budgetRub: '',
    activityTypeId: '',
  });
  assert.equal(saved.statusCode, 303);
  await p.get(`/outreach/plans/${planId}`);
  const approved = await p.post(`/outreach/plans/${planId}/approve`, { decreeNumber: '12', decreeDate: '15.01.2026' });
  assert.equal(approved.statusCode, 303);

  const list = await b.get('/outreach/due');
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /<h1[^>]*>Сроки по планам<\/h1>/);
  assert.match(list.body, /Сегодня 13\.03\.2026/);
  assert.match(list.body, /aria-current="page"[^>]*>Сроки</, 'the outreach navigation marks the section');
  assert.match(list.body, /<time datetime="2026-03-01">01\.03\.2026<\/time>/);
  assert.match(list.body, /Просрочено на 12 дней/);
  assert.match(list.body, /Через 12 рабочих дней/, 'item 1.3 (31.03.2026): 16–31 March, twelve working days');
  assert.ok(list.body.indexOf('01.03.2026') < list.body.indexOf('31.03.2026'), 'overdue first');
  assert.match(list.body, /отдел образования/);
  assert.match(list.body, /Отметить выполнение<span class="u-visually-hidden"> пункта 2\.3 со сроком 01\.03\.2026/);
  assert.doesNotMatch(list.body, /30\.06\.2018|2 квартал 2018/, 'deadlines outside the plan period are not due');
});

test('today is the region’s date: the due day is not overdue, the next day in Chita is', async () => {
  const b = await signedIn('coordinator');
  at('2026-03-01T03:00:00Z'); // 12:00 on Sunday 01.03 in Chita
  assert.match((await b.get('/outreach/due')).body, /Срок сегодня/);
  at('2026-03-01T16:00:00Z'); // still 01.03 in Moscow and UTC, already 02.03 in Chita
  const next = await b.get('/outreach/due');
  assert.match(next.body, /Просрочено на 1 день</);
  assert.doesNotMatch(next.body, /Срок сегодня/);
  at('2026-02-26T03:00:00Z'); // Thursday: Friday 27.02 is the last working day before the Sunday due date
  assert.match((await b.get('/outreach/due')).body, /Через 1 рабочий день/);
  at('2026-03-13T03:00:00Z');
});

test('filters: status and period', async () => {
  const b = await signedIn('coordinator');
  const overdue = await b.get('/outreach/due?status=overdue');
  assert.match(overdue.body, /01\.03\.2026/);
  assert.doesNotMatch(overdue.body, /31\.03\.2026/);
  const q2 = await b.get('/outreach/due?status=upcoming&period=2026-Q2');
  assert.match(q2.body, /30\.06\.2026/);
  assert.doesNotMatch(q2.body, /<time datetime="2026-03-31">/);
  assert.doesNotMatch(q2.body, /<time datetime="2026-03-01">/);
  const march = await b.get('/outreach/due?status=all&period=2026-03');
  assert.match(march.body, /<time datetime="2026-03-01">/);
  assert.match(march.body, /<time datetime="2026-03-31">/);
  assert.doesNotMatch(march.body, /<time datetime="2026-06-30">/);
  const nothing = await b.get('/outreach/due?status=done');
  assert.match(nothing.body, /Нет сроков, подходящих под отбор/);
});

test('the month calendar: an accessible grid with days off labelled, the same data as a list', async () => {
  const b = await signedIn('coordinator');
  const res = await b.get('/outreach/due/calendar?month=2026-03');
  assert.equal(res.statusCode, 200);
  const body = res.body;
  assert.match(body, /<caption class="due-cal__caption">Март 2026<\/caption>/);
  assert.match(body, /<th scope="col"><abbr title="Понедельник">Пн<\/abbr><\/th>/);
  assert.match(body, /data-date="2026-03-08" data-kind="holiday">[\s\S]*?Праздник: Международный женский день/);
  assert.match(body, /data-date="2026-03-09" data-kind="transferred_day_off">[\s\S]*?Перенесённый выходной/);
  assert.match(body, /data-date="2026-03-07" data-kind="weekend">[\s\S]*?Выходной/);
  assert.match(body, /aria-current="date" data-date="2026-03-13"/);
  const cell1 = /data-date="2026-03-01"[\s\S]*?<\/td>/.exec(body)![0];
  assert.match(cell1, new RegExp(`/outreach/due/complete\\?item=${item23}&amp;due=2026-03-01`));
  assert.match(cell1, /Просрочено на 12 дней/);
  assert.match(body, /href="\/outreach\/due\/calendar\?month=2026-02"/);
  assert.match(body, /href="\/outreach\/due\/calendar\?month=2026-04"/);
  assert.match(body, /Сроки месяца списком/);
  assert.match(body, /<time datetime="2026-03-31">31\.03\.2026<\/time>, вторник/);
  assert.match(body, /href="\/static\/outreach-due\.css"/);

  // the calendar comes from the editable table, not the shipped data
  await ctx.db.query("insert into calendar_transfers (region_id, date, kind, note) values ($1, '2026-03-27', 'day_off', 'региональный выходной (проверка)')", [regionId]);
  const edited = await b.get('/outreach/due/calendar?month=2026-03');
  assert.match(edited.body, /data-date="2026-03-27" data-kind="transferred_day_off"/);
  assert.match((await b.get('/outreach/due')).body, /Через 11 рабочих дней/, '31.03 is one working day nearer');
  await ctx.db.query("delete from calendar_transfers where region_id = $1 and date = '2026-03-27'", [regionId]);

  const bad = await b.get('/outreach/due/calendar?month=март');
  assert.equal(bad.statusCode, 200);
  assert.match(bad.body, /Месяц не распознан/);
  assert.match(bad.body, /Март 2026/);
});

test('marking done: the form, errors next to the fields, the event, undoing; all audited', async () => {
  const place = { region: regionId, municipality: kalgaId };
  const chitaId = (await ctx.db.query<{ id: string }>("select id from municipalities where key = 'chita'")).rows[0]!.id;
  const insertEvent = async (municipalityId: string, title: string, heldOn: string, code: string, planItemId: string | null) =>
    (
      await ctx.db.query<{ id: string }>(
        `insert into outreach_events (region_id, municipality_id, plan_id, plan_item_id, title, format, held_on, place, code)
         values ($1, $2, $3, $4, $5, 'e_services_day', $6, 'с. Калга', $7) returning id`,
        [place.region, municipalityId, planItemId ? planId : null, planItemId, title, heldOn, code],
      )
    ).rows[0]!.id;
  kalgaEvent = await insertEvent(kalgaId, 'День электронных услуг в Калге', '2026-03-05', 'KALGA-2026-DUE1', item23);
  otherEvent = await insertEvent(kalgaId, 'Родительское собрание в школе', '2026-03-10', 'KALGA-2026-DUE2', null);
  chitaEvent = await insertEvent(chitaId, 'Урок в Чите', '2026-03-11', 'CHITA-2026-DUE3', null);

  const b = await signedIn('coordinator');
  const url = `/outreach/due/complete?item=${item23}&due=2026-03-01&back=${encodeURIComponent('/outreach/due?status=all')}`;
  const form = await b.get(url);
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /Отметка о выполнении/);
  assert.match(form.body, /name="doneOn"[^>]*value="13\.03\.2026"|value="13\.03\.2026"[^>]*name="doneOn"/);
  assert.ok(form.body.indexOf('День электронных услуг в Калге') > 0 && form.body.indexOf('День электронных услуг в Калге') < form.body.indexOf('Родительское собрание'), 'events of this item first');
  assert.match(form.body, /День электронных услуг в Калге \(по этому пункту\)/);
  assert.doesNotMatch(form.body, /Урок в Чите/, 'only events of the item’s municipality');
  assert.match(form.body, /<label class="u-label" for="field-eventId">/);

  const future = await b.post('/outreach/due/complete', { planItemId: item23, dueOn: '2026-03-01', doneOn: '14.03.2026', note: 'размещено', eventId: '', back: '/outreach/due?status=all' });
  assert.equal(future.statusCode, 400);
  assert.match(future.body, /id="field-doneOn-error"[\s\S]*?Дата выполнения не может быть позже сегодняшнего дня \(13\.03\.2026\)/);
  assert.match(future.body, /value="14\.03\.2026"/);
  assert.match(future.body, /error-summary/);
  const badDate = await b.post('/outreach/due/complete', { planItemId: item23, dueOn: '2026-03-01', doneOn: '31.02.2026', note: '', eventId: '' });
  assert.equal(badDate.statusCode, 400);
  assert.match(badDate.body, /Введите дату выполнения в виде ДД\.ММ\.ГГГГ/);
  const foreign = await b.post('/outreach/due/complete', { planItemId: item23, dueOn: '2026-03-01', doneOn: '05.03.2026', note: '', eventId: chitaEvent });
  assert.equal(foreign.statusCode, 400);
  assert.match(foreign.body, /id="field-eventId-error"[\s\S]*?Выберите мероприятие из списка/);
  assert.equal((await ctx.db.query('select 1 from outreach_item_completions')).rows.length, 0, 'nothing saved on errors');

  const done = await b.post('/outreach/due/complete', { planItemId: item23, dueOn: '2026-03-01', doneOn: '05.03.2026', note: 'Новость на сайте района', eventId: kalgaEvent, back: '/outreach/due?status=all' });
  assert.equal(done.statusCode, 303);
  const location = done.headers.location as string;
  assert.match(location, /^\/outreach\/due\?status=all&completed=2\.3&due=2026-03-01$/);
  const shown = await b.get(location);
  assert.match(shown.body, /Пункт 2\.3 со сроком 01\.03\.2026 отмечен выполненным\./);
  assert.match(shown.body, /Выполнено 05\.03\.2026/);
  assert.match(shown.body, /Изменить отметку/);
  assert.doesNotMatch((await b.get('/outreach/due')).body, /<time datetime="2026-03-01">/, 'done items leave the open list');
  const row = (await ctx.db.query<{ done_on: string; note: string; event_id: string }>("select to_char(done_on, 'YYYY-MM-DD') as done_on, note, event_id from outreach_item_completions where plan_item_id = $1 and due_on = '2026-03-01'", [item23])).rows[0]!;
  assert.deepEqual({ ...row }, { done_on: '2026-03-05', note: 'Новость на сайте района', event_id: kalgaEvent });
  const audit = (await ctx.db.query<{ action: string; subject_id: string; details: Record<string, unknown> }>("select action, subject_id, details from audit_log where action like 'outreach.due.%' order by seq")).rows;
  assert.equal(audit.length, 1);
  assert.equal(audit[0]!.action, 'outreach.due.complete');
  assert.equal(audit[0]!.subject_id, item23);
  assert.equal((audit[0]!.details as { dueOn: string }).dueOn, '2026-03-01');

  const again = await b.get(`/outreach/due/complete?item=${item23}&due=2026-03-01`);
  assert.match(again.body, /Пункт уже отмечен выполненным 05\.03\.2026/);
  assert.match(again.body, /action="\/outreach\/due\/uncomplete"/);
  // changing the mark keeps one row
  const changed = await b.post('/outreach/due/complete', { planItemId: item23, dueOn: '2026-03-01', doneOn: '06.03.2026', note: '', eventId: otherEvent });
  assert.equal(changed.statusCode, 303);
  assert.equal((await ctx.db.query("select 1 from outreach_item_completions where plan_item_id = $1 and done_on = '2026-03-06'", [item23])).rows.length, 1);

  const undone = await b.post('/outreach/due/uncomplete', { planItemId: item23, dueOn: '2026-03-01', back: '/outreach/due' });
  assert.equal(undone.statusCode, 303);
  const after = await b.get(undone.headers.location as string);
  assert.match(after.body, /Отметка о выполнении пункта 2\.3 со сроком 01\.03\.2026 снята\./);
  assert.match(after.body, /Просрочено на 12 дней/);
  assert.deepEqual(
    (await ctx.db.query<{ action: string }>("select action from audit_log where action like 'outreach.due.%' order by seq")).rows.map((r) => r.action),
    ['outreach.due.complete', 'outreach.due.complete', 'outreach.due.uncomplete'],
  );

  // not an occurrence, not a date, an outside «back»
  assert.equal((await b.get(`/outreach/due/complete?item=${item23}&due=2026-03-02`)).statusCode, 404);
  assert.equal((await b.get(`/outreach/due/complete?item=${item23}&due=01.03.2026`)).statusCode, 404);
  const outside = await b.post('/outreach/due/complete', { planItemId: item13, dueOn: '2026-03-31', doneOn: '13.03.2026', note: '', eventId: '', back: 'https://evil.example/' });
  assert.equal(outside.statusCode, 303);
  assert.match(outside.headers.location as string, /^\/outreach\/due\?completed=1\.3&due=2026-03-31$/);
  await b.post('/outreach/due/uncomplete', { planItemId: item13, dueOn: '2026-03-31' });
  assert.equal((await ctx.db.query('select 1 from outreach_item_completions')).rows.length, 0);
});

test('authorization: another municipality, the region, front-line staff', async () => {
  const made = await createStaff(ctx.db, { login: 'chita-due', password: DEMO_PASSWORD, fullName: 'Орлов Пётр Ильич', role: 'municipal_coordinator', municipalityKey: 'chita' });
  assert.ok(made.ok);
  const chita = await signedIn('chita-due');
  const chitaList = await chita.get('/outreach/due');
  assert.equal(chitaList.statusCode, 200);
  assert.ok(!chitaList.body.includes(item23), 'Kalga items are not listed for Chita');
  assert.equal((await chita.get(`/outreach/due/complete?item=${item23}&due=2026-03-01`)).statusCode, 403);
  assert.equal((await chita.post('/outreach/due/complete', { planItemId: item23, dueOn: '2026-03-01', doneOn: '05.03.2026', note: '', eventId: '' })).statusCode, 403);
  assert.equal((await chita.post('/outreach/due/uncomplete', { planItemId: item23, dueOn: '2026-03-01' })).statusCode, 403);

  const region = await signedIn('region');
  const all = await region.get('/outreach/due');
  assert.equal(all.statusCode, 200);
  assert.match(all.body, /Сводка по муниципальным образованиям/);
  const municipalities = (await ctx.db.query<{ id: string }>('select id from municipalities where region_id = $1', [regionId])).rows;
  const linked = [...all.body.matchAll(/data-municipality="([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(new Set(linked), new Set(municipalities.map((m) => m.id)), 'one summary row per municipality of the region');
  const kalgaRow = new RegExp(`<tr[^>]*><th[^>]*><a href="/outreach/due\\?municipality=${kalgaId}"[\\s\\S]*?</tr>`).exec(all.body)![0];
  assert.match(kalgaRow, />Калганский муниципальный округ</);
  assert.deepEqual([...kalgaRow.matchAll(/<td[^>]*>(\d+)<\/td>/g)].map((m) => m[1]), ['1', '0', '0'], 'overdue, due soon, done this quarter');
  assert.match(all.body, /Калганский муниципальный округ: план на 2026 год/, 'the region’s list names the municipality of each plan');
  assert.doesNotMatch(all.body, /Отметить выполнение/, 'the region marks only its own plan');
  assert.match(all.body, /Отмечать выполнение может координатор/);
  const kalga = await region.get(`/outreach/due?municipality=${kalgaId}`);
  assert.equal(kalga.statusCode, 200);
  assert.match(kalga.body, /Показаны сроки: Калганский муниципальный округ\./);
  assert.match(kalga.body, /Просрочено на 12 дней/);
  const chitaOnly = await region.get(`/outreach/due?municipality=${(await ctx.db.query<{ id: string }>("select id from municipalities where key = 'chita'")).rows[0]!.id}`);
  assert.doesNotMatch(chitaOnly.body, /<time datetime="2026-03-01">/);
  assert.equal((await region.get('/outreach/due?municipality=00000000-0000-4000-8000-000000000000')).statusCode, 404);
  assert.equal((await region.post('/outreach/due/complete', { planItemId: item23, dueOn: '2026-03-01', doneOn: '05.03.2026', note: '', eventId: '' })).statusCode, 403);
  assert.equal((await region.get('/outreach/due/calendar?month=2026-03')).statusCode, 200);

  const operator = await signedIn('operator');
  const readOnly = await operator.get('/outreach/due');
  assert.equal(readOnly.statusCode, 200, 'front-line staff read their municipality’s approved plans');
  assert.match(readOnly.body, /Просрочено на 12 дней/);
  assert.doesNotMatch(readOnly.body, /Отметить выполнение/);
  assert.equal((await operator.post('/outreach/due/complete', { planItemId: item23, dueOn: '2026-03-01', doneOn: '05.03.2026', note: '', eventId: '' })).statusCode, 403);

  const anonymous = new Browser(app);
  const redirect = await anonymous.get('/outreach/due');
  assert.equal(redirect.statusCode, 303);
  assert.match(redirect.headers.location as string, /^\/staff\/login\?next=/);

  // the module is registered in the application proper too
  const real = await signedIn('coordinator', t.app);
  assert.equal((await real.get('/outreach/due')).statusCode, 200);
  assert.equal((await real.get('/outreach/due/calendar')).statusCode, 200);
});

test('dueSummary: counts per municipality for the staff home and the regional dashboard', async () => {
  const rows = await dueSummary(ctx.db, { regionId, today: '2026-03-13', daysBefore: 5 });
  const kalga = rows.find((r) => r.municipalityId === kalgaId)!;
  assert.deepEqual({ overdue: kalga.overdue, dueSoon: kalga.dueSoon, doneThisQuarter: kalga.doneThisQuarter }, { overdue: 1, dueSoon: 0, doneThisQuarter: 0 });
  assert.ok(rows.filter((r) => r.municipalityId !== kalgaId).every((r) => r.overdue + r.dueSoon + r.doneThisQuarter === 0));
  const soon = await dueSummary(ctx.db, { regionId, municipalityId: kalgaId, today: '2026-03-24', daysBefore: 5 });
  assert.equal(soon.length, 1);
  assert.deepEqual({ overdue: soon[0]!.overdue, dueSoon: soon[0]!.dueSoon }, { overdue: 1, dueSoon: 1 }, '31.03 is five working days from 24.03');
  assert.equal((await dueSummary(ctx.db, { regionId, municipalityId: kalgaId, today: '2026-03-23', daysBefore: 5 }))[0]!.dueSoon, 0);
});

const none: ReminderCounts = { upcoming: 0, overdue: 0, escalation: 0, skippedNoEmail: 0, alreadySent: 0 };

async function remindersOf(itemId: string, dueOn: string) {
  return (
    await ctx.db.query<{ kind: string; login: string; outbox_id: string | null }>(
      `select r.kind, s.login, r.outbox_id from outreach_reminders r join staff_users s on s.id = r.recipient_staff_id
        where r.plan_item_id = $1 and r.due_on = $2 order by r.kind, s.login`,
      [itemId, dueOn],
    )
  ).rows.map((r) => `${r.kind}:${r.login}`);
}

test('reminders: upcoming daysBefore working days ahead, overdue the day after, escalation to the region only; each once', async () => {
  assert.deepEqual(ctx.config.reminders, { daysBefore: 5, escalateAfterDays: 10, cron: '0 23 * * *' });
  // item 2.3 (due Sunday 01.03.2026) is also the school's: its staff with e-mail are reminded
  const school = (await ctx.db.query<{ organisation_id: string; key: string }>("select s.organisation_id, o.key from staff_users s join organisations o on o.id = s.organisation_id where s.login = 'reception'")).rows[0]!;
  await ctx.db.query('update outreach_plan_items set executors = $2 where id = $1', [item23, JSON.stringify([{ post: 'руководитель администрации' }, { organisationId: school.organisation_id }])]);
  assert.ok((await createStaff(ctx.db, { login: 'teacher-no-mail', password: DEMO_PASSWORD, fullName: 'Без Почты Анна', role: 'reception', organisationKey: school.key })).ok);
  assert.ok((await createStaff(ctx.db, { login: 'teacher-gone', password: DEMO_PASSWORD, fullName: 'Уволена Ольга', role: 'reception', organisationKey: school.key, email: 'gone@kalga.uslugi.local' })).ok);
  await ctx.db.query("update staff_users set active = false where login = 'teacher-gone'");
  const send = (today: string) => sendDueReminders(ctx.db, ctx.cipher, ctx.config, { today });

  // 23 February (Monday) is a holiday: five working days before 01.03 begin on Thursday 19.02
  assert.deepEqual(await send('2026-02-18'), none, 'six working days ahead: not yet');
  assert.deepEqual(await send('2026-02-19'), { ...none, upcoming: 2, skippedNoEmail: 1 });
  assert.deepEqual(await remindersOf(item23, '2026-03-01'), ['upcoming:coordinator', 'upcoming:reception']);
  assert.deepEqual(await send('2026-02-19'), { ...none, skippedNoEmail: 1, alreadySent: 2 }, 'a second run sends nothing new');
  assert.deepEqual(await send('2026-03-01'), { ...none, skippedNoEmail: 1, alreadySent: 2 }, 'the due day itself is not overdue');
  // with the job queue, delivery is kicked after the commit
  assert.deepEqual(await sendDueReminders(ctx.db, ctx.cipher, ctx.config, { today: '2026-03-02', jobs: ctx.jobs }), { ...none, overdue: 2, skippedNoEmail: 1 });
  const kicked = (
    await ctx.db.query<{ n: number }>(
      `select count(*)::int as n from pgboss.job j join outreach_reminders r on r.outbox_id::text = j.data->>'id'
        where j.name = 'notifications.deliver' and r.plan_item_id = $1 and r.kind = 'overdue'`,
      [item23],
    )
  ).rows[0]!.n;
  assert.equal(Number(kicked), 2);
  // 2–6, 10–13, 16 March: ten working days (9 March is a transferred day off); escalation only after more than ten
  assert.deepEqual(await send('2026-03-16'), { ...none, skippedNoEmail: 1, alreadySent: 2 });
  assert.deepEqual(await send('2026-03-17'), { ...none, escalation: 1, skippedNoEmail: 1, alreadySent: 2 });
  assert.deepEqual(await send('2026-03-17'), { ...none, skippedNoEmail: 1, alreadySent: 3 });
  assert.deepEqual(await remindersOf(item23, '2026-03-01'), [
    'escalation:region',
    'overdue:coordinator',
    'overdue:reception',
    'upcoming:coordinator',
    'upcoming:reception',
  ]);

  // the outbox: one e-mail per reminder, with the right template and recipient
  const outbox = (
    await ctx.db.query<{ kind: string; template: string; channel: string; recipient_masked: string; subject: string; body_enc: string }>(
      `select r.kind, o.template, o.channel, o.recipient_masked, o.subject, o.body_enc from outreach_reminders r join notifications_outbox o on o.id = r.outbox_id
        where r.plan_item_id = $1 order by r.kind, o.recipient_masked`,
      [item23],
    )
  ).rows;
  assert.deepEqual(
    outbox.map((o) => `${o.kind}:${o.template}:${o.channel}:${o.recipient_masked}`),
    [
      'escalation:outreach_escalation:email:re***@zabaikalsky.uslugi.local',
      'overdue:outreach_overdue:email:co***@kalga.uslugi.local',
      'overdue:outreach_overdue:email:re***@kalga.uslugi.local',
      'upcoming:outreach_due_soon:email:co***@kalga.uslugi.local',
      'upcoming:outreach_due_soon:email:re***@kalga.uslugi.local',
    ],
  );
  const escalation = ctx.cipher.decrypt(outbox[0]!.body_enc);
  for (const part of ['Калганский муниципальный округ', 'Пункт 2.3', 'Срок: 01.03.2026 (просрочено на 16 дней)', '{portalUrl}/outreach/due']) assert.ok(escalation.includes(part), part);
  assert.match(ctx.cipher.decrypt(outbox[3]!.body_enc), /Срок: 01\.03\.2026 \(через 5 рабочих дней\)/);
  assert.equal((await ctx.db.query("select 1 from notifications_outbox where template like 'outreach_%'")).rows.length, 5);

  // item 1.3 (quarterly, executors by post only): the coordinator is reminded; a done occurrence is not
  assert.deepEqual(await send('2026-03-24'), { ...none, upcoming: 1, skippedNoEmail: 1, alreadySent: 3 });
  assert.deepEqual(await remindersOf(item13, '2026-03-31'), ['upcoming:coordinator']);
  at('2026-06-22T03:00:00Z');
  const b = await signedIn('coordinator');
  await b.get(`/outreach/due/complete?item=${item13}&due=2026-06-30`);
  assert.equal((await b.post('/outreach/due/complete', { planItemId: item13, dueOn: '2026-06-30', doneOn: '22.06.2026', note: 'отчёт подготовлен', eventId: '' })).statusCode, 303);
  at('2026-03-13T03:00:00Z');
  const june = await send('2026-06-23');
  assert.equal(june.upcoming, 0, '30.06 is done: no reminder');
  assert.deepEqual(await remindersOf(item13, '2026-06-30'), []);
  assert.deepEqual(await remindersOf(item13, '2026-03-31'), ['escalation:region', 'overdue:coordinator', 'upcoming:coordinator'], 'the March occurrence went overdue meanwhile');
});

test('the reminder job is scheduled with REMINDER_CRON and runs', async () => {
  const jobs = outreachDueJobs(ctx, () => undefined);
  assert.equal(jobs.length, 1);
  assert.equal(jobs[0]!.name, DUE_REMINDERS_JOB);
  assert.equal(jobs[0]!.schedule, ctx.config.reminders.cron);
  assert.ok(jobDefinitions(ctx, () => undefined).some((j) => j.name === DUE_REMINDERS_JOB));
  const before = (await ctx.db.query<{ n: number }>('select count(*)::int as n from outreach_reminders')).rows[0]!.n;
  await jobs[0]!.handle({});
  const afterRun = (await ctx.db.query<{ n: number }>('select count(*)::int as n from outreach_reminders')).rows[0]!.n;
  assert.ok(Number(afterRun) >= Number(before));
  await jobs[0]!.handle({});
  assert.equal((await ctx.db.query<{ n: number }>('select count(*)::int as n from outreach_reminders')).rows[0]!.n, afterRun, 'idempotent');
});
