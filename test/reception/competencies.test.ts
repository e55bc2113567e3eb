/**
 * Competencies over HTTP: the profile of seed 004 per employee, the region's
 * question bank (seeded default, edited by the regional administrator), the
 * timed self-test with results kept per employee, and who may do what.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { findAttempt } from '../../src/modules/reception/competencies/self-test.js';
import { DEFAULT_QUESTIONS } from '../../src/modules/reception/competencies/default-questions.js';
import { Browser, createTestApp, type TestApp } from '../support/app.js';
import { auditRows, staffBrowser, staffId } from '../service-centres/support.js';

let t: TestApp;
let region: Browser;
let reception: Browser;

before(async () => {
  t = await createTestApp({ seed: true });
  region = await staffBrowser(t, 'region');
  reception = await staffBrowser(t, 'reception');
});
after(async () => t.close());

test('the region’s bank starts as the shipped default; the regional administrator adds and withdraws questions', async () => {
  const list = await region.get('/reception/questions');
  assert.equal(list.statusCode, 200);
  assert.match(list.body, new RegExp(`Вопросы: ${DEFAULT_QUESTIONS.length}`));
  assert.match(list.body, /Какую скидку получает гражданин, оплачивая штраф ГИБДД/);

  await region.get('/reception/questions/new');
  const bad = await region.post('/reception/questions/new', { topic: 'region', question: 'Можно ли через портал записаться к врачу?', option0: 'Да', option1: '', correct: '0' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Заполните хотя бы два варианта ответа/);
  assert.match(bad.body, /Можно ли через портал записаться к врачу\?<\/textarea>/);
  const ok = await region.post('/reception/questions/new', { topic: 'region', question: 'Можно ли через портал записаться к врачу?', option0: 'Да', option1: 'Нет', correct: '0', active: 'on' });
  assert.equal(ok.statusCode, 303);
  const after = await region.get('/reception/questions');
  assert.match(after.body, new RegExp(`Вопросы: ${DEFAULT_QUESTIONS.length + 1}`));

  // Withdraw every question but the new one: the next self-test asks only it.
  const ids = [...after.body.matchAll(/href="\/reception\/questions\/([0-9a-f-]{36})">([^<]+)</g)];
  for (const [, id, text] of ids) {
    if (text!.startsWith('Можно ли через портал')) continue;
    const page = await region.get(`/reception/questions/${id}`);
    const topic = /<option value="(\w+)" selected/.exec(page.body)![1]!;
    const options = [...page.body.matchAll(/name="option(\d)"[^>]*value="([^"]*)"/g)].map((m) => [Number(m[1]), m[2]!] as const);
    const form: Record<string, string> = { topic, question: /<textarea[^>]*name="question"[^>]*>([^<]*)</.exec(page.body)![1]!, correct: /name="correct" value="(\d)" checked/.exec(page.body)?.[1] ?? '0' };
    for (const [i, v] of options) form[`option${i}`] = v.replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    const res = await region.post(`/reception/questions/${id}`, form); // no `active`: withdrawn
    assert.equal(res.statusCode, 303, res.body.slice(0, 400));
  }
  assert.equal((await auditRows(t, 'reception.question.update')).length, DEFAULT_QUESTIONS.length);

  await reception.get('/reception/self-test');
  const started = await reception.post('/reception/self-test', {});
  assert.equal(started.statusCode, 303);
  const attemptId = /\/reception\/self-test\/([0-9a-f-]{36})$/.exec(String(started.headers.location))![1]!;
  const page = await reception.get(`/reception/self-test/${attemptId}`);
  assert.match(page.body, /Вопрос 1 из 1/);
  assert.match(page.body, /Можно ли через портал записаться к врачу\?/);
  const done = await reception.post(`/reception/self-test/${attemptId}`, { q0: '0' });
  assert.equal(done.statusCode, 303);
  const result = await reception.get(`/reception/self-test/${attemptId}`);
  assert.match(result.body, /Верных ответов: 1 из 1/);
  assert.match(result.body, />зачтено</);
  const a = (await findAttempt(t.ctx.db, attemptId))!;
  assert.equal(a.score, 1);
  // a second submission changes nothing
  await reception.post(`/reception/self-test/${attemptId}`, { q0: '1' });
  assert.equal((await findAttempt(t.ctx.db, attemptId))!.score, 1);
});

test('a self-test answered after the time allowed is kept, not counted', async () => {
  await reception.get('/reception/self-test');
  const started = await reception.post('/reception/self-test', {});
  const attemptId = /\/reception\/self-test\/([0-9a-f-]{36})$/.exec(String(started.headers.location))![1]!;
  await t.ctx.db.query("update reception_test_attempts set deadline_at = now() - interval '5 minutes' where id = $1", [attemptId]);
  await reception.get(`/reception/self-test/${attemptId}`);
  await reception.post(`/reception/self-test/${attemptId}`, { q0: '0' });
  const a = (await findAttempt(t.ctx.db, attemptId))!;
  assert.equal(a.expired, true);
  assert.equal(a.score, null);
  const page = await reception.get(`/reception/self-test/${attemptId}`);
  assert.match(page.body, /результат не засчитан/);
});

test('the competency profile: 4.1.2 for everyone, 4.1.3 for document receivers and operators who register; results per employee', async () => {
  const receptionId = await staffId(t, 'reception');
  const own = await reception.get(`/reception/staff/${receptionId}`);
  assert.equal(own.statusCode, 200);
  assert.match(own.body, /обладать навыками работы на ЕПГУ и РПГУ/);
  assert.doesNotMatch(own.body, /в установленных случаях осуществлять регистрацию пользователей на РПГУ/);
  assert.match(own.body, />зачтено</, 'the employee sees their self-test results');
  assert.doesNotMatch(own.body, /name="receivesDocuments"/, 'no one edits their own duties');

  const operator = await staffBrowser(t, 'operator');
  const op = await operator.get(`/reception/staff/${await staffId(t, 'operator')}`);
  assert.match(op.body, /в установленных случаях осуществлять регистрацию пользователей на РПГУ/);
  assert.match(op.body, /да, в центре обслуживания/);

  const coordinator = await staffBrowser(t, 'coordinator');
  const seen = await coordinator.get(`/reception/staff/${receptionId}`);
  assert.match(seen.body, />зачтено</, 'the coordinator sees the results');
  assert.match(seen.body, /name="receivesDocuments"/);
});

test('who may do what', async () => {
  const coordinator = await staffBrowser(t, 'coordinator');
  assert.equal((await coordinator.get('/reception/questions')).statusCode, 403);
  assert.equal((await coordinator.get('/reception/self-test')).statusCode, 403);
  assert.equal((await reception.get('/reception/questions')).statusCode, 403);
  const operator = await staffBrowser(t, 'operator');
  await operator.get('/reception/self-test');
  const started = await operator.post('/reception/self-test', {});
  const attempt = String(started.headers.location);
  assert.equal((await reception.get(attempt)).statusCode, 404, 'another employee’s self-test');
});
