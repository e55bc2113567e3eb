/** The public home page and the health check. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { defineMessages, formatNumber } from '../../platform/i18n.js';
import { pageContext, sendPage } from '../../platform/http/app.js';
import { Layout } from '../../platform/views/layout.js';
import { Button, Card, CardGrid, PageHeading } from '../../platform/views/components.js';
import { listRegions } from '../territory/territory.repository.js';

const t = defineMessages({
  ru: {
    title: 'Госуслуги ближе к людям',
    lead: 'Услуги — открытая платформа для регионов и муниципалитетов: портал государственных услуг с учётными записями трёх уровней и программа, которая помогает жителям начать пользоваться электронными услугами.',
    portalTitle: 'Для жителей',
    portalText: 'Регистрация на портале, подтверждение личности в ближайшем центре обслуживания, заявления и оплата пошлин со скидкой 30\u00a0%.',
    outreachTitle: 'Для администраций',
    outreachText: 'Планы мероприятий, отчёты и рейтинг муниципалитетов считаются по тому, что произошло на самом деле: регистрациям, подтверждениям и проинформированным посетителям.',
    regionTitle: 'Регион',
    regionText: '{municipalities} муниципальных образований, {centres} центров обслуживания.',
    staffSignIn: 'Вход для сотрудников',
    apiDocs: 'Документация API',
    target: 'Цель региона — 70\u00a0% жителей, пользующихся электронными услугами.',
    register: 'Зарегистрироваться',
    signIn: 'Войти',
    points: 'Где подтвердить учётную запись',
    stepsTitle: 'Как начать пользоваться порталом',
    step1: 'Зарегистрируйтесь: фамилия, имя и мобильный телефон или почта — упрощённая учётная запись.',
    step2: 'Укажите паспорт и СНИЛС: после автоматической проверки — стандартная учётная запись.',
    step3: 'Подтвердите личность в МФЦ, на почте или в администрации — подтверждённая учётная запись и все услуги.',
  },
  en: {
    title: 'Public services, closer to people',
    lead: 'Uslugi is an open platform for regions and municipalities: a public-services portal with three account levels, and the programme that helps residents start using e-services.',
    portalTitle: 'For residents',
    portalText: 'Register on the portal, confirm your identity at the nearest service centre, apply for services and pay state duties with a 30% discount.',
    outreachTitle: 'For administrations',
    outreachText: 'Outreach plans, reports and the ranking of municipalities are computed from what really happened: registrations, confirmations and visitors informed.',
    regionTitle: 'Region',
    regionText: '{municipalities} municipalities, {centres} service centres.',
    staffSignIn: 'Staff sign-in',
    apiDocs: 'API documentation',
    target: 'The region’s target: 70% of residents using e-services.',
    register: 'Register',
    signIn: 'Sign in',
    points: 'Where to confirm your account',
    stepsTitle: 'How to start using the portal',
    step1: 'Register: surname, first name and a mobile phone or e-mail — a simplified account.',
    step2: 'Enter your passport and SNILS: after an automatic check — a standard account.',
    step3: 'Confirm your identity at an MFC, a post office or an administration — a confirmed account and every service.',
  },
});

export async function registerHomeRoutes(appBase: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();

  app.get('/', { schema: { hide: true } }, async (request, reply) => {
    const lang = request.lang;
    const regions = await listRegions(ctx.db);
    return sendPage(
      reply,
      <Layout ctx={pageContext(request)} title={t(lang, 'title')}>
        <PageHeading title={t(lang, 'title')} lead={t(lang, 'lead')} />
        {!request.citizen && (
          <p class="u-actions">
            <Button href="/register">{t(lang, 'register')}</Button>{' '}
            <Button href="/login" variant="secondary">
              {t(lang, 'signIn')}
            </Button>
          </p>
        )}
        <h2 class="u-h2">{t(lang, 'stepsTitle')}</h2>
        <ol class="u-steps">
          <li>{t(lang, 'step1')}</li>
          <li>{t(lang, 'step2')}</li>
          <li>
            {t(lang, 'step3')} <a href="/activation-points">{t(lang, 'points')}</a>
          </li>
        </ol>
        <CardGrid>
          <Card title={t(lang, 'portalTitle')}>
            <p>{t(lang, 'portalText')}</p>
          </Card>
          <Card title={t(lang, 'outreachTitle')}>
            <p>{t(lang, 'outreachText')}</p>
          </Card>
          {regions.map((r) => (
            <Card title={`${t(lang, 'regionTitle')}: ${r.name}`}>
              <p>{t(lang, 'regionText', { municipalities: formatNumber(lang, r.municipalityCount), centres: formatNumber(lang, r.serviceCentreCount) })}</p>
              <p>{t(lang, 'target')}</p>
            </Card>
          ))}
        </CardGrid>
        <p>
          <Button href="/staff/login">{t(lang, 'staffSignIn')}</Button>{' '}
          <Button href="/api/docs" variant="secondary">
            {t(lang, 'apiDocs')}
          </Button>
        </p>
      </Layout>,
    );
  });

  app.get(
    '/healthz',
    {
      config: { rateLimit: false },
      schema: {
        tags: ['platform'],
        summary: 'Liveness and database check',
        response: {
          200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgresql']) }),
          503: z.object({ status: z.literal('unavailable'), database: z.enum(['pglite', 'postgresql']) }),
        },
      },
    },
    async (_request, reply) => {
      try {
        await ctx.db.query('select 1');
        return { status: 'ok' as const, database: ctx.db.kind };
      } catch {
        return reply.status(503).send({ status: 'unavailable' as const, database: ctx.db.kind });
      }
    },
  );
}
