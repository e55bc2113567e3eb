/**
 * CSRF protection for every form and every cookie-authenticated API call.
 * Each browser gets a random `uslugi_csrf` cookie (HttpOnly, SameSite=Lax); the
 * token put in forms is HMAC(secret, cookie | session), so it is bound to the
 * browser and changes at sign-in. Unsafe requests must echo it in the `_csrf`
 * field or the `x-csrf-token` header.
 */
import { createHmac } from 'node:crypto';
import { safeEqual } from './crypto.js';

export const CSRF_COOKIE = 'uslugi_csrf';

export function csrfToken(secret: string, browserSecret: string, sessionIdHash: string | null): string {
  return createHmac('sha256', secret).update(`csrf:${browserSecret}:${sessionIdHash ?? ''}`).digest('base64url');
}

export function csrfValid(secret: string, browserSecret: string | undefined, sessionIdHash: string | null, presented: unknown): boolean {
  if (!browserSecret || typeof presented !== 'string' || presented.length === 0) return false;
  return safeEqual(csrfToken(secret, browserSecret, sessionIdHash), presented);
}
