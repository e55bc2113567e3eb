/** The targets page: the regional administrator sets every municipality's quarterly targets in one form; a coordinator reads their own. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../src/platform/context.js';
import { quarterTargets } from '../../src/modules/scoring/targets/targets.repository.js';
import { createTestApp, signedInBrowser, type TestApp } from '../support/app.js';
import { kalgansky } from '../support/places.js';

let t: TestApp;
let app: FastifyInstance;
let ctx: AppContext;
let regionId = '';
let kalgaId = '';
let chitaId = '';

before(async () => {
  t = await createTestApp({ seed: true });
  app = t.app;
  ctx = t.ctx;
  ({ kalgaId, regionId } = await kalgansky(ctx.db));
  chitaId = (await ctx.db.query<{ id: string }>("select id from municipalities where key = 'chita'")).rows[0]!.id;
});
after(async () => t.close());

const r = (m: string, q: number) => `r-${m}-${q}`;
const c = (m: string, q: number) => `c-${m}-${q}`;

test('the region sees a form with every municipality and quarter; bad cells are refused and kept as typed', async () => {
  const b = await signedInBrowser(app, 'region');
  const res = await b.get('/outreach/targets?year=2026');
  assert.equal(res.statusCode, 200);
  assert.ok(res.body.includes('href="/outreach/targets"'), 'the outreach tab');
  assert.ok(res.body.includes(`name="${r(kalgaId, 1)}"`));
  assert.ok(res.body.includes(`name="${c(chitaId, 4)}"`));
  assert.match(res.body, /<caption[^>]*>Цели на 2026 год по кварталам/);
  assert.match(res.body, /Зарегистрировать<span class="u-visually-hidden">: Калганский муниципальный округ, I квартал 2026 г\.<\/span>/);

  let post = await b.post('/outreach/targets?year=2026', { targetYear: '2026', [r(kalgaId, 1)]: '100', [c(kalgaId, 1)]: '50', [r(kalgaId, 2)]: 'сто', [c(kalgaId, 2)]: '-5', [r(kalgaId, 3)]: '30', [c(kalgaId, 3)]: '' });
  assert.equal(post.statusCode, 400);
  assert.ok(post.body.includes('Введите целое число от 0'));
  assert.ok(post.body.includes('Укажите обе цели квартала или оставьте обе клетки пустыми'));
  assert.match(post.body, new RegExp(`name="${r(kalgaId, 2)}"[^>]*value="сто"`));
  assert.match(post.body, new RegExp(`name="${r(kalgaId, 1)}"[^>]*value="100"`), 'good cells kept too');
  assert.equal((await quarterTargets(ctx.db, regionId, 2026, 1)).size, 0, 'nothing saved on any error');

  post = await b.post('/outreach/targets?year=2026', { targetYear: '2026', [r(kalgaId, 1)]: '100', [c(kalgaId, 1)]: '50', [r(kalgaId, 2)]: '1 200', [c(kalgaId, 2)]: '600', [r(chitaId, 1)]: '0', [c(chitaId, 1)]: '0' });
  assert.equal(post.statusCode, 303, post.body);
  assert.equal(post.headers.location, '/outreach/targets?year=2026&saved=3');
  const q1 = await quarterTargets(ctx.db, regionId, 2026, 1);
  assert.deepEqual(q1.get(kalgaId), { registeredTarget: 100, confirmedTarget: 50 });
  assert.deepEqual(q1.get(chitaId), { registeredTarget: 0, confirmedTarget: 0 });
  assert.deepEqual((await quarterTargets(ctx.db, regionId, 2026, 2)).get(kalgaId), { registeredTarget: 1200, confirmedTarget: 600 });
  assert.equal((await ctx.db.query("select 1 from audit_log where action = 'municipality_target.save'")).rows.length, 3);

  // Saved again: unchanged cells are not rewritten; clearing Q2 removes that target.
  const page = await b.get('/outreach/targets?year=2026&saved=3');
  assert.ok(page.body.includes('Цели сохранены: изменено 3.'));
  assert.match(page.body, new RegExp(`name="${c(kalgaId, 2)}"[^>]*value="600"`));
  post = await b.post('/outreach/targets?year=2026', { targetYear: '2026', [r(kalgaId, 1)]: '100', [c(kalgaId, 1)]: '50', [r(chitaId, 1)]: '0', [c(chitaId, 1)]: '0' });
  assert.equal(post.headers.location, '/outreach/targets?year=2026&saved=1');
  assert.equal((await quarterTargets(ctx.db, regionId, 2026, 2)).size, 0);
  assert.equal((await ctx.db.query("select 1 from audit_log where action = 'municipality_target.delete'")).rows.length, 1);
  assert.equal((await b.get('/outreach/targets?year=abc')).statusCode, 400);
});

test('the coordinator reads their own targets only and cannot save', async () => {
  const b = await signedInBrowser(app, 'coordinator');
  const res = await b.get('/outreach/targets?year=2026');
  assert.equal(res.statusCode, 200);
  assert.ok(res.body.includes('зарегистрировать 100, подтвердить 50'));
  assert.ok(!res.body.includes('Город Чита') && !res.body.includes(chitaId), 'only their own municipality');
  assert.ok(!res.body.includes('method="post" action="/outreach/targets'), 'no form');
  const post = await b.post('/outreach/targets?year=2026', { targetYear: '2026', [r(kalgaId, 1)]: '1', [c(kalgaId, 1)]: '1' });
  assert.equal(post.statusCode, 403);
  assert.deepEqual((await quarterTargets(ctx.db, regionId, 2026, 1)).get(kalgaId), { registeredTarget: 100, confirmedTarget: 50 });
  const operator = await signedInBrowser(app, 'operator');
  assert.equal((await operator.get('/outreach/targets')).statusCode, 403);
});
