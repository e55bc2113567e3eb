/**
 * A staff member's journey in a real browser: the public home page, signing
 * in (with mistakes first), the dashboard, the territory pages and changing
 * an organisation's employee count, signing out; and a role that may not edit.
 * Every page is checked with axe (WCAG 2.1 A/AA) and, where it matters, for
 * sideways scrolling on a 360 px phone.
 *
 * With UPDATE_SCREENSHOT=1 it also writes docs/screenshot.png (the dashboard,
 * 1280×900) for the README.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { expectNoAxeViolations, expectNoHorizontalScroll, launchBrowser, startServer, type RunningServer } from './support/browser.js';

const PASSWORD = 'uslugi-demo-2026';
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 360, height: 740 };
const SCREENSHOT = fileURLToPath(new URL('../docs/screenshot.png', import.meta.url));

let server: RunningServer;
let browser: Browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
}, { timeout: 60_000 });

after(async () => {
  await browser?.close();
  await server?.close();
});

function desktop(): Promise<BrowserContext> {
  return browser.newContext({ viewport: DESKTOP, baseURL: server.baseUrl });
}

function phone(): Promise<BrowserContext> {
  return browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, baseURL: server.baseUrl });
}

/** The text a screen reader reads as the control's description (aria-describedby). */
function description(control: Locator): Promise<string> {
  return control.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => el === document.activeElement);
}

async function signIn(page: Page, login: string): Promise<void> {
  await page.goto('/staff/login');
  await page.getByLabel('Логин', { exact: true }).fill(login);
  await page.getByLabel('Пароль', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.waitForURL((url) => url.pathname === '/staff');
}

test('home page: heading, accessibility, no sideways scroll on desktop and phone, English version', { timeout: 30_000 }, async () => {
  const context = await desktop();
  try {
    const page = await context.newPage();
    await page.goto('/');
    assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1, 'exactly one h1');
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Госуслуги ближе к людям');
    assert.equal(await page.locator('html').getAttribute('lang'), 'ru');
    await expectNoAxeViolations(page, 'home page (ru)');
    await expectNoHorizontalScroll(page, 'home page at 1280 px');

    await page.goto('/?lang=en');
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Public services, closer to people');
    await expectNoAxeViolations(page, 'home page (en)');
  } finally {
    await context.close();
  }

  const mobile = await phone();
  try {
    const page = await mobile.newPage();
    await page.goto('/');
    assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1);
    await expectNoHorizontalScroll(page, 'home page at 360 px');
  } finally {
    await mobile.close();
  }
});

test('keyboard: the first Tab reaches the skip link, Enter moves focus to main', { timeout: 30_000 }, async () => {
  const context = await desktop();
  try {
    const page = await context.newPage();
    await page.goto('/');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Перейти к основному содержанию' });
    assert.ok(await isFocused(skip), 'the first Tab focuses the skip link');
    assert.ok(await skip.isVisible(), 'the focused skip link is visible');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.hash === '#main');
    assert.ok(await isFocused(page.getByRole('main')), 'Enter on the skip link moves focus to <main>');
  } finally {
    await context.close();
  }
});

test('staff login: accessible, empty submit shows the errors, wrong password keeps the login', { timeout: 30_000 }, async () => {
  const context = await desktop();
  try {
    const page = await context.newPage();
    await page.goto('/staff/login');
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Вход для сотрудников');
    await expectNoAxeViolations(page, 'staff login');

    // Empty submit: error summary at the top (focused), inline errors tied to the fields.
    await page.getByRole('button', { name: 'Войти' }).click();
    const summary = page.getByRole('alert');
    await summary.waitFor();
    assert.ok(await summary.getByRole('heading', { name: 'Исправьте ошибки' }).isVisible());
    assert.ok(await summary.getByRole('link', { name: 'Введите логин.' }).isVisible());
    assert.ok(await summary.getByRole('link', { name: 'Введите пароль.' }).isVisible());
    assert.ok(await isFocused(summary), 'the error summary takes focus');
    const login = page.getByLabel('Логин', { exact: true });
    const password = page.getByLabel('Пароль', { exact: true });
    assert.equal(await login.getAttribute('aria-invalid'), 'true');
    assert.equal(await password.getAttribute('aria-invalid'), 'true');
    assert.match(await description(login), /Введите логин\./);
    assert.match(await description(password), /Введите пароль\./);
    await expectNoAxeViolations(page, 'staff login with errors');

    // The summary link takes the keyboard to the field.
    await summary.getByRole('link', { name: 'Введите логин.' }).click();
    assert.ok(await isFocused(login), 'the error summary link focuses the login field');

    // Wrong password: one message, the login kept, the password not.
    await login.fill('coordinator');
    await password.fill('not-the-password');
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.getByRole('alert').filter({ hasText: 'Неверный логин или пароль' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/staff/login');
    assert.equal(await login.inputValue(), 'coordinator', 'the typed login is kept');
    assert.equal(await password.inputValue(), '', 'the password is not sent back');
    assert.match(await description(login), /Неверный логин или пароль/);
    await expectNoAxeViolations(page, 'staff login, wrong password');
  } finally {
    await context.close();
  }
});

test('coordinator: dashboard, territory, change an employee count, sign out', { timeout: 45_000 }, async (t) => {
  const context = await desktop();
  const page = await context.newPage();
  try {
    await t.test('sign in lands on the dashboard', async () => {
      await signIn(page, 'coordinator');
      const main = page.getByRole('main');
      assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Кабинет сотрудника');
      assert.ok(await main.getByText('Егорова Светлана Андреевна', { exact: false }).first().isVisible(), 'shows the name');
      assert.ok(await main.getByText('Координатор муниципалитета', { exact: true }).isVisible(), 'shows the role');
      await expectNoAxeViolations(page, 'staff dashboard');
      await expectNoHorizontalScroll(page, 'staff dashboard at 1280 px');
      if (process.env.UPDATE_SCREENSHOT === '1') {
        mkdirSync(dirname(SCREENSHOT), { recursive: true });
        await page.screenshot({ path: SCREENSHOT });
      }
      await page.setViewportSize(PHONE);
      await expectNoHorizontalScroll(page, 'staff dashboard at 360 px');
      await page.setViewportSize(DESKTOP);
    });

    await t.test('territory: region page, then the Kalgansky municipality', async () => {
      await page.getByRole('main').getByRole('link', { name: 'Территория', exact: true }).click();
      await page.waitForURL((url) => url.pathname === '/staff/territory');
      assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Забайкальский край');
      await expectNoAxeViolations(page, 'territory: region');

      await page.getByRole('link', { name: 'Калганский муниципальный округ' }).click();
      await page.waitForURL((url) => url.pathname === '/staff/territory/kalgansky');
      assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Калганский муниципальный округ');
      await expectNoAxeViolations(page, 'territory: Kalgansky municipality');
    });

    await t.test('change the employee count: invalid value, then a number', async () => {
      await page.getByRole('link', { name: /^Изменить .*МОУ Калганская СОШ$/ }).click();
      await page.waitForURL((url) => url.searchParams.get('edit') === 'kalga-school');
      const field = page.getByLabel('Число сотрудников организации «МОУ Калганская СОШ»');
      assert.equal(await field.inputValue(), '56');

      await field.fill('abc');
      await page.getByRole('button', { name: 'Сохранить' }).click();
      const summary = page.getByRole('alert');
      await summary.waitFor();
      assert.ok(await summary.getByRole('link', { name: /Введите целое число/ }).isVisible());
      assert.equal(await field.getAttribute('aria-invalid'), 'true');
      assert.match(await description(field), /Введите целое число от 0 до 100/);
      assert.equal(await field.inputValue(), 'abc', 'the typed value is kept');
      await expectNoAxeViolations(page, 'territory: employee count with an error');

      await field.fill('57');
      await page.getByRole('button', { name: 'Сохранить' }).click();
      await page.waitForURL((url) => url.pathname === '/staff/territory/kalgansky' && url.searchParams.get('saved') !== null);
      assert.ok(await page.getByRole('status').filter({ hasText: /Число сотрудников организации «.+» сохранено\./ }).isVisible(), 'saved notice');
      const row = page.getByRole('row').filter({
        has: page.getByRole('rowheader', { name: 'Муниципальное общеобразовательное учреждение Калганская средняя общеобразовательная школа', exact: true }),
      });
      const employees = (await row.getByRole('cell').nth(1).innerText()).trim();
      assert.match(employees, /^57\b/, `the new number is shown (cell: «${employees}»)`);
      assert.equal(await page.getByRole('textbox', { name: /Число сотрудников/ }).count(), 0, 'the form is closed after saving');
    });

    await t.test('sign out from the header', async () => {
      await page.getByRole('banner').getByRole('button', { name: 'Выйти' }).click();
      await page.waitForURL((url) => url.pathname === '/staff/login' && url.searchParams.has('signedOut'));
      assert.ok(await page.getByRole('status').filter({ hasText: 'Вы вышли' }).isVisible(), '«Вы вышли» notice');
      await page.goto('/staff');
      assert.equal(new URL(page.url()).pathname, '/staff/login', '/staff redirects to the login page after sign-out');
      assert.ok(await page.getByLabel('Логин', { exact: true }).isVisible());
    });
  } finally {
    await context.close();
  }
});

test('reception staff see the municipality without «Изменить» links', { timeout: 30_000 }, async () => {
  const context = await desktop();
  try {
    const page = await context.newPage();
    await signIn(page, 'reception');
    await page.goto('/staff/territory/kalgansky');
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Калганский муниципальный округ');
    assert.ok((await page.getByRole('rowheader').count()) > 0, 'organisations are listed');
    assert.equal(await page.getByRole('link', { name: /^Изменить/ }).count(), 0, 'no «Изменить» links');
    // Asking for the form directly does not open it either.
    await page.goto('/staff/territory/kalgansky?edit=kalga-school');
    assert.equal(await page.getByRole('textbox', { name: /Число сотрудников/ }).count(), 0, 'no edit form for reception');
  } finally {
    await context.close();
  }
});
