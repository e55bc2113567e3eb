/**
 * What is due: the occurrences (due dates) of the items of approved plans and
 * their status relative to «today» in the region's time zone. Pure: the caller
 * brings the items, the completion marks, the working-day calendar (from the
 * editable calendar_transfers table) and today.
 *
 * Status of one occurrence (item, dueOn):
 * - done      — a completion mark exists for (item, dueOn), whenever it was made;
 * - overdue   — dueOn < today (the due day itself is not overdue);
 * - due_soon  — dueOn ≥ today and at most `daysBefore` working days remain, counted
 *               in (today, dueOn] on the production calendar (holidays and transfers
 *               make the window longer in calendar days);
 * - upcoming  — everything later.
 *
 * Days overdue are shown in calendar days («Просрочено на 12 дней»); the
 * escalation threshold counts working days in (dueOn, today].
 */
import type { PlanExecutor } from '../../../db/schema/outreach.js';
import {
  compareIsoDates,
  dueDates,
  isValidIsoDate,
  lastDayOfMonth,
  parseIsoDate,
  quarterEnd,
  toDayNumber,
  toIsoDate,
  type Deadline,
  type IsoDate,
  type WorkingCalendar,
} from '../deadlines/index.js';

export type OccurrenceStatus = 'done' | 'overdue' | 'due_soon' | 'upcoming';
export const OCCURRENCE_STATUSES: readonly OccurrenceStatus[] = ['overdue', 'due_soon', 'upcoming', 'done'];

/** Where «now» comes from; injected in tests. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

/** An item of an approved plan's working copy, with what the due list shows about its plan. */
export interface DueItem {
  planId: string;
  planTitle: string;
  regionId: string;
  /** null = the region's own plan */
  municipalityId: string | null;
  municipalityName: string | null;
  regionName: string;
  currentVersion: number;
  periodFrom: IsoDate;
  periodTo: IsoDate;
  itemId: string;
  itemNumber: string;
  sortOrder: number;
  content: string;
  executors: PlanExecutor[];
  /** the stored parsed deadline (jsonb), null when the text was not understood */
  deadline: unknown;
}

export interface CompletionMark {
  planItemId: string;
  dueOn: IsoDate;
  doneOn: IsoDate;
  note: string;
  eventId: string | null;
  eventTitle: string | null;
  createdBy: string | null;
}

export interface Occurrence {
  item: DueItem;
  dueOn: IsoDate;
  status: OccurrenceStatus;
  completion: CompletionMark | null;
  /** calendar days after dueOn (0 unless overdue) */
  daysOverdue: number;
  /** working days in (dueOn, today] (0 unless overdue) */
  workingDaysOverdue: number;
  /** working days in (today, dueOn] (0 when overdue) */
  workingDaysLeft: number;
  /** calendar days from today to dueOn (0 on the due day and when overdue) */
  daysLeft: number;
}

export interface StatusOptions {
  today: IsoDate;
  /** working days before the due date that count as «скоро» */
  daysBefore: number;
}

/** The calendar date (yyyy-mm-dd) at instant `now` in an IANA time zone such as Asia/Chita. */
export function todayIn(timeZone: string, now: Date): IsoDate {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function completionKey(planItemId: string, dueOn: IsoDate): string {
  return `${planItemId}|${dueOn}`;
}

const DEADLINE_KINDS = new Set(['date', 'month', 'quarter', 'half_year', 'year', 'continuous', 'as_needed', 'recurring', 'after_event', 'report_after_period']);

/** The stored deadline when it has the shape of a Deadline, else null. */
export function storedDeadline(value: unknown): Deadline | null {
  if (typeof value !== 'object' || value === null) return null;
  const kind = (value as { kind?: unknown }).kind;
  return typeof kind === 'string' && DEADLINE_KINDS.has(kind) ? (value as Deadline) : null;
}

/**
 * The due dates of an item in its plan period. after_event deadlines have no dates
 * without their triggering events (none are recorded for them), continuous and
 * as_needed have none; an item whose stored deadline is malformed has none either.
 */
export function itemDueDates(item: DueItem, calendar: WorkingCalendar): IsoDate[] {
  const deadline = storedDeadline(item.deadline);
  if (!deadline || deadline.kind === 'after_event') return [];
  try {
    return dueDates(deadline, { from: item.periodFrom, to: item.periodTo }, calendar);
  } catch (error) {
    if (error instanceof RangeError) return [];
    throw error;
  }
}

export function occurrenceStatus(dueOn: IsoDate, done: boolean, calendar: WorkingCalendar, options: StatusOptions): OccurrenceStatus {
  if (done) return 'done';
  if (compareIsoDates(dueOn, options.today) < 0) return 'overdue';
  return calendar.workingDaysBetween(options.today, dueOn) <= options.daysBefore ? 'due_soon' : 'upcoming';
}

export function makeOccurrence(item: DueItem, dueOn: IsoDate, completion: CompletionMark | null, calendar: WorkingCalendar, options: StatusOptions): Occurrence {
  const status = occurrenceStatus(dueOn, completion !== null, calendar, options);
  const late = compareIsoDates(dueOn, options.today) < 0;
  return {
    item,
    dueOn,
    status,
    completion,
    daysOverdue: late && !completion ? toDayNumber(options.today) - toDayNumber(dueOn) : 0,
    workingDaysOverdue: late && !completion ? calendar.workingDaysBetween(dueOn, options.today) : 0,
    workingDaysLeft: late ? 0 : calendar.workingDaysBetween(options.today, dueOn),
    daysLeft: late ? 0 : toDayNumber(dueOn) - toDayNumber(options.today),
  };
}

const RANK: Record<OccurrenceStatus, number> = { overdue: 0, due_soon: 1, upcoming: 2, done: 3 };

/** Overdue first, then due soon, upcoming and done; within each by due date, then plan and item order. */
export function compareOccurrences(a: Occurrence, b: Occurrence): number {
  return (
    RANK[a.status] - RANK[b.status] ||
    compareIsoDates(a.dueOn, b.dueOn) ||
    (a.item.municipalityName ?? '').localeCompare(b.item.municipalityName ?? '', 'ru') ||
    a.item.planId.localeCompare(b.item.planId) ||
    a.item.sortOrder - b.item.sortOrder
  );
}

/** Every occurrence of the items, with its status; sorted by compareOccurrences. */
export function buildOccurrences(
  items: readonly DueItem[],
  completions: ReadonlyMap<string, CompletionMark>,
  calendar: WorkingCalendar,
  options: StatusOptions,
): Occurrence[] {
  if (!isValidIsoDate(options.today)) throw new RangeError(`today must be yyyy-mm-dd: ${String(options.today)}`);
  if (!Number.isInteger(options.daysBefore) || options.daysBefore < 0) throw new RangeError(`daysBefore must be a non-negative integer: ${options.daysBefore}`);
  const out: Occurrence[] = [];
  for (const item of items) {
    for (const dueOn of itemDueDates(item, calendar)) {
      out.push(makeOccurrence(item, dueOn, completions.get(completionKey(item.itemId, dueOn)) ?? null, calendar, options));
    }
  }
  return out.sort(compareOccurrences);
}

// --- periods for the filters and the summary ------------------------------------

export type DuePeriod = { kind: 'month'; year: number; month: number } | { kind: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4 };

/** «2026-03» (a month) or «2026-Q1» (a quarter); null for anything else. */
export function parsePeriod(text: string | undefined | null): DuePeriod | null {
  if (!text) return null;
  const m = /^(\d{4})-(\d{2})$/.exec(text);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    return year >= 2000 && year <= 2100 && month >= 1 && month <= 12 ? { kind: 'month', year, month } : null;
  }
  const q = /^(\d{4})-Q([1-4])$/i.exec(text);
  if (q) {
    const year = Number(q[1]);
    return year >= 2000 && year <= 2100 ? { kind: 'quarter', year, quarter: Number(q[2]) as 1 | 2 | 3 | 4 } : null;
  }
  return null;
}

export function periodKey(p: DuePeriod): string {
  return p.kind === 'month' ? `${p.year}-${String(p.month).padStart(2, '0')}` : `${p.year}-Q${p.quarter}`;
}

/** First and last day of the period. */
export function periodRange(p: DuePeriod): { from: IsoDate; to: IsoDate } {
  if (p.kind === 'month') {
    return { from: toIsoDate(p.year, p.month, 1), to: lastDayOfMonth(p.year, p.month) };
  }
  return { from: toIsoDate(p.year, (p.quarter - 1) * 3 + 1, 1), to: quarterEnd(p.year, p.quarter) };
}

export function inRange(d: IsoDate, range: { from: IsoDate; to: IsoDate }): boolean {
  return compareIsoDates(d, range.from) >= 0 && compareIsoDates(d, range.to) <= 0;
}

/** The quarter containing a date. */
export function quarterOf(date: IsoDate): DuePeriod & { kind: 'quarter' } {
  const { year, month } = parseIsoDate(date);
  return { kind: 'quarter', year, quarter: (Math.floor((month - 1) / 3) + 1) as 1 | 2 | 3 | 4 };
}

export interface DueCounts {
  overdue: number;
  dueSoon: number;
  /** occurrences marked done with a done date in the quarter of today */
  doneThisQuarter: number;
}

export function countOccurrences(occurrences: readonly Occurrence[], today: IsoDate): DueCounts {
  const quarter = periodRange(quarterOf(today));
  const counts: DueCounts = { overdue: 0, dueSoon: 0, doneThisQuarter: 0 };
  for (const o of occurrences) {
    if (o.status === 'overdue') counts.overdue++;
    else if (o.status === 'due_soon') counts.dueSoon++;
    else if (o.status === 'done' && o.completion && inRange(o.completion.doneOn, quarter)) counts.doneThisQuarter++;
  }
  return counts;
}

// --- the list filter -------------------------------------------------------------

/** open = not done (overdue, due soon, upcoming); upcoming = not done and not overdue. */
export const STATUS_FILTERS = ['open', 'overdue', 'soon', 'upcoming', 'done', 'all'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export function isStatusFilter(v: unknown): v is StatusFilter {
  return typeof v === 'string' && (STATUS_FILTERS as readonly string[]).includes(v);
}

export function matchesStatus(o: Occurrence, filter: StatusFilter): boolean {
  switch (filter) {
    case 'open':
      return o.status !== 'done';
    case 'overdue':
      return o.status === 'overdue';
    case 'soon':
      return o.status === 'due_soon';
    case 'upcoming':
      return o.status === 'due_soon' || o.status === 'upcoming';
    case 'done':
      return o.status === 'done';
    case 'all':
      return true;
  }
}
