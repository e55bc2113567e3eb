/**
 * `GET /outreach/dashboard` — the regional dashboard (dashboard.data.ts for
 * what each figure counts). The regional administrator of the region; the
 * system administrator chooses the region with `?region=` (else the first).
 * A municipal coordinator is sent to their own scores. Query:
 *   municipality=<uuid>  the registrations chart for one municipality (default: the region)
 *   score=<uuid>         the municipality whose score tree is shown (default: first in the ranking)
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { HttpError } from '../../platform/errors.js';
import { pageContext, sendPage } from '../../platform/http/app.js';
import { authorize } from '../../platform/policy.js';
import { dueSummary } from '../outreach/due/load-occurrences.js';
import { regionToday } from '../outreach/materials/materials.repository.js';
import { outreachNav } from '../outreach/outreach.nav.js';
import { previousQuarter, quarterOf, recentQuarters } from '../scoring/inputs/system-inputs.js';
import { quarterScore } from '../scoring/quarter-score.js';
import { rankMunicipalities } from '../scoring/ranking/ranking.js';
import { canViewDashboard, pageRegion } from '../scoring/ranking/ranking.policy.js';
import { eServiceShare, growthSeries, reportStatuses, scoreTree } from './dashboard.data.js';
import { DashboardPage, type MunicipalityScore } from './dashboard.views.js';

/** Quarters on the registrations chart: the current one and the five before it. */
export const GROWTH_QUARTERS = 6;
/** quarterScore calls run at once (the pool has a handful of connections). */
const SCORE_CONCURRENCY = 4;

const DashboardQuery = z.object({
  region: z.string().max(60).optional(),
  municipality: z.string().max(60).optional(),
  score: z.string().max(60).optional(),
});

export async function registerDashboardRoutes(appBase: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();

  app.get('/outreach/dashboard', { schema: { hide: true, querystring: DashboardQuery } }, async (request, reply) => {
    const actor = request.actor;
    if (actor?.role === 'municipal_coordinator' && actor.municipalityId) return reply.redirect(`/outreach/scores?municipality=${actor.municipalityId}`, 303);
    authorize(actor, (a) => a.role === 'regional_admin' || a.role === 'system_admin', undefined);
    const { region, regionParam } = await pageRegion(ctx.db, actor, request.query.region);
    authorize(actor, canViewDashboard, { regionId: region.id });

    const db = ctx.db;
    const today = await regionToday(db, region.id);
    const current = quarterOf(today);
    const last = previousQuarter(current);
    const municipalities = (await db.query<{ id: string; name: string }>('select id, name from municipalities where region_id = $1 order by name', [region.id])).rows.map(
      (m) => ({ id: String(m.id), name: String(m.name) }),
    );
    const known = (id: string | undefined) => {
      if (!id) return null;
      if (!municipalities.some((m) => m.id === id)) throw new HttpError(404, 'not_found');
      return id;
    };
    const growthMunicipality = known(request.query.municipality);
    const chosenScore = known(request.query.score);

    const share = await eServiceShare(db, region.id);
    const points = await growthSeries(db, { regionId: region.id, municipalityId: growthMunicipality, quarters: recentQuarters(current, GROWTH_QUARTERS).reverse() });
    const ranking = await rankMunicipalities(db, { regionId: region.id, ...last, today });
    const reports = await reportStatuses(db, { regionId: region.id, ...last, today });
    const due = await dueSummary(db, { regionId: region.id, today, daysBefore: ctx.config.reminders.daysBefore });

    // quarterScore is the single entry point for a municipality's score: one call per municipality,
    // a few at a time (PostgreSQL runs them side by side; PGlite queues them).
    const scores: MunicipalityScore[] = [];
    for (let i = 0; i < municipalities.length; i += SCORE_CONCURRENCY) {
      const batch = municipalities.slice(i, i + SCORE_CONCURRENCY);
      const results = await Promise.all(batch.map((m) => quarterScore(db, { regionId: region.id, municipalityId: m.id, ...last, today })));
      results.forEach((s, j) => scores.push({ municipalityId: batch[j]!.id, name: batch[j]!.name, evaluation: s.evaluation, model: s.model, locked: s.locked }));
    }
    const treeId = chosenScore ?? ranking.rows[0]?.municipalityId ?? municipalities[0]?.id ?? null;
    const treeScore = scores.find((s) => s.municipalityId === treeId) ?? null;

    return sendPage(
      reply,
      DashboardPage({
        ctx: pageContext(request, outreachNav(request, 'dashboard')),
        regionName: region.name,
        timeZone: region.timeZone,
        today,
        regionParam,
        municipalities,
        share,
        growth: { municipalityId: growthMunicipality, points },
        lastQuarter: last,
        tree: treeScore ? { forest: scoreTree(treeScore.model), score: treeScore } : null,
        scores,
        ranking,
        reports,
        due,
      }),
    );
  });
}
