/**
 * Reads a plan's table from an XLSX workbook: the file this module exports, or
 * a decree's table typed into Excel (seed 002: «№п/п | Содержание мероприятия |
 * Ответственные исполнители | Срок исполнения | Результаты | …», seed 003: «№ пп.
 * | Наименование мероприятия | Результат | Срок реализации | Ответственный
 * исполнитель»).
 *
 * - The header row is found by its headings (any order; case, «ё»/«е», spaces
 *   and punctuation do not matter), within the first 30 rows of the first sheet
 *   that has one; a row of column numbers («1 2 3 4 5») under it is skipped.
 * - A section row is «1.» / «2» in the number column with its title in the
 *   content column, or «1. Title» in one cell (usually merged across the table).
 * - An item row has a number like «1.2» or «1.2.3». Rows under it with no number
 *   of their own (or whose number cell is merged down from it) are further
 *   numbered results of the same activity, as in seed 003: they become items
 *   1.1.1, 1.1.2… with the activity's content, like the okha-2016 template.
 * - Every text is kept as written (trimmed); deadlines are not rewritten.
 *
 * This only reads; validate-plan-rows.ts checks the items with the rules of
 * the item form.
 */
import ExcelJS from 'exceljs';
import type { ImportIssue } from './plan-files.messages.js';
import { PLAN_COLUMNS, type PlanColumnKey } from './plan-document.js';

export const MAX_ROWS = 2000;
export const MAX_TITLE = 1000;
/** Cells are cut here before anything else looks at them (the item form's limits are lower). */
const MAX_CELL = 10_000;
const HEADER_SEARCH_ROWS = 30;

export interface SheetColumn {
  index: number;
  /** the heading as written in the file, for messages */
  heading: string;
}

export interface RawItemRow {
  /** the sheet row (1-based), for messages */
  row: number;
  sectionNumber: string;
  sectionTitle: string;
  itemNumber: string;
  content: string;
  executors: string;
  deadline: string;
  result: string;
  indicator: string;
  budget: string;
}

export interface ReadPlan {
  sheetName: string;
  title: string | null;
  columns: Partial<Record<PlanColumnKey, SheetColumn>>;
  items: RawItemRow[];
}

export type ReadPlanResult = { ok: true; plan: ReadPlan } | { ok: false; issues: ImportIssue[] };

/** lower-case, «ё» → «е», letters, digits and «№» only: «№ п/п» → «№пп», «Срок  исполнения» → «срокисполнения». */
export function headingKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}№]+/gu, '');
}

const NUMBER_KEYS = new Set(['№', '№пп', 'пп', 'nпп', 'номер', 'номерпп', '№п', 'n']);

/** Which column a heading names; 'thousands' for a funding column in thousands of roubles. */
export function matchHeading(text: string): PlanColumnKey | 'thousands' | null {
  const k = headingKey(text);
  if (!k) return null;
  if (NUMBER_KEYS.has(k) || (k.startsWith('№') && k.length <= 6)) return 'number';
  if (/^(наименование|содержание)мероприяти/.test(k) || k === 'мероприятие' || k === 'мероприятия' || k === 'наименование') return 'content';
  if (/^(ответственн|исполнител|соисполнител)/.test(k)) return 'executors';
  if (/^срок/.test(k)) return 'deadline';
  if (/^(ожидаем|результат|планируемыйрезультат)/.test(k)) return 'result';
  if (/^(показател|оценкауровня|узелмодели)/.test(k)) return 'indicator';
  if (/^(объемфинансировани|финансировани|сумма|стоимость|бюджет)/.test(k)) return /тыс/.test(k) ? 'thousands' : 'budget';
  return null;
}

const REQUIRED: readonly PlanColumnKey[] = ['number', 'content', 'executors', 'deadline'];

/** How a cell of a merged range relates to its master. */
type MergeRole = 'none' | 'master' | 'sameRow' | 'above';

interface CellRead {
  text: string;
  number: number | null;
  merge: MergeRole;
}

function twoDigits(n: number): string {
  return String(n).padStart(2, '0');
}

function valueText(v: ExcelJS.CellValue): { text: string; number: number | null } {
  if (v === null || v === undefined) return { text: '', number: null };
  if (typeof v === 'string') return { text: v, number: null };
  if (typeof v === 'number') return { text: Number.isFinite(v) ? String(v) : '', number: Number.isFinite(v) ? v : null };
  if (typeof v === 'boolean') return { text: v ? 'ИСТИНА' : 'ЛОЖЬ', number: null };
  if (v instanceof Date) {
    // Excel keeps dates without a zone; exceljs gives them as UTC.
    return { text: `${twoDigits(v.getUTCDate())}.${twoDigits(v.getUTCMonth() + 1)}.${v.getUTCFullYear()}`, number: null };
  }
  if ('richText' in v && Array.isArray(v.richText)) return { text: v.richText.map((r) => r.text ?? '').join(''), number: null };
  if ('formula' in v || 'sharedFormula' in v) return valueText((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('hyperlink' in v) {
    const text = (v as ExcelJS.CellHyperlinkValue).text as unknown;
    return typeof text === 'string' ? { text, number: null } : valueText(text as ExcelJS.CellValue);
  }
  return { text: '', number: null };
}

function cleanText(text: string): string {
  return text
    .replace(/_x000D_/g, '')
    .replace(/\r\n?/g, '\n')
    .slice(0, MAX_CELL)
    .trim();
}

function readCell(ws: ExcelJS.Worksheet, row: number, col: number): CellRead {
  const cell = ws.findCell(row, col);
  if (!cell) return { text: '', number: null, merge: 'none' };
  let merge: MergeRole = 'none';
  let source = cell;
  if (cell.isMerged) {
    const master = cell.master;
    if (master.address === cell.address) merge = 'master';
    else {
      merge = Number(master.row) === row ? 'sameRow' : 'above';
      source = master;
    }
  }
  const { text, number } = valueText(source.value);
  return { text: cleanText(text), number, merge };
}

/** The texts of a row's cells, each merged range once (for the title rows and the header search). */
function rowTexts(ws: ExcelJS.Worksheet, row: number, lastCol: number): Array<{ col: number; text: string }> {
  const out: Array<{ col: number; text: string }> = [];
  for (let c = 1; c <= lastCol; c++) {
    const r = readCell(ws, row, c);
    if (r.merge === 'sameRow' || r.merge === 'above' || !r.text) continue;
    out.push({ col: c, text: r.text });
  }
  return out;
}

function findHeader(ws: ExcelJS.Worksheet): { row: number; columns: Partial<Record<PlanColumnKey, SheetColumn>>; thousands?: SheetColumn } | null {
  const lastCol = Math.min(ws.columnCount, 60);
  for (let r = 1; r <= Math.min(ws.rowCount, HEADER_SEARCH_ROWS); r++) {
    const columns: Partial<Record<PlanColumnKey, SheetColumn>> = {};
    let thousands: SheetColumn | undefined;
    for (const { col, text } of rowTexts(ws, r, lastCol)) {
      if (text.length > 200) continue;
      const key = matchHeading(text);
      const heading = text.replace(/\s+/g, ' ');
      if (key === 'thousands') thousands ??= { index: col, heading };
      else if (key && !columns[key]) columns[key] = { index: col, heading };
    }
    if (REQUIRED.every((k) => columns[k])) return { row: r, columns, thousands };
  }
  return null;
}

/** «План мероприятий …» above the header; «ПЛАН» alone on its row takes the next row's text. */
function findTitle(ws: ExcelJS.Worksheet, headerRow: number): string | null {
  const texts = [];
  for (let r = 1; r < headerRow; r++) texts.push(...rowTexts(ws, r, Math.min(ws.columnCount, 60)).map((t) => t.text));
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i]!.replace(/\s+/g, ' ');
    if (/^план$/i.test(t) && texts[i + 1]) return `План ${texts[i + 1]!.replace(/\s+/g, ' ')}`;
    if (/^план\s+\S/i.test(t)) return t;
  }
  return null;
}

const SECTION_NUMBER = /^(\d{1,3})\.?$/;
const SECTION_IN_ONE_CELL = /^(\d{1,3})\.?\s+(\S[\s\S]*)$/;
const ITEM_NUMBER = /^\d{1,3}(\.\d{1,3}){1,3}$/;

/** «1.2.» → «1.2», «1 . 2» → «1.2», «1,2» → «1.2» */
export function normalizeNumber(text: string): string {
  return text
    .replace(/[\s\u00a0]+/g, '')
    .replace(/,/g, '.')
    .replace(/\.+$/, '');
}

/** Budget cell: a number as Excel stores it, or the text as typed («12 500,50»). */
function budgetText(cell: CellRead): string {
  if (cell.number === null) return cell.text;
  const cents = Math.round(cell.number * 100);
  // A sum with more than kopecks (a formula's 0.30000000000000004) is left as is and refused by the item rules.
  if (Math.abs(cell.number * 100 - cents) > 1e-6) return String(cell.number);
  return (cents / 100).toFixed(2);
}

interface Activity {
  row: number;
  base: string;
  section: { number: string; title: string };
  content: string;
  rows: Array<Omit<RawItemRow, 'itemNumber' | 'sectionNumber' | 'sectionTitle' | 'content'> & { content: string }>;
}

export async function readPlanXlsx(data: Buffer): Promise<ReadPlanResult> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch {
    return { ok: false, issues: [{ ns: 'files', code: 'errNotXlsx' }] };
  }
  let found: { ws: ExcelJS.Worksheet; header: NonNullable<ReturnType<typeof findHeader>> } | null = null;
  for (const ws of wb.worksheets) {
    const header = findHeader(ws);
    if (header) {
      found = { ws, header };
      break;
    }
  }
  if (!found) return { ok: false, issues: [{ ns: 'files', code: 'errNoHeader' }] };
  const { ws, header } = found;
  if (ws.rowCount > MAX_ROWS) return { ok: false, issues: [{ ns: 'files', code: 'errTooManyRows', vars: { max: MAX_ROWS } }] };
  const issues: ImportIssue[] = [];
  if (header.thousands) issues.push({ ns: 'files', code: 'errBudgetThousands', row: header.row, column: header.thousands.heading });

  const title = findTitle(ws, header.row);
  if (title && title.length > MAX_TITLE) issues.push({ ns: 'files', code: 'errTitleTooLong', vars: { max: MAX_TITLE }, row: 1 });

  const cols = header.columns;
  const heading = (k: PlanColumnKey) => cols[k]?.heading ?? PLAN_COLUMNS.find((c) => c.key === k)!.heading;
  const read = (row: number, k: PlanColumnKey): CellRead => (cols[k] ? readCell(ws, row, cols[k].index) : { text: '', number: null, merge: 'none' });

  const activities: Activity[] = [];
  const sectionsSeen = new Map<string, number>();
  let section: { number: string; title: string } | null = null;
  let current: Activity | null = null;

  for (let r = header.row + 1; r <= ws.rowCount; r++) {
    const cells = Object.fromEntries(PLAN_COLUMNS.map((c) => [c.key, read(r, c.key)])) as Record<PlanColumnKey, CellRead>;
    // A cell merged sideways from another cell of the same row says nothing of its own.
    const own = (k: PlanColumnKey) => (cells[k].merge === 'sameRow' ? '' : cells[k].text);
    const number = own('number');
    const content = own('content');
    const executors = own('executors');
    const deadline = own('deadline');
    const result = own('result');

    if (!number && !content && !executors && !deadline && !result) continue; // empty, or a formula-only row as in seed 002
    // «1 | 2 | 3 | 4 | 5» under the header: the column numbers.
    if (r <= header.row + 2) {
      const filled = PLAN_COLUMNS.map((c) => own(c.key)).filter(Boolean);
      if (filled.length >= 3 && filled.every((t) => /^\d{1,2}\.?$/.test(t))) continue;
    }

    // Section rows: nothing in the executors and deadline columns.
    if (!executors && !deadline) {
      const bare = SECTION_NUMBER.exec(number.replace(/\s+/g, ''));
      let sec: { number: string; title: string } | null = null;
      if (bare && cells.number.merge !== 'above') sec = { number: bare[1]!, title: content };
      else if (!content && SECTION_IN_ONE_CELL.test(number)) {
        const m = SECTION_IN_ONE_CELL.exec(number)!;
        sec = { number: m[1]!, title: m[2]!.trim() };
      } else if (!number && SECTION_IN_ONE_CELL.test(content)) {
        const m = SECTION_IN_ONE_CELL.exec(content)!;
        sec = { number: m[1]!, title: m[2]!.trim() };
      }
      if (sec) {
        const where = heading(cells.number.text && !content ? 'number' : 'content');
        if (!sec.title) issues.push({ ns: 'files', code: 'errSectionTitle', vars: { number: sec.number }, row: r, column: where });
        else if (sec.title.length > 500) issues.push({ ns: 'outreach', code: 'errTooLong', vars: { max: 500 }, row: r, column: where });
        const seen = sectionsSeen.get(sec.number);
        if (seen !== undefined) issues.push({ ns: 'files', code: 'errSectionTaken', vars: { number: sec.number, row: seen }, row: r, column: heading('number') });
        sectionsSeen.set(sec.number, r);
        section = sec;
        current = null;
        continue;
      }
    }

    const fields = {
      row: r,
      executors: cells.executors.text,
      deadline: cells.deadline.text,
      result,
      indicator: indicatorText(cells.indicator.merge === 'sameRow' ? '' : cells.indicator.text),
      budget: cells.budget.merge === 'sameRow' ? '' : budgetText(cells.budget),
    };

    // A further numbered result of the activity above: no number, or the number cell merged down.
    const continues = current !== null && (cells.number.merge === 'above' || (!number && (!content || content === current.content || cells.content.merge === 'above')));
    if (continues) {
      current!.rows.push({ ...fields, content: current!.content });
      continue;
    }
    if (!number) {
      issues.push({ ns: 'files', code: 'errNumberMissing', row: r, column: heading('number') });
      current = null;
      continue;
    }
    const itemNumber = normalizeNumber(number);
    if (!ITEM_NUMBER.test(itemNumber)) {
      issues.push({ ns: 'files', code: 'errNumber', vars: { number: number.slice(0, 40) }, row: r, column: heading('number') });
      current = null;
      continue;
    }
    const sectionOfNumber = itemNumber.split('.')[0]!;
    if (!section) {
      issues.push({ ns: 'files', code: 'errNoSection', vars: { number: itemNumber, section: sectionOfNumber }, row: r, column: heading('number') });
      current = null;
      continue;
    }
    if (sectionOfNumber !== section.number) {
      issues.push({ ns: 'files', code: 'errWrongSection', vars: { number: itemNumber, section: section.number }, row: r, column: heading('number') });
      current = null;
      continue;
    }
    current = { row: r, base: itemNumber, section, content, rows: [{ ...fields, content }] };
    activities.push(current);
  }

  const items: RawItemRow[] = [];
  const taken = new Map<string, number>();
  for (const a of activities) {
    a.rows.forEach((row, i) => {
      const itemNumber = a.rows.length > 1 ? `${a.base}.${i + 1}` : a.base;
      const seen = taken.get(itemNumber);
      if (seen !== undefined) issues.push({ ns: 'files', code: 'errNumberTaken', vars: { number: itemNumber, row: seen }, row: row.row, column: heading('number') });
      else taken.set(itemNumber, row.row);
      items.push({ ...row, itemNumber, sectionNumber: a.section.number, sectionTitle: a.section.title });
    });
  }
  if (issues.length === 0 && items.length === 0) issues.push({ ns: 'files', code: 'errNoItems' });
  if (issues.length) return { ok: false, issues };
  return { ok: true, plan: { sheetName: ws.name, title, columns: cols, items } };
}

/**
 * The indicator as the item form takes it. Seed 002's column «Оценка уровня
 * проделанной работы» holds formulas («P1.1 = (P1.1.1 + P1.1.2)/2»): the node
 * they start with is the indicator.
 */
function indicatorText(text: string): string {
  const m = /^\s*([PР]\s*\d(?:\.\d{1,2}){0,2})\s*=/i.exec(text);
  return m ? m[1]!.replace(/\s+/g, '') : text;
}
