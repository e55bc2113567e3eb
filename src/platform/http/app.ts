/**
 * The Fastify application: plugins, security headers, sessions, CSRF, rate
 * limits, language, error pages and the OpenAPI document. Modules add their
 * routes through `registerModules` (src/modules/index.ts).
 */
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import type { VNode } from 'preact';
import type { AppContext } from '../context.js';
import { registerUploads } from './uploads.js';
import { CSRF_COOKIE, csrfToken, csrfValid } from '../csrf.js';
import { randomToken } from '../crypto.js';
import { HttpError } from '../errors.js';
import { isLang, type Lang } from '../i18n.js';
import { loggerOptions } from '../logger.js';
import { tileImgSrc } from './csp.js';
import type { CitizenPrincipal, StaffActor } from '../policy.js';
import { levelLabel, roleLabel } from '../roles.js';
import { SESSION_COOKIE, type SessionRecord } from '../sessions.js';
import { renderPage, type PageContext, type NavItem } from '../views/layout.js';
import { ErrorPage } from '../views/error-page.js';
import { loadStaffActor } from '../../modules/staff/staff.repository.js';
import { loadCitizenPrincipal } from '../../modules/identity/identity.repository.js';

declare module 'fastify' {
  interface FastifyRequest {
    lang: Lang;
    actor: StaffActor | null;
    citizen: CitizenPrincipal | null;
    session: SessionRecord | null;
    csrfToken: string;
  }
}

export const PUBLIC_DIR = fileURLToPath(new URL('../../../public', import.meta.url));
const LANG_COOKIE = 'uslugi_lang';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export type App = FastifyInstance;

export interface BuildAppOptions {
  /** pino options or false to silence (tests) */
  logger?: boolean;
  registerModules: (app: FastifyInstance, ctx: AppContext) => Promise<void>;
}

export async function buildApp(ctx: AppContext, options: BuildAppOptions): Promise<FastifyInstance> {
  const { config } = ctx;
  const app = Fastify({
    logger: options.logger === false ? false : loggerOptions(config.logLevel),
    trustProxy: config.trustProxy,
    genReqId: () => randomUUID(),
    bodyLimit: 1_048_576,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(cookie);
  await app.register(formbody);
  await registerUploads(app, { maxBytes: config.files.maxBytes });
  // Map tiles come from the configured tile server (the only outside origin a page may load from).
  const tileSrc = tileImgSrc(config.map.tileUrl);
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', ...(tileSrc ? [tileSrc] : [])],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: config.cookieSecure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
  });
  await app.register(rateLimit, {
    global: true,
    max: config.rateLimitPerMinute,
    timeWindow: 60_000,
    errorResponseBuilder: (_req, context) => new HttpError(429, 'too_many_requests', `Retry after ${Math.ceil(context.ttl / 1000)} s`),
  });
  await app.register(fastifyStatic, { root: PUBLIC_DIR, prefix: '/static/', maxAge: config.env === 'production' ? '1d' : 0 });

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'uslugi API',
        description: 'JSON API of uslugi. Every request body and answer is described by the same zod schemas that validate it.',
        version: '0.1.0',
      },
      servers: [{ url: config.publicUrl }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'Staff session cookie; unsafe methods also need the x-csrf-token header.' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    // Swagger UI's bundle sets inline styles; everything is served from here (no validator, no CDN).
    staticCSP: "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'self'",
    uiConfig: { docExpansion: 'list', deepLinking: false, validatorUrl: null },
  });

  // Language, session, actor and CSRF token for every request.
  app.decorateRequest('lang', 'ru');
  app.decorateRequest('actor', null);
  app.decorateRequest('citizen', null);
  app.decorateRequest('session', null);
  app.decorateRequest('csrfToken', '');

  app.addHook('onRequest', async (request, reply) => {
    if (request.url.startsWith('/static/')) return;
    const query = request.query as Record<string, unknown> | undefined;
    const queryLang = query?.lang;
    if (isLang(queryLang)) {
      request.lang = queryLang;
      reply.setCookie(LANG_COOKIE, queryLang, { path: '/', sameSite: 'lax', httpOnly: true, secure: config.cookieSecure, maxAge: 31_536_000 });
    } else {
      const cookieLang = request.cookies[LANG_COOKIE];
      request.lang = isLang(cookieLang) ? cookieLang : 'ru';
    }

    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const session = await ctx.sessions.load(token);
      if (session) {
        if (session.staffUserId) request.actor = await loadStaffActor(ctx.db, session.staffUserId);
        if (session.citizenId) request.citizen = await loadCitizenPrincipal(ctx.db, ctx.cipher, session.citizenId);
        // A session whose owner is gone (deactivated staff, deleted account) ends here.
        if ((session.staffUserId && !request.actor) || (session.citizenId && !request.citizen)) await ctx.sessions.destroy(session.idHash);
        else request.session = session;
      }
      if (!request.session) reply.clearCookie(SESSION_COOKIE, { path: '/' });
    }

    let browserSecret = request.cookies[CSRF_COOKIE];
    if (!browserSecret || !/^[A-Za-z0-9_-]{20,100}$/.test(browserSecret)) {
      browserSecret = randomToken(24);
      request.cookies[CSRF_COOKIE] = browserSecret;
      reply.setCookie(CSRF_COOKIE, browserSecret, { path: '/', sameSite: 'lax', httpOnly: true, secure: config.cookieSecure });
    }
    request.csrfToken = csrfToken(config.secrets.sessionSecret, browserSecret, request.session?.idHash ?? null);
  });

  // CSRF: every unsafe request that carries cookies must present the token.
  app.addHook('preValidation', async (request) => {
    if (!UNSAFE.has(request.method)) return;
    const hasCookies = Boolean(request.headers.cookie);
    if (!hasCookies && request.url.startsWith('/api/')) return; // no ambient authority to abuse
    const body = request.body as Record<string, unknown> | undefined;
    const presented = request.headers['x-csrf-token'] ?? body?._csrf;
    if (!csrfValid(config.secrets.sessionSecret, request.cookies[CSRF_COOKIE], request.session?.idHash ?? null, presented)) {
      throw new HttpError(403, 'csrf', 'CSRF token missing or invalid');
    }
  });

  app.setNotFoundHandler(async (request, reply) => sendError(request, reply, 404, 'not_found'));

  app.setErrorHandler(async (error: Error & { statusCode?: number; validation?: unknown; code?: string }, request, reply) => {
    if (error instanceof HttpError && error.statusCode === 401 && !isApi(request)) {
      const next = encodeURIComponent(request.url);
      return reply.redirect(`${error.code === 'citizen_unauthenticated' ? '/login' : '/staff/login'}?next=${next}`, 303);
    }
    const status = error instanceof HttpError ? error.statusCode : error.validation ? 400 : (error.statusCode ?? 500);
    let incident: string | undefined;
    if (status >= 500) {
      incident = request.id;
      request.log.error({ err: { message: error.message, stack: error.stack, code: error.code }, incident }, 'request failed');
    }
    if (isApi(request) && error.validation) {
      return reply.status(400).send({ error: 'validation', message: error.message, issues: error.validation });
    }
    return sendError(request, reply, status, error instanceof HttpError ? error.code : String(error.code ?? 'error'), incident);
  });

  await options.registerModules(app, ctx);
  return app;
}

function isApi(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/') || request.url === '/healthz' || Boolean(request.headers.accept?.includes('application/json') && !request.headers.accept.includes('text/html'));
}

async function sendError(request: FastifyRequest, reply: FastifyReply, status: number, code: string, incident?: string) {
  reply.status(status);
  if (isApi(request)) return reply.send({ error: code, statusCode: status, ...(incident ? { incident } : {}) });
  return reply.type('text/html; charset=utf-8').send(renderPage(ErrorPage({ ctx: pageContext(request), status, incident })));
}

/** The context every page needs: language, CSRF token, current path and the signed-in user. */
export function pageContext(request: FastifyRequest, nav?: NavItem[]): PageContext {
  return {
    lang: request.lang,
    csrfToken: request.csrfToken,
    path: request.url,
    user: request.actor
      ? { displayName: request.actor.fullName, roleLabel: roleLabel(request.lang, request.actor.role), kind: 'staff' }
      : request.citizen
        ? { displayName: request.citizen.displayName, roleLabel: levelLabel(request.lang, request.citizen.level), kind: 'citizen' }
        : null,
    nav,
  };
}

/** Sends a rendered page. */
export function sendPage(reply: FastifyReply, node: VNode, status = 200) {
  return reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(renderPage(node));
}
