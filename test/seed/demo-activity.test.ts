/**
 * The demo activity on a fresh demo database with a fixed today (23.11.2026):
 * the rows match what the generator planned, a second run does nothing, the
 * submissions have the statuses the demo needs, and no personal data exists.
 * A small scale (5 % of the population) keeps the test fast; the full-scale
 * shape is checked without a database in src/db/seed/demo-activity/plan.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { seedDemo } from '../../src/db/seed/demo.js';
import { DEMO_ACTIVITY_ACTION, EVENT_CODE_SHARE, seedDemoActivity, type DemoActivityResult } from '../../src/db/seed/demo-activity.js';
import { confirmedOf, DEMO_ROLES, MISSING_LAST_QUARTER, RETURN_COMMENT, registeredOf } from '../../src/db/seed/demo-activity/plan.js';
import { KALGA_EVENTS, KALGA_INPUTS, KALGA_CENTRE_CHECKS, OTHER_ACTIVITY } from '../../src/db/seed/demo-activity/outreach-data.js';
import { liveQuarterScore } from '../../src/modules/scoring/quarter-score.js';
import { demoDesks, deskLogin, planReceptionVisits, DEMO_VISIT_THRESHOLD } from '../../src/db/seed/demo-activity/reception.js';
import { COUNTS_AS, outcomeOf, replay, type Answer } from '../../src/modules/reception/dialog/machine.js';
import { verifyPassword } from '../../src/platform/passwords.js';
import { DEMO_PASSWORD } from '../../src/db/seed/demo.js';

const TODAY = '2026-11-23';
const TZ = 'Asia/Chita';
let t: TestDatabase;
let result: Extract<DemoActivityResult, { ran: true }>;
let regionId: string;
let plainCitizens = -1;
const munId = new Map<string, string>();

before(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db);
  plainCitizens = Number((await t.db.query<{ n: number }>('select count(*)::int as n from citizens')).rows[0]!.n);
  const r = await seedDemoActivity(t.db, { today: TODAY, scale: 0.05 });
  assert.equal(r.ran, true);
  result = r as typeof result;
  regionId = (await t.db.query<{ id: string }>("select id from regions where key = 'zabaikalsky-krai'")).rows[0]!.id;
  for (const m of (await t.db.query<{ id: string; key: string }>('select id, key from municipalities')).rows) munId.set(m.key, m.id);
});

after(() => t.close());

const n = async (sql: string, params: unknown[] = []) => Number((await t.db.query<{ n: number }>(sql, params)).rows[0]!.n);

test('seedDemo without the option makes no activity; the activity runs once', async () => {
  // before() ran seedDemo (no option) first: the plain demo has no accounts.
  assert.equal(plainCitizens, 0);
  const counts = async () => ({
    citizens: await n('select count(*)::int as n from citizens'),
    events: await n('select count(*)::int as n from outreach_events'),
    materials: await n('select count(*)::int as n from outreach_materials'),
    targets: await n('select count(*)::int as n from municipality_targets'),
    submissions: await n('select count(*)::int as n from quarter_submissions'),
    marks: await n('select count(*)::int as n from audit_log where action = $1', [DEMO_ACTIVITY_ACTION]),
  });
  const first = await counts();
  assert.equal(first.marks, 1);
  assert.equal(first.citizens, result.citizens);
  const again = await seedDemoActivity(t.db, { today: TODAY, scale: 0.05 });
  assert.equal(again.ran, false);
  await seedDemo(t.db, () => undefined, { activityScale: 0.05 });
  assert.deepEqual(await counts(), first);
});

test('accounts per municipality and quarter are what the generator planned', async () => {
  const { rows } = await t.db.query<{ key: string; period: string; registered: number; deleted: number }>(
    `select m.key, case when c.activated_at < ($2::date::timestamp at time zone $1::text) then 'stock'
                        else to_char(c.activated_at at time zone $1::text, 'YYYY-"Q"Q') end as period,
            count(*)::int as registered, count(*) filter (where c.status = 'deleted')::int as deleted
       from citizens c join municipalities m on m.id = c.municipality_id group by 1, 2`,
    [TZ, result.plan.quarters.windowFrom],
  );
  const confirmed = await t.db.query<{ key: string; period: string; n: number }>(
    `select m.key, case when c.confirmed_at < ($2::date::timestamp at time zone $1::text) then 'stock'
                        else to_char(c.confirmed_at at time zone $1::text, 'YYYY-"Q"Q') end as period, count(*)::int as n
       from citizens c join municipalities m on m.id = c.municipality_id where c.confirmed_at is not null group by 1, 2`,
    [TZ, result.plan.quarters.windowFrom],
  );
  const got = new Map(rows.map((r) => [`${r.key} ${r.period}`, r]));
  const gotConfirmed = new Map(confirmed.rows.map((r) => [`${r.key} ${r.period}`, Number(r.n)]));
  assert.equal(result.plan.municipalities.length, 35);
  for (const plan of result.plan.municipalities) {
    for (const [period, counts] of [['stock', plan.stock] as const, ...Object.entries(plan.quarters)]) {
      const row = got.get(`${plan.key} ${period}`);
      assert.equal(Number(row?.registered ?? 0), registeredOf(counts), `${plan.key} ${period} registered`);
      assert.equal(Number(row?.deleted ?? 0), counts.deleted, `${plan.key} ${period} deleted`);
      assert.equal(gotConfirmed.get(`${plan.key} ${period}`) ?? 0, confirmedOf(counts), `${plan.key} ${period} confirmed`);
    }
  }
  // Nothing outside the window's periods, and nothing today or later.
  const periods = new Set(['stock', ...result.plan.quarters.window.map((q) => q.label)]);
  assert.ok(rows.every((r) => periods.has(r.period)));
  assert.equal(await n(`select count(*)::int as n from citizens where greatest(created_at, activated_at, confirmed_at, standard_at, deleted_at) >= ($1::date::timestamp at time zone $2::text)`, [TODAY, TZ]), 0);
  // Levels and places are consistent.
  assert.equal(await n("select count(*)::int as n from citizens where level = 'confirmed' and (confirmed_at is null or standard_at is null)"), 0);
  assert.equal(await n("select count(*)::int as n from citizens where level <> 'confirmed' and confirmed_at is not null"), 0);
  assert.equal(await n('select count(*)::int as n from citizens where registered_at_centre_id is not null and confirmed_at <> activated_at'), 0);
  assert.equal(await n("select count(*)::int as n from citizens where status = 'deleted' and (deleted_at is null or deletion_reason is null)"), 0);
  // Desk work in Kalga's МФЦ office is the demo operator's.
  const byOperator = await n(
    `select count(*)::int as n from citizens c join service_centres sc on sc.id = c.registered_at_centre_id
      join staff_users s on s.id = c.registered_by_staff_id where sc.key = $1 and s.login = 'operator'`,
    [DEMO_ROLES.operatorCentre],
  );
  const atOffice = await n('select count(*)::int as n from citizens c join service_centres sc on sc.id = c.registered_at_centre_id where sc.key = $1', [DEMO_ROLES.operatorCentre]);
  assert.ok(atOffice > 0);
  assert.equal(byOperator, atOffice);
  // Registrations at a centre happen only where the centre may register (the post office only confirms).
  assert.equal(await n("select count(*)::int as n from citizens c join service_centres sc on sc.id = c.registered_at_centre_id where not ('register' = any(sc.capabilities))"), 0);
  assert.ok((await n("select count(*)::int as n from citizens c join service_centres sc on sc.id = c.confirmed_at_centre_id where sc.type = 'post_office'")) > 0);
});

test('targets: every municipality and quarter, except one without a target in the last complete quarter', async () => {
  const { year, quarter } = result.plan.quarters.lastComplete;
  assert.equal(await n('select count(*)::int as n from municipality_targets'), 35 * 6 - 1);
  assert.equal(await n('select count(*)::int as n from municipality_targets where municipality_id = $1 and year = $2 and quarter = $3', [munId.get(DEMO_ROLES.noTarget), year, quarter]), 0);
  // The tie: 80 % of the registration target and 75 % of the confirmation target in both.
  for (const key of DEMO_ROLES.tie) {
    const plan = result.plan.municipalities.find((p) => p.key === key)!;
    const counts = plan.quarters[result.plan.quarters.lastComplete.label]!;
    const { rows } = await t.db.query<{ registered_target: number; confirmed_target: number }>(
      'select registered_target, confirmed_target from municipality_targets where municipality_id = $1 and year = $2 and quarter = $3',
      [munId.get(key), year, quarter],
    );
    assert.equal(registeredOf(counts) / Number(rows[0]!.registered_target), 0.8);
    assert.equal(confirmedOf(counts) / Number(rows[0]!.confirmed_target), 0.75);
  }
});

test('Kalgansky: the approved plan, events, materials, typed inputs and centre checks', async () => {
  const kalga = munId.get('kalgansky')!;
  const plans = await t.db.query<{ status: string; current_version: number }>(
    "select status, current_version from outreach_plans where municipality_id = $1 and period_from = '2026-01-01'",
    [kalga],
  );
  assert.equal(plans.rows.length, 1);
  assert.equal(plans.rows[0]!.status, 'approved');
  // All of Kalgansky's demo events fall before 23.11.2026 (the current quarter's at 11.10, 25.10 and 15.11).
  assert.equal(await n('select count(*)::int as n from outreach_events where municipality_id = $1', [kalga]), KALGA_EVENTS.length);
  assert.equal(await n('select count(*)::int as n from outreach_events'), KALGA_EVENTS.length + OTHER_ACTIVITY.reduce((a, o) => a + o.events.length, 0));
  assert.equal(result.events.length, KALGA_EVENTS.length + 12);
  // 2026 events are tied to the plan's items; 2025 ones (no plan that year) are not.
  assert.equal(await n("select count(*)::int as n from outreach_events where municipality_id = $1 and held_on >= '2026-01-01' and plan_item_id is null", [kalga]), 0);
  assert.equal(await n("select count(*)::int as n from outreach_events where municipality_id = $1 and held_on < '2026-01-01' and plan_item_id is not null", [kalga]), 0);
  // Each event's code was typed by some of the accounts made in its 30 days, never more than a quarter of the people reached.
  for (const e of result.events) {
    const withCode = await n('select count(*)::int as n from citizens where event_code = $1', [e.code]);
    assert.ok(withCode <= Math.max(1, Math.round(e.peopleReached * EVENT_CODE_SHARE)), e.code);
  }
  assert.ok((await n('select count(*)::int as n from citizens where event_code is not null')) > 0);

  const q = result.plan.quarters;
  for (const [i, quarter] of [q.beforeLast, q.lastComplete].entries()) {
    const typed = KALGA_INPUTS.filter((input) => input.values[i] !== null).length;
    assert.equal(await n('select count(*)::int as n from score_inputs where municipality_id = $1 and year = $2 and quarter = $3', [kalga, quarter.year, quarter.quarter]), typed);
    assert.equal(
      await n('select count(*)::int as n from centre_checks cc join service_centres sc on sc.id = cc.service_centre_id where sc.municipality_id = $1 and cc.year = $2 and cc.quarter = $3', [kalga, quarter.year, quarter.quarter]),
      KALGA_CENTRE_CHECKS.length,
    );
  }
  const p33 = await t.db.query<{ value: string; note: string }>("select value::text as value, note from score_inputs where municipality_id = $1 and year = 2026 and quarter = 3 and node_id = 'P3.3'", [kalga]);
  assert.equal(Number(p33.rows[0]!.value), 1);
  assert.match(p33.rows[0]!.note, /внеурочной/);
});

test('the event- and material-fed levels differ by quarter as the demo data intends', async () => {
  const kalga = munId.get('kalgansky')!;
  const inputsOf = async (year: number, quarter: 1 | 2 | 3 | 4) => (await liveQuarterScore(t.db, { regionId, municipalityId: kalga, year, quarter, today: TODAY })).inputs;
  // 2026-Q1 (window quarter 2): one talk at the library → 0.5; the administration's stand not updated → 0.5;
  // news updated in January only → m 0.25; the site section updated → n 0.5; social networks not updated → 0.5; no e-services day.
  const q1 = await inputsOf(2026, 1);
  assert.equal(q1['P2.6']!.n, 0.5);
  assert.equal(q1['P2.2']!.n, 0.5);
  assert.equal(q1['P2.3']!.n, 0.5);
  assert.equal(q1['P2.3']!.m, 0.25);
  assert.equal(q1['P2.5']!.n, 0.5);
  assert.equal(q1['P2.8']!.n, 0);
  assert.equal(q1['P3.1']!.n, 1);
  // 2026-Q3: three culture events, both stands, news every month, the school stand updated, an e-services day.
  const q3 = await inputsOf(2026, 3);
  assert.equal(q3['P2.6']!.n, 1);
  assert.equal(q3['P2.2']!.n, 1);
  assert.equal(q3['P2.3']!.m, 0.5);
  assert.equal(q3['P3.2']!.n, 1);
  assert.equal(q3['P2.8']!.n, 1);
  // 2025-Q3 (the oldest): social networks not yet started.
  assert.equal((await inputsOf(2025, 3))['P2.5']!.n, 0);
});

test('quarter submissions: all accepted before last, a mix in the last complete quarter, Kalgansky not submitted', async () => {
  const q = result.plan.quarters;
  const { rows: before } = await t.db.query<{ status: string; snapshot: { model: { id: string }; evaluation: unknown; frozenAt: string } | null; model_key: string; model_version: number; decider: string; report: unknown }>(
    `select s.status, s.snapshot, s.model_key, s.model_version, u.login as decider, s.report
       from quarter_submissions s left join staff_users u on u.id = s.decided_by where s.year = $1 and s.quarter = $2`,
    [q.beforeLast.year, q.beforeLast.quarter],
  );
  assert.equal(before.length, 35);
  for (const s of before) {
    assert.equal(s.status, 'accepted');
    assert.equal(s.decider, 'region');
    assert.equal(s.model_key, 'kalga-2018');
    assert.ok(Number(s.model_version) >= 1);
    assert.equal(s.snapshot!.model.id, 'kalga-2018');
    assert.ok(s.snapshot!.evaluation);
    assert.match(s.snapshot!.frozenAt, /^2026-0[78]-\d\dT/);
    assert.equal(s.report, null);
  }
  assert.equal(await n("select count(*)::int as n from quarter_submission_events e join quarter_submissions s on s.id = e.submission_id where s.year = 2026 and s.quarter = 2 and e.action in ('submitted', 'accepted')"), 70);

  const { rows: last } = await t.db.query<{ key: string; status: string; submitted_on: string; return_comment: string | null; decided: boolean; events: string }>(
    `select m.key, s.status, to_char(s.submitted_at at time zone $3::text, 'YYYY-MM-DD') as submitted_on, s.return_comment, s.decided_at is not null as decided,
            (select string_agg(e.action, ',' order by e.at) from quarter_submission_events e where e.submission_id = s.id) as events
       from quarter_submissions s join municipalities m on m.id = s.municipality_id where s.year = $1 and s.quarter = $2`,
    [q.lastComplete.year, q.lastComplete.quarter, TZ],
  );
  assert.equal(last.find((r) => r.key === 'kalgansky'), undefined, 'Kalgansky submits in the demo');
  // 35 municipalities: Kalgansky and 7 missing have no row; 1 returned; 26 submitted, one of them late (after 15.10.2026).
  assert.equal(last.length, 35 - 1 - MISSING_LAST_QUARTER);
  const returned = last.filter((r) => r.status === 'returned');
  assert.equal(returned.length, 1);
  assert.equal(returned[0]!.return_comment, RETURN_COMMENT);
  assert.equal(returned[0]!.events, 'submitted,returned');
  const submitted = last.filter((r) => r.status === 'submitted');
  assert.equal(submitted.length, 26);
  assert.ok(submitted.every((r) => r.events === 'submitted' && !r.decided));
  assert.equal(last.filter((r) => r.submitted_on > '2026-10-15').length, 1);
  assert.ok(last.every((r) => r.submitted_on > '2026-09-30' && r.submitted_on < TODAY));
});

test('no personal data: the accounts have no names, contacts, documents or passwords', async () => {
  assert.equal(
    await n('select count(*)::int as n from citizens where last_name_enc is not null or first_name_enc is not null or middle_name_enc is not null or name_birth_index is not null or password_hash is not null'),
    0,
  );
  for (const table of ['citizen_contacts', 'citizen_personal_data', 'otp_challenges', 'citizen_sign_ins', 'registry_checks', 'notifications_outbox']) {
    assert.equal(await n(`select count(*)::int as n from ${table}`), 0, table);
  }
  // The audit marker names the region and counts, nothing about people.
  const { rows } = await t.db.query<{ details: Record<string, unknown> }>('select details from audit_log where action = $1', [DEMO_ACTIVITY_ACTION]);
  assert.deepEqual(Object.keys(rows[0]!.details).sort(), ['citizens', 'events', 'quarters', 'submissions', 'today']);
});

test('reception visits: as planned per desk and quarter, 60–80 % informed, valid dialogs, no personal data; P2.1 counts them', async () => {
  const planned = planReceptionVisits(result.plan.quarters, 0.05);
  const desks = demoDesks();
  assert.equal(desks.length, 6);
  // Per desk and quarter: the planned number of visitors, in the quarter's days before today, all finished, none linked to a citizen.
  const { rows } = await t.db.query<{ login: string; period: string; n: number; informed: number; linked: number }>(
    `select u.login, to_char(v.started_at at time zone $1::text, 'YYYY-"Q"Q') as period, count(*)::int as n,
            count(*) filter (where v.outcome <> 'consulted')::int as informed, count(v.citizen_id)::int as linked
       from reception_visits v join staff_users u on u.id = v.staff_user_id where v.status = 'finished' group by 1, 2`,
    [TZ],
  );
  assert.equal(await n('select count(*)::int as n from reception_visits'), planned.reduce((a, p) => a + p.count, 0));
  assert.equal(await n("select count(*)::int as n from reception_visits where started_at >= ($1::date::timestamp at time zone $2::text) or status <> 'finished' or citizen_id is not null", [TODAY, TZ]), 0);
  const q = result.plan.quarters;
  for (const desk of desks) {
    for (const quarter of [q.lastComplete, q.current]) {
      const mine = planned.filter((p) => p.deskKey === desk.key && p.quarter === quarter.label);
      const visitors = mine.reduce((a, p) => a + p.count, 0);
      const informed = mine.filter((p) => (COUNTS_AS.informed as readonly string[]).includes(p.outcome)).reduce((a, p) => a + p.count, 0);
      const row = rows.find((r) => r.login === deskLogin(desk) && r.period === quarter.label);
      assert.equal(Number(row?.n ?? 0), visitors, `${desk.key} ${quarter.label}`);
      assert.equal(Number(row!.informed), informed, `${desk.key} ${quarter.label} informed`);
      assert.ok(informed / visitors >= 0.58 && informed / visitors <= 0.82, `${desk.key} ${quarter.label}: ${informed}/${visitors}`);
    }
  }
  // Every stored path is a finished dialog of the desk's authority, and its outcome is the machine's.
  const authority = new Map(desks.map((d) => [deskLogin(d), d.authority]));
  const paths = await t.db.query<{ login: string; path: Answer[]; outcome: string; register_via: string | null; confirm_via: string | null; age_threshold: number }>(
    'select distinct u.login, v.path, v.outcome, v.register_via, v.confirm_via, v.age_threshold from reception_visits v join staff_users u on u.id = v.staff_user_id',
  );
  assert.ok(paths.rows.some((r) => r.outcome === 'registered'), 'a declared registration');
  assert.ok(paths.rows.some((r) => r.outcome === 'refused'));
  for (const r of paths.rows) {
    const a = authority.get(r.login)!;
    assert.equal(r.register_via, a.register);
    assert.equal(r.confirm_via, a.confirm);
    assert.equal(Number(r.age_threshold), DEMO_VISIT_THRESHOLD);
    const state = replay({ threshold: DEMO_VISIT_THRESHOLD, authority: a }, r.path);
    assert.equal(state?.step, 'done', r.path.join(' '));
    assert.equal(outcomeOf(state!), r.outcome);
  }
  // The desk accounts made for the other municipalities cannot sign in.
  const made = await t.db.query<{ password_hash: string }>("select password_hash from staff_users where login like 'demo-desk-%'");
  assert.equal(made.rows.length, 4);
  for (const u of made.rows) assert.equal(await verifyPassword(u.password_hash, DEMO_PASSWORD), false);

  // P2.1 = informed / visitors × 100 over the municipality's desks, from the visit log; only Kalgansky's quarter before last
  // (before the desks used the system) has figures typed from the paper journal.
  const p21 = (municipality: string, quarterLabel: string) => {
    const mine = planned.filter((p) => p.quarter === quarterLabel && desks.find((d) => d.key === p.deskKey)!.municipalityKey === municipality);
    return { A: mine.filter((p) => p.outcome !== 'consulted').reduce((a, p) => a + p.count, 0), B: mine.reduce((a, p) => a + p.count, 0) };
  };
  for (const [municipality, quarter] of [['chita', q.lastComplete], ['kalgansky', q.lastComplete], ['kalgansky', q.current], ['krasnokamensky', q.current]] as const) {
    const { A, B } = p21(municipality, quarter.label);
    const score = await liveQuarterScore(t.db, { regionId, municipalityId: munId.get(municipality)!, year: quarter.year, quarter: quarter.quarter, today: TODAY });
    assert.deepEqual(score.inputs['P2.1'], { A, B }, `${municipality} ${quarter.label}`);
    assert.ok(Math.abs(score.evaluation.nodes['P2.1']!.value! - (A / B) * 100) < 1e-9);
    assert.ok(score.sources['P2.1']!.every((s) => s.origin === 'reception'));
  }
  const paper = await liveQuarterScore(t.db, { regionId, municipalityId: munId.get('kalgansky')!, year: q.beforeLast.year, quarter: q.beforeLast.quarter, today: TODAY });
  assert.deepEqual(paper.inputs['P2.1'], { A: 371, B: 512 });
  assert.ok(paper.sources['P2.1']!.filter((s) => !s.replaced).every((s) => s.origin === 'typed'));
});
