/** Pages of the reception section: the desk (one decision per step, big type), figures, settings, staff. Russian first. */
import type { VNode } from 'preact';
import { formatDateTime, formatNumber, type Lang } from '../../platform/i18n.js';
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
  TextareaField,
  type FieldError,
  type SelectOption,
} from '../../platform/views/components.js';
import { formatNumberRu } from '../scoring/formula/explain.js';
import { COMPETENCIES_ALL, COMPETENCIES_DOCUMENTS } from './competencies/profile.js';
import { dialogMessages as d } from './dialog/dialog.messages.js';
import { STEPS, type Answer, type DialogState, type Outcome } from './dialog/machine.js';
import type { FiguresGroupRow, FiguresGrouping, ReceptionFigures } from './figures.js';
import { receptionMessages as t } from './reception.messages.js';
import { competencyMessages as c } from './competencies/competencies.messages.js';
import { AttemptsTable } from './competencies/competencies.views.js';
import type { Attempt } from './competencies/self-test.js';
import type { ReceptionStaffRow, VisitRow } from './reception.repository.js';

const SCRIPT = <script type="module" src="/static/js/reception-dialog.js"></script>;

// ------------------------------------------------------------------ the desk

export interface StepView {
  /** null: a new visitor (the form creates the visit) */
  visitId: string | null;
  state: DialogState;
  answers: Answer[];
  script: { ref: string; paragraphs: string[] } | null;
  /** the other gender's variant of the script, shown folded */
  otherScript?: { gender: 'male' | 'female'; paragraphs: string[] } | null;
  canGoBack: boolean;
  /** the action step: where the operator's form is */
  actionHref?: string | null;
  outcome?: Outcome;
  citizenLinked?: boolean;
  startedAt?: Date;
}

function AnswerButtons(props: { lang: Lang; view: StepView; csrfToken: string }): VNode {
  const { lang, view } = props;
  const { state } = view;
  const action = view.visitId ? `/reception/visit/${view.visitId}` : '/reception/visit';
  let key = 0;
  return (
    <div class="u-dialog__actions">
      {view.actionHref && (
        <a class="u-button u-button--primary u-dialog__answer" href={view.actionHref} data-key={String(++key)}>
          <kbd class="u-dialog__key" aria-hidden="true">{key}</kbd>
          {t(lang, state.step === 'register_now' ? 'openRegister' : 'openConfirm')}
        </a>
      )}
      {view.answers.length > 0 && (
        <form method="post" action={action} class="u-dialog__form" data-dialog-form>
          <CsrfField token={props.csrfToken} />
          <input type="hidden" name="step" value={state.step} />
          {view.answers.map((a, i) => (
            <button type="submit" name="answer" value={a} class={`u-button ${i === 0 && !view.actionHref ? 'u-button--primary' : 'u-button--secondary'} u-dialog__answer`} data-key={String(++key)}>
              <kbd class="u-dialog__key" aria-hidden="true">{key}</kbd>
              {d(lang, `answer_${a}`, { threshold: state.options.threshold })}
            </button>
          ))}
        </form>
      )}
    </div>
  );
}

/** The step as the desk shows it: where in the algorithm, the instruction, the script to read, the answers, «Назад». */
export function DialogStep(props: { ctx: PageContext; view: StepView; notice?: string; error?: string }): VNode {
  const { ctx, view } = props;
  const lang = ctx.lang;
  const { state } = view;
  const step = STEPS[state.step];
  const action = view.visitId ? `/reception/visit/${view.visitId}` : '/reception/visit';
  return (
    <section id="dialog" class="u-dialog" aria-labelledby="dialog-question" data-dialog>
      {props.notice && (
        <Notice lang={lang} tone="success" role="status">
          {props.notice}
        </Notice>
      )}
      {props.error && (
        <Notice lang={lang} tone="warning" role="alert">
          {props.error}
        </Notice>
      )}
      {step.ref && <p class="u-caption">{t(lang, 'stepRef', { ref: step.ref })}</p>}
      <h1 class="u-dialog__question" id="dialog-question" tabindex={-1}>
        {d(lang, `step_${state.step}`, { threshold: state.options.threshold })}
      </h1>
      {view.script && (
        <div class="u-dialog__script">
          <h2 class="u-h3">{t(lang, 'scriptTitle')}</h2>
          {view.script.paragraphs.map((p) => (
            <p>{p}</p>
          ))}
        </div>
      )}
      {view.otherScript && (
        <details class="u-dialog__other">
          <summary>{t(lang, view.otherScript.gender === 'male' ? 'scriptMen' : 'scriptWomen')}</summary>
          {view.otherScript.paragraphs.map((p) => (
            <p>{p}</p>
          ))}
        </details>
      )}
      {state.step === 'register_now' || state.step === 'confirm_now' ? <p>{t(lang, view.actionHref ? 'actionLeadDesk' : 'actionLeadDeclared')}</p> : null}
      {state.step === 'done' && view.outcome && (
        <p class="u-dialog__outcome">
          {t(lang, 'outcome')}: <Badge tone={view.outcome === 'consulted' ? 'neutral' : 'success'}>{d(lang, `outcome_${view.outcome}`)}</Badge>
        </p>
      )}
      {view.citizenLinked && <p>{t(lang, 'resultLinked')}</p>}
      <AnswerButtons lang={lang} view={view} csrfToken={ctx.csrfToken} />
      {state.step === 'done' && (
        <p>
          <a class="u-button u-button--primary u-dialog__answer" href="/reception/visit" data-key="1">
            <kbd class="u-dialog__key" aria-hidden="true">1</kbd>
            {t(lang, 'nextVisitor')}
          </a>
        </p>
      )}
      {view.canGoBack && view.visitId && (
        <form method="post" action={`${action}/back`} class="u-dialog__back" data-dialog-form>
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="step" value={state.step} />
          <button type="submit" class="u-button u-button--link" data-key="0">
            ← {t(lang, 'back')} <kbd class="u-dialog__key u-dialog__key--small" aria-hidden="true">0</kbd>
          </button>
        </form>
      )}
      <p class="u-hint u-dialog__hint">{t(lang, 'shortcutsHint')}</p>
    </section>
  );
}

function VisitsToday(props: { lang: Lang; visits: VisitRow[]; timeZone: string; current?: string }): VNode {
  const { lang, visits } = props;
  return (
    <>
      <h2 class="u-h2">{t(lang, 'todayTitle')}</h2>
      {visits.length === 0 ? (
        <p>{t(lang, 'noVisitsToday')}</p>
      ) : (
        <Table
          lang={lang}
          caption={t(lang, 'todayCaption', { n: visits.length })}
          stackOnMobile
          columns={[
            { key: 'time', label: t(lang, 'colTime'), rowHeader: true },
            { key: 'outcome', label: t(lang, 'colOutcome') },
            { key: 'open', label: t(lang, 'colOpen') },
          ]}
          rows={visits.map((v) => ({
            time: formatDateTime(lang, v.startedAt, props.timeZone).slice(-5),
            outcome: v.status === 'cancelled' ? <Badge tone="neutral">{t(lang, 'statusCancelled')}</Badge> : `${d(lang, `outcome_${v.outcome as Outcome}`)}${v.status === 'open' ? ` (${t(lang, 'statusOpen')})` : ''}`,
            open:
              v.id === props.current ? (
                '—'
              ) : (
                <a href={`/reception/visit/${v.id}`}>
                  {v.status === 'open' ? t(lang, 'open') : t(lang, 'view')}
                  <span class="u-visually-hidden"> {formatDateTime(lang, v.startedAt, props.timeZone).slice(-5)}</span>
                </a>
              ),
          }))}
        />
      )}
    </>
  );
}

export function DeskPage(props: { ctx: PageContext; view: StepView; visits: VisitRow[]; timeZone: string; notice?: string; error?: string; cancellable?: boolean }): VNode {
  const { ctx, view } = props;
  const lang = ctx.lang;
  return (
    <Layout ctx={ctx} title={view.visitId ? t(lang, 'visitTitle') : t(lang, 'deskTitle')}>
      <DialogStep ctx={ctx} view={view} notice={props.notice} error={props.error} />
      {props.cancellable && view.visitId && (
        <form method="post" action={`/reception/visit/${view.visitId}/cancel`} class="u-dialog__cancel">
          <CsrfField token={ctx.csrfToken} />
          <Button type="submit" variant="link">
            {t(lang, 'cancelVisit')}
          </Button>
        </form>
      )}
      <VisitsToday lang={lang} visits={props.visits} timeZone={props.timeZone} current={view.visitId ?? undefined} />
      {SCRIPT}
    </Layout>
  );
}

export function NotForYouPage(props: { ctx: PageContext }): VNode {
  const lang = props.ctx.lang;
  return (
    <Layout ctx={props.ctx} title={t(lang, 'deskTitle')} width="narrow">
      <PageHeading title={t(lang, 'deskTitle')} />
      <Notice lang={lang} tone="info">
        {t(lang, 'notForYou')}
      </Notice>
      <p>
        <a href="/reception/figures">{t(lang, 'navFigures')}</a>
      </p>
    </Layout>
  );
}

// ------------------------------------------------------------------ figures

export interface FiguresPageView {
  scope: string;
  quarters: SelectOption[];
  quarter: string;
  q: { year: number; quarter: number };
  by: FiguresGrouping;
  byOptions: FiguresGrouping[];
  rows: FiguresGroupRow[];
  total: ReceptionFigures;
  regions?: SelectOption[];
  region?: string;
}

const share = (f: ReceptionFigures) => (f.visitors > 0 ? formatNumberRu(Math.round((f.informed / f.visitors) * 1000) / 10) : '—');

export function FiguresPage(props: { ctx: PageContext; f: FiguresPageView }): VNode {
  const { ctx, f } = props;
  const lang = ctx.lang;
  const n = (x: number) => formatNumber(lang, x);
  const nameLabel = f.by === 'staff' ? 'colStaff' : f.by === 'organisation' ? 'colOrganisation' : 'colMunicipality';
  const withinLabel = f.by === 'staff' ? 'colOrganisation' : 'colMunicipality';
  const cells = (x: ReceptionFigures) => ({
    visitors: n(x.visitors),
    informed: n(x.informed),
    offered: n(x.offered),
    agreed: n(x.agreed),
    registered: n(x.registered),
    confirmed: n(x.confirmed),
    share: share(x),
  });
  return (
    <Layout ctx={ctx} title={t(lang, 'figuresTitle')}>
      <PageHeading caption={f.scope} title={t(lang, 'figuresTitle')} lead={t(lang, 'figuresLead')} />
      <form method="get" action="/reception/figures" class="u-filter-form">
        {f.regions && <SelectField lang={lang} name="region" label={t(lang, 'region')} options={f.regions} value={f.region} />}
        <SelectField lang={lang} name="quarter" label={t(lang, 'quarter')} options={f.quarters} value={f.quarter} />
        {f.byOptions.length > 1 && <SelectField lang={lang} name="by" label={t(lang, 'groupBy')} options={f.byOptions.map((b) => ({ value: b, label: t(lang, `by_${b}`) }))} value={f.by} />}
        <Button type="submit" variant="secondary">
          {t(lang, 'show')}
        </Button>
      </form>
      <Table
        lang={lang}
        caption={t(lang, 'figuresCaption', { q: f.q.quarter, year: f.q.year, by: t(lang, `by_${f.by}`) })}
        stackOnMobile
        columns={[
          { key: 'name', label: t(lang, nameLabel), rowHeader: true },
          ...(f.by === 'municipality' ? [] : [{ key: 'within', label: t(lang, withinLabel) }]),
          { key: 'visitors', label: t(lang, 'colVisitors'), numeric: true },
          { key: 'informed', label: t(lang, 'colInformed'), numeric: true },
          { key: 'offered', label: t(lang, 'colOffered'), numeric: true },
          { key: 'agreed', label: t(lang, 'colAgreed'), numeric: true },
          { key: 'registered', label: t(lang, 'colRegistered'), numeric: true },
          { key: 'confirmed', label: t(lang, 'colConfirmed'), numeric: true },
          { key: 'share', label: t(lang, 'colShare'), numeric: true },
        ]}
        rows={[
          ...f.rows.map((r) => ({ name: r.name, within: r.within ?? '—', ...cells(r.figures) })),
          ...(f.rows.length > 1 ? [{ name: <strong>{t(lang, 'total')}</strong>, within: '', ...cells(f.total) }] : []),
        ]}
      />
    </Layout>
  );
}

// ------------------------------------------------------------------ settings

export function SettingsPage(props: { ctx: PageContext; regionName: string; values: { threshold: string; keyServices: string }; errors: FieldError[]; stored: boolean; preview: string; notice?: string }): VNode {
  const { ctx, values } = props;
  const lang = ctx.lang;
  const e = Object.fromEntries(props.errors.map((x) => [x.field, x.message]));
  return (
    <Layout ctx={ctx} title={t(lang, 'settingsTitle')} width="narrow">
      <ErrorSummary lang={lang} errors={props.errors} />
      {props.notice && (
        <Notice lang={lang} tone="success" role="status">
          {props.notice}
        </Notice>
      )}
      <PageHeading caption={props.regionName} title={t(lang, 'settingsTitle')} lead={t(lang, 'settingsLead')} />
      {!props.stored && (
        <Notice lang={lang} tone="info">
          {t(lang, 'defaultsNotice')}
        </Notice>
      )}
      <form method="post" action="/reception/settings" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <Field lang={lang} name="threshold" label={t(lang, 'threshold')} hint={t(lang, 'thresholdHint')} value={values.threshold} error={e.threshold} inputMode="numeric" width="xs" maxLength={3} />
        <TextareaField lang={lang} name="keyServices" label={t(lang, 'keyServices')} hint={t(lang, 'keyServicesHint')} value={values.keyServices} error={e.keyServices} rows={6} />
        <Button type="submit">{t(lang, 'save')}</Button>
      </form>
      <h2 class="u-h2">{t(lang, 'keyServicesPreview')}</h2>
      <blockquote class="u-dialog__script">
        <p>{props.preview}</p>
      </blockquote>
    </Layout>
  );
}

// ------------------------------------------------------------------ staff

const yesNo = (lang: Lang, v: boolean | null) => (v === null ? t(lang, 'unknown') : t(lang, v ? 'yes' : 'no'));

export function StaffListPage(props: { ctx: PageContext; staff: Array<ReceptionStaffRow & { registersAtCentre: boolean }>; scope: string }): VNode {
  const { ctx } = props;
  const lang = ctx.lang;
  return (
    <Layout ctx={ctx} title={t(lang, 'staffTitle')}>
      <PageHeading caption={props.scope} title={t(lang, 'staffTitle')} lead={t(lang, 'staffLead')} />
      <Table
        lang={lang}
        caption={t(lang, 'staffCaption', { n: props.staff.length })}
        stackOnMobile
        columns={[
          { key: 'name', label: t(lang, 'colStaff'), rowHeader: true },
          { key: 'role', label: t(lang, 'colRole') },
          { key: 'org', label: t(lang, 'colOrganisation') },
          { key: 'registers', label: t(lang, 'colRegisters') },
          { key: 'documents', label: t(lang, 'colDocuments') },
          { key: 'portal', label: t(lang, 'colOnPortal') },
        ]}
        rows={props.staff.map((s) => ({
          name: <a href={`/reception/staff/${s.id}`}>{s.fullName}</a>,
          role: t(lang, s.role === 'operator' ? 'operatorRole' : 'receptionRole'),
          org: [s.organisationName, s.municipalityName].filter(Boolean).join(', '),
          registers: s.role === 'operator' ? (s.registersAtCentre ? t(lang, 'byCentre') : t(lang, 'no')) : yesNo(lang, s.registersInEsia),
          documents: yesNo(lang, s.receivesDocuments),
          portal: yesNo(lang, s.registeredOnPortal),
        }))}
      />
    </Layout>
  );
}

export function StaffProfilePage(props: {
  ctx: PageContext;
  staff: ReceptionStaffRow;
  registersAtCentre: boolean;
  canEdit: boolean;
  values: { registersInEsia: boolean; receivesDocuments: boolean; registeredOnPortal: string };
  attempts: Attempt[];
  timeZone: string;
  isSelf?: boolean;
  notice?: string;
}): VNode {
  const { ctx, staff, values } = props;
  const lang = ctx.lang;
  const needsDocuments = values.receivesDocuments || values.registersInEsia || props.registersAtCentre;
  return (
    <Layout ctx={ctx} title={`${staff.fullName} — ${t(lang, 'profileTitle')}`} width="narrow">
      {props.notice && (
        <Notice lang={lang} tone="success" role="status">
          {props.notice}
        </Notice>
      )}
      <PageHeading caption={t(lang, 'profileTitle')} title={staff.fullName} />
      <SummaryList
        items={[
          { key: t(lang, 'colRole'), value: t(lang, staff.role === 'operator' ? 'operatorRole' : 'receptionRole') },
          { key: t(lang, 'colOrganisation'), value: [staff.organisationName, staff.municipalityName].filter(Boolean).join(', ') },
          { key: t(lang, 'colRegisters'), value: staff.role === 'operator' ? (props.registersAtCentre ? t(lang, 'byCentre') : t(lang, 'no')) : yesNo(lang, values.registersInEsia) },
          { key: t(lang, 'colOnPortal'), value: values.registeredOnPortal === '' ? t(lang, 'unknown') : t(lang, values.registeredOnPortal === 'yes' ? 'yes' : 'no') },
        ]}
      />
      {props.canEdit && (
        <form method="post" action={`/reception/staff/${staff.id}`} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <fieldset class="u-fieldset">
            <legend class="u-h2">{t(lang, 'dutiesLegend')}</legend>
            {staff.role === 'reception' && <CheckboxField lang={lang} name="registersInEsia" label={t(lang, 'registersInEsia')} hint={t(lang, 'registersInEsiaHint')} checked={values.registersInEsia} value="on" />}
            <CheckboxField lang={lang} name="receivesDocuments" label={t(lang, 'receivesDocuments')} hint={t(lang, 'receivesDocumentsHint')} checked={values.receivesDocuments} value="on" />
          </fieldset>
          <RadioGroup
            lang={lang}
            name="registeredOnPortal"
            legend={t(lang, 'onPortalLegend')}
            value={values.registeredOnPortal}
            inline
            options={[
              { value: 'yes', label: t(lang, 'yes') },
              { value: 'no', label: t(lang, 'no') },
              { value: '', label: t(lang, 'unknown') },
            ]}
          />
          <Button type="submit">{t(lang, 'save')}</Button>
        </form>
      )}
      <h2 class="u-h2">{t(lang, 'competenciesTitle')}</h2>
      <h3 class="u-h3">{t(lang, 'competenciesAll')}</h3>
      <ul class="u-list">
        {COMPETENCIES_ALL.map((c) => (
          <li>{lang === 'ru' ? c.ru : c.en}</li>
        ))}
      </ul>
      {needsDocuments && (
        <>
          <h3 class="u-h3">{t(lang, 'competenciesDocuments')}</h3>
          <ul class="u-list">
            {COMPETENCIES_DOCUMENTS.map((c) => (
              <li>{lang === 'ru' ? c.ru : c.en}</li>
            ))}
          </ul>
        </>
      )}
      <h2 class="u-h2">{c(lang, 'attemptsTitle')}</h2>
      <AttemptsTable lang={lang} attempts={props.attempts} timeZone={props.timeZone} own={props.isSelf === true} />
      {props.isSelf ? (
        <ButtonGroup>
          <Button href="/reception/self-test" variant="secondary">
            {c(lang, 'navSelfTest')}
          </Button>
        </ButtonGroup>
      ) : (
        <ButtonGroup>
          <Button href="/reception/staff" variant="secondary">
            {t(lang, 'navStaff')}
          </Button>
        </ButtonGroup>
      )}
    </Layout>
  );
}
