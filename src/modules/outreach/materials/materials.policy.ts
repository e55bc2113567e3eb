/**
 * Who records outreach materials (as for events):
 * - a municipal coordinator: their own municipality's materials;
 * - a regional administrator: any material of their region;
 * - the system administrator: everything;
 * - operators, reception staff, department officers: read their municipality's materials only.
 */
import { canCreateEvent, canEditEvent, canListEvents, canViewEvent } from '../events/events.policy.js';

export const canEditMaterial = canEditEvent;
export const canViewMaterial = canViewEvent;
export const canCreateMaterial = canCreateEvent;
export const canListMaterials = canListEvents;
