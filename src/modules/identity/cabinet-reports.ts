/**
 * «Это был не я»: a citizen reports a sign-in or an action from their history
 * (citizen_reports, ref_kind 'sign_in' | 'audit'); regional and system
 * administrators see the reports and mark them resolved. Citizens reach only
 * their own reports; an administrator of a region only reports of citizens of
 * that region (or not placed in any municipality).
 */
import type { AppContext } from '../../platform/context.js';
import { appendAudit } from '../../platform/audit.js';
import { formatDateTime, type Lang } from '../../platform/i18n.js';
import type { StaffActor } from '../../platform/policy.js';
import { findMunicipality, listMunicipalities } from '../territory/territory.repository.js';
import { describeUserAgent, methodLabel } from './account-history.js';
import { cabinetExtraMessages as m } from './cabinet-extra.messages.js';
import { findHistoryEntry, findSignIn, pageOf, PER_PAGE } from './cabinet-history.js';
import { canResolveCitizenReport } from './identity.policy.js';

export type RefKind = 'sign_in' | 'audit';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface CitizenReport {
  id: string;
  citizenId: string;
  refKind: RefKind;
  refId: string;
  status: 'open' | 'resolved';
  createdAt: Date;
  resolvedAt: Date | null;
}

interface ReportRowDb {
  id: string;
  citizen_id: string;
  ref_kind: RefKind;
  ref_id: string;
  status: 'open' | 'resolved';
  created_at: Date;
  resolved_at: Date | null;
}

const toReport = (r: ReportRowDb): CitizenReport => ({
  id: r.id,
  citizenId: r.citizen_id,
  refKind: r.ref_kind,
  refId: r.ref_id,
  status: r.status,
  createdAt: new Date(r.created_at),
  resolvedAt: r.resolved_at ? new Date(r.resolved_at) : null,
});

/** A new report about the citizen's own sign-in or history row (the open one is reused); null when the row is not theirs. */
export async function createCitizenReport(ctx: AppContext, citizenId: string, refKind: RefKind, refId: string, lang: Lang, now = new Date()): Promise<string | null> {
  const mine = refKind === 'sign_in' ? await findSignIn(ctx.db, citizenId, refId) : await findHistoryEntry(ctx, citizenId, refId, lang);
  if (!mine) return null;
  return ctx.db.transaction(async (tx) => {
    const { rows: open } = await tx.query<{ id: string }>(
      "select id from citizen_reports where citizen_id = $1 and ref_kind = $2 and ref_id = $3 and status = 'open' limit 1",
      [citizenId, refKind, refId],
    );
    if (open[0]) return open[0].id;
    const { rows } = await tx.query<{ id: string }>('insert into citizen_reports (citizen_id, ref_kind, ref_id, created_at) values ($1, $2, $3, $4) returning id', [
      citizenId,
      refKind,
      refId,
      now,
    ]);
    const id = rows[0]!.id;
    await appendAudit(tx, { actorType: 'citizen', actorId: citizenId, action: 'citizen.report.create', subjectType: 'citizen', subjectId: citizenId, details: { reportId: id, refKind, refId } }, now);
    return id;
  });
}

/** The citizen's own report, or null (also for another citizen's id). */
export async function findCitizenReport(ctx: AppContext, citizenId: string, reportId: string): Promise<CitizenReport | null> {
  if (!UUID.test(reportId)) return null;
  const { rows } = await ctx.db.query<ReportRowDb>(
    'select id, citizen_id, ref_kind, ref_id, status, created_at, resolved_at from citizen_reports where id = $1 and citizen_id = $2',
    [reportId, citizenId],
  );
  return rows[0] ? toReport(rows[0]) : null;
}

/** One line saying what was reported: «Вход 12.05.2026 10:00: Неудачная попытка, телефон, Chrome, Android». */
export async function describeReported(ctx: AppContext, report: Pick<CitizenReport, 'citizenId' | 'refKind' | 'refId'>, lang: Lang, timeZone: string): Promise<string> {
  if (report.refKind === 'sign_in') {
    const s = await findSignIn(ctx.db, report.citizenId, report.refId);
    if (!s) return m(lang, 'reportedMissing');
    return m(lang, s.success ? 'reportedSignInOk' : 'reportedSignInFailed', {
      when: formatDateTime(lang, s.at, timeZone),
      method: methodLabel(lang, s.method) ?? s.method,
      device: describeUserAgent(lang, s.userAgent),
    });
  }
  const e = await findHistoryEntry(ctx, report.citizenId, report.refId, lang);
  if (!e) return m(lang, 'reportedMissing');
  return m(lang, 'reportedAudit', { what: e.description, when: formatDateTime(lang, e.at, timeZone) });
}

// ------------------------------------------------------------------ staff

/** The municipality ids an administrator's reports are limited to; null = every report (system administrator). */
async function scopeMunicipalities(ctx: AppContext, actor: StaffActor): Promise<string[] | null> {
  if (actor.role === 'system_admin') return null;
  return actor.regionId ? (await listMunicipalities(ctx.db, actor.regionId)).map((x) => x.id) : [];
}

export async function listReportsForStaff(
  ctx: AppContext,
  actor: StaffActor,
  status: 'open' | 'resolved',
  rawPage: unknown,
): Promise<{ reports: CitizenReport[]; page: number; pageCount: number }> {
  const scope = await scopeMunicipalities(ctx, actor);
  const where = `r.status = $1 and ($2::boolean or c.municipality_id is null or c.municipality_id::text = any(string_to_array($3, ',')))`;
  const params = [status, scope === null, (scope ?? []).join(',')];
  const { rows: count } = await ctx.db.query<{ n: number }>(`select count(*)::int as n from citizen_reports r join citizens c on c.id = r.citizen_id where ${where}`, params);
  const { page, pageCount, offset } = pageOf(rawPage, Number(count[0]?.n ?? 0));
  const { rows } = await ctx.db.query<ReportRowDb>(
    `select r.id, r.citizen_id, r.ref_kind, r.ref_id, r.status, r.created_at, r.resolved_at
       from citizen_reports r join citizens c on c.id = r.citizen_id where ${where}
      order by ${status === 'open' ? 'r.created_at' : 'r.resolved_at'} desc, r.id limit $4 offset $5`,
    [...params, PER_PAGE, offset],
  );
  return { reports: rows.map(toReport), page, pageCount };
}

/** «Решено» (idempotent). False when the report does not exist or is outside the actor's region. */
export async function resolveCitizenReport(ctx: AppContext, actor: StaffActor, reportId: string, now = new Date()): Promise<boolean> {
  if (!UUID.test(reportId)) return false;
  const { rows } = await ctx.db.query<{ municipality_id: string | null }>(
    'select c.municipality_id from citizen_reports r join citizens c on c.id = r.citizen_id where r.id = $1',
    [reportId],
  );
  if (!rows[0]) return false;
  const municipality = rows[0].municipality_id ? await findMunicipality(ctx.db, { id: rows[0].municipality_id }) : null;
  if (!canResolveCitizenReport(actor, { regionId: municipality?.regionId ?? null })) return false;
  return ctx.db.transaction(async (tx) => {
    const { rows: done } = await tx.query<{ id: string }>(
      "update citizen_reports set status = 'resolved', resolved_at = $2, resolved_by_staff_id = $3 where id = $1 and status = 'open' returning id",
      [reportId, now, actor.id],
    );
    if (!done[0]) return true; // already resolved: nothing to do
    await appendAudit(
      tx,
      { actorType: 'staff', actorId: actor.id, action: 'staff.citizen_report.resolve', subjectType: 'citizen_report', subjectId: reportId, organisationId: actor.organisationId },
      now,
    );
    return true;
  });
}
