/**
 * The model editor's form as data: a model ↔ flat form fields, the editing
 * operations that work without JavaScript (add / remove a node, an input, a
 * level), and the checks that turn the typed text back into a model with
 * Russian messages next to the fields. Pure: no database, no HTTP.
 *
 * Field names are flat and unique, so an ordinary urlencoded form carries them:
 *   title                                  the model's title
 *   n<k>-id, -title, -formula, -max, -missing, -red, -yellow      node k
 *   n<k>-i<j>-name, -kind, -meaning, -min, -max, -items          input j of node k
 *   n<k>-i<j>-l<m>-value, -label                                 level m of a choice input
 *   s-<node id>-<input name>                                      a sample input of the preview
 * Indices are only keys: they need not be consecutive (the browser script adds
 * rows with the next free index), and the order on the page is their numeric order.
 */
import { canonicalJson } from '../../../platform/crypto.js';
import { formatNumberRu, tryParseFormula } from '../formula/index.js';
import { validateModel, type ModelIssue, type ScoringInputs } from '../evaluate-model.js';
import type { InputDef, MissingPolicy, ScoringModel, ScoringNode } from '../model.js';

export interface LevelForm {
  key: number;
  value: string;
  label: string;
}

export interface InputForm {
  key: number;
  name: string;
  kind: string;
  meaning: string;
  min: string;
  max: string;
  /** count: one requirement per line */
  items: string;
  levels: LevelForm[];
}

export interface NodeForm {
  key: number;
  id: string;
  title: string;
  formula: string;
  max: string;
  missing: string;
  red: string;
  yellow: string;
  inputs: InputForm[];
}

export interface ModelForm {
  title: string;
  nodes: NodeForm[];
}

export interface FormFieldError {
  field: string;
  message: string;
}

export const LIMITS = { nodes: 200, inputs: 20, levels: 20, items: 50, text: 500, formula: 2000, title: 300 } as const;

export const nodeField = (k: number | string, f: string) => `n${k}-${f}`;
export const inputField = (k: number | string, j: number | string, f: string) => `n${k}-i${j}-${f}`;
export const levelField = (k: number | string, j: number | string, m: number | string, f: string) => `n${k}-i${j}-l${m}-${f}`;
export const sampleField = (nodeId: string, input: string) => `s-${nodeId}-${input}`;

const MISSING: readonly MissingPolicy[] = ['propagate', 'skip', 'zero'];
const KINDS = ['number', 'choice', 'count'] as const;

/** A number as the form shows it: decimal comma. */
const num = (n: number | undefined) => (n === undefined ? '' : formatNumberRu(n).replace(/[\s\u00a0\u202f]/g, ''));

/** The form of a stored model. */
export function modelToForm(model: ScoringModel): ModelForm {
  return {
    title: model.title,
    nodes: model.nodes.map((n, k) => ({
      key: k,
      id: n.id,
      title: n.title,
      formula: n.formula,
      max: num(n.max),
      missing: n.missing,
      red: num(n.thresholds?.red),
      yellow: num(n.thresholds?.yellow),
      inputs: (n.inputs ?? []).map((d, j) => ({
        key: j,
        name: d.name,
        kind: d.kind,
        meaning: d.meaning,
        min: d.kind === 'number' ? num(d.min) : '',
        max: d.kind === 'number' ? num(d.max) : '',
        items: d.kind === 'count' ? d.items.join('\n') : '',
        levels: d.kind === 'choice' ? d.levels.map((l, m) => ({ key: m, value: num(l.value), label: l.label })) : [],
      })),
    })),
  };
}

const str = (body: Record<string, unknown>, name: string) => {
  const v = body[name];
  return typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '';
};

/** Numeric indices of the keys matching a pattern, sorted, at most `limit`. */
function indices(body: Record<string, unknown>, re: RegExp, limit: number): number[] {
  const out = new Set<number>();
  for (const k of Object.keys(body)) {
    const m = re.exec(k);
    if (m) out.add(Number(m[1]));
  }
  return [...out].filter((n) => Number.isSafeInteger(n)).sort((a, b) => a - b).slice(0, limit);
}

/** The form as typed (a form body: field name → text). */
export function formFromBody(body: Record<string, unknown>): ModelForm {
  const nodes: NodeForm[] = indices(body, /^n(\d{1,6})-id$/, LIMITS.nodes).map((k) => ({
    key: k,
    id: str(body, nodeField(k, 'id')),
    title: str(body, nodeField(k, 'title')),
    formula: str(body, nodeField(k, 'formula')),
    max: str(body, nodeField(k, 'max')),
    missing: str(body, nodeField(k, 'missing')),
    red: str(body, nodeField(k, 'red')),
    yellow: str(body, nodeField(k, 'yellow')),
    inputs: indices(body, new RegExp(`^n${k}-i(\\d{1,6})-name$`), LIMITS.inputs).map((j) => ({
      key: j,
      name: str(body, inputField(k, j, 'name')),
      kind: str(body, inputField(k, j, 'kind')),
      meaning: str(body, inputField(k, j, 'meaning')),
      min: str(body, inputField(k, j, 'min')),
      max: str(body, inputField(k, j, 'max')),
      items: str(body, inputField(k, j, 'items')),
      levels: indices(body, new RegExp(`^n${k}-i${j}-l(\\d{1,6})-value$`), LIMITS.levels).map((m) => ({
        key: m,
        value: str(body, levelField(k, j, m, 'value')),
        label: str(body, levelField(k, j, m, 'label')),
      })),
    })),
  }));
  return { title: str(body, 'title'), nodes };
}

const nextKey = (list: Array<{ key: number }>) => list.reduce((n, x) => Math.max(n, x.key + 1), 0);

export const blankLevel = (key: number): LevelForm => ({ key, value: '', label: '' });
export const blankInput = (key: number): InputForm => ({ key, name: '', kind: 'number', meaning: '', min: '0', max: '', items: '', levels: [blankLevel(0)] });
export const blankNode = (key: number): NodeForm => ({ key, id: '', title: '', formula: '', max: '100', missing: 'propagate', red: '50', yellow: '80', inputs: [] });

/**
 * An editing operation pressed without JavaScript: `add-node`, `remove-node:k`,
 * `add-input:k`, `remove-input:k:j`, `add-level:k:j`, `remove-level:k:j:m`.
 * Returns the changed form, or null when `op` is none of these.
 */
export function applyOp(form: ModelForm, op: string): ModelForm | null {
  const [name, ...rest] = op.split(':');
  const [k, j, m] = rest.map(Number);
  const node = (fn: (n: NodeForm) => NodeForm | null) => ({ ...form, nodes: form.nodes.flatMap((n) => (n.key === k ? (fn(n) ?? []) : [n])) });
  const input = (fn: (i: InputForm) => InputForm | null) => node((n) => ({ ...n, inputs: n.inputs.flatMap((i) => (i.key === j ? (fn(i) ?? []) : [i])) }));
  switch (name) {
    case 'add-node':
      return form.nodes.length >= LIMITS.nodes ? form : { ...form, nodes: [...form.nodes, blankNode(nextKey(form.nodes))] };
    case 'remove-node':
      return node(() => null);
    case 'add-input':
      return node((n) => (n.inputs.length >= LIMITS.inputs ? n : { ...n, inputs: [...n.inputs, blankInput(nextKey(n.inputs))] }));
    case 'remove-input':
      return input(() => null);
    case 'add-level':
      return input((i) => (i.levels.length >= LIMITS.levels ? i : { ...i, levels: [...i.levels, blankLevel(nextKey(i.levels))] }));
    case 'remove-level':
      return input((i) => ({ ...i, levels: i.levels.filter((l) => l.key !== m) }));
    default:
      return null;
  }
}

/** «12,5», «12.5», «1 000» → number; '' → undefined; anything else → NaN. */
export function parseNumberRu(text: string): number | undefined {
  const t = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.').replace('\u2212', '-');
  if (t === '') return undefined;
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
}

const NAME_RE = /^[A-Za-z\u0400-\u04FF_][A-Za-z\u0400-\u04FF_0-9]*(\.[A-Za-z\u0400-\u04FF_0-9]+)*$/;

/** Where the parser stopped, shown in the text: «(2 + 3▮». */
export function markPosition(text: string, position: number): string {
  return `${text.slice(0, position)}▮${text.slice(position)}`;
}

export interface CheckedForm {
  /** the model as typed, when every field is acceptable and validateModel finds nothing */
  model: ScoringModel | null;
  errors: FormFieldError[];
}

/**
 * Checks the typed form: every field on its own (Russian messages next to it),
 * then the model as a whole with validateModel (unknown reference, cycle,
 * duplicate id…), each issue put next to the field it is about.
 */
export function checkForm(form: ModelForm, meta: { key: string; version: number }): CheckedForm {
  const errors: FormFieldError[] = [];
  const add = (field: string, message: string) => {
    const found = errors.find((e) => e.field === field);
    if (found) {
      if (!found.message.includes(message)) found.message += `; ${message}`;
    } else errors.push({ field, message });
  };
  const title = form.title.trim();
  if (!title) add('title', 'Укажите название модели');
  else if (title.length > LIMITS.title) add('title', `Название длиннее ${LIMITS.title} символов`);
  if (form.nodes.length === 0) add('title', 'В модели нет ни одного показателя: добавьте показатель');

  const nodes: ScoringNode[] = [];
  for (const n of form.nodes) {
    const f = (name: string) => nodeField(n.key, name);
    const id = n.id.trim();
    const label = id || 'новый показатель';
    if (!id) add(f('id'), 'Укажите идентификатор показателя, например P2.9');
    else if (!NAME_RE.test(id) || id.length > 50) add(f('id'), `Идентификатор «${id}» не подходит: буквы, цифры, «_» и точки между ними, например P2.9`);
    const nodeTitle = n.title.trim();
    if (!nodeTitle) add(f('title'), `${label}: укажите название показателя`);
    else if (nodeTitle.length > LIMITS.text) add(f('title'), `${label}: название длиннее ${LIMITS.text} символов`);
    const formula = n.formula.trim();
    if (!formula) add(f('formula'), `${label}: укажите формулу, например A / B * 100`);
    else if (formula.length > LIMITS.formula) add(f('formula'), `${label}: формула длиннее ${LIMITS.formula} символов`);
    else {
      const parsed = tryParseFormula(n.formula);
      if (!parsed.ok) add(f('formula'), `${label}: ошибка в формуле — ${parsed.error.message.replace(/^Позиция/, 'позиция')} («${markPosition(n.formula, parsed.error.position)}»)`);
    }
    const max = parseNumberRu(n.max);
    if (max === undefined || Number.isNaN(max) || max <= 0) add(f('max'), `${label}: максимум — положительное число, например 100`);
    const missing = MISSING.find((m) => m === n.missing);
    if (!missing) add(f('missing'), `${label}: выберите, как учитывать отсутствующие значения`);
    const red = parseNumberRu(n.red);
    const yellow = parseNumberRu(n.yellow);
    let thresholds: ScoringNode['thresholds'];
    if (red !== undefined || yellow !== undefined) {
      const bad = (v: number | undefined) => v === undefined || Number.isNaN(v) || v < 0 || v > 100;
      if (bad(red)) add(f('red'), `${label}: порог «низкий» — число от 0 до 100 (процент максимума)`);
      if (bad(yellow)) add(f('yellow'), `${label}: порог «средний» — число от 0 до 100 (процент максимума)`);
      if (!bad(red) && !bad(yellow)) {
        if (red! > yellow!) add(f('yellow'), `${label}: порог «средний» не может быть меньше порога «низкий»`);
        thresholds = { red: red!, yellow: yellow! };
      }
    }

    const inputs: InputDef[] = [];
    for (const i of n.inputs) {
      const g = (name: string) => inputField(n.key, i.key, name);
      const name = i.name.trim();
      if (!name) add(g('name'), `${label}: укажите имя входного значения, например A`);
      else if (!NAME_RE.test(name) || name.length > 30) add(g('name'), `${label}: имя «${name}» не подходит: буквы, цифры и «_», например A или n`);
      const meaning = i.meaning.trim();
      if (!meaning) add(g('meaning'), `${label}: напишите, что означает ${name || 'входное значение'}`);
      else if (meaning.length > LIMITS.text) add(g('meaning'), `${label}: описание длиннее ${LIMITS.text} символов`);
      const kind = KINDS.find((x) => x === i.kind);
      if (!kind) {
        add(g('kind'), `${label}: выберите вид входного значения`);
        continue;
      }
      if (kind === 'number') {
        const lo = parseNumberRu(i.min);
        const hi = parseNumberRu(i.max);
        if (lo !== undefined && Number.isNaN(lo)) add(g('min'), `${label}: наименьшее значение ${name} — число или пусто`);
        if (hi !== undefined && Number.isNaN(hi)) add(g('max'), `${label}: наибольшее значение ${name} — число или пусто`);
        if (lo !== undefined && hi !== undefined && !Number.isNaN(lo) && !Number.isNaN(hi) && lo > hi) add(g('max'), `${label}: наибольшее значение ${name} меньше наименьшего`);
        const def: InputDef = { name, kind, meaning };
        if (lo !== undefined && !Number.isNaN(lo)) def.min = lo;
        if (hi !== undefined && !Number.isNaN(hi)) def.max = hi;
        inputs.push(def);
      } else if (kind === 'count') {
        const items = i.items.split(/\r?\n/).map((s) => s.trim()).filter(Boolean);
        if (items.length === 0) add(g('items'), `${label}: перечислите требования к ${name}, по одному в строке`);
        else if (items.length > LIMITS.items) add(g('items'), `${label}: требований больше ${LIMITS.items}`);
        inputs.push({ name, kind, meaning, of: items.length, items });
      } else {
        const levels: Array<{ value: number; label: string }> = [];
        for (const l of i.levels) {
          const h = (x: string) => levelField(n.key, i.key, l.key, x);
          if (!l.value.trim() && !l.label.trim()) continue; // an empty row is no level
          const value = parseNumberRu(l.value);
          if (value === undefined || Number.isNaN(value)) add(h('value'), `${label}: значение уровня ${name} — число, например 0,5`);
          if (!l.label.trim()) add(h('label'), `${label}: напишите, что означает уровень ${l.value.trim()}`);
          else if (l.label.trim().length > LIMITS.text) add(h('label'), `${label}: описание уровня длиннее ${LIMITS.text} символов`);
          if (value !== undefined && !Number.isNaN(value)) levels.push({ value, label: l.label.trim() });
        }
        const first = i.levels[0] ? levelField(n.key, i.key, i.levels[0].key, 'value') : g('kind');
        if (levels.length === 0 && !errors.some((e) => e.field.startsWith(`${g('')}l`))) add(first, `${label}: у ${name || 'выбора'} нет ни одного уровня`);
        inputs.push({ name, kind, meaning, levels });
      }
    }

    const node: ScoringNode = { id, title: nodeTitle, formula: n.formula.trim(), max: max ?? Number.NaN, missing: missing ?? 'propagate' };
    if (inputs.length) node.inputs = inputs;
    if (thresholds) node.thresholds = thresholds;
    nodes.push(node);
  }

  const model: ScoringModel = { id: meta.key, version: meta.version, title, nodes };
  if (errors.length) return { model: null, errors };
  for (const issue of validateModel(model)) {
    const field = issueField(form, issue);
    add(field, issue.message);
  }
  return errors.length ? { model: null, errors } : { model, errors };
}

/** The field an issue of validateModel belongs next to. */
function issueField(form: ModelForm, issue: ModelIssue): string {
  const same = form.nodes.filter((n) => n.id.trim() === issue.nodeId);
  if (same.length === 0) return 'title';
  if (issue.field === 'id') return nodeField((same[1] ?? same[0]!).key, 'id');
  const node = same[same.length - 1]!;
  if (issue.field === 'max') return nodeField(node.key, 'max');
  if (issue.field === 'input') {
    const matching = node.inputs.filter((i) => i.name.trim() === issue.input);
    const input = matching[matching.length - 1];
    if (input) return inputField(node.key, input.key, input.kind === 'count' ? 'items' : input.kind === 'choice' && input.levels[0] ? `l${input.levels[0].key}-value` : 'name');
  }
  return nodeField(node.key, 'formula');
}

/** The sample inputs typed in the preview, as text by field name (only the fields of `model`). */
export function samplesFromBody(model: ScoringModel, body: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of model.nodes) for (const d of n.inputs ?? []) out[sampleField(n.id, d.name)] = str(body, sampleField(n.id, d.name));
  return out;
}

/** Sample values from known inputs (a municipality's quarter) as the preview's text fields. */
export function samplesFromInputs(model: ScoringModel, inputs: ScoringInputs): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of model.nodes) {
    for (const d of n.inputs ?? []) {
      const v = inputs[n.id]?.[d.name];
      out[sampleField(n.id, d.name)] = typeof v === 'number' ? num(v) : '';
    }
  }
  return out;
}

/** The typed samples as inputs keyed by node id; texts that are not numbers become field errors. */
export function parseSamples(model: ScoringModel, samples: Record<string, string>): { inputs: ScoringInputs; errors: FormFieldError[] } {
  const inputs: ScoringInputs = {};
  const errors: FormFieldError[] = [];
  for (const n of model.nodes) {
    for (const d of n.inputs ?? []) {
      const field = sampleField(n.id, d.name);
      const text = samples[field] ?? '';
      const v = parseNumberRu(text);
      if (v === undefined) continue;
      if (Number.isNaN(v)) {
        errors.push({ field, message: `${n.id}: ${d.name} — введите число или оставьте пустым` });
        continue;
      }
      (inputs[n.id] ??= {})[d.name] = v;
    }
  }
  return { inputs, errors };
}

/** Only the inputs `model` has (a node or input the other version lacks is left out, not an error). */
export function inputsFor(model: ScoringModel, inputs: ScoringInputs): ScoringInputs {
  const out: ScoringInputs = {};
  for (const n of model.nodes) {
    for (const d of n.inputs ?? []) {
      const v = inputs[n.id]?.[d.name];
      if (v !== undefined) (out[n.id] ??= {})[d.name] = v;
    }
  }
  return out;
}

/** Node ids whose definition differs between two versions (changed, added, removed). */
export function changedNodes(before: ScoringModel, after: ScoringModel): { changed: string[]; added: string[]; removed: string[] } {
  const old = new Map(before.nodes.map((n) => [n.id, canonicalJson(n)]));
  const now = new Map(after.nodes.map((n) => [n.id, canonicalJson(n)]));
  return {
    changed: [...now].filter(([id, s]) => old.has(id) && old.get(id) !== s).map(([id]) => id),
    added: [...now.keys()].filter((id) => !old.has(id)),
    removed: [...old.keys()].filter((id) => !now.has(id)),
  };
}

/** The form as the flat fields a browser posts (the inverse of formFromBody). */
export function formToBody(form: ModelForm): Record<string, string> {
  const out: Record<string, string> = { title: form.title };
  for (const n of form.nodes) {
    for (const f of ['id', 'title', 'formula', 'max', 'missing', 'red', 'yellow'] as const) out[nodeField(n.key, f)] = n[f];
    for (const i of n.inputs) {
      for (const f of ['name', 'kind', 'meaning', 'min', 'max', 'items'] as const) out[inputField(n.key, i.key, f)] = i[f];
      for (const l of i.levels) {
        out[levelField(n.key, i.key, l.key, 'value')] = l.value;
        out[levelField(n.key, i.key, l.key, 'label')] = l.label;
      }
    }
  }
  return out;
}
