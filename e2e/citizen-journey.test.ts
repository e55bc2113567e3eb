/**
 * The portal's whole journey in Chromium, as a newcomer does it from the README:
 * register (SMS code from the simulator) → simplified → personal data → the
 * registry checks run by the worker → standard → find an activation point →
 * an operator in another window confirms the identity → the cabinet shows the
 * confirmed badge. axe on every page visited.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PERSONS } from '../src/simulators/data/persons.js';
import { expectNoAxeViolations, launchBrowser, startServer, type RunningServer } from './support/browser.js';

let server: RunningServer;
let browser: Browser;
before(async () => {
  server = await startServer({ work: true });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const person = DEMO_PERSONS[2]!;
const phone = '+79145550101';
const PASSWORD = 'тёплый ветер над рекой';

async function waitForSms(to: string, since: number): Promise<string> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const m = server.ctx.simulators!.sms.messages().find((x) => x.to === to && x.receivedAt.getTime() >= since);
    if (m) return m.text;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no SMS to ${to}`);
}

const ru = (iso: string) => iso.split('-').reverse().join('.');

test('a newcomer registers, reaches standard through the checks, and is confirmed by an operator', { timeout: 180_000 }, async () => {
  const citizen: Page = await (await browser.newContext()).newPage();
  const base = server.baseUrl;

  // Step 1: simplified account.
  await citizen.goto(`${base}/`);
  await citizen.getByRole('link', { name: 'Зарегистрироваться' }).first().click();
  await expectNoAxeViolations(citizen, 'registration');
  await citizen.getByLabel('Фамилия').fill(person.lastName);
  await citizen.getByLabel('Имя', { exact: true }).fill(person.firstName);
  await citizen.getByLabel('Мобильный телефон').fill('8 914 555-01-01');
  const sentAt = Date.now();
  await citizen.getByRole('button', { name: 'Зарегистрироваться' }).click();
  await citizen.waitForURL(/\/register\/code$/);
  await expectNoAxeViolations(citizen, 'SMS code');
  await citizen.getByLabel('Код').fill('12345');
  await citizen.getByRole('button', { name: 'Подтвердить' }).click();
  assert.match(await citizen.locator('#field-code-error').textContent() ?? '', /6 цифр/);
  await expectNoAxeViolations(citizen, 'SMS code with an error');
  const code = /\b(\d{6})\b/.exec(await waitForSms(phone, sentAt))![1]!;
  await citizen.getByLabel('Код').fill(code);
  await citizen.getByRole('button', { name: 'Подтвердить' }).click();
  await citizen.waitForURL(/\/register\/password$/);
  await expectNoAxeViolations(citizen, 'password');
  await citizen.getByLabel('Пароль', { exact: true }).fill(PASSWORD);
  await citizen.getByLabel('Повторите пароль').fill(PASSWORD);
  await citizen.getByRole('button', { name: 'Завершить регистрацию' }).click();
  await citizen.waitForURL(/\/cabinet/);
  assert.ok(await citizen.getByText('Упрощённая учётная запись').first().isVisible());
  await expectNoAxeViolations(citizen, 'cabinet (simplified)');

  // Step 2: personal data.
  await citizen.getByRole('link', { name: 'Заполнить личные данные' }).click();
  await expectNoAxeViolations(citizen, 'personal data');
  if (person.middleName) await citizen.getByLabel('Отчество').fill(person.middleName);
  await citizen.getByLabel(person.gender === 'male' ? 'Мужской' : 'Женский').check();
  await citizen.getByLabel('Дата рождения').fill(ru(person.birthDate));
  await citizen.getByLabel('Место рождения').fill(person.birthPlace);
  await citizen.getByLabel('Серия').fill(person.passport.series);
  await citizen.getByLabel('Номер').fill(person.passport.number);
  await citizen.getByLabel('Дата выдачи').fill(ru(person.passport.issueDate));
  await citizen.getByLabel('Код подразделения').fill(person.passport.issuerCode);
  await citizen.getByLabel('Кем выдан').fill(person.passport.issuedBy);
  await citizen.getByLabel('СНИЛС').fill(person.snils);
  await citizen.getByLabel('Адрес регистрации').fill('Забайкальский край, с. Калга, ул. Партизанская, д. 10');
  await citizen.getByLabel('Адрес места жительства совпадает с адресом регистрации').check();
  await citizen.getByRole('button', { name: 'Продолжить' }).click();

  // Step 3: the checks, run by the worker against the simulated registries.
  await citizen.waitForURL(/\/cabinet\/checks$/);
  await expectNoAxeViolations(citizen, 'checks in progress');
  await citizen.getByText('Проверка пройдена').waitFor({ timeout: 60_000 });
  await expectNoAxeViolations(citizen, 'checks passed');

  // Step 4: where to go.
  await citizen.getByRole('link', { name: 'Найти пункт активации' }).first().click();
  await citizen.waitForURL(/\/activation-points/);
  await expectNoAxeViolations(citizen, 'activation points');
  await citizen.getByLabel('Рядом с населённым пунктом').fill('Калга');
  await citizen.getByRole('button', { name: 'Показать пункты' }).click();
  await citizen.waitForURL(/near=/);
  const firstPoint = citizen.locator('main').getByRole('link', { name: /МФЦ|Калг/ }).first();
  await firstPoint.click();
  await expectNoAxeViolations(citizen, 'activation point page');

  // The operator, in another window, confirms the identity with the passport shown.
  const operator: Page = await (await browser.newContext()).newPage();
  await operator.goto(`${base}/staff/login`);
  await operator.getByLabel('Логин').fill('operator');
  await operator.getByLabel('Пароль').fill('uslugi-demo-2026');
  await operator.getByRole('button', { name: 'Войти' }).click();
  await operator.goto(`${base}/operator`);
  await expectNoAxeViolations(operator, 'operator workplace');
  await operator.getByLabel('СНИЛС').fill(person.snils);
  await operator.getByRole('button', { name: 'Найти' }).click();
  await expectNoAxeViolations(operator, 'operator search results');
  await operator.getByRole('link', { name: new RegExp(person.lastName) }).first().click();
  await expectNoAxeViolations(operator, 'citizen card');
  await operator.getByRole('link', { name: 'Подтвердить личность' }).first().click();
  await expectNoAxeViolations(operator, 'confirm identity');
  await operator.getByLabel('Серия').fill(person.passport.series);
  await operator.getByLabel('Номер').fill(person.passport.number === '000000' ? '111111' : '000000');
  await operator.getByRole('button', { name: 'Подтвердить личность' }).click();
  await operator.getByText(/не совпадают/).first().waitFor();
  await expectNoAxeViolations(operator, 'confirm identity refused');
  await operator.getByLabel('Номер').fill(person.passport.number);
  await operator.getByRole('button', { name: 'Подтвердить личность' }).click();
  await operator.getByText('Личность подтверждена.', { exact: false }).first().waitFor();

  // Back in the citizen's window.
  await citizen.goto(`${base}/cabinet`);
  assert.ok(await citizen.getByText('Подтверждённая учётная запись').first().isVisible());
  await expectNoAxeViolations(citizen, 'cabinet (confirmed)');
});
