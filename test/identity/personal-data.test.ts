import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_PERSONS, MISMATCH_PERSON } from '../../src/simulators/data/persons.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { freshPhone, lastSmsTo, personalDataBody, registerCitizenViaApi, runChecks } from '../support/citizen.js';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => t.close());

async function put(c: { cookie: string; csrf: string }, body: unknown) {
  return t.app.inject({ method: 'PUT', url: '/api/v1/me/personal-data', payload: body as object, headers: { cookie: c.cookie, 'x-csrf-token': c.csrf } });
}
async function me(c: { cookie: string }) {
  return (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: c.cookie } })).json();
}

test('personal data that the registries confirm makes the account standard, and the citizen is told', async () => {
  const p = DEMO_PERSONS[0]!;
  const phone = freshPhone();
  const c = await registerCitizenViaApi(t.app, t.ctx, { lastName: p.lastName, firstName: p.firstName, phone });
  const res = await put(c, personalDataBody(p));
  assert.equal(res.statusCode, 202, res.body);
  const { version } = res.json();
  const before = await me(c);
  assert.equal(before.checks.state, 'in_progress');
  assert.equal(before.level, 'simplified');

  const run = await runChecks(t.ctx, c.id, version);
  assert.equal(run.kind, 'checked');
  const after = await me(c);
  assert.equal(after.level, 'standard');
  assert.equal(after.checks.state, 'passed');
  assert.match(await lastSmsTo(t.ctx, phone), /стандартн|провер/i);

  // Stored only encrypted: no SNILS or passport number in any column.
  const { rows } = await t.ctx.db.query<{ t: string }>('select row_to_json(p)::text as t from citizen_personal_data p');
  const digits = p.snils.replace(/\D/g, '');
  assert.ok(rows.every((r) => !r.t.includes(digits) && !r.t.includes(p.passport.number)));
});

test('a document that does not match says which one, and the data can be corrected', async () => {
  const p = MISMATCH_PERSON;
  const phone = freshPhone();
  const c = await registerCitizenViaApi(t.app, t.ctx, { lastName: p.lastName, firstName: p.firstName, phone });
  const { version } = (await put(c, personalDataBody(p))).json();
  await runChecks(t.ctx, c.id, version);
  const after = await me(c);
  assert.equal(after.level, 'simplified');
  assert.equal(after.checks.state, 'mismatch');
  const passport = after.checks.registries.find((r: { registry: string }) => r.registry === 'migration_service');
  assert.equal(passport.status, 'mismatch');
  assert.match(await lastSmsTo(t.ctx, phone), /паспорт/i);
  const page = await t.app.inject({ method: 'GET', url: '/cabinet/checks', headers: { cookie: c.cookie } });
  assert.match(page.body, /МВД/);
  assert.match(page.body, /Исправить данные/);
});

test('field-level messages for bad personal data; one account per SNILS', async () => {
  const phone = freshPhone();
  const c = await registerCitizenViaApi(t.app, t.ctx, { lastName: 'Проверкина', firstName: 'Анна', phone });
  const bad = await put(c, {
    ...personalDataBody(DEMO_PERSONS[1]!),
    snils: '112-233-445 96',
    birthDate: '31.02.1990',
    passport: { series: '76', number: '12345', issueDate: '01.01.2099', issuerCode: '75-001', issuedBy: '' },
    registrationAddress: 'Чита',
  });
  assert.equal(bad.statusCode, 422);
  const f = bad.json().fields;
  assert.match(f.snils, /ожидалось 95/);
  assert.match(f.birthDate, /ДД\.ММ\.ГГГГ/);
  for (const k of ['passportSeries', 'passportNumber', 'passportIssuerCode', 'passportIssuedBy', 'registrationAddress']) assert.ok(f[k], k);

  const p = DEMO_PERSONS[0]!; // taken by the first test's citizen
  const dup = await put(c, personalDataBody({ ...p, lastName: 'Проверкина', firstName: 'Анна' }));
  assert.equal(dup.statusCode, 409);
  assert.match(dup.json().fields.snils, /уже существует/);
});

test('web: the personal-data form keeps every value typed when one field is wrong', async () => {
  const phone = freshPhone();
  const c = await registerCitizenViaApi(t.app, t.ctx, { lastName: 'Формова', firstName: 'Ирина', phone });
  const page = await t.app.inject({ method: 'GET', url: '/cabinet/personal-data', headers: { cookie: c.cookie } });
  assert.equal(page.statusCode, 200);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
  const p = DEMO_PERSONS[2]!;
  const form = new URLSearchParams({
    _csrf: csrf,
    lastName: p.lastName,
    firstName: p.firstName,
    middleName: p.middleName ?? '',
    gender: p.gender,
    birthDate: p.birthDate.split('-').reverse().join('.'),
    birthPlace: p.birthPlace,
    passportSeries: p.passport.series,
    passportNumber: p.passport.number,
    passportIssueDate: p.passport.issueDate.split('-').reverse().join('.'),
    passportIssuerCode: p.passport.issuerCode,
    passportIssuedBy: p.passport.issuedBy,
    snils: '154-138-232 44',
    registrationAddress: 'Забайкальский край, г. Чита, ул. Ленина, д. 1',
    residenceSameAsRegistration: 'on',
  });
  const res = await t.app.inject({ method: 'POST', url: '/cabinet/personal-data', payload: form.toString(), headers: { cookie: c.cookie, 'content-type': 'application/x-www-form-urlencoded' } });
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /Контрольное число СНИЛС/);
  assert.ok(res.body.includes(`value="${p.passport.number}"`), 'passport number kept');
  assert.ok(res.body.includes('ул. Ленина, д. 1'), 'address kept');
  assert.match(res.body, /value="154-138-232 44"/);
});

test('a registry that does not answer is shown as unfinished, not as a failure', async () => {
  const p = DEMO_PERSONS[1]!;
  const phone = freshPhone();
  const c = await registerCitizenViaApi(t.app, t.ctx, { lastName: p.lastName, firstName: p.firstName, phone });
  t.ctx.simulators!.registries.setOutage('pension_fund', true);
  try {
    const { version } = (await put(c, personalDataBody(p))).json();
    await runChecks(t.ctx, c.id, version);
    await runChecks(t.ctx, c.id, version);
    const after = await me(c);
    assert.notEqual(after.checks.state, 'mismatch');
    assert.ok(['in_progress', 'unavailable'].includes(after.checks.state), after.checks.state);
    const page = await t.app.inject({ method: 'GET', url: '/cabinet/checks', headers: { cookie: c.cookie } });
    assert.doesNotMatch(page.body, /не прошли проверку/);
  } finally {
    t.ctx.simulators!.registries.setOutage('pension_fund', false);
  }
});

test('with a one-time password from a centre the API refuses writes until the citizen sets their own', async () => {
  const phone = freshPhone();
  const c = await registerCitizenViaApi(t.app, t.ctx, { lastName: 'Временная', firstName: 'Вера', phone });
  await t.ctx.db.query('update citizens set must_change_password = true where id = $1', [c.id]);
  const res = await put(c, personalDataBody(DEMO_PERSONS[0]!));
  assert.equal(res.statusCode, 403);
  assert.equal(res.json().error, 'must_change_password');
  assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: c.cookie } })).statusCode, 200, 'reading is fine');
});
