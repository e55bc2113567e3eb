import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { answersAt, back, next, outcomeOf, replay, scriptFor, start, STEPS, TRANSITIONS, type Answer, type Authority, type DialogOptions, type Outcome, type StepId } from './machine.js';
import { DIAGRAM_PATH, renderDiagramDoc } from './diagram.js';

const DESK: Authority = { register: 'desk', confirm: 'desk' };
const NONE: Authority = { register: null, confirm: null };
const DECLARED: Authority = { register: 'declared', confirm: null };
const opts = (authority: Authority, threshold = 55): DialogOptions => ({ threshold, authority });

/** Every branch of seed 004 appendix 3: the path, who asks, where it ends, the steps on the way and the outcome. */
const BRANCHES: Array<{ name: string; authority: Authority; path: Answer[]; system?: Answer; steps: StepId[]; outcome: Outcome }> = [
  { name: '1.1 only: 55 or older', authority: DESK, path: ['older'], steps: ['age', 'done'], outcome: 'consulted' },
  { name: '1.2 asked, left open', authority: DESK, path: ['younger'], steps: ['age', 'account'], outcome: 'consulted' },
  { name: '1.2.1 confirmed: reminder', authority: NONE, path: ['younger', 'confirmed_account', 'read'], steps: ['age', 'account', 'remind', 'done'], outcome: 'informed' },
  {
    name: '1.2.1.1 not confirmed, confirms now (A)',
    authority: DESK,
    path: ['younger', 'unconfirmed_account', 'female', 'agreed'],
    system: 'confirmed',
    steps: ['age', 'account', 'gender_confirm', 'offer_confirm', 'confirm_now', 'congratulate'],
    outcome: 'confirmed',
  },
  {
    name: '1.2.1.1 not confirmed, refuses (Б)',
    authority: DESK,
    path: ['younger', 'unconfirmed_account', 'male', 'refused', 'read'],
    steps: ['age', 'account', 'gender_confirm', 'offer_confirm', 'confirm_advice', 'done'],
    outcome: 'refused',
  },
  {
    name: '1.2.1.1 agreed, confirmation failed',
    authority: DESK,
    path: ['younger', 'unconfirmed_account', 'male', 'agreed', 'failed', 'read'],
    steps: ['age', 'account', 'gender_confirm', 'offer_confirm', 'confirm_now', 'confirm_advice', 'done'],
    outcome: 'agreed',
  },
  {
    name: '1.2.1.1 employee who does not confirm: straight to Б',
    authority: NONE,
    path: ['younger', 'unconfirmed_account', 'read'],
    steps: ['age', 'account', 'confirm_advice', 'done'],
    outcome: 'informed',
  },
  {
    name: '1.2.2 registers at the desk (A)',
    authority: DESK,
    path: ['younger', 'no_account', 'male', 'agreed'],
    system: 'registered',
    steps: ['age', 'account', 'gender_register', 'offer_register', 'register_now', 'register_closing'],
    outcome: 'registered',
  },
  {
    name: '1.2.2 refuses → 1.2.3 (Б)',
    authority: DESK,
    path: ['younger', 'no_account', 'female', 'refused', 'read'],
    steps: ['age', 'account', 'gender_register', 'offer_register', 'self_register', 'done'],
    outcome: 'refused',
  },
  {
    name: '1.2.2 agreed, registration failed → 1.2.3',
    authority: DESK,
    path: ['younger', 'no_account', 'female', 'agreed', 'failed'],
    steps: ['age', 'account', 'gender_register', 'offer_register', 'register_now', 'self_register'],
    outcome: 'agreed',
  },
  {
    name: '1.2.2 by reception staff whose duties include registration (declared)',
    authority: DECLARED,
    path: ['younger', 'no_account', 'female', 'agreed', 'registered', 'read'],
    steps: ['age', 'account', 'gender_register', 'offer_register', 'register_now', 'register_closing', 'done'],
    outcome: 'registered',
  },
  { name: '1.2.3 registration not among the duties', authority: NONE, path: ['younger', 'no_account', 'read'], steps: ['age', 'account', 'self_register', 'done'], outcome: 'informed' },
  { name: '1.2.3 for an operator whose centre only confirms', authority: { register: null, confirm: 'desk' }, path: ['younger', 'no_account'], steps: ['age', 'account', 'self_register'], outcome: 'informed' },
  { name: 'offer read, visitor gone', authority: DESK, path: ['younger', 'no_account', 'male'], steps: ['age', 'account', 'gender_register', 'offer_register'], outcome: 'offered' },
];

for (const b of BRANCHES) {
  test(`branch: ${b.name}`, () => {
    let state = start(opts(b.authority));
    for (const a of b.path) {
      const n = next(state, a);
      assert.ok(n, `answer ${a} at ${state.step}`);
      state = n;
    }
    if (b.system) {
      assert.equal(next(state, b.system, 'employee'), null, 'the employee cannot claim the desk result');
      state = next(state, b.system, 'system')!;
      assert.ok(state);
    }
    assert.deepEqual(state.visited, b.steps);
    assert.equal(outcomeOf(state), b.outcome);
    // The stored path replays to the same state.
    assert.deepEqual(replay(opts(b.authority), state.path), state);
  });
}

test('the authority rule: «not registered» leads to 1.2.2 only for staff whose duties include registration', () => {
  const table: Array<[Authority, StepId]> = [
    [DESK, 'gender_register'],
    [DECLARED, 'gender_register'],
    [NONE, 'self_register'],
    [{ register: null, confirm: 'desk' }, 'self_register'],
  ];
  for (const [authority, step] of table) assert.equal(next(next(start(opts(authority)), 'younger')!, 'no_account')!.step, step, JSON.stringify(authority));
});

test('the age threshold: the question names the region’s threshold; «older» ends the dialog after 1.1', () => {
  for (const threshold of [45, 55, 60]) {
    const s = start(opts(DESK, threshold));
    assert.equal(s.options.threshold, threshold);
    assert.deepEqual(answersAt(s), ['younger', 'older']);
    assert.equal(next(s, 'older')!.step, 'done');
    assert.equal(next(s, 'younger')!.step, 'account');
  }
});

test('answers that do not apply are refused, including results the employee cannot claim', () => {
  const s = start(opts(DESK));
  assert.equal(next(s, 'agreed'), null);
  assert.equal(next(s, 'read'), null);
  const registerNow = replay(opts(DESK), ['younger', 'no_account', 'male', 'agreed'])!;
  assert.equal(registerNow.step, 'register_now');
  assert.deepEqual(answersAt(registerNow), ['failed']);
  const declared = replay(opts(DECLARED), ['younger', 'no_account', 'male', 'agreed'])!;
  assert.deepEqual(answersAt(declared), ['registered', 'failed']);
  assert.equal(next(declared, 'registered', 'system'), null, 'no desk form for declared registration');
  assert.equal(replay(opts(NONE), ['younger', 'no_account', 'male']), null, 'a path the employee could not take');
});

test('the buttons at each decision, in their shortcut order', () => {
  const account = replay(opts(DESK), ['younger'])!;
  assert.deepEqual(answersAt(account), ['confirmed_account', 'unconfirmed_account', 'no_account']);
  assert.deepEqual(answersAt(replay(opts(DESK), ['younger', 'no_account'])!), ['male', 'female']);
  assert.deepEqual(answersAt(replay(opts(DESK), ['younger', 'no_account', 'male'])!), ['agreed', 'refused']);
  assert.deepEqual(answersAt(replay(opts(DESK), ['younger', 'confirmed_account'])!), ['read']);
  assert.deepEqual(answersAt(replay(opts(DESK), ['older'])!), []);
});

test('back removes the last answer and its gender; at the start it stays', () => {
  const s = replay(opts(DESK), ['younger', 'no_account', 'female'])!;
  assert.equal(s.gender, 'female');
  const b = back(s);
  assert.equal(b.step, 'gender_register');
  assert.equal(b.gender, null);
  assert.deepEqual(b.path, ['younger', 'no_account']);
  assert.deepEqual(back(start(opts(DESK))), start(opts(DESK)));
});

test('every step is reachable and every non-final step has a way on', () => {
  const reached = new Set<StepId>(['age']);
  for (const t of TRANSITIONS) reached.add(t.to);
  assert.deepEqual([...reached].sort(), Object.keys(STEPS).sort());
  for (const id of Object.keys(STEPS) as StepId[]) if (id !== 'done') assert.ok(TRANSITIONS.some((t) => t.from === id), id);
});

test('scriptFor: the step’s script, the visitor’s gender variant, key services in the slot', () => {
  const offer = replay(opts(DESK), ['younger', 'no_account', 'female'])!;
  const s = scriptFor(offer, { keyServices: ['записаться на приём к врачу', 'записать ребёнка в кружок'] })!;
  assert.equal(s.id, 'offerRegister');
  assert.equal(s.ref, '1.2.2');
  assert.match(s.paragraphs[0]!, /^Давайте прямо сейчас создадим Вашу учетную запись/);
  assert.ok(s.paragraphs[0]!.endsWith('если они появятся. Также на портале можно: записаться на приём к врачу, записать ребёнка в кружок.'));
  const male = scriptFor(offer, { gender: 'male', keyServices: [] })!;
  assert.match(male.paragraphs[0]!, /^Давайте прямо сейчас создадим Вам учетную запись/);
  assert.ok(male.paragraphs[0]!.endsWith('Кстати, загранпаспорт также можно оформить на портале.'));
  assert.equal(scriptFor(start(opts(DESK)), { keyServices: [] }), null, '1.1 has no script');
  assert.equal(scriptFor(replay(opts(DESK), ['younger', 'no_account', 'male', 'agreed'])!, { keyServices: [] }), null, 'the action step has none');
});

test('docs/reception-dialog.md is generated from the current machine', () => {
  assert.equal(readFileSync(DIAGRAM_PATH, 'utf8'), renderDiagramDoc(), 'run: npx tsx src/modules/reception/dialog/diagram.ts');
});
