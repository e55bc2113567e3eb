/** Outreach materials: staff pages (list with the indicator levels, record, details with «Отметить обновление»). */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.js';
import { HttpError } from '../../../platform/errors.js';
import { outreachNav } from '../outreach.nav.js';
import { pageContext, sendPage } from '../../../platform/http/app.js';
import { authorize, type Actor } from '../../../platform/policy.js';
import type { Lang } from '../../../platform/i18n.js';
import type { FieldError } from '../../../platform/views/components.js';
import { listMunicipalities, listOrganisations } from '../events/events.repository.js';
import { findKind, INDICATORS } from './material-kinds.js';
import { indicatorLevel, materialStatus, type MaterialStatus } from './material-status.js';
import { materialsMessages as t, type MaterialFieldError } from './materials.messages.js';
import { canCreateMaterial, canEditMaterial, canListMaterials, canViewMaterial } from './materials.policy.js';
import { findMaterial, listMaterials, listMaterialUpdates, materialUpdateSpan, regionToday, type MaterialView } from './materials.repository.js';
import { deleteMaterial } from './delete-material.js';
import { createMaterial, editMaterial, MATERIAL_FIELDS, recordMaterialUpdate, UPDATE_FIELDS, type MaterialChoices, type MaterialInput, type MaterialUpdateInput } from './save-material.js';
import { DeleteMaterialPage, MaterialFormPage, MaterialListPage, MaterialPage, ruDate, type IndicatorRow } from './materials.views.js';

const MaterialParams = z.object({ id: z.string().uuid() });

function formOf<K extends string>(request: FastifyRequest, fields: readonly K[]): Record<K, string> {
  const body = (request.body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(fields.map((f) => [f, typeof body[f] === 'string' ? (body[f] as string) : ''])) as Record<K, string>;
}

function translate(lang: Lang, errors: MaterialFieldError[]): FieldError[] {
  return errors.map((e) => ({ field: e.field, message: t(lang, e.code, e.vars) }));
}

export function statusOf(m: MaterialView): MaterialStatus {
  const kind = findKind(m.kind);
  return kind ? materialStatus(m, kind, m.today) : 'not_posted';
}

/** The n-level of each indicator from one municipality's materials (or all listed). */
export function levelsOf(materials: Array<MaterialView & { status: MaterialStatus }>): IndicatorRow[] {
  return INDICATORS.map((i) => ({
    key: i.key,
    label: i.label,
    level: indicatorLevel(
      materials.filter((m) => findKind(m.kind)?.indicator === i.key).map((m) => m.status),
      i,
    ),
  }));
}

async function choicesFor(ctx: AppContext, actor: Actor, regionId: string): Promise<MaterialChoices> {
  const all = await listMunicipalities(ctx.db, regionId);
  const municipalities = all.filter((m) => canEditMaterial(actor, { regionId, municipalityId: m.id }));
  const only = municipalities.length === 1 ? municipalities[0]!.id : null;
  return {
    municipalities,
    organisations: (await listOrganisations(ctx.db, regionId, only)).filter((o) => municipalities.some((m) => m.id === o.municipalityId)),
  };
}

/** The edit form's values: dates as dd.mm.yyyy, absent places as ''. */
function materialValues(m: MaterialView): MaterialInput {
  return {
    municipalityId: m.municipalityId,
    kind: m.kind,
    title: m.title,
    url: m.url ?? '',
    organisationId: m.organisationId ?? '',
    room: m.room ?? '',
    postedOn: m.postedOn ? ruDate(m.postedOn) : '',
  };
}

async function loadMaterial(ctx: AppContext, id: string): Promise<MaterialView> {
  const material = await findMaterial(ctx.db, id);
  if (!material) throw new HttpError(404, 'not_found');
  return material;
}

export async function registerOutreachMaterialRoutes(appBase: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const hide = { hide: true } as const;

  app.get('/outreach/materials', { schema: hide }, async (request, reply) => {
    authorize(request.actor, canListMaterials, undefined);
    const actor = request.actor;
    const rows =
      actor.role === 'system_admin'
        ? await listMaterials(ctx.db)
        : actor.role === 'regional_admin'
          ? await listMaterials(ctx.db, { regionId: actor.regionId! })
          : actor.municipalityId
            ? await listMaterials(ctx.db, { regionId: actor.regionId!, municipalityId: actor.municipalityId })
            : [];
    const materials = rows.filter((m) => canViewMaterial(actor, m)).map((m) => ({ ...m, status: statusOf(m) }));
    const showTerritory = actor.role === 'system_admin' || actor.role === 'regional_admin';
    const notice = (request.query as Record<string, string | undefined>).deleted ? t(request.lang, 'materialDeleted') : undefined;
    return sendPage(reply, MaterialListPage({ ctx: pageContext(request, outreachNav(request, 'materials')), materials, levels: levelsOf(materials), canCreate: canCreateMaterial(actor, undefined), showTerritory, notice }));
  });

  app.get('/outreach/materials/new', { schema: hide }, async (request, reply) => {
    authorize(request.actor, canCreateMaterial, undefined);
    const choices = await choicesFor(ctx, request.actor, request.actor.regionId!);
    const values = Object.fromEntries(MATERIAL_FIELDS.map((f) => [f, ''])) as MaterialInput;
    if (choices.municipalities.length === 1) values.municipalityId = choices.municipalities[0]!.id;
    return sendPage(reply, MaterialFormPage({ ctx: pageContext(request, outreachNav(request, 'materials')), choices, values, errors: [] }));
  });

  app.post('/outreach/materials', { schema: hide }, async (request, reply) => {
    authorize(request.actor, canCreateMaterial, undefined);
    const regionId = request.actor.regionId!;
    const choices = await choicesFor(ctx, request.actor, regionId);
    const form = formOf(request, MATERIAL_FIELDS);
    const result = await createMaterial(ctx.db, request.actor, regionId, form, choices, await regionToday(ctx.db, regionId));
    if (!result.ok) return sendPage(reply, MaterialFormPage({ ctx: pageContext(request, outreachNav(request, 'materials')), choices, values: form, errors: translate(request.lang, result.errors) }), 400);
    return reply.redirect(`/outreach/materials/${result.materialId}?created=1`, 303);
  });

  app.get('/outreach/materials/:id', { schema: { ...hide, params: MaterialParams } }, async (request, reply) => {
    authorize(request.actor, canListMaterials, undefined);
    const material = await loadMaterial(ctx, request.params.id);
    authorize(request.actor, canViewMaterial, material);
    const q = request.query as Record<string, string | undefined>;
    const notice = q.created ? t(request.lang, 'materialCreated') : q.updated ? t(request.lang, 'updateRecorded') : q.saved ? t(request.lang, 'materialSaved') : undefined;
    return sendPage(
      reply,
      MaterialPage({
        ctx: pageContext(request, outreachNav(request, 'materials')),
        material,
        status: statusOf(material),
        updates: await listMaterialUpdates(ctx.db, material.id),
        canEdit: canEditMaterial(request.actor, material),
        values: { updatedOn: '', note: '' },
        errors: [],
        notice,
      }),
    );
  });

  app.get('/outreach/materials/:id/edit', { schema: { ...hide, params: MaterialParams } }, async (request, reply) => {
    authorize(request.actor, canListMaterials, undefined);
    const material = await loadMaterial(ctx, request.params.id);
    authorize(request.actor, canEditMaterial, material);
    const choices = await choicesFor(ctx, request.actor, material.regionId);
    return sendPage(reply, MaterialFormPage({ ctx: pageContext(request, outreachNav(request, 'materials')), material, choices, values: materialValues(material), errors: [] }));
  });

  app.post('/outreach/materials/:id', { schema: { ...hide, params: MaterialParams } }, async (request, reply) => {
    authorize(request.actor, canListMaterials, undefined);
    const material = await loadMaterial(ctx, request.params.id);
    authorize(request.actor, canEditMaterial, material);
    const choices = await choicesFor(ctx, request.actor, material.regionId);
    const form = formOf(request, MATERIAL_FIELDS);
    const result = await editMaterial(ctx.db, request.actor, material, form, choices);
    if (!result.ok) return sendPage(reply, MaterialFormPage({ ctx: pageContext(request, outreachNav(request, 'materials')), material, choices, values: form, errors: translate(request.lang, result.errors) }), 400);
    return reply.redirect(`/outreach/materials/${material.id}?saved=1`, 303);
  });

  app.get('/outreach/materials/:id/delete', { schema: { ...hide, params: MaterialParams } }, async (request, reply) => {
    authorize(request.actor, canListMaterials, undefined);
    const material = await loadMaterial(ctx, request.params.id);
    authorize(request.actor, canEditMaterial, material);
    const { count } = await materialUpdateSpan(ctx.db, material.id);
    return sendPage(reply, DeleteMaterialPage({ ctx: pageContext(request, outreachNav(request, 'materials')), material, updates: count }));
  });

  app.post('/outreach/materials/:id/delete', { schema: { ...hide, params: MaterialParams } }, async (request, reply) => {
    authorize(request.actor, canListMaterials, undefined);
    const material = await loadMaterial(ctx, request.params.id);
    authorize(request.actor, canEditMaterial, material);
    if (!(await deleteMaterial(ctx.db, request.actor, material))) throw new HttpError(404, 'not_found');
    return reply.redirect('/outreach/materials?deleted=1', 303);
  });

  app.post('/outreach/materials/:id/updates', { schema: { ...hide, params: MaterialParams } }, async (request, reply) => {
    authorize(request.actor, canListMaterials, undefined);
    const material = await loadMaterial(ctx, request.params.id);
    authorize(request.actor, canEditMaterial, material);
    const form: MaterialUpdateInput = formOf(request, UPDATE_FIELDS);
    const result = await recordMaterialUpdate(ctx.db, request.actor, material, form);
    if (!result.ok) {
      return sendPage(
        reply,
        MaterialPage({
          ctx: pageContext(request, outreachNav(request, 'materials')),
          material,
          status: statusOf(material),
          updates: await listMaterialUpdates(ctx.db, material.id),
          canEdit: true,
          values: form,
          errors: translate(request.lang, result.errors),
        }),
        400,
      );
    }
    return reply.redirect(`/outreach/materials/${material.id}?updated=1`, 303);
  });
}
