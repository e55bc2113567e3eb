/**
 * `GET /outreach/scores?municipality=<uuid>&quarter=2026-Q3`: the kalga-2018
 * score tree of one municipality for one quarter, evaluated on the inputs the
 * system knows (inputs/system-inputs.ts). A municipal coordinator sees their
 * municipality; a regional administrator any municipality of the region.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { HttpError } from '../../platform/errors.js';
import { pageContext, sendPage } from '../../platform/http/app.js';
import { authorize, type Policy } from '../../platform/policy.js';
import type { Lang } from '../../platform/i18n.js';
import { listMunicipalities } from '../outreach/events/events.repository.js';
import { regionToday } from '../outreach/materials/materials.repository.js';
import { outreachNav } from '../outreach/outreach.nav.js';
import { quarterScore } from './quarter-score.js';
import { formatQuarter, parseQuarter, quarterBounds, quarterOf, type Quarter } from './inputs/system-inputs.js';
import { scoresMessages as t } from './scores.messages.js';
import { ScorePage } from './scores.views.js';

/** Who sees a municipality's scores: its coordinator, and the administrator of its region. */
export const canViewScores: Policy<{ regionId: string; municipalityId: string }> = (actor, place) =>
  (actor.role === 'municipal_coordinator' && actor.regionId === place.regionId && actor.municipalityId === place.municipalityId) ||
  (actor.role === 'regional_admin' && actor.regionId === place.regionId);

/** May the actor open the page at all (before a municipality is chosen)? */
const canOpenScores: Policy = (actor) => (actor.role === 'municipal_coordinator' && !!actor.municipalityId) || (actor.role === 'regional_admin' && !!actor.regionId);

const ScoresQuery = z.object({
  municipality: z.string().uuid().optional(),
  quarter: z.string().max(20).optional(),
});

/** The current quarter and the seven before it, newest first. */
function recentQuarters(current: Quarter, count = 8): Quarter[] {
  const out: Quarter[] = [];
  let { year, quarter } = current;
  for (let i = 0; i < count; i++) {
    out.push({ year, quarter });
    if (quarter === 1) {
      year -= 1;
      quarter = 4;
    } else quarter = (quarter - 1) as Quarter['quarter'];
  }
  return out;
}

const quarterLabel = (lang: Lang, q: Quarter) => t(lang, 'quarterLabel', { quarter: q.quarter, year: q.year });

export async function registerScoreRoutes(appBase: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();

  app.get('/outreach/scores', { schema: { hide: true, querystring: ScoresQuery } }, async (request, reply) => {
    authorize(request.actor, canOpenScores, undefined);
    const actor = request.actor;
    const regionId = actor.regionId!;
    const all = await listMunicipalities(ctx.db, regionId);
    const visible = all.filter((m) => canViewScores(actor, { regionId, municipalityId: m.id }));
    const municipalityId = request.query.municipality ?? visible[0]?.id;
    if (!municipalityId) throw new HttpError(403, 'forbidden');
    authorize(actor, canViewScores, { regionId: all.some((m) => m.id === municipalityId) ? regionId : '', municipalityId });
    const municipality = visible.find((m) => m.id === municipalityId)!;

    const today = await regionToday(ctx.db, regionId);
    const current = quarterOf(today);
    const quarter = request.query.quarter ? parseQuarter(request.query.quarter) : current;
    if (!quarter || quarterBounds(quarter).from > today) throw new HttpError(400, 'bad_request', t(request.lang, 'badQuarter'));

    const { model, evaluation, sources } = await quarterScore(ctx.db, { regionId, municipalityId, year: quarter.year, quarter: quarter.quarter, today });
    const end = quarterBounds(quarter).to;
    const options = recentQuarters(current);
    if (!options.some((q) => formatQuarter(q) === formatQuarter(quarter))) options.push(quarter);

    return sendPage(
      reply,
      ScorePage({
        ctx: pageContext(request, outreachNav(request, 'scores')),
        model,
        evaluation,
        sources,
        municipality: { id: municipality.id, name: municipality.name },
        municipalities: visible.map((m) => ({ id: m.id, name: m.name })),
        quarter: formatQuarter(quarter),
        quarterOptions: options.map((q) => ({ value: formatQuarter(q), label: quarterLabel(request.lang, q) })),
        asOf: today < end ? today : end,
      }),
    );
  });
}
