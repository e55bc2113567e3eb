/**
 * Event codes: `<PLACE>-<YEAR>-<4 symbols>`, e.g. KALGA-2026-K7QM. The symbols
 * come from an alphabet without look-alikes (no 0/O, 1/I/L) so a code read
 * from a leaflet or over the phone is typed right. Fits the desk form's
 * pattern (letters, digits, hyphens, ≤ 40).
 */
import { randomInt } from 'node:crypto';

export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** The place part: the first 5 Latin letters of the municipality key (kalgansky → KALGA). */
export function codePrefix(municipalityKey: string): string {
  const letters = municipalityKey.toUpperCase().replace(/[^A-Z]/g, '');
  return (letters.slice(0, 5) || 'EVENT').padEnd(3, 'X');
}

export function generateEventCode(municipalityKey: string, heldOn: string, random: (max: number) => number = randomInt): string {
  let suffix = '';
  for (let i = 0; i < 4; i++) suffix += CODE_ALPHABET[random(CODE_ALPHABET.length)];
  return `${codePrefix(municipalityKey)}-${heldOn.slice(0, 4)}-${suffix}`;
}

/** How a typed code is compared: trimmed, upper case. */
export function normaliseEventCode(code: string): string {
  return code.trim().toUpperCase();
}
