/**
 * GET /files/:id — an attachment for signed-in staff whom the owner's module
 * allows (attachment-owners.ts). Served as the type sniffed at upload, never
 * as anything a browser could run: nosniff, a sandboxing CSP, images and PDF
 * inline (or as a download with ?download=1), everything else as a download.
 * Revalidated on every use (ETag = the content's SHA-256), so a revoked right
 * or a deleted file takes effect at once.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { HttpError } from '../errors.js';
import { anyStaff, authorize } from '../policy.js';
import { mayReadAttachment } from './attachment-owners.js';
import { findAttachment, readAttachment } from './files.repository.js';
import { typeOf } from './sniff.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `inline; filename="ascii"; filename*=UTF-8''…` (RFC 6266 / RFC 5987), safe for any name. */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  // eslint-disable-next-line no-control-regex
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_') || 'file';
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

export async function registerFileRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/files/:id', { schema: { hide: true } }, async (request, reply) => {
    authorize(request.actor, anyStaff, undefined);
    const { id } = request.params as { id: string };
    if (!UUID.test(id)) throw new HttpError(404, 'not_found');
    const meta = await findAttachment(ctx.db, id);
    if (!meta) throw new HttpError(404, 'not_found');
    if (!(await mayReadAttachment(request.actor, meta, ctx))) throw new HttpError(403, 'forbidden');

    const query = request.query as Record<string, unknown>;
    const category = typeOf(meta.mediaType)?.category;
    const inline = (category === 'image' || category === 'pdf') && query.download !== '1';
    const etag = `"${meta.sha256}"`;
    reply
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "sandbox; default-src 'none'")
      .header('cache-control', 'private, no-cache')
      .header('etag', etag)
      .header('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', meta.fileName));
    if (request.headers['if-none-match'] === etag) return reply.status(304).send();
    const file = await readAttachment(ctx.db, id);
    if (!file) throw new HttpError(404, 'not_found');
    return reply.type(file.mediaType).send(file.content);
  });
}
