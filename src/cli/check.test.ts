import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { runCheck } from './check.js';

function run(args: string[]): { code: number; lines: string[] } {
  const lines: string[] = [];
  const code = runCheck(args, (line) => lines.push(line));
  return { code, lines };
}

describe('runCheck', () => {
  test('valid value: exit 0 and the formatted value', () => {
    const { code, lines } = run(['snils', '11223344595']);
    assert.equal(code, 0);
    assert.deepEqual(lines, ['СНИЛС 112-233-445 95: верный (valid)']);
  });

  test('invalid value: exit 1 with the Russian and English reasons', () => {
    const { code, lines } = run(['snils', '112-233-445 96']);
    assert.equal(code, 1);
    assert.equal(lines.length, 1);
    const line = lines[0] ?? '';
    assert.ok(line.startsWith('СНИЛС 112-233-445 96: неверный — Контрольное число СНИЛС не совпадает: ожидалось 95, указано 96.'), line);
    assert.match(line, /\(invalid: The SNILS check number does not match: expected 95, got 96\..*\)$/);
  });

  test('every kind is reachable', () => {
    assert.equal(run(['inn', '7707083893']).code, 0);
    assert.equal(run(['ogrn', '1027700132195']).code, 0);
    assert.equal(run(['ogrnip', '304500116000157']).code, 0);
    assert.equal(run(['passport', '4509 123456']).code, 0);
    assert.equal(run(['phone', '+7 914 123-45-67']).code, 0);
    assert.equal(run(['phone', '+7 701 123 45 67']).code, 1);
    assert.equal(run(['inn', '7707083894']).code, 1);
  });

  test('an unquoted value split into several words is joined', () => {
    const { code, lines } = run(['passport', '4509', '123456']);
    assert.equal(code, 0);
    assert.deepEqual(lines, ['Паспорт 45 09 123456: верный (valid)']);
  });

  test('the kind is case-insensitive', () => {
    assert.equal(run(['SNILS', '112-233-445 95']).code, 0);
  });

  test('an empty value is invalid, not a usage error', () => {
    const { code, lines } = run(['inn', '']);
    assert.equal(code, 1);
    assert.match(lines[0] ?? '', /Поле не заполнено\./);
  });

  test('unknown kind: exit 2 with a bilingual usage listing the kinds', () => {
    const { code, lines } = run(['oktmo', '45301000']);
    assert.equal(code, 2);
    const text = lines.join('\n');
    assert.match(text, /Неизвестный вид идентификатора: «oktmo»/);
    assert.match(text, /Unknown identifier kind: "oktmo"/);
    assert.match(text, /Использование:/);
    assert.match(text, /Usage:/);
    assert.match(text, /snils, inn, ogrn, ogrnip, passport, phone/);
  });

  test('missing value or no arguments: exit 2', () => {
    for (const args of [['snils'], [], ['']]) {
      const { code, lines } = run(args);
      assert.equal(code, 2, JSON.stringify(args));
      assert.ok(lines.some((l) => l.startsWith('Usage:')), JSON.stringify(args));
    }
  });
});
