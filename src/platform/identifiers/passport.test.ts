import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  checkIssuerCode,
  checkPassport,
  checkPassportIssueDate,
  checkPassportNumber,
  checkPassportSeries,
} from './passport.js';

const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
const TODAY = new Date('2024-06-15T12:00:00Z');

describe('checkPassport', () => {
  test('the three usual spellings give the same result', () => {
    for (const input of ['4509 123456', '45 09 123456', '4509123456', ' 45 09  123456 ', '4509 № 123456']) {
      assert.deepEqual(checkPassport(input), { valid: true, normalized: '4509123456', formatted: '45 09 123456' }, input);
    }
  });

  test('empty, wrong length and letters', () => {
    const empty = checkPassport('');
    assert.equal(!empty.valid && empty.reason, 'Поле не заполнено.');
    const nine = checkPassport('4509 12345');
    assert.equal(!nine.valid && nine.code, 'length');
    assert.match(!nine.valid ? nine.reason : '', /10 цифр .* а введено 9 цифр\./);
    const eleven = checkPassport('4509 1234567');
    assert.equal(!eleven.valid && eleven.code, 'length');
    for (const input of ['45O9 123456', 'серия 4509 номер 123456', '4509/123456']) {
      const r = checkPassport(input);
      assert.equal(!r.valid && r.code, 'format', input);
    }
  });

  test('property: formatting then re-checking is idempotent', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999_999_999 }), (n) => {
        const digits = String(n).padStart(10, '0');
        const first = checkPassport(digits);
        if (!first.valid) return false;
        const again = checkPassport(first.formatted);
        return (
          again.valid &&
          again.normalized === digits &&
          again.formatted === first.formatted &&
          /^\d{2} \d{2} \d{6}$/.test(first.formatted)
        );
      }),
    );
  });
});

describe('checkPassportSeries / checkPassportNumber / checkIssuerCode', () => {
  test('series: 4 digits, formatted with a space', () => {
    assert.deepEqual(checkPassportSeries('4509'), { valid: true, normalized: '4509', formatted: '45 09' });
    assert.deepEqual(checkPassportSeries('45 09'), { valid: true, normalized: '4509', formatted: '45 09' });
    const r = checkPassportSeries('450');
    assert.equal(!r.valid && r.code, 'length');
    assert.match(!r.valid ? r.reason : '', /4 цифры, а введено 3 цифры/);
    assert.equal(checkPassportSeries('45A9').valid, false);
    const empty = checkPassportSeries('');
    assert.equal(!empty.valid && empty.code, 'empty');
  });

  test('number: 6 digits', () => {
    assert.deepEqual(checkPassportNumber('123456'), { valid: true, normalized: '123456', formatted: '123456' });
    assert.equal(checkPassportNumber('№ 123456').valid, true);
    const r = checkPassportNumber('12345');
    assert.equal(!r.valid && r.code, 'length');
    assert.equal(checkPassportNumber('1234567').valid, false);
    assert.equal(checkPassportNumber('12345б').valid, false);
  });

  test('issuer code: NNN-NNN or NNNNNN', () => {
    assert.deepEqual(checkIssuerCode('770-001'), { valid: true, normalized: '770001', formatted: '770-001' });
    assert.deepEqual(checkIssuerCode('770001'), { valid: true, normalized: '770001', formatted: '770-001' });
    const short = checkIssuerCode('770-01');
    assert.equal(!short.valid && short.code, 'length');
    assert.match(!short.valid ? short.reason : '', /6 цифр/);
    const letters = checkIssuerCode('77O-001');
    assert.equal(!letters.valid && letters.code, 'format');
    const empty = checkIssuerCode(' ');
    assert.equal(!empty.valid && empty.code, 'empty');
  });
});

describe('checkPassportIssueDate', () => {
  test('a plausible date is valid and formatted dd.mm.yyyy', () => {
    assert.deepEqual(checkPassportIssueDate(day('2010-05-12'), day('1980-01-01'), TODAY), {
      valid: true,
      normalized: '2010-05-12',
      formatted: '12.05.2010',
    });
  });

  test('today is allowed, tomorrow is not', () => {
    assert.equal(checkPassportIssueDate(day('2024-06-15'), undefined, TODAY).valid, true);
    const r = checkPassportIssueDate(day('2024-06-17'), undefined, TODAY);
    assert.equal(r.valid, false);
    assert.equal(!r.valid && r.code, 'future');
    assert.match(!r.valid ? r.reason : '', /17\.06\.2024 ещё не наступила/);
  });

  test('"today" is the date in the easternmost Russian time zone (UTC+12)', () => {
    // 13:00 UTC on 15 June is already 01:00 on 16 June in Kamchatka.
    const lateUtc = new Date('2024-06-15T13:00:00Z');
    assert.equal(checkPassportIssueDate(day('2024-06-16'), undefined, lateUtc).valid, true);
    const earlyUtc = new Date('2024-06-15T11:00:00Z');
    assert.equal(checkPassportIssueDate(day('2024-06-16'), undefined, earlyUtc).valid, false);
  });

  test('not before 1 October 1997', () => {
    assert.equal(checkPassportIssueDate(day('1997-10-01'), undefined, TODAY).valid, true);
    const r = checkPassportIssueDate(day('1997-09-30'), undefined, TODAY);
    assert.equal(!r.valid && r.code, 'too_early');
    assert.match(!r.valid ? r.reason : '', /с 1 октября 1997 года, а указана дата выдачи 30\.09\.1997/);
  });

  test('issued at 14 or older', () => {
    const birth = day('1990-05-12');
    assert.equal(checkPassportIssueDate(day('2004-05-12'), birth, TODAY).valid, true, 'on the 14th birthday');
    const r = checkPassportIssueDate(day('2004-05-11'), birth, TODAY);
    assert.equal(!r.valid && r.code, 'too_young');
    assert.match(!r.valid ? r.reason : '', /владельцу было 13 лет/);
    assert.match(!r.valid ? r.reasonEn : '', /was 13 years old/);
  });

  test('born on 29 February: 14 on 28 February of a non-leap year', () => {
    const birth = day('1996-02-29');
    assert.equal(checkPassportIssueDate(day('2010-02-28'), birth, TODAY).valid, true);
    assert.equal(checkPassportIssueDate(day('2010-02-27'), birth, TODAY).valid, false);
  });

  test('issued before birth', () => {
    const r = checkPassportIssueDate(day('2000-01-01'), day('2001-01-01'), TODAY);
    assert.equal(!r.valid && r.code, 'before_birth');
  });

  test('invalid dates', () => {
    const r = checkPassportIssueDate(new Date('not a date'), undefined, TODAY);
    assert.equal(!r.valid && r.code, 'format');
    const b = checkPassportIssueDate(day('2010-05-12'), new Date(Number.NaN), TODAY);
    assert.equal(!b.valid && b.code, 'format');
  });

  test('property: ages below 14 are refused, 14 and above accepted', () => {
    const DAY_MS = 86_400_000;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 365 * 50 }), // birth: days after 1960-01-01
        fc.oneof(
          fc.integer({ min: 0, max: 365 * 30 }), // any gap up to 30 years
          fc.integer({ min: 365 * 14 - 400, max: 365 * 14 + 400 }), // around the 14th birthday
        ),
        (birthIndex, gapDays) => {
          const birth = new Date(Date.UTC(1960, 0, 1) + birthIndex * DAY_MS);
          const issue = new Date(birth.getTime() + gapDays * DAY_MS);
          fc.pre(issue.getTime() >= Date.UTC(1997, 9, 1) && issue.getTime() <= TODAY.getTime());
          // 29 February is pinned by its own test above
          fc.pre(!(birth.getUTCMonth() === 1 && birth.getUTCDate() === 29));
          // reference age by plain comparison of (month, day)
          let age = issue.getUTCFullYear() - birth.getUTCFullYear();
          const beforeBirthday =
            issue.getUTCMonth() < birth.getUTCMonth() ||
            (issue.getUTCMonth() === birth.getUTCMonth() && issue.getUTCDate() < birth.getUTCDate());
          if (beforeBirthday) age -= 1;
          const r = checkPassportIssueDate(issue, birth, TODAY);
          return age >= 14 ? r.valid : !r.valid && r.code === 'too_young';
        },
      ),
    );
  });
});
