/**
 * OGRN — primary state registration number of a legal entity (ОГРН).
 *
 * 13 digits. Check digit: d13 = (d1..d12 as a number mod 11) mod 10; the
 * number is too large for exact float arithmetic, so BigInt is used.
 * Format rule: the first digit of an OGRN is 1 or 5 (other first digits
 * belong to other register numbers: 3 is OGRNIP, 2, 4, 6–9 are record
 * numbers, GRN).
 */
import { digitsEnteredEn, digitsEnteredRu, readDigits } from './digits.js';
import { type CheckResult, emptyResult, fail, ok } from './result.js';

export const OGRN_LENGTH = 13;
export const OGRN_FIRST_DIGITS = ['1', '5'] as const;

/** The check digit for the first 12 digits of an OGRN. */
export function ogrnCheckDigit(first12: string): number {
  if (!/^[0-9]{12}$/.test(first12)) throw new RangeError(`OGRN body must be 12 digits, got "${first12}"`);
  return Number(BigInt(first12) % 11n) % 10;
}

export function checkOgrn(value: string | null | undefined): CheckResult {
  const input = readDigits(value);
  if (input.kind === 'empty') return emptyResult();
  if (input.kind === 'format') {
    return fail(
      'format',
      'ОГРН может содержать только цифры. Уберите буквы и другие знаки.',
      'An OGRN may contain only digits. Please remove letters and other characters.',
    );
  }
  const { digits } = input;
  if (digits.length !== OGRN_LENGTH) {
    const hintRu = digits.length === 15 ? ' Номер из 15 цифр — это ОГРНИП индивидуального предпринимателя.' : '';
    const hintEn = digits.length === 15 ? ' A 15-digit number is an OGRNIP of a sole proprietor.' : '';
    return fail(
      'length',
      `В ОГРН должно быть 13 цифр, а ${digitsEnteredRu(digits.length)}.${hintRu}`,
      `An OGRN has 13 digits, but ${digitsEnteredEn(digits.length)}.${hintEn}`,
    );
  }
  const first = digits[0] ?? '';
  if (!(OGRN_FIRST_DIGITS as readonly string[]).includes(first)) {
    return fail(
      'format',
      `ОГРН юридического лица начинается с цифры 1 или 5, а этот номер начинается с ${first}. ` +
        'Проверьте, не указан ли вместо ОГРН другой номер из выписки, например номер записи (ГРН).',
      `An OGRN of a legal entity starts with 1 or 5, but this number starts with ${first}. ` +
        'Please check that it is not another number from the register extract, such as a record number (GRN).',
    );
  }
  const expected = ogrnCheckDigit(digits.slice(0, 12));
  const given = digits[12] ?? '';
  if (String(expected) !== given) {
    return fail(
      'checksum',
      `Контрольная цифра ОГРН не совпадает: последняя, 13-я цифра должна быть ${expected}, а указана ${given}. ` +
        'Проверьте, правильно ли введены все цифры.',
      `The OGRN check digit does not match: the last (13th) digit should be ${expected}, but it is ${given}. ` +
        'Please check that every digit is entered correctly.',
    );
  }
  return ok(digits, digits);
}
