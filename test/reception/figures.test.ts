/**
 * The visit log's figures from seeded visits, counted by hand: per employee,
 * organisation, municipality and quarter (in the region's time zone), the
 * P2.1 inputs, and the figures page for each role.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { p21Inputs, receptionFigures, receptionFiguresBy } from '../../src/modules/reception/figures.js';
import { insertVisit } from '../../src/modules/reception/reception.repository.js';
import { createStaff } from '../../src/modules/staff/create-staff.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { PASSWORD, staffBrowser, staffId } from '../service-centres/support.js';

let t: TestApp;
let regionId = '';
let kalga = '';
let chita = '';

interface Who {
  id: string;
  organisationId: string;
  municipalityId: string;
}

async function who(login: string): Promise<Who> {
  const { rows } = await t.ctx.db.query<{ id: string; organisation_id: string; municipality_id: string }>(
    'select u.id, u.organisation_id, o.municipality_id from staff_users u join organisations o on o.id = u.organisation_id where u.login = $1',
    [login],
  );
  return { id: rows[0]!.id, organisationId: rows[0]!.organisation_id, municipalityId: rows[0]!.municipality_id };
}

async function visit(w: Who, at: string, outcome: string, status: 'open' | 'finished' | 'cancelled' = 'finished') {
  await insertVisit(
    t.ctx.db,
    { regionId, municipalityId: w.municipalityId, organisationId: w.organisationId, serviceCentreId: null, staffUserId: w.id, ageThreshold: 55, registerVia: null, confirmVia: null, path: [], outcome, status },
    new Date(at),
  );
}

before(async () => {
  t = await createTestApp({ seed: true });
  const { rows } = await t.ctx.db.query<{ id: string; region_id: string }>("select id, region_id from municipalities where key in ('kalgansky', 'chita') order by key");
  chita = rows[0]!.id;
  kalga = rows[1]!.id;
  regionId = rows[0]!.region_id;
  const { rows: orgs } = await t.ctx.db.query<{ key: string }>('select key from organisations where municipality_id = $1 order by key limit 1', [chita]);
  const made = await createStaff(t.ctx.db, { login: 'chita-reception', password: PASSWORD, fullName: 'Читинская Вера Павловна', role: 'reception', organisationKey: orgs[0]!.key });
  assert.ok(made.ok);

  const operator = await who('operator');
  const reception = await who('reception');
  const other = await who('chita-reception');
  // Q4 2026 (Asia/Chita, UTC+9)
  await visit(operator, '2026-10-05T02:00:00Z', 'registered');
  await visit(operator, '2026-10-05T03:00:00Z', 'confirmed');
  await visit(operator, '2026-11-02T03:00:00Z', 'refused');
  await visit(operator, '2026-11-02T04:00:00Z', 'consulted', 'open');
  await visit(operator, '2026-11-02T05:00:00Z', 'informed', 'cancelled'); // entered by mistake: not counted
  await visit(reception, '2026-10-10T01:00:00Z', 'informed');
  await visit(reception, '2026-10-11T01:00:00Z', 'informed');
  await visit(reception, '2026-12-01T01:00:00Z', 'offered');
  await visit(reception, '2026-09-30T16:00:00Z', 'consulted'); // 01:00 on 1 October in Chita: Q4
  await visit(reception, '2026-12-31T14:00:00Z', 'consulted'); // 23:00 on 31 December in Chita: still Q4
  await visit(reception, '2026-09-30T14:00:00Z', 'informed'); // 23:00 on 30 September in Chita: Q3
  await visit(other, '2026-10-20T01:00:00Z', 'agreed');
  await visit(other, '2026-10-20T02:00:00Z', 'consulted');
});
after(async () => t.close());

const Q4 = { from: '2026-10-01', to: '2026-12-31' };

test('a municipality’s quarter: counted cumulatively, cancelled visits left out', async () => {
  // operator: registered, confirmed, refused, consulted = 4 visitors, 3 informed, 3 offered, 2 agreed
  // reception: informed ×2, offered, consulted ×2 = 5 visitors, 3 informed, 1 offered
  assert.deepEqual(await receptionFigures(t.ctx.db, { regionId, municipalityId: kalga, ...Q4 }), { visitors: 9, informed: 6, offered: 4, agreed: 2, registered: 1, confirmed: 1 });
  assert.deepEqual(await receptionFigures(t.ctx.db, { regionId, ...Q4 }), { visitors: 11, informed: 7, offered: 5, agreed: 3, registered: 1, confirmed: 1 });
  assert.deepEqual(await receptionFigures(t.ctx.db, { regionId, staffId: await staffId(t, 'reception'), ...Q4 }), { visitors: 5, informed: 3, offered: 1, agreed: 0, registered: 0, confirmed: 0 });
  assert.deepEqual(await receptionFigures(t.ctx.db, { regionId, municipalityId: kalga, from: '2026-07-01', to: '2026-09-30' }), { visitors: 1, informed: 1, offered: 0, agreed: 0, registered: 0, confirmed: 0 });
});

test('P2.1 inputs: A informed, B all visitors of the quarter', async () => {
  assert.deepEqual(await p21Inputs(t.ctx.db, { regionId, municipalityId: kalga, year: 2026, quarter: 4 }), { A: 6, B: 9 });
  assert.deepEqual(await p21Inputs(t.ctx.db, { regionId, municipalityId: kalga, year: 2026, quarter: 3 }), { A: 1, B: 1 });
  assert.deepEqual(await p21Inputs(t.ctx.db, { regionId, municipalityId: chita, year: 2026, quarter: 4 }), { A: 1, B: 2 });
  assert.deepEqual(await p21Inputs(t.ctx.db, { regionId, municipalityId: chita, year: 2027, quarter: 1 }), { A: 0, B: 0 });
});

test('grouped by employee, organisation and municipality', async () => {
  const byMunicipality = await receptionFiguresBy(t.ctx.db, { regionId, ...Q4 }, 'municipality');
  const counts = new Map(byMunicipality.map((r) => [r.id, [r.figures.visitors, r.figures.informed]]));
  assert.equal(byMunicipality.length, 2);
  assert.deepEqual(counts.get(kalga), [9, 6]);
  assert.deepEqual(counts.get(chita), [2, 1]);
  const byStaff = await receptionFiguresBy(t.ctx.db, { regionId, municipalityId: kalga, ...Q4 }, 'staff');
  assert.deepEqual(
    byStaff.map((r) => [r.name, r.figures.visitors, r.figures.informed, r.figures.offered]),
    [
      ['Иванова Ольга Николаевна', 4, 3, 3],
      ['Кузнецова Марина Викторовна', 5, 3, 1],
    ],
  );
  const byOrg = await receptionFiguresBy(t.ctx.db, { regionId, municipalityId: kalga, ...Q4 }, 'organisation');
  assert.equal(byOrg.length, 2);
  assert.deepEqual(byOrg.map((r) => r.figures.visitors).sort(), [4, 5]);
});

test('the figures page: the employee sees their own, the coordinator the municipality, the region all', async () => {
  const reception = await staffBrowser(t, 'reception');
  const own = await reception.get('/reception/figures?quarter=2026-Q4');
  assert.equal(own.statusCode, 200);
  assert.match(own.body, /Ваши показатели/);
  assert.match(own.body, /Кузнецова Марина Викторовна/);
  assert.doesNotMatch(own.body, /Иванова Ольга Николаевна/);
  assert.match(own.body, />60</, '3 of 5 informed');

  const coordinator = await staffBrowser(t, 'coordinator');
  const mun = await coordinator.get('/reception/figures?quarter=2026-Q4&by=staff');
  assert.match(mun.body, /Иванова Ольга Николаевна/);
  assert.match(mun.body, /Кузнецова Марина Викторовна/);
  assert.doesNotMatch(mun.body, /Читинская Вера Павловна/);
  assert.match(mun.body, />66,7</, 'total: 6 of 9 informed');
  assert.match(mun.body, /<caption[^>]*>Показатели приёма за 4 квартал 2026 года, по сотрудникам<\/caption>/);

  const region = await staffBrowser(t, 'region');
  const all = await region.get('/reception/figures?quarter=2026-Q4');
  assert.match(all.body, /Калганский/);
  assert.match(all.body, />63,6</, 'total: 7 of 11 informed');
  const q3 = await region.get('/reception/figures?quarter=2026-Q3');
  assert.match(q3.body, />100</);
});
