#!/usr/bin/env node
/**
 * `npm test`: every test, on both databases.
 *   1. unit tests (src/**\/*.test.ts[x]) once;
 *   2. integration tests (test/**\/*.test.ts) on PGlite, then on PostgreSQL
 *      (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test;
 *      skipped with a notice when unreachable, except under CI=true where it must run);
 *   3. browser journeys (e2e/**\/*.test.ts) in Chromium on PGlite.
 * Each test file gets its own fresh database copied from one migrated template.
 * Ends with the line "N passed, N failed".
 *
 * Options: `npm test -- unit|integration|e2e` runs one tier; TEST_ONLY_DB=pglite|postgresql one engine.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import pg from 'pg';

const root = new URL('..', import.meta.url).pathname;
const tiers = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const want = (tier) => tiers.length === 0 || tiers.includes(tier);
const onlyDb = process.env.TEST_ONLY_DB;
const ci = process.env.CI === 'true';

function find(dir, pattern) {
  const out = [];
  const walk = (d) => {
    if (!existsSync(d)) return;
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (name === 'node_modules') continue;
      if (statSync(p).isDirectory()) walk(p);
      else if (pattern.test(name)) out.push(relative(root, p));
    }
  };
  walk(join(root, dir));
  return out.sort();
}

const work = mkdtempSync(join(tmpdir(), 'uslugi-tests-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const legs = [];

function run(label, files, env = {}, concurrency = 1) {
  if (files.length === 0) return;
  console.log(`\n=== ${label}: ${files.length} files ===`);
  const countFile = join(work, `${legs.length}.count`);
  const result = spawnSync(
    process.execPath,
    [
      '--import', 'tsx',
      '--test',
      `--test-concurrency=${concurrency}`,
      '--test-reporter=spec', '--test-reporter-destination=stdout',
      `--test-reporter=${join(root, 'scripts/count-reporter.mjs')}`, `--test-reporter-destination=${countFile}`,
      ...files,
    ],
    { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } },
  );
  let [passed, failed, skipped] = [0, 0, 0];
  if (existsSync(countFile)) [passed, failed, skipped] = readFileSync(countFile, 'utf8').trim().split(' ').map(Number);
  // A crashed runner (non-zero exit with no failing test counted) is a failure too.
  if (result.status !== 0 && failed === 0) failed = 1;
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  legs.push(`${label}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
}

function prepare(args) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/prepare-test-db.ts'), ...args], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`preparing the test database failed: ${args[0]}`);
}

async function postgresReachable(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch (error) {
    return error.message;
  }
}

try {
  if (want('unit')) {
    console.log('\n=== typecheck (tsc --noEmit) ===');
    const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', join(root, 'tsconfig.json')], { cwd: root, stdio: 'inherit' });
    if (tsc.status === 0) {
      totals.passed += 1;
      legs.push('typecheck: passed');
    } else {
      totals.failed += 1;
      legs.push('typecheck: FAILED');
    }
  }
  if (want('unit')) run('unit', [...find('src', /\.test\.tsx?$/), ...find('scripts', /\.test\.ts$/)], {}, 2);

  const integration = find('test', /\.test\.tsx?$/);
  if (want('integration') && onlyDb !== 'postgresql') {
    const dump = join(work, 'pglite.tar.gz');
    prepare(['pglite', dump]);
    run('integration · PGlite', integration, { TEST_DB: 'pglite', TEST_PGLITE_DUMP: dump });
  }
  if (want('integration') && onlyDb !== 'pglite') {
    const url = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
    const reachable = await postgresReachable(url);
    if (reachable === true) {
      const template = `uslugi_tpl_${process.pid}`;
      prepare(['postgresql', url, template]);
      try {
        run('integration · PostgreSQL', integration, { TEST_DB: 'postgresql', TEST_DATABASE_URL: url, TEST_PG_TEMPLATE: template }, 2);
      } finally {
        const admin = new pg.Client({ connectionString: url });
        await admin.connect();
        await admin.query(`drop database if exists ${template}`);
        await admin.end();
      }
    } else if (ci) {
      console.error(`PostgreSQL at ${url} is not reachable (${reachable}); CI requires it.`);
      totals.failed += 1;
      legs.push('integration · PostgreSQL: not reachable');
    } else {
      console.log(`\n(PostgreSQL leg skipped: ${url} not reachable — ${reachable}. Set TEST_DATABASE_URL to run it.)`);
      legs.push('integration · PostgreSQL: skipped (not reachable)');
    }
  }

  if (want('e2e')) {
    const e2e = find('e2e', /\.test\.tsx?$/);
    if (e2e.length) {
      const dump = join(work, 'pglite-e2e.tar.gz');
      prepare(['pglite', dump]);
      run('browser journeys · Chromium', e2e, { TEST_DB: 'pglite', TEST_PGLITE_DUMP: dump });
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

console.log('\n' + legs.map((l) => `  ${l}`).join('\n'));
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exitCode = totals.failed > 0 ? 1 : 0;
