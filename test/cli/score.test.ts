/** `uslugi score` as a newcomer runs it: a real process through bin/uslugi.mjs (no database needed). */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = new URL('../../bin/uslugi.mjs', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'uslugi-score-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function uslugi(args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' }, timeout: 120_000 });
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

test('score prints every node with value, max and explanation', () => {
  const inputs = file('inputs.json', JSON.stringify({ 'P1.1.1': { A: 40, B: 50 }, 'P1.1.2': { A: 90, B: 120 }, 'P1.2': { n: 3 }, 'P1.3': { A: 60, C: 40 } }));
  const r = uslugi(['score', '--model', 'kalga-2018', '--inputs', inputs]);
  assert.equal(r.status, 0, r.stderr);
  const nodes = JSON.parse(r.stdout);
  assert.equal(Object.keys(nodes).length, 20);
  assert.deepEqual(Object.keys(nodes['P1.1.1']).sort(), ['explanation', 'max', 'value']);
  assert.equal(nodes['P1.1.1'].value, 80); // 40 / 50 * 100
  assert.equal(nodes['P1.1.1'].max, 100);
  assert.match(nodes['P1.1.1'].explanation, /^P1\.1\.1 = A \/ B \* 100 = 40 \/ 50 \* 100 = 80 \(A = 40 — /);
  assert.equal(nodes['P1.3'].value, 100); // 60 / 40 * 100 = 150, capped
  assert.match(nodes['P1.3'].explanation, /= 150 → 100 \(максимум\)/);
  assert.equal(nodes['P2.7'].max, 50);
  assert.equal(nodes['P2'].value, null);
});

test('score exits 2 with a Russian message for an unknown model, a missing file, bad JSON or invalid inputs', () => {
  const good = file('good.json', '{"P1.2": {"n": 3}}');
  const unknown = uslugi(['score', '--model', 'no-such-model', '--inputs', good]);
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /Модель «no-such-model» не найдена/);
  assert.equal(unknown.stdout, '');

  const missing = uslugi(['score', '--model', 'kalga-2018', '--inputs', join(dir, 'absent.json')]);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /Не удалось прочитать файл/);

  const bad = uslugi(['score', '--model', 'kalga-2018', '--inputs', file('bad.json', '{"P1.2": ')]);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /не JSON/);

  const invalid = uslugi(['score', '--model', 'kalga-2018', '--inputs', file('invalid.json', '{"P2.2": {"n": 0.7}, "P1.2": {"n": 5}}')]);
  assert.equal(invalid.status, 2);
  assert.match(invalid.stderr, /P2\.2: n может быть 0; 0,5 или 1/);
  assert.match(invalid.stderr, /P1\.2: n не может быть больше 4/);

  const usage = uslugi(['score', '--model', 'kalga-2018']);
  assert.equal(usage.status, 2);
  assert.match(usage.stderr, /--inputs/);
});
