/**
 * Password rules (NIST SP 800-63B): at least 8 characters, up to 128, no
 * composition rules, refused when it is a common password or trivially
 * guessable (zxcvbn score below 2 with the common-password dictionaries).
 * Messages are for people: Russian first.
 */
import { zxcvbn, zxcvbnOptions } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import type { Lang } from './i18n.js';
import { defineMessages } from './i18n.js';

zxcvbnOptions.setOptions({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

const m = defineMessages({
  ru: {
    empty: 'Введите пароль.',
    short: 'Пароль слишком короткий: нужно не меньше {min} символов.',
    long: 'Пароль слишком длинный: не больше {max} символов.',
    weak: 'Этот пароль слишком простой или часто встречается. Придумайте другой: например, три-четыре несвязанных слова.',
    contains: 'Пароль не должен содержать ваш логин или имя.',
  },
  en: {
    empty: 'Enter a password.',
    short: 'The password is too short: at least {min} characters.',
    long: 'The password is too long: at most {max} characters.',
    weak: 'This password is too simple or too common. Choose another: for example, three or four unrelated words.',
    contains: 'The password must not contain your login or name.',
  },
});

export interface PasswordVerdict {
  ok: boolean;
  /** 0..4 (zxcvbn) */
  score: number;
  message?: string;
}

export function checkPassword(lang: Lang, password: string, userInputs: string[] = []): PasswordVerdict {
  if (!password) return { ok: false, score: 0, message: m(lang, 'empty') };
  if ([...password].length < PASSWORD_MIN) return { ok: false, score: 0, message: m(lang, 'short', { min: PASSWORD_MIN }) };
  if ([...password].length > PASSWORD_MAX) return { ok: false, score: 0, message: m(lang, 'long', { max: PASSWORD_MAX }) };
  const lower = password.toLowerCase();
  if (userInputs.some((u) => u.length >= 3 && lower.includes(u.toLowerCase()))) return { ok: false, score: 0, message: m(lang, 'contains') };
  const result = zxcvbn(password, userInputs);
  if (result.score < 2) return { ok: false, score: result.score, message: m(lang, 'weak') };
  return { ok: true, score: result.score };
}
