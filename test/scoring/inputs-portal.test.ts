/**
 * The inputs the portal knows (src/modules/scoring/inputs/portal-inputs.ts),
 * through liveQuarterScore: P1.3 from accounts activated in the quarter in the
 * region's time zone (Asia/Chita, UTC+9) against the region's target; P1.2 from
 * the centre's published hours, the stands' level and the coordinator's checks;
 * P1.1.x B from the organisations' headcounts. Every expectation is counted by hand.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AppContext } from '../../src/platform/context.js';
import { regionToday } from '../../src/modules/outreach/materials/materials.repository.js';
import { activatedInQuarter } from '../../src/modules/scoring/inputs/portal-inputs.js';
import { liveQuarterScore } from '../../src/modules/scoring/quarter-score.js';
import { quarterTargets } from '../../src/modules/scoring/targets/targets.repository.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { kalgansky } from '../support/places.js';

let t: TestApp;
let ctx: AppContext;
let regionId = '';
let kalgaId = '';
let otherId = '';
let chitaId = '';
let today = '';
let centreId = '';

// A past quarter, so "today" does not cut it short: 2025 Q2 = 01.04.2025–30.06.2025 local (Asia/Chita).
const Q = { year: 2025, quarter: 2 as const };

before(async () => {
  t = await createTestApp({ seed: true });
  ctx = t.ctx;
  ({ kalgaId, regionId } = await kalgansky(ctx.db));
  chitaId = (await ctx.db.query<{ id: string }>("select id from municipalities where key = 'chita'")).rows[0]!.id;
  otherId = (await ctx.db.query<{ id: string }>("select id from municipalities where key = 'borzinsky'")).rows[0]!.id;
  centreId = (await ctx.db.query<{ id: string }>("select id from service_centres where key = 'kalga-admin-cou'")).rows[0]!.id;
  today = await regionToday(ctx.db, regionId);
  assert.equal((await ctx.db.query<{ time_zone: string }>('select time_zone from regions where id = $1', [regionId])).rows[0]!.time_zone, 'Asia/Chita');
});
after(async () => t.close());

const score = (municipalityId = kalgaId) => liveQuarterScore(ctx.db, { regionId, municipalityId, ...Q, today });

async function citizen(municipalityId: string, activatedAt: string | null, status = 'active') {
  await ctx.db.query(`insert into citizens (level, status, municipality_id, activated_at) values ('simplified', $1, $2, $3::timestamptz)`, [status, municipalityId, activatedAt]);
}

test('P1.3 A: accounts activated within the quarter in Asia/Chita time, not deleted, of this municipality', async () => {
  // The quarter starts 01.04.2025 00:00 in Chita = 31.03.2025 15:00 UTC and ends before 01.07.2025 00:00 = 30.06.2025 15:00 UTC.
  await citizen(kalgaId, '2025-03-31T14:59:59Z'); // 31.03 23:59:59 local — the quarter before
  await citizen(kalgaId, '2025-03-31T15:00:00Z'); // 01.04 00:00 local — counts (1)
  await citizen(kalgaId, '2025-05-15T03:00:00Z'); // counts (2)
  await citizen(kalgaId, '2025-06-30T14:59:59Z'); // 30.06 23:59:59 local — counts (3)
  await citizen(kalgaId, '2025-06-30T15:00:00Z'); // 01.07 00:00 local — the next quarter
  await citizen(kalgaId, '2025-06-30T16:00:00Z'); // still 30.06 in UTC, but 01.07 in Chita — not counted
  await citizen(kalgaId, '2025-05-20T00:00:00Z', 'deleted'); // deleted — not counted
  await citizen(kalgaId, null, 'pending'); // never activated
  await citizen(otherId, '2025-05-15T03:00:00Z'); // another municipality

  assert.equal(await activatedInQuarter(ctx.db, kalgaId, Q, 'Asia/Chita'), 3);
  assert.equal(await activatedInQuarter(ctx.db, otherId, Q, 'Asia/Chita'), 1);
  // Counted by UTC days it would be 4: 31.03 15:00Z is March, but 30.06 15:00Z and 16:00Z are June — the time zone matters.
  assert.equal(await activatedInQuarter(ctx.db, kalgaId, Q, 'UTC'), 4);

  const s = await score();
  assert.equal(s.inputs['P1.3']!.A, 3);
  const a = s.sources['P1.3']!.find((x) => x.input === 'A')!;
  assert.equal(a.origin, 'portal');
  assert.match(a.text, /с 01\.04\.2025 по 30\.06\.2025 \(время Asia\/Chita\) и не удалённые: 3$/);
});

test('P1.3 C: no target → missing with the reason; a target → P1.3 = A / C × 100', async () => {
  let s = await score();
  assert.equal(s.inputs['P1.3']!.C, undefined);
  assert.deepEqual(s.missing!['P1.3'], [{ input: 'C', origin: 'targets', text: 'цель на квартал не задана регионом' }]);
  assert.equal(s.evaluation.nodes['P1.3']!.value, null);

  await ctx.db.query(
    `insert into municipality_targets (region_id, municipality_id, year, quarter, registered_target, confirmed_target) values ($1, $2, 2025, 2, 12, 5), ($1, $3, 2025, 2, 40, 20)`,
    [regionId, kalgaId, otherId],
  );
  s = await score();
  assert.equal(s.inputs['P1.3']!.C, 12);
  assert.equal(s.missing!['P1.3'], undefined);
  assert.equal(s.evaluation.nodes['P1.3']!.value, 25, '3 / 12 × 100');
  assert.match(s.sources['P1.3']!.find((x) => x.input === 'C')!.text, /Цель региона на 2 квартал 2025 г\.: зарегистрировать 12 граждан/);

  const targets = await quarterTargets(ctx.db, regionId, 2025, 2);
  assert.deepEqual(targets.get(kalgaId), { registeredTarget: 12, confirmedTarget: 5 });
  assert.deepEqual(targets.get(otherId), { registeredTarget: 40, confirmedTarget: 20 });
  assert.equal(targets.size, 2);
  assert.equal((await quarterTargets(ctx.db, regionId, 2025, 3)).size, 0);
});

test('P1.2: hours published, stands from materials, badge and sign from checks, overrides', async () => {
  // Only the centre at the administration counts; its hours are on the portal → schedule met.
  // No stands in 2025 Q2 → P2.2 = 0 → materials not met; badge and sign not checked → n not known.
  let s = await score();
  assert.equal(s.inputs['P1.2'], undefined);
  assert.match(s.missing!['P1.2']![0]!.text, /^Не все требования проверены/);
  assert.match(s.missing!['P1.2']![0]!.text, /график работы опубликован — выполнено — часы работы опубликованы на портале/);
  assert.match(s.missing!['P1.2']![0]!.text, /бейдж у сотрудника — не проверено/);

  const check = (requirement: string, met: boolean, note = '') =>
    ctx.db.query(
      `insert into centre_checks (service_centre_id, year, quarter, requirement, met, note) values ($1, 2025, 2, $2, $3, $4)
       on conflict (service_centre_id, year, quarter, requirement) do update set met = excluded.met, note = excluded.note`,
      [centreId, requirement, met, note],
    );
  await check('badge', true);
  await check('sign', false);
  s = await score();
  assert.equal(s.inputs['P1.2']!.n, 2, 'badge + schedule');
  assert.equal(s.evaluation.nodes['P1.2']!.value, 50, '2 × 0,25 × 100');
  assert.equal(s.sources['P1.2']![0]!.origin, 'centre_checks');
  assert.match(s.sources['P1.2']![0]!.text, /^Выполнено требований: 2 из 4/);

  // A stand posted in the quarter: P2.2 = 1 as of 30.06.2025 → materials met.
  await ctx.db.query(`insert into outreach_materials (region_id, municipality_id, kind, title, posted_on) values ($1, $2, 'stand', 'Стенд в ЦОУ', '2025-05-10')`, [regionId, kalgaId]);
  s = await score();
  assert.equal(s.inputs['P2.2']!.n, 1);
  assert.equal(s.inputs['P1.2']!.n, 3);
  assert.match(s.sources['P1.2']![0]!.text, /информация на стендах \(P2\.2\) на 30\.06\.2025: n = 1/);

  // The coordinator overrides the automatic schedule: the website has no schedule.
  await check('schedule', false, 'на сайте администрации графика нет');
  s = await score();
  assert.equal(s.inputs['P1.2']!.n, 2);
  assert.match(s.sources['P1.2']![0]!.text, /график работы опубликован — не выполнено \(проверка координатора/);
});

test('P1.2: every centre must meet a requirement; no centre at the administration → n = 0', async () => {
  // Chita has only the МФЦ and a post office.
  const chita = await score(chitaId);
  assert.equal(chita.inputs['P1.2']!.n, 0);
  assert.match(chita.sources['P1.2']![0]!.text, /нет центра обслуживания на базе администрации/);

  // A second centre at Kalgansky's administration, hours not published: schedule fails there, so it fails for the municipality.
  const second = (
    await ctx.db.query<{ id: string }>(
      `insert into service_centres (municipality_id, key, name, type, address, lat, lon, hours, capabilities)
       values ($1, 'test-second-cou', 'Второй центр в с. Бура', 'municipal_centre', 'с. Бура', 50.9, 118.9, '[]'::jsonb, array['register'])
       returning id`,
      [kalgaId],
    )
  ).rows[0]!.id;
  let s = await score();
  assert.equal(s.inputs['P1.2'], undefined, 'badge and sign not checked at the second centre');
  for (const requirement of ['badge', 'sign'])
    await ctx.db.query(`insert into centre_checks (service_centre_id, year, quarter, requirement, met) values ($1, 2025, 2, $2, true)`, [second, requirement]);
  // First centre: badge yes, sign no, schedule no (override), materials yes. Second: badge yes, sign yes, schedule no (no hours), materials yes.
  // Met at every centre: badge, materials → n = 2.
  s = await score();
  assert.equal(s.inputs['P1.2']!.n, 2);
  assert.match(s.sources['P1.2']![0]!.text, /Требование выполнено, если оно выполнено в каждом центре/);
  assert.match(s.sources['P1.2']![0]!.text, /«Второй центр в с\. Бура»: .*часы работы на портале не опубликованы/);
  await ctx.db.query('delete from centre_checks where service_centre_id = $1', [second]);
  await ctx.db.query('delete from service_centres where id = $1', [second]);
});

test('P1.1.x B: headcounts of the administration and of the municipal institutions', async () => {
  const s = await score();
  // Administration of Kalgansky: 58.
  assert.equal(s.inputs['P1.1.1']!.B, 58);
  // Schools 56 + 28 + 24 + 22 + 20, kindergartens 26 + 12, culture 18 + 9 = 215; the hospital, social protection and the МФЦ are regional.
  assert.equal(s.inputs['P1.1.2']!.B, 215);
  const text = s.sources['P1.1.2']![0]!.text;
  assert.match(text, /= 215\./);
  assert.match(text, /\(условные данные\)/);
  assert.match(text, /Не учитываются \(краевые учреждения\): .*ГУЗ «Калганская ЦРБ»/);
  assert.equal(s.inputs['P1.1.1']!.A, undefined, 'A is typed in');
  assert.equal(s.evaluation.nodes['P1.1.1']!.value, null);

  // A headcount not given → B missing, naming the organisation.
  await ctx.db.query("update organisations set employees = null where key = 'kalga-library'");
  const gap = await score();
  assert.equal(gap.inputs['P1.1.2']?.B, undefined);
  assert.match(gap.missing!['P1.1.2']![0]!.text, /Численность не указана на портале: «МУК «МЦБ»»/);
  await ctx.db.query("update organisations set employees = 9 where key = 'kalga-library'");
});
