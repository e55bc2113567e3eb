/**
 * A year and a half of demo activity in the demo region, so the scores, the
 * quarterly reports, the ranking and the regional dashboard show something
 * real: citizens' accounts in every municipality over the last five quarters
 * and the current one, the region's targets, Kalgansky's approved plan, events,
 * materials, typed inputs and centre checks, and the quarter submissions.
 * Everything is placed relative to the region's today, so the demo looks
 * recent whenever it is installed. What is made, in numbers, is decided first
 * by ./demo-activity/plan.ts (deterministic, seeded by the municipalities'
 * keys); this file turns the plan into rows.
 *
 * Run by `uslugi seed demo` and by `npm start` on an empty database
 * (seedDemo(…, { activityScale }) with config DEMO_ACTIVITY_SCALE), never by the tests' seeded app.
 * Idempotent: the final step writes the audit record 'demo.activity.seed',
 * and a region that has it is left alone. The accounts carry no personal data
 * at all (no names, contacts or documents): they are figures for the
 * statistics, and nobody can sign in to them or find them at a desk.
 */
import type { Database, Queryable } from '../client.js';
import { appendAudit } from '../../platform/audit.js';
import type { StaffActor } from '../../platform/policy.js';
import { loadStaffActor } from '../../modules/staff/staff.repository.js';
import { regionToday } from '../../modules/outreach/materials/materials.repository.js';
import { liveQuarterScore, type QuarterSnapshot } from '../../modules/scoring/quarter-score.js';
import { zabaikalskyKrai } from './data/zabaikalsky-krai.js';
import {
  cohortsOf,
  demoQuarters,
  planMunicipality,
  planSubmissions,
  addDays,
  DEMO_ROLES,
  type Cohort,
  type DemoQuarters,
  type MunicipalityPlan,
  type PlannedSubmission,
  type PlanCentreWithType,
} from './demo-activity/plan.js';
import { KALGA_CENTRE_CHECKS, KALGA_EVENTS, KALGA_INPUTS, KALGA_MATERIALS, OTHER_ACTIVITY } from './demo-activity/outreach-data.js';
import { seedEvents, seedMaterials, seedPlan, type SeededEvent } from './demo-activity/outreach.js';
import { planReceptionVisits, seedReceptionVisits } from './demo-activity/reception.js';

export const DEMO_ACTIVITY_ACTION = 'demo.activity.seed';

/** Share of an event's people reached who signed up with its code (at most the accounts made in its 30 days). */
export const EVENT_CODE_SHARE = 0.25;

export interface DemoActivityOptions {
  /** the region's today, YYYY-MM-DD; default: today in the region's time zone (never later than that) */
  today?: string;
  log?: (line: string) => void;
  /** share of the real population the accounts are made for (default 1; the tests use a small one to stay fast) */
  scale?: number;
}

export interface DemoActivityPlan {
  today: string;
  quarters: DemoQuarters;
  municipalities: MunicipalityPlan[];
  submissions: PlannedSubmission[];
}

export type DemoActivityResult = { ran: false } | { ran: true; plan: DemoActivityPlan; events: SeededEvent[]; citizens: number };

interface MunicipalityRow {
  id: string;
  key: string;
  population: number | null;
}

async function loadPlace(db: Queryable, regionKey: string) {
  const region = await db.query<{ id: string; time_zone: string }>('select id, time_zone from regions where key = $1', [regionKey]);
  const r = region.rows[0];
  if (!r) throw new Error(`demo activity: region ${regionKey} is not loaded (run the demo seed first)`);
  const municipalities = await db.query<MunicipalityRow>('select id, key, population from municipalities where region_id = $1 order by key', [r.id]);
  const centres = await db.query<{ id: string; key: string; type: string; capabilities: string[]; municipality_id: string }>(
    'select sc.id, sc.key, sc.type, sc.capabilities, sc.municipality_id from service_centres sc join municipalities m on m.id = sc.municipality_id where m.region_id = $1 order by sc.key',
    [r.id],
  );
  const organisations = await db.query<{ id: string; key: string; municipality_id: string | null }>('select id, key, municipality_id from organisations where region_id = $1', [r.id]);
  return { regionId: r.id, timeZone: r.time_zone, municipalities: municipalities.rows, centres: centres.rows, organisations: organisations.rows };
}

async function actorByLogin(db: Queryable, login: string): Promise<StaffActor> {
  const { rows } = await db.query<{ id: string }>('select id from staff_users where login = $1', [login]);
  const actor = rows[0] ? await loadStaffActor(db, rows[0].id) : null;
  if (!actor) throw new Error(`demo activity: demo staff user «${login}» missing (run the demo seed first)`);
  return actor;
}

/** The plan for a loaded region: pure numbers, also what the tests check the rows against. */
export function planDemoActivity(
  today: string,
  municipalities: Array<{ key: string; population: number; centres: PlanCentreWithType[] }>,
  scale = 1,
): { quarters: DemoQuarters; municipalities: MunicipalityPlan[]; cohorts: Cohort[]; submissions: PlannedSubmission[] } {
  const quarters = demoQuarters(today);
  const plans = municipalities.map((m) => planMunicipality(m, quarters, scale));
  const cohorts = plans.flatMap((p, i) => cohortsOf(p, municipalities[i]!.centres, quarters));
  const submissions = planSubmissions(
    municipalities.map((m) => m.key),
    quarters,
    today,
  );
  return { quarters, municipalities: plans, cohorts, submissions };
}

export async function demoActivityDone(db: Queryable, regionId: string): Promise<boolean> {
  const { rows } = await db.query('select 1 from audit_log where action = $1 and subject_id = $2 limit 1', [DEMO_ACTIVITY_ACTION, regionId]);
  return rows.length > 0;
}

export async function seedDemoActivity(db: Database, options: DemoActivityOptions = {}): Promise<DemoActivityResult> {
  const log = options.log ?? (() => undefined);
  const place = await loadPlace(db, zabaikalskyKrai.key);
  if (await demoActivityDone(db, place.regionId)) return { ran: false };
  const realToday = await regionToday(db, place.regionId);
  const today = options.today ?? realToday;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || today > realToday) throw new Error(`demo activity: today must be a date not later than the region's today (${realToday})`);
  const started = Date.now();

  const coordinator = await actorByLogin(db, 'coordinator');
  const regionAdmin = await actorByLogin(db, 'region');
  const operator = await actorByLogin(db, 'operator');
  const munByKey = new Map(place.municipalities.map((m) => [m.key, m]));
  const orgIds = (municipalityId: string) => new Map(place.organisations.filter((o) => o.municipality_id === municipalityId).map((o) => [o.key, o.id]));
  const kalga = munByKey.get(DEMO_ROLES.top);
  if (!kalga) throw new Error('demo activity: Kalgansky municipality missing');

  const planned = planDemoActivity(
    today,
    place.municipalities.map((m) => ({
      key: m.key,
      population: Number(m.population ?? 0),
      centres: place.centres.filter((c) => c.municipality_id === m.id).map((c) => ({ key: c.key, type: c.type, capabilities: c.capabilities })),
    })),
    options.scale ?? 1,
  );
  const { quarters } = planned;
  log(`Демонстрационная активность с ${ruDate(quarters.windowFrom)} по ${ruDate(addDays(today, -1))}: учётные записи граждан (${planned.cohorts.reduce((a, c) => a + c.count, 0).toLocaleString('ru-RU')}), мероприятия, цели, отчёты…`);

  // 1. Outreach through the outreach use cases (each step skipped if already there).
  const kalgaPlace = { regionId: place.regionId, municipalityId: kalga.id, organisations: orgIds(kalga.id) };
  await seedPlan(db, coordinator, kalgaPlace, today, log);
  const events = await seedEvents(db, coordinator, kalgaPlace, KALGA_EVENTS, quarters, today);
  const materials = await seedMaterials(db, coordinator, kalgaPlace, KALGA_MATERIALS, quarters, today);
  for (const other of OTHER_ACTIVITY) {
    const m = munByKey.get(other.municipalityKey);
    if (!m) continue;
    const p = { regionId: place.regionId, municipalityId: m.id, organisations: orgIds(m.id) };
    events.push(...(await seedEvents(db, regionAdmin, p, other.events, quarters, today)));
    await seedMaterials(db, regionAdmin, p, other.materials, quarters, today);
  }
  log(`Мероприятия: ${events.length}, материалы Калганского округа: ${materials}.`);

  // 2. Everything else in one transaction, ending with the audit record that marks the activity as done.
  const centreIds = new Map(place.centres.map((c) => [c.key, c.id]));
  const result = await db.transaction(async (tx) => {
    const citizens = await insertCitizens(tx, planned.cohorts, { munByKey, centreIds, operatorId: operator.id, timeZone: place.timeZone });
    for (const e of events) await attachEventCodes(tx, e, place.timeZone);
    await insertTargets(tx, place.regionId, planned.municipalities, quarters, munByKey, regionAdmin.id, place.timeZone);
    await insertKalgaInputs(tx, place.regionId, kalga.id, quarters, coordinator.id, centreIds, today, place.timeZone);
    const visits = await seedReceptionVisits(tx, place, planReceptionVisits(quarters, options.scale ?? 1));
    log(`Посетители, принятые по алгоритму информирования: ${visits.toLocaleString('ru-RU')}.`);
    await insertSubmissions(tx, place.regionId, planned.submissions, quarters, munByKey, { coordinatorId: coordinator.id, regionAdminId: regionAdmin.id, kalgaId: kalga.id }, today, place.timeZone);
    await appendAudit(tx, {
      actorType: 'system',
      action: DEMO_ACTIVITY_ACTION,
      subjectType: 'region',
      subjectId: place.regionId,
      details: {
        today,
        quarters: quarters.window.map((q) => q.label),
        citizens,
        events: events.length,
        submissions: planned.submissions.length,
      },
    });
    return citizens;
  });
  log(`Учётные записи граждан: ${result.toLocaleString('ru-RU')}; цели, отчёты за кварталы ${quarters.beforeLast.label} и ${quarters.lastComplete.label} — за ${((Date.now() - started) / 1000).toFixed(1).replace('.', ',')} с.`);
  return { ran: true, plan: { today, quarters, municipalities: planned.municipalities, submissions: planned.submissions }, events, citizens: result };
}

// ------------------------------------------------------------------ rows

/**
 * One statement for all accounts: each cohort is spread evenly over its days
 * (9:00–18:00 local time), confirmations and deletions later in the same
 * period. No names, contacts or personal data.
 */
async function insertCitizens(
  tx: Queryable,
  cohorts: Cohort[],
  ctx: { munByKey: Map<string, MunicipalityRow>; centreIds: Map<string, string>; operatorId: string; timeZone: string },
): Promise<number> {
  const col = <T>(f: (c: Cohort) => T) => cohorts.map(f);
  const { rows } = await tx.query<{ n: number }>(
    `with inserted as (
     insert into citizens (status, level, municipality_id, registered_at_centre_id, registered_by_staff_id, standard_at, confirmed_at,
                           confirmed_at_centre_id, confirmed_by_staff_id, created_at, activated_at, deleted_at, deletion_reason)
     select case when c.kind = 'deleted' then 'deleted' else 'active' end,
            case when c.kind in ('desk', 'online_confirmed') then 'confirmed' when c.kind = 'online_standard' then 'standard' else 'simplified' end,
            c.municipality_id,
            case when c.kind = 'desk' then c.centre_id end,
            case when c.kind = 'desk' then c.staff_id end,
            case c.kind when 'desk' then t.act when 'online_confirmed' then t.act + interval '12 minutes' when 'online_standard' then t.act + interval '15 minutes' end,
            case c.kind when 'desk' then t.act when 'online_confirmed' then t.act + t.later end,
            case when c.kind in ('desk', 'online_confirmed') then c.centre_id end,
            case when c.kind in ('desk', 'online_confirmed') then c.staff_id end,
            t.act - ((g * 13) % 20 + 2) * interval '1 minute',
            t.act,
            case when c.kind = 'deleted' then t.act + t.later end,
            case when c.kind = 'deleted' then 'citizen_request' end
       from unnest($1::uuid[], $2::date[], $3::int[], $4::int[], $5::text[], $6::uuid[], $7::uuid[])
              as c(municipality_id, from_day, days, n, kind, centre_id, staff_id)
       cross join lateral generate_series(1, c.n) as g
       cross join lateral (select ((2 * g - 1) * c.days) / (2 * c.n) as d) s
       cross join lateral (
         select ((c.from_day + s.d)::timestamp + interval '9 hours' + ((g * 37) % 540) * interval '1 minute') at time zone $8::text as act,
                ((c.days - 1 - s.d) * ((g * 31) % 100) / 100) * interval '1 day' + interval '30 minutes' as later
       ) t
     returning 1)
     select count(*)::int as n from inserted`,
    [
      col((c) => ctx.munByKey.get(c.municipalityKey)!.id),
      col((c) => c.from),
      col((c) => c.days),
      col((c) => c.count),
      col((c) => c.kind),
      col((c) => (c.centreKey ? ctx.centreIds.get(c.centreKey)! : null)),
      col((c) => (c.byOperator ? ctx.operatorId : null)),
      ctx.timeZone,
    ],
  );
  return Number(rows[0]!.n);
}

/** Some of the accounts made in an event's 30 days carry its code (as if typed at registration). */
async function attachEventCodes(tx: Queryable, e: SeededEvent, timeZone: string): Promise<void> {
  const wanted = Math.max(1, Math.round(e.peopleReached * EVENT_CODE_SHARE));
  await tx.query(
    `update citizens set event_code = $1
      where id in (select c.id from citizens c
                    where c.municipality_id = $2 and c.event_code is null and c.status <> 'pending'
                      and c.created_at >= ($3::date::timestamp at time zone $5::text)
                      and c.created_at < (($3::date + 31)::timestamp at time zone $5::text)
                    order by c.created_at, c.id limit $4)`,
    [e.code, e.municipalityId, e.heldOn, wanted, timeZone],
  );
}

const localTs = (date: string, time: string) => `${date} ${time}`;
const ruDate = (iso: string) => iso.split('-').reverse().join('.');

async function insertTargets(
  tx: Queryable,
  regionId: string,
  plans: MunicipalityPlan[],
  quarters: DemoQuarters,
  munByKey: Map<string, MunicipalityRow>,
  setBy: string,
  timeZone: string,
): Promise<void> {
  const rows = plans.flatMap((p) =>
    quarters.window.flatMap((q) => {
      const t = p.targets[q.label];
      return t ? [{ municipalityId: munByKey.get(p.key)!.id, year: q.year, quarter: q.quarter, ...t, setAt: localTs(addDays(q.from, -10), '11:00') }] : [];
    }),
  );
  await tx.query(
    `insert into municipality_targets (region_id, municipality_id, year, quarter, registered_target, confirmed_target, set_by, set_at)
     select $1, t.municipality_id, t.year, t.quarter, t.registered, t.confirmed, $7, t.set_at::timestamp at time zone $8::text
       from unnest($2::uuid[], $3::int[], $4::int[], $5::int[], $6::int[], $9::text[]) as t(municipality_id, year, quarter, registered, confirmed, set_at)`,
    [regionId, rows.map((r) => r.municipalityId), rows.map((r) => r.year), rows.map((r) => r.quarter), rows.map((r) => r.registered), rows.map((r) => r.confirmed), setBy, timeZone, rows.map((r) => r.setAt)],
  );
}

/** Kalgansky's typed inputs and centre checks for the quarter before last and the last complete one. */
async function insertKalgaInputs(
  tx: Queryable,
  regionId: string,
  kalgaId: string,
  quarters: DemoQuarters,
  enteredBy: string,
  centreIds: Map<string, string>,
  today: string,
  timeZone: string,
): Promise<void> {
  const yesterday = addDays(today, -1);
  for (const [i, q] of [quarters.beforeLast, quarters.lastComplete].entries()) {
    const on = [addDays(q.last, 4), yesterday].sort()[0]!;
    const at = localTs(on, '15:20');
    for (const input of KALGA_INPUTS) {
      if (input.values[i] === null) continue;
      await tx.query(
        `insert into score_inputs (region_id, municipality_id, year, quarter, node_id, input_name, value, note, links, entered_by, entered_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11::timestamp at time zone $12::text)`,
        [regionId, kalgaId, q.year, q.quarter, input.nodeId, input.inputName, String(input.values[i]), input.notes[i], JSON.stringify(input.links ?? []), enteredBy, at, timeZone],
      );
    }
    for (const check of KALGA_CENTRE_CHECKS) {
      const centreId = centreIds.get(check.centreKey);
      if (!centreId) continue;
      await tx.query(
        `insert into centre_checks (service_centre_id, year, quarter, requirement, met, note, checked_by, checked_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8::timestamp at time zone $9::text)`,
        [centreId, q.year, q.quarter, check.requirement, check.met[i], check.note, enteredBy, at, timeZone],
      );
    }
  }
}

async function insertSubmissions(
  tx: Queryable,
  regionId: string,
  submissions: PlannedSubmission[],
  quarters: DemoQuarters,
  munByKey: Map<string, MunicipalityRow>,
  staff: { coordinatorId: string; regionAdminId: string; kalgaId: string },
  today: string,
  timeZone: string,
): Promise<void> {
  const byLabel = new Map(quarters.window.map((q) => [q.label, q]));
  for (const s of submissions) {
    const municipalityId = munByKey.get(s.municipalityKey)!.id;
    const q = byLabel.get(s.quarter)!;
    // Only Kalgansky has a coordinator account in the demo; other municipalities' submissions name no staff user.
    const submittedBy = municipalityId === staff.kalgaId ? staff.coordinatorId : null;
    const submittedAt = localTs(s.submittedOn, '16:40');
    const decidedAt = s.decidedOn ? localTs(s.decidedOn, '10:15') : null;
    let snapshot: QuarterSnapshot | null = null;
    if (s.status === 'accepted') {
      const live = await liveQuarterScore(tx, { regionId, municipalityId, year: q.year, quarter: q.quarter, today });
      const frozen = await tx.query<{ iso: string }>(`select to_char(($1::timestamp at time zone $2::text) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as iso`, [decidedAt, timeZone]);
      snapshot = { model: live.model, evaluation: live.evaluation, inputs: live.inputs, sources: live.sources, frozenAt: frozen.rows[0]!.iso };
    }
    const revision = s.status === 'submitted' ? 1 : 2;
    const { rows } = await tx.query<{ id: string }>(
      `insert into quarter_submissions (region_id, municipality_id, year, quarter, status, submitted_by, submitted_at, decided_by, decided_at,
                                        return_comment, snapshot, model_key, model_version, revision, created_at)
       values ($1, $2, $3, $4, $5, $6, $7::timestamp at time zone $14::text, $8, $9::timestamp at time zone $14::text,
               $10, $11::jsonb, $12, $13, $15, $7::timestamp at time zone $14::text)
       returning id`,
      [
        regionId,
        municipalityId,
        q.year,
        q.quarter,
        s.status,
        submittedBy,
        submittedAt,
        s.decidedOn ? staff.regionAdminId : null,
        decidedAt,
        s.comment,
        snapshot ? JSON.stringify(snapshot) : null,
        snapshot ? snapshot.model.id : null,
        snapshot ? snapshot.model.version : null,
        timeZone,
        revision,
      ],
    );
    const id = rows[0]!.id;
    await tx.query(`insert into quarter_submission_events (submission_id, action, comment, actor_id, at) values ($1, 'submitted', null, $2, $3::timestamp at time zone $4::text)`, [
      id,
      submittedBy,
      submittedAt,
      timeZone,
    ]);
    if (s.status !== 'submitted') {
      await tx.query(`insert into quarter_submission_events (submission_id, action, comment, actor_id, at) values ($1, $2, $3, $4, $5::timestamp at time zone $6::text)`, [
        id,
        s.status,
        s.comment,
        staff.regionAdminId,
        decidedAt,
        timeZone,
      ]);
    }
  }
}
