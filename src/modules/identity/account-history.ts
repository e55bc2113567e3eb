/**
 * How the cabinet tells a citizen what happened to their account: audit-log
 * action names in plain Russian (English), who did it — the citizen, the
 * portal, or a service centre (never a staff member's name) — and a short
 * description of a browser from its user agent («Chrome, Android»).
 * Pure functions: the database work is in cabinet-history.ts.
 */
import type { Lang } from '../../platform/i18n.js';
import { historyMessages as h } from './cabinet-extra.messages.js';

type HistoryKey = (typeof h.keys)[number];
const KNOWN = new Set<string>(h.keys.filter((k) => k.startsWith('citizen.') || k.startsWith('staff.')));

/** The message key for an audit action: the exact name, else its family (citizen.checks.*), else generic. */
/** Other spellings of the same action. */
const ALIASES: Record<string, HistoryKey> = { 'citizen.password.change': 'citizen.password_change' };

export function actionKey(action: string): HistoryKey {
  if (KNOWN.has(action)) return action as HistoryKey;
  if (Object.hasOwn(ALIASES, action)) return ALIASES[action]!;
  if (action.startsWith('citizen.checks.')) return 'citizen.checks';
  return 'generic';
}

const METHOD_KEYS = { phone: 'method_phone', email: 'method_email', snils: 'method_snils' } as const;

/** «телефон» / «эл. почта» / «СНИЛС» for a sign-in method or a contact kind; null when unknown. */
export function methodLabel(lang: Lang, method: unknown): string | null {
  return typeof method === 'string' && Object.hasOwn(METHOD_KEYS, method) ? h(lang, METHOD_KEYS[method as keyof typeof METHOD_KEYS]) : null;
}

/** «Вход в личный кабинет (телефон)», «Изменён пароль», «Действие с учётной записью». Details add only the method or contact kind. */
export function describeAction(lang: Lang, action: string, details: Record<string, unknown> = {}): string {
  // Contact actions have a text per kind: «Подтверждён новый телефон».
  if (action.startsWith('citizen.contact.') && (details.kind === 'phone' || details.kind === 'email') && KNOWN.has(`${action}.${details.kind}`)) {
    return h(lang, `${action}.${details.kind}` as HistoryKey);
  }
  const key = actionKey(action);
  const text = h(lang, key);
  const extra =
    action === 'citizen.sign_in'
      ? methodLabel(lang, details.method)
      : action === 'citizen.registration.start' || action === 'citizen.recovery.request'
        ? methodLabel(lang, details.kind ?? details.channel)
        : null;
  return extra ? h(lang, 'methodSuffix', { action: text, method: extra }) : text;
}

export type HistoryActor = { kind: 'you' } | { kind: 'system' } | { kind: 'centre'; centre: string } | { kind: 'staff' } | { kind: 'other' };

/** Who acted, before the centre's name is known: the citizen themself, the portal, staff or someone else. */
export function actorKind(row: { actorType: string; actorId: string | null }, citizenId: string): 'you' | 'system' | 'staff' | 'other' {
  if (row.actorType === 'citizen') return row.actorId === citizenId ? 'you' : 'other';
  if (row.actorType === 'staff') return 'staff';
  return 'system';
}

export function actorLabel(lang: Lang, actor: HistoryActor): string {
  switch (actor.kind) {
    case 'you':
      return h(lang, 'actorYou');
    case 'system':
      return h(lang, 'actorSystem');
    case 'centre':
      return h(lang, 'actorCentre', { centre: actor.centre });
    case 'staff':
      return h(lang, 'actorStaff');
    case 'other':
      return h(lang, 'actorOther');
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Where a staff action names its service centre: details.centreId (or serviceCentreId), else the row's organisation. */
export function centreRefs(row: { organisationId: string | null; details: Record<string, unknown> }): { centreId: string | null; organisationId: string | null } {
  const d = row.details ?? {};
  const c = [d.centreId, d.serviceCentreId, d.centre_id].find((v): v is string => typeof v === 'string' && UUID.test(v)) ?? null;
  const o = row.organisationId && UUID.test(row.organisationId) ? row.organisationId : null;
  return { centreId: c, organisationId: o };
}

/** Browser names by user-agent token, most specific first (Chromium-based browsers say «Chrome» too). */
const BROWSERS: Array<[RegExp, string | 'yandex']> = [
  [/YaBrowser\//, 'yandex'],
  [/SamsungBrowser\//, 'Samsung Internet'],
  [/EdgA?\/|EdgiOS\/|Edge\//, 'Edge'],
  [/OPR\/|Opera|OPiOS\//, 'Opera'],
  [/Firefox\/|FxiOS\//, 'Firefox'],
  [/CriOS\//, 'Chrome'],
  [/Chromium\//, 'Chromium'],
  [/Chrome\//, 'Chrome'],
  [/Version\/[\d.]+.*Safari\//, 'Safari'],
  [/MSIE |Trident\//, 'Internet Explorer'],
];

const SYSTEMS: Array<[RegExp, string]> = [
  [/Android/, 'Android'],
  [/iPhone/, 'iPhone'],
  [/iPad/, 'iPad'],
  [/CrOS/, 'ChromeOS'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/Linux/, 'Linux'],
];

/** «Chrome, Android», «Safari, iPhone», «Яндекс Браузер, Windows»; «Неизвестное устройство» when nothing is recognised. */
export function describeUserAgent(lang: Lang, userAgent: string | null | undefined): string {
  const ua = userAgent ?? '';
  const browser = BROWSERS.find(([re]) => re.test(ua))?.[1] ?? null;
  const system = SYSTEMS.find(([re]) => re.test(ua))?.[1] ?? null;
  if (!browser && !system) return h(lang, 'unknownDevice');
  const b = browser === 'yandex' ? h(lang, 'yandex') : (browser ?? h(lang, 'unknownBrowser'));
  return system ? `${b}, ${system}` : b;
}
