/**
 * What a file really is, from its first bytes, never from what the browser
 * claimed. Accepted: JPEG, PNG, GIF, WebP images; PDF; Office Open XML (docx,
 * xlsx, pptx) and OpenDocument (odt, ods) files. Those last ones are zip
 * archives: the zip magic, the extension and the archive's own structure
 * ([Content_Types].xml and word/ | xl/ | ppt/; the stored «mimetype» entry for
 * ODF) must all agree. Plain text, HTML, SVG, executables, archives of anything
 * else: refused (null).
 */
import { listZip, u16, u32 } from './zip.js';

/** The groups a form may allow. */
export type FileCategory = 'image' | 'pdf' | 'office';

export interface SniffedType {
  mediaType: string;
  category: FileCategory;
  /** a short name people know: «JPEG», «PDF», «Word»… */
  label: string;
  /** the usual extension, without the dot */
  extension: string;
}

export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'] as const;

const TYPES = {
  jpeg: { mediaType: 'image/jpeg', category: 'image', label: 'JPEG', extension: 'jpg' },
  png: { mediaType: 'image/png', category: 'image', label: 'PNG', extension: 'png' },
  gif: { mediaType: 'image/gif', category: 'image', label: 'GIF', extension: 'gif' },
  webp: { mediaType: 'image/webp', category: 'image', label: 'WebP', extension: 'webp' },
  pdf: { mediaType: 'application/pdf', category: 'pdf', label: 'PDF', extension: 'pdf' },
  docx: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', category: 'office', label: 'Word', extension: 'docx' },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', category: 'office', label: 'Excel', extension: 'xlsx' },
  pptx: { mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', category: 'office', label: 'PowerPoint', extension: 'pptx' },
  odt: { mediaType: 'application/vnd.oasis.opendocument.text', category: 'office', label: 'ODT', extension: 'odt' },
  ods: { mediaType: 'application/vnd.oasis.opendocument.spreadsheet', category: 'office', label: 'ODS', extension: 'ods' },
} as const satisfies Record<string, SniffedType>;

/** Every type this module can recognise, for labels and `accept` lists. */
export const KNOWN_TYPES: readonly SniffedType[] = Object.values(TYPES);

/** The known type for a stored media type (labels in lists); null for anything else. */
export function typeOf(mediaType: string): SniffedType | null {
  return KNOWN_TYPES.find((t) => t.mediaType === mediaType) ?? null;
}

const startsWith = (data: Uint8Array, bytes: readonly number[], at = 0): boolean =>
  data.length >= at + bytes.length && bytes.every((b, i) => data[at + i] === b);

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/**
 * The real type of `data`; `fileName` only decides between the zip-based office
 * formats (and must agree with what the archive holds). null = not accepted.
 */
export function sniffMediaType(data: Uint8Array, fileName: string): SniffedType | null {
  if (startsWith(data, [0xff, 0xd8, 0xff])) return TYPES.jpeg;
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return TYPES.png;
  if (startsWith(data, ascii('GIF87a')) || startsWith(data, ascii('GIF89a'))) return TYPES.gif;
  if (startsWith(data, ascii('RIFF')) && startsWith(data, ascii('WEBP'), 8)) return TYPES.webp;
  if (startsWith(data, ascii('%PDF-'))) return TYPES.pdf;
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04])) return sniffZip(data, extensionOf(fileName));
  return null;
}

function sniffZip(data: Uint8Array, extension: string): SniffedType | null {
  switch (extension) {
    case 'docx':
    case 'xlsx':
    case 'pptx': {
      const names = zipEntryNames(data);
      if (!names || !names.includes('[Content_Types].xml')) return null;
      const folder = { docx: 'word/', xlsx: 'xl/', pptx: 'ppt/' }[extension];
      return names.some((n) => n.startsWith(folder)) ? TYPES[extension] : null;
    }
    case 'odt':
    case 'ods':
      return odfMimetype(data) === TYPES[extension].mediaType ? TYPES[extension] : null;
    default:
      return null;
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: false });

/** The names in a zip's central directory; null when it is not a well-formed zip. */
export function zipEntryNames(data: Uint8Array): string[] | null {
  return listZip(data)?.names ?? null;
}

/** ODF puts an uncompressed entry «mimetype» first; its content is the document's type. */
function odfMimetype(data: Uint8Array): string | null {
  const nameLength = u16(data, 26);
  const extraLength = u16(data, 28);
  const method = u16(data, 8);
  const size = u32(data, 18);
  if (method !== 0 || nameLength !== 8 || size > 100) return null;
  if (utf8.decode(data.subarray(30, 38)) !== 'mimetype') return null;
  const start = 30 + nameLength + extraLength;
  if (start + size > data.length) return null;
  return utf8.decode(data.subarray(start, start + size));
}
