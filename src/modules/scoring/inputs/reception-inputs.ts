/**
 * P2.1 of the seed-002 model from the reception visit log (issue 6):
 *   A = visitors informed (an informing script of seed 004 was shown to them),
 *   B = all visitors served in person and logged at the desks of the
 *       municipality's organisations in the quarter (cancelled visits excluded),
 * both counted by `p21Inputs` (../../reception/figures.ts) in the region's time zone.
 *
 * A quarter with no logged visits leaves A and B missing with the reason: the
 * log was not kept, which is not the same as nobody being informed. The
 * coordinator may then type both with evidence (they are overridable, see
 * ../typed-inputs/typed-input-defs.ts) — e.g. from a paper log kept at a desk
 * that does not use the system yet.
 */
import type { Queryable } from '../../../db/client.js';
import { p21Inputs } from '../../reception/figures.js';
import { quarterBounds, type InputSource, type MissingInput, type Quarter } from './system-inputs.js';

export interface ReceptionInputs {
  inputs: Record<string, Record<string, number>>;
  sources: Record<string, InputSource[]>;
  missing: Record<string, MissingInput[]>;
}

const ruDate = (iso: string) => iso.split('-').reverse().join('.');

export async function receptionInputs(db: Queryable, query: { regionId: string; municipalityId: string } & Quarter, asOf: string): Promise<ReceptionInputs> {
  const { A, B } = await p21Inputs(db, query);
  const { from } = quarterBounds(query);
  const period = `${ruDate(from)}–${ruDate(asOf)}`;
  if (B === 0) {
    const text = `в журнале приёма нет посещений за ${period}`;
    return {
      inputs: {},
      sources: {},
      missing: { 'P2.1': [{ input: 'A', origin: 'reception', text }, { input: 'B', origin: 'reception', text }] },
    };
  }
  return {
    inputs: { 'P2.1': { A, B } },
    sources: {
      'P2.1': [
        { input: 'A', value: A, origin: 'reception', text: `журнал приёма за ${period}: проинформировано по алгоритму ${A} из ${B} посетителей` },
        { input: 'B', value: B, origin: 'reception', text: `журнал приёма за ${period}: все посетители, обратившиеся лично, — ${B}` },
      ],
    },
    missing: {},
  };
}
