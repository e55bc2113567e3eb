import assert from 'node:assert/strict';
import { test } from 'node:test';
import { zabaikalskyKrai } from '../data/zabaikalsky-krai.js';
import { apportion, cohortsOf, confirmedOf, demoQuarters, DEMO_ROLES, MISSING_LAST_QUARTER, planMunicipality, planSubmissions, registeredOf } from './plan.js';
import { prng } from './prng.js';

const TODAY = '2026-11-23';

const municipalities = zabaikalskyKrai.municipalities.map((m) => ({
  key: m.key,
  population: m.population.value,
  centres: m.serviceCentres.map((c) => ({ key: c.key, type: c.type, capabilities: [...c.capabilities] })),
}));

test('the window: five complete quarters before today and the current one up to yesterday', () => {
  const q = demoQuarters(TODAY);
  assert.deepEqual(
    q.window.map((x) => x.label),
    ['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'],
  );
  assert.equal(q.windowFrom, '2025-07-01');
  assert.equal(q.lastComplete.label, '2026-Q3');
  assert.equal(q.beforeLast.label, '2026-Q2');
  // 1 October … 22 November: 31 + 22 days
  assert.equal(q.current.days, 53);
  assert.equal(q.current.last, '2026-11-22');
  assert.equal(q.current.complete, false);
  // 2025-Q3: July–September = 92 days
  assert.equal(q.window[0]!.days, 92);
  // The first day of a quarter: the current quarter has no day with activity yet.
  assert.equal(demoQuarters('2027-01-01').current.days, 0);
  assert.equal(demoQuarters('2027-01-01').lastComplete.label, '2026-Q4');
});

test('the seeded generator repeats itself', () => {
  const a = prng('x');
  const b = prng('x');
  const xs = Array.from({ length: 5 }, () => a.next());
  assert.deepEqual(xs, Array.from({ length: 5 }, () => b.next()));
  assert.ok(xs.every((x) => x >= 0 && x < 1));
  assert.notDeepEqual(xs, Array.from({ length: 5 }, () => prng('y').next()));
});

test('apportion splits a count by weights and keeps the total', () => {
  assert.deepEqual(apportion(10, [3, 2, 1]), [5, 3, 2]);
  assert.deepEqual(apportion(7, [1, 1]), [4, 3]);
  assert.deepEqual(apportion(0, [3, 1]), [0, 0]);
});

test('at full scale every municipality ends with 40–65 % of its population holding an account; the region\'s registrations rise quarter by quarter', () => {
  const quarters = demoQuarters(TODAY);
  let total = 0;
  const perQuarter = quarters.window.map(() => 0);
  for (const m of municipalities) {
    const plan = planMunicipality(m, quarters);
    const stock = registeredOf(plan.stock) - plan.stock.deleted;
    const window = quarters.window.reduce((a, q) => a + registeredOf(plan.quarters[q.label]!) - plan.quarters[q.label]!.deleted, 0);
    const share = (stock + window) / m.population;
    assert.ok(share >= 0.4 && share <= 0.65, `${m.key}: ${share}`);
    quarters.window.forEach((q, i) => (perQuarter[i]! += registeredOf(plan.quarters[q.label]!)));
    total += registeredOf(plan.stock) + quarters.window.reduce((a, q) => a + registeredOf(plan.quarters[q.label]!), 0);
    // The cohorts hold exactly the planned accounts.
    const cohorts = cohortsOf(plan, m.centres, quarters);
    assert.equal(
      cohorts.reduce((a, c) => a + c.count, 0),
      registeredOf(plan.stock) + quarters.window.reduce((a, q) => a + registeredOf(plan.quarters[q.label]!), 0),
    );
  }
  for (let i = 1; i < 5; i++) assert.ok(perQuarter[i]! > perQuarter[i - 1]!, `quarter ${i}: ${perQuarter.join(', ')}`);
  // About half of the region's 980 000 people.
  assert.ok(total > 450_000 && total < 650_000, String(total));
});

test('targets: Kalgansky clearly on top, an exact tie, one municipality without a target', () => {
  const quarters = demoQuarters(TODAY);
  const label = quarters.lastComplete.label;
  const ratios = new Map<string, { reg: number; conf: number }>();
  for (const m of municipalities) {
    const plan = planMunicipality(m, quarters);
    const t = plan.targets[label];
    if (m.key === DEMO_ROLES.noTarget) {
      assert.equal(t, undefined);
      continue;
    }
    const c = plan.quarters[label]!;
    ratios.set(m.key, { reg: registeredOf(c) / t!.registered, conf: confirmedOf(c) / t!.confirmed });
  }
  const [a, b] = DEMO_ROLES.tie;
  assert.equal(ratios.get(a)!.reg, 0.8);
  assert.equal(ratios.get(b)!.reg, 0.8);
  assert.equal(ratios.get(a)!.conf, 0.75);
  assert.equal(ratios.get(b)!.conf, 0.75);
  const top = ratios.get(DEMO_ROLES.top)!;
  assert.ok(Math.abs(top.reg - 1.5) < 0.03, String(top.reg));
  for (const [key, r] of ratios) if (key !== DEMO_ROLES.top) assert.ok(r.reg < top.reg - 0.1, `${key} ${r.reg}`);
});

test('submissions: all accepted the quarter before last; the last one mixed, Kalgansky not yet submitted', () => {
  const quarters = demoQuarters(TODAY);
  const keys = municipalities.map((m) => m.key);
  const s = planSubmissions(keys, quarters, TODAY);
  const before = s.filter((x) => x.quarter === '2026-Q2');
  assert.equal(before.length, 35);
  assert.ok(before.every((x) => x.status === 'accepted' && x.submittedOn > '2026-06-30' && x.submittedOn <= '2026-07-15' && x.decidedOn! >= x.submittedOn));
  const last = s.filter((x) => x.quarter === '2026-Q3');
  assert.equal(last.find((x) => x.municipalityKey === 'kalgansky'), undefined);
  assert.equal(last.length, 35 - 1 - MISSING_LAST_QUARTER);
  const late = last.filter((x) => x.late);
  assert.equal(late.length, 1);
  assert.ok(late[0]!.submittedOn > '2026-10-15' && late[0]!.submittedOn < TODAY);
  assert.equal(last.filter((x) => x.status === 'returned').length, 1);
  assert.ok(last.filter((x) => !x.late).every((x) => x.submittedOn > '2026-09-30' && x.submittedOn <= '2026-10-15'));
  // Early in the report period (before the due date) nobody can be late yet.
  const early = planSubmissions(keys, demoQuarters('2026-10-08'), '2026-10-08').filter((x) => x.quarter === '2026-Q3');
  assert.equal(early.filter((x) => x.late).length, 0);
  assert.ok(early.every((x) => x.submittedOn < '2026-10-08'));
});
