/**
 * The ranking as one XLSX sheet with the page's columns (figures split into
 * growth, target and percentage so they stay numbers): a title row, the
 * «as of» line, the header row (frozen) and one row per municipality — the
 * ranked ones by rank, then the unranked with the reason in «Примечание».
 */
import ExcelJS from 'exceljs';
import type { Lang } from '../../../platform/i18n.js';
import type { Ranking } from './ranking.js';
import { dateText, quarterText, rankingMessages as t, TREND_SYMBOL, trendText, type RankingMessageKey } from './ranking.messages.js';

const COLUMNS: Array<{ key: RankingMessageKey; width: number }> = [
  { key: 'colRank', width: 8 },
  { key: 'colMunicipality', width: 44 },
  { key: 'colRegisteredCount', width: 16 },
  { key: 'colRegisteredTarget', width: 16 },
  { key: 'colRegisteredPercent', width: 18 },
  { key: 'colConfirmedCount', width: 16 },
  { key: 'colConfirmedTarget', width: 16 },
  { key: 'colConfirmedPercent', width: 18 },
  { key: 'colCombined', width: 16 },
  { key: 'colTrend', width: 30 },
  { key: 'colNote', width: 50 },
];

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Row number of the header row in the sheet (the data follow it). */
export const RANKING_HEADER_ROW = 4;

export async function buildRankingXlsx(lang: Lang, regionName: string, ranking: Ranking): Promise<Buffer> {
  const quarter = quarterText(lang, ranking.quarter);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'uslugi';
  wb.created = new Date();
  const ws = wb.addWorksheet(t(lang, 'sheetName', { quarter: `${ranking.quarter.year}-Q${ranking.quarter.quarter}` }), {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = COLUMNS.map((c) => ({ width: c.width }));

  const title = ws.addRow([t(lang, 'sheetTitle', { region: regionName, quarter })]);
  ws.mergeCells(title.number, 1, title.number, COLUMNS.length);
  title.getCell(1).font = { bold: true, size: 14 };
  const asOf = ws.addRow([`${t(lang, 'sheetAsOf', { date: dateText(lang, ranking.asOf) })}. ${ranking.complete ? '' : t(lang, 'notFinished', { date: dateText(lang, ranking.asOf) })}`.trim()]);
  ws.mergeCells(asOf.number, 1, asOf.number, COLUMNS.length);
  ws.addRow([]);

  const header = ws.addRow(COLUMNS.map((c) => t(lang, c.key)));
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7ECF5' } };
  });
  ws.views = [{ state: 'frozen', ySplit: header.number, xSplit: 0 }];

  for (const r of ranking.rows) {
    const notes: string[] = [];
    if (r.unrankedReason) notes.push(t(lang, `reason_${r.unrankedReason}`));
    if (r.tiedWith.length) notes.push(t(lang, 'sharesWith', { names: r.tiedWith.join(', ') }));
    const symbol = r.trend ? TREND_SYMBOL[r.trend] : '';
    const row = ws.addRow([
      r.rank ?? t(lang, 'unranked'),
      r.name,
      r.registered,
      r.registeredTarget ?? '',
      r.registeredPercent ?? '',
      r.confirmed,
      r.confirmedTarget ?? '',
      r.confirmedPercent ?? '',
      r.combined ?? '',
      r.trend ? `${symbol ? `${symbol} ` : ''}${trendText(lang, r)}` : '',
      notes.join('; '),
    ]);
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cell.border = BORDER;
      cell.alignment = { vertical: 'top', wrapText: true, horizontal: col === 2 || col >= 10 ? 'left' : 'right' };
    });
    for (const col of [5, 8, 9]) row.getCell(col).numFmt = '0.00';
  }

  const data = await wb.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}
