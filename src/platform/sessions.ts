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
  citizenId: string | null;
  /** small state of a journey in progress (e.g. the registration being completed) */
  data: Record<string, unknown>;
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
    /** A new session for a staff member (a string) or for a citizen / an anonymous journey (an object). */
    async create(
      owner: string | { staffUserId?: string | null; citizenId?: string | null; data?: Record<string, unknown> },
      userAgent: string | undefined,
      now = new Date(),
    ): Promise<{ token: string; idHash: string; expiresAt: Date }> {
      const o = typeof owner === 'string' ? { staffUserId: owner } : owner;
      const token = randomToken(32);
      const idHash = sha256Hex(token);
      const expiresAt = new Date(now.getTime() + policy.absoluteHours * 3_600_000);
      await db.query(
        'insert into sessions (id_hash, staff_user_id, citizen_id, data, created_at, last_seen_at, expires_at, user_agent) values ($1, $2, $3, $4, $5, $5, $6, $7)',
        [idHash, o.staffUserId ?? null, o.citizenId ?? null, JSON.stringify(o.data ?? {}), now, expiresAt, userAgent?.slice(0, 300) ?? null],
      );
      return { token, idHash, expiresAt };
    },

    async setData(idHash: string, data: Record<string, unknown>): Promise<void> {
      await db.query('update sessions set data = $2 where id_hash = $1', [idHash, JSON.stringify(data)]);
    },

    async listForCitizen(citizenId: string): Promise<Array<{ idHash: string; createdAt: Date; lastSeenAt: Date; userAgent: string | null }>> {
      const { rows } = await db.query<{ id_hash: string; created_at: Date; last_seen_at: Date; user_agent: string | null }>(
        'select id_hash, created_at, last_seen_at, user_agent from sessions where citizen_id = $1 order by last_seen_at desc',
        [citizenId],
      );
      return rows.map((r) => ({ idHash: r.id_hash, createdAt: new Date(r.created_at), lastSeenAt: new Date(r.last_seen_at), userAgent: r.user_agent }));
    },

    async destroyAllForCitizen(citizenId: string, exceptIdHash?: string): Promise<number> {
      const { rows } = await db.query<{ id_hash: string }>(
        'delete from sessions where citizen_id = $1 and id_hash <> $2 returning id_hash',
        [citizenId, exceptIdHash ?? ''],
      );
      return rows.length;
    },

    /** The live session for a cookie token, or null when missing, idle too long or past its lifetime. */
    async load(token: string, now = new Date()): Promise<SessionRecord | null> {
      if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
      const idHash = sha256Hex(token);
      const { rows } = await db.query<{
        id_hash: string;
        staff_user_id: string | null;
        citizen_id: string | null;
        data: Record<string, unknown> | string;
        created_at: Date;
        last_seen_at: Date;
        expires_at: Date;
        user_agent: string | null;
      }>('select id_hash, staff_user_id, citizen_id, data, created_at, last_seen_at, expires_at, user_agent from sessions where id_hash = $1', [idHash]);
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
        citizenId: row.citizen_id,
        data: typeof row.data === 'string' ? (JSON.parse(row.data) as Record<string, unknown>) : (row.data ?? {}),
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
