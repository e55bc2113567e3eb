/**
 * One database handle for the whole process: PostgreSQL through `pg` when
 * DATABASE_URL is set, otherwise the embedded PGlite in DATA_DIR/pglite.
 * Callers use `db.orm` (Drizzle) for typed queries and `db.query` for raw SQL;
 * both run the same SQL on both engines (keep SQL to what PostgreSQL 15 runs).
 */
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { mkdirSync } from 'node:fs';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
export type Orm = PgDatabase<PgQueryResultHKT, Schema>;
export type DatabaseKind = 'pglite' | 'postgresql';

/** Anything that runs a parameterised query: the database or an open transaction. */
export interface Queryable {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

export interface Database extends Queryable {
  kind: DatabaseKind;
  orm: Orm;
  /** A parameterised query; nothing from a request may reach SQL except as a parameter. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
  /** Several statements without parameters (migrations, admin scripts). */
  exec(text: string): Promise<void>;
  /** Runs fn inside one transaction (BEGIN … COMMIT, ROLLBACK on error). */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** The adapter pg-boss uses on this database. */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  close(): Promise<void>;
  /** PGlite only: the whole data directory as a tarball (used to copy a migrated database in tests). */
  dumpDataDir?(): Promise<Blob>;
}

export type DatabaseTarget = { kind: 'postgresql'; url: string; max?: number } | { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob };

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'postgresql') return openPostgres(target.url, target.max ?? 10);
  return openPglite(target.dataDir, target.loadDataDir);
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max, application_name: 'uslugi' });
  // Fail early with a clear message instead of on the first request.
  const client = await pool.connect().catch((error: Error) => {
    throw new Error(`Cannot connect to PostgreSQL at ${redactUrl(url)}: ${error.message}`);
  });
  client.release();
  pool.on('error', () => {
    /* an idle client died; the pool replaces it */
  });
  const orm = drizzlePg(pool, { schema }) as unknown as Orm;
  return {
    kind: 'postgresql',
    orm,
    async query<T>(text: string, params: unknown[] = []) {
      const result = await pool.query(text, params);
      return { rows: result.rows as T[] };
    },
    async exec(text: string) {
      await pool.query(text);
    },
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const connection = await pool.connect();
      try {
        await connection.query('BEGIN');
        const result = await fn({
          async query<R>(text: string, params: unknown[] = []) {
            const r = await connection.query(text, params);
            return { rows: r.rows as R[] };
          },
        });
        await connection.query('COMMIT');
        return result;
      } catch (error) {
        await connection.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        connection.release();
      }
    },
    async executeSql(text: string, values?: unknown[]) {
      const result = await pool.query(text, values);
      return { rows: Array.isArray(result) ? (result.at(-1)?.rows ?? []) : result.rows };
    },
    close: () => pool.end(),
  };
}

async function openPglite(dataDir: string | undefined, loadDataDir: Blob | undefined): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create({ dataDir, loadDataDir });
  const orm = drizzlePglite(client, { schema }) as unknown as Orm;
  return {
    kind: 'pglite',
    orm,
    async query<T>(text: string, params: unknown[] = []) {
      const result = await client.query(text, params);
      return { rows: result.rows as T[] };
    },
    async exec(text: string) {
      await client.exec(text);
    },
    transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      return client.transaction((tx) =>
        fn({
          async query<R>(text: string, params: unknown[] = []) {
            const r = await tx.query(text, params);
            return { rows: r.rows as R[] };
          },
        }),
      );
    },
    async executeSql(text: string, values?: unknown[]) {
      // pg-boss sends multi-statement scripts without parameters (schema creation,
      // maintenance); PGlite runs those through exec, the rest through query.
      if (!values || values.length === 0) {
        const results = await client.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      }
      const result = await client.query(text, values);
      return { rows: result.rows };
    },
    close: () => client.close(),
    dumpDataDir: async () => (await client.dumpDataDir('gzip')) as Blob,
  };
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}
