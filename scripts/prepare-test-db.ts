/**
 * Prepares the migrated databases that every integration test file copies:
 *   pglite <dumpFile>                 a migrated PGlite data directory, dumped as a tarball
 *   postgresql <adminUrl> <template>  a migrated template database on PostgreSQL
 * Called by scripts/test.mjs once per run, so each test file starts from a
 * fresh, migrated database instead of migrating again.
 */
import { writeFileSync } from 'node:fs';
import pg from 'pg';
import { openDatabase } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';

const [kind, ...args] = process.argv.slice(2);
if (kind === 'pglite') {
  const db = await openDatabase({ kind: 'pglite' });
  await migrate(db);
  const blob = await db.dumpDataDir!();
  writeFileSync(args[0]!, Buffer.from(await blob.arrayBuffer()));
  await db.close();
} else if (kind === 'postgresql') {
  const [adminUrl, template] = args as [string, string];
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${template}`);
  await admin.query(`create database ${template}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${template}`;
  const db = await openDatabase({ kind: 'postgresql', url: url.toString(), max: 2 });
  await migrate(db);
  await db.close();
} else {
  console.error('usage: prepare-test-db pglite <file> | postgresql <adminUrl> <template>');
  process.exit(2);
}
