/**
 * One-time codes (SMS) and links (e-mail), per ../shared/DOMAIN.md: 6 digits,
 * valid 5 minutes, at most 5 wrong tries per code, a new code at most once per
 * 60 s and 5 per hour per contact; e-mail links valid 24 h. Only an HMAC of the
 * code is stored.
 */
import { createHmac, randomInt, randomUUID } from 'node:crypto';
import type { Queryable } from '../../db/client.js';
import { randomToken, safeEqual } from '../../platform/crypto.js';

export const OTP_POLICY = {
  digits: 6,
  ttlMs: 5 * 60_000,
  maxAttempts: 5,
  resendAfterMs: 60_000,
  perHour: 5,
  emailLinkTtlMs: 24 * 3_600_000,
} as const;

export type OtpPurpose = 'registration' | 'contact_change' | 'recovery';

function hashCode(secret: string, challengeId: string, code: string): string {
  return createHmac('sha256', secret).update(`otp:${challengeId}:${code}`).digest('base64url');
}

export type IssueResult =
  | { ok: true; challengeId: string; secret: string; expiresAt: Date }
  | { ok: false; reason: 'too_soon' | 'hourly'; retryAfterSeconds: number };

/** Whether a new code may be sent to this contact now (60 s and 5 per hour rules). */
export async function resendAllowedIn(db: Queryable, contactKind: string, contactValueIndex: string, now: Date): Promise<{ reason: 'too_soon' | 'hourly'; retryAfterSeconds: number } | null> {
  const { rows } = await db.query<{ created_at: Date }>(
    `select ch.created_at from otp_challenges ch join citizen_contacts cc on cc.id = ch.contact_id
      where cc.kind = $1 and cc.value_index = $2 and ch.created_at > $3 order by ch.created_at desc`,
    [contactKind, contactValueIndex, new Date(now.getTime() - 3_600_000)],
  );
  const last = rows[0] ? new Date(rows[0].created_at) : null;
  if (last && now.getTime() - last.getTime() < OTP_POLICY.resendAfterMs) {
    return { reason: 'too_soon', retryAfterSeconds: Math.ceil((OTP_POLICY.resendAfterMs - (now.getTime() - last.getTime())) / 1000) };
  }
  if (rows.length >= OTP_POLICY.perHour) {
    const oldest = new Date(rows[rows.length - 1]!.created_at);
    return { reason: 'hourly', retryAfterSeconds: Math.ceil((oldest.getTime() + 3_600_000 - now.getTime()) / 1000) };
  }
  return null;
}

/**
 * Issues a code (channel phone) or a link token (channel email) for a contact.
 * Earlier unused challenges of the same purpose for this citizen stop working.
 */
export async function issueChallenge(
  tx: Queryable,
  secret: string,
  c: { purpose: OtpPurpose; citizenId: string; contactId: string; channel: 'phone' | 'email'; contactValueIndex: string; format?: 'code' | 'link' },
  now = new Date(),
): Promise<IssueResult> {
  const format = c.format ?? (c.channel === 'phone' ? 'code' : 'link');
  const wait = await resendAllowedIn(tx, c.channel, c.contactValueIndex, now);
  if (wait) return { ok: false, ...wait };
  await tx.query('update otp_challenges set consumed_at = $3 where citizen_id = $1 and purpose = $2 and consumed_at is null', [c.citizenId, c.purpose, now]);
  const code = format === 'code' ? String(randomInt(0, 10 ** OTP_POLICY.digits)).padStart(OTP_POLICY.digits, '0') : randomToken(24);
  const expiresAt = new Date(now.getTime() + (format === 'code' ? OTP_POLICY.ttlMs : OTP_POLICY.emailLinkTtlMs));
  const id = randomUUID();
  await tx.query(
    `insert into otp_challenges (id, purpose, citizen_id, contact_id, channel, code_hash, expires_at, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [id, c.purpose, c.citizenId, c.contactId, c.channel, hashCode(secret, id, code), expiresAt, now],
  );
  return { ok: true, challengeId: id, secret: code, expiresAt };
}

export type VerifyResult =
  | { ok: true; citizenId: string; contactId: string | null }
  | { ok: false; reason: 'wrong'; attemptsLeft: number }
  | { ok: false; reason: 'expired' | 'burned' | 'missing' };

/** Checks a code against the latest live challenge of this purpose for the citizen (or a given challenge). */
export async function verifyChallenge(
  tx: Queryable,
  secret: string,
  by: { citizenId: string; purpose: OtpPurpose } | { challengeId: string },
  code: string,
  now = new Date(),
): Promise<VerifyResult> {
  const { rows } =
    'challengeId' in by
      ? await tx.query<ChallengeRow>('select * from otp_challenges where id = $1 for update', [by.challengeId])
      : await tx.query<ChallengeRow>(
          'select * from otp_challenges where citizen_id = $1 and purpose = $2 order by created_at desc limit 1 for update',
          [by.citizenId, by.purpose],
        );
  const ch = rows[0];
  if (!ch || ch.consumed_at) return { ok: false, reason: 'missing' };
  if (new Date(ch.expires_at) <= now) return { ok: false, reason: 'expired' };
  if (ch.attempts >= OTP_POLICY.maxAttempts) return { ok: false, reason: 'burned' };
  if (safeEqual(hashCode(secret, ch.id, code), ch.code_hash)) {
    await tx.query('update otp_challenges set consumed_at = $2 where id = $1', [ch.id, now]);
    return { ok: true, citizenId: ch.citizen_id, contactId: ch.contact_id };
  }
  const attempts = ch.attempts + 1;
  await tx.query('update otp_challenges set attempts = $2 where id = $1', [ch.id, attempts]);
  if (attempts >= OTP_POLICY.maxAttempts) return { ok: false, reason: 'burned' };
  return { ok: false, reason: 'wrong', attemptsLeft: OTP_POLICY.maxAttempts - attempts };
}

interface ChallengeRow {
  id: string;
  citizen_id: string;
  contact_id: string | null;
  code_hash: string;
  expires_at: Date;
  attempts: number;
  consumed_at: Date | null;
}

/** The latest challenge's send time, for «Новый код можно запросить через N секунд». */
export async function latestChallenge(db: Queryable, citizenId: string, purpose: OtpPurpose): Promise<{ id: string; createdAt: Date; expiresAt: Date } | null> {
  const { rows } = await db.query<{ id: string; created_at: Date; expires_at: Date }>(
    'select id, created_at, expires_at from otp_challenges where citizen_id = $1 and purpose = $2 order by created_at desc limit 1',
    [citizenId, purpose],
  );
  return rows[0] ? { id: rows[0].id, createdAt: new Date(rows[0].created_at), expiresAt: new Date(rows[0].expires_at) } : null;
}
