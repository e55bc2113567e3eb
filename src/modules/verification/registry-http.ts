/**
 * The HTTP exchange both registry clients share: POST JSON with a bearer
 * token and a time limit, then read `{result: "match"}` or
 * `{result: "mismatch", reason}`.
 *
 * - timeout, network error, 5xx                  → RegistryUnavailableError (retry later)
 * - 4xx, a body that is not the expected answer   → RegistryProtocolError (a bug: ours or theirs)
 *
 * Error messages name the registry, the HTTP status or the kind of failure,
 * never anything from the request (it is personal data).
 */
import { RegistryUnavailableError, type RegistryAnswer, type RegistryMismatchReason } from '../../platform/adapters.js';

export interface RegistryClientOptions {
  /** base URL of the registry adapter, e.g. https://pfr.example/api or http://127.0.0.1:PORT/pension-fund */
  baseUrl: string;
  /** bearer token, or null when the endpoint needs none */
  token: string | null;
  /** time limit of one request, body included */
  timeoutMs: number;
}

/** The registry refused our request (4xx) or answered something we do not understand. Not retried as "unavailable". */
export class RegistryProtocolError extends Error {
  constructor(
    public readonly registry: string,
    message: string,
    public readonly status: number | null = null,
  ) {
    super(`${registry}: ${message}`);
    this.name = 'RegistryProtocolError';
  }
}

export const MISMATCH_REASONS: readonly RegistryMismatchReason[] = ['not_found', 'name_mismatch', 'birth_date_mismatch', 'document_invalid'];

export function isMismatchReason(value: unknown): value is RegistryMismatchReason {
  return typeof value === 'string' && (MISMATCH_REASONS as readonly string[]).includes(value);
}

/** `${baseUrl}/${path}` whether or not baseUrl ends with a slash. */
export function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

/** Reads the registry's answer; anything else is refused. */
export function parseRegistryAnswer(registry: string, body: unknown): RegistryAnswer {
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
    const b = body as Record<string, unknown>;
    if (b.result === 'match') return { outcome: 'match' };
    if (b.result === 'mismatch') {
      if (isMismatchReason(b.reason)) return { outcome: 'mismatch', reason: b.reason };
      throw new RegistryProtocolError(registry, 'unexpected answer: unknown mismatch reason');
    }
  }
  throw new RegistryProtocolError(registry, 'unexpected answer: neither match nor mismatch');
}

export async function postRegistryCheck(registry: string, url: string, payload: object, options: RegistryClientOptions): Promise<RegistryAnswer> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const signal = AbortSignal.timeout(options.timeoutMs);
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(payload), signal });
  } catch (error) {
    if (isTimeout(error)) throw new RegistryUnavailableError(registry, `no answer within ${options.timeoutMs} ms`);
    throw new RegistryUnavailableError(registry, 'network error');
  }

  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    if (isTimeout(error)) throw new RegistryUnavailableError(registry, `no answer within ${options.timeoutMs} ms`);
    throw new RegistryUnavailableError(registry, 'connection lost while reading the answer');
  }

  if (response.status >= 500) throw new RegistryUnavailableError(registry, `HTTP ${response.status}`);
  if (response.status >= 400) throw new RegistryProtocolError(registry, `request refused with HTTP ${response.status}`, response.status);
  if (response.status !== 200) throw new RegistryProtocolError(registry, `unexpected HTTP ${response.status}`, response.status);

  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new RegistryProtocolError(registry, 'unexpected answer: not JSON');
  }
  return parseRegistryAnswer(registry, body);
}
