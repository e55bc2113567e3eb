/**
 * PDF documents from a simple description: a title, paragraphs, tables (header
 * rows repeated on every page, column widths as proportions), page breaks,
 * A4 portrait or landscape, page numbers. Used for the quarter's report
 * (modules/reports) and meant for the reception handouts too.
 *
 * Built on pdfkit (pure JS) with DejaVu Serif embedded (./fonts.ts), so Russian
 * text is searchable and copyable (the font carries a ToUnicode map).
 *
 * Limit: a table row is kept on one page; a single cell taller than a whole
 * page is cut with «…» (the DOCX and XLSX exports keep such text whole).
 */
import PDFDocument from 'pdfkit';
import { pdfFonts } from './fonts.js';

export type PdfAlign = 'left' | 'center' | 'right' | 'justify';
export type PdfOrientation = 'portrait' | 'landscape';

export interface PdfParagraph {
  kind: 'paragraph';
  text: string;
  bold?: boolean;
  /** points; the document's size when absent */
  size?: number;
  align?: PdfAlign;
  /** points of space above / below */
  spaceBefore?: number;
  spaceAfter?: number;
  /** a framed block (e.g. the address on a handout): a border with padding around the text */
  boxed?: boolean;
  /** extra points between lines (large type reads better with some) */
  lineGap?: number;
}

export interface PdfTableColumn {
  /** a proportion: widths are scaled to fill the text width */
  width: number;
  align?: 'left' | 'center' | 'right';
}

export interface PdfTable {
  kind: 'table';
  columns: PdfTableColumn[];
  /** header rows (bold, shaded), repeated at the top of every page the table runs onto */
  header: string[][];
  rows: string[][];
  /** one row across the table when `rows` is empty */
  emptyText?: string;
  /** points; 1 less than the document's size when absent */
  size?: number;
  spaceAfter?: number;
}

export interface PdfPageBreak {
  kind: 'pageBreak';
  orientation?: PdfOrientation;
}

export type PdfBlock = PdfParagraph | PdfTable | PdfPageBreak;

export type PdfPageSize = 'A4' | 'A3';

export interface PdfSpec {
  /** the document's title (metadata) */
  title: string;
  author?: string;
  orientation?: PdfOrientation;
  /** A4 when absent (A3 for posters) */
  pageSize?: PdfPageSize;
  /** millimetres on every side instead of the office layout (30/15/20/20 mm), e.g. for a poster */
  marginMm?: number;
  /** points, 12 when absent */
  fontSize?: number;
  /** «1 / 3» at the foot of every page (default true) */
  pageNumbers?: boolean;
  blocks: PdfBlock[];
}

export interface RenderOptions {
  /** compress content streams (default true; tests read them uncompressed too) */
  compress?: boolean;
}

const MM = 72 / 25.4;
/** left 30 mm, right 15 mm, top and bottom 20 mm, as Russian office documents are laid out */
const MARGINS = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM };
const PAD = 4;
const HEADER_FILL = '#EDEFF3';
const REGULAR = 'regular';
const BOLD = 'bold';

export async function renderPdf(spec: PdfSpec, options: RenderOptions = {}): Promise<Buffer> {
  const fonts = pdfFonts();
  const baseSize = spec.fontSize ?? 12;
  const pageSize = spec.pageSize ?? 'A4';
  const margins = spec.marginMm === undefined ? MARGINS : { top: spec.marginMm * MM, bottom: spec.marginMm * MM, left: spec.marginMm * MM, right: spec.marginMm * MM };
  const doc = new PDFDocument({
    size: pageSize,
    layout: spec.orientation ?? 'portrait',
    margins,
    compress: options.compress ?? true,
    bufferPages: true,
    lang: 'ru-RU',
    displayTitle: true,
    info: { Title: spec.title, Author: spec.author ?? 'uslugi', Creator: 'uslugi', Producer: 'uslugi (pdfkit)', CreationDate: new Date() },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', (e) => reject(e ?? new Error('pdf')));
  });
  doc.registerFont(REGULAR, fonts.regular);
  doc.registerFont(BOLD, fonts.bold);
  doc.font(REGULAR).fontSize(baseSize).fillColor('#000000').strokeColor('#000000').lineWidth(0.6);

  let orientation: PdfOrientation = spec.orientation ?? 'portrait';
  const left = () => doc.page.margins.left;
  const textWidth = () => doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const newPage = () => {
    doc.addPage({ size: pageSize, layout: orientation, margins });
    doc.x = left();
    doc.y = doc.page.margins.top;
  };

  for (const block of spec.blocks) {
    if (block.kind === 'pageBreak') {
      orientation = block.orientation ?? orientation;
      newPage();
    } else if (block.kind === 'paragraph') {
      const size = block.size ?? baseSize;
      doc.font(block.bold ? BOLD : REGULAR).fontSize(size);
      // A boxed block keeps its text a padding away from a frame; it is never split over pages (unless taller than one).
      const pad = block.boxed ? Math.max(PAD * 2, size * 0.6) : 0;
      const width = textWidth() - 2 * pad;
      const options = { width, align: block.align ?? 'left', lineGap: block.lineGap } as const;
      const height = doc.heightOfString(block.text || ' ', options);
      if (block.spaceBefore) doc.y += block.spaceBefore;
      const needed = block.boxed ? Math.min(height + 2 * pad, bottom() - doc.page.margins.top) : Math.min(height, size * 2);
      if (doc.y + needed > bottom()) newPage();
      const top = doc.y;
      doc.text(block.text || ' ', left() + pad, top + pad, options);
      if (block.boxed) {
        const boxHeight = Math.min(height + 2 * pad, bottom() - top);
        doc.save().lineWidth(1.5).rect(left(), top, textWidth(), boxHeight).stroke().restore();
        doc.x = left();
        doc.y = top + boxHeight;
      }
      if (block.spaceAfter) doc.y += block.spaceAfter;
    } else {
      drawTable(block, block.size ?? baseSize - 1);
      doc.y += block.spaceAfter ?? baseSize / 2;
    }
  }

  function drawTable(table: PdfTable, size: number) {
    const total = table.columns.reduce((s, c) => s + c.width, 0);
    const widths = () => table.columns.map((c) => (c.width / total) * textWidth());
    const measure = (cells: string[], bold: boolean, spanAll: boolean) => {
      doc.font(bold ? BOLD : REGULAR).fontSize(size);
      const ws = widths();
      if (spanAll) return doc.heightOfString(cells[0] || ' ', { width: textWidth() - 2 * PAD }) + 2 * PAD;
      return Math.max(...cells.map((text, i) => doc.heightOfString(text || ' ', { width: (ws[i] ?? 0) - 2 * PAD }))) + 2 * PAD;
    };
    const drawRow = (cells: string[], y: number, height: number, style: { bold: boolean; fill: boolean; spanAll: boolean }) => {
      const ws = style.spanAll ? [textWidth()] : widths();
      let x = left();
      doc.font(style.bold ? BOLD : REGULAR).fontSize(size);
      ws.forEach((w, i) => {
        if (style.fill) doc.save().rect(x, y, w, height).fill(HEADER_FILL).restore();
        doc.rect(x, y, w, height).stroke();
        const align = style.bold ? 'center' : style.spanAll ? 'left' : (table.columns[i]?.align ?? 'left');
        doc.fillColor('#000000').text(cells[i] ?? '', x + PAD, y + PAD, { width: w - 2 * PAD, height: height - 2 * PAD, align, ellipsis: '…' });
        x += w;
      });
    };
    const pageBody = () => bottom() - doc.page.margins.top;
    let y = doc.y;
    const drawHeader = () => {
      for (const cells of table.header) {
        const h = measure(cells, true, false);
        drawRow(cells, y, h, { bold: true, fill: true, spanAll: false });
        y += h;
      }
    };
    const headerHeight = table.header.reduce((s, cells) => s + measure(cells, true, false), 0);
    // Start on a new page when the header and a first line would not fit.
    if (y + headerHeight + size * 2 + 2 * PAD > bottom()) {
      newPage();
      y = doc.y;
    }
    drawHeader();
    const body: Array<{ cells: string[]; spanAll: boolean }> =
      table.rows.length === 0 && table.emptyText ? [{ cells: [table.emptyText], spanAll: true }] : table.rows.map((cells) => ({ cells, spanAll: false }));
    for (const row of body) {
      const h = Math.min(measure(row.cells, false, row.spanAll), pageBody() - headerHeight);
      if (y + h > bottom()) {
        newPage();
        y = doc.y;
        drawHeader();
      }
      drawRow(row.cells, y, h, { bold: false, fill: false, spanAll: row.spanAll });
      y += h;
    }
    doc.x = left();
    doc.y = y;
  }

  if (spec.pageNumbers ?? true) {
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const saved = doc.page.margins.bottom;
      doc.page.margins.bottom = 0; // writing in the margin must not start a new page
      doc.font(REGULAR).fontSize(9).text(`${i + 1} / ${range.count}`, doc.page.margins.left, doc.page.height - saved / 2 - 4, {
        width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
        align: 'center',
        lineBreak: false,
      });
      doc.page.margins.bottom = saved;
    }
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
