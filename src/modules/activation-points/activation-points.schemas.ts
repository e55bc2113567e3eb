/** zod schemas of the activation-points search: they validate the query, type it, and describe the API. */
import { z } from 'zod';
import { ServiceCentreSchema } from '../territory/territory.schemas.js';
import { CAPABILITIES, POINT_TYPES } from './activation-points.service.js';

const Capability = z.enum(CAPABILITIES);
const PointType = z.enum(POINT_TYPES);

/** An empty form field ('') counts as not given: a GET form sends every field. */
function blankable<T extends z.ZodType>(schema: T) {
  return z
    .union([z.literal(''), schema])
    .optional()
    .transform((v) => (v === '' ? undefined : v) as z.output<T> | undefined);
}

const coordinate = (max: number, what: string) =>
  z
    .string()
    .trim()
    .regex(/^-?\d{1,3}(\.\d{1,10})?$/, `${what}: a decimal number of degrees`)
    .transform(Number)
    .pipe(z.number().min(-max).max(max))
    .describe(`${what} in decimal degrees (WGS 84)`);

export const ActivationPointQuerySchema = z
  .object({
    capability: z
      .union([Capability, z.array(Capability).max(CAPABILITIES.length)])
      .optional()
      .transform((v) => (v === undefined ? [] : Array.isArray(v) ? [...new Set(v)] : [v]))
      .describe('what the point must be able to do; repeat the parameter for several (all must be possible)'),
    type: blankable(PointType).describe('mfc, post_office or municipal_centre (administration)'),
    municipality: blankable(z.string().max(100)).describe('municipality key'),
    near: z.string().max(100).optional().transform((v) => v?.trim() || undefined).describe('a settlement name, e.g. «Калга» or «г. Чита»: sorts by distance from it'),
    lat: blankable(coordinate(90, 'latitude')),
    lon: blankable(coordinate(180, 'longitude')),
    openNow: z
      .enum(['1', '0', 'true', 'false', 'on', ''])
      .optional()
      .transform((v) => v === '1' || v === 'true' || v === 'on')
      .describe('only points open now (local time of the region, lunch breaks included)'),
    page: blankable(z.string().regex(/^\d{1,4}$/).transform(Number).pipe(z.number().int().min(1)))
      .transform((v) => v ?? 1)
      .describe('page number, 20 points a page'),
  })
  .superRefine((q, ctx) => {
    if ((q.lat === undefined) !== (q.lon === undefined)) {
      ctx.addIssue({ code: 'custom', path: [q.lat === undefined ? 'lat' : 'lon'], message: 'lat and lon go together' });
    }
  });

export type ActivationPointQuery = z.output<typeof ActivationPointQuerySchema>;

export const ActivationPointSchema = ServiceCentreSchema.extend({
  openNow: z.boolean().describe('open at the moment of the request, in the region’s time zone'),
  distanceKm: z.number().optional().describe('straight-line distance from the reference point; only when one is given'),
});

export const ActivationPointListSchema = z.object({
  items: z.array(ActivationPointSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageCount: z.number().int(),
  reference: z
    .object({ name: z.string(), lat: z.number(), lon: z.number() })
    .nullable()
    .describe('the point distances are measured from: the settlement found for `near`, or the given lat/lon'),
});

export const ActivationPointErrorSchema = z.object({
  error: z.string().describe('validation | settlement_not_found | municipality_not_found'),
  statusCode: z.number().optional(),
  message: z.string().optional(),
  issues: z.array(z.unknown()).optional().describe('what is wrong with the query (validation only)'),
});
