/**
 * Saves a year's targets of the region's municipalities in one go (the targets
 * page is one form): for every municipality and quarter, how many citizens are
 * to be registered and how many accounts confirmed. Whole numbers ≥ 0; both or
 * neither (both empty = no target for that quarter, an existing one is removed).
 * Nothing is saved when any cell is wrong. Each changed target is audited in the
 * same transaction.
 */
import type { Database } from '../../../db/client.js';
import { appendAudit } from '../../../platform/audit.js';
import type { StaffActor } from '../../../platform/policy.js';
import { deleteTarget, upsertTarget, yearTargets } from './targets.repository.js';

export const TARGET_MAX = 10_000_000;
export const QUARTERS = [1, 2, 3, 4] as const;

export const registeredField = (municipalityId: string, quarter: number) => `r-${municipalityId}-${quarter}`;
export const confirmedField = (municipalityId: string, quarter: number) => `c-${municipalityId}-${quarter}`;

export type TargetError = { field: string; code: 'errWhole' | 'errTooBig' | 'errBoth'; vars?: Record<string, string | number> };

export type SaveTargetsResult = { ok: true; changed: number } | { ok: false; errors: TargetError[] };

function parseWhole(text: string): number | null | 'bad' | 'big' {
  const s = text.replace(/[\s\u00a0\u202f]/g, '');
  if (!s) return null;
  if (!/^\d+$/.test(s)) return 'bad';
  const n = Number(s);
  return n > TARGET_MAX ? 'big' : n;
}

export async function saveYearTargets(
  db: Database,
  actor: StaffActor,
  regionId: string,
  year: number,
  municipalityIds: string[],
  form: Record<string, string>,
): Promise<SaveTargetsResult> {
  const errors: TargetError[] = [];
  const wanted: Array<{ municipalityId: string; quarter: number; value: { registered: number; confirmed: number } | null }> = [];
  for (const municipalityId of municipalityIds) {
    for (const quarter of QUARTERS) {
      const fields = [registeredField(municipalityId, quarter), confirmedField(municipalityId, quarter)] as const;
      const values = fields.map((f) => parseWhole(form[f] ?? ''));
      let ok = true;
      values.forEach((v, i) => {
        if (v === 'bad') errors.push({ field: fields[i]!, code: 'errWhole' });
        else if (v === 'big') errors.push({ field: fields[i]!, code: 'errTooBig', vars: { max: TARGET_MAX.toLocaleString('ru-RU') } });
        if (v === 'bad' || v === 'big') ok = false;
      });
      if (!ok) continue;
      const [r, c] = values as [number | null, number | null];
      if ((r === null) !== (c === null)) {
        errors.push({ field: fields[r === null ? 0 : 1], code: 'errBoth' });
        continue;
      }
      wanted.push({ municipalityId, quarter, value: r === null ? null : { registered: r, confirmed: c! } });
    }
  }
  if (errors.length) return { ok: false, errors };

  return db.transaction(async (tx) => {
    const before = new Map((await yearTargets(tx, regionId, year)).map((t) => [`${t.municipalityId}-${t.quarter}`, t]));
    let changed = 0;
    for (const w of wanted) {
      const old = before.get(`${w.municipalityId}-${w.quarter}`);
      const previous = old ? { registeredTarget: old.registeredTarget, confirmedTarget: old.confirmedTarget } : null;
      if (w.value === null) {
        if (!old) continue;
        const id = await deleteTarget(tx, w.municipalityId, year, w.quarter);
        await appendAudit(tx, { actorType: 'staff', actorId: actor.id, action: 'municipality_target.delete', subjectType: 'municipality_target', subjectId: id, organisationId: actor.organisationId, details: { municipalityId: w.municipalityId, year, quarter: w.quarter, previous } });
        changed += 1;
        continue;
      }
      if (old && old.registeredTarget === w.value.registered && old.confirmedTarget === w.value.confirmed) continue;
      const id = await upsertTarget(tx, { regionId, municipalityId: w.municipalityId, year, quarter: w.quarter, registeredTarget: w.value.registered, confirmedTarget: w.value.confirmed, setBy: actor.id });
      await appendAudit(tx, {
        actorType: 'staff',
        actorId: actor.id,
        action: 'municipality_target.save',
        subjectType: 'municipality_target',
        subjectId: id,
        organisationId: actor.organisationId,
        details: { municipalityId: w.municipalityId, year, quarter: w.quarter, registeredTarget: w.value.registered, confirmedTarget: w.value.confirmed, previous },
      });
      changed += 1;
    }
    return { ok: true, changed };
  });
}
