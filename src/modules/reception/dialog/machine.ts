/**
 * The informing algorithm of seed 004, appendix 3, as data: steps, and
 * transitions (from, answer, guard) → to. Everything here is pure.
 *
 * A dialog's state is never stored as such: it is `replay(options, path)`,
 * the start state with the answers given so far. The visit row keeps the
 * options (threshold, the employee's authority at the time) and the path, so
 * «Назад» is the path without its last answer.
 *
 * The authority rule (seed 004, 1.2.2 / 1.2.3): an employee whose duties
 * include registration in ЕСИА is offered 1.2.2 (register now); everyone else
 * goes to 1.2.3 (recommend self-registration). `Authority.register` says how:
 * 'desk' — a service-centre operator whose centre registers (the operator's
 * register form, the result comes back into the visit); 'declared' — reception
 * staff whose duties include registration (a per-employee setting): they
 * register by the current procedures outside this system and say so.
 * Confirmation now (1.2.1.1) needs an operator of a centre that confirms
 * ('desk'); the others go straight to the 1.2.1.1 Б script, which tells the
 * visitor where to confirm.
 */
import { hasGenderVariants, renderScript, type Gender, type ScriptId } from './scripts.js';
import type { Lang } from '../../../platform/i18n.js';

export type StepId =
  | 'age'
  | 'account'
  | 'gender_confirm'
  | 'offer_confirm'
  | 'confirm_now'
  | 'congratulate'
  | 'confirm_advice'
  | 'remind'
  | 'gender_register'
  | 'offer_register'
  | 'register_now'
  | 'register_closing'
  | 'self_register'
  | 'done';

export type Answer =
  | 'younger'
  | 'older'
  | 'confirmed_account'
  | 'unconfirmed_account'
  | 'no_account'
  | 'male'
  | 'female'
  | 'agreed'
  | 'refused'
  | 'registered'
  | 'confirmed'
  | 'failed'
  | 'read';

export const ANSWERS: readonly Answer[] = ['younger', 'older', 'confirmed_account', 'unconfirmed_account', 'no_account', 'male', 'female', 'agreed', 'refused', 'registered', 'confirmed', 'failed', 'read'];

export function isAnswer(value: unknown): value is Answer {
  return typeof value === 'string' && (ANSWERS as readonly string[]).includes(value);
}

export type StepKind = 'decision' | 'script' | 'action' | 'end';

export interface Step {
  id: StepId;
  kind: StepKind;
  /** item of seed 004, appendix 3 */
  ref: string;
  /** the script read out at this step */
  script?: ScriptId;
}

export const STEPS: Record<StepId, Step> = {
  age: { id: 'age', kind: 'decision', ref: '1.1' },
  account: { id: 'account', kind: 'decision', ref: '1.2' },
  remind: { id: 'remind', kind: 'script', ref: '1.2.1', script: 'reminder' },
  gender_confirm: { id: 'gender_confirm', kind: 'decision', ref: '1.2.1.1' },
  offer_confirm: { id: 'offer_confirm', kind: 'script', ref: '1.2.1.1', script: 'offerConfirm' },
  confirm_now: { id: 'confirm_now', kind: 'action', ref: '1.2.1.1 А' },
  congratulate: { id: 'congratulate', kind: 'script', ref: '1.2.1.1 А', script: 'congratulation' },
  confirm_advice: { id: 'confirm_advice', kind: 'script', ref: '1.2.1.1 Б', script: 'confirmAdvice' },
  gender_register: { id: 'gender_register', kind: 'decision', ref: '1.2.2' },
  offer_register: { id: 'offer_register', kind: 'script', ref: '1.2.2', script: 'offerRegister' },
  register_now: { id: 'register_now', kind: 'action', ref: '1.2.2 А' },
  register_closing: { id: 'register_closing', kind: 'script', ref: '1.2.2 А', script: 'registerClosing' },
  self_register: { id: 'self_register', kind: 'script', ref: '1.2.3', script: 'selfRegister' },
  done: { id: 'done', kind: 'end', ref: '' },
};

/** How the employee may register / confirm now; null: not among their duties. */
export interface Authority {
  register: 'desk' | 'declared' | null;
  confirm: 'desk' | null;
}

export interface DialogOptions {
  /** «если гражданину на вид до 55 лет»: the region's setting */
  threshold: number;
  authority: Authority;
}

export type Guard = 'mayRegister' | 'mayNotRegister' | 'mayConfirm' | 'mayNotConfirm';

/** Who may give an answer: the employee by a button, or the system when the operator's form succeeded. */
export type AnswerSource = 'employee' | 'system';

export interface Transition {
  from: StepId;
  answer: Answer;
  to: StepId;
  when?: Guard;
}

export const TRANSITIONS: readonly Transition[] = [
  { from: 'age', answer: 'younger', to: 'account' },
  { from: 'age', answer: 'older', to: 'done' },
  { from: 'account', answer: 'confirmed_account', to: 'remind' },
  { from: 'account', answer: 'unconfirmed_account', to: 'gender_confirm', when: 'mayConfirm' },
  { from: 'account', answer: 'unconfirmed_account', to: 'confirm_advice', when: 'mayNotConfirm' },
  { from: 'account', answer: 'no_account', to: 'gender_register', when: 'mayRegister' },
  { from: 'account', answer: 'no_account', to: 'self_register', when: 'mayNotRegister' },
  { from: 'remind', answer: 'read', to: 'done' },
  { from: 'gender_confirm', answer: 'male', to: 'offer_confirm' },
  { from: 'gender_confirm', answer: 'female', to: 'offer_confirm' },
  { from: 'offer_confirm', answer: 'agreed', to: 'confirm_now' },
  { from: 'offer_confirm', answer: 'refused', to: 'confirm_advice' },
  { from: 'confirm_now', answer: 'confirmed', to: 'congratulate' },
  { from: 'confirm_now', answer: 'failed', to: 'confirm_advice' },
  { from: 'congratulate', answer: 'read', to: 'done' },
  { from: 'confirm_advice', answer: 'read', to: 'done' },
  { from: 'gender_register', answer: 'male', to: 'offer_register' },
  { from: 'gender_register', answer: 'female', to: 'offer_register' },
  { from: 'offer_register', answer: 'agreed', to: 'register_now' },
  { from: 'offer_register', answer: 'refused', to: 'self_register' },
  { from: 'register_now', answer: 'registered', to: 'register_closing' },
  { from: 'register_now', answer: 'failed', to: 'self_register' },
  { from: 'register_closing', answer: 'read', to: 'done' },
  { from: 'self_register', answer: 'read', to: 'done' },
];

export interface DialogState {
  step: StepId;
  options: DialogOptions;
  /** the answers given, in order */
  path: readonly Answer[];
  /** the steps visited, in order (the first is 'age') */
  visited: readonly StepId[];
  gender: Gender | null;
}

export function start(options: DialogOptions): DialogState {
  return { step: 'age', options, path: [], visited: ['age'], gender: null };
}

function guardHolds(guard: Guard | undefined, a: Authority): boolean {
  switch (guard) {
    case undefined:
      return true;
    case 'mayRegister':
      return a.register !== null;
    case 'mayNotRegister':
      return a.register === null;
    case 'mayConfirm':
      return a.confirm !== null;
    case 'mayNotConfirm':
      return a.confirm === null;
  }
}

/** Whether `source` may give this answer in this state (the result of an action comes from the system unless the employee registers outside it). */
function sourceAllowed(state: DialogState, answer: Answer, source: AnswerSource): boolean {
  if (answer === 'confirmed') return source === 'system';
  if (answer === 'registered') return source === 'system' ? state.options.authority.register === 'desk' : state.options.authority.register === 'declared';
  return source === 'employee';
}

/** The next state, or null when the answer does not apply here. */
export function next(state: DialogState, answer: Answer, source: AnswerSource = 'employee'): DialogState | null {
  const t = TRANSITIONS.find((x) => x.from === state.step && x.answer === answer && guardHolds(x.when, state.options.authority));
  if (!t || !sourceAllowed(state, answer, source)) return null;
  return {
    step: t.to,
    options: state.options,
    path: [...state.path, answer],
    visited: [...state.visited, t.to],
    gender: answer === 'male' || answer === 'female' ? answer : state.gender,
  };
}

/** The state after a path of answers; null when some answer does not apply (a stored path is replayed as the system gave it). */
export function replay(options: DialogOptions, path: readonly Answer[]): DialogState | null {
  let state: DialogState | null = start(options);
  for (const a of path) {
    state = state && (next(state, a, 'employee') ?? next(state, a, 'system'));
    if (!state) return null;
  }
  return state;
}

/** The state one answer back (the start state stays where it is). */
export function back(state: DialogState): DialogState {
  return replay(state.options, state.path.slice(0, -1)) ?? start(state.options);
}

/** The buttons the employee has at this step, in order (their position is the keyboard shortcut). */
export function answersAt(state: DialogState): Answer[] {
  return TRANSITIONS.filter((t) => t.from === state.step && guardHolds(t.when, state.options.authority) && sourceAllowed(state, t.answer, 'employee')).map((t) => t.answer);
}

/** The script to read out at this state's step, with its gender variant and the region's key services; null when the step has none. */
export function scriptFor(state: DialogState, options: { gender?: Gender | null; keyServices: readonly string[] }, lang: Lang = 'ru'): { id: ScriptId; ref: string; paragraphs: string[] } | null {
  const id = STEPS[state.step].script;
  if (!id) return null;
  const gender = options.gender !== undefined ? options.gender : state.gender;
  return { id, ref: STEPS[state.step].ref, paragraphs: renderScript(id, { gender: hasGenderVariants(id) ? gender : null, keyServices: options.keyServices }, lang) };
}

export type Outcome = 'consulted' | 'informed' | 'offered' | 'agreed' | 'refused' | 'registered' | 'confirmed';

export const OUTCOMES: readonly Outcome[] = ['consulted', 'informed', 'offered', 'agreed', 'refused', 'registered', 'confirmed'];

const INFORMING: readonly StepId[] = ['remind', 'offer_confirm', 'confirm_advice', 'offer_register', 'self_register'];

/**
 * What the visit came to, the furthest stage reached:
 * registered / confirmed (the action succeeded) > agreed > refused > offered
 * (an offer to register or confirm now was read) > informed (any script of
 * 1.2.1–1.2.3 was read) > consulted (only the visitor's question, 1.1).
 * The figures count cumulatively: informed ⊇ offered ⊇ agreed ∪ refused, agreed ⊇ registered ∪ confirmed.
 */
export function outcomeOf(state: Pick<DialogState, 'path' | 'visited'>): Outcome {
  if (state.path.includes('registered')) return 'registered';
  if (state.path.includes('confirmed')) return 'confirmed';
  if (state.path.includes('agreed')) return 'agreed';
  if (state.path.includes('refused')) return 'refused';
  if (state.visited.includes('offer_confirm') || state.visited.includes('offer_register')) return 'offered';
  if (state.visited.some((s) => INFORMING.includes(s))) return 'informed';
  return 'consulted';
}

/** The outcomes that count as informed, offered, agreed (for SQL filters). */
export const COUNTS_AS = {
  informed: ['informed', 'offered', 'agreed', 'refused', 'registered', 'confirmed'],
  offered: ['offered', 'agreed', 'refused', 'registered', 'confirmed'],
  agreed: ['agreed', 'registered', 'confirmed'],
  registered: ['registered'],
  confirmed: ['confirmed'],
} as const satisfies Record<string, readonly Outcome[]>;
