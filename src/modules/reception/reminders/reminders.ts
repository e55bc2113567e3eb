/**
 * Seed 004 4.1.7: staff who receive the public should re-read the information
 * materials (the portal's and section 3 of the Ministry's repository) when
 * they change. The regional administrator (for the region) or a municipal
 * coordinator (for their municipality) marks materials as updated: a reading
 * notice «Обновлены материалы: …, прочтите до дд.мм.гггг» with links. Every
 * reception employee in scope at that moment gets a receipt row; it shows on
 * their dashboard and /reception/reminders until they mark it read (audited).
 * Supervisors see, per notice, who has not read it yet.
 */
import type { Queryable } from '../../../db/client.js';
import { appendAudit } from '../../../platform/audit.js';
import type { StaffActor } from '../../../platform/policy.js';
import { parseDecreeDate } from '../../outreach/approve-plan.js';

type Tx = { transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> } & Queryable;

export const DEFAULT_READ_DAYS = 14;
const MAX_LINKS = 10;

export interface NoticeFormValues {
  materials: string;
  links: string;
  readBy: string;
}

export type NoticeField = 'materials' | 'links' | 'readBy';
export type NoticeErrorCode = 'errMaterials' | 'errLinks' | 'errReadBy' | 'errReadByPast';

export interface NoticeInput {
  materials: string;
  links: Array<{ url: string; title: string }>;
  readBy: string;
}

const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/**
 * Checks the form. Links: one a line, «https://… название» (the title is
 * optional; the address is checked to be http(s)).
 */
export function parseNotice(v: NoticeFormValues, today: string): { ok: true; value: NoticeInput } | { ok: false; errors: Array<{ field: NoticeField; code: NoticeErrorCode }> } {
  const errors: Array<{ field: NoticeField; code: NoticeErrorCode }> = [];
  const materials = v.materials.trim().replace(/\s+/g, ' ');
  if (materials.length < 3 || materials.length > 500) errors.push({ field: 'materials', code: 'errMaterials' });
  const links: NoticeInput['links'] = [];
  const lines = v.links.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  let badLink = lines.length > MAX_LINKS;
  for (const line of lines) {
    const [first, ...rest] = line.split(/\s+/);
    let url: URL | null = null;
    try {
      url = new URL(first!);
    } catch {
      url = null;
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || first!.length > 500) badLink = true;
    else links.push({ url: url.toString(), title: rest.join(' ').replace(/^[—–-]\s*/, '').slice(0, 200) });
  }
  if (badLink) errors.push({ field: 'links', code: 'errLinks' });
  const readBy = parseDecreeDate(v.readBy);
  if (!readBy) errors.push({ field: 'readBy', code: 'errReadBy' });
  else if (readBy < today || daysBetween(today, readBy) > 366) errors.push({ field: 'readBy', code: 'errReadByPast' });
  if (errors.length) return { ok: false, errors };
  return { ok: true, value: { materials, links, readBy: readBy! } };
}

export interface ReadingNotice {
  id: string;
  regionId: string;
  municipalityId: string | null;
  municipalityName: string | null;
  materials: string;
  links: Array<{ url: string; title: string }>;
  readBy: string;
  createdAt: Date;
}

const NOTICE_SELECT = `select n.id, n.region_id, n.municipality_id, m.name as municipality_name, n.materials, n.links, to_char(n.read_by, 'YYYY-MM-DD') as read_by, n.created_at
  from reception_reading_notices n left join municipalities m on m.id = n.municipality_id`;

function noticeRow(r: Record<string, unknown>): ReadingNotice {
  return {
    id: String(r.id),
    regionId: String(r.region_id),
    municipalityId: (r.municipality_id as string | null) ?? null,
    municipalityName: (r.municipality_name as string | null) ?? null,
    materials: String(r.materials),
    links: (r.links as ReadingNotice['links']) ?? [],
    readBy: String(r.read_by),
    createdAt: new Date(r.created_at as string),
  };
}

/** Publishes a notice and gives it to every active reception employee and operator in scope, in one audited transaction. */
export async function publishNotice(db: Tx, actor: StaffActor, place: { regionId: string; municipalityId: string | null }, input: NoticeInput): Promise<{ id: string; recipients: number }> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: string }>(
      'insert into reception_reading_notices (region_id, municipality_id, materials, links, read_by, created_by) values ($1, $2, $3, $4::jsonb, $5::date, $6) returning id',
      [place.regionId, place.municipalityId, input.materials, JSON.stringify(input.links), input.readBy, actor.id],
    );
    const id = rows[0]!.id;
    const sent = await tx.query<{ n: number }>(
      `with given as (
         insert into reception_reading_receipts (notice_id, staff_user_id)
         select $1::uuid, u.id from staff_users u join organisations o on o.id = u.organisation_id
          where u.active and u.role in ('reception', 'operator') and u.region_id = $2 and ($3::uuid is null or o.municipality_id = $3::uuid)
         returning 1)
       select count(*)::int as n from given`,
      [id, place.regionId, place.municipalityId],
    );
    const recipients = Number(sent.rows[0]!.n);
    await appendAudit(tx, {
      actorType: 'staff',
      actorId: actor.id,
      action: 'reception.reading_notice.create',
      subjectType: 'reception_reading_notice',
      subjectId: id,
      details: { municipalityId: place.municipalityId, readBy: input.readBy, links: input.links.length, recipients },
    });
    return { id, recipients };
  });
}

export interface MyNotice extends ReadingNotice {
  readAt: Date | null;
}

/** An employee's notices: unread first (by deadline), then read ones (newest first); at most 50. */
export async function listMyNotices(db: Queryable, staffId: string): Promise<MyNotice[]> {
  const { rows } = await db.query(
    `select x.*, r.read_at from (${NOTICE_SELECT}) x join reception_reading_receipts r on r.notice_id = x.id
      where r.staff_user_id = $1 order by r.read_at is not null, case when r.read_at is null then x.read_by end, x.created_at desc limit 50`,
    [staffId],
  );
  return rows.map((r) => ({ ...noticeRow(r), readAt: r.read_at ? new Date(r.read_at as string) : null }));
}

/** The employee's unread notices (for the dashboard), by deadline. */
export async function unreadNotices(db: Queryable, staffId: string): Promise<ReadingNotice[]> {
  const { rows } = await db.query(
    `select x.* from (${NOTICE_SELECT}) x join reception_reading_receipts r on r.notice_id = x.id
      where r.staff_user_id = $1 and r.read_at is null order by x.read_by, x.created_at`,
    [staffId],
  );
  return rows.map(noticeRow);
}

/** Marks a notice read by the employee (once; audited). false: not theirs. */
export async function markNoticeRead(db: Tx, actor: StaffActor, noticeId: string, now = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ read: boolean }>('select read_at is not null as read from reception_reading_receipts where notice_id = $1 and staff_user_id = $2 for update', [noticeId, actor.id]);
    if (!rows[0]) return false;
    if (rows[0].read) return true;
    await tx.query('update reception_reading_receipts set read_at = $3 where notice_id = $1 and staff_user_id = $2', [noticeId, actor.id, now.toISOString()]);
    await appendAudit(tx, { actorType: 'staff', actorId: actor.id, action: 'reception.reading_notice.read', subjectType: 'reception_reading_notice', subjectId: noticeId, organisationId: actor.organisationId, details: {} }, now);
    return true;
  });
}

export interface NoticeSummary extends ReadingNotice {
  recipients: number;
  read: number;
}

/**
 * Notices a supervisor sees: the region's (all of them for the regional
 * administrator); for a coordinator, their municipality's and the region-wide
 * ones, counted over their municipality's staff only.
 */
export async function listNotices(db: Queryable, filter: { regionId: string; municipalityId?: string | null }): Promise<NoticeSummary[]> {
  const { rows } = await db.query(
    `select x.*,
            (select count(*)::int from reception_reading_receipts r join staff_users u on u.id = r.staff_user_id left join organisations o on o.id = u.organisation_id
              where r.notice_id = x.id and ($2::uuid is null or o.municipality_id = $2::uuid)) as recipients,
            (select count(*)::int from reception_reading_receipts r join staff_users u on u.id = r.staff_user_id left join organisations o on o.id = u.organisation_id
              where r.notice_id = x.id and r.read_at is not null and ($2::uuid is null or o.municipality_id = $2::uuid)) as read
       from (${NOTICE_SELECT} where n.region_id = $1 and ($2::uuid is null or n.municipality_id is null or n.municipality_id = $2::uuid)) x
      order by x.created_at desc limit 100`,
    [filter.regionId, filter.municipalityId ?? null],
  );
  return rows.map((r) => ({ ...noticeRow(r), recipients: Number(r.recipients), read: Number(r.read) }));
}

export async function findNotice(db: Queryable, id: string): Promise<ReadingNotice | null> {
  const { rows } = await db.query(`${NOTICE_SELECT} where n.id = $1`, [id]);
  return rows[0] ? noticeRow(rows[0]) : null;
}

export interface Receipt {
  staffUserId: string;
  fullName: string;
  organisationName: string | null;
  municipalityName: string | null;
  readAt: Date | null;
}

/** Who got a notice and whether they read it: unread first, by organisation and name; limited to a municipality for a coordinator. */
export async function listReceipts(db: Queryable, noticeId: string, municipalityId: string | null = null): Promise<Receipt[]> {
  const { rows } = await db.query(
    `select r.staff_user_id, u.full_name, o.short_name as organisation_name, m.name as municipality_name, r.read_at
       from reception_reading_receipts r join staff_users u on u.id = r.staff_user_id
       left join organisations o on o.id = u.organisation_id left join municipalities m on m.id = o.municipality_id
      where r.notice_id = $1 and ($2::uuid is null or o.municipality_id = $2::uuid)
      order by r.read_at is not null, m.name nulls first, o.short_name, u.full_name`,
    [noticeId, municipalityId],
  );
  return rows.map((r) => ({
    staffUserId: String(r.staff_user_id),
    fullName: String(r.full_name),
    organisationName: (r.organisation_name as string | null) ?? null,
    municipalityName: (r.municipality_name as string | null) ?? null,
    readAt: r.read_at ? new Date(r.read_at as string) : null,
  }));
}

/** When the region's question bank last changed after its latest notice (to suggest «Вопросы самопроверки»); null: not since. */
export async function questionsChangedSinceLastNotice(db: Queryable, regionId: string): Promise<boolean> {
  const { rows } = await db.query<{ changed: boolean }>(
    `select exists (select 1 from reception_questions q where q.region_id = $1 and q.updated_by is not null
                      and q.updated_at > coalesce((select max(created_at) from reception_reading_notices where region_id = $1), '-infinity'::timestamptz)) as changed`,
    [regionId],
  );
  return Boolean(rows[0]?.changed);
}
