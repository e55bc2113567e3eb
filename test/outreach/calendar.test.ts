/**
 * The editable table of transferred days off: seeded with the federal
 * transfers, read by every deadline computation, changed by the system
 * administrator (federal) and a regional administrator (their region).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { DEMO_PASSWORD } from '../../src/db/seed/demo.js';
import type { AppContext } from '../../src/platform/context.js';
import { RUSSIAN_TRANSFERS_2016_2026 } from '../../src/modules/outreach/deadlines/index.js';
import { loadWorkingCalendar } from '../../src/modules/outreach/calendar/calendar.repository.js';
import { validateTransfer } from '../../src/modules/outreach/calendar/save-transfer.js';
import { Browser, createTestApp, type TestApp, signedInBrowser } from '../support/app.js';

let app: FastifyInstance;
let ctx: AppContext;
let t: TestApp;
let regionId: string;

before(async () => {
  t = await createTestApp({ seed: true });
  app = t.app;
  ctx = t.ctx;
  regionId = (await ctx.db.query<{ id: string }>('select id from regions limit 1')).rows[0]!.id;
});
after(async () => t.close());

const signedIn = (login: string) => signedInBrowser(app, login);

test('migration 0007 seeds every federal transfer, and the calendar from the table gives the published yearly totals', async () => {
  const { rows } = await ctx.db.query<{ n: number }>('select count(*)::int as n from calendar_transfers where region_id is null');
  assert.equal(rows[0]!.n, RUSSIAN_TRANSFERS_2016_2026.length);
  const calendar = await loadWorkingCalendar(ctx.db, regionId);
  const published: Record<number, number> = { 2016: 247, 2017: 247, 2018: 247, 2019: 247, 2020: 248, 2021: 247, 2022: 247, 2023: 247, 2024: 248, 2025: 247, 2026: 247 };
  for (const [year, days] of Object.entries(published)) assert.equal(calendar.workingDaysInYear(Number(year)), days, `working days in ${year}`);
});

test('a transfer must make sense on its date', () => {
  const ok = validateTransfer({ date: '13.02.2026', kind: 'day_off', note: 'Сагаалган', source: 'Закон Забайкальского края' });
  assert.deepEqual(ok.errors, []);
  assert.equal(ok.value!.date, '2026-02-13');
  const codes = (input: Parameters<typeof validateTransfer>[0]) => validateTransfer(input).errors.map((e) => `${e.field}:${e.code}`);
  assert.deepEqual(codes({ date: '14.02.2026', kind: 'day_off', note: '', source: 'x' }), ['date:errDayOffNotWeekday'], 'a Saturday is already a day off');
  assert.deepEqual(codes({ date: '13.02.2026', kind: 'working_day', note: '', source: 'x' }), ['date:errWorkingDayNotWeekend']);
  assert.deepEqual(codes({ date: '23.02.2026', kind: 'working_day', note: '', source: 'x' }), ['date:errHoliday'], 'holidays never move');
  assert.deepEqual(codes({ date: '31.02.2026', kind: 'day_off', note: '', source: '' }), ['date:errDate', 'source:errSource']);
  assert.deepEqual(codes({ date: '13.02.2026', kind: '', note: '', source: 'x' }), ['kind:errKind']);
});

test('a regional administrator adds a regional day off: deadlines in the region move, the page shows it, the audit has it', async () => {
  const region = await signedIn('region');
  const page = await region.get('/outreach/calendar?year=2026');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /рабочих дней — 247/);
  assert.match(page.body, /09\.01\.2026, пятница/);
  assert.match(page.body, /Постановление Правительства РФ от 24\.09\.2025 № 1466/);
  assert.match(page.body, /Перенос будет действовать только в вашем регионе/);

  const before = await loadWorkingCalendar(ctx.db, regionId);
  assert.equal(before.isWorkingDay('2026-02-13'), true);
  const bad = await region.post('/outreach/calendar', { date: '14.02.2026', kind: 'day_off', note: 'Сагаалган', source: '' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /14\.02\.2026 — и так выходной \(суббота\)/);
  assert.match(bad.body, /Укажите основание/);
  assert.match(bad.body, /value="Сагаалган"/, 'what was typed is kept');

  const added = await region.post('/outreach/calendar', { date: '13.02.2026', kind: 'day_off', note: 'Сагаалган', source: 'Закон Забайкальского края от 01.01.2026 № 1-ЗЗК (условный пример)' });
  assert.equal(added.statusCode, 303);
  assert.match(added.headers.location as string, /added=13\.02\.2026/);
  const after = await loadWorkingCalendar(ctx.db, regionId);
  assert.equal(after.isWorkingDay('2026-02-13'), false, 'the region’s calendar has the new day off');
  assert.equal(after.workingDaysInYear(2026), 246);
  assert.equal((await loadWorkingCalendar(ctx.db, null)).isWorkingDay('2026-02-13'), true, 'the federal calendar is unchanged');
  const dup = await region.post('/outreach/calendar', { date: '13.02.2026', kind: 'day_off', note: '', source: 'x' });
  assert.equal(dup.statusCode, 400);
  assert.match(dup.body, /На 13\.02\.2026 перенос уже есть/);

  const row = (await ctx.db.query<{ id: string }>("select id from calendar_transfers where region_id = $1 and date = '2026-02-13'", [regionId])).rows[0]!;
  await region.get(`/outreach/calendar/${row.id}/edit`);
  const changed = await region.post(`/outreach/calendar/${row.id}`, { date: '16.02.2026', kind: 'day_off', note: 'Сагаалган', source: 'Закон края' });
  assert.equal(changed.statusCode, 303);
  assert.equal((await loadWorkingCalendar(ctx.db, regionId)).isWorkingDay('2026-02-16'), false);
  await region.get(`/outreach/calendar/${row.id}/delete`);
  assert.equal((await region.post(`/outreach/calendar/${row.id}/delete`, {})).statusCode, 303);
  assert.equal((await loadWorkingCalendar(ctx.db, regionId)).isWorkingDay('2026-02-16'), true);
  const audit = (await ctx.db.query<{ action: string }>("select action from audit_log where subject_id = $1 order by seq", [row.id])).rows.map((r) => r.action);
  assert.deepEqual(audit, ['outreach.calendar.transfer_add', 'outreach.calendar.transfer_change', 'outreach.calendar.transfer_delete']);
});

test('only the system administrator changes federal transfers; coordinators only read', async () => {
  const federal = (await ctx.db.query<{ id: string }>("select id from calendar_transfers where region_id is null and date = '2026-01-09'")).rows[0]!;
  const region = await signedIn('region');
  assert.equal((await region.get(`/outreach/calendar/${federal.id}/edit`)).statusCode, 403);
  const coordinator = await signedIn('coordinator');
  const page = await coordinator.get('/outreach/calendar?year=2026');
  assert.equal(page.statusCode, 200);
  assert.doesNotMatch(page.body, /Добавить перенос/);
  assert.equal((await coordinator.post('/outreach/calendar', { date: '13.02.2026', kind: 'day_off', note: '', source: 'x' })).statusCode, 403);
  const admin = await signedIn('admin');
  const form = await admin.get(`/outreach/calendar/${federal.id}/edit`);
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /value="09\.01\.2026"/);
  const adminPage = await admin.get('/outreach/calendar?year=2027');
  assert.match(adminPage.body, /перенос будет действовать во всех регионах/);
  const holiday = await admin.post('/outreach/calendar', { date: '08.01.2027', kind: 'day_off', note: 'пример', source: 'Постановление Правительства РФ (пример для теста)' });
  assert.equal(holiday.statusCode, 400, '8 January is a holiday already');
  assert.match(holiday.body, /нерабочий праздничный день \(Новогодние каникулы\)/);
  const added = await admin.post('/outreach/calendar', { date: '11.01.2027', kind: 'day_off', note: 'пример', source: 'Постановление Правительства РФ (пример для теста)' });
  assert.equal(added.statusCode, 303);
  assert.equal((await loadWorkingCalendar(ctx.db, regionId)).isWorkingDay('2027-01-11'), false, 'a federal row counts in every region');
  const row = (await ctx.db.query<{ region_id: string | null }>("select region_id from calendar_transfers where date = '2027-01-11'")).rows[0]!;
  assert.equal(row.region_id, null);
});
