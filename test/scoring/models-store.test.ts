/** The model store: the shipped version 1 in the database, and which version a region evaluates with. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AppContext } from '../../src/platform/context.js';
import { ScoringModelError } from '../../src/modules/scoring/evaluate-model.js';
import type { ScoringModel } from '../../src/modules/scoring/model.js';
import { KALGA_2018 } from '../../src/modules/scoring/models/kalga-2018.js';
import { activeModel, activeVersionOf, findModelVersion } from '../../src/modules/scoring/model-store/active-model.js';
import { createTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
let ctx: AppContext;
let zabaikalsky = '';
let otherRegion = '';
let brokenRegion = '';

async function addRegion(key: string): Promise<string> {
  const { rows } = await ctx.db.query<{ id: string }>(
    `insert into regions (key, name, oktmo_prefix, time_zone) values ($1, $2, '99', 'Asia/Yakutsk') returning id`,
    [key, `Тестовый регион ${key}`],
  );
  return rows[0]!.id;
}

async function store(version: number, regionId: string | null, status: string, model: ScoringModel) {
  await ctx.db.query(
    `insert into scoring_models (model_key, region_id, version, title, nodes, status, published_at)
     values ('kalga-2018', $1::uuid, $2, $3, $4::jsonb, $5, case when $5 = 'draft' then null else now() end)`,
    [regionId, version, model.title, JSON.stringify(model.nodes), status],
  );
}

/** kalga-2018 with P2 as the average of its eight children instead of their sum over 7. */
const withP2 = (formula: string, title = KALGA_2018.title): ScoringModel => ({
  ...KALGA_2018,
  title,
  nodes: KALGA_2018.nodes.map((n) => (n.id === 'P2' ? { ...n, formula } : n)),
});

before(async () => {
  t = await createTestApp({ seed: true });
  ctx = t.ctx;
  zabaikalsky = (await ctx.db.query<{ region_id: string }>("select region_id from municipalities where key = 'kalgansky'")).rows[0]!.region_id;
  otherRegion = await addRegion('store-other');
  brokenRegion = await addRegion('store-broken');
});
after(async () => t.close());

test('version 1 stored by migration 0008 equals the shipped TypeScript model', async () => {
  const row = (await ctx.db.query<{ region_id: string | null; status: string; title: string; nodes: unknown; published_at: Date | null }>(
    "select region_id, status, title, nodes, published_at from scoring_models where model_key = 'kalga-2018' and version = 1",
  )).rows[0]!;
  assert.equal(row.region_id, null);
  assert.equal(row.status, 'published');
  assert.ok(row.published_at);
  assert.equal(row.title, KALGA_2018.title);
  assert.deepEqual(row.nodes, JSON.parse(JSON.stringify(KALGA_2018.nodes)));
  assert.deepEqual(await findModelVersion(ctx.db, 'kalga-2018', 1), KALGA_2018);
  assert.equal(await findModelVersion(ctx.db, 'kalga-2018', 99), null);
  assert.equal(await findModelVersion(ctx.db, 'no-such-model', 1), null);
});

test('with nothing of its own a region evaluates with the shipped version 1', async () => {
  const m = await activeModel(ctx.db, zabaikalsky);
  assert.equal(m.id, 'kalga-2018');
  assert.equal(m.version, 1);
  assert.deepEqual(m, KALGA_2018);
  assert.equal((await activeModel(ctx.db, null)).version, 1);
});

test("the newest published version of the region's own wins; drafts and other regions' versions do not count", async () => {
  await store(2, zabaikalsky, 'published', withP2('avg(P2.1, P2.2, P2.3, P2.4, P2.5, P2.6, P2.7, P2.8)', 'Забайкальская редакция'));
  await store(3, zabaikalsky, 'draft', withP2('P2.1'));
  await store(4, otherRegion, 'published', withP2('max(P2.1, P2.2)'));

  const mine = await activeModel(ctx.db, zabaikalsky);
  assert.equal(mine.version, 2);
  assert.equal(mine.title, 'Забайкальская редакция');
  assert.equal(mine.nodes.find((n) => n.id === 'P2')!.formula, 'avg(P2.1, P2.2, P2.3, P2.4, P2.5, P2.6, P2.7, P2.8)');
  assert.equal((await activeVersionOf(ctx.db, 'kalga-2018', zabaikalsky))!.version, 2);

  const theirs = await activeModel(ctx.db, otherRegion);
  assert.equal(theirs.version, 4);
  assert.equal(theirs.nodes.find((n) => n.id === 'P2')!.formula, 'max(P2.1, P2.2)');

  // The system administrator (no region) and a region without versions: the shipped one.
  assert.equal((await activeModel(ctx.db, null)).version, 1);
  assert.equal((await activeModel(ctx.db, brokenRegion)).version, 1);
  // A draft is readable as what it is, but never active.
  assert.equal((await findModelVersion(ctx.db, 'kalga-2018', 3))!.nodes.find((n) => n.id === 'P2')!.formula, 'P2.1');
});

test('a stored published model that does not validate fails loudly', async () => {
  const cyclic = { ...KALGA_2018, nodes: KALGA_2018.nodes.map((n) => (n.id === 'P3.3' ? { ...n, formula: 'P3 + n' } : n)) };
  await store(5, brokenRegion, 'published', cyclic);
  await assert.rejects(activeModel(ctx.db, brokenRegion), (e: unknown) => e instanceof ScoringModelError && /Циклическая зависимость/.test(e.message));
  await ctx.db.query("update scoring_models set nodes = '[{\"id\": \"P\"}]'::jsonb where version = 5");
  await assert.rejects(activeModel(ctx.db, brokenRegion), (e: unknown) => e instanceof ScoringModelError && /не имеют нужной формы/.test(e.message));
  await ctx.db.query("update scoring_models set status = 'archived' where version = 5");
  // Archived: no longer active, the region is back on the shipped version.
  assert.equal((await activeModel(ctx.db, brokenRegion)).version, 1);
});
