/**
 * JSON API of the scoring models: `POST /api/v1/scoring/evaluate`, evaluated
 * with the caller region's version in force of the model key (or a stored
 * `version` the caller may read); also registers the model editor's pages
 * (model-store/models.routes.tsx).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { authorize } from '../../platform/policy.js';
import { evaluateModel } from './evaluate-model.js';
import type { ScoringModel } from './model.js';
import { findModel, SCORING_MODELS } from './models/index.js';
import { activeVersionOf, findModelRow, modelFromRow } from './model-store/active-model.js';
import { canViewModelVersion } from './model-store/models.policy.js';
import { registerModelEditorRoutes } from './model-store/models.routes.js';
import { canEvaluateScoring } from './scoring.policy.js';

const EvaluateBodySchema = z.object({
  model: z.string().min(1).max(100).describe(`Model id: ${SCORING_MODELS.map((m) => m.id).join(', ')}`),
  version: z
    .number()
    .int()
    .min(1)
    .max(2_147_483_647)
    .optional()
    .describe("A stored version to evaluate (the caller's region's or a shipped one); default: the version in force in the caller's region"),
  inputs: z
    .record(z.string().max(100), z.record(z.string().max(100), z.number()))
    .describe('Inputs keyed by node id, then input name: {"P1.1.1": {"A": 40, "B": 50}, "P1.2": {"n": 3}}'),
});

const InputErrorSchema = z.object({ nodeId: z.string(), input: z.string().optional(), message: z.string() });

const NodeResultSchema = z.object({
  title: z.string(),
  value: z.number().nullable().describe('The score, capped at max; null when it has no value'),
  max: z.number(),
  explanation: z.string().describe('Russian derivation: «P1 = (P1.1 + P1.2 + P1.3) / 3 = (77,5 + 75 + 75) / 3 = 75,83»'),
  capped: z.boolean().optional(),
  inputs: z.record(z.string(), z.number().nullable()).optional(),
});

const EvaluationSchema = z.object({
  model: z.string(),
  version: z.number().int(),
  nodes: z.record(z.string(), NodeResultSchema),
  errors: z.array(InputErrorSchema),
});

const InvalidInputsSchema = EvaluationSchema.extend({ error: z.literal('invalid_inputs') });
const NotFoundSchema = z.object({ error: z.literal('model_not_found'), message: z.string() });

export async function registerScoringRoutes(appBase: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  await registerModelEditorRoutes(appBase, ctx);

  app.post(
    '/api/v1/scoring/evaluate',
    {
      schema: {
        tags: ['scoring'],
        summary: 'Evaluate a scoring model on inputs keyed by node id',
        description:
          'Regional and system administrators. Evaluates the version of the model in force in the caller\'s region (a system ' +
          'administrator: the shipped one), or the stored `version` given; the answer names the version used. ' +
          'Returns, for every node of the model, its value (capped at max; null when missing), ' +
          'its maximum and a Russian explanation. Invalid inputs (unknown nodes or names, a choice value not among the levels, ' +
          'a count above its total, negative figures) answer 422 with the errors.',
        security: [{ session: [] }],
        body: EvaluateBodySchema,
        response: { 200: EvaluationSchema, 404: NotFoundSchema, 422: InvalidInputsSchema },
      },
    },
    async (request, reply) => {
      authorize(request.actor, canEvaluateScoring, undefined);
      const actor = request.actor;
      const { model: key, version } = request.body;
      let model: ScoringModel | null | undefined;
      if (version !== undefined) {
        const row = await findModelRow(ctx.db, key, version);
        model = row && canViewModelVersion(actor, { regionId: row.region_id }) ? modelFromRow(row) : null;
        if (!model) return reply.status(404).send({ error: 'model_not_found' as const, message: `Версия ${version} модели «${key}» не найдена` });
      } else {
        const regionId = actor.role === 'regional_admin' ? actor.regionId : null;
        model = (await activeVersionOf(ctx.db, key, regionId)) ?? findModel(key);
      }
      if (!model) return reply.status(404).send({ error: 'model_not_found' as const, message: `Модель «${key}» не найдена` });
      const result = evaluateModel(model, request.body.inputs);
      const body = { model: result.modelId, version: result.version, nodes: result.nodes, errors: result.errors };
      if (result.errors.length) return reply.status(422).send({ error: 'invalid_inputs' as const, ...body });
      return body;
    },
  );
}
