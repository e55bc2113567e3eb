import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkOktmo, oktmoMunicipalityType } from './oktmo.js';

describe('checkOktmo', () => {
  test('8 and 11 digits are valid', () => {
    assert.deepEqual(checkOktmo('45301000'), { valid: true, normalized: '45301000', formatted: '45301000' });
    assert.deepEqual(checkOktmo('46 648 101 001'), { valid: true, normalized: '46648101001', formatted: '46648101001' });
  });

  test('other lengths, letters and empty input', () => {
    for (const input of ['4530100', '453010000', '4664810100', '466481010010']) {
      const r = checkOktmo(input);
      assert.equal(!r.valid && r.code, 'length', input);
    }
    const r = checkOktmo('4530100O');
    assert.equal(!r.valid && r.code, 'format');
    const e = checkOktmo('');
    assert.equal(!e.valid && e.reason, 'Поле не заполнено.');
  });

  test('property: formatting then re-checking is idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 0, max: 99_999_999 }).map((n) => String(n).padStart(8, '0')), fc.integer({ min: 0, max: 99_999_999_999 }).map((n) => String(n).padStart(11, '0'))), (code) => {
        const first = checkOktmo(code);
        if (!first.valid) return false;
        const again = checkOktmo(first.formatted);
        return again.valid && again.normalized === code && again.formatted === first.formatted;
      }),
    );
  });
});

describe('oktmoMunicipalityType', () => {
  test('the third digit tells the kind of municipality', () => {
    assert.equal(oktmoMunicipalityType('46648000'), 'municipal_district');
    assert.equal(oktmoMunicipalityType('46648101001'), 'municipal_district');
    assert.equal(oktmoMunicipalityType('46740000'), 'urban_district');
    assert.equal(oktmoMunicipalityType('46550000'), 'municipal_okrug');
  });

  test('other third digits and invalid codes give null', () => {
    for (const code of ['45000000', '45301000', '40380000', '46848000', '46948000', '4664800', 'abc', '']) {
      assert.equal(oktmoMunicipalityType(code), null, code);
    }
  });
});
