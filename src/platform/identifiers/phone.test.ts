import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkPhone } from './phone.js';

const codeOf = (value: string): string | null => {
  const r = checkPhone(value);
  return r.valid ? null : r.code;
};

describe('checkPhone: valid Russian mobile numbers', () => {
  test('the usual spellings normalize to E.164 and format as +7 914 123-45-67', () => {
    for (const input of [
      '+7 914 123-45-67',
      '+79141234567',
      '89141234567',
      '8 (914) 123-45-67',
      '+7 (914) 123 45 67',
      '8-914-123-45-67',
      '9141234567',
      ' +7 914 123 45 67 ',
    ]) {
      assert.deepEqual(
        checkPhone(input),
        { valid: true, normalized: '+79141234567', formatted: '+7 914 123-45-67' },
        input,
      );
    }
  });

  test('a leading 8 means +7', () => {
    const r = checkPhone('8 999 000-11-22');
    assert.equal(r.valid && r.normalized, '+79990001122');
  });
});

describe('checkPhone: refused numbers', () => {
  test('empty', () => {
    const r = checkPhone('  ');
    assert.equal(!r.valid && r.code, 'empty');
    assert.equal(!r.valid && r.reason, 'Поле не заполнено.');
  });

  test('a Kazakh +7 7… number is not a Russian mobile number', () => {
    for (const input of ['+7 701 123 45 67', '87011234567']) {
      const r = checkPhone(input);
      assert.equal(r.valid, false, input);
      if (r.valid) continue;
      assert.equal(r.code, 'country');
      assert.match(r.reason, /Казахстан/);
      assert.match(r.reason, /не российский мобильный номер/);
      assert.match(r.reasonEn, /Kazakhstan/);
    }
  });

  test('another country', () => {
    assert.equal(codeOf('+1 202 555 0143'), 'country');
    assert.equal(codeOf('+380 50 123 4567'), 'country');
  });

  test('landline and 8-800 numbers are not mobile', () => {
    assert.equal(codeOf('+7 495 123-45-67'), 'not_mobile');
    assert.equal(codeOf('8 800 555-35-35'), 'not_mobile');
  });

  test('too few or too many digits', () => {
    assert.equal(codeOf('+7 914 123-45-6'), 'length');
    assert.equal(codeOf('+7 914 123-45-678'), 'length');
    const r = checkPhone('+7 914 123');
    assert.match(!r.valid ? r.reason : '', /10 цифр после \+7/);
  });

  test('letters, extensions and text around the number are refused', () => {
    for (const input of ['+7 914 123-45-67 доб. 12', 'тел. +79141234567', '+7 914 I23-45-67', '+79141234567x', '7+9141234567']) {
      assert.equal(codeOf(input), 'format', input);
    }
  });
});

describe('checkPhone: properties', () => {
  const mobile = fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 9_999_999 })).map(
    ([op, rest]) => `9${String(op).padStart(2, '0')}${String(rest).padStart(7, '0')}`,
  );

  test('every valid mobile number re-checks to the same result from both its forms', () => {
    fc.assert(
      fc.property(mobile, (national) => {
        const first = checkPhone('8' + national);
        if (!first.valid) return true; // unassigned 9XX ranges are not our concern here
        const fromFormatted = checkPhone(first.formatted);
        const fromNormalized = checkPhone(first.normalized);
        return (
          first.normalized === '+7' + national &&
          /^\+7 \d{3} \d{3}-\d{2}-\d{2}$/.test(first.formatted) &&
          fromFormatted.valid &&
          fromNormalized.valid &&
          fromFormatted.formatted === first.formatted &&
          fromNormalized.normalized === first.normalized
        );
      }),
    );
  });

  test('most +7 9XX numbers are valid (guards against the property above passing vacuously)', () => {
    let valid = 0;
    for (let op = 0; op < 100; op++) if (checkPhone(`+7 9${String(op).padStart(2, '0')} 123-45-67`).valid) valid++;
    assert.ok(valid >= 50, `only ${valid} of 100 operator codes 9XX are valid`);
  });
});
