/** The working-day calendar: a year's figures by month, holidays, transfers, and the forms to change transfers. */
import type { VNode } from 'preact';
import type { Lang } from '../../../platform/i18n.js';
import { Layout, type PageContext } from '../../../platform/views/layout.js';
import { Badge, Button, ButtonGroup, CsrfField, ErrorSummary, Field, Notice, PageHeading, RadioGroup, Table, type FieldError } from '../../../platform/views/components.js';
import { addDays, formatRu, PUBLIC_HOLIDAYS, toIsoDate, daysInMonth, type WorkingCalendar } from '../deadlines/index.js';
import { calendarMessages as t } from './calendar.messages.js';
import type { TransferRow } from './calendar.repository.js';
import { weekdayName } from './save-transfer.js';

type Values = Record<string, string>;

const MONTHS_RU = ['Январь', 'Февраль', 'Март', 'Апрель', 'Май', 'Июнь', 'Июль', 'Август', 'Сентябрь', 'Октябрь', 'Ноябрь', 'Декабрь'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function crumbs(lang: Lang, ...rest: Array<{ href?: string; label: string }>) {
  return [{ href: '/staff', label: lang === 'ru' ? 'Кабинет сотрудника' : 'Staff workplace' }, { href: '/outreach', label: lang === 'ru' ? 'Планы мероприятий' : 'Outreach plans' }, ...rest];
}

/** Working days and days off of each month of the year, by the calendar given. */
export function monthFigures(calendar: WorkingCalendar, year: number): Array<{ month: number; working: number; off: number }> {
  const out = [];
  for (let m = 1; m <= 12; m++) {
    const first = toIsoDate(year, m, 1);
    const last = toIsoDate(year, m, daysInMonth(year, m));
    const working = calendar.workingDaysBetween(addDays(first, -1), last);
    out.push({ month: m, working, off: daysInMonth(year, m) - working });
  }
  return out;
}

function TransferForm(props: { lang: Lang; csrf: string; action: string; values: Values; errors: FieldError[]; submit: string; cancelHref?: string }): VNode {
  const { lang, values, errors } = props;
  const err = (f: string) => errors.find((e) => e.field === f)?.message;
  return (
    <form method="post" action={props.action} novalidate>
      <CsrfField token={props.csrf} />
      <Field lang={lang} name="date" label={t(lang, 'date')} hint={t(lang, 'dateHint')} width="s" inputMode="numeric" value={values.date} error={err('date')} />
      <RadioGroup
        lang={lang}
        name="kind"
        legend={t(lang, 'kind')}
        value={values.kind}
        error={err('kind')}
        options={[
          { value: 'day_off', label: t(lang, 'dayOff') },
          { value: 'working_day', label: t(lang, 'workingDay') },
        ]}
      />
      <Field lang={lang} name="note" label={t(lang, 'note')} hint={t(lang, 'noteHint')} optional width="l" value={values.note} error={err('note')} />
      <Field lang={lang} name="source" label={t(lang, 'source')} hint={t(lang, 'sourceHint')} width="full" value={values.source} error={err('source')} />
      <ButtonGroup>
        <Button type="submit">{props.submit}</Button>
        {props.cancelHref && (
          <Button href={props.cancelHref} variant="secondary">
            {t(lang, 'cancel')}
          </Button>
        )}
      </ButtonGroup>
    </form>
  );
}

export interface CalendarPageProps {
  ctx: PageContext;
  year: number;
  calendar: WorkingCalendar;
  transfers: TransferRow[];
  /** null: the actor adds nothing; else where new transfers go */
  scope: { regionId: string | null } | null;
  canEdit: (t: TransferRow) => boolean;
  values: Values;
  errors: FieldError[];
  notice?: string;
}

export function CalendarPage(props: CalendarPageProps): VNode {
  const { ctx, year, calendar } = props;
  const lang = ctx.lang;
  const months = monthFigures(calendar, year);
  const total = months.reduce((n, m) => n + m.working, 0);
  const federalDates = new Set(props.transfers.filter((x) => x.regionId === null).map((x) => x.date));
  return (
    <Layout ctx={ctx} title={`${t(lang, 'title')} ${year}`} breadcrumbs={crumbs(lang, { label: t(lang, 'title') })}>
      <ErrorSummary lang={lang} errors={props.errors} />
      {props.notice && (
        <Notice lang={lang} tone="success" role="status">
          {props.notice}
        </Notice>
      )}
      <PageHeading caption={String(year)} title={t(lang, 'title')} lead={t(lang, 'lead')} />
      <nav aria-label={t(lang, 'year')}>
        <ButtonGroup>
          <Button href={`/outreach/calendar?year=${year - 1}`} variant="secondary">
            ← {year - 1}
            <span class="u-visually-hidden"> ({t(lang, 'prevYear')})</span>
          </Button>
          <Button href={`/outreach/calendar?year=${year + 1}`} variant="secondary">
            {year + 1} →<span class="u-visually-hidden"> ({t(lang, 'nextYear')})</span>
          </Button>
        </ButtonGroup>
      </nav>
      <Table
        lang={lang}
        caption={`${t(lang, 'summary')}: ${t(lang, 'workingDays').toLowerCase()} — ${total}`}
        columns={[
          { key: 'month', label: t(lang, 'month'), rowHeader: true },
          { key: 'working', label: t(lang, 'workingDays'), numeric: true },
          { key: 'off', label: t(lang, 'nonWorkingDays'), numeric: true },
        ]}
        rows={[
          ...months.map((m) => ({ month: (lang === 'ru' ? MONTHS_RU : MONTHS_EN)[m.month - 1]!, working: String(m.working), off: String(m.off) })),
          { month: <strong>{year}</strong>, working: <strong>{total}</strong>, off: <strong>{months.reduce((n, m) => n + m.off, 0)}</strong> },
        ]}
      />
      <Table
        lang={lang}
        caption={t(lang, 'transfers')}
        stackOnMobile
        empty={t(lang, 'noTransfers')}
        columns={[
          { key: 'date', label: t(lang, 'date'), rowHeader: true },
          { key: 'kind', label: t(lang, 'kind') },
          { key: 'note', label: t(lang, 'note') },
          { key: 'source', label: t(lang, 'source') },
          { key: 'scope', label: t(lang, 'scope') },
          { key: 'actions', label: t(lang, 'actions') },
        ]}
        rows={props.transfers.map((x) => ({
          date: `${formatRu(x.date)}, ${weekdayName(lang, x.date)}`,
          kind: x.kind === 'day_off' ? <Badge tone="warning">{t(lang, 'dayOff')}</Badge> : <Badge tone="info">{t(lang, 'workingDay')}</Badge>,
          note: x.note || '—',
          source: x.source || '—',
          scope:
            x.regionId === null ? (
              t(lang, 'federal')
            ) : (
              <span>
                {t(lang, 'regional')}
                {federalDates.has(x.date) && <span class="u-hint"> ({t(lang, 'overridesFederal')})</span>}
              </span>
            ),
          actions: props.canEdit(x) ? (
            <ul class="u-list u-list--actions">
              <li>
                <a href={`/outreach/calendar/${x.id}/edit`}>
                  {t(lang, 'edit')}
                  <span class="u-visually-hidden"> {formatRu(x.date)}</span>
                </a>
              </li>
              <li>
                <a href={`/outreach/calendar/${x.id}/delete`}>
                  {t(lang, 'delete')}
                  <span class="u-visually-hidden"> {formatRu(x.date)}</span>
                </a>
              </li>
            </ul>
          ) : (
            '—'
          ),
        }))}
      />
      <Table
        lang={lang}
        caption={t(lang, 'holidays')}
        columns={[
          { key: 'date', label: t(lang, 'date'), rowHeader: true },
          { key: 'name', label: t(lang, 'note') },
        ]}
        rows={PUBLIC_HOLIDAYS.map(([m, d, name]) => {
          const iso = toIsoDate(year, m, d);
          return { date: `${formatRu(iso)}, ${weekdayName(lang, iso)}`, name };
        })}
      />
      {props.scope && (
        <section class="u-panel" id="add-transfer" aria-labelledby="add-transfer-title">
          <h2 class="u-h2" id="add-transfer-title">
            {t(lang, 'addTitle')}
          </h2>
          <p class="u-hint">{props.scope.regionId === null ? t(lang, 'addHintFederal') : t(lang, 'addHintRegional')}</p>
          <TransferForm lang={lang} csrf={ctx.csrfToken} action="/outreach/calendar" values={props.values} errors={props.errors} submit={t(lang, 'add')} />
        </section>
      )}
    </Layout>
  );
}

export function EditTransferPage(props: { ctx: PageContext; transfer: TransferRow; values: Values; errors: FieldError[] }): VNode {
  const { ctx, transfer } = props;
  const lang = ctx.lang;
  const title = t(lang, 'editTitle', { date: formatRu(transfer.date) });
  const back = `/outreach/calendar?year=${transfer.date.slice(0, 4)}`;
  return (
    <Layout ctx={ctx} title={title} width="narrow" breadcrumbs={crumbs(lang, { href: back, label: t(lang, 'title') }, { label: title })}>
      <ErrorSummary lang={lang} errors={props.errors} />
      <PageHeading caption={t(lang, 'title')} title={title} />
      <TransferForm lang={lang} csrf={ctx.csrfToken} action={`/outreach/calendar/${transfer.id}`} values={props.values} errors={props.errors} submit={t(lang, 'save')} cancelHref={back} />
    </Layout>
  );
}

export function DeleteTransferPage(props: { ctx: PageContext; transfer: TransferRow }): VNode {
  const { ctx, transfer } = props;
  const lang = ctx.lang;
  const title = t(lang, 'deleteTitle', { date: formatRu(transfer.date) });
  const back = `/outreach/calendar?year=${transfer.date.slice(0, 4)}`;
  return (
    <Layout ctx={ctx} title={title} width="narrow" breadcrumbs={crumbs(lang, { href: back, label: t(lang, 'title') }, { label: title })}>
      <PageHeading caption={t(lang, 'title')} title={title} lead={t(lang, 'deleteLead')} />
      <p>
        {transfer.kind === 'day_off' ? t(lang, 'dayOff') : t(lang, 'workingDay')}. {transfer.note} {transfer.source && `(${transfer.source})`}
      </p>
      <form method="post" action={`/outreach/calendar/${transfer.id}/delete`}>
        <CsrfField token={ctx.csrfToken} />
        <ButtonGroup>
          <Button type="submit" variant="danger">
            {t(lang, 'deleteConfirm')}
          </Button>
          <Button href={back} variant="secondary">
            {t(lang, 'cancel')}
          </Button>
        </ButtonGroup>
      </form>
    </Layout>
  );
}
