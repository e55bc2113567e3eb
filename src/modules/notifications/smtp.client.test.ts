import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { startSmtpSimulator, type SmtpSimulator } from '../../simulators/smtp.sim.js';
import { renderNotification } from './notifications.templates.js';
import { SmtpEmailSender } from './smtp.client.js';
import { NotificationSendError } from './send-error.js';

let sim: SmtpSimulator;
before(async () => {
  sim = await startSmtpSimulator();
});
after(async () => sim.close());

test('round trip: a Cyrillic e-mail arrives as written, with the configured sender', async () => {
  const sender = new SmtpEmailSender({ smtpUrl: sim.url, from: 'Услуги <noreply@uslugi.local>' });
  const { email } = renderNotification('registration_link', { link: 'http://localhost:3000/register/email/abc/def' }, 'ru');
  const { messageId } = await sender.send({ to: 'ivan.petrov@mail.ru', subject: email.subject, text: email.text });
  assert.ok(messageId);
  const [mail] = sim.messages();
  assert.deepEqual(mail!.to, ['ivan.petrov@mail.ru']);
  assert.equal(mail!.from, 'noreply@uslugi.local');
  assert.equal(mail!.subject, 'Подтвердите адрес электронной почты');
  assert.equal(mail!.text, email.text);
  assert.match(mail!.text, /Ссылка действует 24 часа/);
  sender.close();
});

test('a mail server that is not there gives an error without the address or the text', async () => {
  const port = await new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
  const sender = new SmtpEmailSender({ smtpUrl: `smtp://127.0.0.1:${port}`, from: 'noreply@uslugi.local', timeouts: { connection: 2_000 } });
  const error = await sender.send({ to: 'ivan.petrov@mail.ru', subject: 'Тема', text: 'Код 123456' }).then(
    () => assert.fail('expected an error'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof NotificationSendError);
  assert.match(error.message, /^SMTP: sending failed \(\w+ ECONNREFUSED/);
  assert.ok(!error.message.includes('ivan'));
  assert.ok(!error.message.includes('123456'));
  assert.equal(error.permanent, false);
});
