/**
 * «Найти учётную запись»: exact match by SNILS, phone, e-mail, or surname +
 * first name + birth date, through the blind indexes (nothing is decrypted to
 * search). Every search is audited (which kind, how many found, never the
 * value) and limited per operator: 60 per 10 minutes.
 */
import type { AppContext } from '../../platform/context.js';
import { appendAudit } from '../../platform/audit.js';
import { checkSnils } from '../../platform/identifiers/index.js';
import type { Lang } from '../../platform/i18n.js';
import { hitLimit } from '../../platform/rate-limit.js';
import {
  findCitizenIdsByContact,
  findCitizenIdsByNameBirth,
  findCitizenIdsBySnils,
  getCitizen,
  listContacts,
  loadPersonalData,
} from '../identity/identity.repository.js';
import { identityMessages as idt } from '../identity/identity.messages.js';
import { checkEmail, checkMobile, checkName, cleanText, normaliseName, parseRussianDate, type FieldErrors } from '../identity/personal-data.js';
import { deskAudit, type Desk } from './desk.js';
import { operatorMessages as t } from './operator.messages.js';
import { presentSearchResult, type SearchResultView } from './operator.presenter.js';

export const SEARCH_KINDS = ['snils', 'phone', 'email', 'name'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export function isSearchKind(v: unknown): v is SearchKind {
  return typeof v === 'string' && (SEARCH_KINDS as readonly string[]).includes(v);
}

export const SEARCH_LIMIT = { perWindow: 60, windowSeconds: 600 } as const;

export interface SearchInput {
  kind: SearchKind;
  snils?: string;
  phone?: string;
  email?: string;
  lastName?: string;
  firstName?: string;
  birthDate?: string;
}

export type SearchResult = { ok: true; results: SearchResultView[] } | { ok: false; status: 422 | 429; errors: FieldErrors };

type Query = { kind: 'snils'; snils: string } | { kind: 'phone' | 'email'; value: string } | { kind: 'name'; lastName: string; firstName: string; birthDate: string };

function parseQuery(lang: Lang, input: SearchInput): { query: Query | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  switch (input.kind) {
    case 'snils': {
      const r = checkSnils(input.snils ?? '');
      if (!r.valid) errors.snils = cleanText(input.snils) ? (lang === 'ru' ? r.reason : r.reasonEn) : t(lang, 'snilsRequired');
      return { query: r.valid ? { kind: 'snils', snils: r.normalized } : null, errors };
    }
    case 'phone': {
      if (!cleanText(input.phone)) return { query: null, errors: { phone: t(lang, 'phoneToFind') } };
      const r = checkMobile(lang, input.phone ?? '');
      if (!r.ok) return { query: null, errors: { phone: r.message } };
      return { query: { kind: 'phone', value: r.value }, errors };
    }
    case 'email': {
      const r = checkEmail(lang, input.email ?? '');
      if (!r.ok) return { query: null, errors: { email: r.message } };
      return { query: { kind: 'email', value: r.value }, errors };
    }
    case 'name': {
      const lastName = normaliseName(cleanText(input.lastName));
      const firstName = normaliseName(cleanText(input.firstName));
      const ln = checkName(lang, lastName, 'lastName');
      if (ln) errors.lastName = ln;
      const fn = checkName(lang, firstName, 'firstName');
      if (fn) errors.firstName = fn;
      const raw = cleanText(input.birthDate);
      const birthDate = parseRussianDate(raw);
      if (!raw) errors.birthDate = idt(lang, 'birthDateRequired');
      else if (!birthDate) errors.birthDate = idt(lang, 'dateInvalid');
      if (Object.keys(errors).length) return { query: null, errors };
      return { query: { kind: 'name', lastName, firstName, birthDate: birthDate! }, errors };
    }
  }
}

export async function findCitizens(ctx: AppContext, desk: Desk, input: SearchInput, lang: Lang, now = new Date()): Promise<SearchResult> {
  const { query, errors } = parseQuery(lang, input);
  if (!query) return { ok: false, status: 422, errors };
  const limit = await hitLimit(ctx.db, `operator-search:${desk.actor.id}`, SEARCH_LIMIT.perWindow, SEARCH_LIMIT.windowSeconds, now);
  const field = query.kind === 'name' ? 'lastName' : query.kind;
  if (!limit.allowed) return { ok: false, status: 429, errors: { [field]: t(lang, 'searchLimit', { minutes: Math.max(1, Math.ceil(limit.retryAfterSeconds / 60)) }) } };

  const ids =
    query.kind === 'snils'
      ? await findCitizenIdsBySnils(ctx.db, ctx.cipher, query.snils)
      : query.kind === 'name'
        ? await findCitizenIdsByNameBirth(ctx.db, ctx.cipher, query.lastName, query.firstName, query.birthDate)
        : await findCitizenIdsByContact(ctx.db, ctx.cipher, { kind: query.kind, value: query.value });

  const results: SearchResultView[] = [];
  for (const id of ids) {
    const citizen = await getCitizen(ctx.db, ctx.cipher, id);
    if (!citizen || citizen.status === 'deleted') continue;
    const pd = await loadPersonalData(ctx.db, ctx.cipher, id);
    const contacts = await listContacts(ctx.db, ctx.cipher, id);
    results.push(presentSearchResult(citizen, pd?.data ?? null, contacts));
  }
  await appendAudit(ctx.db, deskAudit(desk, 'staff.citizen.search', null, { kind: query.kind, found: results.length }), now);
  return { ok: true, results };
}
