import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkOgrn, ogrnCheckDigit } from './ogrn.js';

/** Independent oracle: remainder of a long decimal string, digit by digit (no BigInt). */
function mod(digits: string, m: number): number {
  let r = 0;
  for (const ch of digits) r = (r * 10 + Number(ch)) % m;
  return r;
}
const ogrn = (first12: string): string => first12 + String(mod(first12, 11) % 10);
const digitString = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
const ogrnPrefix = fc.tuple(fc.constantFrom('1', '5'), digitString(11)).map(([a, b]) => a + b);

describe('checkOgrn: examples', () => {
  test('1027700132195 is valid', () => {
    assert.deepEqual(checkOgrn('1027700132195'), { valid: true, normalized: '1027700132195', formatted: '1027700132195' });
    assert.equal(checkOgrn(' 1 027700 132195 ').valid, true);
  });

  test('a wrong last digit names the expected digit', () => {
    const r = checkOgrn('1027700132196');
    assert.equal(r.valid, false);
    if (r.valid) return;
    assert.equal(r.code, 'checksum');
    assert.match(r.reason, /13-я цифра должна быть 5, а указана 6/);
    assert.match(r.reasonEn, /should be 5, but it is 6/);
  });

  test('the check digit formula, including remainder 10 → 0', () => {
    assert.equal(ogrnCheckDigit('102770013219'), 5);
    assert.equal(ogrnCheckDigit('999999999999'), 0); // 10^12 − 1 is divisible by 11
    assert.equal(ogrnCheckDigit('100000000002'), 1); // 10^11 + 2 ≡ −1 + 2 = 1 (mod 11)
    // 10^11 mod 11 = 10, so the check digit is 10 mod 10 = 0
    const ten = '100000000000';
    assert.equal(mod(ten, 11), 10);
    assert.equal(ogrnCheckDigit(ten), 0);
    assert.equal(checkOgrn(ten + '0').valid, true);
    assert.equal(checkOgrn(ten + '1').valid, false);
  });
});

describe('checkOgrn: format rules', () => {
  test('the first digit must be 1 or 5', () => {
    for (const first of ['0', '2', '3', '4', '6', '7', '8', '9']) {
      const number = ogrn(first + '02770013219');
      const r = checkOgrn(number);
      assert.equal(r.valid, false, number);
      if (r.valid) continue;
      assert.equal(r.code, 'format');
      assert.match(r.reason, new RegExp(`начинается с цифры 1 или 5, а этот номер начинается с ${first}\\.`));
    }
    assert.equal(checkOgrn(ogrn('502770013219')).valid, true);
  });

  test('empty, length and letters', () => {
    const empty = checkOgrn('  ');
    assert.equal(!empty.valid && empty.code, 'empty');
    const short = checkOgrn('102770013219');
    assert.equal(!short.valid && short.code, 'length');
    assert.match(!short.valid ? short.reason : '', /13 цифр, а введено 12 цифр/);
    const fifteen = checkOgrn('304500116000157');
    assert.equal(!fifteen.valid && fifteen.code, 'length');
    assert.match(!fifteen.valid ? fifteen.reason : '', /ОГРНИП/);
    const letters = checkOgrn('1027700132I95');
    assert.equal(!letters.valid && letters.code, 'format');
  });
});

describe('checkOgrn: properties', () => {
  test('OGRN built from a random prefix is valid; any other last digit fails', () => {
    fc.assert(
      fc.property(ogrnPrefix, fc.integer({ min: 1, max: 9 }), (prefix, k) => {
        const good = ogrn(prefix);
        const bad = checkOgrn(prefix + String((Number(good[12]) + k) % 10));
        return checkOgrn(good).valid && !bad.valid && bad.code === 'checksum';
      }),
    );
  });

  test('formatting then re-checking is idempotent', () => {
    fc.assert(
      fc.property(ogrnPrefix, (prefix) => {
        const first = checkOgrn(ogrn(prefix));
        if (!first.valid) return false;
        const again = checkOgrn(first.formatted);
        return again.valid && again.normalized === first.normalized && again.formatted === first.formatted;
      }),
    );
  });
});
