/**
 * The fonts PDFs are set in: DejaVu Serif (regular and bold) from the npm
 * package `dejavu-fonts-ttf` (2.37.3, pinned) — full Cyrillic, free licence
 * (Bitstream Vera / public-domain changes), installed with the other packages,
 * nothing downloaded at run time. pdfkit embeds only the glyphs a document uses.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface PdfFonts {
  regular: Buffer;
  bold: Buffer;
}

let cached: PdfFonts | null = null;

/** Read once per process (about 0,7 MB for both faces). */
export function pdfFonts(): PdfFonts {
  cached ??= {
    regular: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSerif.ttf')),
    bold: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSerif-Bold.ttf')),
  };
  return cached;
}
