/**
 * Who may see and change the territory tree. The tree itself (names, OKTMO,
 * addresses) is public information; staff see their own region. Employee
 * counts feed the scores, so only the municipality's coordinator (their own
 * municipality) and the regional administrator (their region) change them.
 */
import { scopeCovers, type Policy } from '../../platform/policy.js';
import type { OrganisationView } from './territory.repository.js';

export const canViewRegion: Policy<{ regionId: string }> = (actor, region) =>
  actor.role === 'system_admin' || actor.regionId === region.regionId;

export const canEditOrganisation: Policy<OrganisationView> = (actor, org) =>
  (actor.role === 'municipal_coordinator' || actor.role === 'regional_admin' || actor.role === 'system_admin') &&
  scopeCovers(actor, { regionId: org.regionId, municipalityId: org.municipalityId, organisationId: org.id });
