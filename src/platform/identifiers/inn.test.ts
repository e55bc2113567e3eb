import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkInn, innCheckDigit, INN10_WEIGHTS } from './inn.js';

/** Independent oracle: f(w) = (Σ w_i·d_i) mod 11 mod 10. */
function f(digits: string, weights: number[]): string {
  let s = 0;
  weights.forEach((w, i) => (s += w * Number(digits[i])));
  return String((s % 11) % 10);
}
const inn10 = (first9: string): string => first9 + f(first9, [2, 4, 10, 3, 5, 9, 4, 6, 8]);
function inn12(first10: string): string {
  const d11 = f(first10, [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]);
  const d12 = f(first10 + d11, [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]);
  return first10 + d11 + d12;
}
const digitString = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
const otherDigit = (d: string) => fc.integer({ min: 1, max: 9 }).map((k) => String((Number(d) + k) % 10));

describe('checkInn: examples', () => {
  test('7707083893 (10 digits) is valid', () => {
    assert.deepEqual(checkInn('7707083893'), { valid: true, normalized: '7707083893', formatted: '7707083893' });
  });

  test('500100732259 (12 digits) is valid', () => {
    assert.deepEqual(checkInn('500100732259'), { valid: true, normalized: '500100732259', formatted: '500100732259' });
  });

  test('spaces are ignored', () => {
    assert.equal(checkInn(' 7707 083 893 ').valid, true);
  });

  test('a wrong 10th digit is named in the reason', () => {
    const r = checkInn('7707083894');
    assert.equal(r.valid, false);
    if (r.valid) return;
    assert.equal(r.code, 'checksum');
    assert.match(r.reason, /10-я цифра/);
    assert.match(r.reason, /должна быть 3, а указана 4/);
    assert.match(r.reasonEn, /10th digit/);
  });

  test('a wrong 11th digit is named as the first check digit', () => {
    const r = checkInn('500100732269');
    assert.equal(r.valid, false);
    if (r.valid) return;
    assert.equal(r.code, 'checksum');
    assert.match(r.reason, /первая контрольная цифра ИНН — 11-я/);
    assert.match(r.reason, /должна быть 5, а указана 6/);
    assert.match(r.reasonEn, /11th digit/);
  });

  test('a wrong 12th digit is named as the second check digit', () => {
    const r = checkInn('500100732258');
    assert.equal(r.valid, false);
    if (r.valid) return;
    assert.equal(r.code, 'checksum');
    assert.match(r.reason, /вторая контрольная цифра ИНН — последняя, 12-я/);
    assert.match(r.reason, /должна быть 9, а указана 8/);
    assert.match(r.reasonEn, /12th digit/);
  });

  test('the check digit helper matches the oracle on the example', () => {
    assert.equal(innCheckDigit('770708389', INN10_WEIGHTS), 3);
  });
});

describe('checkInn: malformed input', () => {
  test('empty', () => {
    const r = checkInn('');
    assert.equal(!r.valid && r.code, 'empty');
    assert.equal(!r.valid && r.reason, 'Поле не заполнено.');
  });

  test('11, 9 and 13 digits are a length error', () => {
    for (const input of ['77070838930', '770708389', '5001007322590']) {
      const r = checkInn(input);
      assert.equal(!r.valid && r.code, 'length', input);
      assert.match(!r.valid ? r.reason : '', /10 цифр .* или из 12 цифр/);
    }
  });

  test('letters are a format error', () => {
    for (const input of ['77070838O3', 'ИНН 7707083893', '7707083893?']) {
      const r = checkInn(input);
      assert.equal(!r.valid && r.code, 'format', input);
    }
  });
});

describe('checkInn: properties', () => {
  test('INN-10 built from a random prefix is valid; any other last digit fails', () => {
    fc.assert(
      fc.property(digitString(9), fc.integer({ min: 1, max: 9 }), (prefix, k) => {
        const inn = inn10(prefix);
        const bad = inn.slice(0, 9) + String((Number(inn[9]) + k) % 10);
        const badResult = checkInn(bad);
        return checkInn(inn).valid && !badResult.valid && badResult.code === 'checksum';
      }),
    );
  });

  test('INN-12 built from a random prefix is valid; any other last digit fails', () => {
    fc.assert(
      fc.property(
        digitString(10).chain((prefix) => fc.tuple(fc.constant(inn12(prefix)), otherDigit(inn12(prefix)[11] ?? '0'))),
        ([inn, d]) => {
          const bad = checkInn(inn.slice(0, 11) + d);
          return checkInn(inn).valid && !bad.valid && bad.code === 'checksum' && /12-я/.test(bad.reason);
        },
      ),
    );
  });

  test('INN-12 with a changed 11th digit fails on the first check digit', () => {
    fc.assert(
      fc.property(
        digitString(10).chain((prefix) => fc.tuple(fc.constant(inn12(prefix)), otherDigit(inn12(prefix)[10] ?? '0'))),
        ([inn, d]) => {
          const bad = checkInn(inn.slice(0, 10) + d + inn.slice(11));
          return !bad.valid && /11-я/.test(bad.reason);
        },
      ),
    );
  });

  test('formatting then re-checking is idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(digitString(9).map(inn10), digitString(10).map(inn12)), (inn) => {
        const first = checkInn(inn);
        if (!first.valid) return false;
        const again = checkInn(first.formatted);
        return again.valid && again.normalized === first.normalized && again.formatted === first.formatted;
      }),
    );
  });
});
