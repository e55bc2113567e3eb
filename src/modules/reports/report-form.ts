/**
 * The report's edit form as a model: each table's rows as typed (fields
 * `<table>-<i>-id|title|link|count|notes|remove`), two blank rows per table for
 * additions, parsing with Russian messages per field, and merging with the
 * report being edited so that every kept row keeps its source.
 */
import { randomUUID } from 'node:crypto';
import { REPORT_TABLES, type QuarterReport, type ReportRow, type ReportTableKey } from './report.js';

export interface FormRow {
  id: string;
  title: string;
  link: string;
  count: string;
  notes: string;
  remove: boolean;
}

export type ReportForm = Record<ReportTableKey, FormRow[]>;

export type ReportFormErrorCode = 'errTitle' | 'errTitleLong' | 'errLink' | 'errCount' | 'errNotesLong' | 'errTooMany';
export interface ReportFormError {
  field: string;
  code: ReportFormErrorCode;
  vars?: Record<string, string | number>;
}

export const BLANK_ROWS = 2;
export const MAX_ROWS = 200;
const LIMITS = { title: 1000, link: 2000, notes: 4000 } as const;

export const fieldName = (table: ReportTableKey, i: number, field: keyof FormRow) => `${table}-${i}-${field}`;

const blank = (): FormRow => ({ id: '', title: '', link: '', count: '', notes: '', remove: false });

/** The form for a report: its rows, then blank rows to add. */
export function formOfReport(report: QuarterReport): ReportForm {
  const out = {} as ReportForm;
  for (const t of REPORT_TABLES) {
    out[t] = [
      ...report[t].map((r) => ({ id: r.id, title: r.title, link: r.link, count: r.count === null ? '' : String(r.count), notes: r.notes, remove: false })),
      ...Array.from({ length: BLANK_ROWS }, blank),
    ];
  }
  return out;
}

/** The rows as posted (in order; a row is there when its id field is). */
export function readReportForm(body: Record<string, unknown>): ReportForm {
  const s = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '');
  const out = {} as ReportForm;
  for (const t of REPORT_TABLES) {
    out[t] = [];
    for (let i = 0; i < MAX_ROWS + BLANK_ROWS + 1 && typeof body[fieldName(t, i, 'id')] === 'string'; i++) {
      out[t].push({
        id: s(fieldName(t, i, 'id')),
        title: s(fieldName(t, i, 'title')),
        link: s(fieldName(t, i, 'link')),
        count: s(fieldName(t, i, 'count')),
        notes: s(fieldName(t, i, 'notes')),
        remove: body[fieldName(t, i, 'remove')] !== undefined,
      });
    }
  }
  return out;
}

function validLink(text: string): boolean {
  try {
    const u = new URL(text);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * The edited report, or the errors. `current` is the report being edited: a
 * kept row keeps its source and is marked edited when anything changed; a new
 * row is 'manual'. Removed rows and untouched blank rows are left out.
 */
export function parseReportForm(form: ReportForm, current: QuarterReport): { report?: QuarterReport; errors: ReportFormError[] } {
  const errors: ReportFormError[] = [];
  const report = {} as QuarterReport;
  for (const t of REPORT_TABLES) {
    const before = new Map(current[t].map((r) => [r.id, r]));
    report[t] = [];
    form[t].forEach((row, i) => {
      if (row.remove) return;
      const title = row.title.replace(/\s+/g, ' ').trim();
      const link = row.link.trim();
      const countText = row.count.replace(/\s+/g, '');
      const notes = row.notes.trim();
      const old = row.id ? before.get(row.id) : undefined;
      if (!old && !title && !link && !countText && !notes) return; // a blank row left blank
      const f = (k: keyof FormRow) => fieldName(t, i, k);
      if (!title) errors.push({ field: f('title'), code: 'errTitle' });
      else if (title.length > LIMITS.title) errors.push({ field: f('title'), code: 'errTitleLong', vars: { max: LIMITS.title } });
      if (t === 'websites' && link && (link.length > LIMITS.link || !validLink(link))) errors.push({ field: f('link'), code: 'errLink' });
      let count: number | null = null;
      if (t !== 'websites') {
        count = /^\d{1,7}$/.test(countText) ? Number(countText) : NaN;
        if (!Number.isInteger(count) || count > 1_000_000) errors.push({ field: f('count'), code: 'errCount' });
      }
      if (notes.length > LIMITS.notes) errors.push({ field: f('notes'), code: 'errNotesLong', vars: { max: LIMITS.notes } });
      const next: ReportRow = {
        id: old?.id ?? `manual:${randomUUID()}`,
        title,
        link: t === 'websites' ? link : '',
        count,
        notes,
        source: old?.source ?? { origin: 'manual', refs: [], text: '' },
        edited: old ? old.edited || old.title !== title || old.link !== (t === 'websites' ? link : '') || old.count !== count || old.notes !== notes : true,
      };
      report[t].push(next);
    });
    if (report[t].length > MAX_ROWS) errors.push({ field: fieldName(t, 0, 'title'), code: 'errTooMany', vars: { max: MAX_ROWS } });
  }
  return errors.length ? { errors } : { report, errors };
}
