import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KALGA_2018 } from '../models/kalga-2018.js';
import { applyOp, checkForm, formFromBody, formToBody, modelToForm, parseNumberRu } from './model-form.js';

const meta = { key: 'kalga-2018', version: 2 };
const body = () => formToBody(modelToForm(KALGA_2018));
const indexOf = (id: string) => KALGA_2018.nodes.findIndex((n) => n.id === id);

test('the seed-002 model goes through the form and comes back the same', () => {
  const checked = checkForm(formFromBody(body()), meta);
  assert.deepEqual(checked.errors, []);
  assert.deepEqual(checked.model, { ...KALGA_2018, version: 2 });
});

test('decimal commas and spaces are numbers; other text is not', () => {
  assert.equal(parseNumberRu('0,5'), 0.5);
  assert.equal(parseNumberRu(' 1 000 '), 1000);
  assert.equal(parseNumberRu('−2'), -2);
  assert.equal(parseNumberRu(''), undefined);
  assert.ok(Number.isNaN(parseNumberRu('пять')!));
  assert.ok(Number.isNaN(parseNumberRu('1,2,3')!));
});

test('a formula syntax error is reported next to the formula with the parser position', () => {
  const b = body();
  const k = indexOf('P1');
  b[`n${k}-formula`] = '(P1.1 + P1.2 + P1.3 / 3';
  const checked = checkForm(formFromBody(b), meta);
  assert.equal(checked.model, null);
  assert.equal(checked.errors.length, 1);
  assert.equal(checked.errors[0]!.field, `n${k}-formula`);
  // the parser stops at the end of the text (23 characters) looking for «)»
  assert.equal(checked.errors[0]!.message, 'P1: ошибка в формуле — позиция 23: ожидалась закрывающая скобка («(P1.1 + P1.2 + P1.3 / 3▮»)');
});

test('model issues land next to their fields: unknown reference, cycle, duplicate id, bad levels', () => {
  const b = body();
  b[`n${indexOf('P2')}-formula`] = 'avg(P2.1, P2.9)';
  b[`n${indexOf('P3.3')}-formula`] = 'P3 + n';
  b[`n${indexOf('P3.2')}-id`] = 'P3.1';
  const k = indexOf('P2.2');
  b[`n${k}-i0-l1-value`] = '0';
  const { model, errors } = checkForm(formFromBody(b), meta);
  assert.equal(model, null);
  const at = (field: string) => errors.find((e) => e.field === field)?.message ?? '';
  assert.match(at(`n${indexOf('P2')}-formula`), /неизвестное имя «P2\.9»/);
  // the cycle is reported at the node where it closes: P3 → P3.3 → P3
  assert.match(at(`n${indexOf('P3')}-formula`), /Циклическая зависимость: P3 → P3\.3 → P3/);
  assert.match(at(`n${indexOf('P3.2')}-id`), /«P3\.1» описан дважды/);
  assert.match(at(`n${k}-i0-l0-value`), /повторяются значения уровней/);
});

test('field checks: empty id and title, non-positive max, thresholds out of order, a choice without levels', () => {
  const b = body();
  const k = indexOf('P2.4');
  b[`n${k}-id`] = '';
  b[`n${k}-title`] = '  ';
  b[`n${k}-max`] = '0';
  b[`n${k}-red`] = '90';
  b[`n${k}-yellow`] = '80';
  b[`n${k}-i0-l0-value`] = '';
  b[`n${k}-i0-l0-label`] = '';
  b[`n${k}-i0-l1-value`] = '';
  b[`n${k}-i0-l1-label`] = '';
  const { errors } = checkForm(formFromBody(b), meta);
  const fields = errors.map((e) => e.field).sort();
  assert.deepEqual(fields, [`n${k}-i0-l0-value`, `n${k}-id`, `n${k}-max`, `n${k}-title`, `n${k}-yellow`].sort());
  assert.match(errors.find((e) => e.field === `n${k}-yellow`)!.message, /не может быть меньше порога «низкий»/);
});

test('operations without JavaScript add and remove nodes, inputs and levels', () => {
  const form = modelToForm(KALGA_2018);
  const added = applyOp(form, 'add-node')!;
  assert.equal(added.nodes.length, 21);
  assert.equal(added.nodes[20]!.key, 20);
  const k = indexOf('P2.2');
  const withInput = applyOp(form, `add-input:${k}`)!;
  assert.equal(withInput.nodes[k]!.inputs.length, 2);
  const withLevel = applyOp(form, `add-level:${k}:0`)!;
  assert.equal(withLevel.nodes[k]!.inputs[0]!.levels.length, 4);
  assert.equal(withLevel.nodes[k]!.inputs[0]!.levels[3]!.key, 3);
  const noLevel = applyOp(form, `remove-level:${k}:0:1`)!;
  assert.deepEqual(noLevel.nodes[k]!.inputs[0]!.levels.map((l) => l.value), ['0', '1']);
  const noInput = applyOp(form, `remove-input:${k}:0`)!;
  assert.equal(noInput.nodes[k]!.inputs.length, 0);
  const noNode = applyOp(form, `remove-node:${k}`)!;
  assert.equal(noNode.nodes.length, 19);
  assert.ok(!noNode.nodes.some((n) => n.id === 'P2.2'));
  assert.equal(applyOp(form, 'drop-table'), null);
  // Removing P2.2 leaves P2 referring to it: the check says so.
  assert.match(checkForm(noNode, meta).errors.map((e) => e.message).join('\n'), /неизвестное имя «P2\.2»/);
});

test('a count input takes its requirements one per line; the number of them is `of`', () => {
  const b = body();
  const k = indexOf('P1.2');
  b[`n${k}-i0-items`] = 'бейдж\n\nграфик\r\nвывеска';
  const { model, errors } = checkForm(formFromBody(b), meta);
  assert.deepEqual(errors, []);
  const def = model!.nodes[k]!.inputs![0]!;
  assert.deepEqual(def, { name: 'n', kind: 'count', meaning: 'выполнено требований к Центру обслуживания', of: 3, items: ['бейдж', 'график', 'вывеска'] });
});
