/**
 * /dev/outbox: shown only with the simulators and never in production.
 * The app is built with buildApp and only the notification routes.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config.js';
import type { AppContext } from '../../src/platform/context.js';
import { createFieldCipher } from '../../src/platform/crypto.js';
import { buildApp } from '../../src/platform/http/app.js';
import { createSessionStore } from '../../src/platform/sessions.js';
import type { Simulators } from '../../src/simulators/index.js';
import { startSmsGatewaySimulator, type SmsGatewaySimulator } from '../../src/simulators/sms-gateway.sim.js';
import { startSmtpSimulator, type SmtpSimulator } from '../../src/simulators/smtp.sim.js';
import { HttpSmsGateway } from '../../src/modules/notifications/sms-gateway.client.js';
import { SmtpEmailSender } from '../../src/modules/notifications/smtp.client.js';
import { registerNotificationRoutes } from '../../src/modules/notifications/notifications.routes.js';
import { renderNotification } from '../../src/modules/notifications/notifications.templates.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

const SECRETS = {
  SESSION_SECRET: 'test-session-secret-that-is-long-enough-0123456789',
  DATA_ENCRYPTION_KEY: '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
};

let t: TestDatabase;
let sms: SmsGatewaySimulator;
let smtp: SmtpSimulator;
const apps: FastifyInstance[] = [];

async function appWith(env: Record<string, string>, withSimulators: boolean): Promise<FastifyInstance> {
  const config = loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'uslugi-devoutbox-')), LOG_LEVEL: 'silent', SIMULATORS: 'true', ...SECRETS, ...env });
  const simulators = withSimulators ? ({ sms, smtp, registries: null as never, close: async () => undefined } satisfies Simulators) : null;
  const ctx = {
    config,
    db: t.db,
    cipher: createFieldCipher(config.secrets.dataEncryptionKey),
    sessions: createSessionStore(t.db, config.session),
    jobs: null as never,
    adapters: null as never,
    simulators,
  } as AppContext;
  const app = await buildApp(ctx, { logger: false, registerModules: registerNotificationRoutes });
  await app.ready();
  apps.push(app);
  return app;
}

before(async () => {
  t = await createTestDatabase();
  [sms, smtp] = await Promise.all([startSmsGatewaySimulator({ latencyMs: [0, 0] }), startSmtpSimulator()]);
  await new HttpSmsGateway({ url: sms.url, token: null, timeoutMs: 5_000 }).send('+79141234567', 'Код подтверждения: 482913. Никому не сообщайте его. Услуги');
  const { email } = renderNotification('registration_link', { link: 'http://localhost:3000/register/email/abc/def' }, 'ru');
  await new SmtpEmailSender({ smtpUrl: smtp.url, from: 'Услуги <noreply@uslugi.local>' }).send({ to: 'ivan.petrov@mail.ru', ...email });
});
after(async () => {
  for (const app of apps) await app.close();
  await Promise.all([sms.close(), smtp.close()]);
  await t.close();
});

test('with simulators (test/development) the page lists SMS and e-mails, newest first, codes visible', async () => {
  const app = await appWith({ NODE_ENV: 'test' }, true);
  const res = await app.inject({ method: 'GET', url: '/dev/outbox' });
  assert.equal(res.statusCode, 200);
  assert.match(res.headers['content-type'] as string, /text\/html/);
  const html = res.body;
  assert.match(html, /<h1[^>]*>Отправленные сообщения \(симулятор\)<\/h1>/);
  assert.match(html, /только при запущенных симуляторах/);
  assert.match(html, /482913/);
  assert.match(html, /\+79141234567/);
  assert.match(html, /ivan\.petrov@mail\.ru/);
  assert.match(html, /Подтвердите адрес электронной почты/);
  assert.match(html, /<a href="http:\/\/localhost:3000\/register\/email\/abc\/def">/);
  assert.match(html, /\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}/);
  // The e-mail was sent after the SMS: it comes first.
  assert.ok(html.indexOf('ivan.petrov@mail.ru') < html.indexOf('+79141234567'));
});

test('the page follows the chosen language', async () => {
  const app = await appWith({ NODE_ENV: 'development' }, true);
  const res = await app.inject({ method: 'GET', url: '/dev/outbox?lang=en' });
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /Sent messages \(simulator\)/);
});

test('the JSON lists both kinds', async () => {
  const app = await appWith({ NODE_ENV: 'test' }, true);
  const res = await app.inject({ method: 'GET', url: '/dev/outbox.json' });
  assert.equal(res.statusCode, 200);
  const body = res.json() as { sms: Array<{ to: string; text: string; receivedAt: string }>; email: Array<{ to: string[]; subject: string; text: string }> };
  assert.equal(body.sms[0]!.to, '+79141234567');
  assert.match(body.sms[0]!.text, /482913/);
  assert.ok(!Number.isNaN(Date.parse(body.sms[0]!.receivedAt)));
  assert.deepEqual(body.email[0]!.to, ['ivan.petrov@mail.ru']);
  assert.equal(body.email[0]!.subject, 'Подтвердите адрес электронной почты');
});

test('without simulators the routes do not exist', async () => {
  const app = await appWith({ NODE_ENV: 'test' }, false);
  assert.equal((await app.inject({ method: 'GET', url: '/dev/outbox' })).statusCode, 404);
  assert.equal((await app.inject({ method: 'GET', url: '/dev/outbox.json' })).statusCode, 404);
});

test('in production the routes do not exist, even with simulators running', async () => {
  const app = await appWith({ NODE_ENV: 'production' }, true);
  const page = await app.inject({ method: 'GET', url: '/dev/outbox' });
  assert.equal(page.statusCode, 404);
  assert.doesNotMatch(page.body, /482913/);
  assert.equal((await app.inject({ method: 'GET', url: '/dev/outbox.json' })).statusCode, 404);
});
