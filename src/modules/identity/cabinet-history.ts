/**
 * What the cabinet shows about the account's past: sign-ins (citizen_sign_ins)
 * and every action on the account (audit_log rows whose subject is the
 * citizen), each keyed by the signed-in citizen's id. Staff actions are shown
 * as their service centre, never the staff member.
 */
import type { Queryable } from '../../db/client.js';
import type { AppContext } from '../../platform/context.js';
import type { Lang } from '../../platform/i18n.js';
import { findMunicipality, findOrganisation, findServiceCentreById, listRegions, listServiceCentres, regionTimeZone } from '../territory/territory.repository.js';
import { actorKind, centreRefs, describeAction, type HistoryActor } from './account-history.js';
import { getCitizen } from './identity.repository.js';

export const PER_PAGE = 20;

/** The region's time zone for this citizen: their municipality's region, else the first region (Asia/Chita in the demo). */
export async function citizenTimeZone(ctx: AppContext, citizenId: string | null): Promise<string> {
  const citizen = citizenId ? await getCitizen(ctx.db, ctx.cipher, citizenId) : null;
  if (citizen?.municipalityId) {
    const m = await findMunicipality(ctx.db, { id: citizen.municipalityId });
    if (m) return regionTimeZone(ctx.db, m.regionId);
  }
  return defaultTimeZone(ctx.db);
}

export async function defaultTimeZone(db: Queryable): Promise<string> {
  const regions = await listRegions(db);
  return regions[0]?.timeZone ?? 'Asia/Chita';
}

/** Page number from the query string, clamped to 1…pageCount. */
export function pageOf(raw: unknown, total: number, perPage = PER_PAGE): { page: number; pageCount: number; offset: number } {
  const pageCount = Math.max(1, Math.ceil(total / perPage));
  const n = typeof raw === 'string' && /^\d{1,6}$/.test(raw) ? Number(raw) : 1;
  const page = Math.min(Math.max(1, n), pageCount);
  return { page, pageCount, offset: (page - 1) * perPage };
}

// ------------------------------------------------------------------ sign-ins

export interface SignInEntry {
  id: string;
  at: Date;
  success: boolean;
  method: 'phone' | 'email' | 'snils';
  userAgent: string | null;
  /** the citizen already said «Это был не я» about it */
  reportId: string | null;
}

export async function listSignIns(ctx: AppContext, citizenId: string, rawPage: unknown): Promise<{ entries: SignInEntry[]; page: number; pageCount: number }> {
  const { rows: count } = await ctx.db.query<{ n: number }>('select count(*)::int as n from citizen_sign_ins where citizen_id = $1', [citizenId]);
  const { page, pageCount, offset } = pageOf(rawPage, Number(count[0]?.n ?? 0));
  const { rows } = await ctx.db.query<{ id: string; at: Date; success: boolean; method: SignInEntry['method']; user_agent: string | null; report_id: string | null }>(
    `select s.id::text as id, s.at, s.success, s.method, s.user_agent,
            (select r.id from citizen_reports r where r.citizen_id = s.citizen_id and r.ref_kind = 'sign_in' and r.ref_id = s.id::text order by r.created_at desc limit 1) as report_id
       from citizen_sign_ins s where s.citizen_id = $1 order by s.at desc, s.id desc limit $2 offset $3`,
    [citizenId, PER_PAGE, offset],
  );
  return {
    entries: rows.map((r) => ({ id: r.id, at: new Date(r.at), success: Boolean(r.success), method: r.method, userAgent: r.user_agent, reportId: r.report_id })),
    page,
    pageCount,
  };
}

export async function findSignIn(db: Queryable, citizenId: string, id: string): Promise<Omit<SignInEntry, 'reportId'> | null> {
  if (!/^\d{1,18}$/.test(id)) return null;
  const { rows } = await db.query<{ id: string; at: Date; success: boolean; method: SignInEntry['method']; user_agent: string | null }>(
    'select id::text as id, at, success, method, user_agent from citizen_sign_ins where id = $1 and citizen_id = $2',
    [id, citizenId],
  );
  const r = rows[0];
  return r ? { id: r.id, at: new Date(r.at), success: Boolean(r.success), method: r.method, userAgent: r.user_agent } : null;
}

// ------------------------------------------------------------------ account history

export interface HistoryEntry {
  seq: string;
  at: Date;
  action: string;
  description: string;
  actor: HistoryActor;
  reportId: string | null;
}

interface AuditRowDb {
  seq: string;
  at: Date;
  actor_type: string;
  actor_id: string | null;
  action: string;
  organisation_id: string | null;
  details: Record<string, unknown> | string | null;
  report_id?: string | null;
}

/** Resolves «Оператор центра обслуживания «…»» names, remembering what it looked up. */
export function centreResolver(db: Queryable): (row: { organisationId: string | null; details: Record<string, unknown> }) => Promise<string | null> {
  const cache = new Map<string, Promise<string | null>>();
  const once = (key: string, load: () => Promise<string | null>) => {
    if (!cache.has(key)) cache.set(key, load().catch(() => null));
    return cache.get(key)!;
  };
  return async (row) => {
    const refs = centreRefs(row);
    if (refs.centreId) {
      const name = await once(`c:${refs.centreId}`, async () => (await findServiceCentreById(db, refs.centreId!))?.name ?? null);
      if (name) return name;
    }
    if (refs.organisationId) {
      return once(`o:${refs.organisationId}`, async () => {
        const org = await findOrganisation(db, { id: refs.organisationId! });
        if (!org) return (await findServiceCentreById(db, refs.organisationId!))?.name ?? null;
        const centres = (await listServiceCentres(db, { regionId: org.regionId })).filter((c) => c.organisationId === org.id);
        return centres.length === 1 ? centres[0]!.name : org.shortName || org.name;
      });
    }
    return null;
  };
}

function detailsOf(d: AuditRowDb['details']): Record<string, unknown> {
  if (!d) return {};
  return typeof d === 'string' ? (JSON.parse(d) as Record<string, unknown>) : d;
}

async function toEntry(lang: Lang, citizenId: string, r: AuditRowDb, centreOf: ReturnType<typeof centreResolver>): Promise<HistoryEntry> {
  const details = detailsOf(r.details);
  const kind = actorKind({ actorType: r.actor_type, actorId: r.actor_id }, citizenId);
  let actor: HistoryActor = { kind };
  if (kind === 'staff') {
    const centre = await centreOf({ organisationId: r.organisation_id, details });
    actor = centre ? { kind: 'centre', centre } : { kind: 'staff' };
  }
  return { seq: String(r.seq), at: new Date(r.at), action: r.action, description: describeAction(lang, r.action, details), actor, reportId: r.report_id ?? null };
}

export async function listAccountHistory(ctx: AppContext, citizenId: string, lang: Lang, rawPage: unknown): Promise<{ entries: HistoryEntry[]; page: number; pageCount: number }> {
  const { rows: count } = await ctx.db.query<{ n: number }>("select count(*)::int as n from audit_log where subject_type = 'citizen' and subject_id = $1", [citizenId]);
  const { page, pageCount, offset } = pageOf(rawPage, Number(count[0]?.n ?? 0));
  const { rows } = await ctx.db.query<AuditRowDb>(
    `select a.seq::text as seq, a.at, a.actor_type, a.actor_id, a.action, a.organisation_id, a.details,
            (select r.id from citizen_reports r where r.citizen_id = $4 and r.ref_kind = 'audit' and r.ref_id = a.seq::text order by r.created_at desc limit 1) as report_id
       from audit_log a where a.subject_type = 'citizen' and a.subject_id = $1 order by a.seq desc limit $2 offset $3`,
    [citizenId, PER_PAGE, offset, citizenId],
  );
  const centreOf = centreResolver(ctx.db);
  const entries: HistoryEntry[] = [];
  for (const r of rows) entries.push(await toEntry(lang, citizenId, r, centreOf));
  return { entries, page, pageCount };
}

export async function findHistoryEntry(ctx: AppContext, citizenId: string, seq: string, lang: Lang): Promise<HistoryEntry | null> {
  if (!/^\d{1,18}$/.test(seq)) return null;
  const { rows } = await ctx.db.query<AuditRowDb>(
    "select seq::text as seq, at, actor_type, actor_id, action, organisation_id, details from audit_log where seq = $1 and subject_type = 'citizen' and subject_id = $2",
    [seq, citizenId],
  );
  return rows[0] ? toEntry(lang, citizenId, rows[0], centreResolver(ctx.db)) : null;
}
