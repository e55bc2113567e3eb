export { renderPdf, type PdfAlign, type PdfBlock, type PdfOrientation, type PdfPageSize, type PdfPageBreak, type PdfParagraph, type PdfSpec, type PdfTable, type PdfTableColumn, type RenderOptions } from './pdf-document.js';
export { extractPdfText } from './pdf-text.js';
