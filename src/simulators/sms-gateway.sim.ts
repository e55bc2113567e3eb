/**
 * Simulator of an SMS gateway: a real HTTP server on 127.0.0.1 (random port)
 * that speaks the protocol HttpSmsGateway uses.
 *
 *   POST /messages  {"to": "+79141234567", "text": "…"}  →  202 {"id": "…"} after a random delay
 *                   400 {error} for a number that is not E.164 or an empty text
 *                   401 {error} when a token is configured and the bearer differs
 *   GET  /messages  →  200 {"messages": [{id, to, text, receivedAt}]} (newest first)
 *
 * It keeps the last 500 messages in memory (newest first) for /dev/outbox and the tests.
 */
import { randomUUID, timingSafeEqual } from 'node:crypto';
import Fastify from 'fastify';

export interface SimSms {
  id: string;
  to: string;
  text: string;
  receivedAt: Date;
}

export interface SmsGatewaySimulator {
  /** e.g. http://127.0.0.1:PORT */
  url: string;
  /** newest first, at most 500 */
  messages(): SimSms[];
  close(): Promise<void>;
}

export const SIM_SMS_CAP = 500;
/** E.164: a plus, a country code that does not start with 0, up to 15 digits in all. */
const E164 = /^\+[1-9]\d{7,14}$/;
const MAX_TEXT = 1600;

function bearerMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer (.+)$/i.exec(header ?? '');
  if (!m) return false;
  const a = Buffer.from(m[1]!);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function randomDelay([min, max]: [number, number]): number {
  const lo = Math.max(0, Math.min(min, max));
  const hi = Math.max(lo, max);
  return lo + Math.random() * (hi - lo);
}

export async function startSmsGatewaySimulator(opts: { latencyMs: [number, number]; token?: string }): Promise<SmsGatewaySimulator> {
  const store: SimSms[] = [];
  const app = Fastify({ logger: false, bodyLimit: 64 * 1024 });
  // Pending delays, so close() can cut them short instead of waiting for them.
  const waits = new Map<NodeJS.Timeout, () => void>();

  app.addHook('onRequest', async (request, reply) => {
    if (opts.token && !bearerMatches(request.headers.authorization, opts.token)) {
      return reply.status(401).send({ error: 'unauthorized' });
    }
  });

  app.post('/messages', async (request, reply) => {
    const body = (request.body ?? {}) as { to?: unknown; text?: unknown };
    if (typeof body.to !== 'string' || !E164.test(body.to)) {
      return reply.status(400).send({ error: 'invalid_recipient', message: 'to must be an E.164 number, e.g. +79141234567' });
    }
    if (typeof body.text !== 'string' || body.text.trim() === '') {
      return reply.status(400).send({ error: 'empty_text', message: 'text must not be empty' });
    }
    if (body.text.length > MAX_TEXT) {
      return reply.status(400).send({ error: 'text_too_long', message: `text must be at most ${MAX_TEXT} characters` });
    }
    const delay = randomDelay(opts.latencyMs);
    if (delay > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          waits.delete(timer);
          resolve();
        }, delay);
        waits.set(timer, resolve);
      });
    }
    const sms: SimSms = { id: randomUUID(), to: body.to, text: body.text, receivedAt: new Date() };
    store.unshift(sms);
    if (store.length > SIM_SMS_CAP) store.length = SIM_SMS_CAP;
    return reply.status(202).send({ id: sms.id });
  });

  app.get('/messages', async () => ({
    messages: store.map((m) => ({ ...m, receivedAt: m.receivedAt.toISOString() })),
  }));

  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('SMS gateway simulator: no TCP address');
  let closing: Promise<void> | null = null;
  return {
    url: `http://127.0.0.1:${address.port}`,
    messages: () => store.map((m) => ({ ...m })),
    close() {
      closing ??= (async () => {
        for (const [timer, resolve] of waits) {
          clearTimeout(timer);
          resolve();
        }
        waits.clear();
        await app.close();
      })();
      return closing;
    },
  };
}
