/**
 * The quarterly report of seed 003 («ОТЧЕТ о проведенных мероприятиях…») as
 * data: three numbered tables, each row remembering where it came from.
 *
 * 1. websites — «Мероприятия по информированию на официальных сайтах в сети
 *    Интернет»: № | Наименование мероприятия | Ссылка на раздел официального сайта;
 * 2. reception — «Мероприятия по информированию в местах приема граждан»:
 *    № | Наименование мероприятия | Количество реализованных мероприятий;
 * 3. consultations — «Мероприятия по консультированию в местах приема граждан»:
 *    № | Наименование мероприятия | Количество привлеченных граждан.
 *
 * Stored as edited in quarter_submissions.report (jsonb); null there means
 * «as generated from the quarter's records» (generate-report.ts).
 */
export type ReportTableKey = 'websites' | 'reception' | 'consultations';

export const REPORT_TABLES: readonly ReportTableKey[] = ['websites', 'reception', 'consultations'];

/** The form's own wording (seed 003). */
export const REPORT_TITLE_LINES = [
  'ОТЧЕТ',
  'о проведенных мероприятиях по повышению уровня информированности граждан о мерах, направленных на переход к предоставлению государственных и муниципальных услуг в электронной форме',
] as const;

export const TABLE_HEADINGS: Record<ReportTableKey, { title: string; columns: [string, string, string] }> = {
  websites: { title: '1. Мероприятия по информированию на официальных сайтах в сети Интернет', columns: ['№ пп.', 'Наименование мероприятия', 'Ссылка на раздел официального сайта'] },
  reception: { title: '2. Мероприятия по информированию в местах приема граждан', columns: ['№ пп.', 'Наименование мероприятия', 'Количество реализованных мероприятий'] },
  consultations: { title: '3. Мероприятия по консультированию в местах приема граждан', columns: ['№ пп.', 'Наименование мероприятия', 'Количество привлеченных граждан'] },
};

export type RowOrigin = 'materials' | 'events' | 'visits' | 'manual';

export interface RowSource {
  origin: RowOrigin;
  /** ids of the records the row was made from (materials, events) */
  refs: string[];
  /** in words, for the page: what was counted */
  text: string;
}

export interface ReportRow {
  /** stable within a report: 'material:<uuid>', 'events:<group>', 'manual:<n>' */
  id: string;
  title: string;
  /** table 1: the link to the website's section or page */
  link: string;
  /** tables 2 and 3: the number */
  count: number | null;
  /** evidence per seed 002: dates, places and topics of events; what was posted and when */
  notes: string;
  source: RowSource;
  /** changed by hand after it was generated */
  edited: boolean;
}

export type QuarterReport = Record<ReportTableKey, ReportRow[]>;

/** What quarter_submissions.report holds. */
export interface StoredReport {
  tables: QuarterReport;
}

export const emptyReport = (): QuarterReport => ({ websites: [], reception: [], consultations: [] });

/** Reads a stored report defensively (jsonb written by this module, but maybe by an older version of it). */
export function readStoredReport(value: unknown): QuarterReport | null {
  if (!value || typeof value !== 'object') return null;
  const tables = (value as { tables?: unknown }).tables;
  if (!tables || typeof tables !== 'object') return null;
  const out = emptyReport();
  for (const key of REPORT_TABLES) {
    const rows = (tables as Record<string, unknown>)[key];
    if (!Array.isArray(rows)) continue;
    for (const r of rows as Array<Partial<ReportRow>>) {
      out[key].push({
        id: String(r.id ?? ''),
        title: String(r.title ?? ''),
        link: String(r.link ?? ''),
        count: typeof r.count === 'number' ? r.count : null,
        notes: String(r.notes ?? ''),
        source: r.source && typeof r.source === 'object' ? { origin: r.source.origin ?? 'manual', refs: Array.isArray(r.source.refs) ? r.source.refs.map(String) : [], text: String(r.source.text ?? '') } : { origin: 'manual', refs: [], text: '' },
        edited: Boolean(r.edited),
      });
    }
  }
  return out;
}

const ROMAN = ['I', 'II', 'III', 'IV'] as const;

/** «за III квартал 2026 года» */
export function quarterPhrase(q: { year: number; quarter: 1 | 2 | 3 | 4 }): string {
  return `за ${ROMAN[q.quarter - 1]} квартал ${q.year} года`;
}
