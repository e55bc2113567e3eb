/**
 * The plan as one XLSX sheet in the layout of the seeds' tables: title rows,
 * the header row, section rows merged across the table («1. …») and the items
 * with their deadlines exactly as written. Landscape A4, fitted to the page
 * width, the header frozen and repeated on every printed page. The import
 * (read-plan-xlsx.ts) reads this file back.
 */
import ExcelJS from 'exceljs';
import { approvalLine, PLAN_COLUMNS, type PlanDocument } from './plan-document.js';

/** Column widths in characters, in PLAN_COLUMNS order. */
const WIDTHS = [9, 50, 34, 22, 44, 12, 17];
const LAST_COLUMN = PLAN_COLUMNS.length;
const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FONT = 'Times New Roman';

export async function buildPlanXlsx(doc: PlanDocument): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'uslugi';
  wb.created = new Date();
  const ws = wb.addWorksheet(`План ${doc.year}`, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C&P / &N' },
  });
  ws.columns = WIDTHS.map((width) => ({ width }));

  const titleRow = (text: string, options: { bold?: boolean; size?: number; align?: 'center' | 'right'; height?: number } = {}) => {
    const row = ws.addRow([text]);
    ws.mergeCells(row.number, 1, row.number, LAST_COLUMN);
    const cell = row.getCell(1);
    cell.font = { name: FONT, size: options.size ?? 12, bold: options.bold ?? false };
    cell.alignment = { horizontal: options.align ?? 'center', vertical: 'middle', wrapText: true };
    if (options.height) row.height = options.height;
    return row;
  };

  const approval = approvalLine(doc);
  titleRow(approval ?? 'ПРОЕКТ', { align: 'right', bold: !approval, height: approval ? 32 : undefined });
  // A long title wraps over the merged width; give it room for about three lines.
  titleRow(doc.title, { bold: true, size: 14, height: Math.min(90, 20 * Math.ceil(doc.title.length / 150) + 6) });
  titleRow(doc.placeName, { size: 12 });
  ws.addRow([]);

  const header = ws.addRow(PLAN_COLUMNS.map((c) => c.heading));
  header.height = 32;
  header.eachCell((cell) => {
    cell.font = { name: FONT, size: 11, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7ECF5' } };
  });
  ws.views = [{ state: 'frozen', ySplit: header.number, xSplit: 0, topLeftCell: `A${header.number + 1}`, activeCell: `A${header.number + 1}` }];
  ws.pageSetup.printTitlesRow = `${header.number}:${header.number}`;

  for (const section of doc.sections) {
    const row = ws.addRow([`${section.number}. ${section.title}`]);
    ws.mergeCells(row.number, 1, row.number, LAST_COLUMN);
    const cell = row.getCell(1);
    cell.font = { name: FONT, size: 11, bold: true };
    cell.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF3F5F9' } };

    for (const item of section.items) {
      const itemRow = ws.addRow([
        item.number,
        item.content,
        item.executors.join('\n'),
        item.deadline,
        item.result,
        item.indicator ?? '',
        item.budgetRub === null ? '' : Number(item.budgetRub),
      ]);
      itemRow.eachCell({ includeEmpty: true }, (c, col) => {
        c.font = { name: FONT, size: 11 };
        c.alignment = { vertical: 'top', horizontal: col === 1 || col === 6 ? 'center' : col === 7 ? 'right' : 'left', wrapText: true };
        c.border = BORDER;
      });
      // Numbers such as «1.10» must stay text, not become 1.1.
      itemRow.getCell(1).numFmt = '@';
      itemRow.getCell(7).numFmt = '#,##0.00';
    }
  }

  const data = await wb.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}
