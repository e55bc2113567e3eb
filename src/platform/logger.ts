/**
 * Structured logs (pino, JSON lines) that never carry personal data:
 * requests are logged as method + route pattern + path without the query
 * string (queries can hold a SNILS or a phone), no headers, no bodies, and
 * any field named like personal data is censored as a second line of defence.
 */
import type { FastifyRequest } from 'fastify';

export const REDACT_PATHS = [
  'req.headers',
  'headers.cookie',
  'headers.authorization',
  '*.password',
  '*.passport',
  '*.snils',
  '*.phone',
  '*.email',
  '*.address',
  '*.birthDate',
  'body',
];

export function loggerOptions(level: string) {
  return {
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: {
      req(req: FastifyRequest) {
        return {
          method: req.method,
          // the path only: query strings may contain personal data
          url: (req.url ?? '').split('?')[0],
          route: req.routeOptions?.url,
          id: req.id,
        };
      },
      res(res: { statusCode: number }) {
        return { statusCode: res.statusCode };
      },
    },
  };
}
