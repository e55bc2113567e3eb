/**
 * Shared input handling for identifiers made of digits only (SNILS, INN,
 * OGRN, OGRNIP, passport, OKTMO). Internal to this folder.
 */
import { plural } from '../i18n.js';

/**
 * Separators people type or paste between groups of digits: any whitespace
 * (including the no-break spaces office programs insert) and hyphen or dash
 * characters (text editors often turn "-" into "–").
 */
const SEPARATORS = /[\s\-\u2010\u2011\u2012\u2013\u2014\u2212]/gu;

export type DigitsInput =
  | { kind: 'empty' }
  /** Something other than digits and separators, e.g. letters. */
  | { kind: 'format' }
  | { kind: 'digits'; digits: string };

/**
 * Strips separators and reports whether what is left is empty, contains
 * something other than ASCII digits, or is a string of digits. `extra` lists
 * further characters to treat as separators (e.g. '№' for passports).
 */
export function readDigits(value: string | null | undefined, extra = ''): DigitsInput {
  let rest = (value ?? '').replace(SEPARATORS, '');
  for (const ch of extra) rest = rest.split(ch).join('');
  if (rest === '') return { kind: 'empty' };
  if (!/^[0-9]+$/.test(rest)) return { kind: 'format' };
  return { kind: 'digits', digits: rest };
}

/** «введена 1 цифра», «введено 3 цифры», «введено 10 цифр». */
export function digitsEnteredRu(n: number): string {
  return plural('ru', n, {
    one: `введена ${n} цифра`,
    few: `введено ${n} цифры`,
    many: `введено ${n} цифр`,
    other: `введено ${n} цифры`,
  });
}

/** "1 digit was entered", "10 digits were entered". */
export function digitsEnteredEn(n: number): string {
  return n === 1 ? '1 digit was entered' : `${n} digits were entered`;
}

/** Digits of a string of ASCII digits as numbers. */
export function toDigitArray(digits: string): number[] {
  return Array.from(digits, (ch) => ch.charCodeAt(0) - 48);
}
