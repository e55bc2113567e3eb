/**
 * The result every identifier check returns.
 *
 * `normalized` is the canonical form to store and compare (digits only, or
 * E.164 for phones); `formatted` is the form to show people. When the check
 * fails, `reason` is a plain Russian sentence meant for the person filling in
 * the form, `reasonEn` is its English twin, and `code` is a stable machine code
 * for programs ('empty', 'format', 'length', 'checksum', ...).
 */
export type CheckResult =
  | { valid: true; normalized: string; formatted: string }
  | { valid: false; reason: string; reasonEn: string; code: string };

/** A failed CheckResult. */
export type CheckFailure = Extract<CheckResult, { valid: false }>;

/** A successful CheckResult. */
export type CheckSuccess = Extract<CheckResult, { valid: true }>;

export function ok(normalized: string, formatted: string): CheckSuccess {
  return { valid: true, normalized, formatted };
}

export function fail(code: string, reason: string, reasonEn: string): CheckFailure {
  return { valid: false, reason, reasonEn, code };
}

/** The result for an empty field; the same wording for every identifier. */
export function emptyResult(): CheckFailure {
  return fail('empty', 'Поле не заполнено.', 'The field is empty.');
}
