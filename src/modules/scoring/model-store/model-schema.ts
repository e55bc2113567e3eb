/**
 * The shape of ScoringNode[] (../model.ts) as zod, to check what comes back
 * from the `scoring_models.nodes` jsonb column before it is used. The meaning
 * (formulas, references, cycles, levels) is checked by validateModel.
 */
import { z } from 'zod';

const InputSchema = z.discriminatedUnion('kind', [
  z.object({ name: z.string().min(1), kind: z.literal('number'), meaning: z.string(), min: z.number().optional(), max: z.number().optional() }),
  z.object({
    name: z.string().min(1),
    kind: z.literal('choice'),
    meaning: z.string(),
    levels: z.array(z.object({ value: z.number(), label: z.string() })),
  }),
  z.object({ name: z.string().min(1), kind: z.literal('count'), meaning: z.string(), of: z.number(), items: z.array(z.string()) }),
]);

export const StoredNodeSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  formula: z.string(),
  inputs: z.array(InputSchema).optional(),
  max: z.number(),
  missing: z.enum(['skip', 'zero', 'propagate']),
  thresholds: z.object({ red: z.number(), yellow: z.number() }).optional(),
});

export const StoredNodesSchema = z.array(StoredNodeSchema).min(1);
