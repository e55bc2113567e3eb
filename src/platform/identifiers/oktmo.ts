/**
 * OKTMO — code of a municipal territory from the All-Russian classifier
 * (ОКТМО, ОК 033-2013).
 *
 * 8 digits identify a municipality, 11 digits a settlement within it. The
 * code itself has no check digit. The third digit tells the kind of
 * municipality: 5 municipal okrug, 6 municipal district, 7 urban district.
 */
import { digitsEnteredEn, digitsEnteredRu, readDigits } from './digits.js';
import { type CheckResult, emptyResult, fail, ok } from './result.js';

export type OktmoMunicipalityType = 'municipal_district' | 'urban_district' | 'municipal_okrug';

const TYPE_BY_THIRD_DIGIT: Readonly<Record<string, OktmoMunicipalityType>> = {
  '5': 'municipal_okrug',
  '6': 'municipal_district',
  '7': 'urban_district',
};

export function checkOktmo(value: string | null | undefined): CheckResult {
  const input = readDigits(value);
  if (input.kind === 'empty') return emptyResult();
  if (input.kind === 'format') {
    return fail(
      'format',
      'Код ОКТМО может содержать только цифры. Уберите буквы и другие знаки.',
      'An OKTMO code may contain only digits. Please remove letters and other characters.',
    );
  }
  const { digits } = input;
  if (digits.length !== 8 && digits.length !== 11) {
    return fail(
      'length',
      'Код ОКТМО состоит из 8 цифр (муниципальное образование) или из 11 цифр (населённый пункт), ' +
        `а ${digitsEnteredRu(digits.length)}.`,
      'An OKTMO code has 8 digits (a municipality) or 11 digits (a settlement), ' +
        `but ${digitsEnteredEn(digits.length)}.`,
    );
  }
  return ok(digits, digits);
}

/**
 * The kind of municipality an OKTMO code belongs to, from its third digit;
 * null when the code is not a valid OKTMO or the digit means another kind.
 */
export function oktmoMunicipalityType(code: string): OktmoMunicipalityType | null {
  const result = checkOktmo(code);
  if (!result.valid) return null;
  return TYPE_BY_THIRD_DIGIT[result.normalized.charAt(2)] ?? null;
}
