import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkSnils, formatSnils, isSnilsBodyChecked, snilsCheckNumber } from './snils.js';

/** Independent transcription of the official rule, used as the test oracle. */
function weightedSum(body: string): number {
  let s = 0;
  for (let i = 0; i < 9; i++) s += Number(body[i]) * (9 - i);
  return s;
}
function oracleCheck(body: string): string {
  const s = weightedSum(body);
  let c: number;
  if (s < 100) c = s;
  else if (s === 100 || s === 101) c = 0;
  else c = s % 101;
  if (c === 100) c = 0;
  return c.toString().padStart(2, '0');
}

const pad9 = (n: number): string => n.toString().padStart(9, '0');
const twoDigits = fc.integer({ min: 0, max: 99 }).map((n) => n.toString().padStart(2, '0'));

describe('checkSnils: examples', () => {
  test('112-233-445 95 is valid and formatted', () => {
    assert.deepEqual(checkSnils('112-233-445 95'), {
      valid: true,
      normalized: '11223344595',
      formatted: '112-233-445 95',
    });
  });

  test('010-242-368 77 is valid', () => {
    const r = checkSnils('010-242-368 77');
    assert.equal(r.valid, true);
    assert.equal(r.valid && r.normalized, '01024236877');
  });

  test('112-233-445 96 fails with the expected check number in the reason', () => {
    const r = checkSnils('112-233-445 96');
    assert.equal(r.valid, false);
    if (r.valid) return;
    assert.equal(r.code, 'checksum');
    assert.match(r.reason, /^Контрольное число СНИЛС не совпадает: ожидалось 95, указано 96\./);
    assert.match(r.reasonEn, /expected 95, got 96/);
  });

  test('spaces, hyphens and no separators are all accepted', () => {
    for (const input of ['11223344595', '112 233 445 95', '112-233-445-95', ' 112-233-445 95 ', '112\u00a0233\u00a0445\u00a095', '112–233–445 95']) {
      const r = checkSnils(input);
      assert.equal(r.valid, true, input);
      assert.equal(r.valid && r.formatted, '112-233-445 95', input);
    }
  });

  test('a small check number is written with two digits', () => {
    // body 010000000: 1 × 8 = 8
    assert.equal(checkSnils('010-000-000 08').valid, true);
    const r = checkSnils('010-000-000 80');
    assert.equal(r.valid, false);
    assert.match(!r.valid ? r.reason : '', /ожидалось 08, указано 80/);
  });
});

describe('checkSnils: check number edge cases', () => {
  // Bodies found by search; their weighted sums are asserted below, so a wrong
  // body would make the test fail rather than silently test something else.
  const cases: Array<[body: string, sum: number, yy: string]> = [
    ['001326678', 99, '99'],
    ['001508815', 100, '00'],
    ['001437544', 101, '00'],
    ['001318759', 102, '01'],
    ['006996682', 201, '00'], // 201 mod 101 = 100 → 00
    ['298795994', 302, '00'], // 302 mod 101 = 100 → 00
    ['999999999', 405, '01'], // 405 mod 101 = 1
  ];
  for (const [body, sum, yy] of cases) {
    test(`sum ${sum} gives ${yy}`, () => {
      assert.equal(weightedSum(body), sum);
      assert.equal(snilsCheckNumber(body), Number(yy));
      assert.equal(checkSnils(body + yy).valid, true);
      if (yy === '00') {
        // c = 100 must not be written as "100" or taken as "10"
        assert.equal(checkSnils(body + '10').valid, false);
      }
      const wrong = yy === '00' ? '01' : '00';
      const r = checkSnils(body + wrong);
      assert.equal(r.valid, false);
      assert.equal(!r.valid && r.code, 'checksum');
    });
  }
});

describe('checkSnils: bodies up to 001-001-998 are not checked', () => {
  test('the boundary itself and smaller bodies accept any check number', () => {
    for (const yy of ['00', '42', '99']) {
      assert.equal(checkSnils(`001-001-998 ${yy}`).valid, true, yy);
      assert.equal(checkSnils(`000-000-001 ${yy}`).valid, true, yy);
      assert.equal(checkSnils(`000-000-000 ${yy}`).valid, true, yy);
    }
  });

  test('001-001-999 is the first checked body', () => {
    assert.equal(isSnilsBodyChecked('001001998'), false);
    assert.equal(isSnilsBodyChecked('001001999'), true);
    const yy = oracleCheck('001001999');
    assert.equal(checkSnils(`001-001-999 ${yy}`).valid, true);
    const other = yy === '00' ? '01' : '00';
    assert.equal(checkSnils(`001-001-999 ${other}`).valid, false);
  });

  test('property: any body ≤ 001001998 with any YY is valid', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_001_998 }), twoDigits, (body, yy) => {
        return checkSnils(pad9(body) + yy).valid === true;
      }),
    );
  });
});

describe('checkSnils: malformed input', () => {
  test('empty and blank input', () => {
    for (const input of ['', '   ', ' - ', null, undefined]) {
      const r = checkSnils(input);
      assert.equal(r.valid, false);
      if (r.valid) continue;
      assert.equal(r.code, 'empty');
      assert.equal(r.reason, 'Поле не заполнено.');
    }
  });

  test('wrong lengths name the number of digits entered', () => {
    const ten = checkSnils('112-233-445 9');
    assert.equal(!ten.valid && ten.code, 'length');
    assert.equal(!ten.valid && ten.reason, 'В СНИЛС должно быть 11 цифр, а введено 10 цифр.');
    const twelve = checkSnils('112-233-445 951');
    assert.equal(!twelve.valid && twelve.code, 'length');
    assert.match(!twelve.valid ? twelve.reason : '', /введено 12 цифр\./);
    const one = checkSnils('1');
    assert.match(!one.valid ? one.reason : '', /введена 1 цифра\./);
    const three = checkSnils('123');
    assert.match(!three.valid ? three.reason : '', /введено 3 цифры\./);
  });

  test('letters and other characters are a format error', () => {
    for (const input of ['112-233-445 9A', 'СНИЛС 112-233-445 95', '112.233.445 95', '112/233/445 95', '١١٢٢٣٣٤٤٥٩٥']) {
      const r = checkSnils(input);
      assert.equal(r.valid, false, input);
      assert.equal(!r.valid && r.code, 'format', input);
    }
  });
});

describe('checkSnils: properties', () => {
  const checkedBody = fc.integer({ min: 1_001_999, max: 999_999_999 }).map(pad9);

  test('a checked body with its computed check number is valid', () => {
    fc.assert(
      fc.property(checkedBody, (body) => {
        const r = checkSnils(body + oracleCheck(body));
        return r.valid && r.normalized === body + oracleCheck(body);
      }),
    );
  });

  test('a checked body with any other check number fails with code checksum', () => {
    fc.assert(
      fc.property(checkedBody, twoDigits, (body, yy) => {
        fc.pre(yy !== oracleCheck(body));
        const r = checkSnils(body + yy);
        return !r.valid && r.code === 'checksum' && r.reason.includes(`ожидалось ${oracleCheck(body)}, указано ${yy}`);
      }),
    );
  });

  test('formatting then re-checking is idempotent', () => {
    fc.assert(
      fc.property(checkedBody, (body) => {
        const first = checkSnils(body + oracleCheck(body));
        if (!first.valid) return false;
        const again = checkSnils(first.formatted);
        return (
          again.valid &&
          again.formatted === first.formatted &&
          again.normalized === first.normalized &&
          /^\d{3}-\d{3}-\d{3} \d{2}$/.test(first.formatted) &&
          formatSnils(first.normalized) === first.formatted
        );
      }),
    );
  });
});
