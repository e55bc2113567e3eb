/**
 * The part of `pdfkit` (0.20.2, pinned) that src/platform/pdf uses, typed. The
 * package ships no declarations (and @types/pdfkit describes an older version),
 * so this states the constructor and methods used here, as pdfkit documents them.
 */
declare module 'pdfkit' {
  interface PdfKitOptions {
    size?: string | [number, number];
    layout?: 'portrait' | 'landscape';
    margins?: { top: number; bottom: number; left: number; right: number };
    /** Flate-compress content streams (default true) */
    compress?: boolean;
    autoFirstPage?: boolean;
    bufferPages?: boolean;
    lang?: string;
    displayTitle?: boolean;
    info?: { Title?: string; Author?: string; Subject?: string; Creator?: string; Producer?: string; CreationDate?: Date };
  }

  interface TextOptions {
    width?: number;
    height?: number;
    align?: 'left' | 'center' | 'right' | 'justify';
    lineGap?: number;
    paragraphGap?: number;
    ellipsis?: boolean | string;
    lineBreak?: boolean;
    underline?: boolean;
    link?: string;
  }

  interface PdfKitPage {
    width: number;
    height: number;
    margins: { top: number; bottom: number; left: number; right: number };
  }

  class PDFDocument {
    constructor(options?: PdfKitOptions);
    x: number;
    y: number;
    page: PdfKitPage;
    on(event: 'data', listener: (chunk: Buffer) => void): this;
    on(event: 'end' | 'error', listener: (error?: Error) => void): this;
    registerFont(name: string, src: string | Buffer): this;
    font(name: string): this;
    fontSize(size: number): this;
    text(text: string, options?: TextOptions): this;
    text(text: string, x: number, y: number, options?: TextOptions): this;
    heightOfString(text: string, options?: TextOptions): number;
    widthOfString(text: string, options?: TextOptions): number;
    moveDown(lines?: number): this;
    addPage(options?: { size?: string | [number, number]; layout?: 'portrait' | 'landscape'; margins?: PdfKitPage['margins'] }): this;
    rect(x: number, y: number, w: number, h: number): this;
    moveTo(x: number, y: number): this;
    lineTo(x: number, y: number): this;
    lineWidth(w: number): this;
    stroke(color?: string): this;
    fill(color?: string): this;
    fillColor(color: string): this;
    strokeColor(color: string): this;
    save(): this;
    restore(): this;
    bufferedPageRange(): { start: number; count: number };
    switchToPage(n: number): this;
    end(): void;
  }

  export default PDFDocument;
}
