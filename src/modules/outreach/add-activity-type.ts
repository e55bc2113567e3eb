/** A regional administrator adds an activity type to the region's catalogue. */
import type { Database } from '../../db/client.js';
import { appendAudit } from '../../platform/audit.js';
import type { StaffActor } from '../../platform/policy.js';
import type { OutreachFieldError } from './outreach.messages.js';
import { activityTypeKeyExists, insertActivityType } from './outreach.repository.js';

export interface AddActivityTypeInput {
  key: string;
  title: string;
  block: string;
  description: string;
  audience: string;
  cadence: string;
}

export async function addActivityType(
  db: Database,
  actor: StaffActor,
  regionId: string,
  input: AddActivityTypeInput,
): Promise<{ ok: true; id: string } | { ok: false; errors: OutreachFieldError[] }> {
  const errors: OutreachFieldError[] = [];
  const key = input.key.trim();
  if (!/^[a-z0-9][a-z0-9-]{1,59}$/.test(key)) errors.push({ field: 'key', code: 'errKey' });
  const title = input.title.trim();
  if (!title) errors.push({ field: 'title', code: 'errTitle' });
  else if (title.length > 500) errors.push({ field: 'title', code: 'errTooLong', vars: { max: 500 } });
  if (input.block !== '1' && input.block !== '2') errors.push({ field: 'block', code: 'errBlock' });
  for (const f of ['description', 'audience', 'cadence'] as const) {
    const v = input[f].trim();
    if (!v) errors.push({ field: f, code: 'errRequired' });
    else if (v.length > 2000) errors.push({ field: f, code: 'errTooLong', vars: { max: 2000 } });
  }
  if (errors.length === 0 && (await activityTypeKeyExists(db, key, regionId))) errors.push({ field: 'key', code: 'errKeyTaken' });
  if (errors.length) return { ok: false, errors };
  const id = await db.transaction(async (tx) => {
    const newId = await insertActivityType(tx, {
      key,
      title,
      block: input.block === '2' ? 2 : 1,
      description: input.description.trim(),
      audience: input.audience.trim(),
      cadence: input.cadence.trim(),
      regionId,
    });
    await appendAudit(tx, {
      actorType: 'staff',
      actorId: actor.id,
      action: 'outreach.activity_type.create',
      subjectType: 'activity_type',
      subjectId: newId,
      organisationId: actor.organisationId,
      details: { key, block: input.block, regionId },
    });
    return newId;
  });
  return { ok: true, id };
}
