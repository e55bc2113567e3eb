/** The report as a Word document in the form's layout: A4 portrait, Times New Roman 14/12 pt (docx 9.7.0, see plan-files/docx-api.ts). */
import { docx, type DocxParagraph, type DocxTable, type DocxTableCell } from '../outreach/plan-files/docx-api.js';
import type { ReportDocument, ReportDocumentTable } from './report-document.js';

const { AlignmentType, Document, Footer, Packer, PageNumber, PageOrientation, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, TabStopType, TextRun, VerticalAlignTable, WidthType } = docx;

const FONT = 'Times New Roman';
const TEXT = 28; // 14 pt
const TABLE_TEXT = 24; // 12 pt
const NOTE_TEXT = 20; // 10 pt: the evidence under an activity
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: 1134, bottom: 1134, left: 1701, right: 850 };
const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right; // 9355
const WIDTHS = [900, 5255, 3200];

const run = (text: string, o: { bold?: boolean; size?: number; italics?: boolean } = {}) => new TextRun({ text, bold: o.bold, size: o.size ?? TEXT, font: FONT });
const para = (text: string, o: { bold?: boolean; size?: number; alignment?: 'left' | 'center' | 'right' | 'both'; before?: number; after?: number } = {}) =>
  new Paragraph({ alignment: o.alignment, spacing: { before: o.before, after: o.after }, children: [run(text, { bold: o.bold, size: o.size })] });

function cell(children: DocxParagraph[], width: number, o: { shade?: boolean; span?: number } = {}): DocxTableCell {
  return new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    columnSpan: o.span,
    verticalAlign: VerticalAlignTable.TOP,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    shading: o.shade ? { type: ShadingType.CLEAR, color: 'auto', fill: 'EDEFF3' } : undefined,
  });
}

function table(t: ReportDocumentTable, emptyText: string): DocxTable {
  const header = new TableRow({
    tableHeader: true,
    children: t.columns.map((c, i) => cell([para(c, { bold: true, size: TABLE_TEXT, alignment: AlignmentType.CENTER })], WIDTHS[i]!, { shade: true })),
  });
  const rows = t.rows.map(
    (r) =>
      new TableRow({
        children: [
          cell([para(r.number, { size: TABLE_TEXT, alignment: AlignmentType.CENTER })], WIDTHS[0]!),
          cell([para(r.title, { size: TABLE_TEXT }), ...(r.notes ? [para(r.notes, { size: NOTE_TEXT })] : [])], WIDTHS[1]!),
          cell([para(r.value, { size: TABLE_TEXT, alignment: r.numeric ? AlignmentType.CENTER : AlignmentType.LEFT })], WIDTHS[2]!),
        ],
      }),
  );
  if (rows.length === 0) rows.push(new TableRow({ children: [cell([para(emptyText, { size: TABLE_TEXT })], TEXT_WIDTH, { span: 3 })] }));
  return new Table({ rows: [header, ...rows], width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: WIDTHS, layout: TableLayoutType.FIXED });
}

export async function buildReportDocx(doc: ReportDocument): Promise<Buffer> {
  const children: Array<DocxParagraph | DocxTable> = [
    para(doc.heading, { bold: true, alignment: AlignmentType.CENTER }),
    para(doc.subtitle, { alignment: AlignmentType.CENTER }),
    para(doc.period, { bold: true, alignment: AlignmentType.CENTER, after: 240 }),
  ];
  for (const t of doc.tables) {
    children.push(para(t.heading, { bold: true, before: 240, after: 120 }));
    children.push(table(t, doc.emptyText));
  }
  children.push(
    new Paragraph({
      spacing: { before: 600 },
      tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
      children: [run(doc.signatory), run('\t______________ / ____________')],
    }),
    para('«___» ____________ 20___ г.', { before: 240 }),
  );
  const document = new Document({
    creator: 'uslugi',
    title: `${doc.heading} ${doc.period}: ${doc.municipalityName}`,
    styles: { default: { document: { run: { font: FONT, size: TABLE_TEXT, language: { value: 'ru-RU' } } } } },
    sections: [
      {
        properties: { page: { size: { width: A4.width, height: A4.height, orientation: PageOrientation.PORTRAIT }, margin: MARGIN } },
        footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: 20 })] })] }) },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
