import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { startSmsGatewaySimulator, type SmsGatewaySimulator } from '../../simulators/sms-gateway.sim.js';
import { HttpSmsGateway } from './sms-gateway.client.js';
import { NotificationSendError } from './send-error.js';

const PHONE = '+79141234567';
const TEXT = 'Код подтверждения: 123456. Никому не сообщайте его. Услуги';

let sim: SmsGatewaySimulator;
let slow: SmsGatewaySimulator;
before(async () => {
  sim = await startSmsGatewaySimulator({ latencyMs: [0, 10], token: 'tkn' });
  slow = await startSmsGatewaySimulator({ latencyMs: [1_000, 1_000] });
});
after(async () => {
  await sim.close();
  await slow.close();
});

function assertNoPii(error: unknown) {
  assert.ok(error instanceof NotificationSendError);
  assert.ok(!error.message.includes(PHONE), error.message);
  assert.ok(!error.message.includes('9141234567'), error.message);
  assert.ok(!error.message.includes('123456'), error.message);
  assert.ok(!error.message.includes('Код'), error.message);
}

test('round trip: the simulator receives the number and the Cyrillic text; the id comes back', async () => {
  const gateway = new HttpSmsGateway({ url: `${sim.url}/`, token: 'tkn', timeoutMs: 5_000 });
  const { messageId } = await gateway.send(PHONE, TEXT);
  const [received] = sim.messages();
  assert.equal(received!.id, messageId);
  assert.equal(received!.to, PHONE);
  assert.equal(received!.text, TEXT);
});

test('a wrong token is refused with a clear error that names the setting', async () => {
  const gateway = new HttpSmsGateway({ url: sim.url, token: 'wrong', timeoutMs: 5_000 });
  const error = await gateway.send(PHONE, TEXT).then(
    () => assert.fail('expected a refusal'),
    (e: unknown) => e,
  );
  assertNoPii(error);
  assert.match((error as Error).message, /HTTP 401.*SMS_GATEWAY_TOKEN/);
  assert.equal((error as NotificationSendError).permanent, false);
});

test('a malformed number is a permanent refusal (400) without the number in the message', async () => {
  const gateway = new HttpSmsGateway({ url: sim.url, token: 'tkn', timeoutMs: 5_000 });
  const error = await gateway.send('89141234567', TEXT).then(
    () => assert.fail('expected a refusal'),
    (e: unknown) => e,
  );
  assertNoPii(error);
  assert.ok(!(error as Error).message.includes('89141234567'));
  assert.equal((error as NotificationSendError).permanent, true);
  assert.equal((error as NotificationSendError).status, 400);
});

test('a gateway that does not answer in time gives a timeout error without personal data', async () => {
  const gateway = new HttpSmsGateway({ url: slow.url, token: null, timeoutMs: 150 });
  const started = Date.now();
  const error = await gateway.send(PHONE, TEXT).then(
    () => assert.fail('expected a timeout'),
    (e: unknown) => e,
  );
  assert.ok(Date.now() - started < 900, 'gave up at the time limit');
  assertNoPii(error);
  assert.match((error as Error).message, /no answer within 150 ms/);
});

test('a gateway that is not there gives a connection error without personal data', async () => {
  // A port that was free a moment ago: nothing listens there.
  const port = await new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
  const gateway = new HttpSmsGateway({ url: `http://127.0.0.1:${port}`, token: null, timeoutMs: 2_000 });
  const error = await gateway.send(PHONE, TEXT).then(
    () => assert.fail('expected a connection error'),
    (e: unknown) => e,
  );
  assertNoPii(error);
  assert.match((error as Error).message, /cannot connect \(ECONNREFUSED\)/);
});
