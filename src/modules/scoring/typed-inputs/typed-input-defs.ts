/**
 * Which inputs of a model are typed in with evidence, and how a typed value is
 * checked against the model's input definition.
 *
 * - SYSTEM_FILLED: inputs the system fills from its records (materials, events,
 *   the portal's accounts, the region's targets, the centre checks) — not typed;
 *   a wrong figure is fixed where it comes from.
 * - OVERRIDABLE: portal figures a typed value may replace, with evidence — the
 *   headcounts B of P1.1.1 and P1.1.2 (organisations.employees may be missing or
 *   «условные данные»), and P2.1 A and B, counted from the reception visit log
 *   (a desk that keeps a paper log types its figures). The page shows both.
 * - every other input of the model is typed: in kalga-2018 P1.1.1 A, P1.1.2 A
 *   (until the reception issue records which employees are registered), P2.7 n, P3.3 n; in a model the region
 *   edited, any new input.
 */
import type { InputDef, ScoringModel, ScoringNode } from '../model.js';
import { formatNumberRu } from '../formula/index.js';

const key = (nodeId: string, input: string) => `${nodeId}:${input}`;

export const SYSTEM_FILLED: ReadonlySet<string> = new Set(
  ['P1.2:n', 'P1.3:A', 'P1.3:C', 'P2.2:n', 'P2.3:n', 'P2.3:m', 'P2.4:n', 'P2.5:n', 'P2.6:n', 'P2.8:n', 'P3.1:n', 'P3.2:n'],
);
export const OVERRIDABLE: ReadonlySet<string> = new Set(['P1.1.1:B', 'P1.1.2:B', 'P2.1:A', 'P2.1:B']);

export type TypedMode = 'typed' | 'override';

/** 'typed' (the system does not know it), 'override' (typed over a portal figure) or null (not typed). */
export function typedMode(nodeId: string, input: string): TypedMode | null {
  const k = key(nodeId, input);
  if (OVERRIDABLE.has(k)) return 'override';
  if (SYSTEM_FILLED.has(k)) return null;
  return 'typed';
}

export interface TypableInput {
  node: ScoringNode;
  def: InputDef;
  mode: TypedMode;
}

/** Every input of the model that may be typed, in the model's order. */
export function typableInputs(model: ScoringModel): TypableInput[] {
  const out: TypableInput[] = [];
  for (const node of model.nodes) {
    for (const def of node.inputs ?? []) {
      const mode = typedMode(node.id, def.name);
      if (mode) out.push({ node, def, mode });
    }
  }
  return out;
}

export function findTypable(model: ScoringModel, nodeId: string, input: string): TypableInput | null {
  return typableInputs(model).find((t) => t.node.id === nodeId && t.def.name === input) ?? null;
}

/** The form's field prefix of an input: 'P1.1.1-A' (ids field-P1.1.1-A-value…, unique on the page). */
export const inputFormKey = (nodeId: string, input: string) => `${nodeId}-${input}`;

export type ValueProblem =
  | { code: 'errValueRequired' }
  | { code: 'errValueNumber' }
  | { code: 'errValueMin'; vars: { min: string } }
  | { code: 'errValueMax'; vars: { max: string } }
  | { code: 'errValueLevel' }
  | { code: 'errValueCount'; vars: { of: number } }
  | { code: 'errValueTooBig' };

/** Largest figure accepted for a number input without a maximum (more people than live in Russia is a typo). */
export const NUMBER_CEILING = 200_000_000;

/** '1 234,5' → 1234.5; null when it is not a number. */
export function parseNumberRu(text: string): number | null {
  const s = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** The typed text checked against the input's definition: the value, or what is wrong (to translate). */
export function parseTypedValue(def: InputDef, text: string): { value: number } | { problem: ValueProblem } {
  if (!text.trim()) return { problem: { code: 'errValueRequired' } };
  const value = parseNumberRu(text);
  if (value === null) return { problem: def.kind === 'choice' ? { code: 'errValueLevel' } : { code: 'errValueNumber' } };
  switch (def.kind) {
    case 'choice':
      return def.levels.some((l) => Math.abs(l.value - value) < 1e-9) ? { value } : { problem: { code: 'errValueLevel' } };
    case 'count':
      return Number.isInteger(value) && value >= 0 && value <= def.of ? { value } : { problem: { code: 'errValueCount', vars: { of: def.of } } };
    case 'number':
      if (def.min !== undefined && value < def.min) return { problem: { code: 'errValueMin', vars: { min: formatNumberRu(def.min) } } };
      if (def.max !== undefined && value > def.max) return { problem: { code: 'errValueMax', vars: { max: formatNumberRu(def.max) } } };
      if (Math.abs(value) > NUMBER_CEILING) return { problem: { code: 'errValueTooBig' } };
      return { value };
  }
}

/** The value as the form shows it again: '0.5' for a radio, '12,5' for a number field. */
export function valueText(def: InputDef, value: number): string {
  return def.kind === 'choice' ? String(value) : formatNumberRu(value);
}
