/** zod schemas of the identity API (validation, types and the OpenAPI document). */
import { z } from 'zod';

export const ApiErrorSchema = z.object({ error: z.string(), fields: z.record(z.string(), z.string()).optional() });

export const RegistrationStartSchema = z
  .object({
    lastName: z.string().max(100),
    firstName: z.string().max(100),
    phone: z.string().max(40).optional(),
    email: z.string().max(254).optional(),
    eventCode: z.string().max(40).optional().describe('code of an outreach event printed on its materials'),
  })
  .describe('Either phone or email');

export const SessionSchema = z.object({
  citizen: z.object({ id: z.string().uuid(), level: z.enum(['simplified', 'standard', 'confirmed']) }),
  csrfToken: z.string().describe('send as x-csrf-token with every later write'),
});

const CheckStatusSchema = z.object({
  dataVersion: z.number().nullable(),
  state: z.enum(['none', 'in_progress', 'passed', 'mismatch', 'unavailable']),
  registries: z.array(
    z.object({
      registry: z.enum(['pension_fund', 'migration_service']),
      status: z.enum(['queued', 'in_progress', 'matched', 'mismatch', 'unavailable']),
      reason: z.string().nullable(),
      attempts: z.number(),
      updatedAt: z.date().nullable(),
    }),
  ),
});

export const MeSchema = z.object({
  id: z.string().uuid(),
  lastName: z.string(),
  firstName: z.string(),
  middleName: z.string().nullable(),
  level: z.enum(['simplified', 'standard', 'confirmed']),
  contacts: z.array(z.object({ kind: z.enum(['phone', 'email']), value: z.string().describe('masked'), verified: z.boolean() })),
  personalDataFilled: z.boolean(),
  checks: CheckStatusSchema,
  csrfToken: z.string(),
});

export const PersonalDataBodySchema = z.object({
  lastName: z.string().max(100),
  firstName: z.string().max(100),
  middleName: z.string().max(100).nullable().optional(),
  birthDate: z.string().max(20).describe('dd.mm.yyyy or yyyy-mm-dd'),
  birthPlace: z.string().max(300),
  gender: z.enum(['male', 'female']),
  snils: z.string().max(20),
  passport: z.object({
    series: z.string().max(10),
    number: z.string().max(10),
    issueDate: z.string().max(20),
    issuerCode: z.string().max(10),
    issuedBy: z.string().max(300),
  }),
  registrationAddress: z.string().max(400),
  residenceAddress: z.string().max(400).nullable().optional().describe('omit when the same as the registration address'),
});
