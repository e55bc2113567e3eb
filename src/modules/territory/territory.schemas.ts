/** zod schemas of the territory API: they validate, type, and generate the OpenAPI document. */
import { z } from 'zod';

export const CapabilitySchema = z.enum(['register', 'confirm', 'restore', 'delete']);

export const OpeningHoursSchema = z.object({
  day: z.number().int().min(1).max(7).describe('ISO weekday, 1 = Monday'),
  opens: z.string().describe('HH:MM local time'),
  closes: z.string(),
  breakFrom: z.string().optional(),
  breakTo: z.string().optional(),
});

export const ServiceCentreSchema = z.object({
  key: z.string(),
  name: z.string(),
  type: z.enum(['mfc', 'post_office', 'municipal_centre']),
  municipality: z.object({ key: z.string(), name: z.string() }),
  address: z.string(),
  location: z.object({ lat: z.number(), lon: z.number(), illustrative: z.boolean() }),
  phone: z.string().nullable(),
  hours: z.array(OpeningHoursSchema),
  capabilities: z.array(CapabilitySchema),
});

export const ServiceCentreListSchema = z.object({ items: z.array(ServiceCentreSchema) });

export const ServiceCentreQuerySchema = z.object({
  region: z.string().optional().describe('region key; defaults to the only/first region'),
  municipality: z.string().optional().describe('municipality key'),
  capability: CapabilitySchema.optional(),
});

const Figure = z.object({ value: z.number().nullable(), illustrative: z.boolean() });

export const MunicipalitySchema = z.object({
  key: z.string(),
  name: z.string(),
  type: z.enum(['municipal_district', 'urban_district', 'municipal_okrug']),
  oktmo: z.object({ value: z.string(), illustrative: z.boolean() }),
  population: Figure.extend({ source: z.string().nullable() }),
  centre: z.string(),
  organisationCount: z.number().int(),
  serviceCentreCount: z.number().int(),
});

export const MunicipalityListSchema = z.object({ region: z.object({ key: z.string(), name: z.string() }), items: z.array(MunicipalitySchema) });

export const OrganisationSchema = z.object({
  key: z.string(),
  name: z.string(),
  shortName: z.string(),
  kind: z.string(),
  employees: Figure,
  address: z.string().nullable(),
});

export const ErrorSchema = z.object({ error: z.string(), statusCode: z.number().optional() });
