/**
 * The citizen's personal data (step 2) as a model: parsing of what was typed,
 * field-level Russian messages, normalisation. Pure functions: no database.
 */
import type { Lang } from '../../platform/i18n.js';
import { checkIssuerCode, checkPassportIssueDate, checkPassportNumber, checkPassportSeries, checkPhone, checkSnils } from '../../platform/identifiers/index.js';
import { identityMessages as t } from './identity.messages.js';

export interface PersonalData {
  lastName: string;
  firstName: string;
  middleName: string | null;
  /** yyyy-mm-dd */
  birthDate: string;
  birthPlace: string;
  gender: 'male' | 'female';
  citizenship: 'RUS';
  /** 11 digits */
  snils: string;
  passport: { series: string; number: string; issueDate: string; issuerCode: string; issuedBy: string };
  registrationAddress: string;
  residenceAddress: string;
  residenceSameAsRegistration: boolean;
}

export type FieldErrors = Record<string, string>;

const NAME_RE = /^[А-ЯЁа-яё]+(?:[ '\-–][А-ЯЁа-яё]+)*$/;

/** Trims and collapses spaces; «ё» is kept as typed. */
export function cleanText(value: unknown): string {
  return typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '';
}

/** Capitalises each part of a name: «иванов-петров» → «Иванов-Петров». */
export function normaliseName(value: string): string {
  return value
    .toLowerCase()
    .replace(/(^|[ '\-–])([а-яё])/g, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

export function checkName(lang: Lang, value: string, field: 'lastName' | 'firstName' | 'middleName'): string | null {
  if (!value) return t(lang, field === 'lastName' ? 'lastNameRequired' : field === 'firstName' ? 'firstNameRequired' : 'middleNameRequired');
  if (value.length > 60) return t(lang, 'nameTooLong');
  if (!NAME_RE.test(value)) return t(lang, 'nameLetters');
  return null;
}

/** Accepts 15.04.1985, 15/04/1985, 1985-04-15. Returns yyyy-mm-dd or null. */
export function parseRussianDate(value: string): string | null {
  const v = value.trim();
  let d: number, m: number, y: number;
  let match = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(v);
  if (match) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v))) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function formatIsoAsRussian(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

export function ageOn(birthIso: string, today: Date): number {
  const [y, m, d] = birthIso.split('-').map(Number) as [number, number, number];
  let age = today.getUTCFullYear() - y;
  if (today.getUTCMonth() + 1 < m || (today.getUTCMonth() + 1 === m && today.getUTCDate() < d)) age--;
  return age;
}

export interface ContactInput {
  kind: 'phone' | 'email';
  /** E.164 phone or lower-case e-mail */
  value: string;
}

const EMAIL_RE = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;

export function checkEmail(lang: Lang, value: string): { ok: true; value: string } | { ok: false; message: string } {
  const v = value.trim().toLowerCase();
  if (!v) return { ok: false, message: t(lang, 'emailRequired') };
  if (v.length > 254 || !EMAIL_RE.test(v)) return { ok: false, message: t(lang, 'emailInvalid') };
  return { ok: true, value: v };
}

export function checkMobile(lang: Lang, value: string): { ok: true; value: string } | { ok: false; message: string } {
  const r = checkPhone(value);
  if (r.valid) return { ok: true, value: r.normalized };
  return { ok: false, message: lang === 'ru' ? r.reason : r.reasonEn };
}

/** Step 1 / the desk's contact: a phone or an e-mail (exactly what was typed is kept by the caller). */
export function parseContact(lang: Lang, phone: string, email: string): { contact: ContactInput | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (!phone.trim() && !email.trim()) {
    errors.phone = t(lang, 'contactRequired');
    return { contact: null, errors };
  }
  if (phone.trim()) {
    const p = checkMobile(lang, phone);
    if (p.ok) return { contact: { kind: 'phone', value: p.value }, errors };
    errors.phone = p.message;
    return { contact: null, errors };
  }
  const e = checkEmail(lang, email);
  if (e.ok) return { contact: { kind: 'email', value: e.value }, errors };
  errors.email = e.message;
  return { contact: null, errors };
}

export type PersonalDataForm = Record<string, string | undefined>;

/** Parses the step-2 form. Every problem is reported against its field. */
export function parsePersonalData(lang: Lang, form: PersonalDataForm, today = new Date()): { data: PersonalData | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const f = (k: string) => cleanText(form[k]);
  const lastName = normaliseName(f('lastName'));
  const firstName = normaliseName(f('firstName'));
  const noMiddleName = form.noMiddleName === 'on' || form.noMiddleName === 'true';
  const middleName = noMiddleName ? null : normaliseName(f('middleName'));
  for (const [field, value] of [['lastName', lastName], ['firstName', firstName]] as const) {
    const e = checkName(lang, value, field);
    if (e) errors[field] = e;
  }
  if (!noMiddleName) {
    const e = checkName(lang, middleName ?? '', 'middleName');
    if (e) errors.middleName = e;
  }

  const birthDate = parseRussianDate(f('birthDate'));
  if (!f('birthDate')) errors.birthDate = t(lang, 'birthDateRequired');
  else if (!birthDate) errors.birthDate = t(lang, 'dateInvalid');
  else if (birthDate > today.toISOString().slice(0, 10)) errors.birthDate = t(lang, 'birthDateFuture');
  else if (ageOn(birthDate, today) < 14) errors.birthDate = t(lang, 'tooYoung');
  else if (ageOn(birthDate, today) > 120) errors.birthDate = t(lang, 'dateInvalid');

  const birthPlace = f('birthPlace');
  if (!birthPlace) errors.birthPlace = t(lang, 'birthPlaceRequired');
  else if (birthPlace.length > 200) errors.birthPlace = t(lang, 'tooLong');

  const gender = form.gender === 'male' || form.gender === 'female' ? form.gender : null;
  if (!gender) errors.gender = t(lang, 'genderRequired');

  const snilsResult = checkSnils(f('snils'));
  if (!snilsResult.valid) errors.snils = lang === 'ru' ? snilsResult.reason : snilsResult.reasonEn;

  const series = checkPassportSeries(f('passportSeries'));
  if (!series.valid) errors.passportSeries = lang === 'ru' ? series.reason : series.reasonEn;
  const number = checkPassportNumber(f('passportNumber'));
  if (!number.valid) errors.passportNumber = lang === 'ru' ? number.reason : number.reasonEn;
  const issueDate = parseRussianDate(f('passportIssueDate'));
  if (!f('passportIssueDate')) errors.passportIssueDate = t(lang, 'issueDateRequired');
  else if (!issueDate) errors.passportIssueDate = t(lang, 'dateInvalid');
  else {
    const r = checkPassportIssueDate(new Date(`${issueDate}T00:00:00Z`), birthDate ? new Date(`${birthDate}T00:00:00Z`) : undefined, today);
    if (!r.valid) errors.passportIssueDate = lang === 'ru' ? r.reason : r.reasonEn;
  }
  const issuer = checkIssuerCode(f('passportIssuerCode'));
  if (!issuer.valid) errors.passportIssuerCode = lang === 'ru' ? issuer.reason : issuer.reasonEn;
  const issuedBy = f('passportIssuedBy');
  if (!issuedBy) errors.passportIssuedBy = t(lang, 'issuedByRequired');
  else if (issuedBy.length > 300) errors.passportIssuedBy = t(lang, 'tooLong');

  const registrationAddress = f('registrationAddress');
  if (!registrationAddress) errors.registrationAddress = t(lang, 'registrationAddressRequired');
  else if (registrationAddress.length < 10) errors.registrationAddress = t(lang, 'addressTooShort');
  else if (registrationAddress.length > 400) errors.registrationAddress = t(lang, 'tooLong');
  const same = form.residenceSameAsRegistration === 'on' || form.residenceSameAsRegistration === 'true';
  const residenceAddress = same ? registrationAddress : f('residenceAddress');
  if (!same) {
    if (!residenceAddress) errors.residenceAddress = t(lang, 'residenceAddressRequired');
    else if (residenceAddress.length < 10) errors.residenceAddress = t(lang, 'addressTooShort');
    else if (residenceAddress.length > 400) errors.residenceAddress = t(lang, 'tooLong');
  }

  if (Object.keys(errors).length > 0) return { data: null, errors };
  return {
    data: {
      lastName,
      firstName,
      middleName: middleName || null,
      birthDate: birthDate!,
      birthPlace,
      gender: gender!,
      citizenship: 'RUS',
      snils: (snilsResult as { normalized: string }).normalized,
      passport: {
        series: (series as { normalized: string }).normalized,
        number: (number as { normalized: string }).normalized,
        issueDate: issueDate!,
        issuerCode: (issuer as { formatted: string }).formatted,
        issuedBy,
      },
      registrationAddress,
      residenceAddress,
      residenceSameAsRegistration: same,
    },
    errors,
  };
}

/** The form's values from saved data (to show it again for correction). */
export function personalDataToForm(d: PersonalData): PersonalDataForm {
  return {
    lastName: d.lastName,
    firstName: d.firstName,
    middleName: d.middleName ?? '',
    noMiddleName: d.middleName ? undefined : 'on',
    birthDate: formatIsoAsRussian(d.birthDate),
    birthPlace: d.birthPlace,
    gender: d.gender,
    snils: `${d.snils.slice(0, 3)}-${d.snils.slice(3, 6)}-${d.snils.slice(6, 9)} ${d.snils.slice(9)}`,
    passportSeries: d.passport.series,
    passportNumber: d.passport.number,
    passportIssueDate: formatIsoAsRussian(d.passport.issueDate),
    passportIssuerCode: d.passport.issuerCode,
    passportIssuedBy: d.passport.issuedBy,
    registrationAddress: d.registrationAddress,
    residenceAddress: d.residenceSameAsRegistration ? '' : d.residenceAddress,
    residenceSameAsRegistration: d.residenceSameAsRegistration ? 'on' : undefined,
  };
}
