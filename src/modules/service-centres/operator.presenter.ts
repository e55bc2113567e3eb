/**
 * Exactly what of an account reaches the operator's screen. Search results:
 * name, birth year, level, masked phone. The card: names and birth date (the
 * operator compares them with the document), masked contacts, the passport's
 * series and the last two digits of its number, the SNILS check number only.
 */
import type { AccountLevel } from '../../platform/policy.js';
import { maskRecipient } from '../notifications/index.js';
import type { CitizenRow, ContactRow } from '../identity/identity.repository.js';
import type { PersonalData } from '../identity/personal-data.js';
import type { CheckState } from '../verification/index.js';

/** «***-***-*** 95»: only the check number of the SNILS. */
export function maskSnils(snils: string): string {
  const d = snils.replace(/\D/g, '');
  return `***-***-*** ${d.slice(-2)}`;
}

/** «76 24 ****24»: the series and the last two digits of the number. */
export function maskPassport(p: { series: string; number: string }): string {
  const s = p.series.replace(/\D/g, '');
  const n = p.number.replace(/\D/g, '');
  return `${s.slice(0, 2)} ${s.slice(2)} ****${n.slice(-2)}`;
}

export function fullName(lastName: string, firstName: string, middleName: string | null | undefined): string {
  return [lastName, firstName, middleName].filter(Boolean).join(' ');
}

/** The confirmed phone (else any phone), masked; null when there is none. */
export function maskedPhoneOf(contacts: readonly ContactRow[]): string | null {
  const phone = contacts.find((c) => c.kind === 'phone' && c.verifiedAt) ?? contacts.find((c) => c.kind === 'phone');
  return phone ? maskRecipient('sms', phone.value) : null;
}

export interface SearchResultView {
  id: string;
  fullName: string;
  birthYear: string | null;
  level: AccountLevel;
  status: 'pending' | 'active' | 'deleted';
  maskedPhone: string | null;
}

export function presentSearchResult(c: CitizenRow, pd: PersonalData | null, contacts: readonly ContactRow[]): SearchResultView {
  return {
    id: c.id,
    fullName: fullName(c.lastName, c.firstName, pd?.middleName ?? c.middleName),
    birthYear: pd ? pd.birthDate.slice(0, 4) : null,
    level: c.level,
    status: c.status,
    maskedPhone: maskedPhoneOf(contacts),
  };
}

export interface CitizenCardView {
  id: string;
  status: 'pending' | 'active' | 'deleted';
  level: AccountLevel;
  lastName: string;
  firstName: string;
  middleName: string | null;
  /** yyyy-mm-dd */
  birthDate: string | null;
  contacts: Array<{ kind: 'phone' | 'email'; masked: string; verified: boolean }>;
  /** «76 24 ****24» */
  passport: string | null;
  /** «***-***-*** 95» */
  snils: string | null;
  checks: CheckState;
  hasPersonalData: boolean;
  hasConfirmedPhone: boolean;
}

export function presentCitizenCard(c: CitizenRow, pd: PersonalData | null, contacts: readonly ContactRow[], checks: CheckState): CitizenCardView {
  return {
    id: c.id,
    status: c.status,
    level: c.level,
    lastName: pd?.lastName ?? c.lastName,
    firstName: pd?.firstName ?? c.firstName,
    middleName: pd ? pd.middleName : c.middleName,
    birthDate: pd?.birthDate ?? null,
    contacts: contacts.map((x) => ({ kind: x.kind, masked: maskRecipient(x.kind === 'phone' ? 'sms' : 'email', x.value), verified: Boolean(x.verifiedAt) })),
    passport: pd ? maskPassport(pd.passport) : null,
    snils: pd ? maskSnils(pd.snils) : null,
    checks,
    hasPersonalData: Boolean(pd),
    hasConfirmedPhone: contacts.some((x) => x.kind === 'phone' && x.verifiedAt),
  };
}
