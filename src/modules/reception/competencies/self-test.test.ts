import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_QUESTIONS, QUESTION_TOPICS } from './default-questions.js';
import { drawQuestions, parseQuestion, scoreAnswers } from './self-test.js';

test('the default bank covers every topic, each question with one right option among 2–6', () => {
  for (const topic of QUESTION_TOPICS) assert.ok(DEFAULT_QUESTIONS.some((q) => q.topic === topic), topic);
  for (const q of DEFAULT_QUESTIONS) {
    assert.ok(q.options.length >= 2 && q.options.length <= 6, q.question);
    assert.ok(q.correct >= 0 && q.correct < q.options.length, q.question);
    assert.equal(new Set(q.options).size, q.options.length, q.question);
  }
});

test('drawing spreads the questions over the topics before repeating one', () => {
  const bank = [
    { id: 'a1', topic: 'a' },
    { id: 'a2', topic: 'a' },
    { id: 'a3', topic: 'a' },
    { id: 'b1', topic: 'b' },
    { id: 'c1', topic: 'c' },
  ];
  for (let seed = 0; seed < 20; seed++) {
    let s = seed;
    const random = (max: number) => (s = (s * 7 + 3) % 101) % max;
    const three = drawQuestions(bank, 3, random);
    assert.deepEqual(three.map((q) => q.topic).sort(), ['a', 'b', 'c']);
    const all = drawQuestions(bank, 10, random);
    assert.equal(all.length, 5);
    assert.equal(new Set(all.map((q) => q.id)).size, 5);
  }
});

test('scoring: right answers counted; unanswered and out-of-range are wrong; after the time allowed nothing counts', () => {
  const questions = [
    { id: '1', topic: 'portal', question: 'q1', options: ['x', 'y'], correct: 1 },
    { id: '2', topic: 'levels', question: 'q2', options: ['x', 'y', 'z'], correct: 2 },
    { id: '3', topic: 'payments', question: 'q3', options: ['x', 'y'], correct: 0 },
  ];
  const deadlineAt = new Date('2026-11-23T10:10:00Z');
  const r = scoreAnswers({ questions, deadlineAt }, { q0: '1', q1: '7', q2: '1' }, new Date('2026-11-23T10:05:00Z'));
  assert.deepEqual(r, { answers: [1, null, 1], score: 1, expired: false });
  assert.equal(scoreAnswers({ questions, deadlineAt }, { q0: '1', q1: '2', q2: '0' }, new Date('2026-11-23T10:10:20Z')).score, 3, 'within the grace');
  assert.deepEqual(scoreAnswers({ questions, deadlineAt }, { q0: '1', q1: '2', q2: '0' }, new Date('2026-11-23T10:11:00Z')), { answers: [1, 2, 0], score: 0, expired: true });
});

test('a question typed by the region: topic, text, at least two options, the right one filled', () => {
  const ok = parseQuestion({ topic: 'payments', question: '  Скидка на штраф  ГИБДД? ', options: ['50%', '', '10%', ''], correct: '2', active: true });
  assert.deepEqual(ok, { ok: true, value: { topic: 'payments', question: 'Скидка на штраф ГИБДД?', options: ['50%', '10%'], correct: 1, active: true } });
  const bad = parseQuestion({ topic: 'nope', question: 'Кто?', options: ['a', '', '', ''], correct: '1', active: true });
  assert.deepEqual(bad, { ok: false, errors: { topic: 'topicRequired', question: 'questionRequired', options: 'optionsRequired' } });
  const noRight = parseQuestion({ topic: 'portal', question: 'Адрес портала?', options: ['gosuslugi.ru', 'nalog.ru', '', ''], correct: '3', active: true });
  assert.deepEqual(noRight, { ok: false, errors: { correct: 'correctRequired' } });
});
