/**
 * The quarter's report from both sides: the coordinator opens the previous
 * quarter's report (made from an event of that quarter), edits a row and sends
 * it; the regional administrator finds it in the overview and returns it with a
 * comment; the coordinator sees the comment and sends it again; the region
 * accepts it, and the scores page says the figures are accepted. axe on every
 * page visited; the report page fits a 360 px phone.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { regionToday } from '../src/modules/outreach/materials/materials.repository.js';
import { formatQuarter, quarterBounds, quarterOf, type Quarter } from '../src/modules/scoring/inputs/system-inputs.js';
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

async function signIn(login: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${server.baseUrl}/staff/login`);
  await page.getByLabel('Логин').fill(login);
  await page.getByLabel('Пароль').fill('uslugi-demo-2026');
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.waitForURL(/\/staff/);
  return page;
}

test('a coordinator submits the quarter, the region returns it, then accepts it', { timeout: 180_000 }, async () => {
  const db = server.ctx.db;
  const kalga = (await db.query<{ id: string; region_id: string }>("select id, region_id from municipalities where key = 'kalgansky'")).rows[0]!;
  const today = await regionToday(db, kalga.region_id);
  const current = quarterOf(today);
  const prev: Quarter = current.quarter === 1 ? { year: current.year - 1, quarter: 4 } : { year: current.year, quarter: (current.quarter - 1) as Quarter['quarter'] };
  const q = formatQuarter(prev);
  await db.query(
    `insert into outreach_events (region_id, municipality_id, title, format, held_on, place, people_reached, code)
     values ($1, $2, 'День электронных услуг в МКДЦ', 'e_services_day', $3, 'с. Калга, МКДЦ', 30, 'E2E-REPORT-1')`,
    [kalga.region_id, kalga.id, quarterBounds(prev).from],
  );

  // The coordinator: the previous quarter's report is the default.
  const coordinator = await signIn('coordinator');
  await coordinator.goto(`${server.baseUrl}/outreach`);
  await coordinator.getByRole('link', { name: 'Отчёты', exact: true }).click();
  await coordinator.getByRole('heading', { level: 1, name: 'Отчёт за квартал' }).waitFor();
  assert.equal(await coordinator.locator('#field-quarter').inputValue(), q);
  await coordinator.getByText(/до 15\.\d{2}\.\d{4}/).first().waitFor();
  await expectNoAxeViolations(coordinator, 'report');
  await coordinator.setViewportSize({ width: 360, height: 740 });
  await expectNoHorizontalScroll(coordinator, 'report at 360 px');
  await coordinator.setViewportSize({ width: 1280, height: 900 });

  await coordinator.getByRole('link', { name: 'Изменить отчёт' }).click();
  await expectNoAxeViolations(coordinator, 'edit report');
  await coordinator.setViewportSize({ width: 360, height: 740 });
  await expectNoHorizontalScroll(coordinator, 'edit report at 360 px');
  await coordinator.setViewportSize({ width: 1280, height: 900 });
  await coordinator.locator('#field-reception-0-count').fill('много');
  await coordinator.getByRole('button', { name: 'Сохранить' }).click();
  await coordinator.getByRole('alert').first().waitFor();
  await expectNoAxeViolations(coordinator, 'edit report with errors');
  await coordinator.locator('#field-reception-0-count').fill('2');
  await coordinator.locator('#field-reception-0-notes').fill('с. Калга, МКДЦ — «День электронных услуг в МКДЦ»; выездной приём в с. Бура');
  await coordinator.getByRole('button', { name: 'Сохранить' }).click();
  await coordinator.getByRole('status').getByText('Отчёт сохранён.').waitFor();
  await coordinator.getByText('выездной приём в с. Бура').first().waitFor();
  await coordinator.getByRole('button', { name: 'Отправить в регион' }).click();
  await coordinator.getByRole('status').getByText('Отчёт отправлен в регион.').waitFor();
  await expectNoAxeViolations(coordinator, 'submitted report');
  assert.equal(await coordinator.getByRole('link', { name: 'Изменить отчёт' }).count(), 0, 'nothing editable while submitted');

  // The region: the overview, then the report; a return needs a comment.
  const region = await signIn('region');
  await region.goto(`${server.baseUrl}/outreach/reports/overview?quarter=${q}`);
  await expectNoAxeViolations(region, 'overview');
  await region.setViewportSize({ width: 360, height: 740 });
  await expectNoHorizontalScroll(region, 'overview at 360 px');
  await region.setViewportSize({ width: 1280, height: 900 });
  const row = region.getByRole('row').filter({ hasText: 'Калганский' });
  await row.getByText(/сдан (вовремя|с опозданием)/).waitFor();
  await row.getByRole('link', { name: /Открыть отчёт: Калганский/ }).click();
  await region.getByText('выездной приём в с. Бура').first().waitFor();
  await expectNoAxeViolations(region, 'report (region)');
  await region.getByRole('button', { name: 'Вернуть на доработку' }).click();
  await region.getByText('Напишите, что нужно исправить в отчёте.').first().waitFor();
  await expectNoAxeViolations(region, 'return without a comment');
  await region.getByLabel('Что исправить').fill('Укажите охват выездного приёма в с. Бура');
  await region.getByRole('button', { name: 'Вернуть на доработку' }).click();
  await region.getByRole('status').getByText('Отчёт возвращён на доработку.').waitFor();

  // The coordinator sees the comment and sends the report again.
  await coordinator.goto(`${server.baseUrl}/outreach/reports?quarter=${q}`);
  await coordinator.getByText(/Регион вернул отчёт на доработку: «Укажите охват выездного приёма в с\. Бура»/).waitFor();
  await expectNoAxeViolations(coordinator, 'returned report');
  await coordinator.getByRole('button', { name: 'Отправить в регион' }).click();
  await coordinator.getByRole('status').getByText('Отчёт отправлен в регион.').waitFor();

  // The region accepts; the figures are frozen and the scores page says so.
  await region.goto(`${server.baseUrl}/outreach/reports?municipality=${kalga.id}&quarter=${q}`);
  await region.getByRole('button', { name: 'Принять' }).click();
  await region.getByRole('status').getByText('Отчёт принят, показатели зафиксированы.').waitFor();
  await region.getByText(/Показатели квартала зафиксированы/).waitFor();
  await expectNoAxeViolations(region, 'accepted report');
  await region.getByRole('link', { name: 'Открыть оценку полностью' }).click();
  await region.locator('[data-lock="accepted"]').waitFor();
  await expectNoAxeViolations(region, 'scores (accepted)');
  await region.goto(`${server.baseUrl}/outreach/reports/overview?quarter=${q}`);
  await region.getByRole('row').filter({ hasText: 'Калганский' }).getByText('принят').waitFor();
});
