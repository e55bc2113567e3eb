/**
 * Attestation sessions over HTTP: the coordinator schedules one for the
 * municipality's staff (errors next to the fields, values kept), a summoned
 * employee takes it once inside its window with a time limit, results are
 * kept per employee and session and shown to the organiser; audited; who may.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { regionToday } from '../../src/modules/outreach/materials/materials.repository.js';
import { addDays } from '../../src/modules/outreach/deadlines/calendar-date.js';
import { createTestApp, type Browser, type TestApp } from '../support/app.js';
import { auditRows, staffBrowser, staffId } from '../service-centres/support.js';

let t: TestApp;
let coordinator: Browser;
let reception: Browser;
let operator: Browser;
let region: Browser;
let today = '';
const ru = (iso: string) => iso.split('-').reverse().join('.');

before(async () => {
  t = await createTestApp({ seed: true });
  coordinator = await staffBrowser(t, 'coordinator');
  reception = await staffBrowser(t, 'reception');
  operator = await staffBrowser(t, 'operator');
  region = await staffBrowser(t, 'region');
  const regionId = (await t.ctx.db.query<{ id: string }>("select id from regions where key = 'zabaikalsky-krai'")).rows[0]!.id;
  today = await regionToday(t.ctx.db, regionId);
});
after(async () => t.close());

/** Posts a form with repeated fields (the employees' checkboxes). */
async function postPairs(b: Browser, url: string, pairs: Array<[string, string]>) {
  const body = new URLSearchParams([['_csrf', b.csrf], ...pairs]).toString();
  const cookie = [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return t.app.inject({ method: 'POST', url, payload: body, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' } });
}

const form = (over: Record<string, string>, staff: string[]): Array<[string, string]> => [
  ...Object.entries({ title: 'Аттестация специалистов приёма', opensOn: ru(today), closesOn: '', minutes: '15', questionCount: '5', passPercent: '80', ...over }),
  ...staff.map((s): [string, string] => ['staff', s]),
];

let sessionId = '';

test('the coordinator schedules: the form offers the municipality’s staff; bad input comes back in Russian, as typed', async () => {
  const list = await coordinator.get('/reception/attestations');
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /Аттестаций ещё не назначали/);
  const page = await coordinator.get('/reception/attestations/new');
  assert.equal(page.statusCode, 200);
  const receptionId = await staffId(t, 'reception');
  const operatorId = await staffId(t, 'operator');
  assert.match(page.body, new RegExp(`name="staff" value="${receptionId}" checked`));
  assert.match(page.body, new RegExp(`name="staff" value="${operatorId}" checked`));
  assert.match(page.body, new RegExp(`name="opensOn"[^>]*value="${ru(today)}"`));

  const bad = await postPairs(coordinator, '/reception/attestations/new', form({ opensOn: '31.02.2026', minutes: '500', title: 'Про' }, []));
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Укажите первый день в формате дд\.мм\.гггг/);
  assert.match(bad.body, /Время на ответы — от 5 до 120 минут/);
  assert.match(bad.body, /Отметьте хотя бы одного сотрудника из списка/);
  assert.match(bad.body, /name="minutes"[^>]*value="500"/);
  assert.match(bad.body, /name="title"[^>]*value="Про"/);
  const past = await postPairs(coordinator, '/reception/attestations/new', form({ opensOn: ru(addDays(today, -1)), closesOn: ru(addDays(today, -3)) }, [receptionId]));
  assert.equal(past.statusCode, 400);
  assert.match(past.body, /Первый день — не раньше сегодняшнего/);
  // An employee of another municipality cannot be slipped in.
  const foreign = await postPairs(coordinator, '/reception/attestations/new', form({}, [await staffId(t, 'region')]));
  assert.equal(foreign.statusCode, 400);

  const ok = await postPairs(coordinator, '/reception/attestations/new', form({ closesOn: ru(addDays(today, 2)) }, [receptionId]));
  assert.equal(ok.statusCode, 303);
  sessionId = /\/reception\/attestations\/([0-9a-f-]{36})\?created=1$/.exec(String(ok.headers.location))![1]!;
  const audit = await auditRows(t, 'reception.attestation.create');
  assert.equal(audit.length, 1);
  const results = await coordinator.get(String(ok.headers.location));
  assert.match(results.body, /Аттестация назначена/);
  assert.match(results.body, /5 вопросов, 15 мин\., проходной балл 80% \(4 из 5\)/);
  assert.match(results.body, /Кузнецова Марина Викторовна/);
  assert.match(results.body, />можно пройти</);
});

test('the employee takes it once: questions from the bank, scored, kept; a second attempt is refused', async () => {
  assert.ok(sessionId);
  const mine = await reception.get('/reception/attestations');
  assert.match(mine.body, /Аттестация специалистов приёма/);
  assert.match(mine.body, />можно пройти</);
  const page = await reception.get(`/reception/attestations/${sessionId}`);
  assert.match(page.body, /Попытка одна\. После начала на ответы будет 15 мин\./);
  assert.equal((await reception.post(`/reception/attestations/${sessionId}/start`, {})).statusCode, 303);
  const test1 = await reception.get(`/reception/attestations/${sessionId}`);
  assert.match(test1.body, /Вопрос 1 из 5/);
  assert.match(test1.body, /Вопрос 5 из 5/);
  const receptionId = await staffId(t, 'reception');
  const row = (await t.ctx.db.query<{ questions: Array<{ question: string; options: string[]; correct: number }> }>('select questions from reception_attestation_results where attestation_id = $1 and staff_user_id = $2', [sessionId, receptionId])).rows[0]!;
  assert.equal(row.questions.length, 5);
  assert.equal(new Set(row.questions.map((q) => q.question)).size, 5, 'five different questions');
  // Four right, the last one wrong: 4 of 5 = 80 % → passed.
  const answers: Record<string, string> = {};
  row.questions.forEach((q, i) => (answers[`q${i}`] = String(i < 4 ? q.correct : (q.correct + 1) % q.options.length)));
  // A second start is refused while the first is on.
  const again = await reception.post(`/reception/attestations/${sessionId}/start`, {});
  assert.equal(again.statusCode, 409);
  await reception.get(`/reception/attestations/${sessionId}`);
  assert.equal((await reception.post(`/reception/attestations/${sessionId}/answers`, answers)).statusCode, 303);
  const result = await reception.get(`/reception/attestations/${sessionId}`);
  assert.match(result.body, /Верных ответов: 4 из 5/);
  assert.match(result.body, />сдана</);
  // Nothing changes afterwards: not the answers, not a new start.
  await reception.post(`/reception/attestations/${sessionId}/answers`, { q0: '9', q1: '9', q2: '9', q3: '9', q4: '9' });
  const stored = (await t.ctx.db.query<{ score: number }>('select score from reception_attestation_results where attestation_id = $1 and staff_user_id = $2', [sessionId, receptionId])).rows[0]!;
  assert.equal(Number(stored.score), 4);
  assert.equal((await reception.post(`/reception/attestations/${sessionId}/start`, {})).statusCode, 409);
  assert.equal((await auditRows(t, 'reception.attestation.start')).length, 1);
  const finish = await auditRows(t, 'reception.attestation.finish');
  assert.equal(finish.length, 1);

  // The organiser's table.
  const table = await coordinator.get(`/reception/attestations/${sessionId}`);
  assert.match(table.body, /<caption[^>]*>Результаты аттестации<\/caption>/);
  assert.match(table.body, />сдана</);
  assert.match(table.body, /4 \/ 5/);
  const list = await coordinator.get('/reception/attestations');
  assert.match(list.body, /Аттестация специалистов приёма/);

  // Not summoned: the operator does not see it.
  assert.equal((await operator.get(`/reception/attestations/${sessionId}`)).statusCode, 404);
  assert.match((await operator.get('/reception/attestations')).body, /Вас пока не назначали на аттестацию/);
});

test('the window and the time limit: not before the first day; answers after the deadline do not count', async () => {
  const receptionId = await staffId(t, 'reception');
  await coordinator.get('/reception/attestations/new');
  const later = await postPairs(coordinator, '/reception/attestations/new', form({ title: 'Аттестация завтра', opensOn: ru(addDays(today, 1)) }, [receptionId]));
  assert.equal(later.statusCode, 303);
  const laterId = /attestations\/([0-9a-f-]{36})/.exec(String(later.headers.location))![1]!;
  const page = await reception.get(`/reception/attestations/${laterId}`);
  assert.match(page.body, />ещё не началась</);
  const refused = await reception.post(`/reception/attestations/${laterId}/start`, {});
  assert.equal(refused.statusCode, 409);
  assert.match(refused.body, new RegExp(`Аттестацию можно пройти с ${ru(addDays(today, 1)).replace(/\./g, '\\.')}`));

  await coordinator.get('/reception/attestations/new');
  const timed = await postPairs(coordinator, '/reception/attestations/new', form({ title: 'Аттестация на время', minutes: '5' }, [receptionId]));
  const timedId = /attestations\/([0-9a-f-]{36})/.exec(String(timed.headers.location))![1]!;
  await reception.get(`/reception/attestations/${timedId}`);
  assert.equal((await reception.post(`/reception/attestations/${timedId}/start`, {})).statusCode, 303);
  // The time allowed has run out (plus the grace): the answers count for nothing.
  await t.ctx.db.query("update reception_attestation_results set deadline_at = now() - interval '2 minutes' where attestation_id = $1", [timedId]);
  const expiredPage = await reception.get(`/reception/attestations/${timedId}`);
  assert.match(expiredPage.body, />время вышло</);
  const row = (await t.ctx.db.query<{ questions: Array<{ correct: number }> }>('select questions from reception_attestation_results where attestation_id = $1', [timedId])).rows[0]!;
  const answers = Object.fromEntries(row.questions.map((q, i) => [`q${i}`, String(q.correct)]));
  await reception.post(`/reception/attestations/${timedId}/answers`, answers);
  const stored = (await t.ctx.db.query<{ score: number | null; expired: boolean }>('select score, expired from reception_attestation_results where attestation_id = $1', [timedId])).rows[0]!;
  assert.equal(stored.score, null);
  assert.equal(stored.expired, true);
  assert.match((await coordinator.get(`/reception/attestations/${timedId}`)).body, />время вышло</);
});

test('who may: the region schedules for the region and sees every session; a coordinator not the region’s; staff cannot schedule', async () => {
  await region.get('/reception/attestations/new');
  const chitaStaff = await region.get('/reception/attestations/new');
  assert.match(chitaStaff.body, /Калганский/);
  const ok = await postPairs(region, '/reception/attestations/new', form({ title: 'Региональная аттестация' }, [await staffId(t, 'operator')]));
  assert.equal(ok.statusCode, 303);
  const regionalId = /attestations\/([0-9a-f-]{36})/.exec(String(ok.headers.location))![1]!;
  const list = await region.get('/reception/attestations');
  assert.match(list.body, /Аттестация специалистов приёма/);
  assert.match(list.body, /Региональная аттестация/);
  assert.equal((await coordinator.get(`/reception/attestations/${regionalId}`)).statusCode, 403);
  assert.doesNotMatch((await coordinator.get('/reception/attestations')).body, /Региональная аттестация/);
  assert.equal((await reception.get('/reception/attestations/new')).statusCode, 403);
  const officer = await staffBrowser(t, 'officer');
  assert.equal((await officer.get('/reception/attestations')).statusCode, 403);
  // The summoned operator sees the regional session.
  assert.match((await operator.get('/reception/attestations')).body, /Региональная аттестация/);
});
