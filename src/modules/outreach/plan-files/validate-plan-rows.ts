/**
 * Every item read from a file goes through the item form's rules
 * (validateItem): content, executors, a deadline the parser understands, the
 * indicator and the sum. Problems are named by row and by the column heading as
 * written in the file. Executors that name one of the plan's organisations
 * exactly (as the export writes them) become that organisation again.
 */
import type { NewItem } from '../outreach.repository.js';
import { validateItem } from '../update-plan-item.js';
import { PLAN_COLUMNS, type PlanColumnKey } from './plan-document.js';
import type { ImportIssue } from './plan-files.messages.js';
import type { ReadPlan } from './read-plan-xlsx.js';

const FIELD_COLUMN: Record<string, PlanColumnKey> = {
  content: 'content',
  executors: 'executors',
  organisationIds: 'executors',
  deadlineText: 'deadline',
  expectedResult: 'result',
  indicatorNodeId: 'indicator',
  budgetRub: 'budget',
};

const nameKey = (s: string) => s.toLowerCase().replace(/ё/g, 'е').replace(/[«»"“”]/g, '').replace(/\s+/g, ' ').trim();

/** «A\nB», «A; B» → ['A', 'B'] */
export function executorLines(text: string): string[] {
  return text
    .split(/\n|;/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

export type ValidatedRows = { ok: true; items: NewItem[] } | { ok: false; issues: ImportIssue[] };

/** `organisations`: id → name of the organisations that may be executors of the plan. */
export function validatePlanRows(plan: ReadPlan, organisations: Map<string, string>): ValidatedRows {
  const byName = new Map([...organisations].map(([id, name]) => [nameKey(name), id]));
  const heading = (k: PlanColumnKey) => plan.columns[k]?.heading ?? PLAN_COLUMNS.find((c) => c.key === k)!.heading;
  const issues: ImportIssue[] = [];
  const items: NewItem[] = [];
  for (const row of plan.items) {
    const lines = executorLines(row.executors);
    const organisationIds = lines.map((l) => byName.get(nameKey(l))).filter((id): id is string => id !== undefined);
    const posts = lines.filter((l) => !byName.has(nameKey(l)));
    const { changes, errors } = validateItem(
      {
        content: row.content,
        executors: posts.join('\n'),
        organisationIds,
        deadlineText: row.deadline,
        expectedResult: row.result,
        indicatorNodeId: row.indicator,
        budgetRub: row.budget,
        activityTypeId: '',
      },
      { activityTypeIds: new Set(), organisations },
    );
    for (const e of errors) issues.push({ ns: 'outreach', code: e.code, vars: e.vars, row: row.row, column: heading(FIELD_COLUMN[e.field] ?? 'content') });
    if (!changes) continue;
    // validateItem lists organisations first; keep the file's order.
    const position = (e: (typeof changes.executors)[number]) => lines.findIndex((l) => ('post' in e ? l === e.post : byName.get(nameKey(l)) === e.organisationId));
    changes.executors = [...changes.executors].sort((a, b) => position(a) - position(b));
    items.push({
      sectionNumber: row.sectionNumber,
      sectionTitle: row.sectionTitle,
      itemNumber: row.itemNumber,
      sortOrder: items.length + 1,
      ...changes,
    });
  }
  return issues.length ? { ok: false, issues } : { ok: true, items };
}
