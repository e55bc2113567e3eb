import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { canonicalJson, createFieldCipher } from './crypto.js';

const cipher = createFieldCipher(randomBytes(32));

test('personal data round-trips through AES-256-GCM and each encryption differs', () => {
  fc.assert(
    fc.property(fc.string(), (s) => {
      const a = cipher.encrypt(s);
      assert.equal(cipher.decrypt(a), s);
      assert.notEqual(a, cipher.encrypt(s));
      if (s.length > 3) assert.ok(!a.includes(s));
    }),
  );
});

test('a tampered ciphertext or another key is refused', () => {
  const stored = cipher.encrypt('4509 123456');
  const parts = stored.split('.');
  parts[3] = Buffer.from('0000000000', 'utf8').toString('base64url');
  assert.throws(() => cipher.decrypt(parts.join('.')));
  assert.throws(() => createFieldCipher(randomBytes(32)).decrypt(stored));
});

test('the blind index is deterministic per purpose and key', () => {
  assert.equal(cipher.blindIndex('11223344595', 'snils'), cipher.blindIndex('11223344595', 'snils'));
  assert.notEqual(cipher.blindIndex('11223344595', 'snils'), cipher.blindIndex('11223344595', 'phone'));
  assert.notEqual(cipher.blindIndex('11223344595', 'snils'), createFieldCipher(randomBytes(32)).blindIndex('11223344595', 'snils'));
});

test('canonical JSON does not depend on key order', () => {
  fc.assert(
    fc.property(fc.dictionary(fc.string(), fc.oneof(fc.integer(), fc.string(), fc.boolean())), (obj) => {
      const reversed = Object.fromEntries(Object.entries(obj).reverse());
      assert.equal(canonicalJson(obj), canonicalJson(reversed));
    }),
  );
});
