/**
 * Passport of a citizen of the Russian Federation (паспорт гражданина РФ).
 *
 * Series: 4 digits, usually printed as `45 09`; number: 6 digits. There is
 * no check digit. The issuing-unit code (код подразделения) is `NNN-NNN`.
 * The current passports have been issued since 1 October 1997 and are
 * issued from the age of 14.
 */
import { plural } from '../i18n.js';
import { digitsEnteredEn, digitsEnteredRu, readDigits } from './digits.js';
import { type CheckResult, emptyResult, fail, ok } from './result.js';

/** People often write «серия 4509 № 123456»; the sign № is ignored. */
const NUMBER_SIGN = '№';

function formatFailure(whatRu: string, whatEn: string): CheckResult {
  return fail(
    'format',
    `${whatRu} может содержать только цифры. Уберите буквы и другие знаки.`,
    `${whatEn} may contain only digits. Please remove letters and other characters.`,
  );
}

/** `45 09 123456` from 10 digits. */
export function formatPassport(digits: string): string {
  return `${digits.slice(0, 2)} ${digits.slice(2, 4)} ${digits.slice(4)}`;
}

/** Series and number together: `4509 123456`, `45 09 123456` or `4509123456`. */
export function checkPassport(value: string | null | undefined): CheckResult {
  const input = readDigits(value, NUMBER_SIGN);
  if (input.kind === 'empty') return emptyResult();
  if (input.kind === 'format') return formatFailure('Серия и номер паспорта', 'Passport series and number');
  const { digits } = input;
  if (digits.length !== 10) {
    return fail(
      'length',
      `Серия и номер паспорта — это 10 цифр (4 цифры серии и 6 цифр номера), а ${digitsEnteredRu(digits.length)}.`,
      `Passport series and number are 10 digits (4 for the series and 6 for the number), but ${digitsEnteredEn(digits.length)}.`,
    );
  }
  return ok(digits, formatPassport(digits));
}

/** The series alone: `4509` or `45 09`; formatted `45 09`. */
export function checkPassportSeries(value: string | null | undefined): CheckResult {
  const input = readDigits(value);
  if (input.kind === 'empty') return emptyResult();
  if (input.kind === 'format') return formatFailure('Серия паспорта', 'A passport series');
  const { digits } = input;
  if (digits.length !== 4) {
    return fail(
      'length',
      `Серия паспорта — это 4 цифры, а ${digitsEnteredRu(digits.length)}.`,
      `A passport series has 4 digits, but ${digitsEnteredEn(digits.length)}.`,
    );
  }
  return ok(digits, `${digits.slice(0, 2)} ${digits.slice(2)}`);
}

/** The number alone: 6 digits, `№ 123456` is accepted. */
export function checkPassportNumber(value: string | null | undefined): CheckResult {
  const input = readDigits(value, NUMBER_SIGN);
  if (input.kind === 'empty') return emptyResult();
  if (input.kind === 'format') return formatFailure('Номер паспорта', 'A passport number');
  const { digits } = input;
  if (digits.length !== 6) {
    return fail(
      'length',
      `Номер паспорта — это 6 цифр, а ${digitsEnteredRu(digits.length)}.`,
      `A passport number has 6 digits, but ${digitsEnteredEn(digits.length)}.`,
    );
  }
  return ok(digits, digits);
}

/** Issuing-unit code: `NNN-NNN` or `NNNNNN`; normalized `NNNNNN`, formatted `NNN-NNN`. */
export function checkIssuerCode(value: string | null | undefined): CheckResult {
  const input = readDigits(value);
  if (input.kind === 'empty') return emptyResult();
  if (input.kind === 'format') {
    return fail(
      'format',
      'Код подразделения может содержать только цифры и дефис, например 770-001. Уберите буквы и другие знаки.',
      'An issuing-unit code may contain only digits and a hyphen, e.g. 770-001. Please remove letters and other characters.',
    );
  }
  const { digits } = input;
  if (digits.length !== 6) {
    return fail(
      'length',
      `Код подразделения — это 6 цифр, например 770-001, а ${digitsEnteredRu(digits.length)}.`,
      `An issuing-unit code has 6 digits, e.g. 770-001, but ${digitsEnteredEn(digits.length)}.`,
    );
  }
  return ok(digits, `${digits.slice(0, 3)}-${digits.slice(3)}`);
}

// ---------------------------------------------------------------------------
// Issue date

/** A calendar date; month is 1..12. */
interface Day {
  y: number;
  m: number;
  d: number;
}

/** The day current passports started to be issued: 1 October 1997. */
export const PASSPORT_FIRST_ISSUE_DAY = '1997-10-01';
const FIRST_ISSUE: Day = { y: 1997, m: 10, d: 1 };

export const PASSPORT_MIN_AGE = 14;

/**
 * The easternmost Russian time zone (Kamchatka, Chukotka) is UTC+12 all year.
 * "Today" is taken there, so a passport issued today anywhere in Russia is
 * never reported as issued in the future, whatever the server's clock zone.
 */
const EASTERNMOST_OFFSET_MS = 12 * 60 * 60 * 1000;

/** Calendar dates (issue date, birth date) are read in UTC, as `new Date('2010-05-12')` creates them. */
function dayOf(date: Date): Day {
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

function compareDays(a: Day, b: Day): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * The day a person born on `birth` turns `years` old. For 29 February in a
 * non-leap year that is 28 February: a period in years that ends in a month
 * without the matching day ends on the month's last day (Civil Code, art. 192).
 */
function anniversary(birth: Day, years: number): Day {
  const y = birth.y + years;
  return { y, m: birth.m, d: Math.min(birth.d, daysInMonth(y, birth.m)) };
}

/** Full years between birth and `on`. */
function ageOn(birth: Day, on: Day): number {
  let age = on.y - birth.y;
  if (compareDays(anniversary(birth, age), on) > 0) age -= 1;
  return age;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');
const ruDay = (x: Day): string => `${pad2(x.d)}.${pad2(x.m)}.${x.y}`;
const isoDay = (x: Day): string => `${x.y}-${pad2(x.m)}-${pad2(x.d)}`;

function yearsRu(n: number): string {
  return `${n} ${plural('ru', n, { one: 'год', few: 'года', many: 'лет', other: 'года' })}`;
}

function isValidDate(date: unknown): date is Date {
  return date instanceof Date && !Number.isNaN(date.getTime());
}

/**
 * Checks the issue date of a passport: not in the future, not before
 * 01.10.1997, and, when the birth date is known, issued at age 14 or older.
 * normalized = `YYYY-MM-DD`, formatted = `DD.MM.YYYY`.
 */
export function checkPassportIssueDate(issueDate: Date, birthDate?: Date, today: Date = new Date()): CheckResult {
  if (issueDate === null || issueDate === undefined) return emptyResult();
  if (!isValidDate(issueDate)) {
    return fail('format', 'Дата выдачи паспорта указана неверно.', 'The passport issue date is not a valid date.');
  }
  if (birthDate !== undefined && !isValidDate(birthDate)) {
    return fail('format', 'Дата рождения указана неверно.', 'The date of birth is not a valid date.');
  }
  if (!isValidDate(today)) throw new RangeError('checkPassportIssueDate: `today` is not a valid date');

  const issued = dayOf(issueDate);
  const now = dayOf(new Date(today.getTime() + EASTERNMOST_OFFSET_MS));
  if (compareDays(issued, now) > 0) {
    return fail(
      'future',
      `Дата выдачи паспорта ${ruDay(issued)} ещё не наступила. Проверьте день, месяц и год.`,
      `The passport issue date ${isoDay(issued)} is in the future. Please check the day, month and year.`,
    );
  }
  if (compareDays(issued, FIRST_ISSUE) < 0) {
    return fail(
      'too_early',
      `Паспорта гражданина России нынешнего образца выдаются с 1 октября 1997 года, а указана дата выдачи ${ruDay(issued)}. ` +
        'Проверьте дату.',
      `Current Russian passports have been issued since 1 October 1997, but the issue date given is ${isoDay(issued)}. ` +
        'Please check the date.',
    );
  }
  if (birthDate !== undefined) {
    const born = dayOf(birthDate);
    if (compareDays(issued, born) < 0) {
      return fail(
        'before_birth',
        `Дата выдачи паспорта ${ruDay(issued)} раньше даты рождения ${ruDay(born)}. Проверьте обе даты.`,
        `The passport issue date ${isoDay(issued)} is earlier than the date of birth ${isoDay(born)}. Please check both dates.`,
      );
    }
    if (compareDays(issued, anniversary(born, PASSPORT_MIN_AGE)) < 0) {
      const age = ageOn(born, issued);
      return fail(
        'too_young',
        `Паспорт выдаётся с 14 лет, а на дату выдачи ${ruDay(issued)} владельцу было ${yearsRu(age)}. ` +
          'Проверьте дату выдачи и дату рождения.',
        `A passport is issued from the age of 14, but on the issue date ${isoDay(issued)} the holder was ${age === 1 ? '1 year' : `${age} years`} old. ` +
          'Please check the issue date and the date of birth.',
      );
    }
  }
  return ok(isoDay(issued), ruDay(issued));
}
