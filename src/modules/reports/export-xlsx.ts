/**
 * The report as one XLSX sheet in the form's layout (exceljs 4.4.0): title
 * rows merged across the three columns, each table's heading, its header row
 * and rows (the evidence in a fourth column, «Подтверждение», so the form's
 * three columns stay as they are); and the region's overview of all
 * municipalities' statuses.
 */
import ExcelJS from 'exceljs';
import type { ReportDocument } from './report-document.js';

const FONT = 'Times New Roman';
const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFE7ECF5' } };

function sheet(wb: ExcelJS.Workbook, name: string, widths: number[], orientation: 'portrait' | 'landscape' = 'portrait') {
  const ws = wb.addWorksheet(name, {
    pageSetup: { paperSize: 9, orientation, fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.7, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } },
    headerFooter: { oddFooter: '&C&P / &N' },
  });
  ws.columns = widths.map((width) => ({ width }));
  return ws;
}

function merged(ws: ExcelJS.Worksheet, text: string, last: number, o: { bold?: boolean; size?: number; align?: 'center' | 'left'; height?: number } = {}) {
  const row = ws.addRow([text]);
  ws.mergeCells(row.number, 1, row.number, last);
  const c = row.getCell(1);
  c.font = { name: FONT, size: o.size ?? 12, bold: o.bold ?? false };
  c.alignment = { horizontal: o.align ?? 'center', vertical: 'middle', wrapText: true };
  if (o.height) row.height = o.height;
  return row;
}

export async function buildReportXlsx(doc: ReportDocument): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'uslugi';
  wb.created = new Date();
  const ws = sheet(wb, `Отчет ${doc.quarter.year} Q${doc.quarter.quarter}`, [8, 60, 40, 60]);
  merged(ws, doc.heading, 4, { bold: true, size: 14 });
  merged(ws, doc.subtitle, 4, { height: 64 });
  merged(ws, doc.period, 4, { bold: true });
  for (const t of doc.tables) {
    ws.addRow([]);
    merged(ws, t.heading, 4, { bold: true, align: 'left' });
    const header = ws.addRow([...t.columns, 'Подтверждение']);
    header.eachCell((c) => {
      c.font = { name: FONT, size: 11, bold: true };
      c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      c.border = BORDER;
      c.fill = FILL;
    });
    if (t.rows.length === 0) {
      const row = ws.addRow([doc.emptyText]);
      ws.mergeCells(row.number, 1, row.number, 4);
      row.getCell(1).font = { name: FONT, size: 11 };
      row.getCell(1).border = BORDER;
    }
    for (const r of t.rows) {
      const row = ws.addRow([r.number, r.title, r.numeric ? Number(r.value) : r.value, r.notes]);
      row.eachCell({ includeEmpty: true }, (c, col) => {
        c.font = { name: FONT, size: 11 };
        c.alignment = { vertical: 'top', horizontal: col === 1 || (col === 3 && r.numeric) ? 'center' : 'left', wrapText: true };
        c.border = BORDER;
      });
      row.getCell(1).numFmt = '@';
      if (!r.numeric && r.value) row.getCell(3).value = { text: r.value, hyperlink: r.value };
    }
  }
  ws.addRow([]);
  ws.addRow([]);
  const sign = ws.addRow(['', doc.signatory, '______________ / ____________']);
  sign.eachCell((c) => (c.font = { name: FONT, size: 12 }));
  const data = await wb.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}

export interface OverviewSheetRow {
  municipality: string;
  status: string;
  submittedOn: string;
  timeliness: string;
}

export async function buildOverviewXlsx(title: string, rows: OverviewSheetRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'uslugi';
  wb.created = new Date();
  const ws = sheet(wb, 'Сводка', [45, 28, 16, 22], 'portrait');
  merged(ws, title, 4, { bold: true, size: 13, height: 36 });
  ws.addRow([]);
  const header = ws.addRow(['Муниципальное образование', 'Статус', 'Дата сдачи', 'Своевременность']);
  header.eachCell((c) => {
    c.font = { name: FONT, size: 11, bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.border = BORDER;
    c.fill = FILL;
  });
  ws.views = [{ state: 'frozen', ySplit: header.number, xSplit: 0 }];
  for (const r of rows) {
    const row = ws.addRow([r.municipality, r.status, r.submittedOn, r.timeliness]);
    row.eachCell({ includeEmpty: true }, (c) => {
      c.font = { name: FONT, size: 11 };
      c.alignment = { vertical: 'top', wrapText: true };
      c.border = BORDER;
    });
  }
  const data = await wb.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}
