/**
 * Scoring models: a tree of indicator nodes, each with a formula in the
 * language of ./formula (numbers, + - * /, parentheses, comparisons,
 * min/max/avg/sum/if, references).
 *
 * References in a node's formula resolve in this order:
 *   1. the node's own inputs (`A`, `B`, `n`, …) — values typed in or filled by the system;
 *   2. other nodes of the model by id (`P1.1`, `P2.4`, …) — their (capped) scores.
 * An input name may not equal a node id (validateModel reports it).
 *
 * Missing values. A reference is *missing* when an input was not given, or a
 * referenced node has no value (a zero denominator, invalid or missing inputs
 * below it). The node's `missing` policy says how it counts in that node's formula:
 *   - 'zero':      a missing reference resolves to 0 everywhere in the formula;
 *   - 'propagate': a missing reference makes the node missing (value null),
 *                  also inside min/max/avg/sum;
 *   - 'skip':      min/max/avg/sum leave a missing argument out (avg divides by
 *                  the number of values present; all missing → no value);
 *                  outside an aggregate a missing reference still makes the node missing,
 *                  since `A / B` has no sensible value without `B`.
 * A ratio with a zero denominator has no value (null), never 0.
 */

export type MissingPolicy = 'skip' | 'zero' | 'propagate';

export interface NumberInput {
  name: string;
  kind: 'number';
  /** What the figure is, in Russian: «муниципальные служащие, зарегистрированные в ЕСИА». */
  meaning: string;
  /** Smallest allowed value (inclusive); counts of people use 0. */
  min?: number;
  /** Largest allowed value (inclusive). */
  max?: number;
}

export interface ChoiceLevel {
  value: number;
  /** Russian wording of the level: «размещено и обновляется». */
  label: string;
}

export interface ChoiceInput {
  name: string;
  kind: 'choice';
  meaning: string;
  levels: ChoiceLevel[];
}

export interface CountInput {
  name: string;
  kind: 'count';
  meaning: string;
  /** How many requirements there are; the value is a whole number 0…of. */
  of: number;
  /** The requirements, in Russian. */
  items: string[];
}

export type InputDef = NumberInput | ChoiceInput | CountInput;

/** Display colours: a score below `red` is red, below `yellow` yellow, otherwise green (percent of max). */
export interface Thresholds {
  red: number;
  yellow: number;
}

export interface ScoringNode {
  /** Node id as the software and its API use it: 'P1.1.1'. */
  id: string;
  /** Russian title. */
  title: string;
  /** Formula text in the indicator formula language. */
  formula: string;
  /** Leaf inputs; a node without inputs computes from other nodes only. */
  inputs?: InputDef[];
  /** The score is capped at this maximum. */
  max: number;
  /** How a missing reference counts in this node's formula (see the module comment). */
  missing: MissingPolicy;
  thresholds?: Thresholds;
}

export interface ScoringModel {
  id: string;
  version: number;
  title: string;
  nodes: ScoringNode[];
}

/** Display colour of a value against its node's thresholds (percent of max); null without thresholds or value. */
export function colourOf(node: ScoringNode, value: number | null): 'red' | 'yellow' | 'green' | null {
  if (value === null || !node.thresholds || node.max <= 0) return null;
  const percent = (value / node.max) * 100;
  if (percent < node.thresholds.red) return 'red';
  if (percent < node.thresholds.yellow) return 'yellow';
  return 'green';
}
