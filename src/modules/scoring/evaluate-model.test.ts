import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateModel, ScoringModelError, validateModel } from './evaluate-model.js';
import type { ScoringModel } from './model.js';
import { KALGA_2018 } from './models/kalga-2018.js';
import { findModel } from './models/index.js';

const close = (actual: number | null, expected: number) => {
  assert.notEqual(actual, null);
  assert.ok(Math.abs(actual! - expected) < 1e-9, `${actual} ≠ ${expected}`);
};

test('the seed-002 model has every node of DOMAIN.md with its maximum and validates', () => {
  const ids = ['P', 'P1', 'P1.1', 'P1.1.1', 'P1.1.2', 'P1.2', 'P1.3', 'P2', 'P2.1', 'P2.2', 'P2.3', 'P2.4', 'P2.5', 'P2.6', 'P2.7', 'P2.8', 'P3', 'P3.1', 'P3.2', 'P3.3'];
  assert.deepEqual(KALGA_2018.nodes.map((n) => n.id).sort(), [...ids].sort());
  for (const n of KALGA_2018.nodes) assert.equal(n.max, n.id === 'P2.4' || n.id === 'P2.7' ? 50 : 100, n.id);
  assert.equal(KALGA_2018.nodes.find((n) => n.id === 'P2')!.formula, '(P2.1 + P2.2 + P2.3 + P2.4 + P2.5 + P2.6 + P2.7 + P2.8) / 7');
  assert.deepEqual(validateModel(KALGA_2018), []);
  assert.equal(findModel('kalga-2018'), KALGA_2018);
  assert.equal(findModel('nope'), undefined);
});

test('worked case 1: every node, computed by hand', () => {
  const r = evaluateModel(KALGA_2018, {
    'P1.1.1': { A: 40, B: 50 }, // 40 / 50 * 100 = 80
    'P1.1.2': { A: 90, B: 120 }, // 90 / 120 * 100 = 75
    'P1.2': { n: 3 }, // 3 * 0.25 * 100 = 75
    'P1.3': { A: 30, C: 40 }, // 30 / 40 * 100 = 75
    'P2.1': { A: 45, B: 60 }, // 75
    'P2.2': { n: 1 }, // 100
    'P2.3': { n: 0.5, m: 0.25 }, // (0.5 + 0.25) * 100 = 75
    'P2.4': { n: 0.5 }, // 50
    'P2.5': { n: 0.5 }, // 50
    'P2.6': { n: 1 }, // 100
    'P2.7': { n: 0.5 }, // 50
    'P2.8': { n: 0 }, // 0
    'P3.1': { n: 1 }, // 100
    'P3.2': { n: 0.5 }, // 50
    'P3.3': { n: 0 }, // 0
  });
  assert.deepEqual(r.errors, []);
  assert.equal(r.modelId, 'kalga-2018');
  assert.equal(r.version, 1);
  const v = (id: string) => r.nodes[id]!.value;
  assert.equal(v('P1.1.1'), 80);
  assert.equal(v('P1.1.2'), 75);
  assert.equal(v('P1.1'), 77.5); // (80 + 75) / 2
  assert.equal(v('P1.2'), 75);
  assert.equal(v('P1.3'), 75);
  close(v('P1'), 455 / 6); // (77.5 + 75 + 75) / 3 = 227.5 / 3 = 75.8333…
  close(v('P2'), 500 / 7); // (75 + 100 + 75 + 50 + 50 + 100 + 50 + 0) / 7 = 500 / 7 = 71.428…
  close(v('P3'), 50); // (100 + 50 + 0) / 3
  close(v('P'), 8285 / 126); // (455/6 + 500/7 + 50) / 3 = (3185 + 3000 + 2100) / 42 / 3 = 65.7539…

  assert.equal(r.nodes['P1']!.explanation, 'P1 = (P1.1 + P1.2 + P1.3) / 3 = (77,5 + 75 + 75) / 3 = 75,83');
  assert.equal(r.nodes['P']!.explanation, 'P = (P1 + P2 + P3) / 3 = (75,83 + 71,43 + 50) / 3 = 65,75');
  assert.equal(
    r.nodes['P1.1.1']!.explanation,
    'P1.1.1 = A / B * 100 = 40 / 50 * 100 = 80 (A = 40 — муниципальные служащие, зарегистрированные в ЕСИА; B = 50 — все муниципальные служащие)',
  );
  assert.equal(r.nodes['P1.2']!.explanation, 'P1.2 = n * 0.25 * 100 = 3 * 0,25 * 100 = 75 (n = 3 из 4 — выполнено требований к Центру обслуживания)');
  assert.equal(r.nodes['P2.2']!.explanation, 'P2.2 = n * 100 = 1 * 100 = 100 (n = 1 — информация на стендах: размещена и обновляется)');
  assert.deepEqual(r.nodes['P1.1.1']!.inputs, { A: 40, B: 50 });
  assert.equal(r.nodes['P1']!.inputs, undefined);
  assert.equal(r.nodes['P1']!.capped, undefined);
});

test('worked case 2: P2 reaches 100 with P2.4 = 50 and P2.7 = 50 (eight terms over 7)', () => {
  const r = evaluateModel(KALGA_2018, {
    'P2.1': { A: 10, B: 10 }, // 100
    'P2.2': { n: 1 }, // 100
    'P2.3': { n: 0.5, m: 0.5 }, // 100
    'P2.4': { n: 0.5 }, // 50 (its maximum)
    'P2.5': { n: 1 }, // 100
    'P2.6': { n: 1 }, // 100
    'P2.7': { n: 0.5 }, // 50 (its maximum)
    'P2.8': { n: 1 }, // 100
  });
  assert.deepEqual(r.errors, []);
  assert.equal(r.nodes['P2.4']!.value, 50);
  assert.equal(r.nodes['P2.4']!.max, 50);
  assert.equal(r.nodes['P2.7']!.value, 50);
  assert.equal(r.nodes['P2']!.value, 100); // 700 / 7
  assert.equal(r.nodes['P2']!.explanation, 'P2 = (P2.1 + P2.2 + P2.3 + P2.4 + P2.5 + P2.6 + P2.7 + P2.8) / 7 = (100 + 100 + 100 + 50 + 100 + 100 + 50 + 100) / 7 = 100');
  // P1 and P3 have no inputs: missing, and so is P (propagate).
  assert.equal(r.nodes['P1']!.value, null);
  assert.equal(r.nodes['P']!.value, null);
  assert.equal(r.nodes['P']!.explanation, 'P = (P1 + P2 + P3) / 3 = (нет данных + 100 + нет данных) / 3 = нет данных');
});

test('a score above its maximum is capped, and the parent uses the capped value', () => {
  const r = evaluateModel(KALGA_2018, {
    'P1.1.1': { A: 40, B: 50 },
    'P1.1.2': { A: 90, B: 120 },
    'P1.2': { n: 3 },
    'P1.3': { A: 60, C: 40 }, // 60 / 40 * 100 = 150 → 100
  });
  assert.equal(r.nodes['P1.3']!.value, 100);
  assert.equal(r.nodes['P1.3']!.capped, true);
  assert.match(r.nodes['P1.3']!.explanation, /^P1\.3 = A \/ C \* 100 = 60 \/ 40 \* 100 = 150 → 100 \(максимум\) \(A = 60 — /);
  close(r.nodes['P1']!.value, 252.5 / 3); // (77.5 + 75 + 100) / 3 = 84.1666…
  assert.equal(r.nodes['P1']!.explanation, 'P1 = (P1.1 + P1.2 + P1.3) / 3 = (77,5 + 75 + 100) / 3 = 84,17');
});

test('a zero denominator has no value and, under propagate, empties its ancestors', () => {
  const r = evaluateModel(KALGA_2018, { 'P1.1.1': { A: 0, B: 0 }, 'P1.1.2': { A: 90, B: 120 }, 'P1.2': { n: 4 }, 'P1.3': { A: 30, C: 40 } });
  assert.deepEqual(r.errors, []);
  assert.equal(r.nodes['P1.1.1']!.value, null);
  assert.match(r.nodes['P1.1.1']!.explanation, /^P1\.1\.1 = A \/ B \* 100 = 0 \/ 0 \* 100 = нет данных \(/);
  assert.equal(r.nodes['P1.1.2']!.value, 75);
  assert.equal(r.nodes['P1.2']!.value, 100);
  assert.equal(r.nodes['P1.1']!.value, null);
  assert.equal(r.nodes['P1']!.value, null);
  assert.equal(r.nodes['P']!.value, null);
  // A zero numerator is a real 0, not missing.
  assert.equal(evaluateModel(KALGA_2018, { 'P1.1.1': { A: 0, B: 50 } }).nodes['P1.1.1']!.value, 0);
});

const POLICY_MODEL: ScoringModel = {
  id: 'policies',
  version: 3,
  title: 'Политики пропусков',
  nodes: [
    { id: 'X', title: 'Доля', formula: 'a / b * 100', max: 100, missing: 'propagate', inputs: [{ name: 'a', kind: 'number', meaning: 'числитель', min: 0 }, { name: 'b', kind: 'number', meaning: 'знаменатель', min: 0 }] },
    { id: 'Y', title: 'Уровень', formula: 'c * 100', max: 100, missing: 'propagate', inputs: [{ name: 'c', kind: 'choice', meaning: 'уровень', levels: [{ value: 0, label: 'нет' }, { value: 0.6, label: 'частично' }, { value: 1, label: 'да' }] }] },
    { id: 'Z', title: 'Ноль', formula: '(X + Y) / 2', max: 100, missing: 'zero' },
    { id: 'S', title: 'Пропуск', formula: 'avg(X, Y)', max: 100, missing: 'skip' },
    { id: 'SA', title: 'Пропуск вне агрегата', formula: '(X + Y) / 2', max: 100, missing: 'skip' },
    { id: 'PR', title: 'Распространение', formula: 'avg(X, Y)', max: 100, missing: 'propagate' },
  ],
};

test('missing policies: zero counts 0, skip leaves it out of aggregates, propagate empties the node', () => {
  const r = evaluateModel(POLICY_MODEL, { X: { a: 5, b: 0 }, Y: { c: 0.6 } }); // X = 5 / 0 → no value; Y = 60
  assert.equal(r.version, 3);
  assert.equal(r.nodes['X']!.value, null);
  assert.equal(r.nodes['Y']!.value, 60);
  assert.equal(r.nodes['Z']!.value, 30); // (0 + 60) / 2
  assert.equal(r.nodes['Z']!.explanation, 'Z = (X + Y) / 2 = (0 + 60) / 2 = 30');
  assert.equal(r.nodes['S']!.value, 60); // avg of the present 60
  assert.equal(r.nodes['SA']!.value, null); // outside an aggregate a missing reference empties the node
  assert.equal(r.nodes['PR']!.value, null);
  // With everything present the policies agree.
  const full = evaluateModel(POLICY_MODEL, { X: { a: 1, b: 4 }, Y: { c: 1 } }); // X = 25, Y = 100
  for (const id of ['Z', 'S', 'SA', 'PR']) assert.equal(full.nodes[id]!.value, 62.5, id);
  // Input not given at all is missing too: Z counts X as 0.
  assert.equal(evaluateModel(POLICY_MODEL, { Y: { c: 1 } }).nodes['Z']!.value, 50);
});

test('invalid inputs are reported in Russian and make their nodes missing', () => {
  const r = evaluateModel(KALGA_2018, {
    'P1.1.1': { A: -1, B: 50 },
    'P1.2': { n: 5 },
    'P1.3': { A: 30, Z: 1 },
    'P2.2': { n: 0.7 },
    'P2.4': { n: 1 },
    'P2.8': { n: 'да' },
    'P3.1': { n: 1 },
    P1: { n: 1 },
    'P9.9': { A: 1 },
  });
  const messages = r.errors.map((e) => e.message);
  assert.deepEqual(messages, [
    'P1.1.1: A не может быть отрицательным',
    'P1.2: n не может быть больше 4 (всего требований: 4)',
    'P1.3: неизвестное входное значение «Z»; ожидаются A, C',
    'P2.2: n может быть 0; 0,5 или 1',
    'P2.4: n может быть 0 или 0,5',
    'P2.8: n должно быть числом',
    'P1 вычисляется по другим показателям и не принимает входных значений',
    'Неизвестный показатель «P9.9» в модели kalga-2018',
  ]);
  assert.deepEqual(r.errors[3], { nodeId: 'P2.2', input: 'n', message: 'P2.2: n может быть 0; 0,5 или 1' });
  for (const id of ['P1.1.1', 'P1.2', 'P1.3', 'P2.2', 'P2.4', 'P2.8']) {
    assert.equal(r.nodes[id]!.value, null, id);
    assert.match(r.nodes[id]!.explanation, /неверные входные данные/, id);
  }
  assert.equal(r.nodes['P3.1']!.value, 100); // valid inputs still count
  assert.equal(evaluateModel(KALGA_2018, { 'P1.2': { n: 2.5 } }).errors[0]!.message, 'P1.2: n должно быть целым числом');
});

test('validateModel catches cycles, unknown references, syntax errors and name clashes; evaluateModel refuses such a model', () => {
  const cyclic: ScoringModel = {
    id: 'cyclic',
    version: 1,
    title: 'Цикл',
    nodes: [
      { id: 'A', title: 'А', formula: 'B + 1', max: 100, missing: 'propagate' },
      { id: 'B', title: 'Б', formula: 'C * 2', max: 100, missing: 'propagate' },
      { id: 'C', title: 'В', formula: 'A / 2', max: 100, missing: 'propagate' },
      { id: 'D', title: 'Г', formula: 'E + 1', max: 100, missing: 'propagate' },
    ],
  };
  const issues = validateModel(cyclic);
  assert.deepEqual(
    issues.map((i) => i.message),
    ['D: формула ссылается на неизвестное имя «E»', 'Циклическая зависимость: A → B → C → A'],
  );
  assert.throws(() => evaluateModel(cyclic, {}), (e: unknown) => e instanceof ScoringModelError && /Циклическая зависимость/.test(e.message));

  const broken: ScoringModel = {
    id: 'broken',
    version: 1,
    title: 'Ошибки',
    nodes: [
      { id: 'A', title: 'А', formula: '(x + ', max: 100, missing: 'propagate', inputs: [{ name: 'x', kind: 'number', meaning: 'икс' }] },
      { id: 'B', title: 'Б', formula: 'A + 1', max: 0, missing: 'propagate', inputs: [{ name: 'A', kind: 'number', meaning: 'совпадает с показателем' }] },
      { id: 'A', title: 'А2', formula: '1', max: 100, missing: 'propagate' },
    ],
  };
  const messages = validateModel(broken).map((i) => i.message);
  assert.ok(messages.includes('Показатель «A» описан дважды'), messages.join('\n'));
  assert.ok(messages.includes('B: максимум должен быть положительным числом'), messages.join('\n'));
  assert.ok(messages.includes('B: имя входного значения «A» совпадает с идентификатором показателя'), messages.join('\n'));
  const self: ScoringModel = { id: 's', version: 1, title: 'С', nodes: [{ id: 'A', title: 'А', formula: '(x + ', max: 100, missing: 'propagate', inputs: [{ name: 'x', kind: 'number', meaning: 'икс' }] }] };
  assert.match(validateModel(self)[0]!.message, /^A: ошибка в формуле «\(x \+ » — позиция \d+: /);
});
