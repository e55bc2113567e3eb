/**
 * Fixed-window counters kept in the database, so limits hold across processes
 * and restarts. Used for credentials, codes and searches (per account and per IP).
 * General request flooding is limited per process by @fastify/rate-limit in http.ts.
 */
import type { Queryable } from '../db/client.js';

export interface LimitResult {
  allowed: boolean;
  count: number;
  /** seconds until the window resets */
  retryAfterSeconds: number;
}

export function windowStart(now: Date, windowSeconds: number): Date {
  const ms = windowSeconds * 1000;
  return new Date(Math.floor(now.getTime() / ms) * ms);
}

/** Counts one event for `key` and says whether it is within `limit` per window. */
export async function hitLimit(db: Queryable, key: string, limit: number, windowSeconds: number, now = new Date()): Promise<LimitResult> {
  const start = windowStart(now, windowSeconds);
  const { rows } = await db.query<{ count: number }>(
    `insert into rate_limits (key, window_start, count) values ($1, $2, 1)
     on conflict (key, window_start) do update set count = rate_limits.count + 1
     returning count`,
    [key, start],
  );
  const count = Number(rows[0]!.count);
  return { allowed: count <= limit, count, retryAfterSeconds: Math.ceil((start.getTime() + windowSeconds * 1000 - now.getTime()) / 1000) };
}

/** Reads the counter without counting. */
export async function peekLimit(db: Queryable, key: string, limit: number, windowSeconds: number, now = new Date()): Promise<LimitResult> {
  const start = windowStart(now, windowSeconds);
  const { rows } = await db.query<{ count: number }>('select count from rate_limits where key = $1 and window_start = $2', [key, start]);
  const count = Number(rows[0]?.count ?? 0);
  return { allowed: count < limit, count, retryAfterSeconds: Math.ceil((start.getTime() + windowSeconds * 1000 - now.getTime()) / 1000) };
}

export async function resetLimit(db: Queryable, key: string): Promise<void> {
  await db.query('delete from rate_limits where key = $1', [key]);
}

export async function purgeOldLimits(db: Queryable, olderThan: Date): Promise<number> {
  const { rows } = await db.query<{ key: string }>('delete from rate_limits where window_start < $1 returning key', [olderThan]);
  return rows.length;
}
