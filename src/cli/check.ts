/**
 * `check <kind> <value>`: validates one identifier and prints the verdict.
 *
 * runCheck is pure apart from `out`: it never exits the process or reads the
 * environment, so the caller decides what to do with the returned code:
 * 0 valid, 1 invalid, 2 usage error (unknown kind or no value).
 * Words after the kind are joined with a space, so an unquoted
 * `check passport 4509 123456` works as well as a quoted one.
 */
import { IDENTIFIER_KINDS, IDENTIFIER_LABELS, checkIdentifier, isIdentifierKind } from '../platform/identifiers/index.js';

export const EXIT_VALID = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;

function usage(out: (line: string) => void): void {
  const kinds = IDENTIFIER_KINDS.join(', ');
  out('Использование: check <вид> <значение>');
  out('Usage: check <kind> <value>');
  out(`Виды: ${kinds}`);
  out(`Kinds: ${kinds}`);
  out('Пример: check snils "112-233-445 95"');
  out('Example: check snils "112-233-445 95"');
}

export function runCheck(args: string[], out: (line: string) => void): number {
  const [rawKind, ...rest] = args;
  if (rawKind === undefined || rawKind.trim() === '') {
    out('Не указан вид идентификатора. (No identifier kind given.)');
    usage(out);
    return EXIT_USAGE;
  }
  const kind = rawKind.trim().toLowerCase();
  if (!isIdentifierKind(kind)) {
    out(`Неизвестный вид идентификатора: «${rawKind}». (Unknown identifier kind: "${rawKind}".)`);
    usage(out);
    return EXIT_USAGE;
  }
  if (rest.length === 0) {
    out(`Не указано значение для проверки. (No value to check given.)`);
    usage(out);
    return EXIT_USAGE;
  }
  const value = rest.join(' ');
  const label = IDENTIFIER_LABELS[kind].ru;
  const result = checkIdentifier(kind, value);
  if (result.valid) {
    out(`${label} ${result.formatted}: верный (valid)`);
    return EXIT_VALID;
  }
  out(`${label} ${value.trim()}: неверный — ${result.reason} (invalid: ${result.reasonEn})`);
  return EXIT_INVALID;
}
