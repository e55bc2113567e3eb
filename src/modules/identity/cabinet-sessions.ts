/**
 * The citizen's open sessions. Pages never carry a session's id hash: each
 * session is named by a keyed reference (HMAC of the hash), found again only
 * among the signed-in citizen's own sessions.
 */
import { createHmac } from 'node:crypto';
import type { AppContext } from '../../platform/context.js';
import { appendAudit } from '../../platform/audit.js';

export interface CitizenSession {
  ref: string;
  createdAt: Date;
  lastSeenAt: Date;
  userAgent: string | null;
  current: boolean;
}

export function sessionRef(secret: string, idHash: string): string {
  return createHmac('sha256', secret).update(`cabinet-session:${idHash}`).digest('base64url').slice(0, 24);
}

async function liveSessions(ctx: AppContext, citizenId: string, now: Date) {
  const idleMs = ctx.config.session.idleMinutes * 60_000;
  const maxMs = ctx.config.session.absoluteHours * 3_600_000;
  return (await ctx.sessions.listForCitizen(citizenId)).filter((s) => s.lastSeenAt.getTime() + idleMs > now.getTime() && s.createdAt.getTime() + maxMs > now.getTime());
}

export async function listCitizenSessions(ctx: AppContext, citizenId: string, currentIdHash: string | null, now = new Date()): Promise<CitizenSession[]> {
  const secret = ctx.config.secrets.sessionSecret;
  const list = (await liveSessions(ctx, citizenId, now)).map((s) => ({
    ref: sessionRef(secret, s.idHash),
    createdAt: s.createdAt,
    lastSeenAt: s.lastSeenAt,
    userAgent: s.userAgent,
    current: s.idHash === currentIdHash,
  }));
  // The current session first, then the most recently active.
  return list.sort((a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt.getTime() - a.lastSeenAt.getTime());
}

/** «Завершить» one other session of this citizen; false when the reference is not one of their other sessions. */
export async function endCitizenSession(ctx: AppContext, citizenId: string, ref: string, currentIdHash: string | null, now = new Date()): Promise<boolean> {
  const secret = ctx.config.secrets.sessionSecret;
  const target = (await ctx.sessions.listForCitizen(citizenId)).find((s) => s.idHash !== currentIdHash && sessionRef(secret, s.idHash) === ref);
  if (!target) return false;
  await ctx.sessions.destroy(target.idHash);
  await appendAudit(ctx.db, { actorType: 'citizen', actorId: citizenId, action: 'citizen.session.end', subjectType: 'citizen', subjectId: citizenId }, now);
  return true;
}

/** «Завершить все другие сеансы»: how many ended. */
export async function endOtherCitizenSessions(ctx: AppContext, citizenId: string, currentIdHash: string | null, now = new Date()): Promise<number> {
  const count = await ctx.sessions.destroyAllForCitizen(citizenId, currentIdHash ?? undefined);
  await appendAudit(ctx.db, { actorType: 'citizen', actorId: citizenId, action: 'citizen.sessions.end_others', subjectType: 'citizen', subjectId: citizenId, details: { count } }, now);
  return count;
}
