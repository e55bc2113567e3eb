import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import * as identifiers from './index.js';
import { IDENTIFIER_KINDS, checkIdentifier, isIdentifierKind } from './index.js';

describe('identifiers index', () => {
  test('IDENTIFIER_KINDS lists the six kinds in order', () => {
    assert.deepEqual([...IDENTIFIER_KINDS], ['snils', 'inn', 'ogrn', 'ogrnip', 'passport', 'phone']);
  });

  test('checkIdentifier dispatches every kind to its validator', () => {
    const valid: Record<(typeof IDENTIFIER_KINDS)[number], [string, string]> = {
      snils: ['112-233-445 95', '112-233-445 95'],
      inn: ['7707083893', '7707083893'],
      ogrn: ['1027700132195', '1027700132195'],
      ogrnip: ['304500116000157', '304500116000157'],
      passport: ['4509 123456', '45 09 123456'],
      phone: ['89141234567', '+7 914 123-45-67'],
    };
    for (const kind of IDENTIFIER_KINDS) {
      const [input, formatted] = valid[kind];
      const r = checkIdentifier(kind, input);
      assert.equal(r.valid && r.formatted, formatted, kind);
    }
  });

  test('checkIdentifier gives exactly what the kind\'s own validator gives', () => {
    const direct = {
      snils: identifiers.checkSnils,
      inn: identifiers.checkInn,
      ogrn: identifiers.checkOgrn,
      ogrnip: identifiers.checkOgrnip,
      passport: identifiers.checkPassport,
      phone: identifiers.checkPhone,
    };
    const inputs = ['abc', '', '12', '7707083893', '89141234567', '112-233-445 96'];
    for (const kind of IDENTIFIER_KINDS) {
      for (const input of inputs) assert.deepEqual(checkIdentifier(kind, input), direct[kind](input), `${kind} ${input}`);
    }
    // the validators word their refusals differently, so a swapped mapping would show above
    const reasons = IDENTIFIER_KINDS.map((kind) => {
      const r = direct[kind]('abc');
      return r.valid ? '' : r.reason;
    });
    assert.equal(new Set(reasons).size, IDENTIFIER_KINDS.length);
  });

  test('isIdentifierKind', () => {
    assert.equal(isIdentifierKind('snils'), true);
    assert.equal(isIdentifierKind('oktmo'), false);
    assert.equal(isIdentifierKind('SNILS'), false);
    assert.equal(isIdentifierKind(undefined), false);
  });

  test('re-exports every validator', () => {
    for (const name of [
      'checkSnils',
      'checkInn',
      'checkOgrn',
      'checkOgrnip',
      'checkPassport',
      'checkPassportSeries',
      'checkPassportNumber',
      'checkIssuerCode',
      'checkPassportIssueDate',
      'checkPhone',
      'checkOktmo',
      'oktmoMunicipalityType',
    ]) {
      assert.equal(typeof (identifiers as Record<string, unknown>)[name], 'function', name);
    }
  });
});
