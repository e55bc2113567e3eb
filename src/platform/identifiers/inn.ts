/**
 * INN — taxpayer identification number (ИНН).
 *
 * 10 digits for an organisation, 12 for a person (citizen or sole
 * proprietor). With f(w) = (Σ w_i·d_i) mod 11 mod 10:
 * - 10 digits: d10 = f([2,4,10,3,5,9,4,6,8]) over d1..d9;
 * - 12 digits: d11 = f([7,2,4,10,3,5,9,4,6,8]) over d1..d10 and
 *   d12 = f([3,7,2,4,10,3,5,9,4,6,8]) over d1..d11.
 */
import { digitsEnteredEn, digitsEnteredRu, readDigits, toDigitArray } from './digits.js';
import { type CheckResult, emptyResult, fail, ok } from './result.js';

export const INN10_WEIGHTS = [2, 4, 10, 3, 5, 9, 4, 6, 8] as const;
export const INN12_WEIGHTS_11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8] as const;
export const INN12_WEIGHTS_12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8] as const;

/** (Σ w_i·d_i) mod 11 mod 10 over the first weights.length digits. */
export function innCheckDigit(digits: string, weights: readonly number[]): number {
  const d = toDigitArray(digits);
  if (d.length < weights.length) {
    throw new RangeError(`INN check digit needs ${weights.length} digits, got "${digits}"`);
  }
  const sum = weights.reduce((acc, w, i) => acc + w * (d[i] ?? 0), 0);
  return (sum % 11) % 10;
}

function checksumFailure(ordinalRu: string, ordinalEn: string, expected: number, given: string): CheckResult {
  return fail(
    'checksum',
    `Не совпадает ${ordinalRu}: она должна быть ${expected}, а указана ${given}. ` +
      'Проверьте, правильно ли введены все цифры.',
    `The ${ordinalEn} does not match: it should be ${expected}, but it is ${given}. ` +
      'Please check that every digit is entered correctly.',
  );
}

export function checkInn(value: string | null | undefined): CheckResult {
  const input = readDigits(value);
  if (input.kind === 'empty') return emptyResult();
  if (input.kind === 'format') {
    return fail(
      'format',
      'ИНН может содержать только цифры. Уберите буквы и другие знаки.',
      'An INN may contain only digits. Please remove letters and other characters.',
    );
  }
  const { digits } = input;
  if (digits.length === 10) {
    const d10 = innCheckDigit(digits, INN10_WEIGHTS);
    if (String(d10) !== digits[9]) {
      return checksumFailure(
        'контрольная цифра ИНН организации — последняя, 10-я цифра',
        'INN check digit (the last, 10th digit)',
        d10,
        digits[9] ?? '',
      );
    }
    return ok(digits, digits);
  }
  if (digits.length === 12) {
    const d11 = innCheckDigit(digits, INN12_WEIGHTS_11);
    if (String(d11) !== digits[10]) {
      return checksumFailure(
        'первая контрольная цифра ИНН — 11-я по счёту',
        'first INN check digit (the 11th digit)',
        d11,
        digits[10] ?? '',
      );
    }
    const d12 = innCheckDigit(digits, INN12_WEIGHTS_12);
    if (String(d12) !== digits[11]) {
      return checksumFailure(
        'вторая контрольная цифра ИНН — последняя, 12-я цифра',
        'second INN check digit (the last, 12th digit)',
        d12,
        digits[11] ?? '',
      );
    }
    return ok(digits, digits);
  }
  return fail(
    'length',
    'ИНН состоит из 10 цифр (у организации) или из 12 цифр (у гражданина и индивидуального ' +
      `предпринимателя), а ${digitsEnteredRu(digits.length)}.`,
    'An INN has 10 digits (for an organisation) or 12 digits (for a person or a sole proprietor), ' +
      `but ${digitsEnteredEn(digits.length)}.`,
  );
}
