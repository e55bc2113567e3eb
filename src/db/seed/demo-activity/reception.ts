/**
 * Demo reception visits (issue 6): the informing dialog's visit log for the
 * demo's last complete quarter and the current one so far, in Kalgansky (the
 * demo's reception employee at the school and the demo operator at the МФЦ
 * office) and in the first two municipalities of OTHER_ACTIVITY (a reception
 * employee of the МФЦ or the administration whose duties include registration, and one of a school
 * — demo accounts that cannot sign in: their password hash is not a hash).
 * So /reception/figures and the score's P2.1 show real numbers.
 *
 * The plan is pure numbers (planReceptionVisits): per employee and quarter,
 * visitors per day and the share informed by the algorithm (60–80 %); the
 * visitors are split over the dialog's branches and each branch's answers are
 * replayed through the dialog machine, so every stored path and outcome is
 * one the desk could have produced. No personal data: visits carry no
 * citizen, and nobody registered at the desk is linked to a visit.
 * Inserted with one set-based statement.
 */
import type { Queryable } from '../../client.js';
import { outcomeOf, replay, type Answer, type Authority } from '../../../modules/reception/dialog/machine.js';
import { OTHER_ACTIVITY } from './outreach-data.js';
import type { DemoQuarter, DemoQuarters } from './plan.js';
import { prng } from './prng.js';

export const DEMO_VISIT_THRESHOLD = 55;

/** The desks that get visits: which demo login, or which demo desk account is made. */
export interface DemoDesk {
  key: string;
  municipalityKey: string;
  /** an existing demo login (Kalgansky) or null: a desk account made here */
  login: string | null;
  /** organisation kind for a made desk account ('mfc': the МФЦ, or the administration where the МФЦ is no organisation of the municipality) */
  organisationKind: 'mfc' | 'school' | null;
  fullName: string;
  authority: Authority;
  /** visitors served with the dialog per day with activity, at scale 1 */
  perDay: number;
}

export function demoDesks(): DemoDesk[] {
  const none: Authority = { register: null, confirm: null };
  const desks: DemoDesk[] = [
    { key: 'kalgansky-reception', municipalityKey: 'kalgansky', login: 'reception', organisationKind: null, fullName: '', authority: none, perDay: 5 },
    { key: 'kalgansky-operator', municipalityKey: 'kalgansky', login: 'operator', organisationKind: null, fullName: '', authority: { register: 'desk', confirm: 'desk' }, perDay: 8 },
  ];
  for (const other of OTHER_ACTIVITY.slice(0, 2)) {
    desks.push(
      { key: `${other.municipalityKey}-office`, municipalityKey: other.municipalityKey, login: null, organisationKind: 'mfc', fullName: 'Специалист приёма граждан (демо)', authority: { register: 'declared', confirm: null }, perDay: 7 },
      { key: `${other.municipalityKey}-school`, municipalityKey: other.municipalityKey, login: null, organisationKind: 'school', fullName: 'Специалист школы (демо)', authority: none, perDay: 4 },
    );
  }
  return desks;
}

export const deskLogin = (desk: DemoDesk) => desk.login ?? `demo-desk-${desk.key}`;

/** The branches a visitor can take, as the answers given. 'older' is the only one not informed (seed 004 1.1). */
const BRANCHES: Record<string, (a: Authority, g: 'male' | 'female', agreed: boolean) => Answer[]> = {
  older: () => ['older'],
  confirmed: () => ['younger', 'confirmed_account', 'read'],
  unconfirmed: (a, g, agreed) => (a.confirm ? ['younger', 'unconfirmed_account', g, agreed ? 'agreed' : 'refused', ...(agreed ? (['failed'] as Answer[]) : []), 'read'] : ['younger', 'unconfirmed_account', 'read']),
  noAccount: (a, g, agreed) =>
    a.register === 'declared' ? ['younger', 'no_account', g, agreed ? 'agreed' : 'refused', ...(agreed ? (['registered'] as Answer[]) : []), 'read'] : a.register ? ['younger', 'no_account', g, agreed ? 'agreed' : 'refused', ...(agreed ? (['failed'] as Answer[]) : []), 'read'] : ['younger', 'no_account', 'read'],
};

export interface PlannedVisits {
  deskKey: string;
  quarter: string;
  from: string;
  days: number;
  count: number;
  path: Answer[];
  outcome: string;
}

/**
 * Visits per desk, quarter and branch. Informed share 60–80 % (seeded by the
 * desk and quarter); of the informed, about half have a confirmed account,
 * a quarter an unconfirmed one, a quarter none; of those offered to register
 * or confirm now, a third agree. At the operator's desk an agreed visitor's
 * registration or confirmation is recorded as «не удалось» (say, no passport
 * at hand): a successful one would need a citizen's account linked to it.
 */
export function planReceptionVisits(quarters: DemoQuarters, scale = 1): PlannedVisits[] {
  const out: PlannedVisits[] = [];
  for (const desk of demoDesks()) {
    for (const q of [quarters.lastComplete, quarters.current] as DemoQuarter[]) {
      if (q.days === 0) continue;
      const r = prng(`reception:${desk.key}:${q.label}`);
      const visitors = Math.max(8, Math.round(desk.perDay * q.days * (5 / 7) * scale * r.between(0.85, 1.15)));
      const informedShare = r.between(0.6, 0.8);
      const informed = Math.round(visitors * informedShare);
      const confirmed = Math.round(informed * 0.5);
      const unconfirmed = Math.round(informed * 0.25);
      const noAccount = informed - confirmed - unconfirmed;
      const split = (n: number) => {
        const agreed = Math.round(n / 3);
        return [agreed, n - agreed] as const;
      };
      const rows: Array<[Answer[], number]> = [
        [BRANCHES.older!(desk.authority, 'male', false), visitors - informed],
        [BRANCHES.confirmed!(desk.authority, 'male', false), confirmed],
      ];
      for (const [branch, n] of [['unconfirmed', unconfirmed], ['noAccount', noAccount]] as const) {
        const offered = branch === 'unconfirmed' ? desk.authority.confirm !== null : desk.authority.register !== null;
        if (!offered) rows.push([BRANCHES[branch]!(desk.authority, 'male', false), n]);
        else {
          const [agreed, refused] = split(n);
          const women = (k: number) => Math.round(k * 0.55);
          rows.push([BRANCHES[branch]!(desk.authority, 'female', true), women(agreed)], [BRANCHES[branch]!(desk.authority, 'male', true), agreed - women(agreed)]);
          rows.push([BRANCHES[branch]!(desk.authority, 'female', false), women(refused)], [BRANCHES[branch]!(desk.authority, 'male', false), refused - women(refused)]);
        }
      }
      for (const [path, count] of rows) {
        if (count <= 0) continue;
        const state = replay({ threshold: DEMO_VISIT_THRESHOLD, authority: desk.authority }, path);
        if (!state || state.step !== 'done') throw new Error(`demo visits: ${path.join(' → ')} is not a finished dialog for ${desk.key}`);
        out.push({ deskKey: desk.key, quarter: q.label, from: q.from, days: q.days, count, path, outcome: outcomeOf(state) });
      }
    }
  }
  return out;
}

interface DeskRow {
  staffId: string;
  municipalityId: string;
  organisationId: string;
  serviceCentreId: string | null;
}

/** The desks' staff rows: the demo logins, and the desk accounts of the other municipalities (made here, unable to sign in). */
async function loadDesks(tx: Queryable, regionId: string): Promise<Map<string, DeskRow>> {
  const out = new Map<string, DeskRow>();
  for (const desk of demoDesks()) {
    const login = deskLogin(desk);
    if (!desk.login) {
      const { rows: orgs } = await tx.query<{ id: string; municipality_id: string }>(
        `select o.id, o.municipality_id from organisations o join municipalities m on m.id = o.municipality_id
          where m.key = $1 and (o.kind = $2 or ($2 = 'mfc' and o.kind = 'administration')) order by (o.kind = $2) desc, o.key limit 1`,
        [desk.municipalityKey, desk.organisationKind],
      );
      const org = orgs[0];
      if (!org) continue;
      // '!' is not an Argon2 hash: verifyPassword fails, so nobody can sign in as a desk account.
      const { rows } = await tx.query<{ id: string }>(
        `insert into staff_users (login, password_hash, full_name, role, region_id, municipality_id, organisation_id)
         values ($1, '!', $2, 'reception', $3, $4, $5) on conflict (login) do update set login = excluded.login returning id`,
        [login, desk.fullName, regionId, org.municipality_id, org.id],
      );
      await tx.query(
        `insert into reception_staff_profiles (staff_user_id, registers_in_esia, receives_documents, registered_on_portal)
         values ($1, $2, $2, true) on conflict (staff_user_id) do nothing`,
        [rows[0]!.id, desk.authority.register === 'declared'],
      );
    }
    const { rows } = await tx.query<{ id: string; municipality_id: string; organisation_id: string; service_centre_id: string | null }>(
      `select u.id, o.municipality_id, u.organisation_id, u.service_centre_id from staff_users u join organisations o on o.id = u.organisation_id where u.login = $1`,
      [login],
    );
    const r = rows[0];
    if (r) out.set(desk.key, { staffId: r.id, municipalityId: r.municipality_id, organisationId: r.organisation_id, serviceCentreId: r.service_centre_id });
  }
  return out;
}

/**
 * Inserts the planned visits in one statement: each group spread evenly over
 * its days, weekends moved to the Friday before (never before the quarter),
 * 9:00–17:00 local time, each visit lasting 3–9 minutes. Returns the count.
 */
export async function seedReceptionVisits(tx: Queryable, place: { regionId: string; timeZone: string }, planned: PlannedVisits[]): Promise<number> {
  const desks = await loadDesks(tx, place.regionId);
  const rows = planned.filter((p) => desks.has(p.deskKey));
  if (rows.length === 0) return 0;
  const desk = (p: PlannedVisits) => desks.get(p.deskKey)!;
  const authority = new Map(demoDesks().map((d) => [d.key, d.authority]));
  const { rows: inserted } = await tx.query<{ n: number }>(
    `with inserted as (
       insert into reception_visits (region_id, municipality_id, organisation_id, service_centre_id, staff_user_id, started_at, updated_at, finished_at,
                                     status, age_threshold, register_via, confirm_via, path, outcome)
       select $1::uuid, v.municipality_id, v.organisation_id, v.service_centre_id, v.staff_id, t.at, t.at + t.took, t.at + t.took,
              'finished', $2::int, v.register_via, v.confirm_via, v.path::jsonb, v.outcome
         from unnest($3::uuid[], $4::uuid[], $5::uuid[], $6::uuid[], $7::date[], $8::int[], $9::int[], $10::text[], $11::text[], $12::text[], $13::text[], $14::int[])
                as v(municipality_id, organisation_id, service_centre_id, staff_id, from_day, days, n, path, outcome, register_via, confirm_via, salt)
         cross join lateral generate_series(1, v.n) as g
         cross join lateral (select v.from_day + ((2 * g - 1) * v.days) / (2 * v.n) as d) s
         cross join lateral (select greatest(v.from_day, s.d - case extract(isodow from s.d)::int when 6 then 1 when 7 then 2 else 0 end) as day) w
         cross join lateral (
           select (w.day::timestamp + interval '9 hours' + ((g * 37 + v.salt) % 480) * interval '1 minute') at time zone $15::text as at,
                  (3 + (g + v.salt) % 7) * interval '1 minute' as took
         ) t
       returning 1)
     select count(*)::int as n from inserted`,
    [
      place.regionId,
      DEMO_VISIT_THRESHOLD,
      rows.map((p) => desk(p).municipalityId),
      rows.map((p) => desk(p).organisationId),
      rows.map((p) => desk(p).serviceCentreId),
      rows.map((p) => desk(p).staffId),
      rows.map((p) => p.from),
      rows.map((p) => p.days),
      rows.map((p) => p.count),
      rows.map((p) => JSON.stringify(p.path)),
      rows.map((p) => p.outcome),
      rows.map((p) => authority.get(p.deskKey)!.register),
      rows.map((p) => authority.get(p.deskKey)!.confirm),
      rows.map((_, i) => (i * 53) % 480),
      place.timeZone,
    ],
  );
  return Number(inserted[0]!.n);
}
