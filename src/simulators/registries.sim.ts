/**
 * Simulator of the two outside registries of step 3: one small HTTP server on
 * 127.0.0.1 (random port) that answers like the pension fund (SNILS) and the
 * migration service (passports), from its own data set (data/persons.ts).
 *
 *   POST /pension-fund/v1/snils-checks
 *        {snils: "11 digits", lastName, firstName, middleName: string|null, birthDate: "yyyy-mm-dd"}
 *   POST /migration-service/v1/passport-checks
 *        {series: "4 digits", number: "6 digits", issueDate: "yyyy-mm-dd", lastName, firstName, middleName, birthDate}
 *
 *   200 {"result": "match"}
 *   200 {"result": "mismatch", "reason": "not_found" | "name_mismatch" | "birth_date_mismatch" | "document_invalid"}
 *   400 {"error": "bad_request", "message"}  malformed JSON or fields
 *   503 {"error": "service_unavailable"}     during an outage (at once), or as a random failure
 *   (no answer for 30 s, then 504)           the other random failure: a timeout for the client
 *
 * Answers come after a random delay in `latencyMs`. With probability
 * `failureRate` a request fails instead, half of the time with 503 and half of
 * the time by hanging. Names are compared case-insensitively, «ё» = «е», with
 * spaces trimmed; a missing patronymic is `null` or "".
 *
 * Nothing from a request body is logged or kept: the server only counts requests.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { REGISTRY_PERSONS, type RegistryPassport, type RegistryPerson } from './data/persons.js';

export type SimulatedRegistry = 'pension_fund' | 'migration_service';
export type SimMismatchReason = 'not_found' | 'name_mismatch' | 'birth_date_mismatch' | 'document_invalid';
export type SimAnswer = { result: 'match' } | { result: 'mismatch'; reason: SimMismatchReason };

export interface RegistrySimulator {
  /** base URL of the pension fund, e.g. http://127.0.0.1:PORT/pension-fund */
  pensionFundUrl: string;
  /** base URL of the migration service, e.g. http://127.0.0.1:PORT/migration-service */
  migrationServiceUrl: string;
  /** While on, the registry answers 503 at once. */
  setOutage(registry: SimulatedRegistry, on: boolean): void;
  /** requests received so far (both registries, any answer) */
  requests(): number;
  close(): Promise<void>;
}

export interface RegistrySimulatorOptions {
  /** [min, max] delay of an answer in milliseconds */
  latencyMs: [number, number];
  /** 0..1: share of requests that fail (half 503, half hang) */
  failureRate: number;
  /** for tests: the random source (default Math.random) */
  random?: () => number;
  /** for tests: how long a hanging request is held (default 30 000 ms) */
  hangMs?: number;
  /** for tests: another data set (default REGISTRY_PERSONS) */
  persons?: readonly RegistryPerson[];
}

const MAX_BODY_BYTES = 16 * 1024;
const DEFAULT_HANG_MS = 30_000;

const ROUTES: Readonly<Record<string, SimulatedRegistry>> = {
  '/pension-fund/v1/snils-checks': 'pension_fund',
  '/migration-service/v1/passport-checks': 'migration_service',
};

// ---------------------------------------------------------------------------
// Requests and answers (pure)

export interface SnilsCheckBody {
  snils: string;
  lastName: string;
  firstName: string;
  middleName: string | null;
  birthDate: string;
}

export interface PassportCheckBody {
  series: string;
  number: string;
  issueDate: string;
  lastName: string;
  firstName: string;
  middleName: string | null;
  birthDate: string;
}

/** «Фёдоров » → «федоров». */
export function normaliseRegistryName(value: string | null | undefined): string {
  return (value ?? '').normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase().replace(/ё/g, 'е');
}

function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function isName(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '' && value.length <= 100;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

function parsePersonFields(b: Record<string, unknown>): Parsed<Omit<SnilsCheckBody, 'snils'>> {
  if (!isName(b.lastName)) return { ok: false, message: 'lastName must be a non-empty string' };
  if (!isName(b.firstName)) return { ok: false, message: 'firstName must be a non-empty string' };
  const middle = b.middleName;
  if (middle !== undefined && middle !== null && (typeof middle !== 'string' || middle.length > 100)) {
    return { ok: false, message: 'middleName must be a string or null' };
  }
  if (!isIsoDate(b.birthDate)) return { ok: false, message: 'birthDate must be a date yyyy-mm-dd' };
  return {
    ok: true,
    value: { lastName: b.lastName, firstName: b.firstName, middleName: typeof middle === 'string' && middle.trim() !== '' ? middle : null, birthDate: b.birthDate },
  };
}

function asObject(body: unknown): Record<string, unknown> | null {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
}

export function parseSnilsCheck(body: unknown): Parsed<SnilsCheckBody> {
  const b = asObject(body);
  if (!b) return { ok: false, message: 'the body must be a JSON object' };
  if (typeof b.snils !== 'string' || !/^\d{11}$/.test(b.snils)) return { ok: false, message: 'snils must be 11 digits' };
  const person = parsePersonFields(b);
  return person.ok ? { ok: true, value: { snils: b.snils, ...person.value } } : person;
}

export function parsePassportCheck(body: unknown): Parsed<PassportCheckBody> {
  const b = asObject(body);
  if (!b) return { ok: false, message: 'the body must be a JSON object' };
  if (typeof b.series !== 'string' || !/^\d{4}$/.test(b.series)) return { ok: false, message: 'series must be 4 digits' };
  if (typeof b.number !== 'string' || !/^\d{6}$/.test(b.number)) return { ok: false, message: 'number must be 6 digits' };
  if (!isIsoDate(b.issueDate)) return { ok: false, message: 'issueDate must be a date yyyy-mm-dd' };
  const person = parsePersonFields(b);
  return person.ok ? { ok: true, value: { series: b.series, number: b.number, issueDate: b.issueDate, ...person.value } } : person;
}

function sameName(person: RegistryPerson, q: { lastName: string; firstName: string; middleName: string | null }): boolean {
  return (
    normaliseRegistryName(person.lastName) === normaliseRegistryName(q.lastName) &&
    normaliseRegistryName(person.firstName) === normaliseRegistryName(q.firstName) &&
    normaliseRegistryName(person.middleName) === normaliseRegistryName(q.middleName)
  );
}

const digitsOf = (s: string) => s.replace(/\D/g, '');

/** The pension fund's answer: is this SNILS this person's? */
export function answerSnilsCheck(persons: readonly RegistryPerson[], q: SnilsCheckBody): SimAnswer {
  const person = persons.find((p) => digitsOf(p.snils) === q.snils);
  if (!person) return { result: 'mismatch', reason: 'not_found' };
  if (!sameName(person, q)) return { result: 'mismatch', reason: 'name_mismatch' };
  if (person.birthDate !== q.birthDate) return { result: 'mismatch', reason: 'birth_date_mismatch' };
  return { result: 'match' };
}

/** The migration service's answer: is this passport valid and this person's? */
export function answerPassportCheck(persons: readonly RegistryPerson[], q: PassportCheckBody): SimAnswer {
  let found: { person: RegistryPerson; passport: RegistryPassport } | null = null;
  for (const person of persons) {
    const passport = person.passports.find((p) => p.series === q.series && p.number === q.number);
    if (passport) {
      found = { person, passport };
      break;
    }
  }
  // A document with these details: series, number and issue date together.
  if (!found || found.passport.issueDate !== q.issueDate) return { result: 'mismatch', reason: 'not_found' };
  if (!sameName(found.person, q)) return { result: 'mismatch', reason: 'name_mismatch' };
  if (found.person.birthDate !== q.birthDate) return { result: 'mismatch', reason: 'birth_date_mismatch' };
  if (found.passport.status !== 'valid') return { result: 'mismatch', reason: 'document_invalid' };
  return { result: 'match' };
}

// ---------------------------------------------------------------------------
// The server

function randomDelay([min, max]: [number, number], random: () => number): number {
  const lo = Math.max(0, Math.min(min, max));
  const hi = Math.max(lo, max);
  return lo + random() * (hi - lo);
}

function sendJson(res: ServerResponse, status: number, body: object, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startRegistrySimulator(opts: RegistrySimulatorOptions): Promise<RegistrySimulator> {
  const random = opts.random ?? Math.random;
  const hangMs = opts.hangMs ?? DEFAULT_HANG_MS;
  const persons = opts.persons ?? REGISTRY_PERSONS;
  const outage: Record<SimulatedRegistry, boolean> = { pension_fund: false, migration_service: false };
  let count = 0;
  let closed = false;
  // Pending delays and hangs, so close() can cut them short instead of waiting for them.
  const waits = new Map<NodeJS.Timeout, () => void>();

  /** Waits ms, or less if the client goes away or the simulator closes. Resolves false if the answer is no longer wanted. */
  function wait(ms: number, res: ServerResponse): Promise<boolean> {
    if (ms <= 0) return Promise.resolve(!closed && !res.destroyed);
    return new Promise<boolean>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        waits.delete(timer);
        res.off('close', done);
        resolve(!closed && !res.destroyed);
      };
      const timer = setTimeout(done, ms);
      waits.set(timer, done);
      res.on('close', done);
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    count += 1;
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const registry = ROUTES[path];
    if (!registry) return sendJson(res, 404, { error: 'not_found' });
    if (req.method !== 'POST') return sendJson(res, 405, { error: 'method_not_allowed' }, { allow: 'POST' });
    if (outage[registry]) {
      req.resume();
      return sendJson(res, 503, { error: 'service_unavailable' }, { 'retry-after': '30' });
    }

    let raw: string;
    try {
      raw = await readBody(req);
    } catch (error) {
      if (error instanceof BodyTooLarge) return sendJson(res, 413, { error: 'payload_too_large' }, { connection: 'close' });
      throw error;
    }
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      return sendJson(res, 400, { error: 'bad_request', message: 'the body must be JSON' });
    }
    const parsed = registry === 'pension_fund' ? parseSnilsCheck(body) : parsePassportCheck(body);
    if (!parsed.ok) return sendJson(res, 400, { error: 'bad_request', message: parsed.message });

    if (opts.failureRate > 0 && random() < opts.failureRate) {
      if (random() < 0.5) return sendJson(res, 503, { error: 'service_unavailable' }, { 'retry-after': '30' });
      if (await wait(hangMs, res)) sendJson(res, 504, { error: 'gateway_timeout' });
      return;
    }

    if (!(await wait(randomDelay(opts.latencyMs, random), res))) return;
    const answer =
      registry === 'pension_fund'
        ? answerSnilsCheck(persons, parsed.value as SnilsCheckBody)
        : answerPassportCheck(persons, parsed.value as PassportCheckBody);
    sendJson(res, 200, answer);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => sendJson(res, 500, { error: 'internal_error' }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  let closing: Promise<void> | null = null;
  return {
    pensionFundUrl: `${origin}/pension-fund`,
    migrationServiceUrl: `${origin}/migration-service`,
    setOutage(registry, on) {
      outage[registry] = on;
    },
    requests: () => count,
    close() {
      closing ??= new Promise<void>((resolve) => {
        closed = true;
        for (const done of [...waits.values()]) done();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
