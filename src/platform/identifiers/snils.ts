/**
 * SNILS — insurance number of an individual personal account (СНИЛС).
 *
 * 11 digits written `XXX-XXX-XXX YY`: a 9-digit body and a 2-digit check
 * number YY. Official rule: for the body d1..d9, s = Σ d_i × (10 − i)
 * (weights 9..1); c = s if s < 100, 0 if s is 100 or 101, otherwise s mod 101,
 * and 0 if that gives 100. YY must equal c written with two digits.
 * The check applies only to bodies greater than 001-001-998; numbers with a
 * smaller body were issued before the rule and are valid with any YY.
 */
import { digitsEnteredEn, digitsEnteredRu, readDigits, toDigitArray } from './digits.js';
import { type CheckResult, emptyResult, fail, ok } from './result.js';

export const SNILS_LENGTH = 11;

/** Bodies (as integers) up to and including this one are not checked. */
export const SNILS_LAST_UNCHECKED_BODY = 1_001_998;

/** The check number (0..99) for a 9-digit body given as a string of digits. */
export function snilsCheckNumber(body: string): number {
  if (!/^[0-9]{9}$/.test(body)) throw new RangeError(`SNILS body must be 9 digits, got "${body}"`);
  const s = toDigitArray(body).reduce((sum, d, i) => sum + d * (9 - i), 0);
  const c = s < 100 ? s : s <= 101 ? 0 : s % 101;
  return c === 100 ? 0 : c;
}

/** Whether the check number is verified for this 9-digit body. */
export function isSnilsBodyChecked(body: string): boolean {
  return Number(body) > SNILS_LAST_UNCHECKED_BODY;
}

/** `XXX-XXX-XXX YY` from 11 digits. */
export function formatSnils(digits: string): string {
  return `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6, 9)} ${digits.slice(9, 11)}`;
}

export function checkSnils(value: string | null | undefined): CheckResult {
  const input = readDigits(value);
  if (input.kind === 'empty') return emptyResult();
  if (input.kind === 'format') {
    return fail(
      'format',
      'СНИЛС может содержать только цифры, пробелы и дефисы. Уберите буквы и другие знаки.',
      'A SNILS may contain only digits, spaces and hyphens. Please remove letters and other characters.',
    );
  }
  const { digits } = input;
  if (digits.length !== SNILS_LENGTH) {
    return fail(
      'length',
      `В СНИЛС должно быть 11 цифр, а ${digitsEnteredRu(digits.length)}.`,
      `A SNILS has 11 digits, but ${digitsEnteredEn(digits.length)}.`,
    );
  }
  const body = digits.slice(0, 9);
  const given = digits.slice(9);
  if (isSnilsBodyChecked(body)) {
    const expected = String(snilsCheckNumber(body)).padStart(2, '0');
    if (expected !== given) {
      return fail(
        'checksum',
        `Контрольное число СНИЛС не совпадает: ожидалось ${expected}, указано ${given}. ` +
          'Проверьте, правильно ли введены все цифры.',
        `The SNILS check number does not match: expected ${expected}, got ${given}. ` +
          'Please check that every digit is entered correctly.',
      );
    }
  }
  return ok(digits, formatSnils(digits));
}
