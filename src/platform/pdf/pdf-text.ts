/**
 * The text of a PDF made by renderPdf, read back the way a viewer's search and
 * copy do: through each font's ToUnicode map. For tests and checks of our own
 * output (pdfkit's structure: Type0 fonts with Identity-H codes, hex strings in
 * Tj/TJ, Flate or plain streams); it is not a general PDF reader.
 */
import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const re = /(\d+) 0 obj\b/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endobj', start);
    if (end < 0) break;
    const body = text.slice(start, end);
    const s = /stream\r?\n/.exec(body);
    let dict = body;
    let stream: Buffer | null = null;
    if (s) {
      dict = body.slice(0, s.index);
      const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? NaN);
      const from = start + s.index + s[0].length;
      const raw = Number.isFinite(length) ? pdf.subarray(from, from + length) : Buffer.from(body.slice(s.index + s[0].length, body.lastIndexOf('endstream')), 'latin1');
      stream = /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw;
    }
    objects.set(Number(m[1]), { dict, stream });
    re.lastIndex = end;
  }
  return objects;
}

const utf16 = (hex: string) => {
  let out = '';
  for (let i = 0; i + 4 <= hex.length; i += 4) out += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
  return out;
};

/** A ToUnicode CMap: code (hex, upper case) → text. */
function parseCMap(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  const hex = (n: number, digits: number) => n.toString(16).toUpperCase().padStart(digits, '0');
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const p of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(p[1]!.toUpperCase(), utf16(p[2]!));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const r of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
      const digits = r[1]!.length;
      const lo = parseInt(r[1]!, 16);
      const hi = parseInt(r[2]!, 16);
      if (r[3]!.startsWith('[')) {
        const targets = [...r[3]!.matchAll(/<([0-9a-fA-F]+)>/g)].map((x) => utf16(x[1]!));
        for (let c = lo; c <= hi; c++) map.set(hex(c, digits), targets[c - lo] ?? '');
      } else {
        const base = parseInt(r[3]!.slice(1, -1), 16);
        for (let c = lo; c <= hi; c++) map.set(hex(c, digits), String.fromCharCode(base + c - lo));
      }
    }
  }
  return map;
}

/** All text of the document, one line per text object (BT … ET), pages in order of their content streams. */
export function extractPdfText(pdf: Buffer): string {
  const objects = readObjects(pdf);
  // Font resource names (/F1 …) → the ToUnicode map of the font object they point at.
  const cmaps = new Map<string, Map<string, string>>();
  for (const obj of objects.values()) {
    for (const block of obj.dict.matchAll(/\/Font\s*<<([\s\S]*?)>>/g)) {
      for (const ref of block[1]!.matchAll(/\/([A-Za-z0-9_.+-]+)\s+(\d+) 0 R/g)) {
        const font = objects.get(Number(ref[2]));
        const toUnicode = font && /\/ToUnicode (\d+) 0 R/.exec(font.dict);
        const stream = toUnicode ? objects.get(Number(toUnicode[1]))?.stream : null;
        if (stream) cmaps.set(ref[1]!, parseCMap(stream.toString('latin1')));
      }
    }
  }
  const lines: string[] = [];
  for (const obj of objects.values()) {
    if (!obj.stream) continue;
    const content = obj.stream.toString('latin1');
    if (!/\bTf\b/.test(content) || !/T[Jj]\b/.test(content)) continue;
    let cmap: Map<string, string> | undefined;
    let line = '';
    const decode = (hex: string) => {
      let out = '';
      for (let i = 0; i + 4 <= hex.length; i += 4) out += cmap?.get(hex.slice(i, i + 4).toUpperCase()) ?? '';
      return out;
    };
    const ops = /\/([A-Za-z0-9_.+-]+)\s+[\d.]+\s+Tf|\[([^\]]*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj|\bBT\b|\bET\b/g;
    let op: RegExpExecArray | null;
    while ((op = ops.exec(content))) {
      if (op[1] !== undefined) cmap = cmaps.get(op[1]);
      else if (op[2] !== undefined) line += [...op[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((x) => decode(x[1]!)).join('');
      else if (op[3] !== undefined) line += decode(op[3]);
      else if (op[0] === 'ET') {
        lines.push(line);
        line = '';
      }
    }
  }
  return lines.join('\n');
}
