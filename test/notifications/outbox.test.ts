/**
 * The notifications outbox on a real database (PGlite or PostgreSQL, see
 * test/support/db.ts) with the real clients talking to the simulators.
 * The context is built by hand from the pieces the outbox needs.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '../../src/config.js';
import { createFieldCipher, type FieldCipher } from '../../src/platform/crypto.js';
import type { Adapters, SmsGateway } from '../../src/platform/adapters.js';
import { startSmsGatewaySimulator, type SmsGatewaySimulator } from '../../src/simulators/sms-gateway.sim.js';
import { startSmtpSimulator, type SmtpSimulator } from '../../src/simulators/smtp.sim.js';
import { HttpSmsGateway } from '../../src/modules/notifications/sms-gateway.client.js';
import { SmtpEmailSender } from '../../src/modules/notifications/smtp.client.js';
import { enqueueNotification, kickDelivery, type NotificationRequest } from '../../src/modules/notifications/enqueue-notification.js';
import { deliverNotification, MAX_ATTEMPTS, type DeliveryContext } from '../../src/modules/notifications/deliver-notification.js';
import { notificationJobs, sweepNotifications } from '../../src/modules/notifications/notifications.jobs.js';
import type { AppContext } from '../../src/platform/context.js';
import { registerJobs, startJobQueue } from '../../src/platform/jobs.js';
import { NotificationSendError } from '../../src/modules/notifications/send-error.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

const KEY = '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

let t: TestDatabase;
let config: Config;
let cipher: FieldCipher;
let smsSim: SmsGatewaySimulator;
let smtpSim: SmtpSimulator;
let adapters: Pick<Adapters, 'sms' | 'email'>;
let ctx: DeliveryContext;

before(async () => {
  t = await createTestDatabase();
  config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'uslugi-outbox-')),
    LOG_LEVEL: 'silent',
    SESSION_SECRET: 'test-session-secret-that-is-long-enough-0123456789',
    DATA_ENCRYPTION_KEY: KEY,
    PUBLIC_URL: 'https://uslugi.test',
  });
  cipher = createFieldCipher(config.secrets.dataEncryptionKey);
  [smsSim, smtpSim] = await Promise.all([startSmsGatewaySimulator({ latencyMs: [20, 60], token: 'sms-token' }), startSmtpSimulator()]);
  adapters = {
    sms: new HttpSmsGateway({ url: smsSim.url, token: 'sms-token', timeoutMs: 5_000 }),
    email: new SmtpEmailSender({ smtpUrl: smtpSim.url, from: config.mail.from }),
  };
  ctx = { db: t.db, cipher, adapters, config };
});
after(async () => {
  await Promise.all([smsSim.close(), smtpSim.close()]);
  await t.close();
});

interface OutboxRow {
  id: string;
  channel: string;
  recipient_enc: string;
  recipient_masked: string;
  template: string;
  subject: string | null;
  body_enc: string | null;
  status: string;
  attempts: number;
  provider_message_id: string | null;
  last_error: string | null;
  sent_at: Date | null;
  meta: Record<string, unknown>;
}

async function row(id: string): Promise<OutboxRow> {
  const { rows } = await t.db.query<OutboxRow>('select * from notifications_outbox where id = $1', [id]);
  assert.ok(rows[0], `row ${id} exists`);
  return rows[0];
}

async function enqueue(n: NotificationRequest): Promise<string> {
  return t.db.transaction((tx) => enqueueNotification(tx, cipher, n));
}

let phoneSeq = 1000;
/** A different phone per test, so simulator messages are told apart. */
const nextPhone = () => `+7914123${String(phoneSeq++).padStart(4, '0')}`;

test('a notification enqueued in a transaction that rolls back leaves no row', async () => {
  const before = await t.db.query<{ n: number }>('select count(*)::int as n from notifications_outbox');
  await assert.rejects(
    t.db.transaction(async (tx) => {
      await enqueueNotification(tx, cipher, { channel: 'sms', to: '+79140000001', template: 'registration_code', vars: { code: '111111' } });
      throw new Error('the registration failed');
    }),
    /the registration failed/,
  );
  const afterCount = await t.db.query<{ n: number }>('select count(*)::int as n from notifications_outbox');
  assert.equal(afterCount.rows[0]!.n, before.rows[0]!.n);
});

test('enqueue stores the recipient and body encrypted, with a masked recipient', async () => {
  const id = await enqueue({ channel: 'sms', to: '+7 914 123-45-67', template: 'registration_code', vars: { code: '482913' } });
  const r = await row(id);
  assert.equal(r.status, 'queued');
  assert.equal(r.channel, 'sms');
  assert.equal(r.template, 'registration_code');
  assert.equal(r.recipient_masked, '+7 914 ***-**-67');
  assert.equal(r.subject, null);
  assert.ok(!r.recipient_enc.includes('9141234567'));
  assert.ok(r.body_enc && !r.body_enc.includes('482913'));
  assert.equal(cipher.decrypt(r.recipient_enc), '+79141234567');
  assert.equal(cipher.decrypt(r.body_enc!), 'Код подтверждения: 482913. Никому не сообщайте его. Услуги');
  assert.equal(r.meta.lang, 'ru');
  // tidy up: this row is not delivered in this test
  await t.db.query("update notifications_outbox set status = 'failed' where id = $1", [id]);
});

test('enqueue refuses a malformed recipient and link templates by SMS, without echoing the recipient', async () => {
  await assert.rejects(enqueue({ channel: 'sms', to: '8914-not-a-phone', template: 'registration_code', vars: { code: '1' } }), (e: Error) => !e.message.includes('8914') && /E\.164/.test(e.message));
  await assert.rejects(enqueue({ channel: 'email', to: 'ivan at mail.ru', template: 'registration_link', vars: { link: 'x' } }), (e: Error) => !e.message.includes('ivan'));
  await assert.rejects(enqueue({ channel: 'sms', to: '+79141234567', template: 'registration_link', vars: { link: 'https://x' } }), /e-mail only/);
});

test('enqueue + deliver: the row is sent, its body erased, the simulator got the decrypted text', async () => {
  const to = nextPhone();
  const id = await enqueue({ channel: 'sms', to, template: 'registration_code', vars: { code: '735102' } });
  const outcome = await deliverNotification(ctx, id);
  assert.equal(outcome.status, 'sent');
  const r = await row(id);
  assert.equal(r.status, 'sent');
  assert.equal(r.body_enc, null);
  assert.equal(r.attempts, 1);
  assert.ok(r.sent_at instanceof Date);
  assert.equal(r.last_error, null);
  const received = smsSim.messages().filter((m) => m.to === to);
  assert.equal(received.length, 1);
  assert.equal(received[0]!.text, 'Код подтверждения: 735102. Никому не сообщайте его. Услуги');
  assert.equal(r.provider_message_id, received[0]!.id);
  assert.equal(r.meta.leaseUntil, undefined);

  // Delivering a sent row again does nothing.
  assert.equal((await deliverNotification(ctx, id)).status, 'skipped');
  assert.equal(smsSim.messages().filter((m) => m.to === to).length, 1);
});

test('an e-mail is delivered with its Russian subject, and the portal address filled in at delivery', async () => {
  const id = await enqueue({ channel: 'email', to: 'ivan.petrov@mail.ru', template: 'checks_passed', lang: 'ru' });
  const before = await row(id);
  assert.equal(before.recipient_masked, 'iv***@mail.ru');
  assert.equal(before.subject, 'Данные проверены: учётная запись стандартная');
  assert.equal((await deliverNotification(ctx, id)).status, 'sent');
  const mail = smtpSim.messages().find((m) => m.to.includes('ivan.petrov@mail.ru'));
  assert.ok(mail);
  assert.equal(mail.subject, 'Данные проверены: учётная запись стандартная');
  assert.match(mail.text, /стандартная учётная запись/);
  assert.match(mail.text, /https:\/\/uslugi\.test\/activation-points/);
  assert.doesNotMatch(mail.text, /\{portalUrl\}/);
  const r = await row(id);
  assert.equal(r.status, 'sent');
  assert.equal(r.body_enc, null);
  assert.equal(r.subject, 'Данные проверены: учётная запись стандартная');
});

test('English where the person chose English', async () => {
  const id = await enqueue({ channel: 'email', to: 'john@example.org', template: 'recovery_code', vars: { code: '246810' }, lang: 'en' });
  assert.equal((await deliverNotification(ctx, id)).status, 'sent');
  const mail = smtpSim.messages().find((m) => m.to.includes('john@example.org'));
  assert.equal(mail?.subject, 'Your account recovery code');
  assert.match(mail!.text, /246810/);
});

test('a gateway that fails 5 times: attempts counted, a safe last_error, then failed and the body erased', async () => {
  const to = nextPhone();
  let calls = 0;
  const failing: SmsGateway = {
    async send(phone) {
      calls++;
      // The error text carries the phone: it must not reach last_error.
      if (calls === 1) throw new Error(`connect failed for ${phone}`);
      throw new NotificationSendError('SMS gateway: HTTP 503');
    },
  };
  const failingCtx: DeliveryContext = { ...ctx, adapters: { ...adapters, sms: failing } };
  const id = await enqueue({ channel: 'sms', to, template: 'contact_code', vars: { code: '909090' } });
  for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
    const outcome = await deliverNotification(failingCtx, id);
    assert.equal(outcome.status, 'retry', `attempt ${attempt}`);
    const r = await row(id);
    assert.equal(r.status, 'queued');
    assert.equal(r.attempts, attempt);
    assert.ok(r.body_enc);
    assert.ok(r.last_error);
    assert.ok(!r.last_error.includes(to.slice(1)), r.last_error);
    assert.ok(typeof r.meta.retryAt === 'string');
    if (attempt === 1) assert.match(r.last_error, /^Error: connect failed for/);
  }
  const last = await deliverNotification(failingCtx, id);
  assert.equal(last.status, 'failed');
  const r = await row(id);
  assert.equal(r.status, 'failed');
  assert.equal(r.attempts, MAX_ATTEMPTS);
  assert.equal(r.last_error, 'SMS gateway: HTTP 503');
  assert.equal(r.body_enc, null);
  assert.equal(calls, MAX_ATTEMPTS);
  // A failed row is not tried again.
  assert.equal((await deliverNotification(failingCtx, id)).status, 'skipped');
  assert.equal(calls, MAX_ATTEMPTS);
});

test('a permanent refusal fails at once', async () => {
  const refusing: SmsGateway = {
    async send() {
      throw new NotificationSendError('SMS gateway: HTTP 400', true, 400);
    },
  };
  const id = await enqueue({ channel: 'sms', to: nextPhone(), template: 'recovery_code', vars: { code: '101010' } });
  const outcome = await deliverNotification({ ...ctx, adapters: { ...adapters, sms: refusing } }, id);
  assert.equal(outcome.status, 'failed');
  const r = await row(id);
  assert.equal(r.attempts, 1);
  assert.equal(r.status, 'failed');
});

test('two concurrent deliveries of the same row send it once', async () => {
  const to = nextPhone();
  const id = await enqueue({ channel: 'sms', to, template: 'desk_one_time_password', vars: { password: 'Kx7-pq2-Lm' } });
  const outcomes = await Promise.all([deliverNotification(ctx, id), deliverNotification(ctx, id), deliverNotification(ctx, id)]);
  assert.deepEqual(outcomes.map((o) => o.status).sort(), ['sent', 'skipped', 'skipped']);
  assert.equal(smsSim.messages().filter((m) => m.to === to).length, 1);
  const r = await row(id);
  assert.equal(r.status, 'sent');
  assert.equal(r.attempts, 1);
});

test('a row claimed by a worker that died is left alone until its lease runs out', async () => {
  const to = nextPhone();
  const id = await enqueue({ channel: 'sms', to, template: 'checks_unavailable' });
  await t.db.query(`update notifications_outbox set meta = meta || jsonb_build_object('leaseUntil', now() + interval '1 minute') where id = $1`, [id]);
  assert.equal((await deliverNotification(ctx, id)).status, 'skipped');
  await t.db.query(`update notifications_outbox set meta = meta || jsonb_build_object('leaseUntil', now() - interval '1 second') where id = $1`, [id]);
  assert.equal((await deliverNotification(ctx, id)).status, 'sent');
  assert.equal(smsSim.messages().filter((m) => m.to === to).length, 1);
});

test('the sweep re-kicks queued rows older than 30 s, once, and respects leases and back-off', async () => {
  // Settle every earlier row so only this test's rows count.
  await t.db.query("update notifications_outbox set status = 'failed' where status = 'queued'");
  const old = await enqueue({ channel: 'sms', to: nextPhone(), template: 'account_confirmed', vars: { centre: 'МФЦ г. Якутска' } });
  const fresh = await enqueue({ channel: 'sms', to: nextPhone(), template: 'account_confirmed', vars: { centre: 'МФЦ г. Якутска' } });
  const leased = await enqueue({ channel: 'sms', to: nextPhone(), template: 'account_confirmed', vars: { centre: 'МФЦ г. Якутска' } });
  const backingOff = await enqueue({ channel: 'sms', to: nextPhone(), template: 'account_confirmed', vars: { centre: 'МФЦ г. Якутска' } });
  await t.db.query(`update notifications_outbox set created_at = now() - interval '2 minutes' where id = any($1::uuid[])`, [[old, leased, backingOff]]);
  await t.db.query(`update notifications_outbox set meta = meta || jsonb_build_object('leaseUntil', now() + interval '1 minute') where id = $1`, [leased]);
  await t.db.query(`update notifications_outbox set meta = meta || jsonb_build_object('retryAt', now() + interval '1 minute') where id = $1`, [backingOff]);

  const sent: Array<{ name: string; data: object }> = [];
  const jobs = { send: async (name: string, data: object) => (sent.push({ name, data }), 'job') };
  assert.equal(await sweepNotifications({ db: t.db, jobs }), 1);
  assert.deepEqual(sent, [{ name: 'notifications.deliver', data: { id: old } }]);
  // Kicked rows are not kicked again a minute later.
  assert.equal(await sweepNotifications({ db: t.db, jobs }), 0);
  assert.equal((await row(fresh)).status, 'queued');
});

test('kickDelivery after commit, through the real job queue: the worker delivers', async () => {
  const logger = { info() {}, error() {} };
  const jobs = await startJobQueue(t.db, logger);
  try {
    // Only what the notification jobs use; the rest of AppContext is not needed here.
    const appCtx = { config, db: t.db, cipher, adapters, jobs, simulators: null } as unknown as AppContext;
    await registerJobs(jobs, notificationJobs(appCtx), { work: true, logger });
    const to = nextPhone();
    const id = await enqueue({ channel: 'sms', to, template: 'registration_code', vars: { code: '555777' } });
    assert.equal(await kickDelivery(jobs, id), true);
    const deadline = Date.now() + 30_000;
    while ((await row(id)).status === 'queued' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    assert.equal((await row(id)).status, 'sent');
    assert.equal(smsSim.messages().filter((m) => m.to === to).length, 1);
  } finally {
    await jobs.stop();
  }
});
