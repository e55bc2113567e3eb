/** The 4.1.7 reading notices: the employee's list with «Прочитано», the supervisors' list, form and who-has-read table. */
import type { VNode } from 'preact';
import { formatDate, type Lang } from '../../../platform/i18n.js';
import { Layout, type PageContext } from '../../../platform/views/layout.js';
import { Badge, Button, CsrfField, ErrorSummary, Field, Notice, PageHeading, Table, TextareaField, type FieldError } from '../../../platform/views/components.js';
import { reminderMessages as t } from './reminders.messages.js';
import type { MyNotice, NoticeFormValues, NoticeSummary, ReadingNotice, Receipt } from './reminders.js';

export const ruDate = (iso: string) => iso.split('-').reverse().join('.');

function Links(props: { lang: Lang; notice: ReadingNotice }): VNode | null {
  if (props.notice.links.length === 0) return null;
  return (
    <>
      <p class="u-reminders__links-title">{t(props.lang, 'links')}:</p>
      <ul class="u-list">
        {props.notice.links.map((l) => (
          <li>
            <a href={l.url} rel="noopener noreferrer">
              {l.title || l.url}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}

export function MyRemindersPage(props: { ctx: PageContext; notices: MyNotice[]; today: string; timeZone: string; notice?: string }): VNode {
  const { ctx } = props;
  const lang = ctx.lang;
  return (
    <Layout ctx={ctx} title={t(lang, 'myTitle')} width="narrow">
      {props.notice && (
        <Notice lang={lang} tone="success" role="status">
          {props.notice}
        </Notice>
      )}
      <PageHeading title={t(lang, 'myTitle')} lead={t(lang, 'myLead')} />
      {props.notices.length === 0 && <p>{t(lang, 'noMine')}</p>}
      {props.notices.map((n) => (
        <section class={`u-reminders__item${n.readAt ? ' u-reminders__item--read' : ''}`} aria-labelledby={`notice-${n.id}`}>
          <h2 class="u-h3" id={`notice-${n.id}`}>
            {t(lang, 'cardTitle', { materials: n.materials })}
          </h2>
          <p>
            {n.readAt ? (
              <Badge tone="success">{t(lang, 'readOn', { date: formatDate(lang, n.readAt, props.timeZone) })}</Badge>
            ) : (
              <>
                {t(lang, 'readBy', { date: ruDate(n.readBy) })} {n.readBy < props.today && <Badge tone="warning">{t(lang, 'overdue')}</Badge>}
              </>
            )}
          </p>
          <Links lang={lang} notice={n} />
          {!n.readAt && (
            <form method="post" action={`/reception/reminders/${n.id}/read`}>
              <CsrfField token={ctx.csrfToken} />
              <Button type="submit" variant="secondary">
                {t(lang, 'markRead')}
              </Button>
            </form>
          )}
        </section>
      ))}
    </Layout>
  );
}

export function RemindersPage(props: { ctx: PageContext; notices: NoticeSummary[]; canPublish: boolean; today: string; notice?: string }): VNode {
  const { ctx } = props;
  const lang = ctx.lang;
  return (
    <Layout ctx={ctx} title={t(lang, 'listTitle')}>
      {props.notice && (
        <Notice lang={lang} tone="success" role="status">
          {props.notice}
        </Notice>
      )}
      <PageHeading title={t(lang, 'listTitle')} lead={t(lang, 'listLead')} />
      {props.canPublish && (
        <p>
          <Button href="/reception/reminders/new">{t(lang, 'publish')}</Button>
        </p>
      )}
      <Table
        lang={lang}
        caption={t(lang, 'noticesCaption')}
        stackOnMobile
        empty={t(lang, 'noNotices')}
        columns={[
          { key: 'materials', label: t(lang, 'colMaterials'), rowHeader: true },
          { key: 'scope', label: t(lang, 'colScope') },
          { key: 'readBy', label: t(lang, 'colReadBy') },
          { key: 'read', label: t(lang, 'colRead'), numeric: true },
        ]}
        rows={props.notices.map((n) => ({
          materials: <a href={`/reception/reminders/${n.id}`}>{n.materials}</a>,
          scope: n.municipalityName ?? t(lang, 'scopeRegion'),
          readBy: (
            <>
              {ruDate(n.readBy)} {n.readBy < props.today && n.read < n.recipients && <Badge tone="warning">{t(lang, 'overdue')}</Badge>}
            </>
          ),
          read: t(lang, 'readCount', { read: n.read, total: n.recipients }),
        }))}
      />
    </Layout>
  );
}

export function ReceiptsPage(props: { ctx: PageContext; notice: ReadingNotice; receipts: Receipt[]; today: string; timeZone: string; notice_?: string }): VNode {
  const { ctx, notice: n } = props;
  const lang = ctx.lang;
  const title = t(lang, 'cardTitle', { materials: n.materials });
  const read = props.receipts.filter((r) => r.readAt).length;
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={[{ href: '/reception/reminders', label: t(lang, 'listTitle') }, { label: n.materials }]}>
      {props.notice_ && (
        <Notice lang={lang} tone="success" role="status">
          {props.notice_}
        </Notice>
      )}
      <PageHeading caption={n.municipalityName ?? t(lang, 'scopeRegion')} title={title} lead={`${t(lang, 'readBy', { date: ruDate(n.readBy) })} · ${t(lang, 'colRead')}: ${t(lang, 'readCount', { read, total: props.receipts.length })}`} />
      <Links lang={lang} notice={n} />
      <Table
        lang={lang}
        caption={t(lang, 'receiptsCaption')}
        stackOnMobile
        columns={[
          { key: 'name', label: t(lang, 'colEmployee'), rowHeader: true },
          { key: 'organisation', label: t(lang, 'colOrganisation') },
          { key: 'state', label: t(lang, 'colState') },
        ]}
        rows={props.receipts.map((r) => ({
          name: r.fullName,
          organisation: [r.municipalityName, r.organisationName].filter(Boolean).join(', ') || '—',
          state: r.readAt ? (
            <Badge tone="success">{t(lang, 'readOn', { date: formatDate(lang, r.readAt, props.timeZone) })}</Badge>
          ) : (
            <Badge tone={n.readBy < props.today ? 'warning' : 'neutral'}>{n.readBy < props.today ? `${t(lang, 'notRead')}, ${t(lang, 'overdue')}` : t(lang, 'notRead')}</Badge>
          ),
        }))}
      />
    </Layout>
  );
}

export function NoticeFormPage(props: { ctx: PageContext; values: NoticeFormValues; errors: FieldError[] }): VNode {
  const { ctx, values: v } = props;
  const lang = ctx.lang;
  const e = Object.fromEntries(props.errors.map((x) => [x.field, x.message]));
  return (
    <Layout ctx={ctx} title={t(lang, 'newTitle')} width="narrow" breadcrumbs={[{ href: '/reception/reminders', label: t(lang, 'listTitle') }, { label: t(lang, 'newTitle') }]}>
      <ErrorSummary lang={lang} errors={props.errors} />
      <PageHeading title={t(lang, 'newTitle')} />
      <form method="post" action="/reception/reminders/new" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextareaField lang={lang} name="materials" label={t(lang, 'materials')} hint={t(lang, 'materialsHint')} value={v.materials} error={e.materials} rows={3} maxLength={500} />
        <TextareaField lang={lang} name="links" label={t(lang, 'linksLabel')} hint={t(lang, 'linksHint')} value={v.links} error={e.links} rows={4} optional />
        <Field lang={lang} name="readBy" label={t(lang, 'readByLabel')} hint={t(lang, 'dateHint')} value={v.readBy} error={e.readBy} width="s" inputMode="numeric" maxLength={10} />
        <Button type="submit">{t(lang, 'send')}</Button>
      </form>
    </Layout>
  );
}
