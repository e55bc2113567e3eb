/**
 * Validating a scoring model and evaluating it on inputs keyed by node id:
 * `{"P1.1.1": {"A": 40, "B": 50}, "P1.2": {"n": 3}, …}`.
 *
 * Nodes are evaluated in dependency order; each node's score is capped at its
 * maximum and explains itself: «P1 = (P1.1 + P1.2 + P1.3) / 3 = (77,5 + 75 + 75) / 3 = 75,83».
 * Missing values follow the node's `missing` policy (see model.ts).
 */
import { evaluate, explain, formatNumberRu, MISSING_TEXT, references, tryParseFormula, type Ast } from './formula/index.js';
import type { InputDef, ScoringModel, ScoringNode } from './model.js';

/** A problem in the model itself (found when the model is loaded). */
export interface ModelIssue {
  nodeId?: string;
  message: string;
  /** Which part of the node is wrong, for editors that show the message next to the field. */
  field?: 'id' | 'max' | 'formula' | 'input';
  /** With field 'input': the input's name. */
  input?: string;
}

/** A problem in the inputs of one evaluation. */
export interface InputError {
  nodeId: string;
  input?: string;
  message: string;
}

export interface NodeResult {
  title: string;
  value: number | null;
  max: number;
  explanation: string;
  /** The formula gave more than the maximum; `value` is the maximum. */
  capped?: boolean;
  /** Leaf inputs as used (null: not given or invalid). */
  inputs?: Record<string, number | null>;
}

export interface ModelEvaluation {
  modelId: string;
  version: number;
  nodes: Record<string, NodeResult>;
  errors: InputError[];
}

/** Inputs keyed by node id, then input name. Values are checked at run time (they come from JSON). */
export type ScoringInputs = Record<string, Record<string, unknown>>;

export class ScoringModelError extends Error {
  constructor(
    public readonly modelId: string,
    public readonly issues: ModelIssue[],
  ) {
    super(`Модель ${modelId} описана с ошибками: ${issues.map((i) => i.message).join('; ')}`);
    this.name = 'ScoringModelError';
  }
}

interface CompiledModel {
  model: ScoringModel;
  asts: Map<string, Ast>;
  /** Node ids, every node after the nodes it references. */
  order: string[];
}

/** Checks a model: unique ids, valid formulas, known references, inputs, no cycles. Returns the problems (empty: valid). */
export function validateModel(model: ScoringModel): ModelIssue[] {
  return compile(model).issues;
}

function compile(model: ScoringModel): { compiled: CompiledModel | null; issues: ModelIssue[] } {
  const issues: ModelIssue[] = [];
  const byId = new Map<string, ScoringNode>();
  for (const node of model.nodes) {
    if (byId.has(node.id)) issues.push({ nodeId: node.id, field: 'id', message: `Показатель «${node.id}» описан дважды` });
    byId.set(node.id, node);
  }

  const asts = new Map<string, Ast>();
  const deps = new Map<string, string[]>();
  for (const node of byId.values()) {
    if (!Number.isFinite(node.max) || node.max <= 0) issues.push({ nodeId: node.id, field: 'max', message: `${node.id}: максимум должен быть положительным числом` });
    const inputNames = new Set<string>();
    for (const input of node.inputs ?? []) {
      if (inputNames.has(input.name)) issues.push({ nodeId: node.id, field: 'input', input: input.name, message: `${node.id}: входное значение «${input.name}» описано дважды` });
      inputNames.add(input.name);
      if (byId.has(input.name)) issues.push({ nodeId: node.id, field: 'input', input: input.name, message: `${node.id}: имя входного значения «${input.name}» совпадает с идентификатором показателя` });
      issues.push(...inputDefIssues(node.id, input));
    }
    const parsed = tryParseFormula(node.formula);
    if (!parsed.ok) {
      issues.push({ nodeId: node.id, field: 'formula', message: `${node.id}: ошибка в формуле «${node.formula}» — позиция ${parsed.error.position}: ${parsed.error.message}` });
      continue;
    }
    asts.set(node.id, parsed.ast);
    const nodeDeps: string[] = [];
    for (const name of references(parsed.ast)) {
      if (inputNames.has(name)) continue;
      if (byId.has(name)) nodeDeps.push(name);
      else issues.push({ nodeId: node.id, field: 'formula', message: `${node.id}: формула ссылается на неизвестное имя «${name}»` });
    }
    deps.set(node.id, nodeDeps);
  }

  // Depth-first topological order; a grey node met again closes a cycle.
  const state = new Map<string, 'grey' | 'black'>();
  const order: string[] = [];
  const reported = new Set<string>();
  const visit = (id: string, path: string[]): void => {
    const s = state.get(id);
    if (s === 'black') return;
    if (s === 'grey') {
      const cycle = [...path.slice(path.indexOf(id)), id];
      const key = [...new Set(cycle)].sort().join(' ');
      if (!reported.has(key)) {
        reported.add(key);
        issues.push({ nodeId: id, field: 'formula', message: `Циклическая зависимость: ${cycle.join(' → ')}` });
      }
      return;
    }
    state.set(id, 'grey');
    for (const d of deps.get(id) ?? []) visit(d, [...path, id]);
    state.set(id, 'black');
    order.push(id);
  };
  for (const id of byId.keys()) visit(id, []);

  return { compiled: issues.length ? null : { model, asts, order }, issues };
}

function inputDefIssues(nodeId: string, input: InputDef): ModelIssue[] {
  const out: ModelIssue[] = [];
  if (input.kind === 'choice') {
    if (input.levels.length === 0) out.push({ nodeId, field: 'input', input: input.name, message: `${nodeId}: у «${input.name}» нет ни одного уровня` });
    const values = input.levels.map((l) => l.value);
    if (new Set(values).size !== values.length) out.push({ nodeId, field: 'input', input: input.name, message: `${nodeId}: у «${input.name}» повторяются значения уровней` });
  } else if (input.kind === 'count') {
    if (!Number.isInteger(input.of) || input.of <= 0) out.push({ nodeId, field: 'input', input: input.name, message: `${nodeId}: у «${input.name}» число требований должно быть целым положительным` });
    else if (input.items.length !== input.of) out.push({ nodeId, field: 'input', input: input.name, message: `${nodeId}: у «${input.name}» перечислено требований ${input.items.length}, а должно быть ${input.of}` });
  } else if (input.min !== undefined && input.max !== undefined && input.min > input.max) {
    out.push({ nodeId, field: 'input', input: input.name, message: `${nodeId}: у «${input.name}» минимум больше максимума` });
  }
  return out;
}

const compiledCache = new WeakMap<ScoringModel, CompiledModel>();

/** The validated, parsed model; throws ScoringModelError when the model is invalid. */
export function loadModel(model: ScoringModel): CompiledModel {
  const cached = compiledCache.get(model);
  if (cached) return cached;
  const { compiled, issues } = compile(model);
  if (!compiled) throw new ScoringModelError(model.id, issues);
  compiledCache.set(model, compiled);
  return compiled;
}

/** «0; 0,5 или 1» */
function listRu(values: number[]): string {
  const s = values.map(formatNumberRu);
  return s.length <= 1 ? (s[0] ?? '') : `${s.slice(0, -1).join('; ')} или ${s[s.length - 1]}`;
}

/** Why an input value is not acceptable; null when it is. */
function inputProblem(nodeId: string, def: InputDef, value: unknown): string | null {
  const who = `${nodeId}: ${def.name}`;
  if (typeof value !== 'number' || !Number.isFinite(value)) return `${who} должно быть числом`;
  switch (def.kind) {
    case 'choice':
      return def.levels.some((l) => Math.abs(l.value - value) < 1e-9) ? null : `${who} может быть ${listRu(def.levels.map((l) => l.value))}`;
    case 'count':
      if (value < 0) return `${who} не может быть отрицательным`;
      if (!Number.isInteger(value)) return `${who} должно быть целым числом`;
      if (value > def.of) return `${who} не может быть больше ${def.of} (всего требований: ${def.of})`;
      return null;
    case 'number':
      if (def.min !== undefined && value < def.min) return def.min === 0 ? `${who} не может быть отрицательным` : `${who} не может быть меньше ${formatNumberRu(def.min)}`;
      if (def.max !== undefined && value > def.max) return `${who} не может быть больше ${formatNumberRu(def.max)}`;
      return null;
  }
}

/** «A = 40 — муниципальные служащие…», «n = 0,5 — информация на стендах: размещена, не обновляется», «n = 3 из 4 — …». */
function describeInput(def: InputDef, value: number | null): string {
  if (value === null) return `${def.name} = ${MISSING_TEXT} — ${def.meaning}`;
  const v = formatNumberRu(value);
  switch (def.kind) {
    case 'number':
      return `${def.name} = ${v} — ${def.meaning}`;
    case 'count':
      return `${def.name} = ${v} из ${def.of} — ${def.meaning}`;
    case 'choice': {
      const level = def.levels.find((l) => Math.abs(l.value - value) < 1e-9);
      return `${def.name} = ${v} — ${def.meaning}${level ? `: ${level.label}` : ''}`;
    }
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Evaluates every node of the model. Invalid inputs are reported in `errors`
 * and make their nodes missing (value null); the rest is still evaluated.
 * Throws ScoringModelError when the model itself is invalid.
 */
export function evaluateModel(model: ScoringModel, inputs: ScoringInputs): ModelEvaluation {
  const { asts, order } = loadModel(model);
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const errors: InputError[] = [];

  // Check the inputs: known nodes, known input names, acceptable values.
  const given = new Map<string, Record<string, number | null>>();
  const invalidNodes = new Set<string>();
  for (const [nodeId, values] of Object.entries(isPlainObject(inputs) ? inputs : {})) {
    const node = byId.get(nodeId);
    if (!node) {
      errors.push({ nodeId, message: `Неизвестный показатель «${nodeId}» в модели ${model.id}` });
      continue;
    }
    const defs = node.inputs ?? [];
    if (defs.length === 0) {
      errors.push({ nodeId, message: `${nodeId} вычисляется по другим показателям и не принимает входных значений` });
      continue;
    }
    if (!isPlainObject(values)) {
      errors.push({ nodeId, message: `${nodeId}: входные значения задаются объектом, например {"${defs[0]!.name}": 1}` });
      invalidNodes.add(nodeId);
      continue;
    }
    const accepted: Record<string, number | null> = {};
    for (const [name, value] of Object.entries(values)) {
      const def = defs.find((d) => d.name === name);
      if (!def) {
        errors.push({ nodeId, input: name, message: `${nodeId}: неизвестное входное значение «${name}»; ожидаются ${defs.map((d) => d.name).join(', ')}` });
        invalidNodes.add(nodeId);
        continue;
      }
      const problem = inputProblem(nodeId, def, value);
      if (problem) {
        errors.push({ nodeId, input: name, message: problem });
        invalidNodes.add(nodeId);
        accepted[name] = null;
      } else accepted[name] = value as number;
    }
    given.set(nodeId, accepted);
  }

  const values = new Map<string, number | null>();
  const results = new Map<string, NodeResult>();
  for (const id of order) {
    const node = byId.get(id)!;
    const ast = asts.get(id)!;
    const defs = node.inputs ?? [];
    const own = given.get(id) ?? {};
    const inputValues: Record<string, number | null> = {};
    for (const d of defs) inputValues[d.name] = own[d.name] ?? null;

    const resolve = (name: string): number | null => {
      const v = name in inputValues ? inputValues[name]! : (values.get(name) ?? null);
      return v === null && node.missing === 'zero' ? 0 : v;
    };
    const options = { missingPolicy: node.missing };
    const inputNote = defs.length ? ` (${defs.map((d) => describeInput(d, inputValues[d.name]!)).join('; ')})` : '';
    const head = `${id} = ${node.formula.trim()} = `;

    let value: number | null;
    let explanation: string;
    let capped = false;
    if (invalidNodes.has(id)) {
      value = null;
      explanation = `${head}${MISSING_TEXT}: неверные входные данные${inputNote}`;
    } else {
      const raw = evaluate(ast, resolve, options);
      const derivation = explain(ast, resolve, options);
      if (raw !== null && raw > node.max) {
        value = node.max;
        capped = true;
        explanation = `${head}${derivation} → ${formatNumberRu(node.max)} (максимум)${inputNote}`;
      } else {
        value = raw;
        explanation = `${head}${derivation}${inputNote}`;
      }
    }
    values.set(id, value);
    const result: NodeResult = { title: node.title, value, max: node.max, explanation };
    if (capped) result.capped = true;
    if (defs.length) result.inputs = inputValues;
    results.set(id, result);
  }

  // Report nodes in the model's order.
  const nodes: Record<string, NodeResult> = {};
  for (const node of model.nodes) nodes[node.id] = results.get(node.id)!;
  return { modelId: model.id, version: model.version, nodes, errors };
}
