import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { DEMO_PASSWORD } from '../../src/db/seed/demo.js';
import { kalga2018, okha2016, PLAN_TEMPLATES } from '../../src/db/seed/data/plan-templates/index.js';
import type { AppContext } from '../../src/platform/context.js';
import { ACTIVITY_TYPES, loadActivityTypes } from '../../src/modules/outreach/activity-types.data.js';
import { deadlineNeedsReview } from '../../src/modules/outreach/plan-items.js';
import { Browser, createTestApp, type TestApp, signedInBrowser } from '../support/app.js';

let app: FastifyInstance;
let ctx: AppContext;
let t: TestApp;

before(async () => {
  t = await createTestApp({ seed: true }); // the demo seed loads the activity catalogue too
  app = t.app;
  ctx = t.ctx;
});
after(async () => t.close());

const count = (tpl: typeof kalga2018) => tpl.sections.reduce((n, s) => n + s.items.length, 0);
const planIdFrom = (location: string | undefined) => /\/outreach\/plans\/([0-9a-f-]{36})/.exec(location ?? '')![1]!;

const signedIn = (login: string) => signedInBrowser(app, login);

test('the templates transcribe seeds 002 and 003 with every deadline as written', () => {
  assert.equal(PLAN_TEMPLATES.length, 2);
  assert.deepEqual(kalga2018.sections.map((s) => s.items.length), [3, 8, 3]);
  assert.equal(count(kalga2018), 14);
  assert.deepEqual(okha2016.sections.map((s) => s.items.length), [11, 16, 3, 2]);
  assert.equal(count(okha2016), 32);
  assert.equal(kalga2018.decree.number, '228');
  assert.equal(kalga2018.decree.date, '2018-05-24');
  assert.equal(okha2016.decree.number, '119');
  for (const tpl of PLAN_TEMPLATES) {
    for (const s of tpl.sections)
      for (const i of s.items) {
        assert.ok(i.deadline.trim(), `${tpl.key} ${i.number}: deadline`);
        assert.ok(i.content.trim() && i.executors.length > 0, `${tpl.key} ${i.number}: content and executors`);
        assert.ok(i.number.startsWith(`${s.number}.`), `${tpl.key} ${i.number} in section ${s.number}`);
      }
  }
  const kalgaItems = kalga2018.sections.flatMap((s) => s.items);
  assert.deepEqual(
    kalgaItems.map((i) => i.indicator),
    ['P1.1', 'P1.2', 'P1.3', 'P2.1', 'P2.2', 'P2.3', 'P2.4', 'P2.5', 'P2.6', 'P2.7', 'P2.8', 'P3.1', 'P3.2', 'P3.3'],
  );
  assert.equal(kalgaItems.find((i) => i.number === '1.2')!.deadline, '2 квартал 2018 года');
  assert.equal(kalgaItems.find((i) => i.number === '3.1')!.deadline, 'Ежеквартально в течение 2018 года');
  const okhaItems = okha2016.sections.flatMap((s) => s.items);
  assert.equal(okhaItems.find((i) => i.number === '4.2')!.deadline, 'До 15 числа месяца, следующего после окончания квартала, начиная со II квартала 2016 года');
  assert.equal(okhaItems.find((i) => i.number === '1.4')!.deadline, 'В течение 5 рабочих дней с момента размещения в разделе 1.5 Репозитория Минкомсвязи России');
  assert.equal(okhaItems.find((i) => i.number === '1.1.7')!.deadline, 'По мере необходимости');
});

test('the activity catalogue loads idempotently with both blocks', async () => {
  await loadActivityTypes(ctx.db);
  const { rows } = await ctx.db.query<{ block: number; n: number }>('select block, count(*)::int as n from activity_types where region_id is null group by block order by block');
  assert.equal(rows.reduce((n, r) => n + Number(r.n), 0), ACTIVITY_TYPES.length);
  assert.deepEqual(rows.map((r) => Number(r.block)), [1, 2]);
  assert.ok(ACTIVITY_TYPES.some((a) => a.title.includes('«Мисс и мистер виртуальность»') && a.block === 2));
  assert.ok(ACTIVITY_TYPES.some((a) => a.title.includes('Twitter') && a.cadence === 'ежедневно'));
});

test('deadline years that differ from the plan year are flagged, never rewritten', () => {
  assert.equal(deadlineNeedsReview('2 квартал 2018 года', 2026), true);
  assert.equal(deadlineNeedsReview('На постоянной основе', 2026), false);
  assert.equal(deadlineNeedsReview('II квартал 2026 года', 2026), false);
});

let kalgaPlan2027 = '';
let kalgaPlan2026 = '';

test('a coordinator creates a plan from the Kalga template, edits, approves, edits again; the version keeps the old text', async () => {
  const b = await signedIn('coordinator');
  const list = await b.get('/outreach');
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /Создать план/);
  const form = await b.get('/outreach/plans/new');
  assert.match(form.body, /Калганский район 2018 \(постановление № 228\)/);
  assert.match(form.body, /Охинский городской округ 2016/);
  assert.match(form.body, /Копия плана прошлого года/);

  const created = await b.post('/outreach/plans', { year: '2026', source: 'template:kalga-2018' });
  assert.equal(created.statusCode, 303);
  kalgaPlan2026 = planIdFrom(created.headers.location as string);
  const page = await b.get(`/outreach/plans/${kalgaPlan2026}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /2 квартал 2018 года/, 'deadline kept as written');
  assert.match(page.body, /срок требует уточнения/);
  assert.match(page.body, /P2\.3/);
  assert.match(page.body, /Черновик/);
  const items = (await ctx.db.query<{ id: string; item_number: string; content: string }>('select id, item_number, content from outreach_plan_items where plan_id = $1 order by sort_order', [kalgaPlan2026])).rows;
  assert.equal(items.length, 14);
  const item12 = items.find((i) => i.item_number === '1.2')!;

  const editPage = await b.get(`/outreach/plans/${kalgaPlan2026}/items/${item12.id}/edit`);
  assert.equal(editPage.statusCode, 200);
  const base = { content: 'Организация работы Центров обслуживания (редакция 2026)', executors: 'руководитель администрации\nначальник отдела', deadlineText: '2 квартал 2026 года', expectedResult: 'Центр работает', indicatorNodeId: 'P1.2', budgetRub: '', activityTypeId: '' };
  const unclear = await b.post(`/outreach/plans/${kalgaPlan2026}/items/${item12.id}`, { ...base, deadlineText: 'когда-нибудь весной' });
  assert.equal(unclear.statusCode, 400, 'a deadline that cannot be understood is refused');
  assert.match(unclear.body, /квартал/, 'with examples of what works');
  assert.match(unclear.body, /value="когда-нибудь весной"/);
  await b.get(`/outreach/plans/${kalgaPlan2026}/items/${item12.id}/edit`);
  const saved = await b.post(`/outreach/plans/${kalgaPlan2026}/items/${item12.id}`, base);
  assert.equal(saved.statusCode, 303);
  const shown = await b.get(`/outreach/plans/${kalgaPlan2026}`);
  assert.match(shown.body, /до 30\.06\.2026/, 'the plan shows how the deadline was understood');

  await b.get(`/outreach/plans/${kalgaPlan2026}`);
  const badDecree = await b.post(`/outreach/plans/${kalgaPlan2026}/approve`, { decreeNumber: '', decreeDate: '31.02.2026' });
  assert.equal(badDecree.statusCode, 400);
  assert.match(badDecree.body, /Введите номер постановления/);
  assert.match(badDecree.body, /Введите дату постановления/);
  assert.match(badDecree.body, /value="31.02.2026"/);

  const approved = await b.post(`/outreach/plans/${kalgaPlan2026}/approve`, { decreeNumber: '№ 15', decreeDate: '20.01.2026' });
  assert.equal(approved.statusCode, 303);
  const afterApproval = await b.get(`/outreach/plans/${kalgaPlan2026}`);
  assert.match(afterApproval.body, /Утверждён/);
  assert.match(afterApproval.body, /№ 15 от 20\.01\.2026/);
  const again = await b.post(`/outreach/plans/${kalgaPlan2026}/approve`, { decreeNumber: '16', decreeDate: '21.01.2026' });
  assert.equal(again.statusCode, 400, 'nothing changed since approval');

  await b.get(`/outreach/plans/${kalgaPlan2026}/items/${item12.id}/edit`);
  const edited = await b.post(`/outreach/plans/${kalgaPlan2026}/items/${item12.id}`, { ...base, content: 'Совсем другой текст после утверждения' });
  assert.equal(edited.statusCode, 303);
  const plan = (await ctx.db.query<{ status: string; current_version: number }>('select status, current_version from outreach_plans where id = $1', [kalgaPlan2026])).rows[0]!;
  assert.equal(plan.status, 'draft');
  assert.equal(Number(plan.current_version), 1);
  const working = await b.get(`/outreach/plans/${kalgaPlan2026}`);
  assert.match(working.body, /Совсем другой текст после утверждения/);
  assert.match(working.body, /Изменён после утверждения/);
  const v1 = await b.get(`/outreach/plans/${kalgaPlan2026}/versions/1`);
  assert.equal(v1.statusCode, 200);
  assert.match(v1.body, /редакция 2026/);
  assert.doesNotMatch(v1.body, /Совсем другой текст/);
  assert.match(v1.body, /№ 15 от 20\.01\.2026/);

  await b.get(`/outreach/plans/${kalgaPlan2026}`);
  const v2 = await b.post(`/outreach/plans/${kalgaPlan2026}/approve`, { decreeNumber: '40', decreeDate: '2026-03-01' });
  assert.equal(v2.statusCode, 303);
  const versions = (await ctx.db.query<{ version: number }>('select version from outreach_plan_versions where plan_id = $1 order by version', [kalgaPlan2026])).rows;
  assert.deepEqual(versions.map((v) => Number(v.version)), [1, 2]);
});

test('invalid item input is refused with messages and the values kept', async () => {
  const b = await signedIn('coordinator');
  const item = (await ctx.db.query<{ id: string }>("select id from outreach_plan_items where plan_id = $1 and item_number = '2.1'", [kalgaPlan2026])).rows[0]!;
  await b.get(`/outreach/plans/${kalgaPlan2026}/items/${item.id}/edit`);
  const res = await b.post(`/outreach/plans/${kalgaPlan2026}/items/${item.id}`, {
    content: '   ',
    executors: '',
    deadlineText: '',
    expectedResult: 'Сохранённый результат',
    indicatorNodeId: 'X9',
    budgetRub: 'много',
    activityTypeId: '00000000-0000-0000-0000-000000000000',
  });
  assert.equal(res.statusCode, 400);
  for (const m of [/Введите содержание мероприятия/, /хотя бы одного ответственного/, /Введите срок исполнения/, /например P2\.3/, /Введите сумму в рублях/, /Выберите вид мероприятия/]) assert.match(res.body, m);
  assert.match(res.body, /Сохранённый результат/);
  assert.match(res.body, /value="много"/);
  assert.match(res.body, /error-summary/);

  await b.get('/outreach/plans/new');
  const badPlan = await b.post('/outreach/plans', { year: '26', source: '' });
  assert.equal(badPlan.statusCode, 400);
  assert.match(badPlan.body, /Введите год от 2000 до 2100/);
  assert.match(badPlan.body, /Выберите основу плана/);
  const dup = await b.post('/outreach/plans', { year: '2026', source: 'template:okha-2016' });
  assert.equal(dup.statusCode, 400);
  assert.match(dup.body, /План на 2026 год уже есть/);
  const noLast = await b.post('/outreach/plans', { year: '2030', source: 'copy' });
  assert.equal(noLast.statusCode, 400);
  assert.match(noLast.body, /Плана за 2029 год нет/);
});

test('copying last year’s plan keeps its items as they are now', async () => {
  const b = await signedIn('coordinator');
  await b.get('/outreach/plans/new');
  const made = await b.post('/outreach/plans', { year: '2027', source: 'copy' });
  assert.equal(made.statusCode, 303);
  const copyId = planIdFrom(made.headers.location as string);
  const items = (await ctx.db.query<{ content: string; deadline_text: string }>('select content, deadline_text from outreach_plan_items where plan_id = $1 order by sort_order', [copyId])).rows;
  assert.equal(items.length, 14);
  assert.ok(items.some((i) => i.content === 'Совсем другой текст после утверждения'));
  const page = await b.get(`/outreach/plans/${copyId}`);
  assert.match(page.body, /2 квартал 2026 года/);
  assert.match(page.body, /срок требует уточнения/, '2026 deadlines in a 2027 plan need review');
  assert.match(page.body, /2027/);
  kalgaPlan2027 = copyId;
});

test('authorization: other municipalities, the region, reception', async () => {
  // A plan of another municipality, made by the regional admin's rights through the use case directly.
  const other = (await ctx.db.query<{ id: string; region_id: string }>("select id, region_id from municipalities where key = 'chita'")).rows[0]!;
  const { rows } = await ctx.db.query<{ id: string }>(
    "insert into outreach_plans (region_id, municipality_id, title, period_from, period_to) values ($1, $2, 'План Читы', '2026-01-01', '2026-12-31') returning id",
    [other.region_id, other.id],
  );
  const chitaPlan = rows[0]!.id;
  await ctx.db.query("insert into outreach_plan_items (plan_id, section_number, section_title, item_number, sort_order, content, deadline_text) values ($1, '1', 'Раздел', '1.1', 1, 'Пункт', 'Постоянно')", [chitaPlan]);
  const chitaItem = (await ctx.db.query<{ id: string }>('select id from outreach_plan_items where plan_id = $1', [chitaPlan])).rows[0]!.id;

  const coordinator = await signedIn('coordinator');
  const list = await coordinator.get('/outreach');
  assert.doesNotMatch(list.body, /План Читы/);
  assert.equal((await coordinator.get(`/outreach/plans/${chitaPlan}`)).statusCode, 403);
  assert.equal((await coordinator.get(`/outreach/plans/${chitaPlan}/items/${chitaItem}/edit`)).statusCode, 403);
  await coordinator.get('/outreach');
  assert.equal((await coordinator.post(`/outreach/plans/${chitaPlan}/items/${chitaItem}`, { content: 'x', executors: 'x', deadlineText: 'x' })).statusCode, 403);
  assert.equal((await coordinator.post(`/outreach/plans/${chitaPlan}/approve`, { decreeNumber: '1', decreeDate: '01.01.2026' })).statusCode, 403);

  const region = await signedIn('region');
  const regionList = await region.get('/outreach');
  assert.match(regionList.body, /План Читы/);
  assert.match(regionList.body, new RegExp(kalgaPlan2026));
  assert.equal((await region.get(`/outreach/plans/${kalgaPlan2026}`)).statusCode, 200);
  assert.equal((await region.get(`/outreach/plans/${chitaPlan}/items/${chitaItem}/edit`)).statusCode, 403, 'region edits only its own plan');
  await region.get('/outreach/plans/new');
  const regionPlan = await region.post('/outreach/plans', { year: '2026', source: 'template:okha-2016' });
  assert.equal(regionPlan.statusCode, 303);
  const regionPlanId = planIdFrom(regionPlan.headers.location as string);
  const rp = (await ctx.db.query<{ municipality_id: string | null; n: number }>('select p.municipality_id, (select count(*)::int from outreach_plan_items i where i.plan_id = p.id) as n from outreach_plans p where p.id = $1', [regionPlanId])).rows[0]!;
  assert.equal(rp.municipality_id, null);
  assert.equal(Number(rp.n), 32);
  assert.equal((await coordinator.get(`/outreach/plans/${regionPlanId}`)).statusCode, 403);

  const admin = await signedIn('admin');
  assert.match((await admin.get('/outreach')).body, /План Читы/);

  const reception = await signedIn('reception');
  assert.doesNotMatch((await reception.get('/outreach')).body, /Создать план/);
  assert.equal((await reception.get('/outreach/plans/new')).statusCode, 403);
  const seen = await reception.get(`/outreach/plans/${kalgaPlan2026}`);
  assert.equal(seen.statusCode, 303, 'reception reads the approved version only');
  assert.match(String(seen.headers.location), /\/versions\/2$/);
  assert.equal((await reception.get(`/outreach/plans/${kalgaPlan2026}/versions/2`)).statusCode, 200);
  assert.equal((await reception.get(`/outreach/plans/${kalgaPlan2027}`)).statusCode, 403, 'a never-approved plan is not shown to reception');
  const item = (await ctx.db.query<{ id: string }>('select id from outreach_plan_items where plan_id = $1 limit 1', [kalgaPlan2026])).rows[0]!;
  assert.equal((await reception.get(`/outreach/plans/${kalgaPlan2026}/items/${item.id}/edit`)).statusCode, 403);
  await reception.get('/outreach');
  assert.equal((await reception.post(`/outreach/plans/${kalgaPlan2026}/items/${item.id}`, { content: 'x', executors: 'x', deadlineText: 'x' })).statusCode, 403);
  assert.notEqual((await reception.get('/outreach/plans/not-a-uuid')).statusCode, 200);
});

test('the catalogue page lists both blocks; a regional admin adds a type, others cannot', async () => {
  const region = await signedIn('region');
  const page = await region.get('/outreach/activity-types');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /1 блок/);
  assert.match(page.body, /2 блок/);
  assert.match(page.body, /«Электронный урок»/);
  assert.match(page.body, /Добавить вид мероприятия/);
  const bad = await region.post('/outreach/activity-types', { key: 'Плохой код', title: '', block: '3', description: '', audience: 'Школьники', cadence: '' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Код: латинские строчные буквы/);
  assert.match(bad.body, /Введите название/);
  assert.match(bad.body, /Выберите блок/);
  assert.match(bad.body, /value="Школьники"/);
  const ok = await region.post('/outreach/activity-types', { key: 'school-quiz', title: 'Викторина «Госуслуги»', block: '1', description: 'Викторина в школах', audience: 'Школьники', cadence: 'раз в квартал' });
  assert.equal(ok.statusCode, 303);
  assert.match((await region.get('/outreach/activity-types')).body, /Викторина «Госуслуги»/);
  const dup = await region.post('/outreach/activity-types', { key: 'school-quiz', title: 'Ещё', block: '1', description: 'x', audience: 'x', cadence: 'x' });
  assert.equal(dup.statusCode, 400);

  const coordinator = await signedIn('coordinator');
  const cp = await coordinator.get('/outreach/activity-types');
  assert.doesNotMatch(cp.body, /Добавить вид мероприятия/);
  assert.equal((await coordinator.post('/outreach/activity-types', { key: 'x-type', title: 'x', block: '1', description: 'x', audience: 'x', cadence: 'x' })).statusCode, 403);
});

test('every change is audited', async () => {
  const { rows } = await ctx.db.query<{ action: string; n: number }>("select action, count(*)::int as n from audit_log where action like 'outreach.%' group by action order by action");
  const by = Object.fromEntries(rows.map((r) => [r.action, Number(r.n)]));
  assert.equal(by['outreach.plan.create'], 3);
  assert.equal(by['outreach.plan.approve'], 2);
  assert.equal(by['outreach.plan.item_update'], 2);
  assert.equal(by['outreach.activity_type.create'], 1);
  const upd = await ctx.db.query<{ details: { itemNumber: string; changed: string[] } }>("select details from audit_log where action = 'outreach.plan.item_update' order by seq desc limit 1");
  assert.equal(upd.rows[0]!.details.itemNumber, '1.2');
  assert.deepEqual(upd.rows[0]!.details.changed, ['content']);
});

test('a coordinator adds items (to a section and a new one), ticks executing organisations, and deletes an item; approved versions keep it', async () => {
  const b = await signedIn('coordinator');
  await b.get('/outreach/plans/new');
  const created = await b.post('/outreach/plans', { year: '2030', source: 'template:kalga-2018' });
  const planId = planIdFrom(created.headers.location as string);
  const orgs = (await ctx.db.query<{ id: string; short_name: string }>(
    `select o.id, o.short_name from organisations o join municipalities m on m.id = o.municipality_id where m.key = 'kalgansky' order by o.short_name limit 2`,
  )).rows;
  assert.equal(orgs.length, 2, 'the demo has organisations in Kalgansky');
  const form = await b.get(`/outreach/plans/${planId}/items/new`);
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /value="3\.4"/, 'the next free number of the last section is suggested');
  assert.ok(form.body.includes(orgs[0]!.short_name.replace(/"/g, '&quot;')), 'organisations of the municipality are offered');

  const item = {
    section: '2',
    itemNumber: '2.9',
    content: 'Электронный урок для граждан старше 50 лет в библиотеке',
    executors: 'Отдел культуры администрации',
    deadlineText: 'ежеквартально',
    expectedResult: 'Не менее 20 человек в квартал',
    indicatorNodeId: 'P2.3',
    budgetRub: '',
    activityTypeId: '',
    newSectionNumber: '',
    newSectionTitle: '',
  };
  await b.get(`/outreach/plans/${planId}/items/new`);
  const taken = await b.post(`/outreach/plans/${planId}/items`, { ...item, itemNumber: '2.1' });
  assert.equal(taken.statusCode, 400);
  assert.match(taken.body, /Пункт 2\.1 уже есть в плане/);
  assert.match(taken.body, /Электронный урок для граждан старше 50 лет/, 'what was typed is kept');
  await b.get(`/outreach/plans/${planId}/items/new`);
  const foreign = await b.post(`/outreach/plans/${planId}/items`, { ...item, organisationIds: '00000000-0000-0000-0000-000000000000' });
  assert.equal(foreign.statusCode, 400, 'an organisation from elsewhere is refused');

  // Two ticked organisations arrive as a repeated field.
  const body = new URLSearchParams({ _csrf: b.csrf, ...item });
  body.append('organisationIds', orgs[0]!.id);
  body.append('organisationIds', orgs[1]!.id);
  const added = await app.inject({
    method: 'POST',
    url: `/outreach/plans/${planId}/items`,
    payload: body.toString(),
    headers: { cookie: [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': 'application/x-www-form-urlencoded' },
  });
  assert.equal(added.statusCode, 303, added.body.slice(0, 300));
  const rows = (await ctx.db.query<{ item_number: string; section_number: string; executors: unknown; sort_order: number }>(
    'select item_number, section_number, executors, sort_order from outreach_plan_items where plan_id = $1 order by sort_order',
    [planId],
  )).rows;
  const idx = rows.findIndex((r) => r.item_number === '2.9');
  assert.equal(rows[idx]!.section_number, '2');
  assert.equal(rows[idx - 1]!.item_number, '2.8', 'placed after the last item of its section');
  assert.equal(rows[idx + 1]!.item_number, '3.1');
  const executors = (typeof rows[idx]!.executors === 'string' ? JSON.parse(rows[idx]!.executors as string) : rows[idx]!.executors) as Array<Record<string, string>>;
  assert.deepEqual(executors.map((e) => e.organisationId ?? e.post), [orgs[0]!.id, orgs[1]!.id, 'Отдел культуры администрации']);
  const page = await b.get(`/outreach/plans/${planId}?added=2.9`);
  assert.match(page.body, /Пункт 2\.9 добавлен/);
  assert.ok(page.body.includes(orgs[1]!.short_name.replace(/"/g, '&quot;')), 'organisations show by name');

  await b.get(`/outreach/plans/${planId}/items/new`);
  const newSection = await b.post(`/outreach/plans/${planId}/items`, { ...item, section: 'new', newSectionNumber: '4', newSectionTitle: 'Финансируемые мероприятия', itemNumber: '4.1', budgetRub: '15 000,50' });
  assert.equal(newSection.statusCode, 303);
  const last = (await ctx.db.query<{ item_number: string; section_title: string; budget_rub: string }>('select item_number, section_title, budget_rub from outreach_plan_items where plan_id = $1 order by sort_order desc limit 1', [planId])).rows[0]!;
  assert.deepEqual([last.item_number, last.section_title, Number(last.budget_rub)], ['4.1', 'Финансируемые мероприятия', 15000.5]);

  // Approve, then delete an item: the working copy loses it, version 1 keeps it.
  await b.get(`/outreach/plans/${planId}`);
  assert.equal((await b.post(`/outreach/plans/${planId}/approve`, { decreeNumber: '3', decreeDate: '15.01.2030' })).statusCode, 303);
  const target = (await ctx.db.query<{ id: string }>("select id from outreach_plan_items where plan_id = $1 and item_number = '2.9'", [planId])).rows[0]!;
  const confirm = await b.get(`/outreach/plans/${planId}/items/${target.id}/delete`);
  assert.equal(confirm.statusCode, 200);
  assert.match(confirm.body, /Удалить пункт 2\.9\?/);
  const deleted = await b.post(`/outreach/plans/${planId}/items/${target.id}/delete`, {});
  assert.ok(deleted.statusCode === 303, deleted.body.slice(0, 200));
  assert.equal(deleted.statusCode, 303);
  const left = (await ctx.db.query("select 1 from outreach_plan_items where plan_id = $1 and item_number = '2.9'", [planId])).rows;
  assert.equal(left.length, 0);
  const v1 = await b.get(`/outreach/plans/${planId}/versions/1`);
  assert.match(v1.body, /Электронный урок для граждан старше 50 лет/, 'the approved version keeps the deleted item');
  const plan = (await ctx.db.query<{ status: string }>('select status from outreach_plans where id = $1', [planId])).rows[0]!;
  assert.equal(plan.status, 'draft', 'a change sends an approved plan back to draft');
  const audit = (await ctx.db.query<{ action: string }>("select action from audit_log where subject_id = $1 and action in ('outreach.plan.item_add', 'outreach.plan.item_delete') order by seq", [planId])).rows;
  assert.deepEqual(audit.map((a) => a.action), ['outreach.plan.item_add', 'outreach.plan.item_add', 'outreach.plan.item_delete']);

  // Someone else's plan: no adding or deleting.
  const reception = await signedIn('reception');
  assert.equal((await reception.get(`/outreach/plans/${planId}/items/new`)).statusCode, 403);
  assert.equal((await reception.post(`/outreach/plans/${planId}/items/${target.id}/delete`, {})).statusCode, 403);
});

test('the deadline preview says how a typed deadline is understood, using the editable calendar', async () => {
  const b = await signedIn('coordinator');
  await b.get('/outreach/plans/new');
  const created = await b.post('/outreach/plans', { year: '2028', source: 'template:kalga-2018' });
  const planId = planIdFrom(created.headers.location as string);
  const ok = await b.get(`/outreach/plans/${planId}/deadline-preview?text=${encodeURIComponent('До 15 числа месяца, следующего после окончания квартала')}`);
  assert.equal(ok.statusCode, 200);
  const first = ok.json() as { ok: boolean; text: string };
  assert.equal(first.ok, true);
  assert.equal(first.text, 'Срок: до 17.04.2028, затем каждый квартал', 'the Q1 report: 15.04.2028 is a Saturday, so Monday 17.04');
  const bad = (await b.get(`/outreach/plans/${planId}/deadline-preview?text=${encodeURIComponent('когда получится')}`)).json() as { ok: boolean; text: string };
  assert.equal(bad.ok, false);
  assert.match(bad.text, /например/);
  const reception = await signedIn('reception');
  assert.equal((await reception.get(`/outreach/plans/${planId}/deadline-preview?text=x`)).statusCode, 403);
});

test('the decree scan: attached at approval in the same transaction, or later; a bad file stops the approval and keeps what was typed', async () => {
  const { pdf, EXE, JPEG } = await import('../support/files.js');
  const b = await signedIn('coordinator');
  await b.get('/outreach/plans/new');
  const planId = planIdFrom((await b.post('/outreach/plans', { year: '2031', source: 'template:kalga-2018' })).headers.location as string);
  await b.get(`/outreach/plans/${planId}`);
  const bad = await b.postMultipart(`/outreach/plans/${planId}/approve`, { decreeNumber: '7', decreeDate: '12.01.2031' }, [{ field: 'decreeScan', name: 'постановление.exe', type: 'application/pdf', data: EXE }]);
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /постановление\.exe/);
  assert.match(bad.body, /value="12\.01\.2031"/, 'the decree date is kept');
  assert.equal((await ctx.db.query('select 1 from outreach_plan_versions where plan_id = $1', [planId])).rows.length, 0, 'nothing approved with a bad scan');

  const ok = await b.postMultipart(`/outreach/plans/${planId}/approve`, { decreeNumber: '7', decreeDate: '12.01.2031' }, [{ field: 'decreeScan', name: 'Постановление № 7.pdf', type: 'application/pdf', data: pdf('Postanovlenie 7') }]);
  assert.equal(ok.statusCode, 303);
  const scans = (await ctx.db.query<{ id: string; caption: string; media_type: string }>("select id, caption, media_type from attachments where owner_type = 'outreach_plan' and owner_id = $1 order by created_at", [planId])).rows;
  assert.deepEqual(scans.map((s) => [s.caption, s.media_type]), [['Редакция 1: постановление № 7 от 12.01.2031', 'application/pdf']]);
  const page = await b.get(`/outreach/plans/${planId}`);
  assert.match(page.body, /Постановление № 7\.pdf/);
  assert.match(page.body, /Скан подписанного постановления к редакции 1/);
  const file = await b.get(`/files/${scans[0]!.id}`);
  assert.equal(file.statusCode, 200);
  assert.equal(file.headers['content-type'], 'application/pdf');

  // Later: a photo of the signed page for the same version.
  const later = await b.postMultipart(`/outreach/plans/${planId}/decree-scan`, {}, [{ field: 'laterScan', name: 'фото.jpg', type: 'image/jpeg', data: JPEG }]);
  assert.equal(later.statusCode, 303);
  const none = await b.postMultipart(`/outreach/plans/${planId}/decree-scan`, {}, []);
  assert.equal(none.statusCode, 400, 'a later scan needs a file');
  assert.equal((await ctx.db.query("select 1 from attachments where owner_type = 'outreach_plan' and owner_id = $1", [planId])).rows.length, 2);

  // Reception of the same municipality reads approved versions, so the scan too; a coordinator of another municipality does not.
  const reception = await signedIn('reception');
  assert.equal((await reception.get(`/files/${scans[0]!.id}`)).statusCode, 200);
  assert.equal((await reception.postMultipart(`/outreach/plans/${planId}/decree-scan`, {}, [{ field: 'laterScan', name: 'x.jpg', type: 'image/jpeg', data: JPEG }])).statusCode, 403);
});
