/**
 * «Пункты активации» (step 4 of an account): the public search page with its
 * map, each point's page, the JSON API, and Leaflet's files from our own origin.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import fastifyStatic from '@fastify/static';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { HttpError } from '../../platform/errors.js';
import { pageContext, sendPage } from '../../platform/http/app.js';
import { findServiceCentre, regionTimeZone } from '../territory/territory.repository.js';
import { activationPointMessages as t } from './activation-points.messages.js';
import { presentActivationPoint } from './activation-points.presenter.js';
import { ActivationPointErrorSchema, ActivationPointListSchema, ActivationPointQuerySchema, type ActivationPointQuery } from './activation-points.schemas.js';
import { localTime, searchActivationPoints, utcOffsetLabel } from './activation-points.service.js';
import { ActivationPointPage, ActivationPointsPage, type FilterValues } from './activation-points.views.js';

/** node_modules/leaflet/dist, wherever the package manager put it. */
const LEAFLET_DIST = dirname(createRequire(import.meta.url).resolve('leaflet/dist/leaflet.css'));
/** Only what the map needs: the ES module build, its stylesheet and the marker/layer images. */
const LEAFLET_FILES = /^\/(leaflet-src\.esm\.js|leaflet\.css|images\/(marker-icon|marker-icon-2x|marker-shadow|layers|layers-2x)\.png)$/;

function filterValues(q: ActivationPointQuery): FilterValues {
  return {
    capabilities: q.capability,
    type: q.type ?? '',
    municipality: q.municipality ?? '',
    near: q.near ?? '',
    lat: q.lat === undefined ? '' : String(q.lat),
    lon: q.lon === undefined ? '' : String(q.lon),
    openNow: q.openNow,
  };
}

/** The list URL for the same filters on another page. */
function listHref(q: ActivationPointQuery, page: number): string {
  const params = new URLSearchParams();
  for (const c of q.capability) params.append('capability', c);
  if (q.type) params.set('type', q.type);
  if (q.municipality) params.set('municipality', q.municipality);
  if (q.near) params.set('near', q.near);
  else if (q.lat !== undefined && q.lon !== undefined) {
    params.set('lat', String(q.lat));
    params.set('lon', String(q.lon));
  }
  if (q.openNow) params.set('openNow', '1');
  if (page > 1) params.set('page', String(page));
  const s = params.toString();
  return s ? `/activation-points?${s}` : '/activation-points';
}

function searchQuery(q: ActivationPointQuery) {
  return { capabilities: q.capability, type: q.type, municipality: q.municipality, near: q.near, lat: q.lat, lon: q.lon, openNow: q.openNow, page: q.page };
}

export async function registerActivationPointRoutes(appBase: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();

  // Leaflet from our own origin (no CDN): a second static root under its own prefix.
  await app.register(fastifyStatic, {
    root: LEAFLET_DIST,
    prefix: '/static/vendor/leaflet/',
    decorateReply: false,
    index: false,
    list: false,
    dotfiles: 'deny',
    maxAge: ctx.config.env === 'production' ? '7d' : 0,
    allowedPath: (pathName) => LEAFLET_FILES.test(pathName),
  });

  app.get('/activation-points', { schema: { hide: true, querystring: ActivationPointQuerySchema } }, async (request, reply) => {
    const q = request.query;
    const outcome = await searchActivationPoints(ctx.db, searchQuery(q));
    return sendPage(
      reply,
      <ActivationPointsPage
        ctx={pageContext(request)}
        values={filterValues(q)}
        outcome={outcome}
        map={{ tileUrl: ctx.config.map.tileUrl, attribution: ctx.config.map.attribution }}
        hrefFor={(page) => listHref(q, page)}
      />,
      outcome.nearNotFound ? 400 : 200,
    );
  });

  app.get(
    '/activation-points/:key',
    { schema: { hide: true, params: z.object({ key: z.string().min(1).max(100) }) } },
    async (request, reply) => {
      const centre = await findServiceCentre(ctx.db, request.params.key);
      if (!centre) throw new HttpError(404, 'not_found');
      const timeZone = await regionTimeZone(ctx.db, centre.regionId);
      const at = new Date();
      return sendPage(
        reply,
        <ActivationPointPage ctx={pageContext(request)} centre={centre} now={localTime(at, timeZone)} zoneLabel={`${timeZone} (${utcOffsetLabel(at, timeZone)})`} />,
      );
    },
  );

  app.get(
    '/api/v1/activation-points',
    {
      schema: {
        tags: ['activation-points'],
        summary: 'Activation points: where a citizen registers, confirms, restores or deletes an account in person',
        description:
          'Filters by what the point can do, its type, municipality and whether it is open now (region time zone, lunch breaks included). ' +
          'With `near` (a settlement that has points) or `lat`+`lon` the points come nearest first, each with `distanceKm`. 20 points a page.',
        querystring: ActivationPointQuerySchema,
        response: { 200: ActivationPointListSchema, 400: ActivationPointErrorSchema },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const outcome = await searchActivationPoints(ctx.db, searchQuery(q));
      if (outcome.nearNotFound) return reply.status(400).send({ error: 'settlement_not_found', statusCode: 400, message: `No activation point in «${q.near}»` });
      if (outcome.municipalityNotFound) return reply.status(400).send({ error: 'municipality_not_found', statusCode: 400 });
      const keys = new Map(outcome.municipalities.map((m) => [m.id, m.key]));
      const ref = outcome.reference;
      return {
        items: outcome.page.items.map((r) => presentActivationPoint(r, keys.get(r.centre.municipalityId) ?? '')),
        total: outcome.page.total,
        page: outcome.page.page,
        pageCount: outcome.page.pageCount,
        reference: ref ? { name: ref.settlement ?? t(request.lang, 'yourLocation'), lat: ref.lat, lon: ref.lon } : null,
      };
    },
  );
}
