/**
 * «Обновить паспортные данные»: the citizen shows a new passport in person.
 * A new personal-data version keeps everything else, the level stays as it
 * was (a confirmed account stays confirmed), and the passport goes to the
 * registry checks again.
 */
import type { AppContext } from '../../platform/context.js';
import { appendAudit } from '../../platform/audit.js';
import type { Lang } from '../../platform/i18n.js';
import { kickRegistryChecks, requestRegistryChecks } from '../verification/index.js';
import { lockCitizen, savePersonalData } from '../identity/identity.repository.js';
import { parsePersonalData, personalDataToForm, type FieldErrors } from '../identity/personal-data.js';
import { deskAudit, type Desk } from './desk.js';
import { loadAccountState, passportUpdateBlocker, type IneligibleReason } from './eligibility.js';
import { operatorMessages as t } from './operator.messages.js';
import { nameEmptyFields } from './required-fields.js';

export const PASSPORT_FIELDS = ['passportSeries', 'passportNumber', 'passportIssueDate', 'passportIssuerCode', 'passportIssuedBy'] as const;
export type PassportForm = Partial<Record<(typeof PASSPORT_FIELDS)[number], string>>;

export type UpdatePassportResult =
  | { ok: true; version: number }
  | { ok: false; status: 404 | 409; reason: IneligibleReason }
  | { ok: false; status: 422; errors: FieldErrors };

export async function updatePassport(ctx: AppContext, desk: Desk, citizenId: string, form: PassportForm, lang: Lang, now = new Date()): Promise<UpdatePassportResult> {
  const state = await loadAccountState(ctx, citizenId);
  const blocker = passportUpdateBlocker(state);
  if (blocker || !state?.pd) return { ok: false, status: blocker === 'not_found' ? 404 : 409, reason: blocker ?? 'no_personal_data' };
  const before = state.pd.data;
  const merged = { ...personalDataToForm(before) };
  for (const f of PASSPORT_FIELDS) merged[f] = form[f] ?? '';
  const { data, errors } = parsePersonalData(lang, merged, now);
  if (!data) {
    const own: FieldErrors = {};
    for (const [field, message] of Object.entries(errors)) {
      if ((PASSPORT_FIELDS as readonly string[]).includes(field)) own[field] = message;
      else own.passportSeries ??= t(lang, 'storedDataInvalid', { message });
    }
    return { ok: false, status: 422, errors: nameEmptyFields(lang, form, own) };
  }
  if (JSON.stringify(data.passport) === JSON.stringify(before.passport)) return { ok: false, status: 422, errors: { passportNumber: t(lang, 'samePassport') } };

  const version = await ctx.db.transaction(async (tx) => {
    const row = await lockCitizen(tx, citizenId);
    if (!row || row.status !== 'active') return null;
    const v = await savePersonalData(tx, ctx.cipher, citizenId, data);
    await requestRegistryChecks(tx, citizenId, v);
    const sameSeries = data.passport.series === before.passport.series;
    await appendAudit(tx, deskAudit(desk, 'staff.citizen.passport_update', citizenId, { dataVersion: v, level: row.level, seriesChanged: !sameSeries }), now);
    return v;
  });
  if (version === null) return { ok: false, status: 409, reason: 'not_active' };
  await kickRegistryChecks(ctx.jobs, citizenId, version).catch(() => null);
  return { ok: true, version };
}
