/** Who acts at the desk and where: every action names the operator and the centre (audit, notifications). */
import type { AuditEntry } from '../../platform/audit.js';
import type { StaffActor } from '../../platform/policy.js';
import type { ServiceCentreView } from '../territory/territory.repository.js';

export interface Desk {
  actor: StaffActor;
  centre: ServiceCentreView;
}

/** The audit fields of an operator's action about a citizen: actor, the centre's organisation (else the operator's), the centre in details. */
export function deskAudit(desk: Desk, action: string, citizenId: string | null, details: Record<string, unknown> = {}): AuditEntry {
  return {
    actorType: 'staff',
    actorId: desk.actor.id,
    action,
    subjectType: citizenId ? 'citizen' : null,
    subjectId: citizenId,
    organisationId: desk.centre.organisationId ?? desk.actor.organisationId,
    details: { centreId: desk.centre.id, ...details },
  };
}
