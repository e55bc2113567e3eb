/**
 * `uslugi seed demo`: the demo region (Zabaikalsky krai, with Kalgansky
 * district of seed 002 in detail) and one staff user per role. Idempotent.
 * The demo logins are listed in README.md; they are for the demo only.
 */
import type { Database } from '../client.js';
import { createStaff } from '../../modules/staff/create-staff.js';
import { staffLoginExists } from '../../modules/staff/staff.repository.js';
import { zabaikalskyKrai } from './data/zabaikalsky-krai.js';
import { loadRegion } from './load-region.js';
import { loadActivityTypes } from '../../modules/outreach/activity-types.data.js';
import type { RegionSeed } from './data/types.js';
import { seedDemoActivity } from './demo-activity.js';

export const DEMO_PASSWORD = 'uslugi-demo-2026';

export interface DemoStaff {
  login: string;
  fullName: string;
  role: string;
  regionKey?: string;
  municipalityKey?: string;
  organisationKey?: string;
  serviceCentreKey?: string;
  /** where plan reminders go (the demo's mail goes to the SMTP simulator: /dev/outbox) */
  email?: string;
}

/** One staff user per role, placed in the demo municipality (Kalgansky). */
export function demoStaff(region: RegionSeed): DemoStaff[] {
  const kalga = region.municipalities.find((m) => /калган/i.test(m.name));
  if (!kalga) throw new Error('demo data: Kalgansky municipality missing');
  const centre = kalga.serviceCentres.find((c) => c.type === 'mfc' && c.organisationKey) ?? kalga.serviceCentres.find((c) => c.organisationKey);
  if (!centre?.organisationKey) throw new Error('demo data: Kalgansky needs a service centre with an organisation');
  const school = kalga.organisations.find((o) => o.kind === 'school');
  const social = kalga.organisations.find((o) => o.kind === 'social_protection') ?? kalga.organisations.find((o) => o.kind === 'administration');
  if (!school || !social) throw new Error('demo data: Kalgansky needs a school and a social-protection office');
  return [
    { login: 'operator', email: 'operator@kalga.uslugi.local', fullName: 'Иванова Ольга Николаевна', role: 'operator', organisationKey: centre.organisationKey, serviceCentreKey: centre.key },
    { login: 'reception', email: 'reception@kalga.uslugi.local', fullName: 'Кузнецова Марина Викторовна', role: 'reception', organisationKey: school.key },
    { login: 'officer', email: 'officer@kalga.uslugi.local', fullName: 'Петров Алексей Сергеевич', role: 'department_officer', organisationKey: social.key },
    { login: 'coordinator', email: 'coordinator@kalga.uslugi.local', fullName: 'Егорова Светлана Андреевна', role: 'municipal_coordinator', municipalityKey: kalga.key },
    { login: 'region', email: 'region@zabaikalsky.uslugi.local', fullName: 'Смирнов Дмитрий Игоревич', role: 'regional_admin', regionKey: region.key },
    { login: 'admin', email: 'admin@uslugi.local', fullName: 'Соколов Илья Павлович', role: 'system_admin' },
  ];
}

export interface SeedDemoOptions {
  /**
   * also a year and a half of activity (accounts, events, targets, reports: ./demo-activity.ts), at this
   * scale (config DEMO_ACTIVITY_SCALE; 0 = none); only `uslugi seed demo` and `npm start` ask
   */
  activityScale?: number;
}

export async function seedDemo(db: Database, log: (line: string) => void = () => undefined, options: SeedDemoOptions = {}): Promise<void> {
  const loaded = await db.transaction((tx) => loadRegion(tx, zabaikalskyKrai));
  await loadActivityTypes(db);
  log(`Регион «${zabaikalskyKrai.name}»: ${loaded.municipalities.size} муниципалитетов, ${loaded.organisations.size} организаций, ${loaded.serviceCentres.size} центров обслуживания.`);
  for (const s of demoStaff(zabaikalskyKrai)) {
    if (await staffLoginExists(db, s.login)) continue;
    const result = await createStaff(db, { ...s, password: DEMO_PASSWORD });
    if (!result.ok) throw new Error(`demo staff ${s.login}: ${result.errors.map((e) => e.message).join('; ')}`);
    log(`Сотрудник ${s.login} (${s.role}) создан.`);
  }
  if (options.activityScale) await seedDemoActivity(db, { log, scale: options.activityScale });
}

export async function databaseIsEmpty(db: Database): Promise<boolean> {
  const { rows } = await db.query<{ n: number }>('select count(*)::int as n from regions');
  return Number(rows[0]!.n) === 0;
}
