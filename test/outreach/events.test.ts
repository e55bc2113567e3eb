import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { DEMO_PASSWORD } from '../../src/db/seed/demo.js';
import type { AppContext } from '../../src/platform/context.js';
import { createStaff } from '../../src/modules/staff/create-staff.js';
import { eventEffect } from '../../src/modules/outreach/events/events.repository.js';
import { CODE_ALPHABET, codePrefix, generateEventCode } from '../../src/modules/outreach/events/event-code.js';
import { parseLinks } from '../../src/modules/outreach/events/save-event.js';
import { DEMO_PERSONS } from '../../src/simulators/data/persons.js';
import { Browser, createTestApp, type TestApp, signedInBrowser } from '../support/app.js';
import { codeIn, freshPhone, lastSmsTo } from '../support/citizen.js';
import { deskForm } from '../service-centres/support.js';

let app: FastifyInstance;
let ctx: AppContext;
let t: TestApp;

before(async () => {
  t = await createTestApp({ seed: true });
  app = t.app;
  ctx = t.ctx;
});
after(async () => t.close());

const signedIn = (login: string, password?: string) => signedInBrowser(app, login, password);

/** dd.mm.yyyy of today (minus `daysAgo`) in the demo region's time zone. */
function chitaDate(daysAgo = 0): string {
  const d = new Date(Date.now() - daysAgo * 86_400_000);
  return new Intl.DateTimeFormat('ru-RU', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Asia/Chita' }).format(d);
}

const eventIdFrom = (location: string | undefined) => /\/outreach\/events\/([0-9a-f-]{36})/.exec(location ?? '')![1]!;

async function registerOnline(who: { lastName: string; firstName: string }, eventCode?: string): Promise<string> {
  const phone = freshPhone();
  const start = await app.inject({ method: 'POST', url: '/api/v1/registrations', payload: { ...who, phone, ...(eventCode ? { eventCode } : {}) } });
  assert.equal(start.statusCode, 201, start.body);
  const { id } = start.json() as { id: string };
  const code = codeIn(await lastSmsTo(ctx, phone));
  assert.equal((await app.inject({ method: 'POST', url: `/api/v1/registrations/${id}/confirmation`, payload: { code } })).statusCode, 200);
  const password = 'медленный синий паровоз';
  const done = await app.inject({ method: 'POST', url: `/api/v1/registrations/${id}/password`, payload: { password, passwordConfirmation: password } });
  assert.equal(done.statusCode, 200, done.body);
  return id;
}

const goodForm = () => ({
  heldOn: chitaDate(),
  title: 'Как записаться к врачу через Госуслуги',
  format: 'e_lesson',
  formatOther: '',
  place: 'с. Калга, библиотека, ул. Партизанская, 5',
  organisationId: '',
  audience: 'граждане старше 50 лет',
  peopleReached: '18',
  links: 'https://kalga.example/news/1 Новость на сайте района\nhttps://vk.com/kalga_post',
  planItemId: '',
  activityTypeId: '',
  notes: '',
});

test('codes: place prefix, year, unambiguous symbols; links parse one per line', () => {
  assert.equal(codePrefix('kalgansky'), 'KALGA');
  assert.equal(codePrefix('zato-gorny'), 'ZATOG');
  const code = generateEventCode('kalgansky', '2026-03-15');
  assert.match(code, /^KALGA-2026-[A-Z2-9]{4}$/);
  for (const ch of code.slice(-4)) assert.ok(CODE_ALPHABET.includes(ch));
  for (const ch of '01ILO') assert.ok(!CODE_ALPHABET.includes(ch), `no ${ch}`);
  assert.deepEqual(parseLinks('Новость: https://a.example/x\n\nhttps://b.example').links, [
    { url: 'https://a.example/x', title: 'Новость' },
    { url: 'https://b.example', title: '' },
  ]);
  assert.equal(parseLinks('ftp://a.example').error?.code, 'errLinks');
});

let eventId = '';
let eventCode = '';

test('a coordinator records an event: bad input keeps the values with messages; then it is saved with a code', async () => {
  const b = await signedIn('coordinator');
  const form = await b.get('/outreach/events/new');
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /День электронных услуг/);
  assert.match(form.body, /name="organisationId"/);
  assert.doesNotMatch(form.body, /name="municipalityId"/, 'a coordinator records for their municipality only');

  const bad = await b.post('/outreach/events', { ...goodForm(), heldOn: '31.02.2026', title: '  ', format: 'other', formatOther: '', place: '', peopleReached: 'много', links: 'не ссылка', organisationId: '00000000-0000-0000-0000-000000000000' });
  assert.equal(bad.statusCode, 400);
  for (const msg of [
    'Введите дату проведения в виде ДД.ММ.ГГГГ.',
    'Введите тему мероприятия.',
    'Опишите формат мероприятия.',
    'Укажите место проведения.',
    'Введите число человек от 0 до 1 000 000, например 25.',
    'Строка 1: нужен адрес, начинающийся с http:// или https://.',
    'Выберите организацию из списка.',
  ]) {
    assert.ok(bad.body.includes(msg), msg);
  }
  assert.match(bad.body, /value="31\.02\.2026"/, 'the date as typed');
  assert.match(bad.body, /value="много"/, 'people as typed');
  assert.match(bad.body, />не ссылка<\/textarea>/, 'links as typed');

  const org = (await ctx.db.query<{ id: string }>("select o.id from organisations o join municipalities m on m.id = o.municipality_id where m.key = 'kalgansky' limit 1")).rows[0]!;
  const ok = await b.post('/outreach/events', { ...goodForm(), organisationId: org.id });
  assert.equal(ok.statusCode, 303, ok.body);
  eventId = eventIdFrom(ok.headers.location as string);
  const page = await b.get(ok.headers.location as string);
  assert.equal(page.statusCode, 200);
  eventCode = /data-event-code="([^"]+)"/.exec(page.body)![1]!;
  assert.match(eventCode, /^KALGA-\d{4}-[A-Z2-9]{4}$/);
  assert.ok(page.body.includes(`/register?event=${eventCode}`), 'the registration link to print');
  assert.ok(page.body.includes('Мероприятие сохранено.'));
  assert.ok(page.body.includes('Новость на сайте района'));

  const list = await b.get('/outreach/events');
  assert.equal(list.statusCode, 200);
  assert.ok(list.body.includes('Как записаться к врачу через Госуслуги'));
  assert.ok(list.body.includes(goodForm().heldOn), 'date dd.mm.yyyy');
  assert.ok(list.body.includes('Электронный урок для граждан старше 50 лет'));

  const audit = await ctx.db.query<{ n: number }>("select count(*)::int as n from audit_log where action = 'outreach.event.create' and subject_id = $1", [eventId]);
  assert.equal(Number(audit.rows[0]!.n), 1);

  // edit keeps the code
  const edit = await b.get(`/outreach/events/${eventId}/edit`);
  assert.equal(edit.statusCode, 200);
  assert.match(edit.body, new RegExp(`value="${goodForm().heldOn.replaceAll('.', '\\.')}"`));
  const saved = await b.post(`/outreach/events/${eventId}`, { ...goodForm(), peopleReached: '21', organisationId: org.id });
  assert.equal(saved.statusCode, 303);
  const after = (await ctx.db.query<{ code: string; people_reached: number }>('select code, people_reached from outreach_events where id = $1', [eventId])).rows[0]!;
  assert.equal(after.code, eventCode);
  assert.equal(Number(after.people_reached), 21);
});

test('codes are unique across events', async () => {
  const b = await signedIn('coordinator');
  await b.get('/outreach/events/new');
  const codes = new Set<string>([eventCode]);
  for (let i = 0; i < 5; i++) {
    const res = await b.post('/outreach/events', { ...goodForm(), title: `Родительское собрание ${i}`, format: 'parents_meeting' });
    assert.equal(res.statusCode, 303);
    codes.add((await ctx.db.query<{ code: string }>('select code from outreach_events where id = $1', [eventIdFrom(res.headers.location as string)])).rows[0]!.code);
  }
  assert.equal(codes.size, 6);
  await assert.rejects(ctx.db.query("insert into outreach_events (region_id, municipality_id, title, format, held_on, place, code) select region_id, municipality_id, 'x', 'other', held_on, 'x', code from outreach_events where id = $1", [eventId]));
});

test('registrations and confirmations with the code count for the event; others do not', async () => {
  assert.deepEqual((await eventEffect(ctx.db, eventId))!.registrations, { online: 0, atCentre: 0, total: 0 });
  await registerOnline({ lastName: 'Иванова', firstName: 'Ольга' }, eventCode);
  await registerOnline({ lastName: 'Петрова', firstName: 'Анна' }, eventCode.toLowerCase()); // typed in lower case: still the event's
  await registerOnline({ lastName: 'Сидоров', firstName: 'Павел' }); // no code
  await registerOnline({ lastName: 'Кузьмин', firstName: 'Олег' }, 'KALGA-2000-ZZZZ'); // another code

  // at the desk (confirmed at once)
  const operator = await signedIn('operator');
  await operator.get('/operator/register');
  const desk = await operator.post('/operator/register', deskForm(DEMO_PERSONS[0]!, freshPhone(), { eventCode }));
  assert.ok([200, 303].includes(desk.statusCode), `desk registration: ${desk.statusCode}`);

  const effect = (await eventEffect(ctx.db, eventId))!;
  assert.deepEqual(effect.registrations, { online: 2, atCentre: 1, total: 3 });
  assert.deepEqual(effect.confirmations, { online: 0, atCentre: 1, total: 1 });

  // a deleted account still counts: deletion does not undo the sign-up
  await ctx.db.query("update citizens set status = 'deleted', deleted_at = now() where upper(event_code) = $1 and registered_at_centre_id is null and last_name_enc is not null and id = (select id from citizens where upper(event_code) = $1 and registered_at_centre_id is null order by created_at limit 1)", [eventCode]);
  assert.equal((await eventEffect(ctx.db, eventId))!.registrations.total, 3);

  const b = await signedIn('coordinator');
  const page = await b.get(`/outreach/events/${eventId}`);
  assert.match(page.body, /id="effect-window"/);
  const list = await b.get('/outreach/events');
  assert.ok(list.body.includes('3 / 1'), 'list shows registrations / confirmations');

  // an event held long ago: today's sign-ups with its code fall outside its window
  const old = await b.post('/outreach/events', { ...goodForm(), heldOn: chitaDate(60), title: 'Давнее мероприятие' });
  const oldId = eventIdFrom(old.headers.location as string);
  const oldCode = (await ctx.db.query<{ code: string }>('select code from outreach_events where id = $1', [oldId])).rows[0]!.code;
  await registerOnline({ lastName: 'Орлова', firstName: 'Вера' }, oldCode);
  assert.equal((await eventEffect(ctx.db, oldId))!.registrations.total, 0);
});

test('authorization: another municipality’s coordinator, reception, the region', async () => {
  const created = await createStaff(ctx.db, {
    login: 'chita-coordinator',
    password: DEMO_PASSWORD,
    fullName: 'Орлов Пётр Ильич',
    role: 'municipal_coordinator',
    municipalityKey: 'chita',
  });
  assert.ok(created.ok);
  const chita = await signedIn('chita-coordinator');
  assert.equal((await chita.get(`/outreach/events/${eventId}`)).statusCode, 403);
  assert.equal((await chita.get(`/outreach/events/${eventId}/edit`)).statusCode, 403);
  await chita.get('/outreach/events/new');
  assert.equal((await chita.post(`/outreach/events/${eventId}`, goodForm())).statusCode, 403);
  const chitaList = await chita.get('/outreach/events');
  assert.equal(chitaList.statusCode, 200);
  assert.ok(!chitaList.body.includes(eventId), 'Kalga events are not listed for Chita');

  const reception = await signedIn('reception');
  assert.equal((await reception.get('/outreach/events/new')).statusCode, 403);
  assert.equal((await reception.post('/outreach/events', goodForm())).statusCode, 403);
  assert.equal((await reception.get(`/outreach/events/${eventId}/edit`)).statusCode, 403);
  assert.equal((await reception.get(`/outreach/events/${eventId}`)).statusCode, 200, 'front-line staff read their municipality’s events');

  const region = await signedIn('region');
  const form = await region.get('/outreach/events/new');
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /name="municipalityId"/, 'the region chooses the municipality');
  const noPlace = await region.post('/outreach/events', goodForm());
  assert.equal(noPlace.statusCode, 400);
  assert.ok(noPlace.body.includes('Выберите муниципальное образование.'));
  const chitaId = (await ctx.db.query<{ id: string }>("select id from municipalities where key = 'chita'")).rows[0]!.id;
  const ok = await region.post('/outreach/events', { ...goodForm(), municipalityId: chitaId, title: 'День электронных услуг в Чите', format: 'e_services_day' });
  assert.equal(ok.statusCode, 303);
  const code = (await ctx.db.query<{ code: string }>('select code from outreach_events where id = $1', [eventIdFrom(ok.headers.location as string)])).rows[0]!.code;
  assert.match(code, /^CHITA-/);
  assert.equal((await region.get(`/outreach/events/${eventId}/edit`)).statusCode, 200, 'the region edits any event of the region');
  assert.ok((await chita.get('/outreach/events')).body.includes('День электронных услуг в Чите'));
});

test('the plans page links to the events', async () => {
  const b = await signedIn('coordinator');
  assert.match((await b.get('/outreach')).body, /href="\/outreach\/events"/);
});
