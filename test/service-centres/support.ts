/**
 * Helpers for the operator's workplace tests: signed-in staff browsers, a
 * citizen who registered online (with personal data and finished registry
 * checks), and the audit rows of an action.
 */
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { DEMO_PASSWORD } from '../../src/db/seed/demo.js';
import { identityVerificationHooks } from '../../src/modules/identity/identity.hooks.js';
import { createStaff } from '../../src/modules/staff/create-staff.js';
import { createVerificationRunner, getCheckStatus } from '../../src/modules/verification/index.js';
import type { DemoPerson } from '../../src/simulators/data/persons.js';
import { Browser, type TestApp } from '../support/app.js';
import { codeIn, freshPhone, lastSmsTo } from '../support/citizen.js';

export const PASSWORD = DEMO_PASSWORD;
export const CITIZEN_PASSWORD = 'медленный синий паровоз';

/** A staff member signed in, with a page loaded so the CSRF token is known. */
export async function staffBrowser(t: TestApp, login: string, password = PASSWORD): Promise<Browser> {
  const b = new Browser(t.app);
  const res = await b.signIn(login, password);
  assert.equal(res.statusCode, 303, `sign-in of ${login}: ${res.body.slice(0, 200)}`);
  await b.get('/staff');
  return b;
}

/** An operator at the Kalga post office, which can only confirm identity. */
export async function createPostOperator(t: TestApp, login = 'post-operator'): Promise<void> {
  const r = await createStaff(t.ctx.db, { login, password: PASSWORD, fullName: 'Почтова Анна Сергеевна', role: 'operator', organisationKey: 'kalga-admin', serviceCentreKey: 'kalga-post' });
  assert.ok(r.ok, JSON.stringify(r));
}

export async function centreId(t: TestApp, key: string): Promise<string> {
  const { rows } = await t.ctx.db.query<{ id: string }>('select id from service_centres where key = $1', [key]);
  return rows[0]!.id;
}

export async function staffId(t: TestApp, login: string): Promise<string> {
  const { rows } = await t.ctx.db.query<{ id: string }>('select id from staff_users where login = $1', [login]);
  return rows[0]!.id;
}

export function cookieHeader(res: LightMyRequestResponse, prev = ''): string {
  const jar = new Map(prev ? prev.split('; ').map((kv) => kv.split('=') as [string, string]) : []);
  for (const c of res.cookies as Array<{ name: string; value: string }>) jar.set(c.name, c.value);
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}

export interface OnlineCitizen {
  id: string;
  phone: string;
  cookie: string;
  csrf: string;
}

/** Registers through the API (phone + code + password), then enters personal data; runs the registry checks unless told not to. */
export async function onlineCitizen(t: TestApp, person: DemoPerson, options: { personalData?: boolean; runChecks?: boolean; phone?: string } = {}): Promise<OnlineCitizen> {
  const phone = options.phone ?? freshPhone();
  const start = await t.app.inject({ method: 'POST', url: '/api/v1/registrations', payload: { lastName: person.lastName, firstName: person.firstName, phone } });
  assert.equal(start.statusCode, 201, start.body);
  const id = start.json().id as string;
  const code = codeIn(await lastSmsTo(t.ctx, phone));
  assert.equal((await t.app.inject({ method: 'POST', url: `/api/v1/registrations/${id}/confirmation`, payload: { code } })).statusCode, 200);
  const done = await t.app.inject({ method: 'POST', url: `/api/v1/registrations/${id}/password`, payload: { password: CITIZEN_PASSWORD, passwordConfirmation: CITIZEN_PASSWORD } });
  assert.equal(done.statusCode, 200, done.body);
  const cookie = cookieHeader(done);
  const csrf = done.json().csrfToken as string;
  if (options.personalData !== false) {
    const pd = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/personal-data',
      headers: { cookie, 'x-csrf-token': csrf },
      payload: {
        lastName: person.lastName,
        firstName: person.firstName,
        middleName: person.middleName,
        birthDate: person.birthDate,
        birthPlace: person.birthPlace,
        gender: person.gender,
        snils: person.snils,
        passport: person.passport,
        registrationAddress: 'Забайкальский край, с. Калга, ул. Партизанская, д. 5',
      },
    });
    assert.equal(pd.statusCode, 202, pd.body);
    if (options.runChecks !== false) await runChecks(t, id);
  }
  return { id, phone, cookie, csrf };
}

/** Runs the queued registry checks of the citizen's latest data version now (no pg-boss timing). */
export async function runChecks(t: TestApp, citizenId: string): Promise<void> {
  const runner = createVerificationRunner({
    db: t.ctx.db,
    pensionFund: t.ctx.adapters.pensionFund,
    migrationService: t.ctx.adapters.migrationService,
    jobs: { send: async () => null },
    hooks: identityVerificationHooks(t.ctx),
    options: { retryDelaysMs: [5], maxAttempts: 2 },
  });
  const status = await getCheckStatus(t.ctx.db, citizenId);
  assert.ok(status.dataVersion, 'checks were queued');
  await runner.run({ citizenId, dataVersion: status.dataVersion });
}

export interface AuditRow {
  seq: number;
  actor_type: string;
  actor_id: string | null;
  action: string;
  subject_id: string | null;
  organisation_id: string | null;
  details: Record<string, unknown>;
}

export async function auditRows(t: TestApp, action: string, subjectId?: string): Promise<AuditRow[]> {
  const { rows } = await t.ctx.db.query<AuditRow>(
    `select seq, actor_type, actor_id, action, subject_id, organisation_id, details from audit_log where action = $1 ${subjectId ? 'and subject_id = $2' : ''} order by seq`,
    subjectId ? [action, subjectId] : [action],
  );
  return rows.map((r) => ({ ...r, seq: Number(r.seq), details: typeof r.details === 'string' ? JSON.parse(r.details) : r.details }));
}

/** The form fields of the desk registration for a person. */
export function deskForm(person: DemoPerson, phone: string, extra: Record<string, string> = {}): Record<string, string> {
  const [y, m, d] = person.birthDate.split('-');
  const [iy, im, id] = person.passport.issueDate.split('-');
  return {
    lastName: person.lastName,
    firstName: person.firstName,
    ...(person.middleName ? { middleName: person.middleName } : { noMiddleName: 'on' }),
    gender: person.gender,
    birthDate: `${d}.${m}.${y}`,
    birthPlace: person.birthPlace,
    phone,
    email: '',
    passportSeries: person.passport.series,
    passportNumber: person.passport.number,
    passportIssueDate: `${id}.${im}.${iy}`,
    passportIssuerCode: person.passport.issuerCode,
    passportIssuedBy: person.passport.issuedBy,
    snils: person.snils,
    registrationAddress: 'Забайкальский край, с. Калга, ул. Партизанская, д. 7',
    residenceSameAsRegistration: 'on',
    ...extra,
  };
}
