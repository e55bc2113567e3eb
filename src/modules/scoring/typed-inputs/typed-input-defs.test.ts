import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KALGA_2018 } from '../models/kalga-2018.js';
import { findTypable, parseNumberRu, parseTypedValue, typableInputs, typedMode } from './typed-input-defs.js';

test('kalga-2018: what is typed, what is an override, what the system fills', () => {
  const list = typableInputs(KALGA_2018).map((t) => `${t.node.id}:${t.def.name}:${t.mode}`);
  assert.deepEqual(list, ['P1.1.1:A:typed', 'P1.1.1:B:override', 'P1.1.2:A:typed', 'P1.1.2:B:override', 'P2.1:A:override', 'P2.1:B:override', 'P2.7:n:typed', 'P3.3:n:typed']);
  assert.equal(typedMode('P1.3', 'C'), null);
  assert.equal(typedMode('P2.2', 'n'), null);
  assert.equal(typedMode('P9.9', 'x'), 'typed', 'an input a region adds is typed');
});

test('numbers in Russian notation', () => {
  assert.equal(parseNumberRu('1 234,5'), 1234.5);
  assert.equal(parseNumberRu('40'), 40);
  assert.equal(parseNumberRu('0.5'), 0.5);
  assert.equal(parseNumberRu('сорок'), null);
  assert.equal(parseNumberRu('4e3'), null);
});

test('typed values are checked against the input definition', () => {
  const a = findTypable(KALGA_2018, 'P1.1.1', 'A')!.def;
  assert.deepEqual(parseTypedValue(a, '40'), { value: 40 });
  assert.deepEqual(parseTypedValue(a, ''), { problem: { code: 'errValueRequired' } });
  assert.deepEqual(parseTypedValue(a, '-1'), { problem: { code: 'errValueMin', vars: { min: '0' } } });
  assert.deepEqual(parseTypedValue(a, 'много'), { problem: { code: 'errValueNumber' } });
  const p27 = findTypable(KALGA_2018, 'P2.7', 'n')!.def;
  assert.deepEqual(parseTypedValue(p27, '0.5'), { value: 0.5 });
  assert.deepEqual(parseTypedValue(p27, '1'), { problem: { code: 'errValueLevel' } }, 'P2.7 tops out at 0,5');
  assert.equal(findTypable(KALGA_2018, 'P1.3', 'A'), null);
});
