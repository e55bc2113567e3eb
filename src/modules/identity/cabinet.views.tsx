/** The personal cabinet: level and next step, personal data (step 2), the checks (step 3). */
import type { VNode } from 'preact';
import type { AccountLevel } from '../../platform/policy.js';
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { Badge, Button, Card, CardGrid, CheckboxField, CsrfField, ErrorSummary, Field, Notice, PageHeading, RadioGroup, SummaryList, TextareaField } from '../../platform/views/components.js';
import type { CheckStatus } from '../verification/index.js';
import { verificationMessages } from '../verification/index.js';
import { cabinetMessages as c } from './cabinet.messages.js';
import { cabinetExtraMessages as cx } from './cabinet-extra.messages.js';
import { identityMessages as t } from './identity.messages.js';
import type { FieldErrors, PersonalDataForm } from './personal-data.js';
import { toSummary } from './identity.views.js';

const LEVEL_TONE: Record<AccountLevel, 'neutral' | 'info' | 'success'> = { simplified: 'neutral', standard: 'info', confirmed: 'success' };

export function LevelBadge(props: { lang: PageContext['lang']; level: AccountLevel }): VNode {
  return <Badge tone={LEVEL_TONE[props.level]}>{c(props.lang, `badge_${props.level}`)}</Badge>;
}

export interface CabinetSummary {
  fullName: string;
  level: AccountLevel;
  contacts: Array<{ kind: 'phone' | 'email'; masked: string; verified: boolean }>;
  hasPersonalData: boolean;
  checks: CheckStatus;
  confirmedAt: string | null;
  confirmedAtCentre: string | null;
}

export function CabinetPage(props: { ctx: PageContext; s: CabinetSummary; notice?: string }): VNode {
  const { ctx, s } = props;
  const lang = ctx.lang;
  const next =
    s.level === 'simplified'
      ? s.checks.state === 'in_progress'
        ? { title: c(lang, 'nextChecksTitle'), text: c(lang, 'nextChecksText'), href: '/cabinet/checks', label: c(lang, 'nextChecksButton') }
        : s.checks.state === 'mismatch' || s.checks.state === 'unavailable'
          ? { title: c(lang, 'nextFixTitle'), text: c(lang, 'nextFixText'), href: '/cabinet/checks', label: c(lang, 'nextFixButton') }
          : { title: c(lang, 'nextStandardTitle'), text: c(lang, 'nextStandardText'), href: '/cabinet/personal-data', label: c(lang, 'nextStandardButton') }
      : s.level === 'standard'
        ? { title: c(lang, 'nextConfirmTitle'), text: c(lang, 'nextConfirmText'), href: '/activation-points', label: c(lang, 'nextConfirmButton') }
        : null;
  return (
    <Layout ctx={ctx} title={c(lang, 'title')}>
      {props.notice && (
        <Notice lang={lang} tone="success" role="status">
          {props.notice}
        </Notice>
      )}
      <PageHeading title={s.fullName} caption={c(lang, 'title')} />
      <p class="u-level">
        <LevelBadge lang={lang} level={s.level} />
      </p>
      <p>{t(lang, s.level === 'simplified' ? 'levelSimplifiedText' : s.level === 'standard' ? 'levelStandardText' : 'levelConfirmedText')}</p>
      {s.level === 'confirmed' && s.confirmedAt && <p>{c(lang, 'confirmedAt', { date: s.confirmedAt, centre: s.confirmedAtCentre ?? '—' })}</p>}
      {next && (
        <Notice lang={lang} tone="info" title={next.title}>
          <p>{next.text}</p>
          <Button href={next.href}>{next.label}</Button>
        </Notice>
      )}
      <h2 class="u-h2">{c(lang, 'levelsTitle')}</h2>
      <CardGrid>
        {(['simplified', 'standard', 'confirmed'] as const).map((level) => (
          <Card title={c(lang, `badge_${level}`)} headingLevel={3}>
            <p>{t(lang, level === 'simplified' ? 'levelSimplifiedText' : level === 'standard' ? 'levelStandardText' : 'levelConfirmedText')}</p>
            {level === s.level && <p><strong>{c(lang, 'yourLevel')}</strong></p>}
          </Card>
        ))}
      </CardGrid>
      <h2 class="u-h2">{c(lang, 'contactsTitle')}</h2>
      <SummaryList items={s.contacts.map((x) => ({ key: t(lang, x.kind === 'phone' ? 'phone' : 'email'), value: `${x.masked}${x.verified ? '' : ` (${c(lang, 'notVerified')})`}` }))} />
      <h2 class="u-h2">{c(lang, 'sectionsTitle')}</h2>
      <ul class="u-list">
        <li><a href="/cabinet/personal-data">{c(lang, 'personalDataLink')}</a></li>
        <li><a href="/cabinet/checks">{c(lang, 'checksLink')}</a></li>
        <li><a href="/activation-points">{c(lang, 'pointsLink')}</a></li>
        <li><a href="/cabinet/contacts">{cx(lang, 'linkContacts')}</a></li>
        <li><a href="/cabinet/password">{cx(lang, 'linkPassword')}</a></li>
        <li><a href="/cabinet/sign-ins">{cx(lang, 'linkSignIns')}</a></li>
        <li><a href="/cabinet/history">{cx(lang, 'linkHistory')}</a></li>
        <li><a href="/cabinet/sessions">{cx(lang, 'linkSessions')}</a></li>
      </ul>
    </Layout>
  );
}

export function PersonalDataPage(props: { ctx: PageContext; values: PersonalDataForm; errors?: FieldErrors; readOnly?: boolean }): VNode {
  const { ctx } = props;
  const lang = ctx.lang;
  const v = props.values;
  const e = props.errors ?? {};
  return (
    <Layout ctx={ctx} title={c(lang, 'pdTitle')} width="narrow" breadcrumbs={[{ href: '/cabinet', label: c(lang, 'title') }, { label: c(lang, 'pdTitle') }]}>
      <ErrorSummary lang={lang} errors={toSummary(e)} />
      <PageHeading caption={t(lang, 'stepOf', { step: 2, total: 4 })} title={c(lang, 'pdTitle')} lead={c(lang, 'pdLead')} />
      {props.readOnly && <Notice lang={lang} tone="info">{t(lang, 'confirmedChangesAtCentre')}</Notice>}
      <form method="post" action="/cabinet/personal-data" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <fieldset class="u-fieldset" disabled={props.readOnly}>
          <legend class="u-fieldset__legend">{c(lang, 'pdPerson')}</legend>
          <Field lang={lang} name="lastName" label={t(lang, 'lastName')} value={v.lastName} error={e.lastName} autocomplete="family-name" spellcheck={false} width="l" />
          <Field lang={lang} name="firstName" label={t(lang, 'firstName')} value={v.firstName} error={e.firstName} autocomplete="given-name" spellcheck={false} width="l" />
          <Field lang={lang} name="middleName" label={t(lang, 'middleName')} value={v.middleName} error={e.middleName} autocomplete="additional-name" spellcheck={false} width="l" />
          <CheckboxField lang={lang} name="noMiddleName" label={t(lang, 'noMiddleName')} checked={v.noMiddleName === 'on'} value="on" />
          <RadioGroup lang={lang} name="gender" legend={c(lang, 'gender')} value={v.gender} error={e.gender} inline options={[{ value: 'male', label: c(lang, 'male') }, { value: 'female', label: c(lang, 'female') }]} />
          <Field lang={lang} name="birthDate" label={c(lang, 'birthDate')} hint={c(lang, 'dateHint')} value={v.birthDate} error={e.birthDate} autocomplete="bday" inputMode="numeric" width="s" />
          <Field lang={lang} name="birthPlace" label={c(lang, 'birthPlace')} hint={c(lang, 'asInPassport')} value={v.birthPlace} error={e.birthPlace} width="full" />
          <p class="u-hint">{c(lang, 'citizenship')}</p>
        </fieldset>
        <fieldset class="u-fieldset" disabled={props.readOnly}>
          <legend class="u-fieldset__legend">{c(lang, 'pdPassport')}</legend>
          <div class="u-field-row">
            <Field lang={lang} name="passportSeries" label={c(lang, 'series')} value={v.passportSeries} error={e.passportSeries} inputMode="numeric" width="xs" maxLength={5} />
            <Field lang={lang} name="passportNumber" label={c(lang, 'number')} value={v.passportNumber} error={e.passportNumber} inputMode="numeric" width="s" maxLength={7} />
          </div>
          <Field lang={lang} name="passportIssueDate" label={c(lang, 'issueDate')} hint={c(lang, 'dateHint')} value={v.passportIssueDate} error={e.passportIssueDate} inputMode="numeric" width="s" />
          <Field lang={lang} name="passportIssuerCode" label={c(lang, 'issuerCode')} hint={c(lang, 'issuerCodeHint')} value={v.passportIssuerCode} error={e.passportIssuerCode} inputMode="numeric" width="s" maxLength={7} />
          <TextareaField lang={lang} name="passportIssuedBy" label={c(lang, 'issuedBy')} hint={c(lang, 'asInPassport')} value={v.passportIssuedBy} error={e.passportIssuedBy} rows={2} />
        </fieldset>
        <fieldset class="u-fieldset" disabled={props.readOnly}>
          <legend class="u-fieldset__legend">SNILS / СНИЛС</legend>
          <Field lang={lang} name="snils" label={c(lang, 'snils')} hint={c(lang, 'snilsHint')} value={v.snils} error={e.snils} inputMode="numeric" width="m" maxLength={14} />
        </fieldset>
        <fieldset class="u-fieldset" disabled={props.readOnly}>
          <legend class="u-fieldset__legend">{c(lang, 'pdAddresses')}</legend>
          <TextareaField lang={lang} name="registrationAddress" label={c(lang, 'registrationAddress')} hint={c(lang, 'addressHint')} value={v.registrationAddress} error={e.registrationAddress} rows={2} autocomplete="street-address" />
          <CheckboxField lang={lang} name="residenceSameAsRegistration" label={c(lang, 'sameAddress')} checked={v.residenceSameAsRegistration === 'on'} value="on" />
          <TextareaField lang={lang} name="residenceAddress" label={c(lang, 'residenceAddress')} hint={c(lang, 'residenceHint')} value={v.residenceAddress} error={e.residenceAddress} rows={2} optional />
        </fieldset>
        {!props.readOnly && <Button type="submit">{c(lang, 'continue')}</Button>}
      </form>
    </Layout>
  );
}

export function ChecksPage(props: { ctx: PageContext; status: CheckStatus; level: AccountLevel }): VNode {
  const { ctx, status } = props;
  const lang = ctx.lang;
  const vm = verificationMessages;
  const running = status.state === 'in_progress';
  return (
    <Layout ctx={ctx} title={c(lang, 'checksTitle')} width="narrow" breadcrumbs={[{ href: '/cabinet', label: c(lang, 'title') }, { label: c(lang, 'checksTitle') }]}>
      <PageHeading caption={t(lang, 'stepOf', { step: 3, total: 4 })} title={c(lang, 'checksTitle')} lead={c(lang, running ? 'checksRunning' : 'checksLead')} />
      <ul class="u-checks" aria-live="polite" id="checks-list" data-running={running ? 'true' : 'false'}>
        {status.registries.map((r) => (
          <li class={`u-checks__item u-checks__item--${r.status}`}>
            <strong>{vm(lang, `registry_${r.registry}`)}</strong>: {vm(lang, `status_${r.status}`)}
            {r.reason && <span> — {vm(lang, `reason_${r.reason}` as never)}</span>}
          </li>
        ))}
      </ul>
      {status.state === 'none' && <Notice lang={lang} tone="info">{c(lang, 'checksNone')}</Notice>}
      {status.state === 'passed' && (
        <Notice lang={lang} tone="success" title={c(lang, 'checksPassedTitle')}>
          <p>{c(lang, 'checksPassedText')}</p>
          <Button href="/activation-points">{c(lang, 'nextConfirmButton')}</Button>
        </Notice>
      )}
      {status.state === 'mismatch' && (
        <Notice lang={lang} tone="error" title={c(lang, 'checksMismatchTitle')}>
          <p>{c(lang, 'checksMismatchText')}</p>
          <Button href="/cabinet/personal-data">{c(lang, 'nextFixButton')}</Button>
        </Notice>
      )}
      {status.state === 'unavailable' && (
        <Notice lang={lang} tone="warning" title={c(lang, 'checksUnavailableTitle')}>
          <p>{c(lang, 'checksUnavailableText')}</p>
        </Notice>
      )}
      {running && (
        <p>
          <a href="/cabinet/checks">{c(lang, 'refresh')}</a>
        </p>
      )}
      <p>
        <a href="/cabinet">{c(lang, 'backToCabinet')}</a>
      </p>
      {running && <script type="module" src="/static/js/checks-poll.js"></script>}
    </Layout>
  );
}
