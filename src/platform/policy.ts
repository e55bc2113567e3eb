/**
 * Authorisation in one vocabulary. Each module writes tiny policy functions
 * (`(actor, resource) => boolean`) in its `*.policy.ts`; routes call
 * `authorize(actor, policy, resource)`, which throws a 401/403 HttpError that
 * the error handler turns into the sign-in redirect or the «Доступ запрещён» page.
 */
import type { Role } from './roles.js';
import { HttpError } from './errors.js';

export interface StaffActor {
  kind: 'staff';
  id: string;
  login: string;
  fullName: string;
  role: Role;
  regionId: string | null;
  municipalityId: string | null;
  organisationId: string | null;
  serviceCentreId: string | null;
  mustChangePassword: boolean;
}

export type Actor = StaffActor;

export type AccountLevel = 'simplified' | 'standard' | 'confirmed';

/** A signed-in citizen: only what every request needs; personal data is loaded where a page needs it. */
export interface CitizenPrincipal {
  kind: 'citizen';
  id: string;
  level: AccountLevel;
  mustChangePassword: boolean;
  /** «Ольга И.»: for the page header only */
  displayName: string;
}

export type Policy<R = void> = (actor: Actor, resource: R) => boolean;

/** What territory a staff member's role reaches. */
export type Scope =
  | { level: 'system' }
  | { level: 'region'; regionId: string }
  | { level: 'municipality'; regionId: string; municipalityId: string }
  | { level: 'organisation'; regionId: string; municipalityId: string | null; organisationId: string };

export function scopeOf(actor: StaffActor): Scope {
  switch (actor.role) {
    case 'system_admin':
      return { level: 'system' };
    case 'regional_admin':
      return { level: 'region', regionId: req(actor.regionId, 'regionId', actor) };
    case 'municipal_coordinator':
      return { level: 'municipality', regionId: req(actor.regionId, 'regionId', actor), municipalityId: req(actor.municipalityId, 'municipalityId', actor) };
    case 'operator':
    case 'reception':
    case 'department_officer':
      return {
        level: 'organisation',
        regionId: req(actor.regionId, 'regionId', actor),
        municipalityId: actor.municipalityId,
        organisationId: req(actor.organisationId, 'organisationId', actor),
      };
  }
}

function req(value: string | null, field: string, actor: StaffActor): string {
  if (!value) throw new Error(`Staff user ${actor.login} (${actor.role}) has no ${field}; fix the account`);
  return value;
}

/** Whether the actor's scope covers a place in the territory tree. */
export function scopeCovers(actor: StaffActor, place: { regionId: string; municipalityId?: string | null; organisationId?: string | null }): boolean {
  const scope = scopeOf(actor);
  switch (scope.level) {
    case 'system':
      return true;
    case 'region':
      return scope.regionId === place.regionId;
    case 'municipality':
      return scope.regionId === place.regionId && place.municipalityId === scope.municipalityId;
    case 'organisation':
      return scope.regionId === place.regionId && place.organisationId === scope.organisationId;
  }
}

export function hasRole(actor: Actor | null, ...roles: Role[]): boolean {
  return actor !== null && roles.includes(actor.role);
}

/** Throws 401 without an actor, 403 when the policy refuses. */
export function authorize<R>(actor: Actor | null, policy: Policy<R>, resource: R): asserts actor is Actor {
  if (!actor) throw new HttpError(401, 'unauthenticated');
  if (!policy(actor, resource)) throw new HttpError(403, 'forbidden');
}

/** Any signed-in staff member. */
export const anyStaff: Policy = () => true;
