/**
 * The 4.1.7 reminders over HTTP: the region (or a coordinator) marks
 * materials as updated; every reception employee in scope gets a notice on
 * their dashboard and marks it read (audited); supervisors see who has not
 * read; bad input comes back in Russian; who may.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { regionToday } from '../../src/modules/outreach/materials/materials.repository.js';
import { addDays } from '../../src/modules/outreach/deadlines/calendar-date.js';
import { createStaff } from '../../src/modules/staff/create-staff.js';
import { createTestApp, type Browser, type TestApp } from '../support/app.js';
import { auditRows, PASSWORD, staffBrowser } from '../service-centres/support.js';

let t: TestApp;
let region: Browser;
let coordinator: Browser;
let reception: Browser;
let operator: Browser;
let today = '';
const ru = (iso: string) => iso.split('-').reverse().join('.');

before(async () => {
  t = await createTestApp({ seed: true });
  // A reception employee in another municipality: the region's notices reach them, Kalgansky's do not.
  const r = await createStaff(t.ctx.db, { login: 'chita-reception', password: PASSWORD, fullName: 'Читинская Анна Петровна', role: 'reception', organisationKey: 'chita-school-1' });
  assert.ok(r.ok, JSON.stringify(r));
  region = await staffBrowser(t, 'region');
  coordinator = await staffBrowser(t, 'coordinator');
  reception = await staffBrowser(t, 'reception');
  operator = await staffBrowser(t, 'operator');
  const regionId = (await t.ctx.db.query<{ id: string }>("select id from regions where key = 'zabaikalsky-krai'")).rows[0]!.id;
  today = await regionToday(t.ctx.db, regionId);
});
after(async () => t.close());

let regionNotice = '';

test('the region announces updated materials: the form suggests the changed question bank, checks the input, reaches every reception employee', async () => {
  const empty = await region.get('/reception/reminders');
  assert.equal(empty.statusCode, 200);
  assert.match(empty.body, /Об обновлениях ещё не сообщали/);
  let form = await region.get('/reception/reminders/new');
  assert.match(form.body, new RegExp(`name="readBy"[^>]*value="${ru(addDays(today, 14))}"`));
  assert.doesNotMatch(form.body, />Вопросы самопроверки<\/textarea>/);
  // The region edits a question: the form now suggests the bank.
  await region.get('/reception/questions');
  const q = /href="\/reception\/questions\/([0-9a-f-]{36})"/.exec((await region.get('/reception/questions')).body)![1]!;
  const page = await region.get(`/reception/questions/${q}`);
  const topic = /<option value="(\w+)" selected/.exec(page.body)![1]!;
  const values: Record<string, string> = { topic, question: /<textarea[^>]*name="question"[^>]*>([^<]*)</.exec(page.body)![1]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&'), correct: '0', active: 'on' };
  for (const m of page.body.matchAll(/name="option(\d)"[^>]*value="([^"]*)"/g)) values[`option${m[1]}`] = m[2]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  assert.equal((await region.post(`/reception/questions/${q}`, values)).statusCode, 303);
  form = await region.get('/reception/reminders/new');
  assert.match(form.body, />Вопросы самопроверки<\/textarea>/);

  const bad = await region.post('/reception/reminders/new', { materials: ' ', links: 'ftp://files.example/x', readBy: ru(addDays(today, -1)) });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Напишите, что обновилось/);
  assert.match(bad.body, /Каждая строка должна начинаться с адреса http:\/\/ или https:\/\//);
  assert.match(bad.body, /Срок — не раньше сегодняшнего/);
  assert.match(bad.body, />ftp:\/\/files\.example\/x<\/textarea>/);

  const readBy = addDays(today, 10);
  const ok = await region.post('/reception/reminders/new', {
    materials: 'Раздел 3 Репозитория Минкомсвязи: новые буклеты; вопросы самопроверки',
    links: 'https://repo.example/section-3 Раздел 3 Репозитория\nhttps://gosuslugi.example/help',
    readBy: ru(readBy),
  });
  assert.equal(ok.statusCode, 303);
  const location = String(ok.headers.location);
  regionNotice = /\/reception\/reminders\/([0-9a-f-]{36})\?sent=3$/.exec(location)![1]!;
  const sent = await region.get(location);
  assert.match(sent.body, /Напоминание отправлено: 3\./);
  assert.match(sent.body, /Прочитали: 0 из 3/);
  assert.match(sent.body, /Читинская Анна Петровна/);
  const audit = await auditRows(t, 'reception.reading_notice.create');
  assert.equal(audit.length, 1);

  // The employee's dashboard and page.
  const dashboard = await reception.get('/staff');
  assert.match(dashboard.body, /Обновлены материалы: Раздел 3 Репозитория Минкомсвязи: новые буклеты; вопросы самопроверки/);
  assert.match(dashboard.body, new RegExp(`Прочтите до ${ru(readBy).replace(/\./g, '\\.')}\\.`));
  const mine = await reception.get('/reception/reminders');
  assert.match(mine.body, /href="https:\/\/repo\.example\/section-3"[^>]*>Раздел 3 Репозитория</);
  assert.match(mine.body, /href="https:\/\/gosuslugi\.example\/help"[^>]*>https:\/\/gosuslugi\.example\/help</);
  assert.match(mine.body, new RegExp(`action="/reception/reminders/${regionNotice}/read"`));
});

test('marking read is audited and once; the coordinator sees who has not read, their municipality only', async () => {
  assert.ok(regionNotice);
  const before = await coordinator.get(`/reception/reminders/${regionNotice}`);
  assert.equal(before.statusCode, 200);
  assert.match(before.body, /Прочитали: 0 из 2/);
  assert.doesNotMatch(before.body, /Читинская/, 'another municipality’s staff are not shown to the coordinator');

  await reception.get('/reception/reminders');
  const read = await reception.post(`/reception/reminders/${regionNotice}/read`, {});
  assert.equal(read.statusCode, 303);
  assert.match((await reception.get('/reception/reminders?read=1')).body, /Отмечено: прочитано\./);
  await reception.post(`/reception/reminders/${regionNotice}/read`, {});
  assert.equal((await auditRows(t, 'reception.reading_notice.read')).length, 1);
  assert.doesNotMatch((await reception.get('/staff')).body, /Обновлены материалы/);
  assert.match((await operator.get('/staff')).body, /Обновлены материалы/);

  const after = await coordinator.get(`/reception/reminders/${regionNotice}`);
  assert.match(after.body, /Прочитали: 1 из 2/);
  assert.match(after.body, /Иванова Ольга Николаевна[\s\S]*?не прочитано/);
  assert.match(after.body, /Кузнецова Марина Викторовна[\s\S]*?Прочитано \d\d\.\d\d\.\d{4}/);
  const list = await coordinator.get('/reception/reminders');
  assert.match(list.body, /1 из 2/);
  assert.match((await region.get('/reception/reminders')).body, /1 из 3/);
});

test('a coordinator’s notice reaches their municipality only; who may', async () => {
  await coordinator.get('/reception/reminders/new');
  const ok = await coordinator.post('/reception/reminders/new', { materials: 'Стенд в школе: новый плакат', links: '', readBy: ru(today) });
  assert.equal(ok.statusCode, 303);
  assert.match(String(ok.headers.location), /\?sent=2$/);
  const chita = await staffBrowser(t, 'chita-reception');
  const chitaPage = await chita.get('/reception/reminders');
  assert.doesNotMatch(chitaPage.body, /Стенд в школе/);
  assert.match(chitaPage.body, /Раздел 3 Репозитория/);
  // Not theirs / not a supervisor / not staff who receive visitors.
  assert.equal((await operator.get('/reception/reminders/new')).statusCode, 403);
  await operator.get('/reception/reminders');
  assert.equal((await operator.post('/reception/reminders/00000000-0000-4000-8000-000000000000/read', {})).statusCode, 404);
  const officer = await staffBrowser(t, 'officer');
  assert.equal((await officer.get('/reception/reminders')).statusCode, 403);
  const coordinatorNotice = /reminders\/([0-9a-f-]{36})/.exec(String(ok.headers.location))![1]!;
  assert.match((await region.get(`/reception/reminders/${coordinatorNotice}`)).body, /Прочитали: 0 из 2/);
});
