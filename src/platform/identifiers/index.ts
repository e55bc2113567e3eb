/**
 * Validators for the identifiers people enter in forms and the CLI checks.
 * Each returns a CheckResult: normalized and formatted values when valid, a
 * Russian reason with an English twin and a machine code when not.
 */
import { checkInn } from './inn.js';
import { checkOgrn } from './ogrn.js';
import { checkOgrnip } from './ogrnip.js';
import { checkPassport } from './passport.js';
import { checkPhone } from './phone.js';
import type { CheckResult } from './result.js';
import { checkSnils } from './snils.js';

export * from './result.js';
export * from './snils.js';
export * from './inn.js';
export * from './ogrn.js';
export * from './ogrnip.js';
export * from './passport.js';
export * from './phone.js';
export * from './oktmo.js';

export const IDENTIFIER_KINDS = ['snils', 'inn', 'ogrn', 'ogrnip', 'passport', 'phone'] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

export function isIdentifierKind(value: unknown): value is IdentifierKind {
  return typeof value === 'string' && (IDENTIFIER_KINDS as readonly string[]).includes(value);
}

/** What each kind is called, for messages. */
export const IDENTIFIER_LABELS: Readonly<Record<IdentifierKind, { ru: string; en: string }>> = {
  snils: { ru: 'СНИЛС', en: 'SNILS' },
  inn: { ru: 'ИНН', en: 'INN' },
  ogrn: { ru: 'ОГРН', en: 'OGRN' },
  ogrnip: { ru: 'ОГРНИП', en: 'OGRNIP' },
  passport: { ru: 'Паспорт', en: 'Passport' },
  phone: { ru: 'Телефон', en: 'Phone' },
};

const CHECKERS: Readonly<Record<IdentifierKind, (value: string) => CheckResult>> = {
  snils: checkSnils,
  inn: checkInn,
  ogrn: checkOgrn,
  ogrnip: checkOgrnip,
  passport: checkPassport,
  phone: checkPhone,
};

export function checkIdentifier(kind: IdentifierKind, value: string): CheckResult {
  const checker = CHECKERS[kind];
  if (!checker) throw new RangeError(`Unknown identifier kind: ${String(kind)}`);
  return checker(value);
}
