/**
 * The regional administrator's day, then the coordinator's and the operator's:
 * the dashboard (share chart, score tree down to a score's row), the ranking's
 * XLSX, the targets form (a saved target, a bad one kept as typed), a new
 * version of the scoring model edited with the live preview and published;
 * the coordinator types a level for P2.7 with a PDF as evidence; the operator
 * downloads the centre's memo as PDF. axe on every page visited; the dashboard
 * and the model editor fit a 360 px phone.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { regionToday } from '../src/modules/outreach/materials/materials.repository.js';
import { formatQuarter, quarterBounds, quarterOf, type Quarter } from '../src/modules/scoring/inputs/system-inputs.js';
import { expectNoAxeViolations, expectNoHorizontalScroll, launchBrowser, startServer, type RunningServer } from './support/browser.js';
import { pdf } from '../test/support/files.js';

let server: RunningServer;
let browser: Browser;
let dir = '';
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  dir = await mkdtemp(join(tmpdir(), 'uslugi-e2e-region-'));
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function signIn(login: string): Promise<Page> {
  const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
  await page.goto(`${server.baseUrl}/staff/login`);
  await page.getByLabel('Логин').fill(login);
  await page.getByLabel('Пароль').fill('uslugi-demo-2026');
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.waitForURL(/\/staff/);
  return page;
}

async function atPhoneWidth(page: Page, label: string): Promise<void> {
  await page.setViewportSize({ width: 360, height: 740 });
  await expectNoHorizontalScroll(page, `${label} at 360 px`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

const addDays = (iso: string, n: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

test('the region reads the dashboard, sets targets and publishes a model; the coordinator types an input; the operator prints a memo', { timeout: 180_000 }, async () => {
  const db = server.ctx.db;
  const base = server.baseUrl;
  const munis = (await db.query<{ id: string; key: string; name: string; region_id: string }>('select id, key, name, region_id from municipalities')).rows;
  const kalga = munis.find((m) => m.key === 'kalgansky')!;
  const regionId = kalga.region_id;
  const today = await regionToday(db, regionId);
  const current = quarterOf(today);
  const last: Quarter = current.quarter === 1 ? { year: current.year - 1, quarter: 4 } : { year: current.year, quarter: (current.quarter - 1) as Quarter['quarter'] };
  const mid = `${addDays(quarterBounds(last).from, 20)}T03:00:00Z`;
  // Kalgansky: 1 000 inhabitants, 30 confirmed and 10 standard accounts activated in the last quarter, with a target for it.
  await db.query("update municipalities set population = 1000, population_illustrative = false where key = 'kalgansky'");
  await db.query(
    `insert into citizens (municipality_id, status, level, activated_at, confirmed_at)
     select $1::uuid, 'active', 'confirmed', $2::timestamptz, $2::timestamptz from generate_series(1, 30)`,
    [kalga.id, mid],
  );
  await db.query(
    `insert into citizens (municipality_id, status, level, activated_at)
     select $1::uuid, 'active', 'standard', $2::timestamptz from generate_series(1, 10)`,
    [kalga.id, mid],
  );
  await db.query('insert into municipality_targets (region_id, municipality_id, year, quarter, registered_target, confirmed_target) values ($1, $2, $3, $4, 80, 40)', [
    regionId,
    kalga.id,
    last.year,
    last.quarter,
  ]);

  // 1. The region: staff home → dashboard.
  const region = await signIn('region');
  await region.getByRole('link', { name: 'Сводка по региону и рейтинг' }).click();
  await region.waitForURL(/\/outreach\/dashboard/);
  const share = region.locator('#chart-share');
  await share.locator('svg[role="img"][aria-labelledby="chart-share-title chart-share-desc"]').waitFor();
  // Its data table: Kalgansky 40 using e-services (30 confirmed + 10 standard) of 1 000 = 4 %.
  await share.locator('details.u-chart__data > summary').click();
  const kalgaRow = share.locator('table').getByRole('row').filter({ has: region.getByRole('rowheader', { name: /^Калганский/ }) });
  await kalgaRow.getByText(/^4\u00a0% \(40 из 1\u00a0000\)$/).waitFor();
  await expectNoAxeViolations(region, 'dashboard');
  await atPhoneWidth(region, 'dashboard');
  const link = region.locator('a[data-node-link="P2.8"]').first();
  await link.click();
  await region.waitForURL(/\/outreach\/scores\?.*#node-P2\.8$/);
  await region.locator('#node-P2\\.8').waitFor();
  await expectNoAxeViolations(region, 'scores from the dashboard');

  // 2. The ranking and its XLSX.
  await region.goto(`${base}/outreach/ranking`);
  await expectNoAxeViolations(region, 'ranking');
  const [download] = await Promise.all([region.waitForEvent('download'), region.getByRole('link', { name: 'Скачать рейтинг (XLSX)' }).click()]);
  const xlsx = await readFile((await download.path())!);
  assert.equal(xlsx.subarray(0, 2).toString('latin1'), 'PK', 'the ranking is an XLSX (a ZIP package)');
  assert.match(download.suggestedFilename(), /\.xlsx$/);

  // 3. Targets: one saved, one refused and kept as typed.
  await region.goto(`${base}/outreach/dashboard`);
  await region.getByRole('link', { name: 'Цели', exact: true }).click();
  await region.waitForURL(/\/outreach\/targets/);
  await expectNoAxeViolations(region, 'targets');
  const shilka = munis.find((m) => m.key === 'shilkinsky')!;
  const q = current.quarter;
  await region.locator(`#field-r-${shilka.id}-${q}`).fill('120');
  await region.locator(`#field-c-${shilka.id}-${q}`).fill('60');
  await region.getByRole('button', { name: 'Сохранить' }).click();
  await region.getByRole('status').getByText(/Цели сохранены: изменено 1\./).waitFor();
  assert.equal(await region.locator(`#field-r-${shilka.id}-${q}`).inputValue(), '120');
  assert.equal(await region.locator(`#field-c-${shilka.id}-${q}`).inputValue(), '60');
  const saved = await db.query<{ registered_target: number; confirmed_target: number }>(
    'select registered_target, confirmed_target from municipality_targets where municipality_id = $1 and year = $2 and quarter = $3',
    [shilka.id, current.year, q],
  );
  assert.deepEqual(saved.rows.map((r) => [Number(r.registered_target), Number(r.confirmed_target)]), [[120, 60]]);
  await region.locator(`#field-r-${shilka.id}-${q}`).fill('-5');
  await region.getByRole('button', { name: 'Сохранить' }).click();
  const field = region.locator('.u-field').filter({ has: region.locator(`#field-r-${shilka.id}-${q}`) });
  await field.getByText('Введите целое число от 0').waitFor();
  assert.equal(await region.locator(`#field-r-${shilka.id}-${q}`).inputValue(), '-5', 'the bad value is kept as typed');
  await expectNoAxeViolations(region, 'targets with an error');

  // 4. A new version of the model: P2 divided by 8; the preview follows the typing.
  await region.getByRole('link', { name: 'Модели оценки', exact: true }).click();
  await expectNoAxeViolations(region, 'models');
  await region.getByRole('button', { name: 'Создать новую версию' }).click();
  await region.getByRole('heading', { level: 1, name: 'Черновик версии 2' }).waitFor();
  await expectNoAxeViolations(region, 'draft editor');
  await atPhoneWidth(region, 'draft editor');
  // Inputs for the preview, typed by hand: P2.1 = 45 / 60 × 100 = 75; P2.2 = 100; P2.3 = (0,5 + 0,25) × 100 = 75;
  // P2.4 = 50; P2.5 = 100; P2.6 = 50; P2.7 = 50; P2.8 = 100 → the sum 600: 600 / 7 = 85,71 in force, 600 / 8 = 75 in the draft.
  const sample = region.locator('#preview-results');
  await region.locator('#field-s-P2\\.1-A').fill('45');
  await region.locator('#field-s-P2\\.1-B').fill('60');
  for (const [id, value] of [['P2.2-n', '1'], ['P2.3-n', '0,5'], ['P2.3-m', '0,25'], ['P2.4-n', '0,5'], ['P2.5-n', '1'], ['P2.6-n', '0,5'], ['P2.7-n', '0,5'], ['P2.8-n', '1']] as const) {
    await region.locator(`#field-s-${id.replace('.', '\\.')}`).selectOption(value);
  }
  await sample.locator('[data-published-value="P2"]').getByText('85,71 из 100').waitFor();
  assert.equal(await sample.locator('[data-draft-value="P2"]').innerText(), '85,71 из 100', 'a fresh draft scores as the version in force');
  const p2Formula = region.locator('input[name$="-formula"][value="(P2.1 + P2.2 + P2.3 + P2.4 + P2.5 + P2.6 + P2.7 + P2.8) / 7"]');
  const p2Id = (await p2Formula.getAttribute('id'))!;
  await region.locator('details.u-model-node').filter({ has: region.locator(`#${p2Id}`) }).locator('summary').click();
  const formula = region.locator(`#${p2Id}`);
  await formula.fill('(P2.1 + P2.2 + P2.3 + P2.4 + P2.5 + P2.6 + P2.7 + P2.8) / 8');
  await sample.locator('[data-draft-value="P2"]').getByText('75 из 100').waitFor();
  assert.equal(await sample.locator('[data-published-value="P2"]').innerText(), '85,71 из 100');
  assert.equal(await sample.locator('[data-change="P2"]').innerText(), '−10,71');
  // A broken formula: the error says where.
  await formula.fill('(P2.1 + P2.2 +) / 8');
  await sample.getByText(/P2: ошибка в формуле — позиция \d+: /).first().waitFor();
  await region.getByRole('button', { name: 'Сохранить черновик' }).click();
  await region.locator('.u-field').filter({ has: region.locator(`#${p2Id}`) }).locator('.u-error-message').getByText(/P2: ошибка в формуле — позиция \d+: /).waitFor();
  assert.equal(await region.locator(`#${p2Id}`).inputValue(), '(P2.1 + P2.2 +) / 8', 'the broken formula is kept as typed');
  await expectNoAxeViolations(region, 'draft editor with errors');
  await region.locator(`#${p2Id}`).fill('(P2.1 + P2.2 + P2.3 + P2.4 + P2.5 + P2.6 + P2.7 + P2.8) / 8');
  await region.getByRole('button', { name: 'Сохранить черновик' }).click();
  await region.getByText('Черновик сохранён.').waitFor();
  await region.getByRole('link', { name: 'Опубликовать', exact: true }).click();
  await expectNoAxeViolations(region, 'publish');
  await region.getByText(/изменены: .*P2\b/).first().waitFor();
  await region.getByLabel('Что изменено и почему').fill('P2 делится на 8 — число показателей');
  await region.getByRole('button', { name: 'Опубликовать версию 2' }).click();
  await region.getByText('Версия 2 опубликована и теперь действует в регионе.').waitFor();
  await region.getByText(/Сейчас действует: .*версия 2\./).waitFor();
  const v2 = region.getByRole('row').filter({ has: region.getByRole('rowheader', { name: 'версия 2', exact: true }) });
  await v2.getByText('действует').first().waitFor();
  await v2.getByText('P2 делится на 8 — число показателей').waitFor();
  await expectNoAxeViolations(region, 'models after publishing');

  // 5. The coordinator: P2.7 typed in with a PDF as evidence.
  const coordinator = await signIn('coordinator');
  await coordinator.goto(`${base}/outreach`);
  await coordinator.getByRole('link', { name: 'Оценка', exact: true }).click();
  await coordinator.waitForURL(/\/outreach\/scores/);
  await coordinator.goto(`${base}/outreach/scores?quarter=${formatQuarter(last)}`);
  await expectNoAxeViolations(coordinator, 'scores (coordinator)');
  const block = coordinator.locator('[data-typed-input="P2.7-n"]');
  await block.locator('summary').click();
  await block.getByLabel(/0,5 — распространяются/).check();
  await block.getByLabel('Что подтверждает').fill('Буклеты розданы в МКДЦ и в администрации');
  const file = join(dir, 'акт-распространения.pdf');
  await writeFile(file, pdf('Akt rasprostraneniya'));
  await block.locator('input[type="file"]').setInputFiles(file);
  await expectNoAxeViolations(coordinator, 'typed input form');
  await block.getByRole('button', { name: 'Сохранить' }).click();
  await coordinator.getByRole('status').getByText(/сохранено/).first().waitFor();
  const row = coordinator.locator('li[data-input="P2.7-n"]');
  await row.getByText(/^0,5\b/).first().waitFor();
  assert.equal(await row.getAttribute('data-origin'), 'typed');
  const evidence = row.getByRole('link', { name: 'акт-распространения.pdf' });
  await evidence.waitFor();
  const href = (await evidence.getAttribute('href'))!;
  const fetched = await coordinator.request.get(`${base}${href}`);
  assert.equal(fetched.status(), 200);
  assert.equal((await fetched.body()).subarray(0, 5).toString('latin1'), '%PDF-');
  await expectNoAxeViolations(coordinator, 'scores with the typed input');

  // 6. The operator: the centre's memo as PDF.
  const operator = await signIn('operator');
  await operator.getByRole('link', { name: 'Приём посетителя' }).first().click();
  await operator.getByRole('link', { name: 'Памятки', exact: true }).click();
  await operator.waitForURL(/\/reception\/handouts/);
  await expectNoAxeViolations(operator, 'handouts');
  const memoHref = (await operator.getByRole('link', { name: 'Памятка (PDF)' }).getAttribute('href'))!;
  const memo = await operator.request.get(`${base}${memoHref}`);
  assert.equal(memo.status(), 200);
  assert.equal((await memo.body()).subarray(0, 5).toString('latin1'), '%PDF-');
});
