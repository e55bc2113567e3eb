/** Pages of the quarter's report: the report (coordinator and region), its edit form, the region's overview. */
import type { VNode } from 'preact';
import { formatDateTime, type Lang } from '../../platform/i18n.js';
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
  SelectField,
  SummaryList,
  Table,
  TextareaField,
  type BadgeTone,
  type FieldError,
  type SelectOption,
} from '../../platform/views/components.js';
import { formatNumberRu } from '../scoring/formula/index.js';
import type { Timeliness } from '../scoring/quarter/due.js';
import type { ModelEvaluation } from '../scoring/evaluate-model.js';
import { REPORT_TABLES, TABLE_HEADINGS, type QuarterReport, type ReportRow, type ReportTableKey } from './report.js';
import { fieldName, type ReportForm } from './report-form.js';
import type { DisplayStatus } from './report-status.js';
import type { SubmissionEventView } from './submissions.repository.js';
import { reportsMessages as t, type ReportsMessageKey } from './reports.messages.js';

const ru = (iso: string) => iso.split('-').reverse().join('.');
const date = (lang: Lang, iso: string) => (lang === 'ru' ? ru(iso) : iso);
const num = (lang: Lang, v: number) => (lang === 'ru' ? formatNumberRu(v) : formatNumberRu(v).replace(',', '.'));

const TONE: Record<DisplayStatus, BadgeTone> = { draft: 'neutral', missing: 'danger', on_time: 'info', late: 'warning', returned: 'warning', accepted: 'success' };

export function StatusBadge(props: { lang: Lang; status: DisplayStatus }): VNode {
  return (
    <span data-status={props.status}>
      <Badge tone={TONE[props.status]}>{t(props.lang, `st_${props.status}` as ReportsMessageKey)}</Badge>
    </span>
  );
}

function crumbs(lang: Lang, overview: boolean, ...rest: Array<{ href?: string; label: string }>) {
  return [
    { href: '/staff', label: t(lang, 'staffHome') },
    { href: '/outreach', label: t(lang, 'plansTitle') },
    ...(overview ? [{ href: '/outreach/reports/overview', label: t(lang, 'overviewTitle') }] : []),
    ...rest,
  ];
}

/** The three tables as the page shows them (the form's headings as captions). */
function ReportTables(props: { lang: Lang; report: QuarterReport }): VNode {
  const { lang, report } = props;
  return (
    <>
      {REPORT_TABLES.map((key) => (
        <section class="u-report-table" data-report-table={key} aria-labelledby={`report-${key}`}>
          <h3 class="u-h3" id={`report-${key}`}>
            {TABLE_HEADINGS[key].title}
          </h3>
          <Table
            lang={lang}
            caption={TABLE_HEADINGS[key].title}
            captionHidden
            stackOnMobile
            empty={t(lang, 'noRows')}
            columns={[
              { key: 'n', label: TABLE_HEADINGS[key].columns[0] },
              { key: 'title', label: TABLE_HEADINGS[key].columns[1], rowHeader: true },
              { key: 'value', label: TABLE_HEADINGS[key].columns[2], numeric: key !== 'websites' },
              { key: 'source', label: t(lang, 'colSource') },
            ]}
            rows={report[key].map((r, i) => ({
              n: `${i + 1}.`,
              title: (
                <span data-row={r.id}>
                  {r.title}
                  {r.notes && <span class="u-report-notes">{r.notes}</span>}
                </span>
              ),
              value: key === 'websites' ? r.link ? <a class="u-report-link" href={r.link} rel="noopener noreferrer">{r.link}</a> : '—' : num(lang, r.count ?? 0),
              source: <RowSourceText lang={lang} row={r} />,
            }))}
          />
        </section>
      ))}
    </>
  );
}

function RowSourceText(props: { lang: Lang; row: ReportRow }): VNode {
  const { lang, row } = props;
  return (
    <span>
      {t(lang, `source_${row.source.origin}` as ReportsMessageKey)}
      {row.source.text && `: ${row.source.text}`}
      {row.edited && row.source.origin !== 'manual' && (
        <>
          {' '}
          <Badge tone="warning">{t(lang, 'editedMark')}</Badge>
        </>
      )}
    </span>
  );
}

export interface ScoreSummary {
  modelTitle: string;
  version: number;
  locked: boolean;
  evaluation: ModelEvaluation;
  href: string;
}

function ScoreBlock(props: { lang: Lang; score: ScoreSummary }): VNode {
  const { lang, score } = props;
  return (
    <section aria-labelledby="score-title">
      <h2 class="u-h2" id="score-title">
        {t(lang, 'scoreTitle')}
      </h2>
      <p>
        {t(lang, 'scoreLead', { model: score.modelTitle, version: score.version })} {score.locked ? t(lang, 'scoreLocked') : t(lang, 'scoreLive')}
      </p>
      <Table
        lang={lang}
        caption={t(lang, 'scoreTitle')}
        captionHidden
        columns={[
          { key: 'node', label: t(lang, 'scoreNode'), rowHeader: true },
          { key: 'value', label: t(lang, 'scoreValue'), numeric: true },
        ]}
        rows={['P', 'P1', 'P2', 'P3'].map((id) => {
          const r = score.evaluation.nodes[id];
          return {
            node: id,
            value: (
              <span data-score={id}>{!r || r.value === null ? t(lang, 'noData') : t(lang, 'valueOf', { value: num(lang, r.value), max: num(lang, r.max) })}</span>
            ),
          };
        })}
      />
      <p>
        <a href={score.href}>{t(lang, 'scoreOpen')}</a>
      </p>
    </section>
  );
}

export interface ReportPageProps {
  ctx: PageContext;
  municipality: { id: string; name: string };
  quarter: string;
  quarterLabel: string;
  quarterOptions: SelectOption[];
  /** the coordinator chooses a quarter; the region comes from the overview */
  viewerIsRegion: boolean;
  report: QuarterReport;
  reportEdited: { at: Date; by: string | null } | null;
  status: DisplayStatus;
  timeliness: Timeliness;
  dueDate: string;
  firstSubmitted: { at: Date; by: string | null } | null;
  lastSubmitted: { at: Date; by: string | null } | null;
  decided: { at: Date; by: string | null } | null;
  returnComment: string | null;
  accepted: { model: string; version: number } | null;
  revision: number;
  canEdit: boolean;
  canSubmit: boolean;
  /** the quarter has not ended: the first day it can be sent, YYYY-MM-DD */
  submitFrom: string | null;
  canDecide: boolean;
  score: ScoreSummary;
  history: SubmissionEventView[];
  exportQuery: string;
  notice?: string;
  errors: FieldError[];
  comment: string;
  timeZone: string;
}

export function ReportPage(props: ReportPageProps): VNode {
  const { ctx } = props;
  const lang = ctx.lang;
  const when = (d: Date) => formatDateTime(lang, d, props.timeZone);
  const who = (x: { at: Date; by: string | null }) => (x.by ? t(lang, 'submittedValue', { date: when(x.at), name: x.by }) : when(x.at));
  const editableNow = props.status === 'draft' || props.status === 'missing' || props.status === 'returned';
  const hidden = (
    <>
      <CsrfField token={ctx.csrfToken} />
      <input type="hidden" name="quarter" value={props.quarter} />
      <input type="hidden" name="municipality" value={props.municipality.id} />
      <input type="hidden" name="revision" value={String(props.revision)} />
    </>
  );
  const summary = [
    { key: t(lang, 'status'), value: <StatusBadge lang={lang} status={props.status} /> },
    { key: t(lang, 'dueDate'), value: <span data-due>{t(lang, 'dueDateValue', { date: date(lang, props.dueDate) })}</span> },
    { key: t(lang, 'timeliness'), value: <span data-timeliness={props.timeliness}>{t(lang, `tl_${props.timeliness}` as ReportsMessageKey)}</span> },
    ...(props.firstSubmitted ? [{ key: t(lang, 'firstSubmitted'), value: who(props.firstSubmitted) }] : []),
    ...(props.lastSubmitted && props.firstSubmitted && props.lastSubmitted.at.getTime() !== props.firstSubmitted.at.getTime()
      ? [{ key: t(lang, 'lastSubmitted'), value: who(props.lastSubmitted) }]
      : []),
    ...(props.decided && (props.status === 'accepted' || props.status === 'returned') ? [{ key: t(lang, 'decided'), value: who(props.decided) }] : []),
    { key: t(lang, 'edited'), value: props.reportEdited ? who(props.reportEdited) : t(lang, 'notEdited') },
  ];
  return (
    <Layout ctx={ctx} title={t(lang, 'title')} breadcrumbs={crumbs(lang, props.viewerIsRegion, { label: t(lang, 'title') })}>
      <ErrorSummary lang={lang} errors={props.errors} />
      {props.notice && (
        <Notice lang={lang} tone="success" role="status">
          {props.notice}
        </Notice>
      )}
      <PageHeading caption={t(lang, 'caption', { municipality: props.municipality.name, quarter: props.quarterLabel })} title={t(lang, 'title')} lead={t(lang, 'lead')} />
      {!props.viewerIsRegion && (
        <form method="get" action="/outreach/reports" aria-label={t(lang, 'filterTitle')} class="u-report-filter">
          <SelectField lang={lang} name="quarter" label={t(lang, 'quarter')} value={props.quarter} options={props.quarterOptions} />
          <Button type="submit" variant="secondary">
            {t(lang, 'show')}
          </Button>
        </form>
      )}
      {props.status === 'returned' && props.returnComment && (
        <div data-return-comment>
          <Notice lang={lang} tone="warning">
            {t(lang, 'returnedNotice', { comment: props.returnComment })}
          </Notice>
        </div>
      )}
      {(props.status === 'on_time' || props.status === 'late') && <Notice lang={lang}>{t(lang, 'lockedNotice')}</Notice>}
      {props.accepted && props.decided && (
        <Notice lang={lang} tone="success">
          {t(lang, 'acceptedNotice', { date: when(props.decided.at), model: props.accepted.model, version: props.accepted.version })}
        </Notice>
      )}
      <SummaryList items={summary} />
      <p class="u-hint">{t(lang, 'timelinessRule')}</p>

      {props.canEdit && editableNow && (
        <div class="u-report-actions">
          <ButtonGroup>
            <Button href={`/outreach/reports/edit?quarter=${props.quarter}`} variant="secondary">
              {t(lang, 'editReport')}
            </Button>
          </ButtonGroup>
          {props.reportEdited && (
            <form method="post" action="/outreach/reports/reset">
              {hidden}
              <p class="u-hint">{t(lang, 'resetHint')}</p>
              <Button type="submit" variant="secondary">
                {t(lang, 'resetReport')}
              </Button>
            </form>
          )}
          {props.submitFrom ? (
            <Notice lang={lang}>{t(lang, 'notEndedNotice', { date: date(lang, props.submitFrom) })}</Notice>
          ) : (
            props.canSubmit && (
              <form method="post" action="/outreach/reports/submit">
                {hidden}
                <p class="u-hint">{t(lang, 'submitHint')}</p>
                <Button type="submit">{t(lang, 'submit')}</Button>
              </form>
            )
          )}
        </div>
      )}

      <section aria-labelledby="report-tables">
        <h2 class="u-h2" id="report-tables">
          {props.quarterLabel}
        </h2>
        <ReportTables lang={lang} report={props.report} />
      </section>

      <section aria-labelledby="downloads">
        <h2 class="u-h2" id="downloads">
          {t(lang, 'downloads')}
        </h2>
        <ul class="u-list u-report-downloads">
          <li>
            <a href={`/outreach/reports/export/docx?${props.exportQuery}`}>{t(lang, 'downloadDocx')}</a>
          </li>
          <li>
            <a href={`/outreach/reports/export/pdf?${props.exportQuery}`}>{t(lang, 'downloadPdf')}</a>
          </li>
          <li>
            <a href={`/outreach/reports/export/xlsx?${props.exportQuery}`}>{t(lang, 'downloadXlsx')}</a>
          </li>
        </ul>
      </section>

      {props.canDecide && (props.status === 'on_time' || props.status === 'late') && (
        <section aria-labelledby="decision" class="u-report-decision">
          <h2 class="u-h2" id="decision">
            {t(lang, 'decisionTitle')}
          </h2>
          <form method="post" action="/outreach/reports/accept">
            {hidden}
            <p class="u-hint">{t(lang, 'acceptHint')}</p>
            <Button type="submit">{t(lang, 'accept')}</Button>
          </form>
          <form method="post" action="/outreach/reports/return" novalidate>
            {hidden}
            <TextareaField
              lang={lang}
              name="comment"
              label={t(lang, 'returnComment')}
              hint={t(lang, 'returnCommentHint')}
              rows={3}
              value={props.comment}
              error={props.errors.find((e) => e.field === 'comment')?.message}
            />
            <Button type="submit" variant="secondary">
              {t(lang, 'returnButton')}
            </Button>
          </form>
        </section>
      )}

      <ScoreBlock lang={lang} score={props.score} />

      <section aria-labelledby="history">
        <h2 class="u-h2" id="history">
          {t(lang, 'historyTitle')}
        </h2>
        <Table
          lang={lang}
          caption={t(lang, 'historyTitle')}
          captionHidden
          stackOnMobile
          empty={t(lang, 'historyEmpty')}
          columns={[
            { key: 'when', label: t(lang, 'colWhen') },
            { key: 'action', label: t(lang, 'colAction'), rowHeader: true },
            { key: 'who', label: t(lang, 'colWho') },
            { key: 'comment', label: t(lang, 'colComment') },
          ]}
          rows={props.history.map((h) => ({
            when: when(h.at),
            action: <span data-history={h.action}>{t(lang, `ev_${h.action}` as ReportsMessageKey) ?? h.action}</span>,
            who: h.actorName ?? '—',
            comment: h.comment ?? '',
          }))}
        />
      </section>
    </Layout>
  );
}

export interface EditReportPageProps {
  ctx: PageContext;
  municipality: { id: string; name: string };
  quarter: string;
  quarterLabel: string;
  form: ReportForm;
  /** the report being edited: each row's source */
  current: QuarterReport;
  revision: number;
  errors: FieldError[];
}

export function EditReportPage(props: EditReportPageProps): VNode {
  const { ctx, form } = props;
  const lang = ctx.lang;
  const err = (f: string) => props.errors.find((e) => e.field === f)?.message;
  const sources = new Map(REPORT_TABLES.flatMap((k) => props.current[k].map((r) => [r.id, r] as const)));
  const valueLabel: Record<ReportTableKey, string> = { websites: t(lang, 'rowLink'), reception: t(lang, 'rowCount2'), consultations: t(lang, 'rowCount3') };
  return (
    <Layout ctx={ctx} title={t(lang, 'editTitle')} width="narrow" breadcrumbs={crumbs(lang, false, { href: `/outreach/reports?quarter=${props.quarter}`, label: t(lang, 'title') }, { label: t(lang, 'editTitle') })}>
      <ErrorSummary lang={lang} errors={props.errors} />
      <PageHeading caption={t(lang, 'caption', { municipality: props.municipality.name, quarter: props.quarterLabel })} title={t(lang, 'editTitle')} lead={t(lang, 'editLead')} />
      <form method="post" action="/outreach/reports/edit" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="quarter" value={props.quarter} />
        <input type="hidden" name="municipality" value={props.municipality.id} />
        <input type="hidden" name="revision" value={String(props.revision)} />
        {REPORT_TABLES.map((key) => (
          <section aria-labelledby={`edit-${key}`} class="u-report-edit">
            <h2 class="u-h2" id={`edit-${key}`}>
              {TABLE_HEADINGS[key].title}
            </h2>
            {form[key].map((row, i) => {
              const src = row.id ? sources.get(row.id) : undefined;
              const isNew = !row.id;
              const f = (k: 'title' | 'link' | 'count' | 'notes' | 'remove' | 'id') => fieldName(key, i, k);
              return (
                <fieldset class="u-report-row" data-edit-row={`${key}-${i}`}>
                  <legend class="u-report-row__legend">{isNew ? `${t(lang, 'rowNew')} (${t(lang, 'rowLegend', { n: i + 1 })})` : t(lang, 'rowLegend', { n: i + 1 })}</legend>
                  <input type="hidden" name={f('id')} value={row.id} />
                  {src && src.source.origin !== 'manual' && <p class="u-hint">{t(lang, 'rowSource', { text: `${t(lang, `source_${src.source.origin}` as ReportsMessageKey)}${src.source.text ? ` — ${src.source.text}` : ''}` })}</p>}
                  <TextareaField lang={lang} name={f('title')} label={t(lang, 'rowTitle')} rows={2} value={row.title} error={err(f('title'))} />
                  {key === 'websites' ? (
                    <Field lang={lang} name={f('link')} label={valueLabel[key]} optional width="full" inputMode="url" maxLength={2000} value={row.link} error={err(f('link'))} />
                  ) : (
                    <Field lang={lang} name={f('count')} label={valueLabel[key]} width="xs" inputMode="numeric" maxLength={9} value={row.count} error={err(f('count'))} />
                  )}
                  <TextareaField lang={lang} name={f('notes')} label={t(lang, 'rowNotes')} optional rows={2} value={row.notes} error={err(f('notes'))} />
                  {!isNew && <CheckboxField lang={lang} name={f('remove')} label={t(lang, 'rowRemove')} checked={row.remove} />}
                </fieldset>
              );
            })}
          </section>
        ))}
        <ButtonGroup>
          <Button type="submit">{t(lang, 'save')}</Button>
          <Button href={`/outreach/reports?quarter=${props.quarter}`} variant="secondary">
            {t(lang, 'cancel')}
          </Button>
        </ButtonGroup>
      </form>
    </Layout>
  );
}

export interface OverviewRowView {
  municipalityId: string;
  municipalityName: string;
  status: DisplayStatus;
  submittedOn: string | null;
}

export function OverviewPage(props: { ctx: PageContext; quarter: string; quarterLabel: string; quarterOptions: SelectOption[]; rows: OverviewRowView[] }): VNode {
  const { ctx } = props;
  const lang = ctx.lang;
  return (
    <Layout ctx={ctx} title={t(lang, 'overviewTitle')} breadcrumbs={crumbs(lang, false, { label: t(lang, 'overviewTitle') })}>
      <PageHeading caption={props.quarterLabel} title={t(lang, 'overviewTitle')} lead={t(lang, 'overviewLead')} />
      <form method="get" action="/outreach/reports/overview" aria-label={t(lang, 'filterTitle')} class="u-report-filter">
        <SelectField lang={lang} name="quarter" label={t(lang, 'quarter')} value={props.quarter} options={props.quarterOptions} />
        <Button type="submit" variant="secondary">
          {t(lang, 'show')}
        </Button>
      </form>
      <p>
        <a href={`/outreach/reports/overview.xlsx?quarter=${props.quarter}`}>{t(lang, 'downloadOverview')}</a>
      </p>
      <Table
        lang={lang}
        caption={t(lang, 'overviewCaption', { quarter: props.quarterLabel })}
        stackOnMobile
        columns={[
          { key: 'name', label: t(lang, 'colMunicipality'), rowHeader: true },
          { key: 'status', label: t(lang, 'colStatus') },
          { key: 'date', label: t(lang, 'colSubmittedOn') },
          { key: 'open', label: t(lang, 'colOpen') },
        ]}
        rows={props.rows.map((r) => ({
          name: r.municipalityName,
          status: (
            <span data-overview={r.municipalityId}>
              <StatusBadge lang={lang} status={r.status} />
            </span>
          ),
          date: r.submittedOn ? date(lang, r.submittedOn) : '—',
          open: (
            <a href={`/outreach/reports?municipality=${r.municipalityId}&quarter=${props.quarter}`} aria-label={t(lang, 'openFor', { municipality: r.municipalityName })}>
              {t(lang, 'open')}
            </a>
          ),
        }))}
      />
    </Layout>
  );
}
