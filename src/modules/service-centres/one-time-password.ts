/**
 * The one-time password the desk issues (registration, restoring access):
 * 10 characters from an alphabet without look-alikes (no 0/o, 1/l/i), lower
 * case so it is typed on a phone without Shift: ≈ 49 bits. Only its Argon2id
 * hash is stored; the citizen must change it at the first sign-in.
 */
import { randomInt } from 'node:crypto';

export const ONE_TIME_PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export const ONE_TIME_PASSWORD_LENGTH = 10;

export function generateOneTimePassword(length = ONE_TIME_PASSWORD_LENGTH): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ONE_TIME_PASSWORD_ALPHABET[randomInt(ONE_TIME_PASSWORD_ALPHABET.length)];
  return out;
}
