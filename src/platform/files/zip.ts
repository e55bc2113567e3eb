/**
 * What an uploaded zip (docx, xlsx, odt…) holds, read without unpacking it:
 * the entry names from the central directory (sniff.ts tells an office file
 * by them), and how much the entries really unpack to (inflated with a hard
 * output limit, so sizes an archive lies about do not matter) — a small file
 * that unpacks to gigabytes (a «zip bomb») is refused before a library such
 * as exceljs inflates it.
 */
import { inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated */
  method: number;
  packedBytes: number;
  /** where the entry's local header starts */
  localOffset: number;
}

export interface ZipListing {
  names: string[];
  entries: ZipEntry[];
}

export const u16 = (d: Uint8Array, at: number) => d[at]! | (d[at + 1]! << 8);
export const u32 = (d: Uint8Array, at: number) => (d[at]! | (d[at + 1]! << 8) | (d[at + 2]! << 16)) + d[at + 3]! * 0x1000000;
const utf8 = new TextDecoder('utf-8', { fatal: false });

export const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04] as const;
/** The old binary Excel (and Word) format: an OLE compound file. */
export const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

export function startsWithBytes(data: Uint8Array, bytes: readonly number[]): boolean {
  return data.length >= bytes.length && bytes.every((b, i) => data[i] === b);
}

/** The central directory's listing, or null when it is missing, truncated or uses ZIP64 (never needed for a plan). */
export function listZip(data: Uint8Array): ZipListing | null {
  if (!startsWithBytes(data, ZIP_MAGIC)) return null;
  const min = Math.max(0, data.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = data.length - 22; i >= min; i--) {
    if (data[i] === 0x50 && data[i + 1] === 0x4b && data[i + 2] === 0x05 && data[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = u16(data, eocd + 10);
  let at = u32(data, eocd + 16);
  if (count === 0xffff || at === 0xffffffff) return null;
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > data.length || u32(data, at) !== 0x02014b50) return null;
    const method = u16(data, at + 10);
    const packedBytes = u32(data, at + 20);
    const localOffset = u32(data, at + 42);
    if (packedBytes === 0xffffffff || localOffset === 0xffffffff) return null;
    const nameLength = u16(data, at + 28);
    const extraLength = u16(data, at + 30);
    const commentLength = u16(data, at + 32);
    if (at + 46 + nameLength > data.length) return null;
    entries.push({ name: utf8.decode(data.subarray(at + 46, at + 46 + nameLength)), method, packedBytes, localOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { names: entries.map((e) => e.name), entries };
}

/**
 * The total the entries really unpack to, inflating each with the remaining
 * budget as a hard limit; 'over' as soon as the total passes `limit`, null
 * when an entry cannot be read (broken archive, encryption, unknown method).
 */
export function measureUnpacked(data: Uint8Array, listing: ZipListing, limit: number): number | 'over' | null {
  let total = 0;
  for (const e of listing.entries) {
    const at = e.localOffset;
    if (at + 30 > data.length || u32(data, at) !== 0x04034b50) return null;
    if (u16(data, at + 6) & 0x1) return null; // encrypted
    const start = at + 30 + u16(data, at + 26) + u16(data, at + 28);
    const end = start + e.packedBytes;
    if (end > data.length) return null;
    const packed = data.subarray(start, end);
    let size: number;
    if (e.method === 0) size = packed.length;
    else if (e.method === 8) {
      try {
        size = inflateRawSync(packed, { maxOutputLength: Math.max(1, limit - total + 1) }).length;
      } catch (err) {
        if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return 'over';
        return null;
      }
    } else return null;
    total += size;
    if (total > limit) return 'over';
  }
  return total;
}
