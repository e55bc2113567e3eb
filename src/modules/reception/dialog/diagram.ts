/**
 * docs/reception-dialog.md, generated from the machine's data (STEPS,
 * TRANSITIONS): a Mermaid flowchart of seed 004's algorithm. The unit test
 * diagram.test.ts fails when the file differs from what this renders;
 * `npx tsx src/modules/reception/dialog/diagram.ts` rewrites it.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dialogMessages as t } from './dialog.messages.js';
import { STEPS, TRANSITIONS, type StepId } from './machine.js';
import { SCRIPTS } from './scripts.js';

export const DIAGRAM_PATH = fileURLToPath(new URL('../../../../docs/reception-dialog.md', import.meta.url));

const q = (s: string) => s.replace(/"/g, '#quot;');

function node(id: StepId): string {
  const step = STEPS[id];
  const label = `${step.ref ? `${step.ref}: ` : ''}${t('ru', `step_${id}`, { threshold: 'N' })}`;
  switch (step.kind) {
    case 'decision':
      return `  ${id}{"${q(label)}"}`;
    case 'end':
      return `  ${id}(["${q(label)}"])`;
    case 'action':
      return `  ${id}[["${q(label)}"]]`;
    case 'script':
      return `  ${id}["${q(label)}<br/><i>сценарий ${SCRIPTS[step.script!].ref}</i>"]`;
  }
}

export function renderMermaid(): string {
  const lines = ['flowchart TD'];
  for (const id of Object.keys(STEPS) as StepId[]) lines.push(node(id));
  for (const tr of TRANSITIONS) {
    const label = t('ru', `answer_${tr.answer}`, { threshold: 'N' }) + (tr.when ? ` [${t('ru', `guard_${tr.when}`)}]` : '');
    lines.push(`  ${tr.from} -->|"${q(label)}"| ${tr.to}`);
  }
  return lines.join('\n');
}

export function renderDiagramDoc(): string {
  return [
    '# The informing dialog (seed 004, appendix 3)',
    '',
    '<!-- Generated from src/modules/reception/dialog/machine.ts by',
    '     `npx tsx src/modules/reception/dialog/diagram.ts`; diagram.test.ts checks it is current. -->',
    '',
    'Steps and transitions of the reception desk screen (`/reception/visit`). N is the',
    "region's age threshold (55 by default, «Настройки приёма»). Rhombi are decisions,",
    'boxes are scripts read out (their seed item in italics), double boxes are actions:',
    "the operator's registration or confirmation form, whose result comes back into the visit.",
    '',
    'Who takes 1.2.2 (register now): a service-centre operator whose centre registers',
    "(the operator's form, linked to the visit), or reception staff whose duties include",
    'registration in ЕСИА (a per-employee setting; they register outside this system and',
    'press «Регистрация выполнена»). Everyone else gets 1.2.3. Confirmation now (1.2.1.1)',
    'needs an operator of a centre that confirms; others go straight to the 1.2.1.1 Б script.',
    '',
    '```mermaid',
    renderMermaid(),
    '```',
    '',
    'Outcome of a visit (the furthest stage reached): registered / confirmed > agreed >',
    'refused > offered > informed > consulted. The figures count cumulatively: informed',
    'includes offered, offered includes agreed and refused, agreed includes registered and',
    'confirmed. P2.1 of seed 002 = informed / all visitors.',
    '',
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(DIAGRAM_PATH, renderDiagramDoc());
  console.log(`written ${DIAGRAM_PATH}`);
}
