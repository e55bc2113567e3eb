/**
 * The centre figures: registrations and confirmations at a centre and in its
 * municipality, per local day / week / quarter in the region's time zone
 * (Asia/Chita, UTC+9), as the page shows them and as `centreFigures` gives them.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { centreFigures, localDate, periodStarts, standardRanges } from '../../src/modules/service-centres/index.js';
import { confirmIdentity } from '../../src/modules/service-centres/confirm-identity.js';
import { deleteAccount } from '../../src/modules/service-centres/delete-account.js';
import { registerAtDesk } from '../../src/modules/service-centres/register-at-desk.js';
import { loadStaffActor } from '../../src/modules/staff/staff.repository.js';
import { findServiceCentre } from '../../src/modules/territory/territory.repository.js';
import { REGISTRY_PERSONS, DEMO_PERSONS, type DemoPerson } from '../../src/simulators/data/persons.js';
import type { Desk } from '../../src/modules/service-centres/desk.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { freshPhone } from '../support/citizen.js';
import { createPostOperator, deskForm, onlineCitizen, staffBrowser, staffId } from './support.js';

let t: TestApp;
let mfc: Desk;
let post: Desk;

function registryPerson(i: number): DemoPerson {
  const p = REGISTRY_PERSONS[i]!;
  const passport = p.passports.find((x) => x.status === 'valid')!;
  return { lastName: p.lastName, firstName: p.firstName, middleName: p.middleName, birthDate: p.birthDate, birthPlace: p.birthPlace, gender: p.gender, snils: p.snils, passport: { ...passport } };
}

before(async () => {
  t = await createTestApp({ seed: true });
  await createPostOperator(t);
  mfc = { actor: (await loadStaffActor(t.ctx.db, await staffId(t, 'operator')))!, centre: (await findServiceCentre(t.ctx.db, 'kalga-mfc-office'))! };
  post = { actor: (await loadStaffActor(t.ctx.db, await staffId(t, 'post-operator')))!, centre: (await findServiceCentre(t.ctx.db, 'kalga-post'))! };
});
after(async () => t.close());

const TZ = 'Asia/Chita';
async function registerAt(person: DemoPerson, at: Date): Promise<string> {
  const r = await registerAtDesk(t.ctx, mfc, deskForm(person, freshPhone()), 'ru', at);
  assert.ok(r.ok, JSON.stringify(r));
  return r.citizenId;
}

test('registrations count on the local day and quarter of the region (UTC+9)', async () => {
  // 31.03.2026 23:00 in Chita, and 01.04.2026 01:30 in Chita (still 31.03 in UTC).
  await registerAt(DEMO_PERSONS[0]!, new Date('2026-03-31T14:00:00Z'));
  const second = await registerAt(DEMO_PERSONS[1]!, new Date('2026-03-31T16:30:00Z'));
  await registerAt(DEMO_PERSONS[2]!, new Date('2026-05-12T03:00:00Z'));
  // A confirmation at the post office of the same municipality in the third quarter.
  const online = await onlineCitizen(t, registryPerson(4));
  const p = registryPerson(4);
  const confirmed = await confirmIdentity(t.ctx, post, online.id, { passportSeries: p.passport.series, passportNumber: p.passport.number }, 'ru', new Date('2026-08-03T02:00:00Z'));
  assert.ok(confirmed.ok, JSON.stringify(confirmed));
  // A deleted account still counts.
  const del = await deleteAccount(t.ctx, mfc, second, { reason: 'duplicate', reasonText: '', confirm: 'on' }, 'ru', new Date('2026-06-01T00:00:00Z'));
  assert.ok(del.ok);

  const days = await centreFigures(t.ctx.db, { centreId: mfc.centre.id }, { bucket: 'day', from: '2026-03-30', to: '2026-04-03', timeZone: TZ });
  assert.deepEqual(days, [
    { start: '2026-03-30', registrations: 0, confirmations: 0 },
    { start: '2026-03-31', registrations: 1, confirmations: 1 },
    { start: '2026-04-01', registrations: 1, confirmations: 1 },
    { start: '2026-04-02', registrations: 0, confirmations: 0 },
  ]);
  const year = { bucket: 'quarter' as const, from: '2026-01-01', to: '2027-01-01', timeZone: TZ };
  assert.deepEqual(await centreFigures(t.ctx.db, { centreId: mfc.centre.id }, year), [
    { start: '2026-01-01', registrations: 1, confirmations: 1 },
    { start: '2026-04-01', registrations: 2, confirmations: 2 },
    { start: '2026-07-01', registrations: 0, confirmations: 0 },
    { start: '2026-10-01', registrations: 0, confirmations: 0 },
  ]);
  assert.deepEqual(await centreFigures(t.ctx.db, { centreId: post.centre.id }, year), [
    { start: '2026-01-01', registrations: 0, confirmations: 0 },
    { start: '2026-04-01', registrations: 0, confirmations: 0 },
    { start: '2026-07-01', registrations: 0, confirmations: 1 },
    { start: '2026-10-01', registrations: 0, confirmations: 0 },
  ]);
  assert.deepEqual(await centreFigures(t.ctx.db, { municipalityId: mfc.centre.municipalityId }, year), [
    { start: '2026-01-01', registrations: 1, confirmations: 1 },
    { start: '2026-04-01', registrations: 2, confirmations: 2 },
    { start: '2026-07-01', registrations: 0, confirmations: 1 },
    { start: '2026-10-01', registrations: 0, confirmations: 0 },
  ]);
  // Weeks start on Monday: 30.03.2026 is a Monday.
  const weeks = await centreFigures(t.ctx.db, { centreId: mfc.centre.id }, { bucket: 'week', from: '2026-03-30', to: '2026-04-13', timeZone: TZ });
  assert.deepEqual(weeks.map((w) => [w.start, w.registrations]), [['2026-03-30', 2], ['2026-04-06', 0]]);
});

test('the standard ranges: 14 days, 8 weeks from a Monday, this year’s quarters so far', () => {
  const r = standardRanges(new Date('2026-05-12T20:00:00Z'), TZ); // 13.05.2026 05:00 in Chita
  assert.equal(localDate(new Date('2026-05-12T20:00:00Z'), TZ), '2026-05-13');
  assert.equal(periodStarts(r.days).length, 14);
  assert.equal(periodStarts(r.days).at(-1), '2026-05-13');
  assert.deepEqual(periodStarts(r.weeks).slice(-2), ['2026-05-04', '2026-05-11']);
  assert.equal(periodStarts(r.weeks).length, 8);
  assert.deepEqual(periodStarts(r.quarters), ['2026-01-01', '2026-04-01']);
});

test('the page shows today’s registrations at this centre, with table captions', async () => {
  const operator = await staffBrowser(t, 'operator');
  await operator.post('/operator/register', deskForm(registryPerson(5), freshPhone()));
  const res = await operator.get('/operator/figures');
  assert.equal(res.statusCode, 200);
  for (const caption of ['По дням, последние 14 дней', 'По неделям, последние 8 недель', `По кварталам ${localDate(new Date(), TZ).slice(0, 4)} года`]) {
    assert.match(res.body, new RegExp(`<caption[^>]*>${caption}</caption>`));
  }
  const [y, m, d] = localDate(new Date(), TZ).split('-');
  const row = new RegExp(`<th scope="row"[^>]*>${d}\\.${m}\\.${y}</th><td[^>]*>1</td><td[^>]*>1</td><td[^>]*>1</td><td[^>]*>1</td>`);
  assert.match(res.body, row, 'today: one registration and one confirmation at the centre and in the municipality');
});
