/**
 * `uslugi score --model <id> --inputs <file.json>`: evaluates a scoring model
 * and prints, for every node id, `{ value, max, explanation }` as JSON.
 * Exit codes: 0 evaluated; 2 unknown model, unreadable file, bad JSON or invalid inputs
 * (Russian messages on stderr). Needs no database.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { evaluateModel } from './evaluate-model.js';
import { findModel, SCORING_MODELS } from './models/index.js';

export const SCORE_USAGE = 'Использование: uslugi score --model <id> --inputs <файл.json>';

export async function runScore(args: string[], out: (line: string) => void, err: (line: string) => void): Promise<number> {
  let values: { model?: string; inputs?: string };
  try {
    ({ values } = parseArgs({ args, options: { model: { type: 'string' }, inputs: { type: 'string' } }, strict: true, allowPositionals: false }));
  } catch (error) {
    err(`Неверные параметры: ${(error as Error).message}\n${SCORE_USAGE}`);
    return 2;
  }
  if (!values.model || !values.inputs) {
    err(`Нужны --model и --inputs.\n${SCORE_USAGE}`);
    return 2;
  }
  const model = findModel(values.model);
  if (!model) {
    err(`Модель «${values.model}» не найдена. Известные модели: ${SCORING_MODELS.map((m) => m.id).join(', ')}.`);
    return 2;
  }
  let text: string;
  try {
    text = await readFile(values.inputs, 'utf8');
  } catch (error) {
    err(`Не удалось прочитать файл «${values.inputs}»: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    return 2;
  }
  let inputs: unknown;
  try {
    inputs = JSON.parse(text);
  } catch (error) {
    err(`Файл «${values.inputs}» — не JSON: ${(error as Error).message}`);
    return 2;
  }
  if (typeof inputs !== 'object' || inputs === null || Array.isArray(inputs)) {
    err(`Файл «${values.inputs}» должен содержать объект вида {"P1.1.1": {"A": 40, "B": 50}, "P1.2": {"n": 3}}`);
    return 2;
  }
  const result = evaluateModel(model, inputs as Record<string, Record<string, unknown>>);
  if (result.errors.length) {
    err(`Неверные входные данные (модель ${model.id}, версия ${model.version}):`);
    for (const e of result.errors) err(`  - ${e.message}`);
    return 2;
  }
  const nodes: Record<string, { value: number | null; max: number; explanation: string }> = {};
  for (const [id, n] of Object.entries(result.nodes)) nodes[id] = { value: n.value, max: n.max, explanation: n.explanation };
  out(JSON.stringify(nodes, null, 2));
  return 0;
}
