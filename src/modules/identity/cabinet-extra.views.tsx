/** Pages of the rest of the cabinet (contacts, password, sign-ins, history, sessions, reports) and the staff list of reports. */
import type { ComponentChildren, VNode } from 'preact';
import { formatDateTime, type Lang } from '../../platform/i18n.js';
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { Badge, Button, CsrfField, ErrorSummary, Field, Notice, PageHeading, Pagination, SummaryList, Table, Tabs, VisuallyHidden } from '../../platform/views/components.js';
import { actorLabel, describeUserAgent, methodLabel } from './account-history.js';
import { cabinetExtraMessages as m } from './cabinet-extra.messages.js';
import type { ContactsOverview, PendingContact } from './cabinet-contacts.js';
import type { HistoryEntry, SignInEntry } from './cabinet-history.js';
import type { CitizenSession } from './cabinet-sessions.js';
import { identityMessages as t } from './identity.messages.js';
import { CodeEntry, StrengthMeter, toSummary } from './identity.views.js';
import type { FieldErrors } from './personal-data.js';
import { secondsUnit } from './register-citizen.js';

const crumbs = (lang: Lang, title: string) => [{ href: '/cabinet', label: m(lang, 'cabinet') }, { label: title }];

/** «GMT+9» for the note under the tables. */
function zoneLabel(timeZone: string, at = new Date()): string {
  try {
    return new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'shortOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
  } catch {
    return timeZone;
  }
}

function ZoneNote(props: { lang: Lang; timeZone: string }): VNode {
  return <p class="u-hint">{m(props.lang, 'timeZoneNote', { zone: zoneLabel(props.timeZone) })}</p>;
}

function SuccessNotice(props: { lang: Lang; text?: string }): VNode | null {
  return props.text ? (
    <Notice lang={props.lang} tone="success" role="status">
      {props.text}
    </Notice>
  ) : null;
}

/** A one-button POST form (works without JavaScript). */
function PostButton(props: { lang: Lang; csrf: string; action: string; children: ComponentChildren; variant?: 'primary' | 'secondary' | 'danger'; small?: boolean }): VNode {
  return (
    <form method="post" action={props.action}>
      <CsrfField token={props.csrf} />
      <Button type="submit" variant={props.variant ?? 'secondary'} small={props.small}>
        {props.children}
      </Button>
    </form>
  );
}

// ------------------------------------------------------------------ contacts

export function ContactsPage(props: { ctx: PageContext; overview: ContactsOverview; values?: { phone?: string; email?: string }; errors?: FieldErrors; notice?: string; problem?: string }): VNode {
  const { ctx, overview } = props;
  const lang = ctx.lang;
  const e = props.errors ?? {};
  const v = props.values ?? {};
  const confirmedCount = overview.confirmed.length;
  const section = (kind: 'phone' | 'email') => {
    const items = overview.confirmed.filter((c) => c.kind === kind);
    return (
      <>
        <h2 class="u-h2">{m(lang, kind === 'phone' ? 'phoneTitle' : 'emailTitle')}</h2>
        {items.length === 0 ? (
          <p>{m(lang, kind === 'phone' ? 'none' : 'noneEmail')}</p>
        ) : (
          items.map((c) => (
            <div>
              <p>
                <strong>{c.masked}</strong> <Badge tone="success">{m(lang, kind === 'phone' ? 'confirmed' : 'confirmedEmail')}</Badge>
              </p>
              {confirmedCount > 1 && (
                <PostButton lang={lang} csrf={ctx.csrfToken} action={`/cabinet/contacts/${c.id}/remove`} small>
                  {m(lang, kind === 'phone' ? 'removePhone' : 'removeEmail')}
                </PostButton>
              )}
            </div>
          ))
        )}
      </>
    );
  };
  return (
    <Layout ctx={ctx} title={m(lang, 'contactsTitle')} width="narrow" breadcrumbs={crumbs(lang, m(lang, 'contactsTitle'))}>
      <ErrorSummary lang={lang} errors={toSummary(e)} />
      <SuccessNotice lang={lang} text={props.notice} />
      {props.problem && (
        <Notice lang={lang} tone="error" role="alert">
          {props.problem}
        </Notice>
      )}
      <PageHeading title={m(lang, 'contactsTitle')} lead={m(lang, 'contactsLead')} />
      {overview.pending && (
        <Notice lang={lang} tone="warning" title={m(lang, 'pendingTitle')}>
          <p>{m(lang, 'pendingText', { contact: overview.pending.masked })}</p>
          <Button href="/cabinet/contacts/confirm">{m(lang, 'enterCode')}</Button>
        </Notice>
      )}
      {section('phone')}
      {section('email')}
      <h2 class="u-h2" id="change-phone">
        {m(lang, 'changePhoneTitle')}
      </h2>
      <form method="post" action="/cabinet/contacts" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="kind" value="phone" />
        <Field lang={lang} name="phone" type="tel" label={m(lang, 'newPhone')} hint={m(lang, 'newPhoneHint')} value={v.phone} error={e.phone} autocomplete="tel" inputMode="tel" width="m" />
        <Button type="submit">{m(lang, 'getCode')}</Button>
      </form>
      <h2 class="u-h2" id="change-email">
        {m(lang, 'changeEmailTitle')}
      </h2>
      <form method="post" action="/cabinet/contacts" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="kind" value="email" />
        <Field lang={lang} name="email" type="email" label={m(lang, 'newEmail')} hint={m(lang, 'newEmailHint')} value={v.email} error={e.email} autocomplete="email" spellcheck={false} width="l" />
        <Button type="submit">{m(lang, 'getCode')}</Button>
      </form>
    </Layout>
  );
}

export function ContactCodePage(props: { ctx: PageContext; pending: PendingContact; error?: string; notice?: string; resendError?: string }): VNode {
  const { ctx, pending } = props;
  const lang = ctx.lang;
  const errors: FieldErrors = props.error ? { code: props.error } : {};
  const title = m(lang, 'contactConfirmTitle');
  return (
    <Layout ctx={ctx} title={title} width="narrow" breadcrumbs={[{ href: '/cabinet', label: m(lang, 'cabinet') }, { href: '/cabinet/contacts', label: m(lang, 'contactsTitle') }, { label: title }]}>
      <ErrorSummary lang={lang} errors={toSummary(errors)} />
      <SuccessNotice lang={lang} text={props.notice} />
      <PageHeading title={title} lead={m(lang, pending.kind === 'phone' ? 'contactConfirmLeadPhone' : 'contactConfirmLeadEmail', { contact: pending.masked })} />
      <CodeEntry
        lang={lang}
        csrf={ctx.csrfToken}
        confirmAction="/cabinet/contacts/confirm"
        resendAction="/cabinet/contacts/resend"
        resendInSeconds={pending.resendInSeconds}
        error={props.error}
        resendError={props.resendError}
      />
      <PostButton lang={lang} csrf={ctx.csrfToken} action="/cabinet/contacts/cancel" variant="secondary">
        {m(lang, 'cancelChange')}
      </PostButton>
      <script type="module" src="/static/js/resend-countdown.js"></script>
    </Layout>
  );
}

// ------------------------------------------------------------------ password

export function ChangePasswordPage(props: { ctx: PageContext; mustChange: boolean; errors?: FieldErrors; score?: number | null; notice?: string }): VNode {
  const { ctx } = props;
  const lang = ctx.lang;
  const e = props.errors ?? {};
  const title = props.mustChange ? m(lang, 'mustChangeTitle') : m(lang, 'passwordTitle');
  return (
    <Layout ctx={ctx} title={title} width="narrow" breadcrumbs={crumbs(lang, m(lang, 'passwordTitle'))}>
      <ErrorSummary lang={lang} errors={toSummary(e)} />
      <SuccessNotice lang={lang} text={props.notice} />
      {props.mustChange && (
        <Notice lang={lang} tone="warning" role="status">
          {m(lang, 'mustChangeText')}
        </Notice>
      )}
      <PageHeading title={title} lead={m(lang, 'passwordLead')} />
      <form method="post" action="/cabinet/password" novalidate data-strength-form>
        <CsrfField token={ctx.csrfToken} />
        <Field
          lang={lang}
          name="currentPassword"
          type="password"
          label={m(lang, 'currentPassword')}
          hint={props.mustChange ? m(lang, 'currentPasswordOneTime') : undefined}
          error={e.currentPassword}
          autocomplete="current-password"
          width="l"
        />
        <Field lang={lang} name="password" type="password" label={m(lang, 'newPassword')} hint={t(lang, 'passwordHint')} error={e.password} autocomplete="new-password" width="l" />
        <StrengthMeter lang={lang} score={props.score ?? null} />
        <Field lang={lang} name="passwordConfirmation" type="password" label={m(lang, 'newPasswordConfirmation')} error={e.passwordConfirmation} autocomplete="new-password" width="l" />
        <Button type="submit">{m(lang, 'changePassword')}</Button>
      </form>
      <script type="module" src="/static/js/password-strength.js"></script>
    </Layout>
  );
}

// ------------------------------------------------------------------ sign-in history

export function SignInsPage(props: { ctx: PageContext; entries: SignInEntry[]; page: number; pageCount: number; timeZone: string }): VNode {
  const { ctx, timeZone } = props;
  const lang = ctx.lang;
  const title = m(lang, 'signInsTitle');
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={crumbs(lang, title)}>
      <PageHeading title={title} lead={m(lang, 'signInsLead')} />
      <Table
        lang={lang}
        caption={m(lang, 'signInsCaption')}
        captionHidden
        stackOnMobile
        empty={m(lang, 'noSignIns')}
        columns={[
          { key: 'when', label: m(lang, 'colWhen'), rowHeader: true },
          { key: 'result', label: m(lang, 'colResult') },
          { key: 'method', label: m(lang, 'colMethod') },
          { key: 'device', label: m(lang, 'colDevice') },
          { key: 'action', label: m(lang, 'colAction') },
        ]}
        rows={props.entries.map((s) => {
          const when = formatDateTime(lang, s.at, timeZone);
          return {
            when,
            result: s.success ? <Badge tone="success">{m(lang, 'success')}</Badge> : <Badge tone="danger">{m(lang, 'failure')}</Badge>,
            method: methodLabel(lang, s.method) ?? s.method,
            device: describeUserAgent(lang, s.userAgent),
            action: s.reportId ? (
              <a href={`/cabinet/reports/${s.reportId}`}>{m(lang, 'reported')}</a>
            ) : (
              <PostButton lang={lang} csrf={ctx.csrfToken} action={`/cabinet/sign-ins/${s.id}/report`} small>
                {m(lang, 'notMe')}
                <VisuallyHidden>: {m(lang, 'notMeSignIn', { when })}</VisuallyHidden>
              </PostButton>
            ),
          };
        })}
      />
      <ZoneNote lang={lang} timeZone={timeZone} />
      <Pagination lang={lang} page={props.page} pageCount={props.pageCount} hrefFor={(p) => `/cabinet/sign-ins?page=${p}`} />
    </Layout>
  );
}

// ------------------------------------------------------------------ account history

export function HistoryPage(props: { ctx: PageContext; entries: HistoryEntry[]; page: number; pageCount: number; timeZone: string }): VNode {
  const { ctx, timeZone } = props;
  const lang = ctx.lang;
  const title = m(lang, 'historyTitle');
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={crumbs(lang, title)}>
      <PageHeading title={title} lead={m(lang, 'historyLead')} />
      <Table
        lang={lang}
        caption={m(lang, 'historyCaption')}
        captionHidden
        stackOnMobile
        empty={m(lang, 'noHistory')}
        columns={[
          { key: 'when', label: m(lang, 'colWhen'), rowHeader: true },
          { key: 'what', label: m(lang, 'colWhat') },
          { key: 'who', label: m(lang, 'colWho') },
          { key: 'action', label: m(lang, 'colAction') },
        ]}
        rows={props.entries.map((h) => {
          const when = formatDateTime(lang, h.at, timeZone);
          return {
            when,
            what: h.description,
            who: actorLabel(lang, h.actor),
            action: h.reportId ? (
              <a href={`/cabinet/reports/${h.reportId}`}>{m(lang, 'reported')}</a>
            ) : h.action === 'citizen.report.create' ? (
              ''
            ) : (
              <PostButton lang={lang} csrf={ctx.csrfToken} action={`/cabinet/history/${h.seq}/report`} small>
                {m(lang, 'notMe')}
                <VisuallyHidden>: {m(lang, 'notMeAction', { when })}</VisuallyHidden>
              </PostButton>
            ),
          };
        })}
      />
      <ZoneNote lang={lang} timeZone={timeZone} />
      <Pagination lang={lang} page={props.page} pageCount={props.pageCount} hrefFor={(p) => `/cabinet/history?page=${p}`} />
    </Layout>
  );
}

// ------------------------------------------------------------------ report sent

export function ReportPage(props: { ctx: PageContext; what: string; sentAt: string; resolved: boolean }): VNode {
  const { ctx } = props;
  const lang = ctx.lang;
  const title = m(lang, 'reportTitle');
  return (
    <Layout ctx={ctx} title={title} width="narrow" breadcrumbs={crumbs(lang, title)}>
      <Notice lang={lang} tone="success" role="status">
        {m(lang, 'reportSent')}
      </Notice>
      <PageHeading title={title} />
      <SummaryList
        items={[
          { key: m(lang, 'reportWhat'), value: props.what },
          { key: m(lang, 'reportWhen'), value: props.sentAt },
          { key: m(lang, 'reportStatus'), value: m(lang, props.resolved ? 'statusResolved' : 'statusOpen') },
        ]}
      />
      <h2 class="u-h2">{m(lang, 'adviceTitle')}</h2>
      <p>{m(lang, 'adviceLead')}</p>
      <ol class="u-list u-list--actions">
        <li>
          <a href="/cabinet/password">{m(lang, 'advicePassword')}</a>. {m(lang, 'advicePasswordText')}
        </li>
        <li>
          {m(lang, 'adviceSessions')}: {m(lang, 'adviceSessionsText')}
          <PostButton lang={lang} csrf={ctx.csrfToken} action="/cabinet/sessions/end-others">
            {m(lang, 'endOthers')}
          </PostButton>
        </li>
        <li>
          <a href="/cabinet/contacts">{m(lang, 'adviceContacts')}</a>. {m(lang, 'adviceContactsText')}
        </li>
      </ol>
    </Layout>
  );
}

// ------------------------------------------------------------------ sessions

export function SessionsPage(props: { ctx: PageContext; sessions: CitizenSession[]; timeZone: string; notice?: string }): VNode {
  const { ctx, timeZone } = props;
  const lang = ctx.lang;
  const title = m(lang, 'sessionsTitle');
  const others = props.sessions.filter((s) => !s.current).length;
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={crumbs(lang, title)}>
      <SuccessNotice lang={lang} text={props.notice} />
      <PageHeading title={title} lead={m(lang, 'sessionsLead')} />
      <Table
        lang={lang}
        caption={m(lang, 'sessionsCaption')}
        captionHidden
        stackOnMobile
        columns={[
          { key: 'device', label: m(lang, 'colDevice'), rowHeader: true },
          { key: 'started', label: m(lang, 'colStarted') },
          { key: 'last', label: m(lang, 'colLastActive') },
          { key: 'action', label: m(lang, 'colAction') },
        ]}
        rows={props.sessions.map((s) => {
          const device = describeUserAgent(lang, s.userAgent);
          const started = formatDateTime(lang, s.createdAt, timeZone);
          return {
            device: (
              <>
                {device}
                {s.current && (
                  <>
                    {' '}
                    <Badge tone="info">{m(lang, 'thisSession')}</Badge>
                  </>
                )}
              </>
            ),
            started,
            last: formatDateTime(lang, s.lastSeenAt, timeZone),
            action: s.current ? (
              ''
            ) : (
              <PostButton lang={lang} csrf={ctx.csrfToken} action={`/cabinet/sessions/${s.ref}/end`} small>
                {m(lang, 'endSession')}
                <VisuallyHidden> {m(lang, 'endSessionHidden', { device, when: started })}</VisuallyHidden>
              </PostButton>
            ),
          };
        })}
      />
      <ZoneNote lang={lang} timeZone={timeZone} />
      {others > 0 ? (
        <PostButton lang={lang} csrf={ctx.csrfToken} action="/cabinet/sessions/end-others" variant="danger">
          {m(lang, 'endOthers')}
        </PostButton>
      ) : (
        <p>{m(lang, 'noOtherSessions')}</p>
      )}
    </Layout>
  );
}

// ------------------------------------------------------------------ staff: reports

export interface StaffReportRow {
  id: string;
  date: string;
  citizenShort: string;
  what: string;
  resolvedAt: string | null;
}

export function StaffReportsPage(props: { ctx: PageContext; status: 'open' | 'resolved'; rows: StaffReportRow[]; page: number; pageCount: number; notice?: string }): VNode {
  const { ctx } = props;
  const lang = ctx.lang;
  const title = m(lang, 'staffReportsTitle');
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={[{ href: '/staff', label: m(lang, 'staffDashboard') }, { label: title }]}>
      <SuccessNotice lang={lang} text={props.notice} />
      <PageHeading title={title} lead={m(lang, 'staffReportsLead')} />
      <Tabs
        label={m(lang, 'staffTabs')}
        items={[
          { href: '/staff/reports', label: m(lang, 'tabOpen'), current: props.status === 'open' },
          { href: '/staff/reports?status=resolved', label: m(lang, 'tabResolved'), current: props.status === 'resolved' },
        ]}
      />
      <Table
        lang={lang}
        caption={m(lang, 'staffReportsCaption')}
        captionHidden
        stackOnMobile
        empty={m(lang, 'noReports')}
        columns={[
          { key: 'date', label: m(lang, 'colDate'), rowHeader: true },
          { key: 'citizen', label: m(lang, 'colCitizen') },
          { key: 'what', label: m(lang, 'colReported') },
          { key: 'status', label: m(lang, 'colStatus') },
        ]}
        rows={props.rows.map((r) => ({
          date: r.date,
          citizen: <code>{r.citizenShort}</code>,
          what: r.what,
          status: r.resolvedAt ? (
            <>
              <Badge tone="success">{m(lang, 'statusResolved')}</Badge> {r.resolvedAt}
            </>
          ) : (
            <PostButton lang={lang} csrf={ctx.csrfToken} action={`/staff/reports/${r.id}/resolve`} small>
              {m(lang, 'resolve')}
              <VisuallyHidden>: {m(lang, 'resolveHidden', { date: r.date })}</VisuallyHidden>
            </PostButton>
          ),
        }))}
      />
      <Pagination lang={lang} page={props.page} pageCount={props.pageCount} hrefFor={(p) => `/staff/reports?${props.status === 'resolved' ? 'status=resolved&' : ''}page=${p}`} />
    </Layout>
  );
}
