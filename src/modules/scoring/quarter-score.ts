/**
 * One municipality's score for one quarter — the single entry point the scores
 * page, the quarter's submission, the ranking and the dashboard use.
 *
 * While the quarter is open the score is evaluated now, with the region's
 * active model, on every source merged (liveQuarterScore):
 *   1. materials and events (inputs/system-inputs.ts): P2.2–P2.6, P2.8, P3.1, P3.2;
 *   2. the portal (inputs/portal-inputs.ts): P1.3 A (accounts activated), P1.3 C
 *      (the region's target), P1.2 n (centre requirements: hours, stands, checks),
 *      P1.1.x B (organisations' headcounts);
 *   2a. the reception visit log (inputs/reception-inputs.ts): P2.1 A and B;
 *   3. figures typed in with evidence (typed-inputs/): the inputs the system does
 *      not know, and typed overrides of P1.1.x B and P2.1 — a typed override comes first in
 *      `sources` and the portal figure it replaced stays after it, `replaced: true`.
 * Inputs the system would fill but cannot (no target, a centre not checked, a
 * headcount not given) are listed in `missing` with the reason. About ten
 * queries whatever the model, none per node. Once the
 * region has accepted the quarter (quarter_submissions.status = 'accepted'),
 * the figures frozen at acceptance (`snapshot`) are returned instead, with the
 * model version they were computed with.
 */
import type { Queryable } from '../../db/client.js';
import { evaluateModel, type ModelEvaluation, type ScoringInputs } from './evaluate-model.js';
import type { ScoringModel } from './model.js';
import { activeModel } from './model-store/active-model.js';
import { portalInputs, regionTimeZone } from './inputs/portal-inputs.js';
import { receptionInputs } from './inputs/reception-inputs.js';
import { quarterBounds, systemInputs, type InputSource, type MissingInput, type Quarter } from './inputs/system-inputs.js';
import { typedMode } from './typed-inputs/typed-input-defs.js';
import { listTypedInputs } from './typed-inputs/typed-inputs.repository.js';

export interface QuarterScoreQuery extends Quarter {
  regionId: string;
  municipalityId: string;
  /** today in the region's time zone, YYYY-MM-DD */
  today: string;
}

export interface QuarterScore {
  model: ScoringModel;
  evaluation: ModelEvaluation;
  inputs: ScoringInputs;
  sources: Record<string, InputSource[]>;
  /** true when the figures come from an accepted (locked) submission */
  locked: boolean;
  /** inputs the system would fill but cannot, with the reason (absent on a snapshot taken without it) */
  missing?: Record<string, MissingInput[]>;
}

/** What is stored in quarter_submissions.snapshot at acceptance. */
export interface QuarterSnapshot {
  model: ScoringModel;
  evaluation: ModelEvaluation;
  inputs: ScoringInputs;
  sources: Record<string, InputSource[]>;
  missing?: Record<string, MissingInput[]>;
  /** when the figures were frozen, ISO timestamp */
  frozenAt: string;
}

const ruDate = (d: Date, timeZone: string) => new Intl.DateTimeFormat('ru-RU', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric' }).format(d);

/** The figures as they are now, ignoring any lock (what acceptance freezes). */
export async function liveQuarterScore(db: Queryable, query: QuarterScoreQuery): Promise<QuarterScore> {
  const model = await activeModel(db, query.regionId);
  const system = await systemInputs(db, query);
  const end = quarterBounds(query).to;
  const asOf = query.today < end ? query.today : end;
  const timeZone = await regionTimeZone(db, query.regionId);
  const standsLevel = system.inputs['P2.2']?.n ?? 0;
  const portal = await portalInputs(db, query, { standsLevel, asOf, timeZone });
  const reception = await receptionInputs(db, query, asOf);

  const inputs: Record<string, Record<string, number>> = {};
  const sources: Record<string, InputSource[]> = {};
  for (const part of [system, portal, reception]) {
    for (const [nodeId, values] of Object.entries(part.inputs)) Object.assign((inputs[nodeId] ??= {}), values);
    for (const [nodeId, list] of Object.entries(part.sources)) (sources[nodeId] ??= []).push(...list);
  }
  const missing: Record<string, MissingInput[]> = { ...structuredClone(portal.missing), ...structuredClone(reception.missing) };

  const known = new Map(model.nodes.map((n) => [n.id, new Set((n.inputs ?? []).map((d) => d.name))]));
  for (const row of await listTypedInputs(db, query.municipalityId, query)) {
    // A value typed for an input the model no longer has, or one the system fills, does not count.
    if (!known.get(row.nodeId)?.has(row.inputName) || typedMode(row.nodeId, row.inputName) === null) continue;
    const who = row.enteredBy.name ? `${row.enteredBy.name}, ` : '';
    const typed: InputSource = {
      input: row.inputName,
      value: row.value,
      origin: 'typed',
      text: `Введено вручную с подтверждением (${who}${ruDate(row.enteredAt, timeZone)}): ${row.note}`,
      typed: {
        note: row.note,
        links: row.links,
        enteredBy: row.enteredBy,
        enteredAt: row.enteredAt.toISOString(),
        attachments: row.attachments,
      },
    };
    const list = sources[row.nodeId] ?? [];
    const replaced = list.filter((s) => s.input === row.inputName).map((s) => ({ ...s, replaced: true }));
    sources[row.nodeId] = [...list.filter((s) => s.input !== row.inputName), typed, ...replaced];
    (inputs[row.nodeId] ??= {})[row.inputName] = row.value;
    if (missing[row.nodeId]) {
      missing[row.nodeId] = missing[row.nodeId]!.filter((m) => m.input !== row.inputName);
      if (missing[row.nodeId]!.length === 0) delete missing[row.nodeId];
    }
  }

  const evaluation = evaluateModel(model, inputs);
  return { model, evaluation, inputs, sources, locked: false, missing };
}

export async function quarterScore(db: Queryable, query: QuarterScoreQuery): Promise<QuarterScore> {
  const { rows } = await db.query<{ snapshot: QuarterSnapshot | null }>(
    `select snapshot from quarter_submissions
      where municipality_id = $1 and year = $2 and quarter = $3 and status = 'accepted'`,
    [query.municipalityId, query.year, query.quarter],
  );
  const snapshot = rows[0]?.snapshot;
  if (snapshot) {
    const frozen: QuarterScore = { model: snapshot.model, evaluation: snapshot.evaluation, inputs: snapshot.inputs, sources: snapshot.sources, locked: true };
    if (snapshot.missing) frozen.missing = snapshot.missing;
    return frozen;
  }
  return liveQuarterScore(db, query);
}
