/**
 * Adds, changes and deletes transfers of days off. A transfer must make sense
 * on its date: a day off only on a Monday–Friday that is not a holiday, a
 * working day only on a Saturday or Sunday that is not a holiday (Labour Code
 * art. 112 holidays are never moved). One transfer per date in a scope; a
 * region's row may override a federal one on the same date.
 */
import type { Database, Queryable } from '../../../db/client.js';
import { appendAudit } from '../../../platform/audit.js';
import type { StaffActor } from '../../../platform/policy.js';
import { formatRu, isoDayOfWeek, isWeekend, WorkingCalendar } from '../deadlines/index.js';
import { parseDecreeDate } from '../approve-plan.js';
import type { CalendarFieldError } from './calendar.messages.js';

export interface TransferInput {
  date: string;
  kind: string;
  note: string;
  source: string;
}

export interface ValidTransfer {
  date: string;
  kind: 'day_off' | 'working_day';
  note: string;
  source: string;
}

const WEEKDAYS_RU = ['понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота', 'воскресенье'];
const WEEKDAYS_EN = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export function weekdayName(lang: 'ru' | 'en', iso: string): string {
  return (lang === 'ru' ? WEEKDAYS_RU : WEEKDAYS_EN)[isoDayOfWeek(iso) - 1]!;
}

/** A calendar with no transfers: only to ask whether a date is a holiday. */
const HOLIDAYS = new WorkingCalendar([]);

export function validateTransfer(input: TransferInput, lang: 'ru' | 'en' = 'ru'): { value?: ValidTransfer; errors: CalendarFieldError[] } {
  const errors: CalendarFieldError[] = [];
  const date = parseDecreeDate(input.date);
  if (!date) errors.push({ field: 'date', code: 'errDate' });
  const kind = input.kind === 'day_off' || input.kind === 'working_day' ? input.kind : null;
  if (!kind) errors.push({ field: 'kind', code: 'errKind' });
  if (date && kind) {
    const vars = { date: formatRu(date), weekday: weekdayName(lang, date) };
    if (HOLIDAYS.isHoliday(date)) errors.push({ field: 'date', code: 'errHoliday', vars: { ...vars, name: HOLIDAYS.holidayName(date) ?? '' } });
    else if (kind === 'day_off' && isWeekend(date)) errors.push({ field: 'date', code: 'errDayOffNotWeekday', vars });
    else if (kind === 'working_day' && !isWeekend(date)) errors.push({ field: 'date', code: 'errWorkingDayNotWeekend', vars });
  }
  const note = input.note.trim();
  if (note.length > 300) errors.push({ field: 'note', code: 'errTooLong', vars: { max: 300 } });
  const source = input.source.trim();
  if (!source) errors.push({ field: 'source', code: 'errSource' });
  else if (source.length > 500) errors.push({ field: 'source', code: 'errTooLong', vars: { max: 500 } });
  if (errors.length) return { errors };
  return { errors, value: { date: date!, kind: kind!, note, source } };
}

async function dateTaken(db: Queryable, regionId: string | null, date: string, exceptId?: string): Promise<boolean> {
  const { rows } = await db.query(
    'select 1 from calendar_transfers where region_id is not distinct from $1 and date = $2 and ($3::uuid is null or id <> $3::uuid)',
    [regionId, date, exceptId ?? null],
  );
  return rows.length > 0;
}

export type SaveTransferResult = { ok: true; date: string } | { ok: false; errors: CalendarFieldError[] };

export async function addTransfer(db: Database, actor: StaffActor, scope: { regionId: string | null }, input: TransferInput, lang: 'ru' | 'en'): Promise<SaveTransferResult> {
  const { value, errors } = validateTransfer(input, lang);
  if (!value) return { ok: false, errors };
  return db.transaction(async (tx) => {
    if (await dateTaken(tx, scope.regionId, value.date)) return { ok: false, errors: [{ field: 'date', code: 'errTaken', vars: { date: formatRu(value.date) } }] };
    const { rows } = await tx.query<{ id: string }>(
      'insert into calendar_transfers (region_id, date, kind, note, source, created_by) values ($1, $2, $3, $4, $5, $6) returning id',
      [scope.regionId, value.date, value.kind, value.note, value.source, actor.id],
    );
    await appendAudit(tx, {
      actorType: 'staff',
      actorId: actor.id,
      action: 'outreach.calendar.transfer_add',
      subjectType: 'calendar_transfer',
      subjectId: rows[0]!.id,
      organisationId: actor.organisationId,
      details: { regionId: scope.regionId, ...value },
    });
    return { ok: true, date: value.date };
  });
}

export async function changeTransfer(db: Database, actor: StaffActor, id: string, regionId: string | null, input: TransferInput, lang: 'ru' | 'en'): Promise<SaveTransferResult> {
  const { value, errors } = validateTransfer(input, lang);
  if (!value) return { ok: false, errors };
  return db.transaction(async (tx) => {
    if (await dateTaken(tx, regionId, value.date, id)) return { ok: false, errors: [{ field: 'date', code: 'errTaken', vars: { date: formatRu(value.date) } }] };
    await tx.query('update calendar_transfers set date = $2, kind = $3, note = $4, source = $5, updated_at = now() where id = $1', [id, value.date, value.kind, value.note, value.source]);
    await appendAudit(tx, {
      actorType: 'staff',
      actorId: actor.id,
      action: 'outreach.calendar.transfer_change',
      subjectType: 'calendar_transfer',
      subjectId: id,
      organisationId: actor.organisationId,
      details: { regionId, ...value },
    });
    return { ok: true, date: value.date };
  });
}

export async function removeTransfer(db: Database, actor: StaffActor, id: string): Promise<string | null> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ date: string; kind: string; region_id: string | null }>('delete from calendar_transfers where id = $1 returning date::text as date, kind, region_id', [id]);
    const row = rows[0];
    if (!row) return null;
    await appendAudit(tx, {
      actorType: 'staff',
      actorId: actor.id,
      action: 'outreach.calendar.transfer_delete',
      subjectType: 'calendar_transfer',
      subjectId: id,
      organisationId: actor.organisationId,
      details: { regionId: row.region_id, date: row.date, kind: row.kind },
    });
    return row.date;
  });
}
