/**
 * Russian mobile phone number: `+7 9XX XXX-XX-XX`.
 *
 * Parsed with libphonenumber-js, not a regex: a leading 8 is the Russian
 * trunk prefix (8 914 … = +7 914 …), and +7 is shared with Kazakhstan
 * (+7 6…, +7 7…), which the library's metadata tells apart. The `max`
 * metadata is needed for getType() to tell mobile from fixed-line numbers.
 * normalized = E.164 (`+79141234567`), formatted = `+7 914 123-45-67`.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { type CheckResult, emptyResult, fail, ok } from './result.js';

/**
 * Characters a phone number may be written with. libphonenumber-js finds a
 * number inside any text ("звоните +7 914…", extensions "доб. 12"), so
 * anything else is refused before parsing.
 */
const ALLOWED = /^\+?[0-9\s\-\u2010\u2011\u2012\u2013\u2014\u2212().]+$/u;

const EXAMPLE = '+7 9XX XXX-XX-XX';

/** `+7 914 123-45-67` from the 10-digit national number. */
export function formatRussianMobile(national: string): string {
  return `+7 ${national.slice(0, 3)} ${national.slice(3, 6)}-${national.slice(6, 8)}-${national.slice(8, 10)}`;
}

function formatFailure(): CheckResult {
  return fail(
    'format',
    `Не удалось разобрать номер телефона. Укажите номер мобильного телефона цифрами, например ${EXAMPLE}.`,
    `The phone number could not be read. Please enter a mobile phone number in digits, e.g. ${EXAMPLE}.`,
  );
}

export function checkPhone(value: string | null | undefined): CheckResult {
  const text = (value ?? '').trim();
  if (text === '') return emptyResult();
  if (!ALLOWED.test(text)) {
    return fail(
      'format',
      'Номер телефона может содержать только цифры, пробелы, скобки, дефисы и знак «+» в начале. ' +
        'Уберите буквы и другие знаки.',
      'A phone number may contain only digits, spaces, brackets, hyphens and a leading "+". ' +
        'Please remove letters and other characters.',
    );
  }
  const phone = parsePhoneNumberFromString(text, 'RU');
  if (!phone) return formatFailure();
  if (phone.countryCallingCode !== '7') {
    return fail(
      'country',
      `Это номер телефона другой страны (код +${phone.countryCallingCode}). Укажите российский мобильный номер: ${EXAMPLE}.`,
      `This is a phone number of another country (code +${phone.countryCallingCode}). Please enter a Russian mobile number: ${EXAMPLE}.`,
    );
  }
  if (phone.nationalNumber.length !== 10) {
    return fail(
      'length',
      'В номере мобильного телефона должно быть 10 цифр после +7 (или 11 цифр вместе с 8 в начале). ' +
        `Пример: ${EXAMPLE}.`,
      'A mobile phone number has 10 digits after +7 (or 11 digits including a leading 8). ' +
        `Example: ${EXAMPLE}.`,
    );
  }
  if (phone.country === 'KZ') {
    return fail(
      'country',
      `Это номер телефона в Казахстане, а не российский мобильный номер. Российский мобильный номер выглядит так: ${EXAMPLE}.`,
      `This is a phone number in Kazakhstan, not a Russian mobile number. A Russian mobile number looks like ${EXAMPLE}.`,
    );
  }
  if (phone.country !== 'RU' || !phone.isValid()) {
    return fail(
      'format',
      `Такого российского номера телефона не существует. Проверьте цифры; мобильный номер выглядит так: ${EXAMPLE}.`,
      `There is no such Russian phone number. Please check the digits; a mobile number looks like ${EXAMPLE}.`,
    );
  }
  if (phone.getType() !== 'MOBILE') {
    return fail(
      'not_mobile',
      `Это не мобильный номер (например, городской или номер 8-800). Укажите номер мобильного телефона: ${EXAMPLE}.`,
      `This is not a mobile number (e.g. a landline or an 8-800 number). Please enter a mobile phone number: ${EXAMPLE}.`,
    );
  }
  return ok(phone.number, formatRussianMobile(phone.nationalNumber));
}
