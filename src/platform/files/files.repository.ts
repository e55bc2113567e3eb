/** SQL for attachments (table `attachments`, src/db/schema/files.ts). Lists never read the content. */
import type { Queryable } from '../../db/client.js';

/** An attachment without its bytes. */
export interface AttachmentMeta {
  id: string;
  regionId: string;
  ownerType: string;
  ownerId: string;
  purpose: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  caption: string;
  createdBy: string | null;
  createdAt: Date;
}

export type Attachment = AttachmentMeta & { content: Buffer };

const META = `id, region_id, owner_type, owner_id, purpose, file_name, media_type, size_bytes, sha256, caption, created_by, created_at`;

function toMeta(r: Record<string, unknown>): AttachmentMeta {
  return {
    id: String(r.id),
    regionId: String(r.region_id),
    ownerType: String(r.owner_type),
    ownerId: String(r.owner_id),
    purpose: String(r.purpose),
    fileName: String(r.file_name),
    mediaType: String(r.media_type),
    sizeBytes: Number(r.size_bytes),
    sha256: String(r.sha256),
    caption: String(r.caption),
    createdBy: r.created_by === null || r.created_by === undefined ? null : String(r.created_by),
    createdAt: new Date(r.created_at as string),
  };
}

/** pg gives a Buffer, PGlite a Uint8Array. */
function toBuffer(v: unknown): Buffer {
  if (Buffer.isBuffer(v)) return v;
  if (v instanceof Uint8Array) return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  throw new Error('attachment content is not binary');
}

export interface NewAttachmentRow {
  regionId: string;
  ownerType: string;
  ownerId: string;
  purpose: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  caption: string;
  content: Buffer;
  createdBy: string | null;
}

export async function insertAttachment(db: Queryable, a: NewAttachmentRow): Promise<AttachmentMeta> {
  const { rows } = await db.query<Record<string, unknown>>(
    `insert into attachments (region_id, owner_type, owner_id, purpose, file_name, media_type, size_bytes, sha256, caption, content, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning ${META}`,
    [a.regionId, a.ownerType, a.ownerId, a.purpose, a.fileName, a.mediaType, a.sizeBytes, a.sha256, a.caption, a.content, a.createdBy],
  );
  return toMeta(rows[0]!);
}

/** An owner's attachments (one purpose's when given), oldest first; metadata only. */
export async function listAttachments(db: Queryable, ownerType: string, ownerId: string, purpose?: string): Promise<AttachmentMeta[]> {
  const { rows } = await db.query<Record<string, unknown>>(
    `select ${META} from attachments where owner_type = $1 and owner_id = $2 and ($3::text is null or purpose = $3::text) order by created_at, file_name, id`,
    [ownerType, ownerId, purpose ?? null],
  );
  return rows.map(toMeta);
}

/** How many attachments each owner has (owners without any are absent from the map). */
export async function countAttachments(db: Queryable, ownerType: string, ownerIds: readonly string[], purpose?: string): Promise<Map<string, number>> {
  if (ownerIds.length === 0) return new Map();
  const { rows } = await db.query<{ owner_id: string; n: number | string }>(
    `select owner_id, count(*)::int as n from attachments
      where owner_type = $1 and owner_id = any($2::uuid[]) and ($3::text is null or purpose = $3::text) group by owner_id`,
    [ownerType, [...ownerIds], purpose ?? null],
  );
  return new Map(rows.map((r) => [String(r.owner_id), Number(r.n)]));
}

export async function findAttachment(db: Queryable, id: string): Promise<AttachmentMeta | null> {
  const { rows } = await db.query<Record<string, unknown>>(`select ${META} from attachments where id = $1`, [id]);
  return rows[0] ? toMeta(rows[0]) : null;
}

/** One attachment with its bytes. */
export async function readAttachment(db: Queryable, id: string): Promise<Attachment | null> {
  const { rows } = await db.query<Record<string, unknown>>(`select ${META}, content from attachments where id = $1`, [id]);
  return rows[0] ? { ...toMeta(rows[0]), content: toBuffer(rows[0].content) } : null;
}

export async function deleteAttachmentRow(db: Queryable, id: string): Promise<AttachmentMeta | null> {
  const { rows } = await db.query<Record<string, unknown>>(`delete from attachments where id = $1 returning ${META}`, [id]);
  return rows[0] ? toMeta(rows[0]) : null;
}

