import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkPassword } from './password-policy.js';

test('common and short passwords are refused with a Russian reason', () => {
  assert.equal(checkPassword('ru', '').ok, false);
  assert.match(checkPassword('ru', 'abc12').message ?? '', /не меньше 8/);
  const common = checkPassword('ru', 'password123');
  assert.equal(common.ok, false);
  assert.match(common.message ?? '', /простой/);
  assert.equal(checkPassword('ru', 'qwertyuiop').ok, false);
});

test('a long passphrase is accepted without composition rules', () => {
  assert.equal(checkPassword('ru', 'зелёный чайник летит на север').ok, true);
  assert.equal(checkPassword('en', 'correct horse battery staple').ok, true);
});

test('a password containing the login is refused', () => {
  assert.equal(checkPassword('ru', 'ivanov-strong-words-42', ['ivanov']).ok, false);
  assert.equal(checkPassword('ru', 'x'.repeat(129)).ok, false);
});
