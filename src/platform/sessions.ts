/**
 * Server-side sessions in the database. The browser holds a random token in an
 * HttpOnly cookie; the table keeps only its SHA-256, so a leaked table cannot be
 * replayed. Idle timeout and absolute lifetime come from Config (30 min / 12 h).
 * Sessions are rotated (a new token) at every sign-in and level change.
 */
import type { Queryable } from '../db/client.js';
import { randomToken, sha256Hex } from './crypto.js';

export const SESSION_COOKIE = 'uslugi_sid';

export interface SessionRecord {
  idHash: string;
  staffUserId: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  userAgent: string | null;
}

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

/** How often last_seen_at is written: not on every request. */
const TOUCH_EVERY_MS = 60_000;

export function createSessionStore(db: Queryable, policy: SessionPolicy) {
  const idleMs = policy.idleMinutes * 60_000;
  return {
    async create(staffUserId: string, userAgent: string | undefined, now = new Date()): Promise<{ token: string; idHash: string; expiresAt: Date }> {
      const token = randomToken(32);
      const idHash = sha256Hex(token);
      const expiresAt = new Date(now.getTime() + policy.absoluteHours * 3_600_000);
      await db.query(
        'insert into sessions (id_hash, staff_user_id, created_at, last_seen_at, expires_at, user_agent) values ($1, $2, $3, $3, $4, $5)',
        [idHash, staffUserId, now, expiresAt, userAgent?.slice(0, 300) ?? null],
      );
      return { token, idHash, expiresAt };
    },

    /** The live session for a cookie token, or null when missing, idle too long or past its lifetime. */
    async load(token: string, now = new Date()): Promise<SessionRecord | null> {
      if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
      const idHash = sha256Hex(token);
      const { rows } = await db.query<{
        id_hash: string;
        staff_user_id: string | null;
        created_at: Date;
        last_seen_at: Date;
        expires_at: Date;
        user_agent: string | null;
      }>('select id_hash, staff_user_id, created_at, last_seen_at, expires_at, user_agent from sessions where id_hash = $1', [idHash]);
      const row = rows[0];
      if (!row) return null;
      const lastSeen = new Date(row.last_seen_at);
      if (new Date(row.expires_at) <= now || lastSeen.getTime() + idleMs <= now.getTime()) {
        await db.query('delete from sessions where id_hash = $1', [idHash]);
        return null;
      }
      if (now.getTime() - lastSeen.getTime() > TOUCH_EVERY_MS) {
        await db.query('update sessions set last_seen_at = $2 where id_hash = $1', [idHash, now]);
      }
      return {
        idHash,
        staffUserId: row.staff_user_id,
        createdAt: new Date(row.created_at),
        lastSeenAt: now,
        expiresAt: new Date(row.expires_at),
        userAgent: row.user_agent,
      };
    },

    async destroy(idHash: string): Promise<void> {
      await db.query('delete from sessions where id_hash = $1', [idHash]);
    },

    async destroyAllForStaff(staffUserId: string, exceptIdHash?: string): Promise<number> {
      const { rows } = await db.query<{ id_hash: string }>(
        'delete from sessions where staff_user_id = $1 and id_hash <> $2 returning id_hash',
        [staffUserId, exceptIdHash ?? ''],
      );
      return rows.length;
    },

    async purgeExpired(now = new Date()): Promise<number> {
      const { rows } = await db.query<{ id_hash: string }>(
        'delete from sessions where expires_at <= $1 or last_seen_at <= $2 returning id_hash',
        [now, new Date(now.getTime() - idleMs)],
      );
      return rows.length;
    },
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;
