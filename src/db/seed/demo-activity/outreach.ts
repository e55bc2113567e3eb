/**
 * The demo's outreach records, made through the outreach module's own use
 * cases (createPlan, approvePlan, createEvent, createMaterial,
 * recordMaterialUpdate) so they are validated and audited like a
 * coordinator's. Each part is skipped when the municipality already has it.
 */
import type { Database } from '../../client.js';
import type { StaffActor } from '../../../platform/policy.js';
import { createPlan } from '../../../modules/outreach/create-plan.js';
import { approvePlan } from '../../../modules/outreach/approve-plan.js';
import { listPlans } from '../../../modules/outreach/outreach.repository.js';
import { createEvent, type EventChoices } from '../../../modules/outreach/events/save-event.js';
import { listMunicipalities, listOrganisations, listPlanItemOptions } from '../../../modules/outreach/events/events.repository.js';
import { createMaterial, recordMaterialUpdate } from '../../../modules/outreach/materials/save-material.js';
import { findMaterial } from '../../../modules/outreach/materials/materials.repository.js';
import { planYear } from '../../../modules/outreach/plan-items.js';
import { addDays, type DemoQuarters } from './plan.js';
import type { DemoEvent, DemoMaterial } from './outreach-data.js';

export interface SeededEvent {
  municipalityId: string;
  code: string;
  heldOn: string;
  peopleReached: number;
}

interface Place {
  regionId: string;
  municipalityId: string;
  /** organisation key → id */
  organisations: Map<string, string>;
}

/** The day of a [quarterIndex, day] placement, or null when it is not before today. */
export function placedOn(quarters: DemoQuarters, quarterIndex: number, day: number, today: string): string | null {
  const q = quarters.window[quarterIndex];
  if (!q) return null;
  const date = addDays(q.from, day);
  return date < today && date <= addDays(q.from, q.fullDays - 1) ? date : null;
}

/** The current year's plan from the seed-002 template, approved by decree on 20 January (or yesterday, early in January). */
export async function seedPlan(db: Database, actor: StaffActor, place: Place, today: string, log: (line: string) => void): Promise<void> {
  const year = Number(today.slice(0, 4));
  const existing = await listPlans(db, { regionId: place.regionId, municipalityId: place.municipalityId });
  if (existing.some((p) => planYear(p.periodFrom) === year)) return;
  const created = await createPlan(db, actor, { regionId: place.regionId, municipalityId: place.municipalityId }, { year: String(year), source: 'template:kalga-2018' });
  if (!created.ok) throw new Error(`demo activity: plan not created (${created.errors.map((e) => e.code).join(', ')})`);
  const yesterday = addDays(today, -1);
  let decreeDate = yesterday < `${year}-01-20` ? yesterday : `${year}-01-20`;
  if (decreeDate < `${year}-01-01`) decreeDate = today;
  const approved = await approvePlan(db, actor, created.planId, { decreeNumber: '12', decreeDate });
  if (!approved.ok) throw new Error(`demo activity: plan not approved (${approved.errors.map((e) => e.code).join(', ')})`);
  log(`План мероприятий на ${year} год утверждён (${created.items} пунктов).`);
}

export async function seedEvents(
  db: Database,
  actor: StaffActor,
  place: Place,
  events: DemoEvent[],
  quarters: DemoQuarters,
  today: string,
): Promise<SeededEvent[]> {
  const { rows } = await db.query<{ n: number }>('select count(*)::int as n from outreach_events where municipality_id = $1', [place.municipalityId]);
  if (Number(rows[0]!.n) > 0) return [];
  const choices: EventChoices = {
    municipalities: (await listMunicipalities(db, place.regionId)).filter((m) => m.id === place.municipalityId),
    organisations: await listOrganisations(db, place.regionId, place.municipalityId),
    planItems: await listPlanItemOptions(db, place.regionId, place.municipalityId),
    activityTypeIds: new Set(),
  };
  const year = Number(today.slice(0, 4));
  const plan = (await listPlans(db, { regionId: place.regionId, municipalityId: place.municipalityId })).find((p) => planYear(p.periodFrom) === year);
  const seeded: SeededEvent[] = [];
  for (const e of events) {
    const heldOn = placedOn(quarters, e.quarterIndex, e.day, today);
    if (!heldOn) continue;
    // Only the current year's plan exists: earlier events are recorded without a plan item.
    const item = e.planItem && plan && heldOn.startsWith(String(year)) ? choices.planItems.find((i) => i.planId === plan.id && i.itemNumber === e.planItem) : undefined;
    const result = await createEvent(
      db,
      actor,
      place.regionId,
      {
        municipalityId: place.municipalityId,
        heldOn,
        title: e.title,
        format: e.format,
        formatOther: '',
        place: e.place,
        organisationId: e.organisationKey ? (place.organisations.get(e.organisationKey) ?? '') : '',
        audience: e.audience,
        peopleReached: String(e.peopleReached),
        links: e.links ?? '',
        planItemId: item?.id ?? '',
        activityTypeId: '',
        notes: '',
      },
      choices,
    );
    if (!result.ok) throw new Error(`demo activity: event «${e.title}» not saved (${result.errors.map((x) => `${x.field}: ${x.code}`).join(', ')})`);
    seeded.push({ municipalityId: place.municipalityId, code: result.code, heldOn, peopleReached: e.peopleReached });
  }
  return seeded;
}

export async function seedMaterials(db: Database, actor: StaffActor, place: Place, materials: DemoMaterial[], quarters: DemoQuarters, today: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>('select count(*)::int as n from outreach_materials where municipality_id = $1', [place.municipalityId]);
  if (Number(rows[0]!.n) > 0) return 0;
  const choices = {
    municipalities: (await listMunicipalities(db, place.regionId)).filter((m) => m.id === place.municipalityId),
    organisations: await listOrganisations(db, place.regionId, place.municipalityId),
  };
  let count = 0;
  for (const m of materials) {
    const postedOn = typeof m.posted === 'number' ? addDays(quarters.windowFrom, m.posted) : placedOn(quarters, m.posted[0], m.posted[1], today);
    if (!postedOn) continue;
    const created = await createMaterial(
      db,
      actor,
      place.regionId,
      {
        municipalityId: place.municipalityId,
        kind: m.kind,
        title: m.title,
        url: m.url ?? '',
        organisationId: m.organisationKey ? (place.organisations.get(m.organisationKey) ?? '') : '',
        room: m.room ?? '',
        postedOn,
      },
      choices,
      today,
    );
    if (!created.ok) throw new Error(`demo activity: material «${m.title}» not saved (${created.errors.map((x) => `${x.field}: ${x.code}`).join(', ')})`);
    count++;
    for (const [quarterIndex, day] of m.updates) {
      const updatedOn = placedOn(quarters, quarterIndex, day, today);
      if (!updatedOn || updatedOn < postedOn) continue;
      const view = await findMaterial(db, created.materialId);
      // The use case checks the date against the region's real today; the demo's today is never later.
      const result = await recordMaterialUpdate(db, actor, view!, { updatedOn, note: m.updateNote });
      if (!result.ok) throw new Error(`demo activity: update of «${m.title}» on ${updatedOn} not saved (${result.errors.map((x) => x.code).join(', ')})`);
    }
  }
  return count;
}
