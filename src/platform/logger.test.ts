import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import pino from 'pino';
import type { FastifyRequest } from 'fastify';
import { loggerOptions } from './logger.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  return { lines, logger: pino(loggerOptions('info'), stream) };
}

test('request logs keep the path but drop the query string, headers and body', () => {
  const { lines, logger } = capture();
  const req = {
    method: 'GET',
    url: '/operator/search?snils=11223344595&phone=%2B79141234567',
    id: 'r1',
    routeOptions: { url: '/operator/search' },
    headers: { cookie: 'uslugi_sid=secret' },
    body: { passport: '4509 123456' },
  } as unknown as FastifyRequest;
  logger.info({ req }, 'incoming request');
  const text = lines.join('');
  assert.match(text, /\/operator\/search/);
  assert.doesNotMatch(text, /11223344595|79141234567|secret|4509/);
});

test('fields named like personal data are censored wherever they appear', () => {
  const { lines, logger } = capture();
  logger.info({ citizen: { snils: '112-233-445 95', passport: '4509 123456', phone: '+79141234567', email: 'a@b.ru', address: 'ул. Ленина, 1' } }, 'x');
  const text = lines.join('');
  assert.doesNotMatch(text, /112-233|4509|79141234567|a@b\.ru|Ленина/);
  assert.match(text, /\[redacted\]/);
});
