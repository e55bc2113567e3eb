/**
 * Step 2: personal data. Saved encrypted, version bumped, registry checks
 * queued in the same transaction («Продолжить» queues the checks). One account
 * per SNILS. A confirmed account changes its documents at a service centre.
 */
import type { AppContext } from '../../platform/context.js';
import { appendAudit } from '../../platform/audit.js';
import type { Lang } from '../../platform/i18n.js';
import { kickRegistryChecks, requestRegistryChecks } from '../verification/index.js';
import { identityMessages as t } from './identity.messages.js';
import { getCitizen, isUniqueViolation, loadPersonalData, savePersonalData } from './identity.repository.js';
import { parsePersonalData, type FieldErrors, type PersonalDataForm } from './personal-data.js';

export type SubmitPersonalDataResult = { ok: true; version: number } | { ok: false; status: 409 | 422; errors: FieldErrors };

export async function submitPersonalData(ctx: AppContext, citizenId: string, form: PersonalDataForm, lang: Lang, now = new Date()): Promise<SubmitPersonalDataResult> {
  const citizen = await getCitizen(ctx.db, ctx.cipher, citizenId);
  if (!citizen || citizen.status !== 'active') return { ok: false, status: 409, errors: { lastName: t(lang, 'linkInvalid') } };
  if (citizen.level === 'confirmed') return { ok: false, status: 409, errors: { passportSeries: t(lang, 'confirmedChangesAtCentre') } };
  const { data, errors } = parsePersonalData(lang, form, now);
  if (!data) return { ok: false, status: 422, errors };
  const before = await loadPersonalData(ctx.db, ctx.cipher, citizenId);
  const changed = before
    ? (Object.keys(data) as Array<keyof typeof data>).filter((k) => JSON.stringify(data[k]) !== JSON.stringify(before.data[k]))
    : (Object.keys(data) as Array<keyof typeof data>);
  if (before && changed.length === 0) {
    // Nothing changed: a re-submit only re-queues checks that could not finish.
    return { ok: true, version: before.version };
  }
  try {
    const version = await ctx.db.transaction(async (tx) => {
      const v = await savePersonalData(tx, ctx.cipher, citizenId, data);
      await requestRegistryChecks(tx, citizenId, v);
      await appendAudit(tx, { actorType: 'citizen', actorId: citizenId, action: 'citizen.personal_data.update', subjectType: 'citizen', subjectId: citizenId, details: { version: v, fields: changed } }, now);
      return v;
    });
    await kickRegistryChecks(ctx.jobs, citizenId, version);
    return { ok: true, version };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, status: 409, errors: { snils: t(lang, 'snilsTaken') } };
    throw error;
  }
}
