import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkOgrnip, ogrnipCheckDigit } from './ogrnip.js';

/** Independent oracle: remainder of a long decimal string, digit by digit (no BigInt). */
function mod(digits: string, m: number): number {
  let r = 0;
  for (const ch of digits) r = (r * 10 + Number(ch)) % m;
  return r;
}
const ogrnip = (first14: string): string => first14 + String(mod(first14, 13) % 10);
const digitString = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
const ogrnipPrefix = digitString(13).map((rest) => '3' + rest);

describe('checkOgrnip: examples', () => {
  test('304500116000157 is valid', () => {
    assert.deepEqual(checkOgrnip('304500116000157'), {
      valid: true,
      normalized: '304500116000157',
      formatted: '304500116000157',
    });
  });

  test('a wrong last digit names the expected digit', () => {
    const r = checkOgrnip('304500116000158');
    assert.equal(r.valid, false);
    if (r.valid) return;
    assert.equal(r.code, 'checksum');
    assert.match(r.reason, /15-я цифра должна быть 7, а указана 8/);
  });

  test('the check digit formula, including remainders 10, 11 and 12', () => {
    assert.equal(ogrnipCheckDigit('30450011600015'), 7);
    assert.equal(ogrnipCheckDigit('39999999999999'), mod('39999999999999', 13) % 10);
    // remainders 10, 11 and 12 give check digits 0, 1 and 2
    for (const [prefix, remainder, digit] of [
      ['30000000000006', 10, 0],
      ['30000000000007', 11, 1],
      ['30000000000008', 12, 2],
    ] as const) {
      assert.equal(mod(prefix, 13), remainder, prefix);
      assert.equal(ogrnipCheckDigit(prefix), digit, prefix);
      assert.equal(checkOgrnip(prefix + String(digit)).valid, true, prefix);
      assert.equal(checkOgrnip(prefix + String(digit + 1)).valid, false, prefix);
    }
  });
});

describe('checkOgrnip: format rules', () => {
  test('the first digit must be 3', () => {
    for (const first of ['0', '1', '2', '4', '5', '9']) {
      const number = ogrnip(first + '0450011600015');
      const r = checkOgrnip(number);
      assert.equal(r.valid, false, number);
      if (r.valid) continue;
      assert.equal(r.code, 'format');
      assert.match(r.reason, new RegExp(`начинается с цифры 3, а этот номер начинается с ${first}\\.`));
    }
  });

  test('empty, length and letters', () => {
    const empty = checkOgrnip('');
    assert.equal(!empty.valid && empty.code, 'empty');
    const thirteen = checkOgrnip('1027700132195');
    assert.equal(!thirteen.valid && thirteen.code, 'length');
    assert.match(!thirteen.valid ? thirteen.reason : '', /15 цифр, а введено 13 цифр\. .*ОГРН организации/);
    const letters = checkOgrnip('30450011600015Z');
    assert.equal(!letters.valid && letters.code, 'format');
  });
});

describe('checkOgrnip: properties', () => {
  test('OGRNIP built from a random prefix is valid; any other last digit fails', () => {
    fc.assert(
      fc.property(ogrnipPrefix, fc.integer({ min: 1, max: 9 }), (prefix, k) => {
        const good = ogrnip(prefix);
        const bad = checkOgrnip(prefix + String((Number(good[14]) + k) % 10));
        return checkOgrnip(good).valid && !bad.valid && bad.code === 'checksum';
      }),
    );
  });

  test('formatting then re-checking is idempotent', () => {
    fc.assert(
      fc.property(ogrnipPrefix, (prefix) => {
        const first = checkOgrnip(ogrnip(prefix));
        if (!first.valid) return false;
        const again = checkOgrnip(first.formatted);
        return again.valid && again.normalized === first.normalized && again.formatted === first.formatted;
      }),
    );
  });
});
