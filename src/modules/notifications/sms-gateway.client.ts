/**
 * The SMS gateway over HTTP: POST {url}/messages with JSON {to, text} and an
 * optional bearer token; a 2xx answer carries {id}. Errors never contain the
 * phone number or the text (they end up in the outbox's last_error and in logs).
 */
import type { SmsGateway } from '../../platform/adapters.js';
import { NotificationSendError } from './send-error.js';

export interface HttpSmsGatewayOptions {
  url: string;
  token: string | null;
  timeoutMs: number;
}

/** A refused request that will be refused again: a malformed number or text. */
const PERMANENT_STATUSES = new Set([400, 413, 422]);

export class HttpSmsGateway implements SmsGateway {
  private readonly endpoint: string;

  constructor(private readonly opts: HttpSmsGatewayOptions) {
    this.endpoint = `${opts.url.replace(/\/+$/, '')}/messages`;
  }

  async send(to: string, text: string): Promise<{ messageId: string }> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (this.opts.token) headers.authorization = `Bearer ${this.opts.token}`;
    let response: Response;
    try {
      response = await fetch(this.endpoint, {
        method: 'POST',
        headers,
        body: JSON.stringify({ to, text }),
        signal: AbortSignal.timeout(this.opts.timeoutMs),
      });
    } catch (error) {
      const e = error as Error & { cause?: { code?: unknown } };
      if (e.name === 'TimeoutError' || e.name === 'AbortError') {
        throw new NotificationSendError(`SMS gateway: no answer within ${this.opts.timeoutMs} ms`);
      }
      const code = typeof e.cause?.code === 'string' ? e.cause.code : 'network error';
      throw new NotificationSendError(`SMS gateway: cannot connect (${code})`);
    }
    if (!response.ok) {
      // Drain the body so the connection can be reused; its content is not reported.
      await response.body?.cancel().catch(() => undefined);
      const hint = response.status === 401 || response.status === 403 ? ' (check SMS_GATEWAY_TOKEN)' : '';
      throw new NotificationSendError(`SMS gateway: HTTP ${response.status}${hint}`, PERMANENT_STATUSES.has(response.status), response.status);
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new NotificationSendError(`SMS gateway: HTTP ${response.status} with an unreadable answer`);
    }
    const id = (body as { id?: unknown } | null)?.id;
    if ((typeof id !== 'string' && typeof id !== 'number') || String(id) === '') {
      throw new NotificationSendError(`SMS gateway: HTTP ${response.status} without a message id`);
    }
    return { messageId: String(id) };
  }
}
