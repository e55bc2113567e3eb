import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'uslugi-config-'));

test('defaults: embedded PGlite in DATA_DIR, secrets generated once in development', () => {
  const dir = tmp();
  const a = loadConfig({ DATA_DIR: dir });
  assert.equal(a.database.kind, 'pglite');
  assert.equal(a.port, 3000);
  assert.equal(a.seedDemoOnEmpty, true);
  const file = join(dir, 'secrets.json');
  assert.ok(existsSync(file));
  assert.equal(statSync(file).mode & 0o777, 0o600);
  const b = loadConfig({ DATA_DIR: dir });
  assert.equal(b.secrets.sessionSecret, a.secrets.sessionSecret, 'the same secrets on the next start');
  assert.equal(a.secrets.dataEncryptionKey.length, 32);
  assert.ok(JSON.parse(readFileSync(file, 'utf8')).dataEncryptionKey);
});

test('DATABASE_URL switches to PostgreSQL', () => {
  const c = loadConfig({ DATA_DIR: tmp(), DATABASE_URL: 'postgres://u:p@db:5432/uslugi' });
  assert.deepEqual(c.database, { kind: 'postgresql', url: 'postgres://u:p@db:5432/uslugi' });
});

test('every wrong setting is named', () => {
  try {
    loadConfig({ DATA_DIR: tmp(), PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', DATA_ENCRYPTION_KEY: 'short' });
    assert.fail('should throw');
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    const text = error.problems.join('\n');
    for (const name of ['PORT', 'DATABASE_URL', 'LOG_LEVEL', 'DATA_ENCRYPTION_KEY']) assert.match(text, new RegExp(name));
  }
});

test('production requires its secrets and does not seed demo data by default', () => {
  assert.throws(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: tmp() }), (e: unknown) => e instanceof ConfigError && /SESSION_SECRET/.test(e.message) && /DATA_ENCRYPTION_KEY/.test(e.message));
  const secrets = { SESSION_SECRET: 'x'.repeat(40), DATA_ENCRYPTION_KEY: 'ab'.repeat(32) };
  // Without simulators every outside system needs its endpoint.
  assert.throws(
    () => loadConfig({ NODE_ENV: 'production', DATA_DIR: tmp(), ...secrets }),
    (e: unknown) => e instanceof ConfigError && ['SMS_GATEWAY_URL', 'SMTP_URL', 'PENSION_REGISTRY_URL', 'MIGRATION_REGISTRY_URL'].every((n) => e.message.includes(n)),
  );
  const c = loadConfig({
    NODE_ENV: 'production',
    DATA_DIR: tmp(),
    ...secrets,
    SMS_GATEWAY_URL: 'https://sms.example.ru/api',
    SMTP_URL: 'smtp://mail.example.ru:587',
    PENSION_REGISTRY_URL: 'https://pfr.example.ru',
    MIGRATION_REGISTRY_URL: 'https://mvd.example.ru',
  });
  assert.equal(c.seedDemoOnEmpty, false);
  assert.equal(c.cookieSecure, true);
  assert.equal(c.simulators.enabled, false, 'no simulators (and no /dev/outbox) in production');
});

test('empty strings count as unset', () => {
  const c = loadConfig({ DATA_DIR: tmp(), DATABASE_URL: '', PORT: '' });
  assert.equal(c.database.kind, 'pglite');
  assert.equal(c.port, 3000);
});
