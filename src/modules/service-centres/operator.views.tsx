/** Pages of the operator's workplace: big, plain forms for a desk; Russian first. */
import type { ComponentChildren, VNode } from 'preact';
import { formatDate, formatDateTime, formatNumber, type Lang } from '../../platform/i18n.js';
import { Layout, type PageContext } from '../../platform/views/layout.js';
import {
  Badge,
  Button,
  ButtonGroup,
  CheckboxField,
  CsrfField,
  ErrorSummary,
  Field,
  Notice,
  PageHeading,
  RadioGroup,
  SelectField,
  SummaryList,
  Table,
  Tabs,
  TextareaField,
  type BreadcrumbItem,
  type SelectOption,
} from '../../platform/views/components.js';
import { LevelBadge } from '../identity/cabinet.views.js';
import { cabinetMessages as c } from '../identity/cabinet.messages.js';
import { identityMessages as idt } from '../identity/identity.messages.js';
import { toSummary } from '../identity/identity.views.js';
import type { FieldErrors } from '../identity/personal-data.js';
import type { FiguresRow } from './centre-figures.js';
import { addDays, quarterOf } from './centre-figures.js';
import { DELETION_REASONS, DESTROYED_CATEGORIES } from './delete-account.js';
import type { IneligibleReason } from './eligibility.js';
import { SEARCH_KINDS, type SearchKind } from './find-citizens.js';
import type { AuditRecord, ExtractRow, HistoryRow } from './operator.repository.js';
import { operatorMessages as t, type OperatorMessageKey } from './operator.messages.js';
import type { CentreCapability } from './operator.policy.js';
import { fullName, type CitizenCardView, type SearchResultView } from './operator.presenter.js';

type Values = Record<string, string | undefined>;

export interface CentreSummary {
  name: string;
  address: string;
  municipalityName: string;
  capabilities: readonly CentreCapability[];
}

export interface Allowed {
  find: boolean;
  register: boolean;
  confirm: boolean;
  restore: boolean;
  delete: boolean;
  passport: boolean;
}

const CAPABILITIES: CentreCapability[] = ['register', 'confirm', 'restore', 'delete'];

/** The registration form's fields in the order they appear, so the error summary reads top to bottom. */
const REGISTER_ORDER = [
  'lastName', 'firstName', 'middleName', 'gender', 'birthDate', 'birthPlace', 'phone', 'email',
  'passportSeries', 'passportNumber', 'passportIssueDate', 'passportIssuerCode', 'passportIssuedBy',
  'snils', 'registrationAddress', 'residenceAddress', 'eventCode',
];
const PASSPORT_ORDER = ['passportSeries', 'passportNumber', 'passportIssueDate', 'passportIssuerCode', 'passportIssuedBy', 'sendTo', 'newPhone'];

function ordered(errors: FieldErrors, order: readonly string[]): FieldErrors {
  const rank = (f: string) => (order.includes(f) ? order.indexOf(f) : order.length);
  return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b)));
}

const home = (lang: Lang): BreadcrumbItem => ({ href: '/operator', label: t(lang, 'workplaceTitle') });

function cardCrumbs(lang: Lang, citizenId: string, name: string, here: string): BreadcrumbItem[] {
  return [home(lang), { href: `/operator/citizens/${citizenId}`, label: name || t(lang, 'cardTitle') }, { label: here }];
}

/** An action's history label, or the action code when there is none. */
export function historyLabel(lang: Lang, action: string): string {
  return (t.keys as readonly string[]).includes(action) ? t(lang, action as OperatorMessageKey) : action;
}

// ------------------------------------------------------------------ home + search

export function WorkplacePage(props: {
  ctx: PageContext;
  centre: CentreSummary;
  allowed: Allowed;
  by: SearchKind;
  values?: Values;
  errors?: FieldErrors;
  results?: SearchResultView[] | null;
}): VNode {
  const { ctx, centre, allowed, by } = props;
  const lang = ctx.lang;
  const v = props.values ?? {};
  const e = props.errors ?? {};
  return (
    <Layout ctx={ctx} title={t(lang, 'workplaceTitle')}>
      <ErrorSummary lang={lang} errors={toSummary(e)} />
      <PageHeading caption={centre.name} title={t(lang, 'workplaceTitle')} />
      <SummaryList
        items={[
          { key: t(lang, 'centre'), value: centre.name },
          { key: t(lang, 'centreAddress'), value: centre.address },
          {
            key: t(lang, 'centreCan'),
            value: (
              <ul class="u-list">
                {CAPABILITIES.map((cap) => (
                  <li>
                    {t(lang, `cap_${cap}`)}:{' '}
                    {centre.capabilities.includes(cap) ? <Badge tone="success">{t(lang, 'capYes')}</Badge> : <Badge tone="neutral">{t(lang, 'capNo')}</Badge>}
                  </li>
                ))}
              </ul>
            ),
          },
        ]}
      />
      {allowed.register && (
        <ButtonGroup>
          <Button href="/operator/register">{t(lang, 'navRegister')}</Button>
          <Button href="/operator/figures" variant="secondary">
            {t(lang, 'navFigures')}
          </Button>
        </ButtonGroup>
      )}
      <h2 class="u-h2" id="search">
        {t(lang, 'searchTitle')}
      </h2>
      {allowed.find ? (
        <>
          <p>{t(lang, 'searchLead')}</p>
          <Tabs label={t(lang, 'searchTabs')} items={SEARCH_KINDS.map((k) => ({ href: `/operator?by=${k}${v.visit ? `&visit=${v.visit}` : ''}#search`, label: t(lang, `by_${k}`), current: k === by }))} />
          <form method="post" action="/operator/search" novalidate>
            <CsrfField token={ctx.csrfToken} />
            <input type="hidden" name="kind" value={by} />
            {v.visit && <input type="hidden" name="visit" value={v.visit} />}
            {by === 'snils' && <Field lang={lang} name="snils" label={t(lang, 'by_snils')} hint={c(lang, 'snilsHint')} value={v.snils} error={e.snils} inputMode="numeric" width="m" maxLength={14} />}
            {by === 'phone' && <Field lang={lang} name="phone" type="tel" label={idt(lang, 'phone')} hint={idt(lang, 'phoneHint').split('.')[0] + '.'} value={v.phone} error={e.phone} inputMode="tel" width="m" />}
            {by === 'email' && <Field lang={lang} name="email" type="email" label={idt(lang, 'email')} value={v.email} error={e.email} spellcheck={false} width="l" />}
            {by === 'name' && (
              <>
                <Field lang={lang} name="lastName" label={idt(lang, 'lastName')} value={v.lastName} error={e.lastName} spellcheck={false} width="l" />
                <Field lang={lang} name="firstName" label={idt(lang, 'firstName')} value={v.firstName} error={e.firstName} spellcheck={false} width="l" />
                <Field lang={lang} name="birthDate" label={c(lang, 'birthDate')} hint={c(lang, 'dateHint')} value={v.birthDate} error={e.birthDate} inputMode="numeric" width="s" />
              </>
            )}
            <Button type="submit">{t(lang, 'searchButton')}</Button>
          </form>
          {props.results && <SearchResults lang={lang} results={props.results} canRegister={allowed.register} visit={v.visit} />}
        </>
      ) : (
        <Notice lang={lang} tone="info">
          {t(lang, 'searchNotAllowed')}
        </Notice>
      )}
      {!allowed.register && (
        <p>
          <a href="/operator/figures">{t(lang, 'navFigures')}</a>
        </p>
      )}
    </Layout>
  );
}

function SearchResults(props: { lang: Lang; results: SearchResultView[]; canRegister: boolean; visit?: string }): VNode {
  const { lang, results } = props;
  if (results.length === 0) {
    return (
      <div role="status">
        <Notice lang={lang} tone="warning" title={t(lang, 'notFoundTitle')}>
          <p>{t(lang, 'notFoundText')}</p>
          {props.canRegister && <Button href="/operator/register">{t(lang, 'registerButton')}</Button>}
        </Notice>
      </div>
    );
  }
  return (
    <div role="status">
      <h2 class="u-h2">{t(lang, 'resultsTitle')}</h2>
      <Table
        lang={lang}
        caption={t(lang, 'resultsCaption', { n: results.length })}
        stackOnMobile
        columns={[
          { key: 'name', label: t(lang, 'colName'), rowHeader: true },
          { key: 'year', label: t(lang, 'colBirthYear') },
          { key: 'level', label: t(lang, 'colLevel') },
          { key: 'phone', label: t(lang, 'colPhone') },
        ]}
        rows={results.map((r) => ({
          name: <a href={`/operator/citizens/${r.id}${props.visit ? `?visit=${props.visit}` : ''}`}>{r.fullName}</a>,
          year: r.birthYear ?? '—',
          level: (
            <>
              <LevelBadge lang={lang} level={r.level} />
              {r.status === 'pending' && (
                <>
                  {' '}
                  <Badge tone="warning">{t(lang, 'status_pending')}</Badge>
                </>
              )}
            </>
          ),
          phone: r.maskedPhone ?? t(lang, 'noPhone'),
        }))}
      />
    </div>
  );
}

// ------------------------------------------------------------------ citizen card

export interface CardExtras {
  registered: string | null;
  confirmed: string | null;
  deletedAt: Date | null;
  deletionActSeq: number | null;
  timeZone: string;
}

export function CitizenCardPage(props: { ctx: PageContext; card: CitizenCardView; extras: CardExtras; allowed: Allowed; history: HistoryRow[]; notice?: string; visit?: string }): VNode {
  const { ctx, card, extras, allowed } = props;
  const lang = ctx.lang;
  const name = fullName(card.lastName, card.firstName, card.middleName);
  const deleted = card.status === 'deleted';
  const actions: VNode[] = [];
  if (!deleted) {
    if (allowed.confirm && card.level !== 'confirmed') actions.push(<Button href={`/operator/citizens/${card.id}/confirm${props.visit ? `?visit=${props.visit}` : ''}`}>{t(lang, 'actConfirm')}</Button>);
    if (allowed.restore) actions.push(<Button href={`/operator/citizens/${card.id}/restore`} variant="secondary">{t(lang, 'actRestore')}</Button>);
    if (allowed.passport && card.hasPersonalData) actions.push(<Button href={`/operator/citizens/${card.id}/passport`} variant="secondary">{t(lang, 'actPassport')}</Button>);
    if (allowed.delete) actions.push(<Button href={`/operator/citizens/${card.id}/delete`} variant="danger">{t(lang, 'actDelete')}</Button>);
  }
  return (
    <Layout ctx={ctx} title={deleted ? t(lang, 'cardTitle') : `${name} — ${t(lang, 'cardTitle')}`} breadcrumbs={[home(lang), { label: deleted ? t(lang, 'cardTitle') : name }]}>
      {props.notice && (
        <Notice lang={lang} tone="success" role="status">
          {props.notice}
        </Notice>
      )}
      <PageHeading caption={t(lang, 'cardTitle')} title={deleted ? t(lang, 'status_deleted') : name} />
      {deleted ? (
        <Notice lang={lang} tone="info">
          <p>{t(lang, 'deletedNotice', { date: extras.deletedAt ? formatDate(lang, extras.deletedAt, extras.timeZone) : '—' })}</p>
          {extras.deletionActSeq !== null && (
            <p>
              <a href={`/operator/deletions/${extras.deletionActSeq}`}>{t(lang, 'deletionAct')}</a>
            </p>
          )}
        </Notice>
      ) : (
        <>
          <SummaryList
            items={[
              { key: t(lang, 'status'), value: t(lang, `status_${card.status}`) },
              { key: t(lang, 'level'), value: <LevelBadge lang={lang} level={card.level} /> },
              { key: t(lang, 'fullName'), value: name },
              { key: c(lang, 'birthDate'), value: card.birthDate ? formatIso(lang, card.birthDate) : '—' },
              {
                key: t(lang, 'contacts'),
                value: card.contacts.length ? (
                  <ul class="u-list">
                    {card.contacts.map((x) => (
                      <li>
                        {idt(lang, x.kind === 'phone' ? 'phone' : 'email')}: {x.masked}
                        {!x.verified && ` (${c(lang, 'notVerified')})`}
                      </li>
                    ))}
                  </ul>
                ) : (
                  t(lang, 'noContacts')
                ),
              },
              { key: t(lang, 'registered'), value: extras.registered ?? '—' },
              { key: t(lang, 'confirmed'), value: extras.confirmed ?? t(lang, 'notConfirmed') },
            ]}
          />
          <h2 class="u-h2">{t(lang, 'documentsTitle')}</h2>
          {card.hasPersonalData ? (
            <SummaryList
              items={[
                { key: t(lang, 'passport'), value: card.passport },
                { key: t(lang, 'snils'), value: card.snils },
                { key: t(lang, 'checks'), value: t(lang, `checks_${card.checks}`) },
              ]}
            />
          ) : (
            <p>{t(lang, 'noPersonalData')}</p>
          )}
          <h2 class="u-h2">{t(lang, 'actionsTitle')}</h2>
          {actions.length ? <ButtonGroup>{actions}</ButtonGroup> : <p>{t(lang, 'noActions')}</p>}
        </>
      )}
      <h2 class="u-h2">{t(lang, 'historyTitle')}</h2>
      <Table
        lang={lang}
        caption={t(lang, 'historyCaption')}
        captionHidden
        stackOnMobile
        columns={[
          { key: 'when', label: t(lang, 'colWhen') },
          { key: 'what', label: t(lang, 'colWhat') },
          { key: 'who', label: t(lang, 'colWho') },
        ]}
        rows={props.history.map((h) => ({
          when: formatDateTime(lang, h.at, extras.timeZone),
          what: historyLabel(lang, h.action),
          who: whoLabel(lang, h),
        }))}
      />
    </Layout>
  );
}

function whoLabel(lang: Lang, h: { actorType: string; actorName: string | null; centreName: string | null }): string {
  if (h.actorType === 'citizen') return t(lang, 'who_citizen');
  if (h.actorType === 'system') return t(lang, 'who_system');
  return [h.actorName ?? t(lang, 'who_staff'), h.centreName].filter(Boolean).join(', ');
}

export function formatIso(lang: Lang, iso: string): string {
  const [y, m, d] = iso.split('-');
  return lang === 'ru' ? `${d}.${m}.${y}` : iso;
}

// ------------------------------------------------------------------ register at the desk

export function RegisterPage(props: { ctx: PageContext; values: Values; errors?: FieldErrors; existingCitizenId?: string }): VNode {
  const { ctx } = props;
  const lang = ctx.lang;
  const v = props.values;
  const e = ordered(props.errors ?? {}, REGISTER_ORDER);
  return (
    <Layout ctx={ctx} title={t(lang, 'registerTitle')} width="narrow" breadcrumbs={[home(lang), { label: t(lang, 'registerTitle') }]}>
      <ErrorSummary lang={lang} errors={toSummary(e)} />
      {props.existingCitizenId && (
        <Notice lang={lang} tone="warning" title={t(lang, 'existingTitle')}>
          <p>{t(lang, 'snilsRegistered')}</p>
          <p>
            <a href={`/operator/citizens/${props.existingCitizenId}`}>{t(lang, 'openExisting')}</a>
          </p>
        </Notice>
      )}
      <PageHeading title={t(lang, 'registerTitle')} lead={t(lang, 'registerLead')} />
      <form method="post" action="/operator/register" novalidate>
        <CsrfField token={ctx.csrfToken} />
        {v.visit && <input type="hidden" name="visit" value={v.visit} />}
        <fieldset class="u-fieldset">
          <legend class="u-h2">{t(lang, 'personLegend')}</legend>
          <Field lang={lang} name="lastName" label={idt(lang, 'lastName')} value={v.lastName} error={e.lastName} autocomplete="off" spellcheck={false} width="l" />
          <Field lang={lang} name="firstName" label={idt(lang, 'firstName')} value={v.firstName} error={e.firstName} autocomplete="off" spellcheck={false} width="l" />
          <Field lang={lang} name="middleName" label={idt(lang, 'middleName')} value={v.middleName} error={e.middleName} autocomplete="off" spellcheck={false} width="l" />
          <CheckboxField lang={lang} name="noMiddleName" label={idt(lang, 'noMiddleName')} checked={v.noMiddleName === 'on'} value="on" />
          <RadioGroup lang={lang} name="gender" legend={c(lang, 'gender')} value={v.gender} error={e.gender} inline options={[{ value: 'male', label: c(lang, 'male') }, { value: 'female', label: c(lang, 'female') }]} />
          <Field lang={lang} name="birthDate" label={c(lang, 'birthDate')} hint={c(lang, 'dateHint')} value={v.birthDate} error={e.birthDate} autocomplete="off" inputMode="numeric" width="s" />
          <Field lang={lang} name="birthPlace" label={c(lang, 'birthPlace')} hint={c(lang, 'asInPassport')} value={v.birthPlace} error={e.birthPlace} autocomplete="off" width="full" />
          <p class="u-hint">{c(lang, 'citizenship')}</p>
        </fieldset>
        <fieldset class="u-fieldset">
          <legend class="u-h2">{t(lang, 'contactsLegend')}</legend>
          <Field lang={lang} name="phone" type="tel" label={idt(lang, 'phone')} hint={t(lang, 'phoneHint')} value={v.phone} error={e.phone} autocomplete="off" inputMode="tel" width="m" />
          <Field lang={lang} name="email" type="email" label={idt(lang, 'email')} hint={t(lang, 'emailHint')} value={v.email} error={e.email} autocomplete="off" spellcheck={false} width="l" optional />
        </fieldset>
        <PassportFields lang={lang} legend={c(lang, 'pdPassport')} values={v} errors={e} />
        <fieldset class="u-fieldset">
          <legend class="u-h2">{c(lang, 'snils')}</legend>
          <Field lang={lang} name="snils" label={t(lang, 'snilsNumber')} hint={c(lang, 'snilsHint')} value={v.snils} error={e.snils} autocomplete="off" inputMode="numeric" width="m" maxLength={14} />
        </fieldset>
        <fieldset class="u-fieldset">
          <legend class="u-h2">{c(lang, 'pdAddresses')}</legend>
          <TextareaField lang={lang} name="registrationAddress" label={c(lang, 'registrationAddress')} hint={c(lang, 'addressHint')} value={v.registrationAddress} error={e.registrationAddress} rows={2} autocomplete="off" />
          <CheckboxField lang={lang} name="residenceSameAsRegistration" label={c(lang, 'sameAddress')} checked={v.residenceSameAsRegistration === 'on'} value="on" />
          <TextareaField lang={lang} name="residenceAddress" label={c(lang, 'residenceAddress')} hint={c(lang, 'residenceHint')} value={v.residenceAddress} error={e.residenceAddress} rows={2} optional autocomplete="off" />
        </fieldset>
        <fieldset class="u-fieldset">
          <legend class="u-h2">{t(lang, 'eventLegend')}</legend>
          <Field lang={lang} name="eventCode" label={t(lang, 'eventCode')} hint={t(lang, 'eventCodeHint')} value={v.eventCode} error={e.eventCode} autocomplete="off" spellcheck={false} width="m" maxLength={40} optional />
        </fieldset>
        <Button type="submit">{t(lang, 'registerSubmit')}</Button>
      </form>
    </Layout>
  );
}

function PassportFields(props: { lang: Lang; legend: string; values: Values; errors: FieldErrors; full?: boolean }): VNode {
  const { lang, values: v, errors: e } = props;
  const full = props.full ?? true;
  return (
    <fieldset class="u-fieldset">
      <legend class="u-h2">{props.legend}</legend>
      <div class="u-field-row">
        <Field lang={lang} name="passportSeries" label={c(lang, 'series')} value={v.passportSeries} error={e.passportSeries} autocomplete="off" inputMode="numeric" width="xs" maxLength={5} />
        <Field lang={lang} name="passportNumber" label={c(lang, 'number')} value={v.passportNumber} error={e.passportNumber} autocomplete="off" inputMode="numeric" width="s" maxLength={7} />
      </div>
      {full && (
        <>
          <Field lang={lang} name="passportIssueDate" label={c(lang, 'issueDate')} hint={c(lang, 'dateHint')} value={v.passportIssueDate} error={e.passportIssueDate} autocomplete="off" inputMode="numeric" width="s" />
          <Field lang={lang} name="passportIssuerCode" label={c(lang, 'issuerCode')} hint={c(lang, 'issuerCodeHint')} value={v.passportIssuerCode} error={e.passportIssuerCode} autocomplete="off" inputMode="numeric" width="s" maxLength={7} />
          <TextareaField lang={lang} name="passportIssuedBy" label={c(lang, 'issuedBy')} hint={c(lang, 'asInPassport')} value={v.passportIssuedBy} error={e.passportIssuedBy} rows={2} autocomplete="off" />
        </>
      )}
    </fieldset>
  );
}

// ------------------------------------------------------------------ actions on an account

export interface Subject {
  id: string;
  name: string;
  level: CitizenCardView['level'];
}

function ActionShell(props: {
  ctx: PageContext;
  subject: Subject;
  title: string;
  lead: string;
  errors: FieldErrors;
  blocker?: IneligibleReason | null;
  /** the message for «no personal data» on this page, when it differs from confirmation's */
  noPersonalData?: OperatorMessageKey;
  children: ComponentChildren;
}): VNode {
  const { ctx, subject } = props;
  const lang = ctx.lang;
  return (
    <Layout ctx={ctx} title={props.title} width="narrow" breadcrumbs={cardCrumbs(lang, subject.id, subject.name, props.title)}>
      <ErrorSummary lang={lang} errors={toSummary(ordered(props.errors, PASSPORT_ORDER))} />
      <PageHeading caption={subject.name} title={props.title} lead={props.blocker ? undefined : props.lead} />
      {subject.name && (
        <p>
          <LevelBadge lang={lang} level={subject.level} />
        </p>
      )}
      {props.blocker ? (
        <Notice lang={lang} tone="warning" title={t(lang, 'blockedTitle')}>
          <p>{t(lang, props.blocker === 'no_personal_data' && props.noPersonalData ? props.noPersonalData : `why_${props.blocker}`)}</p>
        </Notice>
      ) : (
        props.children
      )}
      <p>
        <a href={`/operator/citizens/${subject.id}`}>{t(lang, 'backToCard')}</a>
      </p>
    </Layout>
  );
}

export function ConfirmPage(props: { ctx: PageContext; subject: Subject; values?: Values; errors?: FieldErrors; blocker?: IneligibleReason | null }): VNode {
  const { ctx, subject } = props;
  const lang = ctx.lang;
  const e = props.errors ?? {};
  return (
    <ActionShell ctx={ctx} subject={subject} title={t(lang, 'confirmTitle')} lead={t(lang, 'confirmLead')} errors={e} blocker={props.blocker}>
      <form method="post" action={`/operator/citizens/${subject.id}/confirm`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        {props.values?.visit && <input type="hidden" name="visit" value={props.values.visit} />}
        <PassportFields lang={lang} legend={t(lang, 'passportCheckLegend')} values={props.values ?? {}} errors={e} full={false} />
        <Button type="submit">{t(lang, 'confirmSubmit')}</Button>
      </form>
    </ActionShell>
  );
}

export function RestorePage(props: { ctx: PageContext; subject: Subject; currentPhone: string | null; values?: Values; errors?: FieldErrors; blocker?: IneligibleReason | null }): VNode {
  const { ctx, subject } = props;
  const lang = ctx.lang;
  const v = props.values ?? {};
  const e = props.errors ?? {};
  return (
    <ActionShell ctx={ctx} subject={subject} title={t(lang, 'restoreTitle')} lead={t(lang, 'restoreLead')} errors={e} blocker={props.blocker} noPersonalData="why_restore_no_personal_data">
      <form method="post" action={`/operator/citizens/${subject.id}/restore`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <PassportFields lang={lang} legend={t(lang, 'passportCheckLegend')} values={v} errors={e} full={false} />
        {props.currentPhone ? (
          <RadioGroup
            lang={lang}
            name="sendTo"
            legend={t(lang, 'sendTo')}
            value={v.sendTo ?? 'current'}
            error={e.sendTo}
            options={[
              { value: 'current', label: t(lang, 'sendToCurrent', { phone: props.currentPhone }) },
              { value: 'new', label: t(lang, 'sendToNew') },
            ]}
          />
        ) : (
          <input type="hidden" name="sendTo" value="new" />
        )}
        <Field lang={lang} name="newPhone" type="tel" label={t(lang, 'newPhone')} hint={t(lang, 'newPhoneHint')} value={v.newPhone} error={e.newPhone} autocomplete="off" inputMode="tel" width="m" optional={Boolean(props.currentPhone)} />
        <Button type="submit">{t(lang, 'restoreSubmit')}</Button>
      </form>
    </ActionShell>
  );
}

export function PassportUpdatePage(props: { ctx: PageContext; subject: Subject; currentPassport: string | null; values?: Values; errors?: FieldErrors; blocker?: IneligibleReason | null }): VNode {
  const { ctx, subject } = props;
  const lang = ctx.lang;
  const e = props.errors ?? {};
  return (
    <ActionShell ctx={ctx} subject={subject} title={t(lang, 'passportTitle')} lead={t(lang, 'passportLead')} errors={e} blocker={props.blocker} noPersonalData="why_passport_no_personal_data">
      {props.currentPassport && <p>{t(lang, 'currentPassport', { masked: props.currentPassport })}</p>}
      <form method="post" action={`/operator/citizens/${subject.id}/passport`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <PassportFields lang={lang} legend={t(lang, 'newPassportLegend')} values={props.values ?? {}} errors={e} />
        <Button type="submit">{t(lang, 'passportSubmit')}</Button>
      </form>
    </ActionShell>
  );
}

export function DeletePage(props: { ctx: PageContext; subject: Subject; values?: Values; errors?: FieldErrors; blocker?: IneligibleReason | null }): VNode {
  const { ctx, subject } = props;
  const lang = ctx.lang;
  const v = props.values ?? {};
  const e = props.errors ?? {};
  const options: SelectOption[] = DELETION_REASONS.map((r) => ({ value: r, label: t(lang, `reason_${r}`) }));
  return (
    <ActionShell ctx={ctx} subject={subject} title={t(lang, 'deleteTitle')} lead={t(lang, 'deleteLead')} errors={e} blocker={props.blocker}>
      <form method="post" action={`/operator/citizens/${subject.id}/delete`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <SelectField lang={lang} name="reason" label={t(lang, 'reason')} options={options} value={v.reason} error={e.reason} emptyOption />
        <TextareaField lang={lang} name="reasonText" label={t(lang, 'reasonText')} hint={t(lang, 'reasonTextHint')} value={v.reasonText} error={e.reasonText} rows={2} maxLength={200} optional />
        <CheckboxField lang={lang} name="confirm" label={t(lang, 'deleteConfirm')} checked={v.confirm === 'on'} value="on" error={e.confirm} />
        <p>{t(lang, 'deleteNotify')}</p>
        <Button type="submit" variant="danger">
          {t(lang, 'deleteSubmit')}
        </Button>
      </form>
    </ActionShell>
  );
}

// ------------------------------------------------------------------ act of destruction

export interface DeletionActView {
  record: AuditRecord;
  reasonCode: string;
  reasonText: string | null;
  centreName: string;
  centreAddress: string;
  operatorName: string;
  extract: ExtractRow[];
  timeZone: string;
}

export function DeletionActPage(props: { ctx: PageContext; act: DeletionActView; justDone?: boolean }): VNode {
  const { ctx, act } = props;
  const lang = ctx.lang;
  const r = act.record;
  const reasonLabel = (DELETION_REASONS as readonly string[]).includes(act.reasonCode) ? t(lang, `reason_${act.reasonCode}` as OperatorMessageKey) : act.reasonCode;
  const title = t(lang, 'actTitle', { number: r.seq });
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={[home(lang), { label: title }]}>
      {props.justDone && (
        <Notice lang={lang} tone="success" role="status">
          {t(lang, 'actDone')}
        </Notice>
      )}
      <PageHeading title={title} lead={t(lang, 'actLead')} />
      <SummaryList
        items={[
          { key: t(lang, 'actDate'), value: formatDateTime(lang, r.at, act.timeZone, true) },
          { key: t(lang, 'actSystem'), value: t(lang, 'actSystemValue') },
          { key: t(lang, 'actSubject'), value: t(lang, 'actSubjectValue', { id: r.subjectId ?? '—' }) },
          { key: t(lang, 'actReason'), value: act.reasonText ? `${reasonLabel}: ${act.reasonText}` : reasonLabel },
          { key: t(lang, 'actCentre'), value: `${act.centreName}, ${act.centreAddress}` },
          { key: t(lang, 'actOperator'), value: act.operatorName },
          {
            key: t(lang, 'actCategories'),
            value: (
              <ul class="u-list">
                {DESTROYED_CATEGORIES.map((k) => (
                  <li>{t(lang, `cat_${k}`)}</li>
                ))}
              </ul>
            ),
          },
          { key: t(lang, 'actMethod'), value: t(lang, 'actMethodValue') },
          { key: t(lang, 'actAuditRecord'), value: t(lang, 'actAuditValue', { seq: r.seq, hash: (r.hash.match(/.{1,16}/g) ?? []).join(' ') }) },
        ]}
      />
      <h2 class="u-h2">{t(lang, 'extractTitle')}</h2>
      <Table
        lang={lang}
        caption={t(lang, 'extractCaption', { id: r.subjectId ?? '—' })}
        stackOnMobile
        columns={[
          { key: 'seq', label: t(lang, 'colSeq'), numeric: true },
          { key: 'when', label: t(lang, 'colWhen') },
          { key: 'what', label: t(lang, 'colWhat') },
          { key: 'who', label: t(lang, 'colWho') },
        ]}
        rows={act.extract.map((x) => ({
          seq: String(x.seq),
          when: formatDateTime(lang, x.at, act.timeZone),
          what: historyLabel(lang, x.action),
          who: whoLabel(lang, { actorType: x.actorType, actorName: x.actorName, centreName: x.centreName }),
        }))}
      />
      <h2 class="u-h2">{t(lang, 'signaturesTitle')}</h2>
      <SummaryList
        items={[
          { key: t(lang, 'signOperator'), value: `________________ / ${act.operatorName}` },
          { key: t(lang, 'signResponsible'), value: t(lang, 'signLine') },
        ]}
      />
      <p class="u-hint">{t(lang, 'printHint')}</p>
    </Layout>
  );
}

// ------------------------------------------------------------------ figures

export interface FiguresView {
  centreName: string;
  municipalityName: string;
  timeZone: string;
  year: string;
  days: Array<{ start: string; centre: FiguresRow; municipality: FiguresRow }>;
  weeks: Array<{ start: string; centre: FiguresRow; municipality: FiguresRow }>;
  quarters: Array<{ start: string; centre: FiguresRow; municipality: FiguresRow }>;
}

const ROMAN = ['I', 'II', 'III', 'IV'];

export function FiguresPage(props: { ctx: PageContext; f: FiguresView; chooseHref?: string }): VNode {
  const { ctx, f } = props;
  const lang = ctx.lang;
  const n = (x: number) => formatNumber(lang, x);
  const table = (caption: string, periodLabel: string, rows: FiguresView['days'], label: (start: string) => string) => {
    const sum = (pick: (r: FiguresView['days'][number]) => number) => rows.reduce((s, r) => s + pick(r), 0);
    return (
      <Table
        lang={lang}
        caption={caption}
        columns={[
          { key: 'period', label: periodLabel, rowHeader: true },
          { key: 'cr', label: t(lang, 'colCentreReg'), numeric: true },
          { key: 'cc', label: t(lang, 'colCentreConf'), numeric: true },
          { key: 'mr', label: t(lang, 'colMunReg'), numeric: true },
          { key: 'mc', label: t(lang, 'colMunConf'), numeric: true },
        ]}
        rows={[
          ...rows.map((r) => ({ period: label(r.start), cr: n(r.centre.registrations), cc: n(r.centre.confirmations), mr: n(r.municipality.registrations), mc: n(r.municipality.confirmations) })),
          {
            period: t(lang, 'total'),
            cr: n(sum((r) => r.centre.registrations)),
            cc: n(sum((r) => r.centre.confirmations)),
            mr: n(sum((r) => r.municipality.registrations)),
            mc: n(sum((r) => r.municipality.confirmations)),
          },
        ]}
      />
    );
  };
  return (
    <Layout ctx={ctx} title={`${t(lang, 'figuresTitle')} — ${f.centreName}`} breadcrumbs={[home(lang), { label: t(lang, 'figuresTitle') }]}>
      <PageHeading caption={f.centreName} title={t(lang, 'figuresTitle')} lead={t(lang, 'figuresLead', { centre: f.centreName, municipality: f.municipalityName, tz: f.timeZone })} />
      {props.chooseHref && (
        <p>
          <a href={props.chooseHref}>{t(lang, 'otherCentre')}</a>
        </p>
      )}
      <p>{t(lang, 'figuresNote')}</p>
      {table(t(lang, 'daysCaption'), t(lang, 'colDay'), [...f.days].reverse(), (s) => formatIso(lang, s))}
      {table(t(lang, 'weeksCaption'), t(lang, 'colWeek'), [...f.weeks].reverse(), (s) => t(lang, 'weekLabel', { from: formatIso(lang, s), to: formatIso(lang, addDays(s, 6)) }))}
      {table(t(lang, 'quartersCaption', { year: f.year }), t(lang, 'colQuarter'), f.quarters, (s) =>
        t(lang, 'quarterLabel', { q: lang === 'ru' ? ROMAN[quarterOf(s) - 1]! : quarterOf(s), year: s.slice(0, 4) }),
      )}
    </Layout>
  );
}

export function ChooseCentrePage(props: { ctx: PageContext; centres: Array<{ key: string; name: string; municipalityName: string }>; value?: string; error?: string }): VNode {
  const { ctx } = props;
  const lang = ctx.lang;
  const errors: FieldErrors = props.error ? { centre: props.error } : {};
  return (
    <Layout ctx={ctx} title={t(lang, 'figuresTitle')} width="narrow">
      <ErrorSummary lang={lang} errors={toSummary(errors)} />
      <PageHeading title={t(lang, 'figuresTitle')} lead={t(lang, 'chooseCentreLead')} />
      <form method="get" action="/operator/figures">
        <SelectField
          lang={lang}
          name="centre"
          label={t(lang, 'chooseCentre')}
          value={props.value}
          error={props.error}
          emptyOption
          options={props.centres.map((x) => ({ value: x.key, label: `${x.municipalityName}: ${x.name}` }))}
        />
        <Button type="submit">{t(lang, 'showFigures')}</Button>
      </form>
    </Layout>
  );
}
