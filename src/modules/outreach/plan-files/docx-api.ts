/**
 * The part of `docx` (9.7.0) this module uses, typed. The package's own
 * declarations import their files without extensions, which TypeScript's
 * NodeNext resolution cannot follow from an ESM package, so `import { Paragraph }
 * from 'docx'` type-checks as nothing. The runtime module is fine; this file
 * states the constructors and options used here, as the library documents them.
 */
import * as docxModule from 'docx';

/** Built objects are passed back to the library as they are. */
export interface DocxParagraph {
  readonly __docx: 'paragraph';
}
export interface DocxRun {
  readonly __docx: 'run';
}
export interface DocxTable {
  readonly __docx: 'table';
}
export interface DocxTableRow {
  readonly __docx: 'row';
}
export interface DocxTableCell {
  readonly __docx: 'cell';
}
export interface DocxFooter {
  readonly __docx: 'footer';
}
export interface DocxDocument {
  readonly __docx: 'document';
}

type Alignment = 'left' | 'center' | 'right' | 'both';
type Width = { size: number; type: 'dxa' | 'pct' | 'auto' };

export interface TextRunOptions {
  text?: string;
  /** PageNumber.CURRENT and the like */
  children?: string[];
  bold?: boolean;
  /** half-points */
  size?: number;
  font?: string;
}

export interface ParagraphOptions {
  children?: DocxRun[];
  alignment?: Alignment;
  indent?: { left?: number; right?: number; firstLine?: number };
  spacing?: { before?: number; after?: number };
  tabStops?: Array<{ type: 'left' | 'right' | 'center'; position: number }>;
}

export interface TableCellOptions {
  children: DocxParagraph[];
  width?: Width;
  columnSpan?: number;
  verticalAlign?: 'top' | 'center' | 'bottom';
  margins?: { top?: number; bottom?: number; left?: number; right?: number };
  shading?: { type: 'clear'; color: string; fill: string };
}

export interface TableRowOptions {
  children: DocxTableCell[];
  /** repeated at the top of every page */
  tableHeader?: boolean;
}

export interface TableOptions {
  rows: DocxTableRow[];
  width?: Width;
  columnWidths?: number[];
  layout?: 'fixed' | 'autofit';
}

export interface DocumentOptions {
  creator?: string;
  title?: string;
  styles?: { default?: { document?: { run?: { font?: string; size?: number; language?: { value: string } } } } };
  sections: Array<{
    properties?: {
      page?: {
        size?: { width: number; height: number; orientation?: 'portrait' | 'landscape' };
        margin?: { top?: number; right?: number; bottom?: number; left?: number };
      };
    };
    footers?: { default?: DocxFooter };
    children: Array<DocxParagraph | DocxTable>;
  }>;
}

interface DocxApi {
  Document: new (options: DocumentOptions) => DocxDocument;
  Paragraph: new (options: ParagraphOptions) => DocxParagraph;
  TextRun: new (options: TextRunOptions) => DocxRun;
  Table: new (options: TableOptions) => DocxTable;
  TableRow: new (options: TableRowOptions) => DocxTableRow;
  TableCell: new (options: TableCellOptions) => DocxTableCell;
  Footer: new (options: { children: DocxParagraph[] }) => DocxFooter;
  Packer: { toBuffer(document: DocxDocument): Promise<Buffer> };
  AlignmentType: { readonly LEFT: 'left'; readonly CENTER: 'center'; readonly RIGHT: 'right'; readonly JUSTIFIED: 'both' };
  WidthType: { readonly DXA: 'dxa'; readonly PERCENTAGE: 'pct'; readonly AUTO: 'auto' };
  VerticalAlignTable: { readonly TOP: 'top'; readonly CENTER: 'center'; readonly BOTTOM: 'bottom' };
  ShadingType: { readonly CLEAR: 'clear' };
  TableLayoutType: { readonly FIXED: 'fixed'; readonly AUTOFIT: 'autofit' };
  TabStopType: { readonly LEFT: 'left'; readonly RIGHT: 'right'; readonly CENTER: 'center' };
  PageOrientation: { readonly PORTRAIT: 'portrait'; readonly LANDSCAPE: 'landscape' };
  PageNumber: { readonly CURRENT: 'CURRENT'; readonly TOTAL_PAGES: 'TOTAL_PAGES' };
}

export const docx = docxModule as unknown as DocxApi;
