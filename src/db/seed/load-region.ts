/**
 * Loads a region's territory data (src/db/seed/data) into the database.
 * Idempotent: rows are matched by their stable `key` and updated in place,
 * so re-running after editing the data file applies the edit.
 */
import type { Queryable } from '../client.js';
import type { RegionSeed } from './data/types.js';

export interface LoadedRegion {
  regionId: string;
  municipalities: Map<string, string>;
  organisations: Map<string, string>;
  serviceCentres: Map<string, string>;
}

export async function loadRegion(db: Queryable, region: RegionSeed): Promise<LoadedRegion> {
  const { rows } = await db.query<{ id: string }>(
    `insert into regions (key, name, oktmo_prefix, time_zone, population, population_illustrative, population_source)
     values ($1, $2, $3, $4, $5, $6, $7)
     on conflict (key) do update set name = excluded.name, oktmo_prefix = excluded.oktmo_prefix, time_zone = excluded.time_zone,
       population = excluded.population, population_illustrative = excluded.population_illustrative, population_source = excluded.population_source
     returning id`,
    [region.key, region.name, region.oktmoPrefix, region.timeZone, region.population.value, region.population.illustrative, region.population.source ?? null],
  );
  const regionId = rows[0]!.id;
  const loaded: LoadedRegion = { regionId, municipalities: new Map(), organisations: new Map(), serviceCentres: new Map() };

  for (const m of region.municipalities) {
    const mr = await db.query<{ id: string }>(
      `insert into municipalities (region_id, key, name, type, oktmo, oktmo_illustrative, population, population_illustrative, population_source, centre)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       on conflict (key) do update set region_id = excluded.region_id, name = excluded.name, type = excluded.type, oktmo = excluded.oktmo,
         oktmo_illustrative = excluded.oktmo_illustrative, population = excluded.population,
         population_illustrative = excluded.population_illustrative, population_source = excluded.population_source, centre = excluded.centre
       returning id`,
      [regionId, m.key, m.name, m.type, m.oktmo.value, m.oktmo.illustrative, m.population.value, m.population.illustrative, m.population.source ?? null, m.centre],
    );
    const municipalityId = mr.rows[0]!.id;
    loaded.municipalities.set(m.key, municipalityId);

    for (const o of m.organisations) {
      const or = await db.query<{ id: string }>(
        `insert into organisations (region_id, municipality_id, key, name, short_name, kind, employees, employees_illustrative, address)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         on conflict (key) do update set region_id = excluded.region_id, municipality_id = excluded.municipality_id, name = excluded.name,
           short_name = excluded.short_name, kind = excluded.kind, address = excluded.address
         returning id`,
        // Employee counts a coordinator has corrected (illustrative = false) are kept on re-seed.
        [regionId, municipalityId, o.key, o.name, o.shortName, o.kind, o.employees.value, o.employees.illustrative, o.address],
      );
      loaded.organisations.set(o.key, or.rows[0]!.id);
    }

    for (const c of m.serviceCentres) {
      const organisationId = c.organisationKey ? loaded.organisations.get(c.organisationKey) ?? null : null;
      const cr = await db.query<{ id: string }>(
        `insert into service_centres (municipality_id, organisation_id, key, name, type, address, lat, lon, coordinates_illustrative, phone, hours, capabilities)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         on conflict (key) do update set municipality_id = excluded.municipality_id, organisation_id = excluded.organisation_id,
           name = excluded.name, type = excluded.type, address = excluded.address, lat = excluded.lat, lon = excluded.lon,
           coordinates_illustrative = excluded.coordinates_illustrative, phone = excluded.phone, hours = excluded.hours,
           capabilities = excluded.capabilities
         returning id`,
        [municipalityId, organisationId, c.key, c.name, c.type, c.address, c.lat, c.lon, c.coordinatesIllustrative, c.phone ?? null, JSON.stringify(c.hours), c.capabilities],
      );
      loaded.serviceCentres.set(c.key, cr.rows[0]!.id);
    }
  }
  return loaded;
}
