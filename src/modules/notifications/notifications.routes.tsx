/**
 * /dev/outbox: what the simulated SMS gateway and mail server received, for
 * developers and demos (codes and links are visible on purpose). The routes
 * exist only when the simulators run and the environment is not production;
 * otherwise they are not registered at all (404).
 */
import type { FastifyInstance } from 'fastify';
import type { ComponentChildren, VNode } from 'preact';
import type { AppContext } from '../../platform/context.js';
import { pageContext, sendPage } from '../../platform/http/app.js';
import { defineMessages, formatDateTime, type Lang } from '../../platform/i18n.js';
import { Badge, Button, ButtonGroup, Notice, PageHeading, Table } from '../../platform/views/components.js';
import { Layout, type PageContext } from '../../platform/views/layout.js';
import type { SimMail } from '../../simulators/smtp.sim.js';
import type { SimSms } from '../../simulators/sms-gateway.sim.js';

const t = defineMessages({
  ru: {
    title: 'Отправленные сообщения (симулятор)',
    lead: 'SMS и письма, которые получили симуляторы SMS-шлюза и почтового сервера. Новые — сверху.',
    devOnly:
      'Эта страница есть только при запущенных симуляторах (SIMULATORS=true) и не в рабочем режиме. Коды и ссылки показаны полностью: страница нужна разработчикам и для демонстрации.',
    tableCaption: 'Сообщения',
    time: 'Время',
    channel: 'Канал',
    recipient: 'Получатель',
    content: 'Текст / тема письма',
    sms: 'SMS',
    email: 'Письмо',
    empty: 'Пока ничего не отправлено.',
    refresh: 'Обновить',
    json: 'В формате JSON',
    counts: 'SMS: {sms}, писем: {email}. Симуляторы хранят последние 500 сообщений каждого вида до перезапуска.',
  },
  en: {
    title: 'Sent messages (simulator)',
    lead: 'Text messages and e-mails received by the simulated SMS gateway and mail server. Newest first.',
    devOnly:
      'This page exists only while the simulators run (SIMULATORS=true) and never in production. Codes and links are shown in full: the page is for developers and demos.',
    tableCaption: 'Messages',
    time: 'Time',
    channel: 'Channel',
    recipient: 'Recipient',
    content: 'Text / subject',
    sms: 'SMS',
    email: 'E-mail',
    empty: 'Nothing has been sent yet.',
    refresh: 'Refresh',
    json: 'As JSON',
    counts: 'SMS: {sms}, e-mails: {email}. The simulators keep the last 500 messages of each kind until restarted.',
  },
});

type OutboxItem = { kind: 'sms'; at: Date; sms: SimSms } | { kind: 'email'; at: Date; mail: SimMail };

/** Text with its http(s) links made clickable (the renderer escapes everything else). */
function Linked(props: { text: string }): VNode {
  const parts = props.text.split(/(https?:\/\/[^\s<>"«»]+)/g);
  return <>{parts.map((part, i) => (i % 2 === 1 ? <a href={part}>{part}</a> : part))}</>;
}

function Paragraphs(props: { text: string }): VNode {
  const lines = props.text.split('\n');
  const out: ComponentChildren[] = [];
  lines.forEach((line, i) => {
    if (i > 0) out.push(<br />);
    out.push(<Linked text={line} />);
  });
  return <p>{out}</p>;
}

export function OutboxPage(props: { ctx: PageContext; sms: SimSms[]; email: SimMail[] }): VNode {
  const { ctx } = props;
  const lang: Lang = ctx.lang;
  const items: OutboxItem[] = [
    ...props.sms.map((sms): OutboxItem => ({ kind: 'sms', at: sms.receivedAt, sms })),
    ...props.email.map((mail): OutboxItem => ({ kind: 'email', at: mail.receivedAt, mail })),
  ].sort((a, b) => b.at.getTime() - a.at.getTime());
  return (
    <Layout ctx={ctx} title={t(lang, 'title')}>
      <PageHeading title={t(lang, 'title')} lead={t(lang, 'lead')} />
      <Notice lang={lang} tone="warning">
        {t(lang, 'devOnly')}
      </Notice>
      <p>{t(lang, 'counts', { sms: props.sms.length, email: props.email.length })}</p>
      <ButtonGroup>
        <Button href="/dev/outbox" variant="secondary" small>
          {t(lang, 'refresh')}
        </Button>
        <Button href="/dev/outbox.json" variant="link" small>
          {t(lang, 'json')}
        </Button>
      </ButtonGroup>
      <Table
        lang={lang}
        caption={t(lang, 'tableCaption')}
        stackOnMobile
        empty={t(lang, 'empty')}
        columns={[
          { key: 'time', label: t(lang, 'time') },
          { key: 'channel', label: t(lang, 'channel') },
          { key: 'recipient', label: t(lang, 'recipient') },
          { key: 'content', label: t(lang, 'content') },
        ]}
        rows={items.map((item) => ({
          time: <time dateTime={item.at.toISOString()}>{formatDateTime(lang, item.at)}</time>,
          channel: item.kind === 'sms' ? <Badge tone="info">{t(lang, 'sms')}</Badge> : <Badge tone="neutral">{t(lang, 'email')}</Badge>,
          recipient: item.kind === 'sms' ? item.sms.to : item.mail.to.join(', '),
          content:
            item.kind === 'sms' ? (
              <span>{item.sms.text}</span>
            ) : (
              <details>
                <summary>{item.mail.subject || '—'}</summary>
                <Paragraphs text={item.mail.text} />
              </details>
            ),
        }))}
      />
    </Layout>
  );
}

export async function registerNotificationRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const simulators = ctx.simulators;
  if (!simulators || ctx.config.env === 'production') return;

  app.get('/dev/outbox', { schema: { hide: true } }, async (request, reply) => {
    reply.header('x-robots-tag', 'noindex');
    return sendPage(reply, OutboxPage({ ctx: pageContext(request), sms: simulators.sms.messages(), email: simulators.smtp.messages() }));
  });

  app.get('/dev/outbox.json', { schema: { hide: true } }, async (_request, reply) => {
    reply.header('cache-control', 'no-store').header('x-robots-tag', 'noindex');
    return {
      sms: simulators.sms.messages().map((m) => ({ id: m.id, to: m.to, text: m.text, receivedAt: m.receivedAt.toISOString() })),
      email: simulators.smtp.messages().map((m) => ({ id: m.id, to: m.to, from: m.from, subject: m.subject, text: m.text, receivedAt: m.receivedAt.toISOString() })),
    };
  });
}
