/**
 * Builds the whole application on a fresh test database (see db.ts), with the
 * demo region seeded when asked, and helpers to drive it through app.inject
 * like a browser: cookies kept, CSRF token read from the last form.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../../src/config.js';
import { DEMO_PASSWORD, seedDemo } from '../../src/db/seed/demo.js';
import type { AppContext } from '../../src/platform/context.js';
import { buildApp } from '../../src/platform/http/app.js';
import { createContext } from '../../src/runtime.js';
import { registerModules } from '../../src/modules/index.js';
import { createTestDatabase, type TestDatabase } from './db.js';

export const TEST_SECRETS = {
  SESSION_SECRET: 'test-session-secret-that-is-long-enough-0123456789',
  DATA_ENCRYPTION_KEY: '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
};

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', DATA_DIR: mkdtempSync(join(tmpdir(), 'uslugi-test-')), LOG_LEVEL: 'silent', ...TEST_SECRETS, ...overrides });
}

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  testDb: TestDatabase;
  close(): Promise<void>;
}

export async function createTestApp(options: { seed?: boolean; config?: Record<string, string>; work?: boolean } = {}): Promise<TestApp> {
  const testDb = await createTestDatabase();
  if (options.seed) await seedDemo(testDb.db);
  const config = testConfig(options.config);
  const ctx = await createContext(config, testDb.db, { work: options.work ?? false, logger: pino({ level: 'silent' }) });
  const app = await buildApp(ctx, { logger: false, registerModules });
  await app.ready();
  return {
    app,
    ctx,
    testDb,
    async close() {
      await app.close();
      await ctx.jobs.stop();
      await ctx.simulators?.close();
      await testDb.close();
    },
  };
}

/** A cookie-keeping client over app.inject, like one browser. */
export class Browser {
  cookies = new Map<string, string>();
  csrf = '';
  constructor(private app: FastifyInstance) {}

  private remember(res: LightMyRequestResponse) {
    for (const c of res.cookies as Array<{ name: string; value: string; maxAge?: number; expires?: Date }>) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const m = /name="_csrf" value="([^"]+)"/.exec(res.body);
    if (m) this.csrf = m[1]!;
  }

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async get(url: string, headers: Record<string, string> = {}) {
    const res = await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader(), ...headers } });
    this.remember(res);
    return res;
  }

  /** Posts a form; the CSRF token of the last page is added unless `_csrf` is given. */
  async post(url: string, form: Record<string, string>) {
    const body = new URLSearchParams({ _csrf: this.csrf, ...form }).toString();
    const res = await this.app.inject({
      method: 'POST',
      url,
      payload: body,
      headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
    });
    this.remember(res);
    return res;
  }

  /**
   * Posts a multipart form (file uploads) as a browser would: text fields
   * (with the CSRF token unless `_csrf` is given) and files.
   */
  async postMultipart(url: string, form: Record<string, string>, files: Array<{ field: string; name: string; type: string; data: Uint8Array }> = []) {
    const fd = new FormData();
    for (const [k, v] of Object.entries({ _csrf: this.csrf, ...form })) fd.append(k, v);
    for (const f of files) fd.append(f.field, new Blob([new Uint8Array(f.data)], { type: f.type }), f.name);
    const encoded = new Response(fd);
    const payload = Buffer.from(await encoded.arrayBuffer());
    const res = await this.app.inject({
      method: 'POST',
      url,
      payload,
      headers: { cookie: this.cookieHeader(), 'content-type': encoded.headers.get('content-type')! },
    });
    this.remember(res);
    return res;
  }

  async signIn(login: string, password: string) {
    await this.get('/staff/login');
    return this.post('/staff/login', { login, password });
  }
}

/** A browser signed in as a (demo) staff login; throws when the sign-in does not succeed. */
export async function signedInBrowser(app: FastifyInstance, login: string, password = DEMO_PASSWORD): Promise<Browser> {
  const b = new Browser(app);
  const res = await b.signIn(login, password);
  if (res.statusCode !== 303) throw new Error(`sign-in ${login}: HTTP ${res.statusCode}`);
  return b;
}
