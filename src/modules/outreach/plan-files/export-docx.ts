/**
 * The plan as a Word document ready for signing, laid out as decree appendices
 * are (seeds 002, 003): A4 landscape, Times New Roman; top right «Приложение к
 * постановлению администрации … от dd.mm.yyyy № N» (blanks to fill in for a
 * draft, which is also marked «ПРОЕКТ»); the centred title «ПЛАН мероприятий …»;
 * the table with the XLSX's columns, its header row repeated on every page and
 * section rows across the table; the signature block of the head.
 */
import { docx, type DocxParagraph, type DocxTable, type DocxTableCell, type DocxTableRow, type ParagraphOptions } from './docx-api.js';
import { decreeAuthority, PLAN_COLUMNS, russianDate, russianMoney, signatory, type PlanDocument, type PlanDocumentItem } from './plan-document.js';

const { AlignmentType, Document, Footer, Packer, PageNumber, PageOrientation, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, TabStopType, TextRun, VerticalAlignTable, WidthType } = docx;

const FONT = 'Times New Roman';
/** half-points */
const TEXT = 28; // 14 pt: the approval block, title and signature
const TABLE_TEXT = 24; // 12 pt: the table

// A4 in twips (1/20 pt); landscape swaps them. Margins: left 30 mm, right 15 mm, top and bottom 20 mm.
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: 1134, bottom: 1134, left: 1701, right: 850 };
const TEXT_WIDTH = A4.height - MARGIN.left - MARGIN.right; // 14 287
/** In PLAN_COLUMNS order; they add up to TEXT_WIDTH. */
const COLUMN_WIDTHS = [800, 3900, 2700, 1900, 2900, 900, 1187];
/** The approval block starts here (from the left margin), as in the seeds. */
const BLOCK_INDENT = 9300;

const run = (text: string, options: { bold?: boolean; size?: number } = {}) => new TextRun({ text, bold: options.bold, size: options.size, font: FONT });

function lines(text: string, options: { bold?: boolean; alignment?: ParagraphOptions['alignment'] } = {}): DocxParagraph[] {
  const parts = text.split('\n');
  return parts.map((line) => new Paragraph({ alignment: options.alignment, children: [run(line, { bold: options.bold, size: TABLE_TEXT })] }));
}

function cell(children: DocxParagraph[], width: number, options: { columnSpan?: number; shade?: boolean } = {}): DocxTableCell {
  return new TableCell({
    children: children.length ? children : [new Paragraph({})],
    width: { size: width, type: WidthType.DXA },
    columnSpan: options.columnSpan,
    verticalAlign: VerticalAlignTable.TOP,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    shading: options.shade ? { type: ShadingType.CLEAR, color: 'auto', fill: 'EDEFF3' } : undefined,
  });
}

function itemRow(item: PlanDocumentItem): DocxTableRow {
  const centred = { alignment: AlignmentType.CENTER };
  const texts: DocxParagraph[][] = [
    lines(item.number, centred),
    lines(item.content),
    item.executors.flatMap((e) => lines(e)),
    lines(item.deadline),
    item.result ? lines(item.result) : [],
    item.indicator ? lines(item.indicator, centred) : [],
    item.budgetRub === null ? [] : lines(russianMoney(item.budgetRub), { alignment: AlignmentType.RIGHT }),
  ];
  return new TableRow({ children: texts.map((t, i) => cell(t, COLUMN_WIDTHS[i]!)) });
}

function planTable(doc: PlanDocument): DocxTable {
  const header = new TableRow({
    tableHeader: true,
    children: PLAN_COLUMNS.map((c, i) => cell(lines(c.heading, { bold: true, alignment: AlignmentType.CENTER }), COLUMN_WIDTHS[i]!, { shade: true })),
  });
  const rows: DocxTableRow[] = [header];
  for (const s of doc.sections) {
    rows.push(new TableRow({ children: [cell(lines(`${s.number}. ${s.title}`, { bold: true }), TEXT_WIDTH, { columnSpan: PLAN_COLUMNS.length })] }));
    for (const item of s.items) rows.push(itemRow(item));
  }
  return new Table({ rows, width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: COLUMN_WIDTHS, layout: TableLayoutType.FIXED });
}

const blockLine = (text: string, bold = false) => new Paragraph({ indent: { left: BLOCK_INDENT }, children: [run(text, { bold, size: TEXT })] });

/** «Приложение / к постановлению администрации … / от 24.05.2026 № 228» (blanks for a draft). */
function approvalBlock(doc: PlanDocument): DocxParagraph[] {
  const out: DocxParagraph[] = [];
  if (!doc.approval) out.push(new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { after: 240 }, children: [run('ПРОЕКТ', { bold: true, size: TEXT })] }));
  out.push(blockLine('Приложение'));
  out.push(blockLine(`к постановлению ${decreeAuthority(doc)}`));
  out.push(blockLine(doc.approval ? `от ${russianDate(doc.approval.date)} № ${doc.approval.number}` : 'от ____________ № ____'));
  return out;
}

/** «ПЛАН» on its own line, then the rest of the title: «мероприятий по …». */
function titleBlock(doc: PlanDocument): DocxParagraph[] {
  const m = /^план\s+([\s\S]+)$/i.exec(doc.title.trim());
  const rest = m ? m[1]! : doc.title.trim();
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 360 }, children: [run('ПЛАН', { bold: true, size: TEXT })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [run(rest, { bold: true, size: TEXT })] }),
  ];
}

function signatureBlock(doc: PlanDocument): DocxParagraph[] {
  return [
    new Paragraph({
      spacing: { before: 480 },
      tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
      children: [run(signatory(doc), { size: TEXT }), new TextRun({ text: '\t______________ / ____________', font: FONT, size: TEXT })],
    }),
  ];
}

export async function buildPlanDocx(doc: PlanDocument): Promise<Buffer> {
  const document = new Document({
    creator: 'uslugi',
    title: doc.title,
    styles: { default: { document: { run: { font: FONT, size: TABLE_TEXT, language: { value: 'ru-RU' } } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4.width, height: A4.height, orientation: PageOrientation.LANDSCAPE },
            margin: MARGIN,
          },
        },
        footers: {
          default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: 20 })] })] }),
        },
        children: [...approvalBlock(doc), ...titleBlock(doc), planTable(doc), ...signatureBlock(doc)],
      },
    ],
  });
  return Packer.toBuffer(document);
}
