/**
 * OGRNIP — primary state registration number of a sole proprietor (ОГРНИП).
 *
 * 15 digits. Check digit: d15 = (d1..d14 as a number mod 13) mod 10,
 * computed with BigInt. Format rule: the first digit of an OGRNIP is 3.
 */
import { digitsEnteredEn, digitsEnteredRu, readDigits } from './digits.js';
import { type CheckResult, emptyResult, fail, ok } from './result.js';

export const OGRNIP_LENGTH = 15;
export const OGRNIP_FIRST_DIGIT = '3';

/** The check digit for the first 14 digits of an OGRNIP. */
export function ogrnipCheckDigit(first14: string): number {
  if (!/^[0-9]{14}$/.test(first14)) throw new RangeError(`OGRNIP body must be 14 digits, got "${first14}"`);
  return Number(BigInt(first14) % 13n) % 10;
}

export function checkOgrnip(value: string | null | undefined): CheckResult {
  const input = readDigits(value);
  if (input.kind === 'empty') return emptyResult();
  if (input.kind === 'format') {
    return fail(
      'format',
      'ОГРНИП может содержать только цифры. Уберите буквы и другие знаки.',
      'An OGRNIP may contain only digits. Please remove letters and other characters.',
    );
  }
  const { digits } = input;
  if (digits.length !== OGRNIP_LENGTH) {
    const hintRu = digits.length === 13 ? ' Номер из 13 цифр — это ОГРН организации, а не индивидуального предпринимателя.' : '';
    const hintEn = digits.length === 13 ? ' A 13-digit number is an OGRN of an organisation, not of a sole proprietor.' : '';
    return fail(
      'length',
      `В ОГРНИП должно быть 15 цифр, а ${digitsEnteredRu(digits.length)}.${hintRu}`,
      `An OGRNIP has 15 digits, but ${digitsEnteredEn(digits.length)}.${hintEn}`,
    );
  }
  const first = digits[0] ?? '';
  if (first !== OGRNIP_FIRST_DIGIT) {
    return fail(
      'format',
      `ОГРНИП индивидуального предпринимателя начинается с цифры 3, а этот номер начинается с ${first}. ` +
        'Проверьте, не указан ли вместо ОГРНИП другой номер из выписки, например номер записи (ГРНИП).',
      `An OGRNIP of a sole proprietor starts with 3, but this number starts with ${first}. ` +
        'Please check that it is not another number from the register extract, such as a record number (GRNIP).',
    );
  }
  const expected = ogrnipCheckDigit(digits.slice(0, 14));
  const given = digits[14] ?? '';
  if (String(expected) !== given) {
    return fail(
      'checksum',
      `Контрольная цифра ОГРНИП не совпадает: последняя, 15-я цифра должна быть ${expected}, а указана ${given}. ` +
        'Проверьте, правильно ли введены все цифры.',
      `The OGRNIP check digit does not match: the last (15th) digit should be ${expected}, but it is ${given}. ` +
        'Please check that every digit is entered correctly.',
    );
  }
  return ok(digits, digits);
}
