/**
 * The desk screen over HTTP: every step a form POST, state in the visit row;
 * 1.2.2 with the operator's register form and the result coming back into the
 * visit; 1.2.1.1 with the confirm flow; reception staff and the per-employee
 * registration duty; «Назад», stale answers, cancelling; who may open what.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_PERSONS } from '../../src/simulators/data/persons.js';
import { findVisit } from '../../src/modules/reception/reception.repository.js';
import { Browser, createTestApp, type TestApp } from '../support/app.js';
import { freshPhone } from '../support/citizen.js';
import { auditRows, deskForm, onlineCitizen, runChecks, staffBrowser, staffId } from '../service-centres/support.js';

let t: TestApp;
let operator: Browser;
let reception: Browser;

before(async () => {
  t = await createTestApp({ seed: true });
  operator = await staffBrowser(t, 'operator');
  reception = await staffBrowser(t, 'reception');
});
after(async () => t.close());

const visitOf = (location: unknown) => {
  const m = /^\/reception\/visit\/([0-9a-f-]{36})$/.exec(String(location));
  assert.ok(m, String(location));
  return m[1]!;
};

/** Answers the step the page shows; returns the next page. */
async function answer(b: Browser, visitId: string, step: string, value: string) {
  const res = await b.post(`/reception/visit/${visitId}`, { step, answer: value });
  assert.equal(res.statusCode, 303, res.body.slice(0, 500));
  assert.equal(res.headers.location, `/reception/visit/${visitId}`);
  return b.get(`/reception/visit/${visitId}`);
}

test('an operator takes a visitor through 1.2.2 to a desk registration and back to the closing script', async () => {
  const desk = await operator.get('/reception/visit');
  assert.equal(desk.statusCode, 200);
  assert.match(desk.body, /Посетителю на вид меньше 55 лет\?/);
  assert.match(desk.body, /<kbd[^>]*>1<\/kbd>Да, меньше 55/);
  const started = await operator.post('/reception/visit', { step: 'age', answer: 'younger' });
  assert.equal(started.statusCode, 303);
  const id = visitOf(started.headers.location);

  let page = await operator.get(`/reception/visit/${id}`);
  assert.match(page.body, /Вы зарегистрированы на портале Госуслуг\?/);
  page = await answer(operator, id, 'account', 'no_account');
  assert.match(page.body, /Для кого сценарий\?/);
  page = await answer(operator, id, 'gender_register', 'female');
  assert.match(page.body, /Давайте прямо сейчас создадим Вашу учетную запись на портале госуслуг gosuslugi\.ru/);
  // the region's key services (the demo default for Zabaikalsky krai) fill the slot
  assert.match(page.body, /если они появятся\. Также на портале можно: записаться на приём к врачу, записать ребёнка в кружок или секцию, подать заявление на заготовку древесины для собственных нужд/);
  assert.match(page.body, /Сценарий для мужчин/, 'the other variant is at hand');
  page = await answer(operator, id, 'offer_register', 'agreed');
  assert.match(page.body, new RegExp(`href="/operator/register\\?visit=${id}"`));
  assert.equal((await findVisit(t.ctx.db, id))!.outcome, 'agreed');

  // The employee cannot claim the desk result by a button.
  const claim = await operator.post(`/reception/visit/${id}`, { step: 'register_now', answer: 'registered' });
  assert.equal(claim.statusCode, 422);

  const form = await operator.get(`/operator/register?visit=${id}`);
  assert.match(form.body, new RegExp(`name="visit" value="${id}"`));
  const person = DEMO_PERSONS[1]!;
  const res = await operator.post('/operator/register', deskForm(person, freshPhone(), { visit: id }));
  assert.equal(res.statusCode, 303, res.body.slice(0, 1000));
  assert.equal(res.headers.location, `/reception/visit/${id}?done=registered`);

  const visit = (await findVisit(t.ctx.db, id))!;
  assert.equal(visit.outcome, 'registered');
  assert.ok(visit.citizenId);
  const { rows } = await t.ctx.db.query<{ n: number }>('select count(*)::int as n from citizens where id = $1 and level = $2', [visit.citizenId, 'confirmed']);
  assert.equal(Number(rows[0]!.n), 1);
  assert.deepEqual(visit.path, ['younger', 'no_account', 'female', 'agreed', 'registered']);

  page = await operator.get(String(res.headers.location));
  assert.match(page.body, /Регистрация выполнена: учётная запись создана и сразу подтверждена/);
  assert.match(page.body, /Рекомендую Вам сегодня же проверить наличие у Вас штрафов ГИБДД/);
  assert.doesNotMatch(page.body, new RegExp(person.lastName), 'the visit shows no personal data');
  assert.doesNotMatch(page.body, /name="step" value="register_closing"[\s\S]*data-key="0"/, 'no way back past the registration');
  page = await answer(operator, id, 'register_closing', 'read');
  assert.match(page.body, /Диалог завершён/);
  assert.match(page.body, /Следующий посетитель/);
  assert.equal((await findVisit(t.ctx.db, id))!.status, 'finished');

  const audit = await auditRows(t, 'reception.visit.result', id);
  assert.equal(audit.length, 1);
  assert.equal(audit[0]!.details.result, 'registered');
  const reg = await auditRows(t, 'staff.citizen.register', visit.citizenId!);
  assert.equal(reg[0]!.details.visitId, id);
});

test('1.2.1.1: the operator confirms an online account from the visit; the congratulation follows', async () => {
  const person = DEMO_PERSONS[2]!;
  const citizen = await onlineCitizen(t, person);
  await runChecks(t, citizen.id);
  await operator.get('/reception/visit');
  const id = visitOf((await operator.post('/reception/visit', { step: 'age', answer: 'younger' })).headers.location);
  await answer(operator, id, 'account', 'unconfirmed_account');
  let page = await answer(operator, id, 'gender_confirm', 'male');
  assert.match(page.body, /Давайте прямо сейчас подтвердим Вашу учетную запись, и Вы сможете использовать все возможности порталов/);
  page = await answer(operator, id, 'offer_confirm', 'agreed');
  assert.match(page.body, new RegExp(`href="/operator\\?visit=${id}"`));

  const home = await operator.get(`/operator?visit=${id}`);
  assert.match(home.body, new RegExp(`name="visit" value="${id}"`));
  const found = await operator.post('/operator/search', { kind: 'snils', snils: person.snils, visit: id });
  assert.match(found.body, new RegExp(`/operator/citizens/${citizen.id}\\?visit=${id}`));
  const card = await operator.get(`/operator/citizens/${citizen.id}?visit=${id}`);
  assert.match(card.body, new RegExp(`/operator/citizens/${citizen.id}/confirm\\?visit=${id}`));
  const confirmForm = await operator.get(`/operator/citizens/${citizen.id}/confirm?visit=${id}`);
  assert.match(confirmForm.body, new RegExp(`name="visit" value="${id}"`));
  // a wrong passport keeps the visit in the form
  const wrong = await operator.post(`/operator/citizens/${citizen.id}/confirm`, { passportSeries: person.passport.series, passportNumber: '000001', visit: id });
  assert.equal(wrong.statusCode, 422);
  assert.match(wrong.body, new RegExp(`name="visit" value="${id}"`));
  const ok = await operator.post(`/operator/citizens/${citizen.id}/confirm`, { passportSeries: person.passport.series, passportNumber: person.passport.number, visit: id });
  assert.equal(ok.statusCode, 303, ok.body.slice(0, 500));
  assert.equal(ok.headers.location, `/reception/visit/${id}?done=confirmed`);
  const visit = (await findVisit(t.ctx.db, id))!;
  assert.equal(visit.outcome, 'confirmed');
  assert.equal(visit.citizenId, citizen.id);
  page = await operator.get(String(ok.headers.location));
  assert.match(page.body, /Поздравляю, теперь Вам доступны все возможности Портала Госуслуг!/);
});

test('reception staff: 1.2.3 unless their duties include registration; then 1.2.2 with a declared result', async () => {
  await reception.get('/reception/visit');
  let id = visitOf((await reception.post('/reception/visit', { step: 'age', answer: 'younger' })).headers.location);
  let page = await answer(reception, id, 'account', 'no_account');
  assert.match(page.body, /Рекомендую Вам зарегистрироваться на портале госуслуг gosuslugi\.ru/);
  assert.equal((await findVisit(t.ctx.db, id))!.outcome, 'informed');
  // 1.2.1.1 for someone who does not confirm: straight to the Б script
  const id2 = visitOf((await reception.post('/reception/visit', { step: 'age', answer: 'younger' })).headers.location);
  page = await answer(reception, id2, 'account', 'unconfirmed_account');
  assert.match(page.body, /Часть госуслуг Вы сможете получить уже сегодня/);

  // The coordinator records that registration is among this employee's duties.
  const coordinator = await staffBrowser(t, 'coordinator');
  const receptionId = await staffId(t, 'reception');
  const list = await coordinator.get('/reception/staff');
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /Кузнецова Марина Викторовна/);
  await coordinator.get(`/reception/staff/${receptionId}`);
  const saved = await coordinator.post(`/reception/staff/${receptionId}`, { registersInEsia: 'on', receivesDocuments: 'on', registeredOnPortal: 'yes' });
  assert.equal(saved.statusCode, 303);
  const profile = await coordinator.get(`/reception/staff/${receptionId}`);
  assert.match(profile.body, /давать консультации о регистрации и повышении уровня учётной записи на ЕПГУ/, '4.1.3 competencies for a document receiver');

  await reception.get('/reception/visit');
  id = visitOf((await reception.post('/reception/visit', { step: 'age', answer: 'younger' })).headers.location);
  await answer(reception, id, 'account', 'no_account');
  await answer(reception, id, 'gender_register', 'male');
  page = await answer(reception, id, 'offer_register', 'agreed');
  assert.doesNotMatch(page.body, /\/operator\/register/);
  assert.match(page.body, /Регистрация выполнена/);
  page = await answer(reception, id, 'register_now', 'registered');
  assert.match(page.body, /Рекомендую Вам сегодня же проверить/);
  const visit = (await findVisit(t.ctx.db, id))!;
  assert.equal(visit.outcome, 'registered');
  assert.equal(visit.citizenId, null);
  assert.equal(visit.registerVia, 'declared');
});

test('back, stale answers, the 55+ visitor and cancelling', async () => {
  await reception.get('/reception/visit');
  const older = visitOf((await reception.post('/reception/visit', { step: 'age', answer: 'older' })).headers.location);
  const o = (await findVisit(t.ctx.db, older))!;
  assert.equal(o.outcome, 'consulted');
  assert.equal(o.status, 'finished');

  const id = visitOf((await reception.post('/reception/visit', { step: 'age', answer: 'younger' })).headers.location);
  await answer(reception, id, 'account', 'confirmed_account');
  const back = await reception.post(`/reception/visit/${id}/back`, { step: 'remind' });
  assert.equal(back.statusCode, 303);
  assert.deepEqual((await findVisit(t.ctx.db, id))!.path, ['younger']);
  // a second click of the old page's button changes nothing
  assert.equal((await reception.post(`/reception/visit/${id}/back`, { step: 'remind' })).statusCode, 303);
  assert.deepEqual((await findVisit(t.ctx.db, id))!.path, ['younger']);
  assert.equal((await reception.post(`/reception/visit/${id}`, { step: 'remind', answer: 'read' })).statusCode, 303);
  assert.deepEqual((await findVisit(t.ctx.db, id))!.path, ['younger']);
  const bad = await reception.post(`/reception/visit/${id}`, { step: 'account', answer: 'agreed' });
  assert.equal(bad.statusCode, 422);
  assert.match(bad.body, /Этот ответ не подходит к текущему шагу/);

  await reception.get(`/reception/visit/${id}`);
  const cancel = await reception.post(`/reception/visit/${id}/cancel`, {});
  assert.equal(cancel.statusCode, 303);
  assert.equal((await findVisit(t.ctx.db, id))!.status, 'cancelled');
});

test('who may open what', async () => {
  await operator.get('/reception/visit');
  const id = visitOf((await operator.post('/reception/visit', { step: 'age', answer: 'younger' })).headers.location);
  assert.equal((await reception.get(`/reception/visit/${id}`)).statusCode, 403, 'another employee’s visit');
  assert.equal((await reception.post(`/reception/visit/${id}`, { step: 'account', answer: 'no_account' })).statusCode, 403);
  const coordinator = await staffBrowser(t, 'coordinator');
  assert.equal((await coordinator.get('/reception/visit')).statusCode, 403);
  assert.equal((await coordinator.post('/reception/visit', { step: 'age', answer: 'younger' })).statusCode, 403);
  assert.equal((await coordinator.get('/reception/settings')).statusCode, 403);
  assert.equal((await reception.get('/reception/staff')).statusCode, 303, 'staff see their own profile');
  const operatorId = await staffId(t, 'operator');
  assert.equal((await reception.get(`/reception/staff/${operatorId}`)).statusCode, 403);
  assert.equal((await reception.post(`/reception/staff/${await staffId(t, 'reception')}`, { registersInEsia: 'on' })).statusCode, 403, 'no one sets their own duties');
  assert.equal((await new Browser(t.app).get('/reception/visit')).statusCode, 303, 'signed out: to the sign-in page');
});

test('the regional administrator sets the threshold and the key services; new visits use them', async () => {
  const region = await staffBrowser(t, 'region');
  const page = await region.get('/reception/settings');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /значения по умолчанию/);
  const bad = await region.post('/reception/settings', { threshold: '7', keyServices: 'записаться к врачу' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Укажите целое число лет от 18 до 100/);
  assert.match(bad.body, /записаться к врачу<\/textarea>/, 'what was typed stays');
  const ok = await region.post('/reception/settings', { threshold: '60', keyServices: 'записаться к врачу\n\n  оплатить детский сад  ' });
  assert.equal(ok.statusCode, 303);
  const after = await region.get('/reception/settings?saved=1');
  assert.match(after.body, /Также на портале можно: записаться к врачу, оплатить детский сад\./);
  assert.equal((await auditRows(t, 'reception.settings.update')).length, 1);

  const desk = await reception.get('/reception/visit');
  assert.match(desk.body, /Посетителю на вид меньше 60 лет\?/);
  const id = visitOf((await reception.post('/reception/visit', { step: 'age', answer: 'younger' })).headers.location);
  assert.equal((await findVisit(t.ctx.db, id))!.ageThreshold, 60);
  const p = await answer(reception, id, 'account', 'confirmed_account');
  assert.match(p.body, /Кстати, загранпаспорт также можно оформить на портале\. Также на портале можно: записаться к врачу, оплатить детский сад\./);
});

test('the desk in English: instructions, buttons and the script translated', async () => {
  await reception.get('/reception/visit');
  const id = visitOf((await reception.post('/reception/visit', { step: 'age', answer: 'younger' })).headers.location);
  await reception.post(`/reception/visit/${id}`, { step: 'account', answer: 'confirmed_account' });
  const page = await reception.get(`/reception/visit/${id}?lang=en`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /The account is confirmed: remind them what the portal offers\./);
  assert.match(page.body, /Let me remind you that on the portal you can pay traffic fines/);
  assert.match(page.body, /<kbd[^>]*>1<\/kbd>Read out/);
  assert.match(page.body, /<html lang="en"/);
});
