/** The scoring models the software knows, by id. */
import type { ScoringModel } from '../model.js';
import { KALGA_2018 } from './kalga-2018.js';

export const SCORING_MODELS: readonly ScoringModel[] = [KALGA_2018];

export function findModel(id: string): ScoringModel | undefined {
  return SCORING_MODELS.find((m) => m.id === id);
}
