import { materialsMessages } from './materials/materials.messages.js';
import { ActivityTypeField } from './activity-type-field.js';
import { describeDeadline, parseDeadline, type Deadline, type WorkingCalendar } from './deadlines/index.js';
import type { VNode } from 'preact';
import { formatDate, formatNumber, type Lang } from '../../platform/i18n.js';
import { Layout, type PageContext } from '../../platform/views/layout.js';
import {
  Badge,
  Button,
  ButtonGroup,
  CsrfField,
  ErrorMessage,
  ErrorSummary,
  Field,
  Notice,
  PageHeading,
  RadioGroup,
  SummaryList,
  Table,
  TextareaField,
  type FieldError,
} from '../../platform/views/components.js';
import type { PlanTemplate } from '../../db/seed/data/plan-templates/index.js';
import { outreachMessages as t } from './outreach.messages.js';
import { eventsMessages } from './events/events.messages.js';
import type { ActivityTypeView, PlanItemView, PlanVersionView, PlanView } from './outreach.repository.js';
import { deadlineNeedsReview, executorsText, planYear } from './plan-items.js';

type Values = Record<string, string>;

function date(lang: Lang, iso: string | null): string {
  if (!iso) return '—';
  return formatDate(lang, new Date(`${iso}T12:00:00Z`), 'UTC');
}

function crumbs(lang: Lang, ...rest: Array<{ href?: string; label: string }>) {
  return [{ href: '/staff', label: t(lang, 'staffHome') }, { href: '/outreach', label: t(lang, 'plansTitle') }, ...rest];
}

function placeName(lang: Lang, p: Pick<PlanView, 'municipalityName' | 'regionName'>): string {
  return p.municipalityName ?? `${t(lang, 'regionPlan')}: ${p.regionName}`;
}

function StatusBadge(props: { lang: Lang; plan: PlanView }): VNode {
  const { lang, plan } = props;
  if (plan.status === 'approved') return <Badge tone="success">{t(lang, 'approved')}</Badge>;
  if (plan.currentVersion > 0) return <Badge tone="warning">{t(lang, 'draftAfterApproval')}</Badge>;
  return <Badge tone="neutral">{t(lang, 'draft')}</Badge>;
}

function Multiline(props: { text: string }): VNode {
  const lines = props.text.split('\n');
  return (
    <>
      {lines.map((l, i) => (
        <>
          {i > 0 && <br />}
          {l}
        </>
      ))}
    </>
  );
}


export function PlanListPage(props: { ctx: PageContext; plans: PlanView[]; canCreate: boolean; notice?: string }): VNode {
  const { ctx } = props;
  const lang = ctx.lang;
  return (
    <Layout ctx={ctx} title={t(lang, 'plansTitle')} breadcrumbs={[{ href: '/staff', label: t(lang, 'staffHome') }, { label: t(lang, 'plansTitle') }]}>
      {props.notice && <Notice lang={lang} tone="success" role="status">{props.notice}</Notice>}
      <PageHeading caption={t(lang, 'section')} title={t(lang, 'plansTitle')} lead={t(lang, 'plansLead')} />
      <ButtonGroup>
        {props.canCreate && <Button href="/outreach/plans/new">{t(lang, 'createPlan')}</Button>}
        {props.canCreate && (
          <Button href="/outreach/plans/import" variant="secondary">
            {t(lang, 'importPlan')}
          </Button>
        )}
        <Button href="/outreach/activity-types" variant="secondary">{t(lang, 'catalogue')}</Button>
        <Button href="/outreach/events" variant="secondary">{eventsMessages(lang, 'eventsTitle')}</Button>
        <Button href="/outreach/materials" variant="secondary">{materialsMessages(lang, 'materialsTitle')}</Button>
      </ButtonGroup>
      <Table
        lang={lang}
        caption={t(lang, 'plansTitle')}
        captionHidden
        stackOnMobile
        empty={t(lang, 'noPlans')}
        columns={[
          { key: 'title', label: t(lang, 'plan'), rowHeader: true },
          { key: 'place', label: t(lang, 'territory') },
          { key: 'period', label: t(lang, 'period') },
          { key: 'status', label: t(lang, 'status') },
          { key: 'decree', label: t(lang, 'decree') },
        ]}
        rows={props.plans.map((p) => ({
          title: <a href={`/outreach/plans/${p.id}`}>{p.title}</a>,
          place: placeName(lang, p),
          period: `${date(lang, p.periodFrom)} – ${date(lang, p.periodTo)}`,
          status: <StatusBadge lang={lang} plan={p} />,
          decree: p.decreeNumber ? t(lang, 'decreeText', { number: p.decreeNumber, date: date(lang, p.decreeDate) }) : '—',
        }))}
      />
    </Layout>
  );
}

export function NewPlanPage(props: { ctx: PageContext; templates: readonly PlanTemplate[]; values: Values; errors: FieldError[] }): VNode {
  const { ctx, values, errors } = props;
  const lang = ctx.lang;
  const err = (f: string) => errors.find((e) => e.field === f)?.message;
  return (
    <Layout ctx={ctx} title={t(lang, 'newTitle')} width="narrow" breadcrumbs={crumbs(lang, { label: t(lang, 'newTitle') })}>
      <ErrorSummary lang={lang} errors={errors} />
      <PageHeading caption={t(lang, 'section')} title={t(lang, 'newTitle')} lead={t(lang, 'newLead')} />
      <form method="post" action="/outreach/plans" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <Field lang={lang} name="year" label={t(lang, 'year')} hint={t(lang, 'yearHint')} inputMode="numeric" width="xs" maxLength={4} value={values.year} error={err('year')} />
        <RadioGroup
          lang={lang}
          name="source"
          legend={t(lang, 'source')}
          hint={t(lang, 'templateHint')}
          value={values.source}
          error={err('source')}
          options={[
            ...props.templates.map((tpl) => ({ value: `template:${tpl.key}`, label: lang === 'ru' ? tpl.label : tpl.labelEn })),
            { value: 'copy', label: t(lang, 'copyLastYear'), hint: t(lang, 'copyLastYearHint') },
          ]}
        />
        <Button type="submit">{t(lang, 'create')}</Button>
      </form>
      <p>
        <a href="/outreach/plans/import">{t(lang, 'importPlan')}</a>
      </p>
    </Layout>
  );
}

function ItemsTable(props: {
  lang: Lang;
  year: number;
  calendar: WorkingCalendar;
  items: Array<Omit<PlanItemView, 'planId'>>;
  editHref?: (item: Omit<PlanItemView, 'planId'>) => string;
  deleteHref?: (item: Omit<PlanItemView, 'planId'>) => string;
}): VNode {
  const { lang, items } = props;
  const sections = [...new Map(items.map((i) => [i.sectionNumber, i.sectionTitle])).entries()];
  const showBudget = items.some((i) => i.budgetRub !== null);
  return (
    <>
      {sections.map(([num, title]) => (
        <Table
          lang={lang}
          caption={`${num}. ${title}`}
          columns={[
            { key: 'number', label: t(lang, 'number'), rowHeader: true },
            { key: 'content', label: t(lang, 'content') },
            { key: 'executors', label: t(lang, 'executors') },
            { key: 'deadline', label: t(lang, 'deadline') },
            { key: 'result', label: t(lang, 'expectedResult') },
            { key: 'indicator', label: t(lang, 'indicator') },
            ...(showBudget ? [{ key: 'budget', label: t(lang, 'budget'), numeric: true }] : []),
            ...(props.editHref ? [{ key: 'actions', label: t(lang, 'actions') }] : []),
          ]}
          rows={items
            .filter((i) => i.sectionNumber === num)
            .map((i) => ({
              number: i.itemNumber,
              content: <Multiline text={i.content} />,
              executors: (
                <ul class="u-list">
                  {executorsText(i.executors).map((e) => (
                    <li>{e}</li>
                  ))}
                </ul>
              ),
              deadline: (
                <span>
                  {i.deadlineText}
                  {i.deadline !== null && <span class="u-hint u-deadline-understood">{describeDeadline(i.deadline as Deadline, lang, { calendar: props.calendar, period: { from: `${props.year}-01-01`, to: `${props.year}-12-31` } })}</span>}
                  {deadlineNeedsReview(i.deadlineText, props.year) && (
                    <>
                      {' '}
                      <Badge tone="warning">{t(lang, 'needsReview')}</Badge>
                    </>
                  )}
                </span>
              ),
              result: i.expectedResult ? <Multiline text={i.expectedResult} /> : '—',
              indicator: i.indicatorNodeId ?? '—',
              budget: i.budgetRub === null ? '—' : formatNumber(lang, Number(i.budgetRub)),
              actions: props.editHref ? (
                <ul class="u-list u-list--actions">
                  <li>
                    <a href={props.editHref(i)}>
                      {t(lang, 'edit')}
                      <span class="u-visually-hidden"> {i.itemNumber}</span>
                    </a>
                  </li>
                  {props.deleteHref && (
                    <li>
                      <a href={props.deleteHref(i)}>
                        {t(lang, 'deleteItem')}
                        <span class="u-visually-hidden"> {i.itemNumber}</span>
                      </a>
                    </li>
                  )}
                </ul>
              ) : null,
            }))}
        />
      ))}
    </>
  );
}

export function PlanPage(props: {
  ctx: PageContext;
  plan: PlanView;
  items: PlanItemView[];
  versions: PlanVersionView[];
  canEdit: boolean;
  calendar: WorkingCalendar;
  approve?: { values: Values; errors: FieldError[] };
  notice?: string;
  /** the decree scans attached to the approved versions, newest first */
  decreeScans?: VNode;
  /** the upload field for the decree's scan in the approval form */
  decreeScanField?: VNode;
  /** the form to attach the scan of the current version later */
  laterScan?: VNode;
  /** errors of the later-scan form */
  errorsExtra?: FieldError[];
}): VNode {
  const { ctx, plan } = props;
  const lang = ctx.lang;
  const year = planYear(plan.periodFrom);
  const errors = [...(props.approve?.errors ?? []), ...(props.errorsExtra ?? [])];
  const err = (f: string) => errors.find((e) => e.field === f)?.message;
  const review = props.items.filter((i) => deadlineNeedsReview(i.deadlineText, year)).length;
  const latest = props.versions[0];
  return (
    <Layout ctx={ctx} title={plan.title} breadcrumbs={crumbs(lang, { label: placeName(lang, plan) + ', ' + year })}>
      <ErrorSummary lang={lang} errors={errors} />
      {props.notice && <Notice lang={lang} tone="success" role="status">{props.notice}</Notice>}
      <PageHeading caption={placeName(lang, plan)} title={plan.title} />
      <SummaryList
        items={[
          { key: t(lang, 'period'), value: `${date(lang, plan.periodFrom)} – ${date(lang, plan.periodTo)}` },
          { key: t(lang, 'status'), value: <StatusBadge lang={lang} plan={plan} /> },
          {
            key: t(lang, 'decree'),
            value: latest ? (
              <a href={`/outreach/plans/${plan.id}/versions/${latest.version}`}>
                {t(lang, 'decreeText', { number: latest.decreeNumber, date: date(lang, latest.decreeDate) })} ({t(lang, 'version', { version: latest.version })})
              </a>
            ) : (
              '—'
            ),
          },
        ]}
      />
      {review > 0 && <Notice lang={lang} tone="warning">{t(lang, 'needsReviewNote', { n: review })}</Notice>}
      <ButtonGroup>
        {props.canEdit && <Button href={`/outreach/plans/${plan.id}/items/new`}>{t(lang, 'addItem')}</Button>}
        {plan.currentVersion > 0 && (
          <Button href={`/outreach/due?plan=${plan.id}`} variant="secondary">
            {t(lang, 'dueLink')}
          </Button>
        )}
      </ButtonGroup>
      <ItemsTable
        lang={lang}
        year={year}
        calendar={props.calendar}
        items={props.items}
        editHref={props.canEdit ? (i) => `/outreach/plans/${plan.id}/items/${i.id}/edit` : undefined}
        deleteHref={props.canEdit ? (i) => `/outreach/plans/${plan.id}/items/${i.id}/delete` : undefined}
      />
      <section class="u-panel" aria-labelledby="plan-files">
        <h2 class="u-h2" id="plan-files">{t(lang, 'planFiles')}</h2>
        <ul class="u-list">
          <li>
            <a href={`/outreach/plans/${plan.id}/plan.xlsx`}>{t(lang, 'exportXlsx')}</a>
          </li>
          <li>
            <a href={`/outreach/plans/${plan.id}/plan.docx`}>{t(lang, 'exportDocx')}</a>
          </li>
          {props.canEdit && (
            <li>
              <a href={`/outreach/plans/${plan.id}/import`}>{t(lang, 'importXlsx')}</a>
            </li>
          )}
        </ul>
        {props.decreeScans}
        {props.laterScan}
      </section>
      {props.canEdit && plan.status !== 'approved' && (
        <form method="post" action={`/outreach/plans/${plan.id}/approve`} enctype="multipart/form-data" novalidate class="u-panel" id="approve">
          <h2 class="u-h2">{t(lang, 'approveTitle')}</h2>
          <p class="u-hint">{t(lang, 'approveHint')}</p>
          <CsrfField token={ctx.csrfToken} />
          <Field lang={lang} name="decreeNumber" label={t(lang, 'decreeNumber')} width="s" value={props.approve?.values.decreeNumber} error={err('decreeNumber')} />
          <Field lang={lang} name="decreeDate" label={t(lang, 'decreeDate')} hint={t(lang, 'decreeDateHint')} width="s" inputMode="numeric" value={props.approve?.values.decreeDate} error={err('decreeDate')} />
          {props.decreeScanField}
          <Button type="submit">{t(lang, 'approve')}</Button>
        </form>
      )}
      {props.versions.length > 0 && (
        <Table
          lang={lang}
          caption={t(lang, 'versions')}
          columns={[
            { key: 'version', label: t(lang, 'plan'), rowHeader: true },
            { key: 'decree', label: t(lang, 'decree') },
            { key: 'at', label: t(lang, 'approvedAt') },
            { key: 'by', label: t(lang, 'approvedBy') },
          ]}
          rows={props.versions.map((v) => ({
            version: <a href={`/outreach/plans/${plan.id}/versions/${v.version}`}>{t(lang, 'version', { version: v.version })}</a>,
            decree: t(lang, 'decreeText', { number: v.decreeNumber, date: date(lang, v.decreeDate) }),
            at: formatDate(lang, v.approvedAt),
            by: v.approvedByName ?? '—',
          }))}
        />
      )}
    </Layout>
  );
}

export function VersionPage(props: {
  ctx: PageContext;
  planId: string;
  version: PlanVersionView;
  readOnlyNote: boolean;
  canSeeWorkingCopy: boolean;
  calendar: WorkingCalendar;
  decreeScans?: VNode;
}): VNode {
  const { ctx, version: v } = props;
  const lang = ctx.lang;
  const snap = v.snapshot;
  return (
    <Layout ctx={ctx} title={`${snap.plan.title} — ${t(lang, 'version', { version: v.version })}`} breadcrumbs={crumbs(lang, ...(props.canSeeWorkingCopy ? [{ href: `/outreach/plans/${props.planId}`, label: placeName(lang, snap.plan) }] : []), { label: t(lang, 'version', { version: v.version }) })}>
      {props.readOnlyNote && <Notice lang={lang} tone="info">{t(lang, 'readOnly')}</Notice>}
      <PageHeading caption={`${placeName(lang, snap.plan)} · ${t(lang, 'version', { version: v.version })}`} title={snap.plan.title} lead={t(lang, 'versionLead')} />
      <SummaryList
        items={[
          { key: t(lang, 'decree'), value: t(lang, 'decreeText', { number: v.decreeNumber, date: date(lang, v.decreeDate) }) },
          { key: t(lang, 'period'), value: `${date(lang, snap.plan.periodFrom)} – ${date(lang, snap.plan.periodTo)}` },
          { key: t(lang, 'approvedAt'), value: formatDate(lang, v.approvedAt) },
          { key: t(lang, 'approvedBy'), value: v.approvedByName ?? '—' },
        ]}
      />
      <ItemsTable lang={lang} year={planYear(snap.plan.periodFrom)} calendar={props.calendar} items={snap.items} />
      <section class="u-panel" aria-labelledby="plan-files">
        <h2 class="u-h2" id="plan-files">{t(lang, 'planFiles')}</h2>
        <ul class="u-list">
          <li>
            <a href={`/outreach/plans/${props.planId}/versions/${v.version}/plan.xlsx`}>{t(lang, 'exportXlsx')}</a>
          </li>
          <li>
            <a href={`/outreach/plans/${props.planId}/versions/${v.version}/plan.docx`}>{t(lang, 'exportDocx')}</a>
          </li>
        </ul>
        {props.decreeScans}
      </section>
    </Layout>
  );
}

/** Organisations to tick as executors: a fieldset of checkboxes (the first has id field-organisationIds for error links). */
function OrganisationChoices(props: { lang: Lang; organisations: Array<{ id: string; name: string }>; selected: Set<string>; error?: string }): VNode | null {
  const { lang } = props;
  if (props.organisations.length === 0) return null;
  const errorId = props.error ? 'field-organisationIds-error' : undefined;
  return (
    <div class={props.error ? 'u-field u-field--error' : 'u-field'}>
      <fieldset class="u-fieldset" aria-describedby={['field-organisationIds-hint', errorId].filter(Boolean).join(' ')}>
        <legend class="u-legend">{t(lang, 'organisations')}</legend>
        <input type="hidden" name="organisationsShown" value="1" />
        <div class="u-hint" id="field-organisationIds-hint">
          {t(lang, 'organisationsHint')}
        </div>
        {errorId && (
          <ErrorMessage lang={lang} id={errorId}>
            {props.error}
          </ErrorMessage>
        )}
        <div class="u-choices">
          {props.organisations.map((o, i) => {
            const id = i === 0 ? 'field-organisationIds' : `field-organisationIds-${i}`;
            return (
              <div class="u-choice">
                <input class="u-choice__input" type="checkbox" id={id} name="organisationIds" value={o.id} checked={props.selected.has(o.id)} />
                <label class="u-choice__label" for={id}>
                  {o.name}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

/** How the deadline typed so far was understood (server-rendered; public/deadline-preview.js updates it as one types). */
function DeadlineUnderstood(props: { lang: Lang; text: string | undefined; calendar: WorkingCalendar; previewUrl: string; year: number }): VNode {
  const { lang } = props;
  const text = (props.text ?? '').trim();
  const parsed = text ? parseDeadline(text) : null;
  return (
    <p class="u-hint u-deadline-understood" id="deadline-understood" aria-live="polite" data-deadline-preview={props.previewUrl}>
      {parsed && parsed.ok ? describeDeadline(parsed.deadline, lang, { calendar: props.calendar, period: { from: `${props.year}-01-01`, to: `${props.year}-12-31` } }) : ''}
    </p>
  );
}

export interface ItemFormProps {
  ctx: PageContext;
  plan: PlanView;
  /** the item edited; absent when adding */
  item?: PlanItemView;
  items: PlanItemView[];
  types: ActivityTypeView[];
  organisations: Array<{ id: string; name: string }>;
  selectedOrganisations: Set<string>;
  calendar: WorkingCalendar;
  values: Values;
  errors: FieldError[];
}

export function ItemFormPage(props: ItemFormProps): VNode {
  const { ctx, plan, item, values, errors } = props;
  const lang = ctx.lang;
  const err = (f: string) => errors.find((e) => e.field === f)?.message;
  const title = item ? t(lang, 'editItemTitle', { number: item.itemNumber }) : t(lang, 'addItemTitle');
  const sections = [...new Map(props.items.map((i) => [i.sectionNumber, i.sectionTitle])).entries()];
  return (
    <Layout ctx={ctx} title={title} width="narrow" breadcrumbs={crumbs(lang, { href: `/outreach/plans/${plan.id}`, label: placeName(lang, plan) + ', ' + planYear(plan.periodFrom) }, { label: title })}>
      <ErrorSummary lang={lang} errors={errors} />
      <PageHeading caption={plan.title} title={title} lead={item ? `${item.sectionNumber}. ${item.sectionTitle}` : undefined} />
      <form method="post" action={item ? `/outreach/plans/${plan.id}/items/${item.id}` : `/outreach/plans/${plan.id}/items`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        {!item && (
          <>
            <RadioGroup
              lang={lang}
              name="section"
              legend={t(lang, 'planSection')}
              value={values.section}
              error={err('section')}
              options={[...sections.map(([num, st]) => ({ value: num, label: `${num}. ${st}` })), { value: 'new', label: t(lang, 'newSection') }]}
            />
            <Field lang={lang} name="newSectionNumber" label={t(lang, 'newSectionNumber')} optional width="xs" inputMode="numeric" value={values.newSectionNumber} error={err('newSectionNumber')} />
            <Field lang={lang} name="newSectionTitle" label={t(lang, 'newSectionTitle')} optional width="l" value={values.newSectionTitle} error={err('newSectionTitle')} />
            <Field lang={lang} name="itemNumber" label={t(lang, 'itemNumber')} hint={t(lang, 'itemNumberHint')} width="xs" value={values.itemNumber} error={err('itemNumber')} />
          </>
        )}
        <TextareaField lang={lang} name="content" label={t(lang, 'content')} rows={6} value={values.content} error={err('content')} />
        <OrganisationChoices lang={lang} organisations={props.organisations} selected={props.selectedOrganisations} error={err('organisationIds')} />
        <TextareaField
          lang={lang}
          name="executors"
          label={props.organisations.length ? t(lang, 'otherExecutors') : t(lang, 'executors')}
          hint={props.organisations.length ? t(lang, 'otherExecutorsHint') : t(lang, 'executorsHint')}
          optional={props.organisations.length > 0}
          rows={3}
          value={values.executors}
          error={err('executors')}
        />
        <Field lang={lang} name="deadlineText" label={t(lang, 'deadline')} hint={t(lang, 'deadlineHint')} width="l" value={values.deadlineText} error={err('deadlineText')} />
        <DeadlineUnderstood lang={lang} text={values.deadlineText} calendar={props.calendar} previewUrl={`/outreach/plans/${plan.id}/deadline-preview`} year={planYear(plan.periodFrom)} />
        <TextareaField lang={lang} name="expectedResult" label={t(lang, 'expectedResult')} optional rows={5} value={values.expectedResult} error={err('expectedResult')} />
        <Field lang={lang} name="indicatorNodeId" label={t(lang, 'indicator')} hint={t(lang, 'indicatorHint')} optional width="xs" value={values.indicatorNodeId} error={err('indicatorNodeId')} />
        <Field lang={lang} name="budgetRub" label={t(lang, 'budget')} hint={t(lang, 'budgetHint')} optional width="s" inputMode="decimal" value={values.budgetRub} error={err('budgetRub')} />
        <ActivityTypeField lang={lang} types={props.types} value={values.activityTypeId} error={err('activityTypeId')} />
        <ButtonGroup>
          <Button type="submit">{item ? t(lang, 'save') : t(lang, 'add')}</Button>
          <Button href={`/outreach/plans/${plan.id}`} variant="secondary">
            {t(lang, 'cancel')}
          </Button>
        </ButtonGroup>
      </form>
      <script type="module" src="/static/js/deadline-preview.js"></script>
    </Layout>
  );
}

export function DeleteItemPage(props: { ctx: PageContext; plan: PlanView; item: PlanItemView }): VNode {
  const { ctx, plan, item } = props;
  const lang = ctx.lang;
  const title = t(lang, 'deleteItemTitle', { number: item.itemNumber });
  return (
    <Layout ctx={ctx} title={title} width="narrow" breadcrumbs={crumbs(lang, { href: `/outreach/plans/${plan.id}`, label: placeName(lang, plan) + ', ' + planYear(plan.periodFrom) }, { label: title })}>
      <PageHeading caption={plan.title} title={title} lead={t(lang, 'deleteItemLead')} />
      <blockquote class="u-panel">
        <Multiline text={item.content} />
      </blockquote>
      <form method="post" action={`/outreach/plans/${plan.id}/items/${item.id}/delete`}>
        <CsrfField token={ctx.csrfToken} />
        <ButtonGroup>
          <Button type="submit" variant="danger">
            {t(lang, 'deleteConfirm')}
          </Button>
          <Button href={`/outreach/plans/${plan.id}`} variant="secondary">
            {t(lang, 'cancel')}
          </Button>
        </ButtonGroup>
      </form>
    </Layout>
  );
}

export function ActivityTypesPage(props: { ctx: PageContext; types: ActivityTypeView[]; canAdd: boolean; values: Values; errors: FieldError[]; notice?: string }): VNode {
  const { ctx, values, errors } = props;
  const lang = ctx.lang;
  const err = (f: string) => errors.find((e) => e.field === f)?.message;
  return (
    <Layout ctx={ctx} title={t(lang, 'catalogue')} breadcrumbs={crumbs(lang, { label: t(lang, 'catalogue') })}>
      <ErrorSummary lang={lang} errors={errors} />
      {props.notice && <Notice lang={lang} tone="success" role="status">{props.notice}</Notice>}
      <PageHeading caption={t(lang, 'section')} title={t(lang, 'catalogue')} lead={t(lang, 'catalogueLead')} />
      {([1, 2] as const).map((block) => (
        <Table
          lang={lang}
          caption={t(lang, block === 1 ? 'block1' : 'block2')}
          stackOnMobile
          columns={[
            { key: 'title', label: t(lang, 'title'), rowHeader: true },
            { key: 'description', label: t(lang, 'description') },
            { key: 'audience', label: t(lang, 'audience') },
            { key: 'cadence', label: t(lang, 'cadence') },
          ]}
          rows={props.types
            .filter((a) => a.block === block)
            .map((a) => ({
              title: (
                <span>
                  {a.title}
                  {a.regionId && (
                    <>
                      {' '}
                      <Badge tone="info">{t(lang, 'regionType')}</Badge>
                    </>
                  )}
                </span>
              ),
              description: a.description,
              audience: a.audience,
              cadence: a.cadence,
            }))}
        />
      ))}
      {props.canAdd && (
        <form method="post" action="/outreach/activity-types" novalidate class="u-panel" id="add-type">
          <h2 class="u-h2">{t(lang, 'addType')}</h2>
          <CsrfField token={ctx.csrfToken} />
          <Field lang={lang} name="key" label={t(lang, 'key')} hint={t(lang, 'keyHint')} width="m" value={values.key} error={err('key')} />
          <Field lang={lang} name="title" label={t(lang, 'title')} width="full" value={values.title} error={err('title')} />
          <RadioGroup
            lang={lang}
            name="block"
            legend={t(lang, 'block')}
            value={values.block}
            error={err('block')}
            options={[
              { value: '1', label: t(lang, 'block1') },
              { value: '2', label: t(lang, 'block2') },
            ]}
          />
          <TextareaField lang={lang} name="description" label={t(lang, 'description')} rows={3} value={values.description} error={err('description')} />
          <Field lang={lang} name="audience" label={t(lang, 'audience')} width="l" value={values.audience} error={err('audience')} />
          <Field lang={lang} name="cadence" label={t(lang, 'cadence')} width="m" value={values.cadence} error={err('cadence')} />
          <Button type="submit">{t(lang, 'add')}</Button>
        </form>
      )}
    </Layout>
  );
}
