/**
 * Who changes the working-day calendar: the system administrator the federal
 * transfers (region null); a regional administrator their region's own.
 * Everyone on staff may read it (deadlines are counted with it).
 */
import type { Policy } from '../../../platform/policy.js';

export const canViewCalendar: Policy = () => true;

/** regionId null = a federal transfer. */
export const canEditTransfer: Policy<{ regionId: string | null }> = (actor, t) =>
  actor.role === 'system_admin' || (actor.role === 'regional_admin' && t.regionId !== null && actor.regionId === t.regionId);

/** Where the actor's new transfers go: federal for the system administrator, the region for a regional one. */
export function transferScopeFor(actor: { role: string; regionId: string | null }): { regionId: string | null } | null {
  if (actor.role === 'system_admin') return { regionId: null };
  if (actor.role === 'regional_admin' && actor.regionId) return { regionId: actor.regionId };
  return null;
}
