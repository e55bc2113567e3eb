/** The plan templates a municipality can start from (seeds 002 and 003). */
import { kalga2018 } from './kalga-2018.js';
import { okha2016 } from './okha-2016.js';
import type { PlanTemplate } from './types.js';

export type { PlanTemplate, PlanTemplateItem, PlanTemplateSection } from './types.js';
export { kalga2018, okha2016 };

export const PLAN_TEMPLATES: readonly PlanTemplate[] = [kalga2018, okha2016];

export function findPlanTemplate(key: string): PlanTemplate | undefined {
  return PLAN_TEMPLATES.find((t) => t.key === key);
}
