/**
 * A fresh, migrated database for one test file, on the engine scripts/test.mjs
 * chose: TEST_DB=pglite loads the migrated dump TEST_PGLITE_DUMP; TEST_DB=postgresql
 * creates a new database from the template TEST_PG_TEMPLATE on TEST_DATABASE_URL
 * and drops it afterwards. Tests never share a database.
 *
 * (Test support reads process.env: it is the test runner's configuration, not the app's.)
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';

export type TestDbKind = 'pglite' | 'postgresql';

export function testDbKind(): TestDbKind {
  return process.env.TEST_DB === 'postgresql' ? 'postgresql' : 'pglite';
}

export interface TestDatabase {
  db: Database;
  /** postgres URL of this database (PostgreSQL only) */
  url?: string;
  close(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (testDbKind() === 'postgresql') {
    const adminUrl = process.env.TEST_DATABASE_URL;
    const template = process.env.TEST_PG_TEMPLATE;
    if (!adminUrl || !template) throw new Error('TEST_DB=postgresql needs TEST_DATABASE_URL and TEST_PG_TEMPLATE (run through npm test)');
    const name = `uslugi_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name} template ${template}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const db = await openDatabase({ kind: 'postgresql', url: url.toString(), max: 4 });
    return {
      db,
      url: url.toString(),
      async close() {
        await db.close();
        const a = new pg.Client({ connectionString: adminUrl });
        await a.connect();
        await a.query(`drop database if exists ${name} with (force)`);
        await a.end();
      },
    };
  }
  const dump = process.env.TEST_PGLITE_DUMP;
  if (dump) {
    const db = await openDatabase({ kind: 'pglite', loadDataDir: new Blob([readFileSync(dump)]) });
    return { db, close: () => db.close() };
  }
  // Run directly (node --test file) without the runner: migrate in memory.
  const db = await openDatabase({ kind: 'pglite' });
  await migrate(db);
  return { db, close: () => db.close() };
}
