/**
 * `generateQuarterReport(db, {regionId, municipalityId, year, quarter})`: the
 * three tables of the seed-003 report made from the quarter's records (see
 * report-sources.ts for what each table reads). Always from the records as
 * they are now; an edited report is stored separately (quarter_submissions.report).
 */
import type { Queryable } from '../../db/client.js';
import type { QuarterReport, ReportRow } from './report.js';
import { CONSULTATION_SOURCES, RECEPTION_SOURCES, WEBSITE_SOURCES, type ReportQuery, type RowSourceFn } from './report-sources.js';

async function collect(db: Queryable, query: ReportQuery, sources: readonly RowSourceFn[]): Promise<ReportRow[]> {
  const rows: ReportRow[] = [];
  for (const source of sources) rows.push(...(await source(db, query)));
  return rows;
}

export async function generateQuarterReport(db: Queryable, query: ReportQuery): Promise<QuarterReport> {
  return {
    websites: await collect(db, query, WEBSITE_SOURCES),
    reception: await collect(db, query, RECEPTION_SOURCES),
    consultations: await collect(db, query, CONSULTATION_SOURCES),
  };
}
