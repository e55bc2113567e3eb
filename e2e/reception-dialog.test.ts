/**
 * The demo operator serves a visitor with the informing dialog of seed 004:
 * 1.1 → 1.2 «не зарегистрирован» → 1.2.2 (women's script) → agreed → the
 * operator's registration form with the visit linked → back at the visit's
 * closing script (1.2.2 А) → done. Keyboard shortcuts and the no-reload
 * answers of reception-dialog.js on the way; axe on every page; the desk fits
 * a 360 px phone.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { DEMO_PERSONS } from '../src/simulators/data/persons.js';
import { expectNoAxeViolations, expectNoHorizontalScroll, launchBrowser, startServer, type RunningServer } from './support/browser.js';

let server: RunningServer;
let browser: Browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const person = DEMO_PERSONS[0]!;
const ru = (iso: string) => iso.split('-').reverse().join('.');

test('an operator takes a visitor through 1.2.2 to a registration and back to the closing script', { timeout: 120_000 }, async () => {
  const base = server.baseUrl;
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${base}/staff/login`);
  await page.getByLabel('Логин').fill('operator');
  await page.getByLabel('Пароль').fill('uslugi-demo-2026');
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.waitForURL(/\/staff/);

  await page.goto(`${base}/reception/visit`);
  await page.getByRole('heading', { level: 1, name: /Посетителю на вид меньше 55 лет/ }).waitFor();
  await expectNoAxeViolations(page, 'desk: new visitor (1.1)');

  // «1» — younger than 55: the visit is created without a page reload.
  await page.keyboard.press('1');
  await page.getByRole('heading', { level: 1, name: /Вы зарегистрированы на портале Госуслуг/ }).waitFor();
  assert.match(page.url(), /\/reception\/visit\/[0-9a-f-]{36}$/);
  await expectNoAxeViolations(page, 'desk: 1.2 registered?');

  // «3» — not registered; this operator's centre registers: 1.2.2.
  await page.keyboard.press('3');
  await page.getByRole('heading', { level: 1, name: /предложите зарегистрироваться сейчас/ }).waitFor();
  await expectNoAxeViolations(page, 'desk: whose script');
  await page.getByRole('button', { name: /Женщина/ }).click();
  await page.getByText(/Давайте прямо сейчас создадим Вашу учетную запись на портале госуслуг/).waitFor();
  await expectNoAxeViolations(page, 'desk: 1.2.2 script for women');

  // «Назад» and forward again.
  await page.keyboard.press('0');
  await page.getByRole('heading', { level: 1, name: /предложите зарегистрироваться сейчас/ }).waitFor();
  await page.keyboard.press('2');
  await page.getByText(/Давайте прямо сейчас создадим Вашу учетную запись/).waitFor();
  await page.getByRole('button', { name: /Согласился/ }).click();
  await page.getByRole('link', { name: /Открыть форму регистрации/ }).waitFor();
  await expectNoAxeViolations(page, 'desk: register now');
  const visitUrl = page.url();

  await page.getByRole('link', { name: /Открыть форму регистрации/ }).click();
  await page.waitForURL(/\/operator\/register\?visit=/);
  await expectNoAxeViolations(page, 'desk registration from the visit');
  await page.getByLabel('Фамилия').fill(person.lastName);
  await page.getByLabel('Имя', { exact: true }).fill(person.firstName);
  if (person.middleName) await page.getByLabel('Отчество').fill(person.middleName);
  await page.getByLabel(person.gender === 'male' ? 'Мужской' : 'Женский').check();
  await page.getByLabel('Дата рождения').fill(ru(person.birthDate));
  await page.getByLabel('Место рождения').fill(person.birthPlace);
  await page.getByLabel('Мобильный телефон').fill('+79145550303');
  await page.getByLabel('Серия').fill(person.passport.series);
  await page.getByLabel('Номер', { exact: true }).fill(person.passport.number);
  await page.getByLabel('Дата выдачи').fill(ru(person.passport.issueDate));
  await page.getByLabel('Код подразделения').fill(person.passport.issuerCode);
  await page.getByLabel('Кем выдан').fill(person.passport.issuedBy);
  await page.getByLabel('Номер СНИЛС').fill(person.snils);
  await page.getByLabel('Адрес регистрации').fill('Забайкальский край, с. Калга, ул. Школьная, д. 5');
  await page.getByLabel('Адрес места жительства совпадает с адресом регистрации').check();
  await page.getByRole('button', { name: 'Зарегистрировать и отправить пароль' }).click();

  // Back in the visit, at the closing script of 1.2.2 А.
  await page.waitForURL((url) => url.href.startsWith(visitUrl) && url.search.includes('done=registered'));
  await page.getByText(/Регистрация выполнена: учётная запись создана и сразу подтверждена/).waitFor();
  await page.getByText(/Рекомендую Вам сегодня же проверить наличие у Вас штрафов ГИБДД/).waitFor();
  assert.equal(await page.getByText(person.lastName).count(), 0, 'no personal data on the visit');
  await expectNoAxeViolations(page, 'desk: closing script after registration');
  await page.keyboard.press('1');
  await page.getByRole('heading', { level: 1, name: 'Диалог завершён.' }).waitFor();
  await page.getByText('Зарегистрирован', { exact: true }).first().waitFor();
  await expectNoAxeViolations(page, 'desk: dialog finished');

  const { rows } = await server.ctx.db.query<{ outcome: string; citizen_id: string | null; status: string }>('select outcome, citizen_id, status from reception_visits');
  assert.equal(rows.length, 1);
  assert.equal(rows[0]!.outcome, 'registered');
  assert.equal(rows[0]!.status, 'finished');
  assert.ok(rows[0]!.citizen_id);

  // The figures count it.
  await page.goto(`${base}/reception/figures`);
  await expectNoAxeViolations(page, 'reception figures');
  assert.match((await page.locator('table').innerText()).replace(/\s+/g, ' '), /Иванова Ольга Николаевна .* 1 1 1 1 1 0 100/);

  // On a 360 px phone the desk fits.
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`${base}/reception/visit`);
  await expectNoHorizontalScroll(page, 'desk on a phone');
  await expectNoAxeViolations(page, 'desk on a phone');
});

test('a reception employee takes the self-test; the region’s reception pages pass axe', { timeout: 120_000 }, async () => {
  const base = server.baseUrl;
  const staff = await (await browser.newContext()).newPage();
  await staff.goto(`${base}/staff/login`);
  await staff.getByLabel('Логин').fill('reception');
  await staff.getByLabel('Пароль').fill('uslugi-demo-2026');
  await staff.getByRole('button', { name: 'Войти' }).click();
  await staff.waitForURL(/\/staff/);
  await staff.goto(`${base}/reception/visit`);
  await expectNoAxeViolations(staff, 'reception desk');
  await staff.goto(`${base}/reception/self-test`);
  await expectNoAxeViolations(staff, 'self-test home');
  await staff.getByRole('button', { name: 'Начать самопроверку' }).click();
  await staff.getByText('Вопрос 1 из 10').waitFor();
  await expectNoAxeViolations(staff, 'self-test questions');
  // answer every question with its first option
  for (let i = 0; i < 10; i++) await staff.locator(`input[name="q${i}"]`).first().check();
  await staff.getByRole('button', { name: 'Завершить и узнать результат' }).click();
  await staff.getByRole('heading', { level: 1, name: 'Результат самопроверки' }).waitFor();
  await staff.getByText(/Верных ответов: \d+ из 10/).waitFor();
  await expectNoAxeViolations(staff, 'self-test result');
  await staff.getByRole('link', { name: 'Мой профиль' }).click();
  await staff.getByRole('heading', { level: 2, name: 'Результаты' }).waitFor();
  await expectNoAxeViolations(staff, 'own competency profile');

  const admin = await (await browser.newContext()).newPage();
  await admin.goto(`${base}/staff/login`);
  await admin.getByLabel('Логин').fill('region');
  await admin.getByLabel('Пароль').fill('uslugi-demo-2026');
  await admin.getByRole('button', { name: 'Войти' }).click();
  await admin.waitForURL(/\/staff/);
  for (const [path, label] of [
    ['/reception/settings', 'reception settings'],
    ['/reception/staff', 'reception staff'],
    ['/reception/questions', 'question bank'],
    ['/reception/questions/new', 'new question'],
    ['/reception/figures?by=staff', 'figures by employee'],
  ] as const) {
    await admin.goto(`${base}${path}`);
    await expectNoAxeViolations(admin, label);
  }
  await admin.getByRole('link', { name: 'Вопросы самопроверки' }).click();
  await admin.getByRole('link', { name: 'Добавить вопрос' }).click();
  await admin.getByRole('button', { name: 'Сохранить' }).click();
  await admin.getByText('Напишите вопрос: от 5 до 500 знаков').first().waitFor();
  await expectNoAxeViolations(admin, 'new question with errors');
});
