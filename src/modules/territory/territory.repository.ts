/** SQL for the territory tree: region → municipalities → organisations and service centres. */
import type { Queryable } from '../../db/client.js';
import type { OpeningHoursRow } from '../../db/schema/territory.js';

export interface RegionView {
  id: string;
  key: string;
  name: string;
  oktmoPrefix: string;
  timeZone: string;
  population: number | null;
  populationIllustrative: boolean;
  municipalityCount: number;
  serviceCentreCount: number;
}

export interface MunicipalityView {
  id: string;
  regionId: string;
  key: string;
  name: string;
  type: 'municipal_district' | 'urban_district' | 'municipal_okrug';
  oktmo: string;
  oktmoIllustrative: boolean;
  population: number | null;
  populationIllustrative: boolean;
  populationSource: string | null;
  centre: string;
  organisationCount: number;
  serviceCentreCount: number;
}

export interface OrganisationView {
  id: string;
  regionId: string;
  municipalityId: string | null;
  key: string;
  name: string;
  shortName: string;
  kind: string;
  employees: number | null;
  employeesIllustrative: boolean;
  address: string | null;
}

export interface ServiceCentreView {
  id: string;
  regionId: string;
  municipalityId: string;
  municipalityName: string;
  organisationId: string | null;
  key: string;
  name: string;
  type: 'mfc' | 'post_office' | 'municipal_centre';
  address: string;
  lat: number;
  lon: number;
  coordinatesIllustrative: boolean;
  phone: string | null;
  hours: OpeningHoursRow[];
  capabilities: Array<'register' | 'confirm' | 'restore' | 'delete'>;
}

const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export async function listRegions(db: Queryable): Promise<RegionView[]> {
  const { rows } = await db.query<Record<string, unknown>>(
    `select r.*, (select count(*) from municipalities m where m.region_id = r.id) as municipality_count,
            (select count(*) from service_centres c join municipalities m on m.id = c.municipality_id where m.region_id = r.id) as centre_count
       from regions r order by r.name`,
  );
  return rows.map((r) => ({
    id: String(r.id),
    key: String(r.key),
    name: String(r.name),
    oktmoPrefix: String(r.oktmo_prefix),
    timeZone: String(r.time_zone),
    population: n(r.population),
    populationIllustrative: Boolean(r.population_illustrative),
    municipalityCount: Number(r.municipality_count),
    serviceCentreCount: Number(r.centre_count),
  }));
}

function toMunicipality(r: Record<string, unknown>): MunicipalityView {
  return {
    id: String(r.id),
    regionId: String(r.region_id),
    key: String(r.key),
    name: String(r.name),
    type: r.type as MunicipalityView['type'],
    oktmo: String(r.oktmo),
    oktmoIllustrative: Boolean(r.oktmo_illustrative),
    population: n(r.population),
    populationIllustrative: Boolean(r.population_illustrative),
    populationSource: (r.population_source as string | null) ?? null,
    centre: String(r.centre),
    organisationCount: Number(r.organisation_count ?? 0),
    serviceCentreCount: Number(r.centre_count ?? 0),
  };
}

const MUNICIPALITY_SELECT = `select m.*,
  (select count(*) from organisations o where o.municipality_id = m.id) as organisation_count,
  (select count(*) from service_centres c where c.municipality_id = m.id) as centre_count
  from municipalities m`;

export async function listMunicipalities(db: Queryable, regionId: string): Promise<MunicipalityView[]> {
  const { rows } = await db.query<Record<string, unknown>>(`${MUNICIPALITY_SELECT} where m.region_id = $1 order by m.name`, [regionId]);
  return rows.map(toMunicipality);
}

export async function findMunicipality(db: Queryable, by: { key: string } | { id: string }): Promise<MunicipalityView | null> {
  const [column, value] = 'key' in by ? ['key', by.key] : ['id', by.id];
  const { rows } = await db.query<Record<string, unknown>>(`${MUNICIPALITY_SELECT} where m.${column} = $1`, [value]);
  return rows[0] ? toMunicipality(rows[0]) : null;
}

function toOrganisation(r: Record<string, unknown>): OrganisationView {
  return {
    id: String(r.id),
    regionId: String(r.region_id),
    municipalityId: (r.municipality_id as string | null) ?? null,
    key: String(r.key),
    name: String(r.name),
    shortName: String(r.short_name),
    kind: String(r.kind),
    employees: n(r.employees),
    employeesIllustrative: Boolean(r.employees_illustrative),
    address: (r.address as string | null) ?? null,
  };
}

export async function listOrganisations(db: Queryable, municipalityId: string): Promise<OrganisationView[]> {
  const { rows } = await db.query<Record<string, unknown>>(
    `select * from organisations where municipality_id = $1
      order by case kind when 'administration' then 0 when 'mfc' then 1 else 2 end, name`,
    [municipalityId],
  );
  return rows.map(toOrganisation);
}

export async function findOrganisation(db: Queryable, by: { key: string } | { id: string }): Promise<OrganisationView | null> {
  const [column, value] = 'key' in by ? ['key', by.key] : ['id', by.id];
  const { rows } = await db.query<Record<string, unknown>>(`select * from organisations where ${column} = $1`, [value]);
  return rows[0] ? toOrganisation(rows[0]) : null;
}

export async function updateOrganisationEmployees(db: Queryable, id: string, employees: number): Promise<void> {
  await db.query('update organisations set employees = $2, employees_illustrative = false where id = $1', [id, employees]);
}

function toCentre(r: Record<string, unknown>): ServiceCentreView {
  return {
    id: String(r.id),
    regionId: String(r.region_id),
    municipalityId: String(r.municipality_id),
    municipalityName: String(r.municipality_name),
    organisationId: (r.organisation_id as string | null) ?? null,
    key: String(r.key),
    name: String(r.name),
    type: r.type as ServiceCentreView['type'],
    address: String(r.address),
    lat: Number(r.lat),
    lon: Number(r.lon),
    coordinatesIllustrative: Boolean(r.coordinates_illustrative),
    phone: (r.phone as string | null) ?? null,
    hours: (typeof r.hours === 'string' ? JSON.parse(r.hours) : r.hours) as OpeningHoursRow[],
    capabilities: r.capabilities as ServiceCentreView['capabilities'],
  };
}

export async function listServiceCentres(
  db: Queryable,
  filter: { regionId: string; municipalityId?: string; capability?: string },
): Promise<ServiceCentreView[]> {
  const params: unknown[] = [filter.regionId];
  let where = 'm.region_id = $1';
  if (filter.municipalityId) {
    params.push(filter.municipalityId);
    where += ` and c.municipality_id = $${params.length}`;
  }
  if (filter.capability) {
    params.push(filter.capability);
    where += ` and $${params.length} = any(c.capabilities)`;
  }
  const { rows } = await db.query<Record<string, unknown>>(
    `select c.*, m.region_id, m.name as municipality_name from service_centres c
       join municipalities m on m.id = c.municipality_id where ${where} order by m.name, c.name`,
    params,
  );
  return rows.map(toCentre);
}

export async function findServiceCentre(db: Queryable, key: string): Promise<ServiceCentreView | null> {
  const { rows } = await db.query<Record<string, unknown>>(
    `select c.*, m.region_id, m.name as municipality_name from service_centres c
       join municipalities m on m.id = c.municipality_id where c.key = $1`,
    [key],
  );
  return rows[0] ? toCentre(rows[0]) : null;
}

/** Human description of where a staff member works, for the dashboard. */
export async function describePlace(db: Queryable, place: { regionId: string | null; municipalityId: string | null; organisationId: string | null }): Promise<string[]> {
  const parts: string[] = [];
  if (place.organisationId) {
    const o = await findOrganisation(db, { id: place.organisationId });
    if (o) parts.push(o.name);
  }
  if (place.municipalityId) {
    const m = await findMunicipality(db, { id: place.municipalityId });
    if (m) parts.push(m.name);
  }
  if (place.regionId) {
    const { rows } = await db.query<{ name: string }>('select name from regions where id = $1', [place.regionId]);
    if (rows[0]) parts.push(rows[0].name);
  }
  return parts;
}

/** The region's IANA time zone (Asia/Chita for the demo); Moscow time when none is known. */
export async function regionTimeZone(db: Queryable, regionId: string | null): Promise<string> {
  if (!regionId) return 'Europe/Moscow';
  const { rows } = await db.query<{ time_zone: string }>('select time_zone from regions where id = $1', [regionId]);
  return rows[0]?.time_zone ?? 'Europe/Moscow';
}

export async function findServiceCentreById(db: Queryable, id: string): Promise<ServiceCentreView | null> {
  const { rows } = await db.query<Record<string, unknown>>(
    `select c.*, m.region_id, m.name as municipality_name from service_centres c
       join municipalities m on m.id = c.municipality_id where c.id = $1`,
    [id],
  );
  return rows[0] ? toCentre(rows[0]) : null;
}
