/**
 * Browser-journey support: the whole app on a real port (fresh database with
 * the demo region, see test/support/app.ts), headless Chromium from the
 * system (never a downloaded build), and the checks every page must pass:
 * axe (WCAG 2.1 A/AA) and no horizontal scrolling on a narrow phone.
 *
 * (Test support reads process.env: it is the test runner's configuration, not the app's.)
 */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createTestApp } from '../../test/support/app.js';
import type { AppContext } from '../../src/platform/context.js';

export interface RunningServer {
  /** e.g. http://127.0.0.1:41234 (no trailing slash) */
  baseUrl: string;
  /** the app's context: the simulators (SMS codes), the database */
  ctx: AppContext;
  close(): Promise<void>;
}

/** The app with the demo region seeded, listening on a free loopback port; `work` runs the job worker too. */
export async function startServer(options: { work?: boolean } = {}): Promise<RunningServer> {
  const testApp = await createTestApp({ seed: true, work: options.work ?? false });
  await testApp.app.listen({ host: '127.0.0.1', port: 0 });
  const address = testApp.app.server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${address.port}`, ctx: testApp.ctx, close: () => testApp.close() };
}

/** Headless Chromium of the system (CHROMIUM_PATH or /usr/bin/chromium). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-dev-shm-usage',
    ],
  });
}

/** The WCAG 2.1 A and AA rules of axe; zero violations allowed. */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  if (results.violations.length === 0) return;
  const lines = results.violations.map((v) => {
    const targets = v.nodes.slice(0, 3).map((n) => {
      const why = (n.failureSummary ?? '').replace(/\s+/g, ' ').trim();
      return `      ${n.target.join(' ')}${why ? ` — ${why.length > 160 ? `${why.slice(0, 159)}…` : why}` : ''}`;
    });
    const more = v.nodes.length > 3 ? [`      … and ${v.nodes.length - 3} more`] : [];
    return [`  ${v.id} (${v.impact ?? 'unknown impact'}): ${v.help} [${v.nodes.length} element(s)] ${v.helpUrl}`, ...targets, ...more].join('\n');
  });
  assert.fail(`axe found ${results.violations.length} accessibility violation(s) on ${label} (${page.url()}):\n${lines.join('\n')}`);
}

/** The page fits the viewport width: nothing to scroll sideways. */
export async function expectNoHorizontalScroll(page: Page, label = page.url()): Promise<void> {
  const { scrollWidth, innerWidth, widest } = await page.evaluate(() => {
    const innerWidth = window.innerWidth;
    // Name the widest element that sticks out, to make a failure actionable.
    let widest = '';
    let max = innerWidth;
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const right = el.getBoundingClientRect().right;
      if (right > max + 0.5) {
        max = right;
        widest = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${Array.from(el.classList).join('.')}` : ''} (right edge ${Math.round(right)} px)`;
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth, widest };
  });
  assert.ok(
    scrollWidth <= innerWidth,
    `horizontal scroll on ${label}: document is ${scrollWidth} px wide, viewport ${innerWidth} px${widest ? `; widest element ${widest}` : ''}`,
  );
}
