/** «Сроки по планам»: the due list with the regional summary, the month calendar and the completion form. */
import type { VNode } from 'preact';
import { formatNumber, type Lang } from '../../../platform/i18n.js';
import { Layout, type PageContext } from '../../../platform/views/layout.js';
import {
  Badge,
  Button,
  ButtonGroup,
  CsrfField,
  ErrorSummary,
  Field,
  Notice,
  PageHeading,
  SelectField,
  SummaryList,
  Table,
  TextareaField,
  type FieldError,
  type SelectOption,
} from '../../../platform/views/components.js';
import { addDays, formatRu, isoDayOfWeek, lastDayOfMonth, parseIsoDate, toIsoDate, type IsoDate, type WorkingCalendar } from '../deadlines/index.js';
import { executorsText, planYear } from '../plan-items.js';
import { calendarDays, dueMessages as t, MONTHS, WEEKDAYS, workingDays, workingDaysGenitive } from './due.messages.js';
import type { EventOption } from './due.repository.js';
import type { MunicipalityDueSummary } from './load-occurrences.js';
import { STATUS_FILTERS, type CompletionMark, type DueItem, type Occurrence, type StatusFilter } from './occurrences.js';

const CSS = '/static/outreach-due.css';

/** dd.mm.yyyy in Russian, yyyy-mm-dd in English. */
export function day(lang: Lang, iso: IsoDate): string {
  return lang === 'ru' ? formatRu(iso) : iso;
}

function shorten(s: string, max: number): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

function crumbs(lang: Lang, ...rest: Array<{ href?: string; label: string }>) {
  return [{ href: '/staff', label: t(lang, 'staffHome') }, { href: '/outreach', label: t(lang, 'plansTitle') }, ...rest];
}

/** A link to the due pages keeping the given query parameters (empty ones dropped). */
export function dueHref(path: string, params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

export function placeName(lang: Lang, item: Pick<DueItem, 'municipalityName'>): string {
  return item.municipalityName ?? t(lang, 'regionPlan');
}

/** The status in words: «Просрочено на 12 дней», «Через 3 рабочих дня», «Выполнено 14.03.2026». */
export function statusText(lang: Lang, o: Occurrence): string {
  switch (o.status) {
    case 'done':
      return t(lang, 'doneOn', { date: day(lang, o.completion!.doneOn) });
    case 'overdue':
      return t(lang, 'overdueBy', { days: calendarDays(lang, o.daysOverdue) });
    case 'due_soon':
    case 'upcoming':
      if (o.daysLeft === 0) return t(lang, 'dueToday');
      if (o.workingDaysLeft === 0) return t(lang, 'noWorkingDaysLeft');
      return t(lang, 'dueIn', { days: workingDays(lang, o.workingDaysLeft) });
  }
}

const TONE = { overdue: 'danger', due_soon: 'warning', upcoming: 'neutral', done: 'success' } as const;

export function StatusBadge(props: { lang: Lang; occurrence: Occurrence }): VNode {
  return <Badge tone={TONE[props.occurrence.status]}>{statusText(props.lang, props.occurrence)}</Badge>;
}

export function completeHref(o: Pick<Occurrence, 'dueOn'> & { item: Pick<DueItem, 'itemId'> }, back?: string): string {
  return dueHref('/outreach/due/complete', { item: o.item.itemId, due: o.dueOn, back });
}

function planLabel(lang: Lang, item: DueItem, showPlace: boolean): string {
  const year = t(lang, 'planOfYear', { year: planYear(item.periodFrom) });
  return showPlace ? `${placeName(lang, item)}: ${year}` : year.charAt(0).toUpperCase() + year.slice(1);
}

// --- the list ---------------------------------------------------------------------------

export interface DueRow {
  occurrence: Occurrence;
  canMark: boolean;
}

export interface DueListPageProps {
  ctx: PageContext;
  today: IsoDate;
  daysBefore: number;
  /** the municipality or region whose due dates are shown */
  scopeName: string;
  rows: DueRow[];
  orgNames: Map<string, string>;
  /** several places in the list: show the municipality of each plan */
  showPlace: boolean;
  /** regional view: the summary table and the municipality filter */
  summary?: MunicipalityDueSummary[];
  municipalityOptions?: SelectOption[];
  filters: { status: StatusFilter; period: string; municipality: string; region: string };
  periodOptions: SelectOption[];
  /** the actor may mark nothing here */
  readOnly: boolean;
  hasPlans: boolean;
  /** the current URL, for the «back» of the completion form */
  self: string;
  notice?: string;
}

export function DueListPage(props: DueListPageProps): VNode {
  const { ctx, filters } = props;
  const lang = ctx.lang;
  const soon = workingDaysGenitive(lang, props.daysBefore);
  const anyMark = props.rows.some((r) => r.canMark);
  const regionParam = filters.region || undefined;
  return (
    <Layout ctx={ctx} title={t(lang, 'dueTitle')} breadcrumbs={crumbs(lang, { label: t(lang, 'dueTitle') })}>
      <link rel="stylesheet" href={CSS} />
      {props.notice && (
        <Notice lang={lang} tone="success" role="status">
          {props.notice}
        </Notice>
      )}
      <PageHeading caption={`${t(lang, 'section')} · ${props.scopeName}`} title={t(lang, 'dueTitle')} lead={t(lang, 'dueLead', { soon, today: day(lang, props.today) })} />
      <ButtonGroup>
        <Button href={dueHref('/outreach/due/calendar', { municipality: filters.municipality || undefined, region: regionParam })} variant="secondary">
          {t(lang, 'calendarLink')}
        </Button>
      </ButtonGroup>
      {props.readOnly && (
        <Notice lang={lang} tone="info">
          {t(lang, 'readOnlyNote')}
        </Notice>
      )}
      {props.summary && (
        <Table
          lang={lang}
          caption={t(lang, 'summaryCaption')}
          stackOnMobile
          columns={[
            { key: 'place', label: t(lang, 'colMunicipality'), rowHeader: true },
            { key: 'overdue', label: t(lang, 'colOverdue'), numeric: true },
            { key: 'soon', label: t(lang, 'colSoon', { soon }), numeric: true },
            { key: 'done', label: t(lang, 'colDoneQuarter'), numeric: true },
          ]}
          rows={props.summary.map((s) => {
            const key = s.municipalityId ?? 'region';
            const href = dueHref('/outreach/due', { municipality: key, region: regionParam });
            return {
              place: (
                <a href={href} aria-current={filters.municipality === key ? 'true' : undefined} data-municipality={key}>
                  {s.municipalityName ?? t(lang, 'regionPlan')}
                </a>
              ),
              overdue: formatNumber(lang, s.overdue),
              soon: formatNumber(lang, s.dueSoon),
              done: formatNumber(lang, s.doneThisQuarter),
            };
          })}
        />
      )}
      {props.summary && filters.municipality && (
        <p>
          {t(lang, 'showing', { name: props.scopeName })} <a href={dueHref('/outreach/due', { region: regionParam })}>{t(lang, 'showAll')}</a>
        </p>
      )}
      <form method="get" action="/outreach/due" class="due-filters" aria-labelledby="due-filters-title">
        <h2 class="u-h2" id="due-filters-title">
          {t(lang, 'filtersTitle')}
        </h2>
        {regionParam && <input type="hidden" name="region" value={regionParam} />}
        <div class="u-field-row">
          <SelectField
            lang={lang}
            name="status"
            label={t(lang, 'statusLabel')}
            value={filters.status}
            options={STATUS_FILTERS.map((s) => ({ value: s, label: t(lang, `st_${s}`, { soon }) }))}
          />
          <SelectField lang={lang} name="period" label={t(lang, 'periodLabel')} emptyOption={t(lang, 'periodAll')} value={filters.period} options={props.periodOptions} />
          {props.municipalityOptions && (
            <SelectField
              lang={lang}
              name="municipality"
              label={t(lang, 'municipalityLabel')}
              emptyOption={t(lang, 'allMunicipalities')}
              value={filters.municipality}
              options={props.municipalityOptions}
            />
          )}
        </div>
        {!props.municipalityOptions && filters.municipality && <input type="hidden" name="municipality" value={filters.municipality} />}
        <Button type="submit" variant="secondary">
          {t(lang, 'show')}
        </Button>
      </form>
      {!props.hasPlans ? (
        <Notice lang={lang} tone="info">
          {t(lang, 'noPlans')}
        </Notice>
      ) : (
        <Table
          lang={lang}
          caption={t(lang, 'listCaption')}
          stackOnMobile
          empty={t(lang, 'empty')}
          columns={[
            { key: 'due', label: t(lang, 'colDue') },
            { key: 'item', label: t(lang, 'colItem'), rowHeader: true },
            { key: 'content', label: t(lang, 'colContent') },
            { key: 'executors', label: t(lang, 'colExecutors') },
            { key: 'plan', label: t(lang, 'colPlan') },
            { key: 'status', label: t(lang, 'colStatus') },
            ...(anyMark ? [{ key: 'action', label: t(lang, 'colAction') }] : []),
          ]}
          rows={props.rows.map(({ occurrence: o, canMark }) => ({
            due: <time datetime={o.dueOn}>{day(lang, o.dueOn)}</time>,
            item: o.item.itemNumber,
            content: shorten(o.item.content, 220),
            executors: executorsText(o.item.executors, props.orgNames).join('; ') || '—',
            plan: <a href={`/outreach/plans/${o.item.planId}`}>{planLabel(lang, o.item, props.showPlace)}</a>,
            status: <StatusBadge lang={lang} occurrence={o} />,
            action: canMark ? (
              <a href={completeHref(o, props.self)} data-complete={`${o.item.itemNumber}|${o.dueOn}`}>
                {t(lang, o.completion ? 'changeMark' : 'markDone')}
                <span class="u-visually-hidden"> {t(lang, 'forItem', { item: o.item.itemNumber, date: day(lang, o.dueOn) })}</span>
              </a>
            ) : (
              '—'
            ),
          }))}
        />
      )}
    </Layout>
  );
}

// --- the month calendar ------------------------------------------------------------------

export interface DueCalendarPageProps {
  ctx: PageContext;
  year: number;
  month: number;
  today: IsoDate;
  calendar: WorkingCalendar;
  scopeName: string;
  rows: DueRow[];
  /** municipality / region parameters to keep in the links */
  params: Record<string, string | undefined>;
  showPlace: boolean;
  badMonth: boolean;
  self: string;
}

export function monthKey(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

function shiftMonth(year: number, month: number, by: number): { year: number; month: number } {
  const i = year * 12 + (month - 1) + by;
  return { year: Math.floor(i / 12), month: (i % 12) + 1 };
}

function dayKindLabel(lang: Lang, calendar: WorkingCalendar, date: IsoDate): string | null {
  switch (calendar.dayKind(date)) {
    case 'holiday': {
      const name = calendar.holidayName(date);
      return lang === 'ru' && name ? `${t(lang, 'kindHoliday')}: ${name}` : t(lang, 'kindHoliday');
    }
    case 'transferred_day_off':
      return t(lang, 'kindTransferredOff');
    case 'transferred_working_day':
      return t(lang, 'kindTransferredWorking');
    case 'weekend':
      return t(lang, 'kindWeekend');
    case 'working':
      return null;
  }
}

function itemLink(lang: Lang, row: DueRow, self: string, showPlace: boolean): VNode {
  const o = row.occurrence;
  const text = `${o.item.itemNumber}. ${shorten(o.item.content, 60)}`;
  const href = row.canMark ? completeHref(o, self) : `/outreach/plans/${o.item.planId}`;
  return (
    <>
      <a href={href}>{showPlace ? `${placeName(lang, o.item)} · ${text}` : text}</a> <StatusBadge lang={lang} occurrence={o} />
    </>
  );
}

export function DueCalendarPage(props: DueCalendarPageProps): VNode {
  const { ctx, year, month, calendar } = props;
  const lang = ctx.lang;
  const title = `${MONTHS[lang][month - 1]} ${year}`;
  // «Календарь сроков: март 2026» — the month in lower case after the colon in Russian
  const heading = `${t(lang, 'calendarTitle')}: ${lang === 'ru' ? title.charAt(0).toLowerCase() + title.slice(1) : title}`;
  const first = toIsoDate(year, month, 1);
  const last = lastDayOfMonth(year, month);
  const lead = isoDayOfWeek(first) - 1;
  const byDay = new Map<IsoDate, DueRow[]>();
  for (const r of props.rows) byDay.set(r.occurrence.dueOn, [...(byDay.get(r.occurrence.dueOn) ?? []), r]);
  const days: Array<IsoDate | null> = [...Array.from({ length: lead }, () => null)];
  for (let d = first; d <= last; d = addDays(d, 1)) days.push(d);
  while (days.length % 7) days.push(null);
  const weeks: Array<Array<IsoDate | null>> = [];
  for (let i = 0; i < days.length; i += 7) weeks.push(days.slice(i, i + 7));
  const prev = shiftMonth(year, month, -1);
  const next = shiftMonth(year, month, 1);
  const dated = [...byDay.keys()].sort();
  return (
    <Layout ctx={ctx} title={heading} breadcrumbs={crumbs(lang, { href: dueHref('/outreach/due', props.params), label: t(lang, 'dueTitle') }, { label: t(lang, 'calendarTitle') })}>
      <link rel="stylesheet" href={CSS} />
      {props.badMonth && (
        <Notice lang={lang} tone="warning">
          {t(lang, 'monthParam')}
        </Notice>
      )}
      <PageHeading caption={`${t(lang, 'section')} · ${props.scopeName}`} title={heading} lead={t(lang, 'calendarLead')} />
      <nav class="due-month-nav" aria-label={t(lang, 'monthNav')}>
        <ul class="due-month-nav__list">
          <li>
            <a href={dueHref('/outreach/due/calendar', { ...props.params, month: monthKey(prev.year, prev.month) })} rel="prev">
              ← {t(lang, 'prevMonth')}
              <span class="u-visually-hidden">: {`${MONTHS[lang][prev.month - 1]} ${prev.year}`}</span>
            </a>
          </li>
          <li>
            <a href={dueHref('/outreach/due/calendar', { ...props.params, month: monthKey(next.year, next.month) })} rel="next">
              {t(lang, 'nextMonth')}
              <span class="u-visually-hidden">: {`${MONTHS[lang][next.month - 1]} ${next.year}`}</span> →
            </a>
          </li>
          <li>
            <a href={dueHref('/outreach/due', props.params)}>{t(lang, 'listLink')}</a>
          </li>
        </ul>
      </nav>
      <div class="due-cal-wrap">
        <table class="due-cal">
          <caption class="due-cal__caption">{title}</caption>
          <thead>
            <tr>
              {WEEKDAYS[lang].map(([short, full], i) => (
                <th scope="col" class={i >= 5 ? 'due-cal__weekend-head' : undefined}>
                  <abbr title={full}>{short}</abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((week) => (
              <tr>
                {week.map((d) => {
                  if (!d) return <td class="due-cal__day due-cal__day--outside" />;
                  const kind = dayKindLabel(lang, calendar, d);
                  const off = !calendar.isWorkingDay(d);
                  const isToday = d === props.today;
                  const items = byDay.get(d) ?? [];
                  const cls = ['due-cal__day', off && 'due-cal__day--off', isToday && 'due-cal__day--today', items.length > 0 && 'due-cal__day--due'].filter(Boolean).join(' ');
                  return (
                    <td class={cls} aria-current={isToday ? 'date' : undefined} data-date={d} data-kind={calendar.dayKind(d)}>
                      <span class="due-cal__num">
                        <time datetime={d}>{parseIsoDate(d).day}</time>
                      </span>
                      {isToday && <span class="due-cal__kind due-cal__kind--today">{t(lang, 'today')}</span>}
                      {kind && <span class="due-cal__kind">{kind}</span>}
                      {items.length > 0 && (
                        <ul class="due-cal__items">
                          {items.map((r) => (
                            <li>{itemLink(lang, r, props.self, props.showPlace)}</li>
                          ))}
                        </ul>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section class="due-month-list" aria-labelledby="due-month-list-title">
        <h2 class="u-h2" id="due-month-list-title">
          {t(lang, 'monthListTitle')}
        </h2>
        {dated.length === 0 ? (
          <p>{t(lang, 'noDueThisMonth')}</p>
        ) : (
          <ul class="due-month-list__days">
            {dated.map((d) => {
              const kind = dayKindLabel(lang, calendar, d);
              return (
                <li class="due-month-list__day">
                  <h3 class="due-month-list__date">
                    <time datetime={d}>{day(lang, d)}</time>, {WEEKDAYS[lang][isoDayOfWeek(d) - 1]![1].toLowerCase()}
                    {kind && <span class="due-month-list__kind"> ({kind.charAt(0).toLowerCase() + kind.slice(1)})</span>}
                  </h3>
                  <ul class="due-month-list__items">
                    {byDay.get(d)!.map((r) => (
                      <li>{itemLink(lang, r, props.self, props.showPlace)}</li>
                    ))}
                  </ul>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </Layout>
  );
}

// --- the completion form -------------------------------------------------------------------

export interface CompletePageProps {
  ctx: PageContext;
  occurrence: Occurrence;
  orgNames: Map<string, string>;
  events: EventOption[];
  existing: CompletionMark | null;
  values: Record<string, string>;
  errors: FieldError[];
  today: IsoDate;
  back: string;
}

export function CompletePage(props: CompletePageProps): VNode {
  const { ctx, occurrence: o, values, errors, existing } = props;
  const lang = ctx.lang;
  const err = (f: string) => errors.find((e) => e.field === f)?.message;
  const item = o.item;
  const title = t(lang, 'completeTitle');
  return (
    <Layout ctx={ctx} title={title} width="narrow" breadcrumbs={crumbs(lang, { href: props.back, label: t(lang, 'dueTitle') }, { label: title })}>
      <ErrorSummary lang={lang} errors={errors} />
      <PageHeading caption={`${placeName(lang, item)} · ${t(lang, 'keyItem')} ${item.itemNumber}`} title={title} />
      <SummaryList
        items={[
          { key: t(lang, 'keyPlan'), value: <a href={`/outreach/plans/${item.planId}`}>{item.planTitle}</a> },
          { key: t(lang, 'keyItem'), value: item.itemNumber },
          { key: t(lang, 'keyContent'), value: item.content },
          { key: t(lang, 'keyExecutors'), value: executorsText(item.executors, props.orgNames).join('; ') || '—' },
          { key: t(lang, 'keyDue'), value: <time datetime={o.dueOn}>{day(lang, o.dueOn)}</time> },
          { key: t(lang, 'keyStatus'), value: <StatusBadge lang={lang} occurrence={o} /> },
        ]}
      />
      {existing && (
        <Notice lang={lang} tone="info">
          {t(lang, 'alreadyDone', { date: day(lang, existing.doneOn) })}
        </Notice>
      )}
      <form method="post" action="/outreach/due/complete" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="planItemId" value={item.itemId} />
        <input type="hidden" name="dueOn" value={o.dueOn} />
        <input type="hidden" name="back" value={props.back} />
        <Field
          lang={lang}
          name="doneOn"
          label={t(lang, 'doneOnLabel')}
          hint={t(lang, 'doneOnHint', { example: day(lang, props.today) })}
          width="s"
          inputMode="numeric"
          maxLength={10}
          value={values.doneOn}
          error={err('doneOn')}
        />
        <TextareaField lang={lang} name="note" label={t(lang, 'noteLabel')} hint={t(lang, 'noteHint')} optional rows={3} value={values.note} error={err('note')} />
        <SelectField
          lang={lang}
          name="eventId"
          label={t(lang, 'eventLabel')}
          hint={t(lang, 'eventHint')}
          optional
          emptyOption={t(lang, 'noEvent')}
          value={values.eventId}
          error={err('eventId')}
          options={props.events.map((e) => ({
            value: e.id,
            label: `${day(lang, e.heldOn)} · ${shorten(e.title, 80)}${item.municipalityId === null ? ` · ${e.municipalityName}` : ''}${e.forItem ? ` (${t(lang, 'eventForItem')})` : ''}`,
          }))}
        />
        <ButtonGroup>
          <Button type="submit">{t(lang, existing ? 'saveChange' : 'saveDone')}</Button>
          <Button href={props.back} variant="secondary">
            {t(lang, 'cancel')}
          </Button>
        </ButtonGroup>
      </form>
      {existing && (
        <section class="u-panel" aria-labelledby="uncomplete-title">
          <h2 class="u-h2" id="uncomplete-title">
            {t(lang, 'uncompleteTitle')}
          </h2>
          <p>{t(lang, 'uncompleteHint')}</p>
          <form method="post" action="/outreach/due/uncomplete">
            <CsrfField token={ctx.csrfToken} />
            <input type="hidden" name="planItemId" value={item.itemId} />
            <input type="hidden" name="dueOn" value={o.dueOn} />
            <input type="hidden" name="back" value={props.back} />
            <Button type="submit" variant="danger">
              {t(lang, 'uncomplete')}
            </Button>
          </form>
        </section>
      )}
    </Layout>
  );
}
