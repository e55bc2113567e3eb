/**
 * `GET /outreach/targets?year=2026`: the region's quarterly targets per
 * municipality — the regional administrator edits them all in one form
 * (`POST /outreach/targets`), a municipal coordinator sees their own row.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.js';
import { HttpError } from '../../../platform/errors.js';
import { pageContext, sendPage } from '../../../platform/http/app.js';
import { authorize } from '../../../platform/policy.js';
import type { FieldError } from '../../../platform/views/components.js';
import { listMunicipalities } from '../../outreach/events/events.repository.js';
import { regionToday } from '../../outreach/materials/materials.repository.js';
import { outreachNav } from '../../outreach/outreach.nav.js';
import { confirmedField, registeredField, saveYearTargets } from './save-targets.js';
import { canEditTargets, canOpenTargets, canViewTargets } from './targets.policy.js';
import { targetsMessages as t } from './targets.messages.js';
import { yearTargets } from './targets.repository.js';
import { TargetsPage } from './targets.views.js';

const TargetsQuery = z.object({ year: z.string().max(10).optional(), saved: z.coerce.number().int().min(0).max(100_000).optional().catch(undefined) });

export async function registerTargetRoutes(appBase: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  // 'targets' is the outreach tab of this page (outreach.nav.ts)
  const nav = (request: FastifyRequest) => pageContext(request, outreachNav(request, 'targets'));

  async function context(request: FastifyRequest, yearText: string | undefined) {
    authorize(request.actor, canOpenTargets, undefined);
    const actor = request.actor;
    const regionId = actor.regionId!;
    const today = await regionToday(ctx.db, regionId);
    const year = yearText === undefined || yearText === '' ? Number(today.slice(0, 4)) : /^\d{4}$/.test(yearText.trim()) ? Number(yearText.trim()) : NaN;
    if (!(year >= 2000 && year <= 2100)) throw new HttpError(400, 'bad_request', t(request.lang, 'badYear'));
    const municipalities = (await listMunicipalities(ctx.db, regionId)).filter((m) => canViewTargets(actor, { regionId, municipalityId: m.id })).map((m) => ({ id: m.id, name: m.name }));
    return { regionId, year, municipalities, canEdit: canEditTargets(actor, { regionId }) };
  }

  async function storedValues(regionId: string, year: number, ids: Set<string>): Promise<Record<string, string>> {
    const values: Record<string, string> = {};
    for (const row of await yearTargets(ctx.db, regionId, year)) {
      if (!ids.has(row.municipalityId)) continue;
      values[registeredField(row.municipalityId, row.quarter)] = String(row.registeredTarget);
      values[confirmedField(row.municipalityId, row.quarter)] = String(row.confirmedTarget);
    }
    return values;
  }

  app.get('/outreach/targets', { schema: { hide: true, querystring: TargetsQuery } }, async (request, reply) => {
    const c = await context(request, request.query.year);
    const values = await storedValues(c.regionId, c.year, new Set(c.municipalities.map((m) => m.id)));
    const notice = request.query.saved !== undefined ? t(request.lang, 'saved', { n: request.query.saved }) : undefined;
    return sendPage(reply, TargetsPage({ ctx: nav(request), year: c.year, municipalities: c.municipalities, values, errors: [], canEdit: c.canEdit, notice }));
  });

  app.post('/outreach/targets', { schema: { hide: true } }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const c = await context(request, typeof body.targetYear === 'string' ? body.targetYear : undefined);
    authorize(request.actor, canEditTargets, { regionId: c.regionId });
    const form: Record<string, string> = {};
    for (const m of c.municipalities) {
      for (const q of [1, 2, 3, 4]) {
        for (const f of [registeredField(m.id, q), confirmedField(m.id, q)]) form[f] = typeof body[f] === 'string' ? (body[f] as string) : '';
      }
    }
    const result = await saveYearTargets(ctx.db, request.actor, c.regionId, c.year, c.municipalities.map((m) => m.id), form);
    if (!result.ok) {
      const errors: FieldError[] = result.errors.map((e) => ({ field: e.field, message: t(request.lang, e.code, e.vars) }));
      return sendPage(reply, TargetsPage({ ctx: nav(request), year: c.year, municipalities: c.municipalities, values: form, errors, canEdit: true }), 400);
    }
    return reply.redirect(`/outreach/targets?year=${c.year}&saved=${result.changed}`, 303);
  });
}
