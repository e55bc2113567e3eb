import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import nodemailer from 'nodemailer';
import { startSmtpSimulator, type SmtpSimulator } from './smtp.sim.js';

let sim: SmtpSimulator;
before(async () => {
  sim = await startSmtpSimulator();
});
after(async () => sim.close());

test('listens on smtp://127.0.0.1 with a random port', () => {
  assert.match(sim.url, /^smtp:\/\/127\.0\.0\.1:\d+$/);
});

test('receives a message and decodes a Cyrillic subject and body', async () => {
  const transport = nodemailer.createTransport(sim.url);
  await transport.sendMail({
    from: 'Услуги <noreply@uslugi.local>',
    to: 'ivan@mail.ru',
    subject: 'Подтвердите адрес электронной почты',
    text: 'Здравствуйте!\n\nКод: 123456 — ёжик «в тумане».',
  });
  const [mail] = sim.messages();
  assert.ok(mail);
  assert.deepEqual(mail.to, ['ivan@mail.ru']);
  assert.equal(mail.from, 'noreply@uslugi.local');
  assert.equal(mail.subject, 'Подтвердите адрес электронной почты');
  assert.equal(mail.text, 'Здравствуйте!\n\nКод: 123456 — ёжик «в тумане».');
  assert.ok(mail.receivedAt instanceof Date);
});

test('accepts any credentials (the real relay would check them)', async () => {
  const url = new URL(sim.url);
  const transport = nodemailer.createTransport(`smtp://user:pass@${url.host}`);
  await transport.sendMail({ from: 'a@b.ru', to: ['x@y.ru', 'z@y.ru'], subject: 'Тема', text: 'Текст' });
  const [mail] = sim.messages();
  assert.deepEqual(mail!.to, ['x@y.ru', 'z@y.ru']);
  assert.equal(mail!.subject, 'Тема');
});

test('newest first', async () => {
  const transport = nodemailer.createTransport(sim.url);
  await transport.sendMail({ from: 'a@b.ru', to: 'x@y.ru', subject: 'первое', text: '1' });
  await transport.sendMail({ from: 'a@b.ru', to: 'x@y.ru', subject: 'второе', text: '2' });
  const [a, b] = sim.messages();
  assert.equal(a!.subject, 'второе');
  assert.equal(b!.subject, 'первое');
});
