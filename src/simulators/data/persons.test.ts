import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkIssuerCode, checkPassport, checkPassportIssueDate, checkSnils, PASSPORT_FIRST_ISSUE_DAY } from '../../platform/identifiers/index.js';
import { answerPassportCheck, answerSnilsCheck } from '../registries.sim.js';
import { DATA_SET_DATE, DEMO_PERSONS, MISMATCH_PERSON, REGISTRY_PERSONS, type DemoPerson, type RegistryPerson } from './persons.js';

/** OKATO codes of the regions used (first two digits of a passport series) → the issuing-unit code prefixes of that region. */
const REGIONS: Record<string, { name: string; issuerPrefixes: string[] }> = {
  '76': { name: 'Забайкальский край', issuerPrefixes: ['75', '80'] },
  '81': { name: 'Республика Бурятия', issuerPrefixes: ['03'] },
  '25': { name: 'Иркутская область', issuerPrefixes: ['38'] },
  '45': { name: 'Москва', issuerPrefixes: ['77'] },
  '40': { name: 'Санкт-Петербург', issuerPrefixes: ['78'] },
  '60': { name: 'Ростовская область', issuerPrefixes: ['61'] },
  '04': { name: 'Красноярский край', issuerPrefixes: ['24'] },
  '50': { name: 'Новосибирская область', issuerPrefixes: ['54'] },
  '08': { name: 'Хабаровский край', issuerPrefixes: ['27'] },
  '65': { name: 'Свердловская область', issuerPrefixes: ['66'] },
  '92': { name: 'Республика Татарстан', issuerPrefixes: ['16'] },
  '05': { name: 'Приморский край', issuerPrefixes: ['25'] },
  '80': { name: 'Республика Башкортостан', issuerPrefixes: ['02'] },
};

const NAME = /^[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)*$/;
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const digits = (s: string) => s.replace(/\D/g, '');

/** The day the person turns `years`, plus the 90 days the law gives to replace the passport. */
function replacementDeadline(birth: string, years: number): string {
  const [y, m, d] = birth.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  const birthday = new Date(Date.UTC(y + years, m - 1, Math.min(d, lastDay)));
  return new Date(birthday.getTime() + 90 * 86_400_000).toISOString().slice(0, 10);
}
function birthday(birth: string, years: number): string {
  const [y, m, d] = birth.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return new Date(Date.UTC(y + years, m - 1, Math.min(d, lastDay))).toISOString().slice(0, 10);
}
/** Overdue on `on`: a replacement age (20, 45) passed more than 90 days ago and the passport is older than it. */
function overdue(person: RegistryPerson, issueDate: string, on: string): boolean {
  return [20, 45].some((age) => replacementDeadline(person.birthDate, age) < on && issueDate < birthday(person.birthDate, age));
}

test('the registry holds at least 25 people, with and without a patronymic, men and women', () => {
  assert.ok(REGISTRY_PERSONS.length >= 25, `${REGISTRY_PERSONS.length} persons`);
  assert.ok(REGISTRY_PERSONS.some((p) => p.middleName === null));
  assert.ok(REGISTRY_PERSONS.some((p) => p.middleName !== null));
  assert.ok(REGISTRY_PERSONS.some((p) => p.gender === 'male'));
  assert.ok(REGISTRY_PERSONS.some((p) => p.gender === 'female'));
  assert.ok(REGISTRY_PERSONS.some((p) => /ё/i.test(`${p.lastName}${p.firstName}${p.middleName ?? ''}`)), 'someone with ё');
  for (const p of REGISTRY_PERSONS) {
    for (const part of [p.lastName, p.firstName, ...(p.middleName ? [p.middleName] : [])]) assert.match(part, NAME, p.lastName);
    assert.ok(p.birthPlace.length > 3);
    assert.equal(day(p.birthDate).toISOString().slice(0, 10), p.birthDate);
  }
});

test('every SNILS is valid (check number computed by platform/identifiers/snils.ts), formatted XXX-XXX-XXX YY, and unique', () => {
  const seen = new Set<string>();
  for (const p of REGISTRY_PERSONS) {
    const r = checkSnils(p.snils);
    assert.ok(r.valid, `${p.snils}: ${r.valid ? '' : r.reason}`);
    assert.equal(r.formatted, p.snils, 'written as XXX-XXX-XXX YY');
    assert.ok(Number(digits(p.snils).slice(0, 9)) > 1_001_998, 'a body whose check number is actually checked');
    assert.ok(!seen.has(r.normalized), `duplicate ${p.snils}`);
    seen.add(r.normalized);
  }
});

test('every passport is valid in form: series of a real region, blank year, issuer code of that region, issued from 14 after 01.10.1997', () => {
  const seen = new Set<string>();
  for (const p of REGISTRY_PERSONS) {
    assert.ok(p.passports.length >= 1);
    for (const [i, pp] of p.passports.entries()) {
      const label = `${p.lastName} ${pp.series} ${pp.number}`;
      const r = checkPassport(`${pp.series} ${pp.number}`);
      assert.ok(r.valid, label);
      assert.ok(!seen.has(r.normalized), `duplicate passport ${label}`);
      seen.add(r.normalized);
      const region = REGIONS[pp.series.slice(0, 2)];
      assert.ok(region, `${label}: ${pp.series.slice(0, 2)} is not a known OKATO region code`);
      const issuer = checkIssuerCode(pp.issuerCode);
      assert.ok(issuer.valid && issuer.formatted === pp.issuerCode, `${label}: issuer code NNN-NNN`);
      assert.ok(region.issuerPrefixes.includes(pp.issuerCode.slice(0, 2)), `${label}: issuer ${pp.issuerCode} is not in ${region.name}`);
      assert.ok(pp.issuedBy.length > 5);
      const issueYear = Number(pp.issueDate.slice(0, 4));
      const blankYear = Number(pp.series.slice(2));
      const lag = (issueYear - blankYear + 100) % 100;
      assert.ok(lag >= 0 && lag <= 3, `${label}: blank year ${blankYear} vs issued ${issueYear}`);
      const d = checkPassportIssueDate(day(pp.issueDate), day(p.birthDate), day(DATA_SET_DATE));
      assert.ok(d.valid, `${label}: ${d.valid ? '' : d.reason}`);
      assert.ok(pp.issueDate >= PASSPORT_FIRST_ISSUE_DAY);
      if (i > 0) assert.ok(pp.issueDate > p.passports[i - 1]!.issueDate, `${label}: passports are listed oldest first`);
    }
  }
});

test('passport statuses follow the replacement rules (14 / 20 / 45) on DATA_SET_DATE', () => {
  for (const p of REGISTRY_PERSONS) {
    const valid = p.passports.filter((pp) => pp.status === 'valid');
    assert.ok(valid.length <= 1, `${p.lastName}: at most one valid passport`);
    for (const [i, pp] of p.passports.entries()) {
      const label = `${p.lastName} ${pp.series} ${pp.number} (${pp.status})`;
      if (pp.status === 'valid') {
        assert.equal(overdue(p, pp.issueDate, DATA_SET_DATE), false, `${label} should have been replaced`);
        assert.equal(i, p.passports.length - 1, `${label}: the valid passport is the newest`);
      }
      if (pp.status === 'expired') assert.equal(overdue(p, pp.issueDate, DATA_SET_DATE), true, `${label} is not overdue`);
      if (pp.status === 'replaced') assert.ok(i < p.passports.length - 1, `${label}: a replaced passport has a successor`);
    }
  }
  for (const status of ['replaced', 'lost', 'expired'] as const) {
    assert.ok(REGISTRY_PERSONS.some((p) => p.passports.some((pp) => pp.status === status)), `someone has a ${status} passport`);
  }
});

function query(p: DemoPerson) {
  const person = { lastName: p.lastName, firstName: p.firstName, middleName: p.middleName, birthDate: p.birthDate };
  return {
    snils: { snils: digits(p.snils), ...person },
    passport: { series: p.passport.series, number: p.passport.number, issueDate: p.passport.issueDate, ...person },
  };
}

test('DEMO_PERSONS: three people with every field of the form, who pass both registries for years to come', () => {
  assert.equal(DEMO_PERSONS.length, 3);
  for (const p of DEMO_PERSONS) {
    assert.ok(p.lastName && p.firstName && p.birthPlace && p.passport.issuedBy);
    assert.ok(p.middleName === null || p.middleName.length > 0);
    assert.match(p.birthDate, /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(p.gender === 'male' || p.gender === 'female');
    assert.match(p.snils, /^\d{3}-\d{3}-\d{3} \d{2}$/);
    assert.match(p.passport.series, /^\d{4}$/);
    assert.match(p.passport.number, /^\d{6}$/);
    assert.match(p.passport.issueDate, /^\d{4}-\d{2}-\d{2}$/);
    assert.match(p.passport.issuerCode, /^\d{3}-\d{3}$/);
    const q = query(p);
    assert.deepEqual(answerSnilsCheck(REGISTRY_PERSONS, q.snils), { result: 'match' }, p.lastName);
    assert.deepEqual(answerPassportCheck(REGISTRY_PERSONS, q.passport), { result: 'match' }, p.lastName);
    // today and in ten years the passport is still not due for replacement
    const registryPerson = REGISTRY_PERSONS.find((r) => r.snils === p.snils)!;
    const inTenYears = `${Number(DATA_SET_DATE.slice(0, 4)) + 10}${DATA_SET_DATE.slice(4)}`;
    assert.equal(overdue(registryPerson, p.passport.issueDate, new Date().toISOString().slice(0, 10)), false);
    assert.equal(overdue(registryPerson, p.passport.issueDate, inTenYears), false, `${p.lastName}: still valid in ten years`);
  }
});

test('MISMATCH_PERSON: the SNILS matches, the passport (reported lost) is invalid', () => {
  const q = query(MISMATCH_PERSON);
  assert.deepEqual(answerSnilsCheck(REGISTRY_PERSONS, q.snils), { result: 'match' });
  assert.deepEqual(answerPassportCheck(REGISTRY_PERSONS, q.passport), { result: 'mismatch', reason: 'document_invalid' });
  assert.ok(!DEMO_PERSONS.some((d) => d.snils === MISMATCH_PERSON.snils));
});

test('every mismatch reason can be produced from the data set', () => {
  const q = query(DEMO_PERSONS[0]!);
  const other = query(DEMO_PERSONS[1]!);
  // not_found
  assert.deepEqual(answerSnilsCheck(REGISTRY_PERSONS, { ...q.snils, snils: '11223344595' }), { result: 'mismatch', reason: 'not_found' });
  assert.deepEqual(answerPassportCheck(REGISTRY_PERSONS, { ...q.passport, number: '000001' }), { result: 'mismatch', reason: 'not_found' });
  assert.deepEqual(answerPassportCheck(REGISTRY_PERSONS, { ...q.passport, issueDate: '2024-04-03' }), { result: 'mismatch', reason: 'not_found' });
  // name_mismatch: another person's document
  assert.deepEqual(answerSnilsCheck(REGISTRY_PERSONS, { ...other.snils, snils: q.snils.snils }), { result: 'mismatch', reason: 'name_mismatch' });
  assert.deepEqual(answerPassportCheck(REGISTRY_PERSONS, { ...q.passport, middleName: null }), { result: 'mismatch', reason: 'name_mismatch' });
  // birth_date_mismatch
  assert.deepEqual(answerSnilsCheck(REGISTRY_PERSONS, { ...q.snils, birthDate: '1979-03-15' }), { result: 'mismatch', reason: 'birth_date_mismatch' });
  assert.deepEqual(answerPassportCheck(REGISTRY_PERSONS, { ...q.passport, birthDate: '1980-03-14' }), { result: 'mismatch', reason: 'birth_date_mismatch' });
  // document_invalid: an old passport (replaced), and one never replaced at 45 (expired)
  const kozlova = REGISTRY_PERSONS[0]!;
  const old = kozlova.passports.find((p) => p.status === 'replaced')!;
  assert.deepEqual(answerPassportCheck(REGISTRY_PERSONS, { ...q.passport, series: old.series, number: old.number, issueDate: old.issueDate }), {
    result: 'mismatch',
    reason: 'document_invalid',
  });
  const morozova = REGISTRY_PERSONS.find((p) => p.passports.some((pp) => pp.status === 'expired'))!;
  const expired = morozova.passports[0]!;
  assert.deepEqual(
    answerPassportCheck(REGISTRY_PERSONS, {
      series: expired.series,
      number: expired.number,
      issueDate: expired.issueDate,
      lastName: morozova.lastName,
      firstName: morozova.firstName,
      middleName: morozova.middleName,
      birthDate: morozova.birthDate,
    }),
    { result: 'mismatch', reason: 'document_invalid' },
  );
});

test('names compare case-insensitively, with ё = е and spaces trimmed', () => {
  const fedorov = DEMO_PERSONS.find((p) => p.lastName === 'Фёдоров')!;
  const q = query(fedorov);
  const typed = { lastName: '  ФЕДОРОВ ', firstName: 'артем', middleName: 'сергеевич ' };
  assert.deepEqual(answerSnilsCheck(REGISTRY_PERSONS, { ...q.snils, ...typed }), { result: 'match' });
  assert.deepEqual(answerPassportCheck(REGISTRY_PERSONS, { ...q.passport, ...typed }), { result: 'match' });
  const li = REGISTRY_PERSONS.find((p) => p.middleName === null)!;
  const liPassport = li.passports.find((p) => p.status === 'valid')!;
  const base = { lastName: li.lastName, firstName: li.firstName, birthDate: li.birthDate };
  assert.deepEqual(answerSnilsCheck(REGISTRY_PERSONS, { snils: digits(li.snils), ...base, middleName: null }), { result: 'match' });
  assert.deepEqual(answerSnilsCheck(REGISTRY_PERSONS, { snils: digits(li.snils), ...base, middleName: '' }), { result: 'match' });
  assert.deepEqual(
    answerPassportCheck(REGISTRY_PERSONS, { series: liPassport.series, number: liPassport.number, issueDate: liPassport.issueDate, ...base, middleName: 'Ивановна' }),
    { result: 'mismatch', reason: 'name_mismatch' },
  );
});
