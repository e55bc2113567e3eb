/**
 * A municipal coordinator runs the year's programme: the 2026 plan from the
 * seed-002 template (Калганский район), sees how each deadline was understood,
 * sets one, approves the plan with its decree and its scan, records an event
 * with a photo as evidence, and sees what is overdue. axe on every page visited.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { expectNoAxeViolations, expectNoHorizontalScroll, launchBrowser, startServer, type RunningServer } from './support/browser.js';
import { JPEG, pdf } from '../test/support/files.js';

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

test('a coordinator creates the 2026 plan from the Kalga template and approves it', { timeout: 120_000 }, async () => {
  const page = await (await browser.newContext()).newPage();
  const base = server.baseUrl;
  await page.goto(`${base}/staff/login`);
  await page.getByLabel('Логин').fill('coordinator');
  await page.getByLabel('Пароль').fill('uslugi-demo-2026');
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.getByRole('link', { name: 'План мероприятий' }).click();
  await expectNoAxeViolations(page, 'outreach plans');
  await page.getByRole('link', { name: 'Создать план' }).click();
  await expectNoAxeViolations(page, 'new plan');
  await page.getByLabel('Год плана').fill('2026');
  await page.getByLabel(/Калганский район 2018/).check();
  await page.getByRole('button', { name: 'Создать' }).click();
  await page.waitForURL(/\/outreach\/plans\/[0-9a-f-]{36}/);
  await expectNoAxeViolations(page, 'plan');
  // Deadlines are kept as written, and each says how it was understood.
  assert.ok(await page.getByText('На постоянной основе').first().isVisible());
  assert.ok(await page.getByText(/Постоянно — проверяется/).first().isVisible());
  assert.ok(await page.getByText('срок требует уточнения').first().isVisible(), 'a 2018 deadline in a 2026 plan is flagged');

  // Item 1.2 gets this year's deadline; the form says how it is understood as it is typed.
  await page.getByRole('link', { name: /Изменить\s+1\.2$/ }).click();
  await expectNoAxeViolations(page, 'edit item');
  await page.getByLabel('Срок исполнения').fill('до 01.03.2026');
  await page.locator('#deadline-understood').getByText('Срок: до 01.03.2026').waitFor();
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await page.getByText('Пункт 1.2 сохранён.').waitFor();

  await page.getByLabel('Номер постановления').fill('15');
  await page.getByLabel('Дата постановления').fill('20.01.2026');
  await page.getByLabel(/Скан постановления/).setInputFiles({ name: 'Постановление 15.pdf', mimeType: 'application/pdf', buffer: pdf('Postanovlenie 15') });
  await page.getByRole('button', { name: 'Утвердить' }).click();
  await page.getByText('№ 15 от 20.01.2026').first().waitFor();
  await page.getByRole('link', { name: /Постановление 15\.pdf/ }).first().waitFor();
  await expectNoAxeViolations(page, 'approved plan');

  // An event held under the plan, with the code to print on its materials.
  await page.goto(`${base}/outreach/events`);
  await expectNoAxeViolations(page, 'events');
  await page.getByRole('link', { name: 'Добавить мероприятие' }).click();
  await expectNoAxeViolations(page, 'new event');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await page.getByRole('alert').first().waitFor();
  await expectNoAxeViolations(page, 'new event with errors');
  await page.getByLabel('Дата проведения').fill('15.03.2026');
  await page.getByLabel(/^Тема/).fill('День электронных услуг в Калге');
  await page.getByLabel('Формат', { exact: true }).selectOption({ label: 'День электронных услуг' });
  await page.getByLabel('Место проведения').fill('с. Калга, ул. Партизанская, 55, МКДЦ');
  await page.getByLabel('Охват, человек').fill('42');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await page.getByText(/Код: KALGA-2026-/).first().waitFor();
  await expectNoAxeViolations(page, 'event page');
  // Evidence: a photo from the event.
  await page.getByLabel('Файлы').setInputFiles({ name: 'зал.jpg', mimeType: 'image/jpeg', buffer: JPEG });
  await page.getByLabel(/^Подпись/).fill('Консультации в зале МКДЦ');
  await page.getByRole('button', { name: 'Загрузить файлы' }).click();
  await page.getByText('Файлы добавлены: 1.').waitFor();
  await page.getByRole('img', { name: /Консультации в зале МКДЦ/ }).waitFor();
  await expectNoAxeViolations(page, 'event with evidence');

  // Materials: their status comes from when they were posted and last updated.
  await page.goto(`${base}/outreach/materials`);
  await expectNoAxeViolations(page, 'materials');
  await page.goto(`${base}/outreach/materials/new`);
  await expectNoAxeViolations(page, 'new material');

  // What is due: item 1.2 (due 01.03.2026) is overdue; the calendar shows it too.
  await page.getByRole('link', { name: 'Сроки', exact: true }).click();
  await expectNoAxeViolations(page, 'due list');
  const row = page.getByRole('row').filter({ hasText: '01.03.2026' }).first();
  await row.getByText(/Просрочено/).first().waitFor();
  await page.goto(`${base}/outreach/due/calendar?month=2026-03`);
  await expectNoAxeViolations(page, 'due calendar');
  await page.goto(`${base}/outreach/calendar?year=2026`);
  await expectNoAxeViolations(page, 'working-day calendar');
  // The score of the quarter of the event: P2.8 (promotion at mass events) comes from the «День электронных услуг» held.
  await page.goto(`${base}/outreach/scores?quarter=2026-Q1`);
  await expectNoAxeViolations(page, 'scores');
  await page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^P2\.8\b/ }) }).getByText(/100 из 100/).first().waitFor();
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`${base}/outreach/due`);
  await expectNoHorizontalScroll(page, 'due list at 360 px');
  await page.goto(`${base}/outreach/due/calendar?month=2026-03`);
  await expectNoHorizontalScroll(page, 'due calendar at 360 px');
});
