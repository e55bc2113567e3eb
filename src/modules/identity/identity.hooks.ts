/**
 * What the registry checks (verification module) need from accounts: the
 * subject to check, and what happens when the checks settle — the account
 * becomes standard, and the citizen is told the result by SMS or e-mail.
 */
import type { AppContext } from '../../platform/context.js';
import { appendAudit } from '../../platform/audit.js';
import { enqueueNotification, kickDelivery } from '../notifications/index.js';
import type { CheckOutcome, CheckSubject, VerificationHooks } from '../verification/index.js';
import { getCitizen, listContacts, loadPersonalData, setLevel } from './identity.repository.js';

export function identityVerificationHooks(ctx: AppContext): VerificationHooks {
  return {
    async loadSubject(citizenId: string): Promise<CheckSubject | null> {
      const pd = await loadPersonalData(ctx.db, ctx.cipher, citizenId);
      if (!pd) return null;
      const d = pd.data;
      return {
        dataVersion: pd.version,
        snils: d.snils,
        passport: { series: d.passport.series, number: d.passport.number, issueDate: d.passport.issueDate },
        lastName: d.lastName,
        firstName: d.firstName,
        middleName: d.middleName,
        birthDate: d.birthDate,
      };
    },

    async onSettled(citizenId: string, dataVersion: number, outcome: CheckOutcome): Promise<void> {
      const citizen = await getCitizen(ctx.db, ctx.cipher, citizenId);
      if (!citizen || citizen.status !== 'active') return;
      // A result for data the citizen has since corrected does not count.
      const current = await loadPersonalData(ctx.db, ctx.cipher, citizenId);
      if (!current || current.version !== dataVersion) return;
      const contacts = (await listContacts(ctx.db, ctx.cipher, citizenId)).filter((c) => c.verifiedAt);
      const contact = contacts.find((c) => c.kind === 'phone') ?? contacts[0];
      const now = new Date();
      const ids = await ctx.db.transaction(async (tx) => {
        const out: string[] = [];
        if (outcome.kind === 'passed') {
          if (citizen.level === 'simplified') {
            await setLevel(tx, citizenId, 'standard', now);
            await appendAudit(tx, { actorType: 'system', action: 'citizen.level.standard', subjectType: 'citizen', subjectId: citizenId, details: { dataVersion } }, now);
          }
        } else {
          await appendAudit(tx, {
            actorType: 'system',
            action: outcome.kind === 'mismatch' ? 'citizen.checks.mismatch' : 'citizen.checks.unavailable',
            subjectType: 'citizen',
            subjectId: citizenId,
            details: outcome.kind === 'mismatch' ? { dataVersion, documents: outcome.documents.map((d) => `${d.registry}:${d.reason}`) } : { dataVersion, registries: outcome.registries },
          }, now);
        }
        if (contact) {
          const document =
            outcome.kind === 'mismatch' ? (outcome.documents.some((d) => d.registry === 'migration_service') ? (outcome.documents.length > 1 ? 'СНИЛС и паспорт' : 'паспорт') : 'СНИЛС') : '';
          out.push(
            await enqueueNotification(tx, ctx.cipher, {
              channel: contact.kind === 'phone' ? 'sms' : 'email',
              to: contact.value,
              template: outcome.kind === 'passed' ? 'checks_passed' : outcome.kind === 'mismatch' ? 'checks_failed' : 'checks_unavailable',
              vars: { document, link: `${ctx.config.publicUrl}/activation-points` },
              citizenId,
            }),
          );
        }
        return out;
      });
      for (const id of ids) await kickDelivery(ctx.jobs, id);
    },
  };
}
