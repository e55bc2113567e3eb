import type { VNode } from 'preact';
import { formatDateTime } from '../../platform/i18n.js';
import { Layout, type PageContext } from '../../platform/views/layout.js';
import {
  Button,
  Card,
  CardGrid,
  CsrfField,
  ErrorSummary,
  Field,
  Notice,
  PageHeading,
  SummaryList,
  type FieldError,
} from '../../platform/views/components.js';
import { staffMessages as t } from './staff.messages.js';

export function LoginPage(props: { ctx: PageContext; login?: string; next?: string; errors?: FieldError[]; formError?: string; notice?: string }): VNode {
  const { ctx } = props;
  const lang = ctx.lang;
  const errors = props.errors ?? [];
  const err = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <Layout ctx={ctx} title={t(lang, 'loginTitle')} width="narrow">
      <ErrorSummary lang={lang} errors={errors} />
      {props.notice && <Notice lang={lang} tone="success" role="status">{props.notice}</Notice>}
      <PageHeading title={t(lang, 'loginTitle')} lead={t(lang, 'loginLead')} />
      <form method="post" action="/staff/login" novalidate>
        <CsrfField token={ctx.csrfToken} />
        {props.next && <input type="hidden" name="next" value={props.next} />}
        <Field lang={lang} name="login" label={t(lang, 'loginLabel')} value={props.login} autocomplete="username" spellcheck={false} error={err('login')} width="l" />
        <Field lang={lang} name="password" type="password" label={t(lang, 'passwordLabel')} autocomplete="current-password" error={err('password')} width="l" />
        <Button type="submit">{t(lang, 'signIn')}</Button>
      </form>
      <p>{t(lang, 'citizenHint')}</p>
    </Layout>
  );
}

export interface DashboardSection {
  href: string;
  title: string;
  text: string;
}

export function DashboardPage(props: { ctx: PageContext; name: string; roleLabel: string; scope: string[]; lastSignIn: Date | null; timeZone: string; sections: DashboardSection[]; notice?: string }): VNode {
  const { ctx } = props;
  const lang = ctx.lang;
  return (
    <Layout ctx={ctx} title={t(lang, 'dashboardTitle')}>
      {props.notice && <Notice lang={lang} tone="success" role="status">{props.notice}</Notice>}
      <PageHeading title={t(lang, 'dashboardTitle')} lead={t(lang, 'dashboardLead', { name: props.name })} />
      <SummaryList
        items={[
          { key: t(lang, 'yourRole'), value: props.roleLabel },
          { key: t(lang, 'yourScope'), value: props.scope.length ? props.scope.join(', ') : t(lang, 'wholeSystem') },
          { key: t(lang, 'lastSignIn'), value: props.lastSignIn ? formatDateTime(lang, props.lastSignIn, props.timeZone, true) : t(lang, 'firstSignIn') },
        ]}
      />
      <h2 class="u-h2">{t(lang, 'sections')}</h2>
      <CardGrid>
        {props.sections.map((s) => (
          <Card title={s.title} href={s.href}>
            <p>{s.text}</p>
          </Card>
        ))}
      </CardGrid>
      <Notice lang={lang} tone="info">{t(lang, 'nothingYet')}</Notice>
    </Layout>
  );
}

export function PasswordPage(props: { ctx: PageContext; mustChange: boolean; errors?: FieldError[] }): VNode {
  const { ctx } = props;
  const lang = ctx.lang;
  const errors = props.errors ?? [];
  const err = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <Layout ctx={ctx} title={t(lang, 'passwordTitle')} width="narrow" breadcrumbs={[{ href: '/staff', label: t(lang, 'dashboardTitle') }, { label: t(lang, 'passwordTitle') }]}>
      <ErrorSummary lang={lang} errors={errors} />
      <PageHeading title={t(lang, 'passwordTitle')} lead={props.mustChange ? t(lang, 'mustChange') : undefined} />
      <form method="post" action="/staff/password" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <Field lang={lang} name="current" type="password" label={t(lang, 'currentPassword')} autocomplete="current-password" error={err('current')} width="l" />
        <Field lang={lang} name="password" type="password" label={t(lang, 'newPassword')} hint={t(lang, 'newPasswordHint')} autocomplete="new-password" error={err('password')} width="l" />
        <Field lang={lang} name="repeat" type="password" label={t(lang, 'repeatPassword')} autocomplete="new-password" error={err('repeat')} width="l" />
        <Button type="submit">{t(lang, 'savePassword')}</Button>
      </form>
    </Layout>
  );
}
