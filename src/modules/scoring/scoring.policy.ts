/**
 * Who evaluates scoring models: the regional administrator and the system
 * administrator. Municipal coordinators and centre staff see their scores
 * elsewhere; they do not run arbitrary evaluations.
 */
import type { Policy } from '../../platform/policy.js';

export const canEvaluateScoring: Policy = (actor) => actor.role === 'regional_admin' || actor.role === 'system_admin';
