/**
 * Helpers to take a citizen through the journey in tests: deliver queued
 * notifications now (instead of waiting for the worker) and read what the SMS
 * and mail simulators received.
 */
import type { AppContext } from '../../src/platform/context.js';
import { deliverNotification } from '../../src/modules/notifications/index.js';

export async function deliverQueued(ctx: AppContext): Promise<number> {
  const { rows } = await ctx.db.query<{ id: string }>("select id from notifications_outbox where status = 'queued' order by created_at");
  for (const r of rows) await deliverNotification(ctx, r.id);
  return rows.length;
}

/** The newest SMS to this E.164 number, delivered first if still queued. */
export async function lastSmsTo(ctx: AppContext, phone: string): Promise<string> {
  await deliverQueued(ctx);
  const msg = ctx.simulators!.sms.messages().find((m) => m.to === phone);
  if (!msg) throw new Error(`no SMS to ${phone}`);
  return msg.text;
}

export async function lastMailTo(ctx: AppContext, email: string): Promise<{ subject: string; text: string }> {
  await deliverQueued(ctx);
  const msg = ctx.simulators!.smtp.messages().find((m) => m.to.includes(email));
  if (!msg) throw new Error(`no e-mail to ${email}`);
  return { subject: msg.subject, text: msg.text };
}

export function codeIn(text: string): string {
  const m = /\b(\d{6})\b/.exec(text);
  if (!m) throw new Error(`no 6-digit code in: ${text}`);
  return m[1]!;
}

let phoneSeq = 0;
/** A fresh valid Russian mobile number per call (unique per test process). */
export function freshPhone(): string {
  phoneSeq++;
  return `+7914${String(process.pid % 1000).padStart(3, '0')}${String(phoneSeq).padStart(4, '0')}`;
}

import { createVerificationRunner } from '../../src/modules/verification/index.js';
import { identityVerificationHooks } from '../../src/modules/identity/identity.hooks.js';
import type { DemoPerson } from '../../src/simulators/data/persons.js';

/** Runs the registry checks for a citizen now (what the worker does), with retries collapsed. */
export async function runChecks(ctx: AppContext, citizenId: string, dataVersion: number) {
  const runner = createVerificationRunner({
    db: ctx.db,
    pensionFund: ctx.adapters.pensionFund,
    migrationService: ctx.adapters.migrationService,
    jobs: { send: async () => null },
    hooks: identityVerificationHooks(ctx),
    options: { retryDelaysMs: [1], maxAttempts: 2 },
  });
  return runner.run({ citizenId, dataVersion });
}

/** The personal-data API body for a person of the registries' data set. */
export function personalDataBody(p: DemoPerson, address = 'Забайкальский край, с. Калга, ул. Партизанская, д. 10, кв. 2') {
  return {
    lastName: p.lastName,
    firstName: p.firstName,
    middleName: p.middleName,
    birthDate: p.birthDate,
    birthPlace: p.birthPlace,
    gender: p.gender,
    snils: p.snils,
    passport: p.passport,
    registrationAddress: address,
  };
}

/** Registers a citizen through the API; returns the id and a cookie/CSRF pair for further API calls. */
export async function registerCitizenViaApi(
  app: import('fastify').FastifyInstance,
  ctx: AppContext,
  who: { lastName: string; firstName: string; phone: string },
  password = 'медленный синий паровоз',
): Promise<{ id: string; cookie: string; csrf: string }> {
  const start = await app.inject({ method: 'POST', url: '/api/v1/registrations', payload: who });
  if (start.statusCode !== 201) throw new Error(`registration failed: ${start.body}`);
  const { id } = start.json() as { id: string };
  const code = codeIn(await lastSmsTo(ctx, who.phone));
  await app.inject({ method: 'POST', url: `/api/v1/registrations/${id}/confirmation`, payload: { code } });
  const done = await app.inject({ method: 'POST', url: `/api/v1/registrations/${id}/password`, payload: { password, passwordConfirmation: password } });
  if (done.statusCode !== 200) throw new Error(`password failed: ${done.body}`);
  const cookie = done.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return { id, cookie, csrf: (done.json() as { csrfToken: string }).csrfToken };
}
