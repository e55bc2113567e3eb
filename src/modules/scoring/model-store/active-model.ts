/**
 * Which scoring model a region evaluates its municipalities with.
 *
 * The contract other modules use (scores page, quarter submissions, ranking,
 * dashboard): `activeModel(db, regionId)` gives the model with its key in `id`
 * and the version that an evaluation must remember.
 */
import type { Queryable } from '../../../db/client.js';
import type { ScoringModel } from '../model.js';
import { KALGA_2018 } from '../models/kalga-2018.js';

export async function activeModel(_db: Queryable, _regionId: string): Promise<ScoringModel> {
  return KALGA_2018;
}
