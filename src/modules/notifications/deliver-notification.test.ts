import { test } from 'node:test';
import assert from 'node:assert/strict';
import { retryDelaySeconds, safeErrorMessage } from './deliver-notification.js';
import { NotificationSendError } from './send-error.js';

test('client errors are kept as written', () => {
  assert.equal(safeErrorMessage(new NotificationSendError('SMS gateway: no answer within 10000 ms')), 'SMS gateway: no answer within 10000 ms');
});

test('other errors lose addresses, phone numbers, codes and the known recipient and text', () => {
  const message = safeErrorMessage(new Error('550 <ivan@mail.ru> rejected; +7 914 123-45-67; code 123456; Здравствуйте, Иван'), ['Здравствуйте, Иван']);
  assert.doesNotMatch(message, /ivan@mail\.ru|914|123456|Иван/);
  assert.match(message, /^Error: 550 /);
  assert.equal(safeErrorMessage('x'), 'Error: unknown failure');
  assert.ok(safeErrorMessage(new Error('y'.repeat(1000))).length <= 300);
});

test('the back-off grows', () => {
  assert.ok(retryDelaySeconds(1) < retryDelaySeconds(2));
  assert.ok(retryDelaySeconds(4) < retryDelaySeconds(5));
});
