import { test } from 'node:test';
import assert from 'node:assert/strict';

import { zabaikalskyKrai as region, DEMO_MUNICIPALITY_KEY } from './zabaikalsky-krai.js';
import type { CentreCapability, MunicipalitySeed, MunicipalityType, OpeningHours, Sourced } from './types.js';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
const THIRD_DIGIT: Record<MunicipalityType, string> = {
  municipal_okrug: '5',
  municipal_district: '6',
  urban_district: '7',
};
const ALL_OPERATIONS: CentreCapability[] = ['register', 'confirm', 'restore', 'delete'];
// Zabaikalsky krai, roughly
const BBOX = { latMin: 49, latMax: 58.5, lonMin: 107, lonMax: 122 };

const municipalities = region.municipalities;
const organisations = municipalities.flatMap((m) => m.organisations);
const centres = municipalities.flatMap((m) => m.serviceCentres);

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

function allSourced(): Array<{ where: string; value: Sourced<unknown> }> {
  return [
    { where: `${region.key}.population`, value: region.population },
    ...municipalities.flatMap((m) => [
      { where: `${m.key}.oktmo`, value: m.oktmo },
      { where: `${m.key}.population`, value: m.population },
    ]),
    ...organisations.map((o) => ({ where: `${o.key}.employees`, value: o.employees })),
  ];
}

function kalgansky(): MunicipalitySeed {
  const m = municipalities.find((x) => x.key === DEMO_MUNICIPALITY_KEY);
  assert.ok(m, 'Kalgansky is in the data');
  return m;
}

test('region header', () => {
  assert.equal(region.name, 'Забайкальский край');
  assert.equal(region.oktmoPrefix, '76');
  assert.equal(region.timeZone, 'Asia/Chita');
  assert.doesNotThrow(() => new Intl.DateTimeFormat('ru-RU', { timeZone: region.timeZone }));
  assert.ok(municipalities.length >= 30, `expected all municipalities, got ${municipalities.length}`);
});

test('keys are lowercase latin slugs, unique across the whole region', () => {
  const keys = [region.key, ...municipalities.map((m) => m.key), ...organisations.map((o) => o.key), ...centres.map((c) => c.key)];
  for (const key of keys) assert.match(key, SLUG, `bad key ${key}`);
  const seen = new Set<string>();
  const duplicates = keys.filter((k) => (seen.has(k) ? true : (seen.add(k), false)));
  assert.deepEqual(duplicates, []);
});

test('municipality names are unique', () => {
  const names = municipalities.map((m) => m.name);
  assert.equal(new Set(names).size, names.length);
});

test('OKTMO: 8 digits, region prefix, unique, third digit agrees with the type', () => {
  const codes = new Set<string>();
  for (const m of municipalities) {
    const code = m.oktmo.value;
    assert.match(code, /^\d{8}$/, `${m.key}: OKTMO ${code} is not 8 digits`);
    assert.ok(code.startsWith(region.oktmoPrefix), `${m.key}: OKTMO ${code} lacks the prefix ${region.oktmoPrefix}`);
    assert.equal(code[2], THIRD_DIGIT[m.type], `${m.key}: OKTMO ${code} does not agree with type ${m.type}`);
    assert.ok(code.endsWith('000'), `${m.key}: a municipality's OKTMO ends with 000`);
    assert.ok(!codes.has(code), `${m.key}: OKTMO ${code} is used twice`);
    codes.add(code);
  }
});

test('a value presented as official names its source; numbers are positive integers', () => {
  for (const { where, value } of allSourced()) {
    assert.equal(typeof value.illustrative, 'boolean', where);
    if (!value.illustrative) {
      assert.ok(value.source && value.source.trim().length > 0, `${where} is marked official but has no source`);
    }
  }
  for (const n of [region.population, ...municipalities.map((m) => m.population), ...organisations.map((o) => o.employees)]) {
    assert.ok(Number.isInteger(n.value) && n.value > 0, `bad number ${n.value}`);
  }
});

test('populations add up to roughly the region', () => {
  const sum = municipalities.reduce((acc, m) => acc + m.population.value, 0);
  const ratio = sum / region.population.value;
  assert.ok(ratio > 0.85 && ratio < 1.15, `municipalities sum to ${sum}, region ${region.population.value}`);
});

test('employee counts are plausible and always illustrative', () => {
  for (const o of organisations) {
    assert.equal(o.employees.illustrative, true, `${o.key}: employee counts are never official here`);
    assert.ok(o.employees.value <= 1000, `${o.key}: ${o.employees.value} employees`);
  }
});

test('every municipality has an administration and at least one service centre', () => {
  for (const m of municipalities) {
    assert.ok(m.organisations.some((o) => o.kind === 'administration'), `${m.key} has no administration`);
    assert.ok(m.serviceCentres.length >= 1, `${m.key} has no service centre`);
    assert.ok(m.name.trim() && m.centre.trim(), `${m.key}: name and centre are set`);
  }
});

test("a centre's organisationKey names an organisation of the same municipality", () => {
  for (const m of municipalities) {
    const keys = new Set(m.organisations.map((o) => o.key));
    for (const c of m.serviceCentres) {
      if (c.organisationKey !== undefined) {
        assert.ok(keys.has(c.organisationKey), `${c.key}: organisation ${c.organisationKey} is not in ${m.key}`);
      }
    }
  }
});

test('capabilities are non-empty and without repeats', () => {
  for (const c of centres) {
    assert.ok(c.capabilities.length > 0, `${c.key} can do nothing`);
    assert.equal(new Set(c.capabilities).size, c.capabilities.length, `${c.key} repeats a capability`);
    for (const cap of c.capabilities) assert.ok(ALL_OPERATIONS.includes(cap), `${c.key}: unknown capability ${cap}`);
  }
});

function checkHours(where: string, hours: OpeningHours[]): void {
  assert.ok(hours.length > 0, `${where} has no opening hours`);
  const days = new Set<number>();
  for (const h of hours) {
    const at = `${where} day ${h.day}`;
    assert.ok(Number.isInteger(h.day) && h.day >= 1 && h.day <= 7, `${at}: bad day`);
    assert.ok(!days.has(h.day), `${at}: day listed twice`);
    days.add(h.day);
    assert.match(h.opens, TIME, `${at}: opens`);
    assert.match(h.closes, TIME, `${at}: closes`);
    assert.ok(minutes(h.opens) < minutes(h.closes), `${at}: opens ${h.opens} is not before closes ${h.closes}`);
    assert.equal(h.breakFrom === undefined, h.breakTo === undefined, `${at}: a break needs both ends`);
    if (h.breakFrom !== undefined && h.breakTo !== undefined) {
      assert.match(h.breakFrom, TIME, `${at}: breakFrom`);
      assert.match(h.breakTo, TIME, `${at}: breakTo`);
      assert.ok(
        minutes(h.opens) < minutes(h.breakFrom) &&
          minutes(h.breakFrom) < minutes(h.breakTo) &&
          minutes(h.breakTo) < minutes(h.closes),
        `${at}: break ${h.breakFrom}–${h.breakTo} is not inside ${h.opens}–${h.closes}`,
      );
    }
  }
}

test('opening hours are well-formed', () => {
  for (const c of centres) checkHours(c.key, c.hours);
});

test('coordinates lie inside Zabaikalsky krai', () => {
  for (const c of centres) {
    assert.ok(Number.isFinite(c.lat) && Number.isFinite(c.lon), `${c.key}: coordinates are numbers`);
    assert.ok(c.lat >= BBOX.latMin && c.lat <= BBOX.latMax, `${c.key}: lat ${c.lat} outside the krai`);
    assert.ok(c.lon >= BBOX.lonMin && c.lon <= BBOX.lonMax, `${c.key}: lon ${c.lon} outside the krai`);
  }
});

test('Kalgansky is complete enough for the demo', () => {
  const m = kalgansky();
  assert.equal(m.name, 'Калганский муниципальный округ');
  assert.equal(m.centre, 'с. Калга');
  assert.ok(m.organisations.length >= 8, `Kalgansky has ${m.organisations.length} organisations`);
  assert.ok(m.serviceCentres.length >= 3, `Kalgansky has ${m.serviceCentres.length} centres`);
  assert.ok(
    m.serviceCentres.some((c) => ALL_OPERATIONS.every((op) => c.capabilities.includes(op))),
    'some Kalgansky centre can register, confirm, restore and delete',
  );
  const kinds = new Set(m.organisations.map((o) => o.kind));
  for (const kind of ['administration', 'school', 'kindergarten', 'culture', 'health', 'social_protection', 'mfc'] as const) {
    assert.ok(kinds.has(kind), `Kalgansky has no ${kind}`);
  }
  const types = new Set(m.serviceCentres.map((c) => c.type));
  for (const type of ['mfc', 'post_office', 'municipal_centre'] as const) assert.ok(types.has(type), `Kalgansky has no ${type}`);
  // с. Калга is around 50.93 N, 118.90 E
  for (const c of m.serviceCentres) {
    assert.ok(Math.abs(c.lat - 50.93) < 0.1 && Math.abs(c.lon - 118.9) < 0.1, `${c.key} is not in Калга`);
  }
});

test('Chita is an urban district with an official OKTMO', () => {
  const chita = municipalities.find((m) => m.key === 'chita');
  assert.ok(chita);
  assert.equal(chita.type, 'urban_district');
  assert.equal(chita.oktmo.value, '76701000');
  assert.equal(chita.oktmo.illustrative, false);
});
