import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actionKey, actorKind, actorLabel, centreRefs, describeAction, describeUserAgent, methodLabel } from './account-history.js';
import { historyMessages } from './cabinet-extra.messages.js';

test('every action of the brief has a Russian description', () => {
  const actions = [
    'citizen.register',
    'citizen.registration.start',
    'citizen.registration.contact_confirmed',
    'citizen.sign_in',
    'citizen.personal_data.update',
    'citizen.personal_data.view',
    'citizen.level.standard',
    'citizen.checks.mismatch',
    'citizen.checks.unavailable',
    'citizen.recovery.request',
    'citizen.recovery.complete',
    'citizen.contact.add_request',
    'citizen.contact.change',
    'citizen.password_change',
    'staff.citizen.register',
    'staff.citizen.confirm',
    'staff.citizen.restore',
    'staff.citizen.passport_update',
    'staff.citizen.view',
    'staff.citizen.search',
    'staff.citizen.confirm_refused',
    'staff.citizen.delete',
  ];
  for (const a of actions) {
    assert.notEqual(actionKey(a), 'generic', a);
    assert.match(describeAction('ru', a), /[А-Яа-яЁё]/, a);
    assert.doesNotMatch(describeAction('en', a), /[А-Яа-яЁё]/, a);
  }
  assert.equal(describeAction('ru', 'citizen.register'), 'Регистрация завершена: создана упрощённая учётная запись');
  assert.equal(describeAction('ru', 'staff.citizen.confirm'), 'Личность подтверждена в центре обслуживания');
});

test('families, aliases and unknown actions', () => {
  assert.equal(actionKey('citizen.checks.something_new'), 'citizen.checks');
  assert.equal(describeAction('ru', 'citizen.checks.something_new'), 'Проверка данных в ведомствах');
  assert.equal(actionKey('citizen.password.change'), 'citizen.password_change');
  assert.equal(describeAction('ru', 'staff.citizen.unheard_of'), 'Действие с учётной записью');
  assert.equal(describeAction('ru', 'something.else'), 'Действие с учётной записью');
  assert.equal(describeAction('en', 'something.else'), 'Action on the account');
  // The message keys that are not actions are never taken for one.
  assert.equal(actionKey('actorYou'), 'generic');
  assert.equal(actionKey('generic'), 'generic');
  assert.equal(actionKey('toString'), 'generic');
  assert.equal(actionKey('constructor'), 'generic');
});

test('details add only the sign-in method or the contact kind', () => {
  assert.equal(describeAction('ru', 'citizen.sign_in', { method: 'snils' }), 'Вход в личный кабинет (СНИЛС)');
  assert.equal(describeAction('ru', 'citizen.sign_in', { method: 'phone' }), 'Вход в личный кабинет (телефон)');
  assert.equal(describeAction('ru', 'citizen.sign_in', { method: 'weird' }), 'Вход в личный кабинет');
  assert.equal(describeAction('ru', 'citizen.contact.change', { kind: 'email', replaced: true }), 'Подтверждена новая электронная почта');
  assert.equal(describeAction('ru', 'citizen.contact.add_request', { kind: 'phone' }), 'Запрошен код для нового телефона');
  assert.equal(describeAction('ru', 'citizen.contact.change', {}), 'Подтверждён новый телефон или почта');
  assert.equal(describeAction('ru', 'citizen.contact.cancel', { kind: 'phone' }), 'Отменено изменение телефона или почты');
  assert.equal(describeAction('ru', 'citizen.registration.start', { channel: 'phone' }), 'Начата регистрация (телефон)');
  assert.equal(describeAction('ru', 'staff.citizen.delete', { reason: 'свободный текст оператора' }), 'Учётная запись удалена', 'free text in details never reaches the citizen');
  assert.equal(methodLabel('ru', 'email'), 'эл. почта');
  assert.equal(methodLabel('ru', 'toString'), null);
});

test('who: you, the portal, a centre (never a person), staff without a centre, someone else', () => {
  const me = '11111111-1111-4111-8111-111111111111';
  assert.equal(actorKind({ actorType: 'citizen', actorId: me }, me), 'you');
  assert.equal(actorKind({ actorType: 'citizen', actorId: 'other' }, me), 'other');
  assert.equal(actorKind({ actorType: 'system', actorId: null }, me), 'system');
  assert.equal(actorKind({ actorType: 'staff', actorId: 'staff-id' }, me), 'staff');
  assert.equal(actorLabel('ru', { kind: 'you' }), 'Вы');
  assert.equal(actorLabel('ru', { kind: 'system' }), 'Портал (автоматически)');
  assert.equal(actorLabel('ru', { kind: 'centre', centre: 'Офис МФЦ в с. Калга' }), 'Оператор центра обслуживания «Офис МФЦ в с. Калга»');
  assert.equal(actorLabel('ru', { kind: 'staff' }), 'Сотрудник портала');
  assert.equal(actorLabel('en', { kind: 'centre', centre: 'X' }), 'Operator of the service centre «X»');
});

test('the centre of a staff action: details.centreId first, then the organisation; malformed ids are ignored', () => {
  const c = '22222222-2222-4222-8222-222222222222';
  const o = '33333333-3333-4333-8333-333333333333';
  assert.deepEqual(centreRefs({ organisationId: o, details: { centreId: c } }), { centreId: c, organisationId: o });
  assert.deepEqual(centreRefs({ organisationId: o, details: {} }), { centreId: null, organisationId: o });
  assert.deepEqual(centreRefs({ organisationId: 'nonsense', details: { centreId: 42 } }), { centreId: null, organisationId: null });
});

test('user agents are shortened to «browser, system»', () => {
  const cases: Array<[string | null, string]> = [
    ['Mozilla/5.0 (Linux; Android 13; SM-A525F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36', 'Chrome, Android'],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1', 'Safari, iPhone'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 YaBrowser/24.1.0.0 Safari/537.36', 'Яндекс Браузер, Windows'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0', 'Edge, Windows'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:121.0) Gecko/20100101 Firefox/121.0', 'Firefox, macOS'],
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36 OPR/105.0.0.0', 'Opera, Linux'],
    ['Mozilla/5.0 (Linux; Android 13; SAMSUNG SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36', 'Samsung Internet, Android'],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/120.0.6099.119 Mobile/15E148 Safari/604.1', 'Chrome, iPhone'],
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36', 'Chrome, Linux'],
    ['SomeBot/1.0 (Windows)', 'Неизвестный браузер, Windows'],
    ['lightMyRequest', 'Неизвестное устройство'],
    [null, 'Неизвестное устройство'],
  ];
  for (const [ua, expected] of cases) assert.equal(describeUserAgent('ru', ua), expected, String(ua));
  assert.equal(describeUserAgent('en', 'Mozilla/5.0 (Windows NT 10.0) Chrome/120.0.0.0 YaBrowser/24.1'), 'Yandex Browser, Windows');
});

test('the English dictionary has every Russian key', () => {
  for (const k of historyMessages.keys) assert.ok(historyMessages('en', k).length > 0, k);
});
