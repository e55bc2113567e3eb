/**
 * bench/scoring — what scoring and ranking cost with a region's worth of accounts.
 *
 * On PostgreSQL, in a fresh database `uslugi_bench_scoring` (dropped at the end,
 * also on failure): the demo region (35 municipalities, no demo activity), then
 * 1,000,000 citizens' accounts spread over its municipalities by population and
 * over the last five complete quarters, 20,000 outreach events whose codes some
 * accounts carry, a few materials per municipality and every quarter's targets;
 * ANALYZE. Then, in the same run:
 *   baseline  one `SELECT count(*) FROM citizens` (warm, best of 5);
 *   score     quarterScore for every municipality for the last complete quarter
 *             (what the dashboard and the reports ask for), warm, best of 3;
 *   ranking   rankMunicipalities for the region and that quarter, warm, best of 3;
 * each printed with its ratio to the baseline, and the process memory (RSS, heap
 * used) before and after.
 *
 *   npm run bench:scoring
 *   BENCH_DATABASE_URL=postgres://user@host:5432/postgres npm run bench:scoring
 *   (else TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres: an
 *   administrator's URL, used to create and drop the bench database)
 */
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { seedDemo } from '../src/db/seed/demo.js';
import { apportion, demoQuarters } from '../src/db/seed/demo-activity/plan.js';
import { regionToday } from '../src/modules/outreach/materials/materials.repository.js';
import { quarterScore } from '../src/modules/scoring/quarter-score.js';

const ACCOUNTS = 1_000_000;
const EVENTS = 20_000;
const DB_NAME = 'uslugi_bench_scoring';
const FORMATS = ['e_services_day', 'e_lesson', 'parents_meeting', 'culture_seminar', 'workplace_briefing', 'field_consultation', 'media'];

const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;
function memory() {
  const m = process.memoryUsage();
  return { rss: m.rss, heap: m.heapUsed };
}

async function best(times: number, fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm
  let min = Infinity;
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await fn();
    min = Math.min(min, performance.now() - t0);
  }
  return min;
}

async function load(db: Database, log: (s: string) => void): Promise<{ regionId: string; today: string }> {
  await seedDemo(db);
  const region = (await db.query<{ id: string; time_zone: string }>("select id, time_zone from regions where key = 'zabaikalsky-krai'")).rows[0]!;
  const today = await regionToday(db, region.id);
  const quarters = demoQuarters(today);
  const complete = quarters.window.slice(0, 5);
  const from = complete[0]!.from;
  const days = complete.reduce((a, q) => a + q.fullDays, 0);
  const municipalities = (
    await db.query<{ id: string; population: number; centre_id: string | null }>(
      `select m.id, m.population, (select sc.id from service_centres sc where sc.municipality_id = m.id order by sc.key limit 1) as centre_id
         from municipalities m where m.region_id = $1 order by m.key`,
      [region.id],
    )
  ).rows;
  const weights = municipalities.map((m) => Number(m.population));
  const accounts = apportion(ACCOUNTS, weights);
  const events = apportion(EVENTS, weights);
  const eventStart: number[] = [];
  events.reduce((start, n, i) => ((eventStart[i] = start), start + n), 1);

  let t0 = performance.now();
  await db.query(
    `insert into outreach_events (region_id, municipality_id, title, format, held_on, place, audience, people_reached, code)
     select $1, m.id, 'Мероприятие ' || g, ($5::text[])[1 + g % 7], $2::date + (g * 7919) % $3::int, 'место проведения', 'жители', 10 + g % 90, 'BENCH-' || g
       from unnest($4::uuid[], $6::int[], $7::int[]) as m(id, start, n)
       cross join lateral generate_series(m.start, m.start + m.n - 1) as g`,
    [region.id, from, days, municipalities.map((m) => m.id), FORMATS, eventStart, events],
  );
  log(`  ${EVENTS.toLocaleString('en')} events: ${ms(performance.now() - t0)}`);

  t0 = performance.now();
  // Levels by g mod 3; a fifth registered at the desk; every tenth with an event code of its municipality; 1 in 200 deleted.
  await db.query(
    `insert into citizens (status, level, municipality_id, registered_at_centre_id, standard_at, confirmed_at, confirmed_at_centre_id,
                           event_code, created_at, activated_at, deleted_at, deletion_reason)
     select case when g % 200 = 0 then 'deleted' else 'active' end,
            case g % 3 when 0 then 'confirmed' when 1 then 'standard' else 'simplified' end,
            m.id,
            case when g % 5 = 0 then m.centre_id end,
            case when g % 3 in (0, 1) then t.act + interval '10 minutes' end,
            case when g % 3 = 0 then t.act + ((g * 7) % 20) * interval '1 day' end,
            case when g % 3 = 0 then m.centre_id end,
            case when g % 10 = 0 and m.ev_n > 0 then 'BENCH-' || (m.ev_start + g % m.ev_n) end,
            t.act - interval '4 minutes', t.act,
            case when g % 200 = 0 then t.act + interval '30 days' end,
            case when g % 200 = 0 then 'citizen_request' end
       from unnest($1::uuid[], $2::uuid[], $3::int[], $4::int[], $5::int[]) as m(id, centre_id, n, ev_start, ev_n)
       cross join lateral generate_series(1, m.n) as g
       cross join lateral (select (($6::date + ((g::bigint * 104729) % $7::int)::int)::timestamp + interval '9 hours' + (g % 540) * interval '1 minute') at time zone $8::text as act) t`,
    [municipalities.map((m) => m.id), municipalities.map((m) => m.centre_id), accounts, eventStart, events, from, days, region.time_zone],
  );
  log(`  ${ACCOUNTS.toLocaleString('en')} accounts: ${ms(performance.now() - t0)}`);

  await db.query(
    `insert into outreach_materials (region_id, municipality_id, kind, title, url, posted_on, last_updated_on)
     select $1, m.id, k.kind, k.title, 'https://bench.example/' || k.kind, $2::date, $2::date
       from municipalities m cross join (values ('banner_link', 'Баннер'), ('website_section', 'Раздел сайта'), ('news', 'Новости')) as k(kind, title)
      where m.region_id = $1`,
    [region.id, from],
  );
  await db.query(
    `insert into municipality_targets (region_id, municipality_id, year, quarter, registered_target, confirmed_target)
     select $1, m.id, q.year, q.quarter, greatest(1, (m.n / 5 * 0.9)::int), greatest(1, (m.n / 15 * 0.9)::int)
       from unnest($2::uuid[], $3::int[]) as m(id, n) cross join unnest($4::int[], $5::int[]) as q(year, quarter)`,
    [region.id, municipalities.map((m) => m.id), accounts, complete.map((q) => q.year), complete.map((q) => q.quarter)],
  );
  t0 = performance.now();
  await db.exec('analyze');
  log(`  analyze: ${ms(performance.now() - t0)}`);
  return { regionId: region.id, today };
}

async function main() {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${DB_NAME} with (force)`);
  await admin.query(`create database ${DB_NAME}`);
  const url = new URL(adminUrl);
  url.pathname = `/${DB_NAME}`;
  let db: Database | null = null;
  try {
    db = await openDatabase({ kind: 'postgresql', url: url.toString(), max: 4 });
    await migrate(db);
    console.log(`bench/scoring on PostgreSQL (${DB_NAME}): loading…`);
    const { regionId, today } = await load(db, console.log);
    const quarter = demoQuarters(today).lastComplete;
    const municipalities = (await db.query<{ id: string }>('select id from municipalities where region_id = $1 order by key', [regionId])).rows.map((r) => r.id);
    const memBefore = memory();

    const baseline = await best(5, () => db!.query('select count(*) from citizens'));
    const scores = await best(3, async () => {
      for (const municipalityId of municipalities) await quarterScore(db!, { regionId, municipalityId, year: quarter.year, quarter: quarter.quarter, today });
    });
    let ranking: number | null = null;
    let rankingNote = '';
    try {
      const mod = (await import('../src/modules/scoring/ranking/ranking.js')) as {
        rankMunicipalities?: (db: Database, q: { regionId: string; year: number; quarter: 1 | 2 | 3 | 4; today: string }) => Promise<unknown>;
      };
      if (typeof mod.rankMunicipalities !== 'function') throw new Error('rankMunicipalities is not exported');
      const rank = mod.rankMunicipalities;
      ranking = await best(3, () => rank(db!, { regionId, year: quarter.year, quarter: quarter.quarter, today }));
    } catch (error) {
      rankingNote = `SKIPPED: the ranking module could not be used (${(error as Error).message}); rerun when it exists`;
    }
    const memAfter = memory();

    const rows: Array<[string, string, string]> = [
      ['SELECT count(*) FROM citizens (baseline)', ms(baseline), '1.0×'],
      [`quarterScore × ${municipalities.length} municipalities, ${quarter.label}`, ms(scores), `${(scores / baseline).toFixed(1)}×`],
      [`  per municipality`, ms(scores / municipalities.length), `${(scores / municipalities.length / baseline).toFixed(1)}×`],
      ranking === null ? ['rankMunicipalities', '—', rankingNote] : [`rankMunicipalities, ${quarter.label}`, ms(ranking), `${(ranking / baseline).toFixed(1)}×`],
    ];
    const w0 = Math.max(...rows.map((r) => r[0].length));
    const w1 = Math.max('best time'.length, ...rows.map((r) => r[1].length));
    console.log(`\n${ACCOUNTS.toLocaleString('en')} accounts, ${EVENTS.toLocaleString('en')} events, ${municipalities.length} municipalities; today ${today}`);
    console.log(`${'measurement'.padEnd(w0)}  ${'best time'.padStart(w1)}  vs baseline`);
    for (const r of rows) console.log(`${r[0].padEnd(w0)}  ${r[1].padStart(w1)}  ${r[2]}`);
    console.log(`memory before: RSS ${mb(memBefore.rss)}, heap used ${mb(memBefore.heap)}; after: RSS ${mb(memAfter.rss)}, heap used ${mb(memAfter.heap)}`);
  } finally {
    await db?.close();
    await admin.query(`drop database if exists ${DB_NAME} with (force)`);
    await admin.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
