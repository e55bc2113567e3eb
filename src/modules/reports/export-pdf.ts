/** The report as a PDF in the form's layout (platform/pdf): A4 portrait, the title, the three tables, the signature line. */
import { renderPdf, type PdfBlock, type RenderOptions } from '../../platform/pdf/index.js';
import type { ReportDocument } from './report-document.js';

export function buildReportPdf(doc: ReportDocument, options: RenderOptions = {}): Promise<Buffer> {
  const blocks: PdfBlock[] = [
    { kind: 'paragraph', text: doc.heading, bold: true, align: 'center', size: 14 },
    { kind: 'paragraph', text: doc.subtitle, align: 'center', size: 12 },
    { kind: 'paragraph', text: doc.period, bold: true, align: 'center', size: 13, spaceAfter: 12 },
  ];
  for (const t of doc.tables) {
    blocks.push({ kind: 'paragraph', text: t.heading, bold: true, spaceBefore: 8, spaceAfter: 4 });
    blocks.push({
      kind: 'table',
      columns: [{ width: 1, align: 'center' }, { width: 5.6 }, { width: 3.4, align: 'left' }],
      header: [t.columns],
      rows: t.rows.map((r) => [r.number, r.notes ? `${r.title}\n${r.notes}` : r.title, r.value]),
      emptyText: doc.emptyText,
      size: 10,
    });
  }
  blocks.push({ kind: 'paragraph', text: `${doc.signatory}     ______________ / ____________`, spaceBefore: 30 });
  blocks.push({ kind: 'paragraph', text: '«___» ____________ 20___ г.', spaceBefore: 12 });
  return renderPdf({ title: `${doc.heading} ${doc.period}: ${doc.municipalityName}`, orientation: 'portrait', fontSize: 12, blocks }, options);
}
