/**
 * Multipart forms (file uploads) made to look like ordinary forms.
 *
 * @fastify/multipart reads the whole request in its preValidation hook
 * (attachFieldsToBody); the hook here, registered right after it and before the
 * CSRF check, turns the parts into `request.body` = { field: string } — so
 * `_csrf` and every text field work exactly as with urlencoded forms — and
 * `request.uploads` = the files, each with the name the browser sent, the media
 * type it claimed (never trusted: see platform/files/sniff.ts) and its bytes.
 *
 * A file larger than FILE_MAX_MB is not an error page: it arrives truncated with
 * `tooLarge: true`, so the use case can say «Файл больше 10 МБ» next to the
 * field and keep everything else that was typed. An empty file input (no file
 * chosen) is dropped.
 */
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';

export interface UploadedFile {
  /** the form field it came in */
  field: string;
  /** the file name the browser sent, with any path removed */
  fileName: string;
  /** the media type the browser claimed; do not trust it */
  claimedType: string;
  data: Buffer;
  /** larger than the limit: data is cut at the limit and must not be stored */
  tooLarge: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    uploads: UploadedFile[];
  }
}

interface MultipartPart {
  type: 'file' | 'field';
  fieldname: string;
  value?: unknown;
  filename?: string;
  mimetype?: string;
  file?: { truncated?: boolean };
  _buf?: Buffer;
}

/** The last path segment of what the browser sent, without control characters. */
export function cleanFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const base = name.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return base.slice(-200) || 'файл';
}

export async function registerUploads(app: FastifyInstance, options: { maxBytes: number }): Promise<void> {
  app.decorateRequest('uploads', null as unknown as UploadedFile[]);
  await app.register(multipart, {
    attachFieldsToBody: true,
    throwFileSizeLimit: false,
    limits: { fileSize: options.maxBytes, files: 20, fields: 200, fieldSize: 100_000, parts: 220 },
  });
  app.addHook('preValidation', async (request) => {
    request.uploads = [];
    if (!request.isMultipart()) return;
    const raw = (request.body ?? {}) as Record<string, MultipartPart | MultipartPart[]>;
    const body: Record<string, string | string[]> = {};
    for (const [key, entry] of Object.entries(raw)) {
      for (const part of Array.isArray(entry) ? entry : [entry]) {
        if (part.type === 'file') {
          const data = part._buf ?? Buffer.alloc(0);
          if (!part.filename && data.length === 0) continue;
          request.uploads.push({
            field: key,
            fileName: cleanFileName(part.filename ?? ''),
            claimedType: part.mimetype ?? 'application/octet-stream',
            data,
            tooLarge: Boolean(part.file?.truncated),
          });
        } else {
          const value = typeof part.value === 'string' ? part.value : String(part.value ?? '');
          const prev = body[key];
          body[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
        }
      }
    }
    request.body = body;
  });
}
