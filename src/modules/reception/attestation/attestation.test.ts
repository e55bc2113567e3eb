import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAttestation, passScore, resultStatus, type AttestationFormValues } from './attestation.js';

const base: AttestationFormValues = { title: 'Аттестация', opensOn: '23.11.2026', closesOn: '', minutes: '20', questionCount: '10', passPercent: '80', staff: ['a'] };
const ctx = { today: '2026-11-23', allowed: new Set(['a', 'b']) };

test('the form: one day when the last is empty; ranges; the window; only allowed staff', () => {
  const ok = parseAttestation(base, ctx);
  assert.ok(ok.ok);
  assert.deepEqual(ok.value, { title: 'Аттестация', opensOn: '2026-11-23', closesOn: '2026-11-23', minutes: 20, questionCount: 10, passPercent: 80, staffIds: ['a'] });
  const codes = (v: Partial<AttestationFormValues>) => {
    const r = parseAttestation({ ...base, ...v }, ctx);
    return r.ok ? [] : r.errors.map((e) => `${e.field}:${e.code}`);
  };
  assert.deepEqual(codes({ opensOn: '22.11.2026' }), ['opensOn:errOpensPast']);
  assert.deepEqual(codes({ closesOn: '22.11.2026' }), ['closesOn:errWindow']);
  assert.deepEqual(codes({ closesOn: '2026-12-31' }), []);
  assert.deepEqual(codes({ closesOn: '24.01.2027' }), ['closesOn:errWindow'], '62 days is too long');
  assert.deepEqual(codes({ minutes: '4', questionCount: '41', passPercent: '49' }), ['minutes:errMinutes', 'questionCount:errQuestionCount', 'passPercent:errPassPercent']);
  assert.deepEqual(codes({ minutes: '1e2' }), ['minutes:errMinutes']);
  assert.deepEqual(codes({ staff: ['a', 'c'] }), ['staff:errStaff']);
  assert.deepEqual(codes({ staff: [] }), ['staff:errStaff']);
  assert.deepEqual(codes({ title: '  x ' }), ['title:errTitle']);
});

test('pass score: the pass mark’s share of the questions, rounded up', () => {
  assert.equal(passScore(10, 80), 8);
  assert.equal(passScore(5, 80), 4);
  assert.equal(passScore(7, 80), 6); // 5,6 → 6
  assert.equal(passScore(3, 50), 2); // 1,5 → 2
  assert.equal(passScore(10, 100), 10);
});

test('status: by the window before the start, by the clock after it, by the score at the end', () => {
  const a = { opensOn: '2026-11-23', closesOn: '2026-11-25', passPercent: 80 };
  const none = { startedAt: null, deadlineAt: null, finishedAt: null, score: null, total: null, expired: false };
  const now = new Date('2026-11-24T05:00:00Z');
  assert.equal(resultStatus(a, none, '2026-11-22', now), 'upcoming');
  assert.equal(resultStatus(a, none, '2026-11-23', now), 'open');
  assert.equal(resultStatus(a, none, '2026-11-25', now), 'open');
  assert.equal(resultStatus(a, none, '2026-11-26', now), 'missed');
  const started = { ...none, startedAt: new Date('2026-11-24T04:50:00Z'), deadlineAt: new Date('2026-11-24T05:00:00Z') };
  assert.equal(resultStatus(a, started, '2026-11-24', new Date('2026-11-24T05:00:20Z')), 'in_progress', 'within the grace');
  assert.equal(resultStatus(a, started, '2026-11-24', new Date('2026-11-24T05:01:00Z')), 'expired');
  const done = { ...started, finishedAt: now, total: 10 };
  assert.equal(resultStatus(a, { ...done, score: 8 }, '2026-11-24', now), 'passed');
  assert.equal(resultStatus(a, { ...done, score: 7 }, '2026-11-24', now), 'failed');
  assert.equal(resultStatus(a, { ...done, score: null, expired: true }, '2026-11-24', now), 'expired');
});
