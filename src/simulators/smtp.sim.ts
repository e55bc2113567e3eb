/**
 * Simulator of a mail server: a real SMTP server on 127.0.0.1 (random port),
 * no TLS, authentication optional (any credentials are accepted). Every
 * message is parsed with mailparser (MIME, encoded words, quoted-printable,
 * base64 — so Cyrillic subjects and bodies come out as written) and kept in
 * memory, newest first, at most 500, for /dev/outbox and the tests.
 */
import { randomUUID } from 'node:crypto';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SimMail {
  id: string;
  /** the envelope recipients (RCPT TO) */
  to: string[];
  /** the envelope sender (MAIL FROM), else the From header */
  from: string;
  subject: string;
  text: string;
  receivedAt: Date;
}

export interface SmtpSimulator {
  /** smtp://127.0.0.1:PORT */
  url: string;
  /** newest first, at most 500 */
  messages(): SimMail[];
  close(): Promise<void>;
}

export const SIM_MAIL_CAP = 500;
const MAX_SIZE = 5 * 1024 * 1024;

function headerAddresses(value: AddressObject | AddressObject[] | undefined): string[] {
  if (!value) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.flatMap((a) => a.value.map((v) => v.address ?? '').filter(Boolean));
}

export async function startSmtpSimulator(): Promise<SmtpSimulator> {
  const store: SimMail[] = [];
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    banner: 'uslugi SMTP simulator',
    size: MAX_SIZE,
    // close() waits this long for open sessions before cutting them (default 30 s)
    closeTimeout: 1000,
    onAuth(_auth, _session, callback) {
      // Any credentials are fine: this is a stand-in for the real relay.
      callback(null, { user: 'simulator' });
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const envelopeTo = session.envelope.rcptTo.map((r) => r.address);
          const mailFrom = session.envelope.mailFrom;
          const mail: SimMail = {
            id: randomUUID(),
            to: envelopeTo.length > 0 ? envelopeTo : headerAddresses(parsed.to),
            from: (mailFrom && mailFrom.address) || parsed.from?.value[0]?.address || '',
            subject: parsed.subject ?? '',
            text: (parsed.text ?? '').replace(/\r\n/g, '\n').replace(/\n$/, ''),
            receivedAt: new Date(),
          };
          store.unshift(mail);
          if (store.length > SIM_MAIL_CAP) store.length = SIM_MAIL_CAP;
          callback(null, `queued as ${mail.id}`);
        })
        .catch((error: Error) => callback(error));
    },
  });
  server.on('error', () => {
    /* a client misbehaved; the simulator keeps serving */
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.server.address();
  if (!address || typeof address === 'string') throw new Error('SMTP simulator: no TCP address');
  let closing: Promise<void> | null = null;
  return {
    url: `smtp://127.0.0.1:${address.port}`,
    messages: () => store.map((m) => ({ ...m, to: [...m.to] })),
    close() {
      closing ??= new Promise<void>((resolve) => server.close(() => resolve()));
      return closing;
    },
  };
}
