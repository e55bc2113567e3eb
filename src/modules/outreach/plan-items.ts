/** Pure helpers on plan items: the derived «срок требует уточнения» flag and executor text. */
import type { PlanExecutor } from '../../db/schema/outreach.js';

/** The plan's year (from its period). */
export function planYear(periodFrom: string): number {
  return Number(periodFrom.slice(0, 4));
}

/**
 * Derived, never stored: a deadline that names a year other than the plan's
 * («II квартал 2016 года» in a 2026 plan) came from a template or an older plan
 * and needs review. Years are never rewritten automatically.
 */
export function deadlineNeedsReview(deadlineText: string, year: number): boolean {
  const years = deadlineText.match(/(?<!\d)(19|20)\d{2}(?!\d)/g) ?? [];
  return years.some((y) => Number(y) !== year);
}

export function executorsText(executors: PlanExecutor[], orgNames: Map<string, string> = new Map()): string[] {
  return executors.map((e) => ('post' in e ? e.post : (e.name ?? orgNames.get(e.organisationId) ?? e.organisationId)));
}
