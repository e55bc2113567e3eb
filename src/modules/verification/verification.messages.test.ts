import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LANGS } from '../../platform/i18n.js';
import { RegistryUnavailableError } from '../../platform/adapters.js';
import { stateOf, type RegistryCheckStatus } from './get-check-status.js';
import { RegistryProtocolError } from './registry-http.js';
import { describeCheckError, outcomeOf, parseJobData } from './verification.jobs.js';
import {
  checkStateMessage,
  checkStatusLabel,
  mismatchMessage,
  outcomeDetails,
  outcomeNotification,
  registryLineMessage,
  verificationMessages,
} from './verification.messages.js';
import { REGISTRIES } from './verification.types.js';

const REASONS = ['not_found', 'name_mismatch', 'birth_date_mismatch', 'document_invalid'] as const;
const STATUSES = ['queued', 'in_progress', 'matched', 'mismatch', 'unavailable'] as const;

test('the wording the brief asks for', () => {
  assert.equal(mismatchMessage('ru', 'pension_fund', 'not_found'), 'Пенсионный фонд: СНИЛС не найден в реестре. Проверьте номер.');
  assert.match(mismatchMessage('ru', 'migration_service', 'document_invalid'), /^МВД: паспорт недействителен \(заменён или утерян\)\./);
  assert.match(verificationMessages('ru', 'unavailableRetrying', { registry: 'МВД' }), /^МВД: реестр временно не отвечает — мы повторим проверку автоматически\.$/);
});

test('every registry × reason and every status has a distinct sentence in both languages', () => {
  for (const lang of LANGS) {
    const seen = new Set<string>();
    for (const registry of REGISTRIES) {
      for (const reason of REASONS) {
        const text = mismatchMessage(lang, registry, reason);
        assert.ok(text.length > 20 && !text.includes('_'), `${lang} ${registry} ${reason}: ${text}`);
        assert.ok(!seen.has(text), `duplicate: ${text}`);
        seen.add(text);
      }
      for (const status of STATUSES) {
        const entry: RegistryCheckStatus = { registry, status, reason: status === 'mismatch' ? 'name_mismatch' : null, attempts: 1, updatedAt: new Date(), retryUntil: status === 'unavailable' ? new Date(Date.now() + 3_600_000) : null };
        const line = registryLineMessage(lang, entry);
        assert.ok(line.length > 10 && !/[{}]/.test(line) && !line.includes('line_'), `${lang} ${registry} ${status}: ${line}`);
        assert.ok(checkStatusLabel(lang, status).length > 3);
      }
    }
    for (const state of ['none', 'in_progress', 'passed', 'mismatch', 'unavailable'] as const) {
      assert.ok(!checkStateMessage(lang, { state, registries: [] }).includes('state_'));
    }
    for (const kind of ['passed', 'mismatch', 'unavailable'] as const) assert.ok(outcomeNotification(lang, { kind } as never).length > 20);
  }
  assert.equal(mismatchMessage('ru', 'pension_fund', 'something_new'), mismatchMessage('ru', 'pension_fund', 'not_found'), 'an unknown code reads as not found');
});

test('unavailable reads differently while retried and once final', () => {
  const base = { registry: 'pension_fund' as const, status: 'unavailable' as const, reason: null, attempts: 5, updatedAt: new Date() };
  assert.match(registryLineMessage('ru', { ...base, retryUntil: new Date(Date.now() + 3_600_000) }), /мы повторим проверку автоматически \(до \d\d\.\d\d\.\d{4} \d\d:\d\d\)/);
  assert.match(registryLineMessage('ru', { ...base, retryUntil: null }), /не ответил в течение суток/);
  assert.match(checkStateMessage('ru', { state: 'unavailable', registries: [{ ...base, retryUntil: null }] }), /в течение суток/);
  assert.match(checkStateMessage('ru', { state: 'unavailable', registries: [{ ...base, retryUntil: new Date(Date.now() + 1000) }] }), /повторим/);
});

test('outcomeOf: mismatch wins over unavailable, unavailable over passed', () => {
  assert.deepEqual(outcomeOf([{ registry: 'pension_fund', status: 'matched', resultCode: null }, { registry: 'migration_service', status: 'matched', resultCode: null }]), { kind: 'passed' });
  assert.deepEqual(
    outcomeOf([{ registry: 'pension_fund', status: 'unavailable', resultCode: null }, { registry: 'migration_service', status: 'mismatch', resultCode: 'document_invalid' }]),
    { kind: 'mismatch', documents: [{ registry: 'migration_service', reason: 'document_invalid' }] },
  );
  assert.deepEqual(outcomeOf([{ registry: 'pension_fund', status: 'unavailable', resultCode: null }, { registry: 'migration_service', status: 'matched', resultCode: null }]), {
    kind: 'unavailable',
    registries: ['pension_fund'],
  });
  assert.deepEqual(outcomeDetails('ru', { kind: 'mismatch', documents: [{ registry: 'pension_fund', reason: 'not_found' }] }), [
    'Пенсионный фонд: СНИЛС не найден в реестре. Проверьте номер.',
  ]);
});

test('stateOf: anything unanswered is in progress', () => {
  assert.equal(stateOf([]), 'none');
  assert.equal(stateOf([{ status: 'mismatch' }, { status: 'in_progress' }]), 'in_progress');
  assert.equal(stateOf([{ status: 'mismatch' }, { status: 'unavailable' }]), 'mismatch');
  assert.equal(stateOf([{ status: 'matched' }, { status: 'unavailable' }]), 'unavailable');
  assert.equal(stateOf([{ status: 'matched' }, { status: 'matched' }]), 'passed');
});

test('describeCheckError keeps only safe parts; parseJobData refuses odd data', () => {
  assert.equal(describeCheckError(new RegistryUnavailableError('pension_fund', 'HTTP 503')), 'unavailable: pension_fund: HTTP 503');
  assert.equal(describeCheckError(new RegistryProtocolError('migration_service', 'request refused with HTTP 400', 400)), 'protocol: migration_service: request refused with HTTP 400');
  assert.equal(describeCheckError(new TypeError('Иванов 112-233-445 95')), 'error: TypeError');
  const id = '6f1c1c8e-2f4b-4c1e-9a57-0d7c1f3b2a10';
  assert.deepEqual(parseJobData({ citizenId: id, dataVersion: 2 }), { citizenId: id, dataVersion: 2 });
  for (const bad of [null, {}, { citizenId: id }, { citizenId: 'x', dataVersion: 1 }, { citizenId: id, dataVersion: 0 }, { citizenId: id, dataVersion: 1.5 }]) {
    assert.equal(parseJobData(bad), null);
  }
});
