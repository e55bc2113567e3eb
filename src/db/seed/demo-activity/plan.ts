/**
 * What the demo activity creates, decided in advance as plain numbers (no
 * database): the quarters relative to the region's today, every
 * municipality's citizens' accounts per quarter and kind, the targets, and
 * the quarter submissions. The seeding code (../demo-activity.ts) turns this
 * plan into rows; the tests compare the rows with the plan.
 *
 * Shape of the figures (all deterministic, seeded by the municipality's key):
 * - before the window, 36–50 % of the population already has an account
 *   ("stock", registered over the six years before);
 * - in each of the last five complete quarters and the current one so far,
 *   1.0–2.6 % of the population registers, rising by about 7 % a quarter;
 *   12–32 % of them at a service centre's desk (confirmed at once), the rest
 *   online: some confirm later at a centre in the same quarter, some reach
 *   the standard level, the rest stay simplified; 0.6 % delete their account
 *   in the same quarter. So 40–65 % of the population has an account now.
 * - targets: the region's targets per quarter; each municipality's actual
 *   growth is 65–130 % of its target, Kalgansky's 150 % in the last complete
 *   quarter (a clear top), two municipalities tie exactly (80 % of the
 *   registration target, 75 % of the confirmation target), one has no target.
 */
import { previousQuarter, quarterBounds, type Quarter } from '../../../modules/scoring/inputs/system-inputs.js';
import { reportDueDate } from '../../../modules/scoring/quarter/due.js';
import { prng } from './prng.js';

// ------------------------------------------------------------------ dates

const DAY = 86_400_000;
const toUtc = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
const fromUtc = (t: number) => new Date(t).toISOString().slice(0, 10);
export const addDays = (iso: string, days: number) => fromUtc(toUtc(iso) + days * DAY);
/** Days from a to b (b − a). */
export const daysBetween = (a: string, b: string) => Math.round((toUtc(b) - toUtc(a)) / DAY);

export interface DemoQuarter extends Quarter {
  /** 'YYYY-Qn' */
  label: string;
  /** first day, YYYY-MM-DD */
  from: string;
  /** last day on which the demo puts activity (the quarter's last day, or yesterday for the current one) */
  last: string;
  /** days with activity: from..last inclusive (0 when the current quarter began today) */
  days: number;
  /** days of the whole quarter */
  fullDays: number;
  complete: boolean;
}

function demoQuarter(q: Quarter, today: string): DemoQuarter {
  const { from, to } = quarterBounds(q);
  const complete = to < today;
  const last = complete ? to : addDays(today, -1);
  return {
    ...q,
    label: `${q.year}-Q${q.quarter}`,
    from,
    last,
    days: Math.max(0, daysBetween(from, last) + 1),
    fullDays: daysBetween(from, to) + 1,
    complete,
  };
}

export interface DemoQuarters {
  /** the five complete quarters, oldest first, then the current one */
  window: DemoQuarter[];
  current: DemoQuarter;
  lastComplete: DemoQuarter;
  beforeLast: DemoQuarter;
  /** the first day of the window */
  windowFrom: string;
}

export const COMPLETE_QUARTERS = 5;

export function demoQuarters(today: string): DemoQuarters {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  let q: Quarter = { year: y, quarter: (Math.floor((m - 1) / 3) + 1) as Quarter['quarter'] };
  const list: Quarter[] = [q];
  for (let i = 0; i < COMPLETE_QUARTERS; i++) list.unshift((q = previousQuarter(q)));
  const window = list.map((x) => demoQuarter(x, today));
  return {
    window,
    current: window[COMPLETE_QUARTERS]!,
    lastComplete: window[COMPLETE_QUARTERS - 1]!,
    beforeLast: window[COMPLETE_QUARTERS - 2]!,
    windowFrom: window[0]!.from,
  };
}

// ------------------------------------------------------------------ municipalities

export interface PlanCentre {
  key: string;
  capabilities: string[];
}

export interface PlanMunicipality {
  key: string;
  population: number;
  centres: PlanCentre[];
}

/** The demo's special municipalities (keys of src/db/seed/data/zabaikalsky-krai.ts). */
export const DEMO_ROLES = {
  /** the demo coordinator's: top of the ranking, its quarter not yet submitted */
  top: 'kalgansky',
  /** exactly the same growth against target in the last complete quarter */
  tie: ['akshinsky', 'kyrinsky'] as const,
  /** no target set for the last complete quarter */
  noTarget: 'tungiro-olyokminsky',
  /** the demo operator's centre (the desk registrations there are by the operator) */
  operatorCentre: 'kalga-mfc-office',
};

export const SHARES = {
  /** share of the population with an account before the window */
  stockMin: 0.36,
  stockMax: 0.5,
  /** share of the population registering in a quarter (before the trend) */
  rateMin: 0.01,
  rateMax: 0.026,
  /** trend: quarter i of the window (0 = oldest) is multiplied by trendBase + trendStep × i, then by 0.97–1.03 (so it rises in every municipality) */
  trendBase: 0.86,
  trendStep: 0.07,
  deskMin: 0.12,
  deskMax: 0.32,
  /** of the online registrations: confirmed later at a centre */
  confirmMin: 0.25,
  confirmMax: 0.45,
  /** of the online registrations: standard level */
  standard: 0.3,
  /** registered and deleted again in the same quarter */
  deleted: 0.006,
  /** the stock's levels */
  stockConfirmed: 0.5,
  stockStandard: 0.3,
  stockDeleted: 0.002,
  /** actual growth against target for ordinary municipalities */
  ratioMin: 0.65,
  ratioMax: 1.3,
  /** the top municipality in the last complete quarter */
  topRegistered: 1.5,
  topConfirmed: 1.45,
  /** years of registrations before the window */
  stockYears: 6,
} as const;

// ------------------------------------------------------------------ citizens

export type CohortKind = 'desk' | 'online_confirmed' | 'online_standard' | 'online_simplified' | 'deleted';

/** A group of accounts spread evenly over `days` days from `from`. */
export interface Cohort {
  municipalityKey: string;
  /** 'stock' or the quarter's label */
  period: string;
  from: string;
  days: number;
  count: number;
  kind: CohortKind;
  /** where registered (desk) or confirmed (online_confirmed); null otherwise */
  centreKey: string | null;
  /** made by the demo operator (registered_by / confirmed_by_staff_id) */
  byOperator: boolean;
}

export interface QuarterCounts {
  desk: number;
  online_confirmed: number;
  online_standard: number;
  online_simplified: number;
  deleted: number;
}

export const registeredOf = (c: QuarterCounts) => c.desk + c.online_confirmed + c.online_standard + c.online_simplified + c.deleted;
export const confirmedOf = (c: QuarterCounts) => c.desk + c.online_confirmed;

export interface MunicipalityPlan {
  key: string;
  population: number;
  stock: QuarterCounts;
  /** by quarter label */
  quarters: Record<string, QuarterCounts>;
  /** by quarter label; a quarter without a target is absent */
  targets: Record<string, { registered: number; confirmed: number }>;
}

function splitCounts(total: number, deskShare: number, confirmShare: number): QuarterCounts {
  const deleted = Math.round(total * SHARES.deleted);
  const desk = Math.round(total * deskShare);
  const online = Math.max(0, total - desk - deleted);
  const onlineConfirmed = Math.round(online * confirmShare);
  const onlineStandard = Math.round(online * SHARES.standard);
  return { desk, online_confirmed: onlineConfirmed, online_standard: onlineStandard, online_simplified: online - onlineConfirmed - onlineStandard, deleted };
}

/**
 * `scale` (default 1) multiplies the population the accounts are made for:
 * 1 for the demo (40–65 % of the real population, about 550 000 accounts);
 * the tests use a small one to stay fast. Shares, ratios and statuses keep their shape.
 */
export function planMunicipality(m: PlanMunicipality, quarters: DemoQuarters, scale = 1): MunicipalityPlan {
  const r = prng(`demo-activity:${m.key}`);
  const population = Math.round(m.population * scale);
  const s0 = r.between(SHARES.stockMin, SHARES.stockMax);
  const rate = r.between(SHARES.rateMin, SHARES.rateMax);
  const deskShare = r.between(SHARES.deskMin, SHARES.deskMax);
  const confirmShare = r.between(SHARES.confirmMin, SHARES.confirmMax);

  const stockTotal = Math.round(population * s0);
  const stockDeleted = Math.round(stockTotal * SHARES.stockDeleted);
  const stockConfirmed = Math.round(stockTotal * SHARES.stockConfirmed);
  const stockStandard = Math.round(stockTotal * SHARES.stockStandard);
  const stock: QuarterCounts = {
    desk: 0,
    online_confirmed: stockConfirmed,
    online_standard: stockStandard,
    online_simplified: stockTotal - stockConfirmed - stockStandard - stockDeleted,
    deleted: stockDeleted,
  };

  const plan: MunicipalityPlan = { key: m.key, population: m.population, stock, quarters: {}, targets: {} };
  quarters.window.forEach((q, i) => {
    const fullQuarter = population * rate * (SHARES.trendBase + SHARES.trendStep * i) * r.between(0.97, 1.03);
    const total = Math.round((fullQuarter * q.days) / q.fullDays);
    const counts = splitCounts(total, deskShare, confirmShare);
    const ratioReg = r.between(SHARES.ratioMin, SHARES.ratioMax);
    const ratioConf = r.between(SHARES.ratioMin, SHARES.ratioMax);
    let target = { registered: Math.max(1, Math.round(fullQuarter / ratioReg)), confirmed: Math.max(1, Math.round((fullQuarter * (deskShare + (1 - deskShare) * confirmShare)) / ratioConf)) };

    if (q.label === quarters.lastComplete.label) {
      if (m.key === DEMO_ROLES.top) {
        target = { registered: Math.max(1, Math.round(registeredOf(counts) / SHARES.topRegistered)), confirmed: Math.max(1, Math.round(confirmedOf(counts) / SHARES.topConfirmed)) };
      } else if ((DEMO_ROLES.tie as readonly string[]).includes(m.key)) {
        // 80 % and 75 % exactly: confirmations a multiple of 3 (≥ 3), then registrations a multiple of 4 (rows only added).
        counts.online_confirmed += confirmedOf(counts) === 0 ? 3 : (3 - (confirmedOf(counts) % 3)) % 3;
        counts.online_simplified += (4 - (registeredOf(counts) % 4)) % 4;
        target = { registered: (registeredOf(counts) * 5) / 4, confirmed: (confirmedOf(counts) * 4) / 3 };
      }
    }
    plan.quarters[q.label] = counts;
    if (!(q.label === quarters.lastComplete.label && m.key === DEMO_ROLES.noTarget)) plan.targets[q.label] = target;
  });
  return plan;
}

/** Splits a count over parts in proportion to weights (largest remainder), in order. */
export function apportion(count: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0 || weights.length === 0) return weights.map(() => 0);
  const exact = weights.map((w) => (count * w) / sum);
  const out = exact.map(Math.floor);
  let rest = count - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, frac: x - Math.floor(x) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) out[order[k]!.i]! += 1;
  return out;
}

/** МФЦ offices take most desk work, then municipal centres; post offices confirm only. */
const CENTRE_WEIGHT: Record<string, number> = { mfc: 3, municipal_centre: 2, post_office: 1 };

export interface PlanCentreWithType extends PlanCentre {
  type: string;
}

/** The cohorts (rows to insert) of one municipality's plan. */
export function cohortsOf(plan: MunicipalityPlan, centres: PlanCentreWithType[], quarters: DemoQuarters): Cohort[] {
  const out: Cohort[] = [];
  const registering = centres.filter((c) => c.capabilities.includes('register'));
  const confirming = centres.filter((c) => c.capabilities.includes('confirm'));
  const weight = (c: PlanCentreWithType) => CENTRE_WEIGHT[c.type] ?? 1;
  const push = (period: string, from: string, days: number, counts: QuarterCounts) => {
    if (days <= 0) return;
    const add = (kind: CohortKind, count: number, centreKey: string | null) => {
      if (count > 0) out.push({ municipalityKey: plan.key, period, from, days, count, kind, centreKey, byOperator: centreKey === DEMO_ROLES.operatorCentre });
    };
    if (registering.length) apportion(counts.desk, registering.map(weight)).forEach((n, i) => add('desk', n, registering[i]!.key));
    else add('online_confirmed', counts.desk, null);
    if (confirming.length) apportion(counts.online_confirmed, confirming.map(weight)).forEach((n, i) => add('online_confirmed', n, confirming[i]!.key));
    else add('online_confirmed', counts.online_confirmed, null);
    add('online_standard', counts.online_standard, null);
    add('online_simplified', counts.online_simplified, null);
    add('deleted', counts.deleted, null);
  };
  const stockFrom = `${Number(quarters.windowFrom.slice(0, 4)) - SHARES.stockYears}${quarters.windowFrom.slice(4)}`;
  push('stock', stockFrom, daysBetween(stockFrom, quarters.windowFrom), plan.stock);
  for (const q of quarters.window) push(q.label, q.from, q.days, plan.quarters[q.label]!);
  return out;
}

// ------------------------------------------------------------------ quarter submissions

export type PlannedStatus = 'accepted' | 'submitted' | 'returned';

export interface PlannedSubmission {
  municipalityKey: string;
  quarter: string;
  status: PlannedStatus;
  /** local date of the (first) submission */
  submittedOn: string;
  /** local date of the region's decision (accepted / returned) */
  decidedOn: string | null;
  late: boolean;
  comment: string | null;
}

export const RETURN_COMMENT =
  'Верните, пожалуйста, с уточнением: в таблице 2 не указано число проведённых мероприятий в учреждениях культуры, а у дня электронных услуг нет фотографий.';

/** How many of the last complete quarter's reports are missing (besides the top municipality's, not yet submitted). */
export const MISSING_LAST_QUARTER = 7;

/**
 * The quarter before last: every municipality submitted on time and was
 * accepted. The last complete quarter: one late, one returned with a comment,
 * MISSING_LAST_QUARTER missing, the others submitted on time; the top
 * municipality (Kalgansky) not yet submitted. Nothing is dated after yesterday:
 * while the due date has not passed, the late one has simply not submitted yet.
 */
export function planSubmissions(keys: string[], quarters: DemoQuarters, today: string): PlannedSubmission[] {
  const yesterday = addDays(today, -1);
  const out: PlannedSubmission[] = [];
  const r = prng('demo-activity:submissions');
  const sorted = [...keys].sort();

  const before = quarters.beforeLast;
  const beforeDue = reportDueDate(before);
  for (const key of sorted) {
    const submittedOn = addDays(before.last, 1 + r.int(daysBetween(before.last, beforeDue)));
    const decidedOn = minDate(addDays(submittedOn, 2 + r.int(8)), yesterday);
    out.push({ municipalityKey: key, quarter: before.label, status: 'accepted', submittedOn, decidedOn, late: false, comment: null });
  }

  const last = quarters.lastComplete;
  const due = reportDueDate(last);
  const onTimeEnd = minDate(due, yesterday);
  const onTimeDays = daysBetween(last.last, onTimeEnd); // days after the quarter's end on which an on-time submission can be dated
  const others = shuffle(sorted.filter((k) => k !== DEMO_ROLES.top), r);
  const [lateKey, returnedKey, ...rest] = others;
  const missing = new Set(rest.slice(0, MISSING_LAST_QUARTER));
  if (onTimeDays <= 0) return out;
  const onTime = () => addDays(last.last, 1 + r.int(onTimeDays));
  for (const key of sorted) {
    if (key === DEMO_ROLES.top || missing.has(key)) continue;
    if (key === lateKey) {
      const lateDays = daysBetween(due, yesterday);
      if (lateDays > 0) out.push({ municipalityKey: key, quarter: last.label, status: 'submitted', submittedOn: addDays(due, 1 + r.int(lateDays)), decidedOn: null, late: true, comment: null });
      continue;
    }
    const submittedOn = onTime();
    if (key === returnedKey) {
      const decidedOn = addDays(submittedOn, 2);
      if (decidedOn <= yesterday) {
        out.push({ municipalityKey: key, quarter: last.label, status: 'returned', submittedOn, decidedOn, late: false, comment: RETURN_COMMENT });
        continue;
      }
    }
    out.push({ municipalityKey: key, quarter: last.label, status: 'submitted', submittedOn, decidedOn: null, late: false, comment: null });
  }
  return out;
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

function shuffle<T>(items: T[], r: { int(n: number): number }): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = r.int(i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}
