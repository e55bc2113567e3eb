/** The exact fields of territory objects that leave the server. */
import type { z } from 'zod';
import type { MunicipalitySchema, OrganisationSchema, ServiceCentreSchema } from './territory.schemas.js';
import type { MunicipalityView, OrganisationView, ServiceCentreView } from './territory.repository.js';

export function presentServiceCentre(c: ServiceCentreView, municipalityKey: string): z.infer<typeof ServiceCentreSchema> {
  return {
    key: c.key,
    name: c.name,
    type: c.type,
    municipality: { key: municipalityKey, name: c.municipalityName },
    address: c.address,
    location: { lat: c.lat, lon: c.lon, illustrative: c.coordinatesIllustrative },
    phone: c.phone,
    hours: c.hours,
    capabilities: c.capabilities,
  };
}

export function presentMunicipality(m: MunicipalityView): z.infer<typeof MunicipalitySchema> {
  return {
    key: m.key,
    name: m.name,
    type: m.type,
    oktmo: { value: m.oktmo, illustrative: m.oktmoIllustrative },
    population: { value: m.population, illustrative: m.populationIllustrative, source: m.populationSource },
    centre: m.centre,
    organisationCount: m.organisationCount,
    serviceCentreCount: m.serviceCentreCount,
  };
}

export function presentOrganisation(o: OrganisationView): z.infer<typeof OrganisationSchema> {
  return {
    key: o.key,
    name: o.name,
    shortName: o.shortName,
    kind: o.kind,
    employees: { value: o.employees, illustrative: o.employeesIllustrative },
    address: o.address,
  };
}
