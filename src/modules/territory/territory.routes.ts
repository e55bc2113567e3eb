/** Territory pages for staff and the territory JSON API. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { appendAudit } from '../../platform/audit.js';
import { HttpError } from '../../platform/errors.js';
import { pageContext, sendPage } from '../../platform/http/app.js';
import { authorize, type Actor } from '../../platform/policy.js';
import { canEditOrganisation, canViewRegion } from './territory.policy.js';
import { territoryMessages as t } from './territory.messages.js';
import { presentMunicipality, presentOrganisation, presentServiceCentre } from './territory.presenter.js';
import {
  findMunicipality,
  findOrganisation,
  listMunicipalities,
  listOrganisations,
  listRegions,
  listServiceCentres,
  updateOrganisationEmployees,
  type RegionView,
} from './territory.repository.js';
import {
  ErrorSchema,
  MunicipalityListSchema,
  OrganisationSchema,
  ServiceCentreListSchema,
  ServiceCentreQuerySchema,
  ServiceCentreSchema,
} from './territory.schemas.js';
import { MunicipalityPage, NoRegionPage, RegionPage } from './territory.views.js';

/** The actor's region, or for a system administrator the one asked for (or the first). */
async function regionFor(ctx: AppContext, actor: Actor | null, key?: string): Promise<RegionView | null> {
  const regions = await listRegions(ctx.db);
  if (actor && actor.role !== 'system_admin') return regions.find((r) => r.id === actor.regionId) ?? null;
  return (key ? regions.find((r) => r.key === key) : regions[0]) ?? null;
}

const EmployeesForm = z.object({ employees: z.string().default('') });

export async function registerTerritoryRoutes(appBase: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();

  app.get('/staff/territory', { schema: { hide: true } }, async (request, reply) => {
    const region = await regionFor(ctx, request.actor, (request.query as { region?: string }).region);
    if (!region) {
      authorize(request.actor, () => true, undefined);
      return sendPage(reply, NoRegionPage({ ctx: pageContext(request) }));
    }
    authorize(request.actor, canViewRegion, { regionId: region.id });
    return sendPage(reply, RegionPage({ ctx: pageContext(request), region, municipalities: await listMunicipalities(ctx.db, region.id) }));
  });

  app.get('/staff/territory/:key', { schema: { hide: true, params: z.object({ key: z.string().max(100) }) } }, async (request, reply) => {
    const municipality = await findMunicipality(ctx.db, { key: request.params.key });
    if (!municipality) throw new HttpError(404, 'not_found');
    authorize(request.actor, canViewRegion, { regionId: municipality.regionId });
    const actor = request.actor;
    const organisations = await listOrganisations(ctx.db, municipality.id);
    const q = request.query as Record<string, string | undefined>;
    const editOrg = q.edit ? organisations.find((o) => o.key === q.edit && canEditOrganisation(actor, o)) : undefined;
    return sendPage(
      reply,
      MunicipalityPage({
        ctx: pageContext(request),
        municipality,
        organisations,
        centres: await listServiceCentres(ctx.db, { regionId: municipality.regionId, municipalityId: municipality.id }),
        canEdit: (o) => canEditOrganisation(actor, o),
        editing: editOrg ? { orgKey: editOrg.key, value: editOrg.employees === null ? '' : String(editOrg.employees) } : undefined,
        notice: q.saved ? t(request.lang, 'employeesSaved', { name: organisations.find((o) => o.key === q.saved)?.shortName ?? '' }) : undefined,
      }),
    );
  });

  app.post('/staff/territory/organisations/:key/employees', { schema: { hide: true, params: z.object({ key: z.string().max(100) }) } }, async (request, reply) => {
    const org = await findOrganisation(ctx.db, { key: request.params.key });
    if (!org || !org.municipalityId) throw new HttpError(404, 'not_found');
    authorize(request.actor, canEditOrganisation, org);
    const actor = request.actor;
    const municipality = (await findMunicipality(ctx.db, { id: org.municipalityId }))!;
    const form = EmployeesForm.parse(request.body ?? {});
    const raw = form.employees.replace(/[\s\u00a0\u202f]/g, '');
    const value = /^\d{1,6}$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isInteger(value) || value > 100_000) {
      const organisations = await listOrganisations(ctx.db, municipality.id);
      return sendPage(
        reply,
        MunicipalityPage({
          ctx: pageContext(request),
          municipality,
          organisations,
          centres: await listServiceCentres(ctx.db, { regionId: municipality.regionId, municipalityId: municipality.id }),
          canEdit: (o) => canEditOrganisation(actor, o),
          editing: { orgKey: org.key, value: form.employees, error: t(request.lang, 'employeesInvalid') },
        }),
        400,
      );
    }
    await ctx.db.transaction(async (tx) => {
      await updateOrganisationEmployees(tx, org.id, value);
      await appendAudit(tx, {
        actorType: 'staff',
        actorId: actor.id,
        action: 'territory.organisation.employees_update',
        subjectType: 'organisation',
        subjectId: org.id,
        organisationId: actor.organisationId,
        details: { from: org.employees, to: value },
      });
    });
    return reply.redirect(`/staff/territory/${municipality.key}?saved=${encodeURIComponent(org.key)}`, 303);
  });

  // --- JSON API -----------------------------------------------------------

  app.get(
    '/api/v1/service-centres',
    {
      schema: {
        tags: ['territory'],
        summary: 'Service centres (activation points): public list with opening hours and what each can do',
        querystring: ServiceCentreQuerySchema,
        response: { 200: ServiceCentreListSchema, 404: ErrorSchema },
      },
    },
    async (request, reply) => {
      const region = await regionFor(ctx, null, request.query.region);
      if (!region) return reply.status(404).send({ error: 'region_not_found' });
      let municipalityId: string | undefined;
      if (request.query.municipality) {
        const m = await findMunicipality(ctx.db, { key: request.query.municipality });
        if (!m || m.regionId !== region.id) return reply.status(404).send({ error: 'municipality_not_found' });
        municipalityId = m.id;
      }
      const centres = await listServiceCentres(ctx.db, { regionId: region.id, municipalityId, capability: request.query.capability });
      const municipalityKeys = new Map((await listMunicipalities(ctx.db, region.id)).map((m) => [m.id, m.key]));
      return { items: centres.map((c) => presentServiceCentre(c, municipalityKeys.get(c.municipalityId) ?? '')) };
    },
  );

  app.get(
    '/api/v1/service-centres/:key',
    { schema: { tags: ['territory'], summary: 'One service centre', params: z.object({ key: z.string().max(100) }), response: { 200: ServiceCentreSchema, 404: ErrorSchema } } },
    async (request, reply) => {
      const { rows } = await ctx.db.query<{ municipality_key: string }>(
        'select m.key as municipality_key from service_centres c join municipalities m on m.id = c.municipality_id where c.key = $1',
        [request.params.key],
      );
      if (!rows[0]) return reply.status(404).send({ error: 'not_found' });
      const centre = (await listServiceCentres(ctx.db, { regionId: (await findMunicipality(ctx.db, { key: rows[0].municipality_key }))!.regionId })).find((c) => c.key === request.params.key)!;
      return presentServiceCentre(centre, rows[0].municipality_key);
    },
  );

  app.get(
    '/api/v1/territory/municipalities',
    {
      schema: {
        tags: ['territory'],
        summary: 'Municipalities of the staff member’s region (staff only)',
        security: [{ session: [] }],
        querystring: z.object({ region: z.string().optional() }),
        response: { 200: MunicipalityListSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request, reply) => {
      authorize(request.actor, () => true, undefined);
      const region = await regionFor(ctx, request.actor, request.query.region);
      if (!region) return reply.status(404).send({ error: 'region_not_found' });
      authorize(request.actor, canViewRegion, { regionId: region.id });
      return { region: { key: region.key, name: region.name }, items: (await listMunicipalities(ctx.db, region.id)).map(presentMunicipality) };
    },
  );

  app.get(
    '/api/v1/territory/municipalities/:key/organisations',
    {
      schema: {
        tags: ['territory'],
        summary: 'Organisations of a municipality with employee counts (staff only)',
        security: [{ session: [] }],
        params: z.object({ key: z.string().max(100) }),
        response: { 200: z.object({ items: z.array(OrganisationSchema) }), 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request, reply) => {
      authorize(request.actor, () => true, undefined);
      const m = await findMunicipality(ctx.db, { key: request.params.key });
      if (!m) return reply.status(404).send({ error: 'not_found' });
      authorize(request.actor, canViewRegion, { regionId: m.regionId });
      return { items: (await listOrganisations(ctx.db, m.id)).map(presentOrganisation) };
    },
  );
}
