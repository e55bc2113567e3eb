/**
 * A visitor without an account at the МФЦ desk: the operator registers them
 * straight to a confirmed account, the one-time password arrives by SMS, the
 * citizen signs in and must choose their own password first. axe on every page.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
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

const person = DEMO_PERSONS[1]!;
const phone = '+79145550202';
const ru = (iso: string) => iso.split('-').reverse().join('.');

test('an operator registers a visitor at the desk; the citizen signs in with the SMS password and sets their own', { timeout: 120_000 }, async () => {
  const base = server.baseUrl;
  const operator = await (await browser.newContext()).newPage();
  await operator.goto(`${base}/staff/login`);
  await operator.getByLabel('Логин').fill('operator');
  await operator.getByLabel('Пароль').fill('uslugi-demo-2026');
  await operator.getByRole('button', { name: 'Войти' }).click();
  await operator.goto(`${base}/operator/register`);
  await expectNoAxeViolations(operator, 'desk registration');

  // A first try with a wrong SNILS: the message sits next to the field, nothing typed is lost.
  await operator.getByLabel('Фамилия').fill(person.lastName);
  await operator.getByLabel('Имя', { exact: true }).fill(person.firstName);
  if (person.middleName) await operator.getByLabel('Отчество').fill(person.middleName);
  await operator.getByLabel(person.gender === 'male' ? 'Мужской' : 'Женский').check();
  await operator.getByLabel('Дата рождения').fill(ru(person.birthDate));
  await operator.getByLabel('Место рождения').fill(person.birthPlace);
  await operator.getByLabel('Мобильный телефон').fill(phone);
  await operator.getByLabel('Серия').fill(person.passport.series);
  await operator.getByLabel('Номер', { exact: true }).fill(person.passport.number);
  await operator.getByLabel('Дата выдачи').fill(ru(person.passport.issueDate));
  await operator.getByLabel('Код подразделения').fill(person.passport.issuerCode);
  await operator.getByLabel('Кем выдан').fill(person.passport.issuedBy);
  await operator.getByLabel('Номер СНИЛС').fill('948-545-092 58');
  await operator.getByLabel('Адрес регистрации').fill('Забайкальский край, с. Калга, ул. Школьная, д. 3');
  await operator.getByLabel('Адрес места жительства совпадает с адресом регистрации').check();
  await operator.getByRole('button', { name: 'Зарегистрировать и отправить пароль' }).click();
  await operator.locator('#field-snils-error').waitFor();
  assert.equal(await operator.getByLabel('Фамилия').inputValue(), person.lastName);
  await expectNoAxeViolations(operator, 'desk registration with an error');
  await operator.getByLabel('Номер СНИЛС').fill(person.snils);
  const sentAt = Date.now();
  await operator.getByRole('button', { name: 'Зарегистрировать и отправить пароль' }).click();
  await operator.getByText(/зарегистрирована и сразу подтверждена/).first().waitFor();
  await expectNoAxeViolations(operator, 'citizen card after desk registration');

  // The one-time password arrives by SMS.
  let sms = '';
  for (const deadline = Date.now() + 20_000; Date.now() < deadline && !sms; ) {
    sms = server.ctx.simulators!.sms.messages().find((m) => m.to === phone && m.receivedAt.getTime() >= sentAt && /пароль/i.test(m.text))?.text ?? '';
    if (!sms) await new Promise((r) => setTimeout(r, 200));
  }
  const oneTime = /пароль:\s*(\S+?)\./i.exec(sms)?.[1];
  assert.ok(oneTime, sms);

  const citizen = await (await browser.newContext()).newPage();
  await citizen.goto(`${base}/login`);
  await expectNoAxeViolations(citizen, 'citizen sign-in');
  await citizen.getByLabel('Телефон, почта или СНИЛС').fill(person.snils);
  await citizen.getByLabel('Пароль').fill(oneTime!);
  await citizen.getByRole('button', { name: 'Войти' }).click();
  await citizen.waitForURL(/\/cabinet\/password/);
  await expectNoAxeViolations(citizen, 'forced password change');
  await citizen.goto(`${base}/cabinet`);
  await citizen.waitForURL(/\/cabinet\/password/); // nothing else until the password is changed
  await citizen.getByLabel('Текущий пароль').fill(oneTime!);
  await citizen.getByLabel('Новый пароль', { exact: true }).fill('тихая гавань у старого моста');
  await citizen.getByLabel('Повторите новый пароль').fill('тихая гавань у старого моста');
  await citizen.getByRole('button', { name: 'Сменить пароль' }).click();
  await citizen.goto(`${base}/cabinet`);
  assert.ok(await citizen.getByText('Подтверждённая учётная запись').first().isVisible());
  await expectNoAxeViolations(citizen, 'cabinet of a desk-registered citizen');
});
