import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isE164, kickDelivery, maskEmail, maskPhone, maskRecipient } from './enqueue-notification.js';

test('phones are masked as +7 914 ***-**-67', () => {
  assert.equal(maskPhone('+79141234567'), '+7 914 ***-**-67');
  assert.equal(maskRecipient('sms', '+79001112299'), '+7 900 ***-**-99');
  assert.equal(maskPhone('+375291234567'), '+37 ***-**-67');
});

test('e-mails are masked as iv***@mail.ru', () => {
  assert.equal(maskEmail('ivan.petrov@mail.ru'), 'iv***@mail.ru');
  assert.equal(maskRecipient('email', 'ab@ya.ru'), 'a***@ya.ru');
  assert.equal(maskEmail('x@ya.ru'), 'x***@ya.ru');
  assert.equal(maskEmail('юлия@почта.рф'), 'юл***@почта.рф');
  assert.equal(maskEmail('broken'), '***');
});

test('E.164 check', () => {
  assert.ok(isE164('+79141234567'));
  assert.ok(!isE164('89141234567'));
  assert.ok(!isE164('+7 914 123-45-67'));
});

test('kickDelivery sends the deliver job and never throws', async () => {
  const sent: Array<[string, object]> = [];
  assert.equal(await kickDelivery({ send: async (name, data) => (sent.push([name, data]), 'job-1') }, 'abc'), true);
  assert.deepEqual(sent, [['notifications.deliver', { id: 'abc' }]]);
  assert.equal(await kickDelivery({ send: async () => Promise.reject(new Error('queue down')) }, 'abc'), false);
});
