/**
 * The `uslugi` command as a newcomer runs it: a real process through bin/uslugi.mjs,
 * against this run's database (a temporary DATA_DIR on PGlite, the test database on PostgreSQL).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/db/client.js';
import { TEST_SECRETS } from '../support/app.js';
import { createTestDatabase, testDbKind, type TestDatabase } from '../support/db.js';

const bin = new URL('../../bin/uslugi.mjs', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'uslugi-cli-'));
let pgDb: TestDatabase | undefined;
let env: Record<string, string>;

function uslugi(args: string[], extra: Record<string, string> = {}, input?: string) {
  return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env, ...extra }, input, timeout: 120_000 });
}

before(async () => {
  env = { DATA_DIR: dataDir, ...TEST_SECRETS };
  if (testDbKind() === 'postgresql') {
    pgDb = await createTestDatabase();
    await pgDb.db.close();
    env.DATABASE_URL = pgDb.url!;
  }
});
after(async () => {
  if (pgDb) {
    const t = await import('pg');
    const admin = new t.default.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`drop database if exists ${new URL(pgDb.url!).pathname.slice(1)} with (force)`);
    await admin.end();
  }
  rmSync(dataDir, { recursive: true, force: true });
});

test('check snils: a valid number exits 0, a wrong check number exits 1 with the reason', () => {
  const ok = uslugi(['check', 'snils', '112-233-445 95']);
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /верный/);
  const bad = uslugi(['check', 'snils', '112-233-445 96']);
  assert.equal(bad.status, 1);
  assert.match(bad.stdout + bad.stderr, /95/);
  assert.equal(uslugi(['check', 'inn', '7707083893']).status, 0);
  assert.equal(uslugi(['check', 'phone', '+7 701 123 45 67']).status, 1);
  assert.equal(uslugi(['check', 'colour', 'red']).status, 2);
});

test('a wrong setting stops the command with a clear message', () => {
  const r = uslugi(['migrate'], { PORT: 'eighty' });
  assert.equal(r.status, 78);
  assert.match(r.stderr, /PORT/);
});

test('migrate, seed demo, create-staff and audit verify work end to end, and tampering is reported', async () => {
  const migrate = uslugi(['migrate']);
  assert.equal(migrate.status, 0, migrate.stderr);
  // A small demo activity keeps this test quick; the full one is the default (config DEMO_ACTIVITY_SCALE).
  const seed = uslugi(['seed', 'demo'], { DEMO_ACTIVITY_SCALE: '0.01' });
  assert.equal(seed.status, 0, seed.stderr);
  assert.match(seed.stdout, /Забайкальский край/);
  assert.match(seed.stdout, /Учётные записи граждан: \d/);

  const weak = uslugi(['create-staff', '--login', 'ivanov', '--name', 'Иванов Иван Иванович', '--role', 'system_admin'], { USLUGI_NEW_PASSWORD: '12345678' });
  assert.equal(weak.status, 1);
  assert.match(weak.stderr, /простой/);
  const created = uslugi(['create-staff', '--login', 'ivanov', '--name', 'Иванов Иван Иванович', '--role', 'municipal_coordinator', '--municipality', 'kalgansky'], {}, 'весёлый ёж бежит по тропинке\n');
  assert.equal(created.status, 0, created.stderr);

  const verified = uslugi(['audit', 'verify']);
  assert.equal(verified.status, 0, verified.stderr);
  assert.match(verified.stdout, /цел/);

  // Tamper with the second audit row behind the trigger's back.
  const db = env.DATABASE_URL ? await openDatabase({ kind: 'postgresql', url: env.DATABASE_URL, max: 1 }) : await openDatabase({ kind: 'pglite', dataDir: join(dataDir, 'pglite') });
  await db.exec('alter table audit_log disable trigger audit_log_no_update');
  const { rows } = await db.query<{ seq: number }>('select seq from audit_log order by seq offset 1 limit 1');
  const seq = Number(rows[0]!.seq);
  await db.query("update audit_log set action = 'staff.create.edited' where seq = $1", [seq]);
  await db.exec('alter table audit_log enable trigger audit_log_no_update');
  await db.close();

  const broken = uslugi(['audit', 'verify']);
  assert.equal(broken.status, 1);
  assert.match(broken.stderr, new RegExp(`№ ${seq}\\b`));
});

test('`uslugi worker` runs jobs as a separate process (PostgreSQL)', { skip: testDbKind() !== 'postgresql' && 'PGlite is one process: the worker runs inside the server there' }, async () => {
  const { spawn } = await import('node:child_process');
  const worker = spawn(process.execPath, [bin, 'worker'], { env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  worker.stdout.on('data', (d) => (output += String(d)));
  try {
    const deadline = Date.now() + 60_000;
    while (!output.includes('uslugi worker:') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    assert.match(output, /uslugi worker:/);
    const db = await openDatabase({ kind: 'postgresql', url: env.DATABASE_URL!, max: 1 });
    // Enqueue the way another process would: a row in pg-boss's job table.
    const { rows } = await db.query<{ id: string }>("insert into pgboss.job (name, data) values ('platform.cleanup', '{}'::jsonb) returning id::text as id");
    const id = rows[0]!.id;
    let state = '';
    while (Date.now() < deadline) {
      const r = await db.query<{ state: string }>('select state from pgboss.job where id = $1', [id]);
      state = r.rows[0]?.state ?? '';
      if (state === 'completed' || state === 'failed') break;
      await new Promise((res) => setTimeout(res, 300));
    }
    await db.close();
    assert.equal(state, 'completed');
  } finally {
    worker.kill('SIGTERM');
    await new Promise((r) => worker.once('exit', r));
  }
});
