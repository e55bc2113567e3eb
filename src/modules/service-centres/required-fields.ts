/**
 * The shared identifier checks say «Поле не заполнено.» for an empty field;
 * in an error summary listing several of them the operator cannot tell which
 * is which, so the desk forms name the field instead.
 */
import type { Lang } from '../../platform/i18n.js';
import type { FieldErrors } from '../identity/personal-data.js';
import { operatorMessages as t } from './operator.messages.js';

const REQUIRED = {
  passportSeries: 'seriesRequired',
  passportNumber: 'numberRequired',
  passportIssuerCode: 'issuerCodeRequired',
  snils: 'snilsRequired',
} as const;

/** Replaces the errors of empty identifier fields with a message naming the field. */
export function nameEmptyFields(lang: Lang, form: Record<string, string | undefined>, errors: FieldErrors): FieldErrors {
  for (const [field, key] of Object.entries(REQUIRED)) {
    if (errors[field] && !(form[field] ?? '').trim()) errors[field] = t(lang, key as (typeof REQUIRED)[keyof typeof REQUIRED]);
  }
  return errors;
}
