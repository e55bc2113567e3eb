/**
 * Tiny typed i18n. Russian is the source language; every message object is
 * declared with `defineMessages`, so a missing English key is a type error.
 *
 * Why not i18next: we need flat, typed dictionaries per module plus Russian
 * plurals (Intl.PluralRules gives one/few/many/other) and nothing else; a
 * typed helper avoids stringly-typed keys that fail only at run time.
 */
export const LANGS = ['ru', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

type Vars = Record<string, string | number>;

/** Replaces `{name}` with vars.name. Unknown placeholders stay as written. */
export function interpolate(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

export interface Messages<K extends string> {
  (lang: Lang, key: K, vars?: Vars): string;
  keys: readonly K[];
}

/**
 * defineMessages({ ru: { hello: 'Здравствуйте, {name}' }, en: { hello: 'Hello, {name}' } })
 * returns t(lang, 'hello', { name }).
 */
export function defineMessages<R extends Record<string, string>>(dict: {
  ru: R;
  en: { [K in keyof R]: string };
}): Messages<Extract<keyof R, string>> {
  const fn = ((lang: Lang, key: Extract<keyof R, string>, vars?: Vars) =>
    interpolate((dict[lang] as Record<string, string>)[key] ?? dict.ru[key] ?? key, vars)) as Messages<
    Extract<keyof R, string>
  >;
  fn.keys = Object.keys(dict.ru) as Extract<keyof R, string>[];
  return fn;
}

export interface PluralForms {
  one: string;
  few?: string;
  many?: string;
  other: string;
}

/** plural('ru', 5, { one: 'секунду', few: 'секунды', many: 'секунд', other: 'секунды' }) → 'секунд'. */
export function plural(lang: Lang, n: number, forms: PluralForms): string {
  const rule = new Intl.PluralRules(lang).select(n) as keyof PluralForms;
  return forms[rule] ?? forms.other;
}

/** dd.mm.yyyy for Russian, yyyy-mm-dd for English; always in the given time zone. */
export function formatDate(lang: Lang, date: Date, timeZone = 'Europe/Moscow'): string {
  if (lang === 'ru') {
    return new Intl.DateTimeFormat('ru-RU', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone }).format(date);
  }
  return new Intl.DateTimeFormat('en-CA', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone }).format(date);
}

/** «23.11.2026 07:24» in the given zone; with `showZone`, «23.11.2026 07:24 (GMT+9)». */
export function formatDateTime(lang: Lang, date: Date, timeZone = 'Europe/Moscow', showZone = false): string {
  const time = new Intl.DateTimeFormat(lang === 'ru' ? 'ru-RU' : 'en-GB', { hour: '2-digit', minute: '2-digit', timeZone }).format(date);
  const zone = showZone
    ? ` (${new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'shortOffset' }).formatToParts(date).find((p) => p.type === 'timeZoneName')?.value ?? timeZone})`
    : '';
  return `${formatDate(lang, date, timeZone)} ${time}${zone}`;
}

/** 1 234 567 (narrow no-break spaces in Russian). */
export function formatNumber(lang: Lang, n: number): string {
  return new Intl.NumberFormat(lang === 'ru' ? 'ru-RU' : 'en-GB').format(n);
}
