/**
 * One municipality's score for one quarter — the single entry point the scores
 * page, the quarter's submission, the ranking and the dashboard use.
 *
 * While the quarter is open the score is evaluated now, with the region's
 * active model, on the inputs the system knows plus those typed in. Once the
 * region has accepted the quarter (quarter_submissions.status = 'accepted'),
 * the figures frozen at acceptance (`snapshot`) are returned instead, with the
 * model version they were computed with.
 */
import type { Queryable } from '../../db/client.js';
import { evaluateModel, type ModelEvaluation, type ScoringInputs } from './evaluate-model.js';
import type { ScoringModel } from './model.js';
import { activeModel } from './model-store/active-model.js';
import { systemInputs, type InputSource, type Quarter } from './inputs/system-inputs.js';

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
}

/** What is stored in quarter_submissions.snapshot at acceptance. */
export interface QuarterSnapshot {
  model: ScoringModel;
  evaluation: ModelEvaluation;
  inputs: ScoringInputs;
  sources: Record<string, InputSource[]>;
  /** when the figures were frozen, ISO timestamp */
  frozenAt: string;
}

/** The figures as they are now, ignoring any lock (what acceptance freezes). */
export async function liveQuarterScore(db: Queryable, query: QuarterScoreQuery): Promise<QuarterScore> {
  const model = await activeModel(db, query.regionId);
  const { inputs, sources } = await systemInputs(db, query);
  const evaluation = evaluateModel(model, inputs);
  return { model, evaluation, inputs, sources, locked: false };
}

export async function quarterScore(db: Queryable, query: QuarterScoreQuery): Promise<QuarterScore> {
  const { rows } = await db.query<{ snapshot: QuarterSnapshot | null }>(
    `select snapshot from quarter_submissions
      where municipality_id = $1 and year = $2 and quarter = $3 and status = 'accepted'`,
    [query.municipalityId, query.year, query.quarter],
  );
  const snapshot = rows[0]?.snapshot;
  if (snapshot) return { model: snapshot.model, evaluation: snapshot.evaluation, inputs: snapshot.inputs, sources: snapshot.sources, locked: true };
  return liveQuarterScore(db, query);
}
