/**
 * The report as a document, the same for DOCX, PDF and XLSX: the form's title
 * («ОТЧЕТ» / «о проведенных мероприятиях …, утвержденных планом мероприятий
 * <муниципального образования> …» / «за III квартал 2026 года»), the three
 * numbered tables with the form's headings (the evidence under each activity),
 * and the signature line of the head of the municipality.
 */
import { genitiveName, shortPlaceName, signatory } from '../outreach/plan-files/plan-document.js';
import type { Quarter } from '../scoring/inputs/system-inputs.js';
import { quarterPhrase, REPORT_TABLES, REPORT_TITLE_LINES, TABLE_HEADINGS, type QuarterReport } from './report.js';

export interface ReportDocumentTable {
  heading: string;
  columns: [string, string, string];
  /** № | activity (with its evidence on a second line) | link or number */
  rows: Array<{ number: string; title: string; notes: string; value: string; numeric: boolean }>;
}

export interface ReportDocument {
  municipalityName: string;
  quarter: Quarter;
  /** «ОТЧЕТ» */
  heading: string;
  /** the rest of the title, naming the municipality's plan */
  subtitle: string;
  /** «за III квартал 2026 года» */
  period: string;
  tables: ReportDocumentTable[];
  /** «Глава Калганского муниципального округа» */
  signatory: string;
  /** what the tables show when a table has no rows */
  emptyText: string;
}

export function reportDocument(municipalityName: string, quarter: Quarter, report: QuarterReport): ReportDocument {
  return {
    municipalityName,
    quarter,
    heading: REPORT_TITLE_LINES[0],
    subtitle: `${REPORT_TITLE_LINES[1]}, утвержденных планом мероприятий ${genitiveName(municipalityName)} по информированию граждан о преимуществах получения государственных и муниципальных услуг в электронной форме,`,
    period: quarterPhrase(quarter),
    tables: REPORT_TABLES.map((key) => ({
      heading: TABLE_HEADINGS[key].title,
      columns: TABLE_HEADINGS[key].columns,
      rows: report[key].map((r, i) => ({
        number: `${i + 1}.`,
        title: r.title,
        notes: r.notes,
        value: key === 'websites' ? r.link : String(r.count ?? ''),
        numeric: key !== 'websites',
      })),
    })),
    signatory: signatory({ placeName: municipalityName, regional: false }),
    emptyText: 'Мероприятия не проводились.',
  };
}

/** «Отчет_Калганский_2026_III_кв.docx» */
export function reportFileName(municipalityName: string, q: Quarter, extension: 'docx' | 'pdf' | 'xlsx'): string {
  return `Отчет_${shortPlaceName(municipalityName)}_${q.year}_${['I', 'II', 'III', 'IV'][q.quarter - 1]}_кв.${extension}`;
}
