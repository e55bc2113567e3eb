/**
 * `GET /outreach/ranking?quarter=2026-Q3` — the ranking of the region's
 * municipalities (ranking.ts) — and `GET /outreach/ranking.xlsx?quarter=…`,
 * the same columns as a spreadsheet. Public within the region: its regional
 * administrator and its municipal coordinators; the system administrator
 * chooses the region with `?region=`.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.js';
import { HttpError } from '../../../platform/errors.js';
import { contentDisposition } from '../../../platform/files/index.js';
import { pageContext, sendPage } from '../../../platform/http/app.js';
import type { Lang } from '../../../platform/i18n.js';
import { authorize } from '../../../platform/policy.js';
import { regionToday } from '../../outreach/materials/materials.repository.js';
import { outreachNav } from '../../outreach/outreach.nav.js';
import { formatQuarter, parseQuarter, previousQuarter, quarterBounds, quarterOf, recentQuarters, type Quarter } from '../inputs/system-inputs.js';
import { buildRankingXlsx } from './export-xlsx.js';
import { rankMunicipalities } from './ranking.js';
import { quarterText, rankingMessages as t } from './ranking.messages.js';
import { canOpenRanking, canViewRanking, pageRegion } from './ranking.policy.js';
import { RankingPage } from './ranking.views.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const RankingQuery = z.object({
  quarter: z.string().max(20).optional(),
  region: z.string().max(60).optional(),
});

/**
 * The quarter asked for; by default the last complete one (a quarter's growth is
 * judged when it is over; the current one can be chosen and is marked unfinished).
 * 400 when malformed or in the future.
 */
export function chosenQuarter(lang: Lang, text: string | undefined, today: string): Quarter {
  const quarter = text ? parseQuarter(text) : previousQuarter(quarterOf(today));
  if (!quarter || quarterBounds(quarter).from > today) throw new HttpError(400, 'bad_request', t(lang, 'badQuarter'));
  return quarter;
}

export async function registerRankingRoutes(appBase: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();

  const load = async (request: { actor: Parameters<typeof authorize>[0]; lang: Lang }, query: z.infer<typeof RankingQuery>) => {
    authorize(request.actor, canOpenRanking, undefined);
    const { region, regionParam } = await pageRegion(ctx.db, request.actor, query.region);
    authorize(request.actor, canViewRanking, { regionId: region.id });
    const today = await regionToday(ctx.db, region.id);
    const quarter = chosenQuarter(request.lang, query.quarter, today);
    const ranking = await rankMunicipalities(ctx.db, { regionId: region.id, ...quarter, today });
    return { region, regionParam, today, quarter, ranking };
  };

  app.get('/outreach/ranking', { schema: { hide: true, querystring: RankingQuery } }, async (request, reply) => {
    const { region, regionParam, today, quarter, ranking } = await load(request, request.query);
    const options = recentQuarters(quarterOf(today));
    if (!options.some((o) => formatQuarter(o) === formatQuarter(quarter))) options.push(quarter);
    return sendPage(
      reply,
      RankingPage({
        ctx: pageContext(request, outreachNav(request, 'dashboard')),
        regionName: region.name,
        timeZone: region.timeZone,
        ranking,
        quarterOptions: options.map((o) => ({ value: formatQuarter(o), label: quarterText(request.lang, o) })),
        regionParam,
      }),
    );
  });

  app.get('/outreach/ranking.xlsx', { schema: { hide: true, querystring: RankingQuery } }, async (request, reply) => {
    const { region, quarter, ranking } = await load(request, request.query);
    const data = await buildRankingXlsx(request.lang, region.name, ranking);
    return reply
      .status(200)
      .header('content-type', XLSX_TYPE)
      .header('content-disposition', contentDisposition('attachment', `Рейтинг_${formatQuarter(quarter)}.xlsx`))
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff')
      .send(data);
  });
}
