/** Pages of the citizen journey: registration, sign-in, recovery. (Cabinet pages: cabinet.views.tsx.) */
import type { VNode } from 'preact';
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { Button, CheckboxField, CsrfField, ErrorSummary, Field, Notice, PageHeading } from '../../platform/views/components.js';
import { identityMessages as t } from './identity.messages.js';
import type { FieldErrors } from './personal-data.js';
import { secondsUnit } from './register-citizen.js';

export function toSummary(errors: FieldErrors) {
  return Object.entries(errors).map(([field, message]) => ({ field, message }));
}

export function RegisterPage(props: { ctx: PageContext; values?: Record<string, string>; errors?: FieldErrors; eventCode?: string }): VNode {
  const { ctx } = props;
  const lang = ctx.lang;
  const v = props.values ?? {};
  const e = props.errors ?? {};
  return (
    <Layout ctx={ctx} title={t(lang, 'registerTitle')} width="narrow">
      <ErrorSummary lang={lang} errors={toSummary(e)} />
      <PageHeading caption={t(lang, 'stepOf', { step: 1, total: 4 })} title={t(lang, 'registerTitle')} lead={t(lang, 'registerLead')} />
      <form method="post" action="/register" novalidate>
        <CsrfField token={ctx.csrfToken} />
        {props.eventCode && <input type="hidden" name="event" value={props.eventCode} />}
        <Field lang={lang} name="lastName" label={t(lang, 'lastName')} value={v.lastName} error={e.lastName} autocomplete="family-name" spellcheck={false} width="l" />
        <Field lang={lang} name="firstName" label={t(lang, 'firstName')} value={v.firstName} error={e.firstName} autocomplete="given-name" spellcheck={false} width="l" />
        <Field lang={lang} name="phone" type="tel" label={t(lang, 'phone')} hint={t(lang, 'phoneHint')} value={v.phone} error={e.phone} autocomplete="tel" inputMode="tel" width="m" />
        <p class="u-or">{t(lang, 'or')}</p>
        <Field lang={lang} name="email" type="email" label={t(lang, 'email')} hint={t(lang, 'emailHint')} value={v.email} error={e.email} autocomplete="email" spellcheck={false} width="l" />
        <Button type="submit">{t(lang, 'registerButton')}</Button>
      </form>
      <p>
        {t(lang, 'haveAccount')} <a href="/login">{t(lang, 'signInLink')}</a>
      </p>
    </Layout>
  );
}

export function CodePage(props: { ctx: PageContext; maskedPhone: string; resendInSeconds: number; error?: string; notice?: string; resendError?: string }): VNode {
  const { ctx } = props;
  const lang = ctx.lang;
  const errors: FieldErrors = {};
  if (props.error) errors.code = props.error;
  return (
    <Layout ctx={ctx} title={t(lang, 'codeTitle')} width="narrow">
      <ErrorSummary lang={lang} errors={toSummary(errors)} />
      {props.notice && (
        <Notice lang={lang} tone="success" role="status">
          {props.notice}
        </Notice>
      )}
      <PageHeading caption={t(lang, 'stepOf', { step: 1, total: 4 })} title={t(lang, 'codeTitle')} lead={t(lang, 'codeLead', { phone: props.maskedPhone })} />
      <CodeEntry lang={lang} csrf={ctx.csrfToken} confirmAction="/register/code" resendAction="/register/resend" resendInSeconds={props.resendInSeconds} error={props.error} resendError={props.resendError} />
      <p>
        <a href="/register">{t(lang, 'changeContact')}</a>
      </p>
      <script type="module" src="/static/js/resend-countdown.js"></script>
    </Layout>
  );
}

/**
 * The «Код» field with «Подтвердить», and «Получить новый код» with the wait in plain words:
 * the same on the registration page and on the cabinet's contact change. Pages load
 * /static/js/resend-countdown.js for the live countdown.
 */
export function CodeEntry(props: {
  lang: PageContext['lang'];
  csrf: string;
  confirmAction: string;
  resendAction: string;
  resendInSeconds: number;
  error?: string;
  resendError?: string;
}): VNode {
  const { lang } = props;
  return (
    <>
      <form method="post" action={props.confirmAction} novalidate>
        <CsrfField token={props.csrf} />
        <Field lang={lang} name="code" label={t(lang, 'code')} error={props.error} autocomplete="one-time-code" inputMode="numeric" width="s" maxLength={6} />
        <Button type="submit">{t(lang, 'confirm')}</Button>
      </form>
      <form method="post" action={props.resendAction} class="u-resend">
        <CsrfField token={props.csrf} />
        {props.resendInSeconds > 0 ? (
          <p class="u-hint" id="resend-wait" data-seconds={String(props.resendInSeconds)}>
            {t(lang, 'resendIn', { seconds: props.resendInSeconds, unit: secondsUnit(lang, props.resendInSeconds) })}
          </p>
        ) : null}
        {props.resendError && (
          <Notice lang={lang} tone="warning">
            {props.resendError}
          </Notice>
        )}
        <Button type="submit" variant="secondary">
          {t(lang, 'resend')}
        </Button>
      </form>
    </>
  );
}

export function EmailSentPage(props: { ctx: PageContext; maskedEmail: string; notice?: string; resendError?: string }): VNode {
  const { ctx } = props;
  const lang = ctx.lang;
  return (
    <Layout ctx={ctx} title={t(lang, 'emailSentTitle')} width="narrow">
      {props.notice && (
        <Notice lang={lang} tone="success" role="status">
          {props.notice}
        </Notice>
      )}
      <PageHeading caption={t(lang, 'stepOf', { step: 1, total: 4 })} title={t(lang, 'emailSentTitle')} lead={t(lang, 'emailSentLead', { email: props.maskedEmail })} />
      {props.resendError && (
        <Notice lang={lang} tone="warning">
          {props.resendError}
        </Notice>
      )}
      <form method="post" action="/register/resend">
        <CsrfField token={ctx.csrfToken} />
        <Button type="submit" variant="secondary">
          {t(lang, 'emailResend')}
        </Button>
      </form>
      <p>
        <a href="/register">{t(lang, 'changeContact')}</a>
      </p>
    </Layout>
  );
}

const STRENGTH_KEYS = ['strength0', 'strength1', 'strength2', 'strength3', 'strength4'] as const;

export function StrengthMeter(props: { lang: PageContext['lang']; score: number | null }): VNode {
  const { lang } = props;
  return (
    <div class="u-strength" id="password-strength" data-labels={STRENGTH_KEYS.map((k) => t(lang, k)).join('|')}>
      <span class="u-strength__label" id="password-strength-label">
        {t(lang, 'strength')}:{' '}
      </span>
      <meter class="u-strength__meter" min={0} max={4} low={2} high={3} optimum={4} value={props.score ?? 0} aria-labelledby="password-strength-label" />
      <span class="u-strength__text" aria-live="polite">
        {props.score === null ? '—' : t(lang, STRENGTH_KEYS[props.score]!)}
      </span>
    </div>
  );
}

export function SetPasswordPage(props: { ctx: PageContext; errors?: FieldErrors; score?: number | null; action: string; title?: string; step?: boolean; extra?: VNode }): VNode {
  const { ctx } = props;
  const lang = ctx.lang;
  const e = props.errors ?? {};
  return (
    <Layout ctx={ctx} title={props.title ?? t(lang, 'passwordTitle')} width="narrow">
      <ErrorSummary lang={lang} errors={toSummary(e)} />
      <PageHeading caption={props.step === false ? undefined : t(lang, 'stepOf', { step: 1, total: 4 })} title={props.title ?? t(lang, 'passwordTitle')} lead={t(lang, 'passwordLead')} />
      <form method="post" action={props.action} novalidate data-strength-form>
        <CsrfField token={ctx.csrfToken} />
        {props.extra}
        <Field lang={lang} name="password" type="password" label={t(lang, 'password')} hint={t(lang, 'passwordHint')} error={e.password} autocomplete="new-password" width="l" />
        <StrengthMeter lang={lang} score={props.score ?? null} />
        <Field lang={lang} name="passwordConfirmation" type="password" label={t(lang, 'passwordConfirmation')} error={e.passwordConfirmation} autocomplete="new-password" width="l" />
        <Button type="submit">{t(lang, 'finish')}</Button>
      </form>
      <script type="module" src="/static/js/password-strength.js"></script>
    </Layout>
  );
}

export function SignInPage(props: { ctx: PageContext; login?: string; errors?: FieldErrors; notice?: string; next?: string }): VNode {
  const { ctx } = props;
  const lang = ctx.lang;
  const e = props.errors ?? {};
  return (
    <Layout ctx={ctx} title={t(lang, 'signInTitle')} width="narrow">
      <ErrorSummary lang={lang} errors={toSummary(e)} />
      {props.notice && (
        <Notice lang={lang} tone="success" role="status">
          {props.notice}
        </Notice>
      )}
      <PageHeading title={t(lang, 'signInTitle')} lead={t(lang, 'signInLead')} />
      <form method="post" action="/login" novalidate>
        <CsrfField token={ctx.csrfToken} />
        {props.next && <input type="hidden" name="next" value={props.next} />}
        <Field lang={lang} name="login" label={t(lang, 'login')} value={props.login} error={e.login} autocomplete="username" spellcheck={false} width="l" />
        <Field lang={lang} name="password" type="password" label={t(lang, 'password')} error={e.password} autocomplete="current-password" width="l" />
        <Button type="submit">{t(lang, 'signIn')}</Button>
      </form>
      <p>
        <a href="/recover">{t(lang, 'forgot')}</a>
      </p>
      <p>
        {t(lang, 'noAccount')} <a href="/register">{t(lang, 'registerLink')}</a>
      </p>
    </Layout>
  );
}

export function RecoverPage(props: { ctx: PageContext; stage: 'contact' | 'code'; contact?: string; errors?: FieldErrors }): VNode {
  const { ctx } = props;
  const lang = ctx.lang;
  const e = props.errors ?? {};
  if (props.stage === 'contact') {
    return (
      <Layout ctx={ctx} title={t(lang, 'recoverTitle')} width="narrow">
        <ErrorSummary lang={lang} errors={toSummary(e)} />
        <PageHeading title={t(lang, 'recoverTitle')} lead={t(lang, 'recoverLead')} />
        <form method="post" action="/recover" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <Field lang={lang} name="contact" label={t(lang, 'recoverContact')} value={props.contact} error={e.contact} autocomplete="username" spellcheck={false} width="l" />
          <Button type="submit">{t(lang, 'sendCode')}</Button>
        </form>
      </Layout>
    );
  }
  return (
    <SetPasswordPage
      ctx={ctx}
      errors={e}
      action="/recover/password"
      title={t(lang, 'recoverTitle')}
      step={false}
      extra={
        <>
          <Notice lang={lang} tone="info" role="status">
            {t(lang, 'recoverSent')}
          </Notice>
          <Field lang={lang} name="code" label={t(lang, 'code')} error={e.code} autocomplete="one-time-code" inputMode="numeric" width="s" maxLength={6} />
        </>
      }
    />
  );
}

export { CheckboxField };
