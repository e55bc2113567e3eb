/** Pages of «Пункты активации»: the search with its map, and one point. */
import type { ComponentChildren, VNode } from 'preact';
import type { OpeningHoursRow } from '../../db/schema/territory.js';
import type { Lang } from '../../platform/i18n.js';
import { Layout, type PageContext } from '../../platform/views/layout.js';
import {
  Badge,
  Button,
  ButtonGroup,
  CheckboxField,
  ErrorSummary,
  Illustrative,
  Notice,
  PageHeading,
  Pagination,
  SelectField,
  SummaryList,
  Table,
  fieldId,
  type BadgeTone,
  type FieldError,
} from '../../platform/views/components.js';
import type { ServiceCentreView } from '../territory/territory.repository.js';
import { activationPointMessages as t } from './activation-points.messages.js';
import { presentMapPoint } from './activation-points.presenter.js';
import {
  CAPABILITIES,
  POINT_TYPES,
  describeStatus,
  formatDistance,
  openStatus,
  pointCount,
  type LocalTime,
  type OpenStatus,
  type SearchOutcome,
} from './activation-points.service.js';

const CSS = '/static/activation-points.css';
const LIST_PATH = '/activation-points';

/** The filter form's values as the person left them (strings, as in the query). */
export interface FilterValues {
  capabilities: string[];
  type: string;
  municipality: string;
  near: string;
  lat: string;
  lon: string;
  openNow: boolean;
}

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** «08:00–18:00, перерыв 13:00–14:00» or «выходной». */
function dayHours(lang: Lang, h: OpeningHoursRow | undefined): string {
  if (!h) return t(lang, 'todayClosed');
  return h.breakFrom && h.breakTo ? `${h.opens}–${h.closes}, ${t(lang, 'lunch').toLowerCase()} ${h.breakFrom}–${h.breakTo}` : `${h.opens}–${h.closes}`;
}

/** Names and addresses are Russian: on a page in another language, say so (WCAG 3.1.2). */
function Ru(props: { lang: Lang; children: ComponentChildren }): VNode {
  return props.lang === 'ru' ? <>{props.children}</> : <span lang="ru">{props.children}</span>;
}

const STATUS_TONE: Record<OpenStatus['state'], BadgeTone> = { open: 'success', break: 'warning', closed: 'neutral' };

function StatusBadge(props: { lang: Lang; status: OpenStatus }): VNode {
  return <Badge tone={STATUS_TONE[props.status.state]}>{describeStatus(props.lang, props.status)}</Badge>;
}

function CapabilityBadges(props: { lang: Lang; capabilities: string[]; label: string }): VNode {
  const ordered = CAPABILITIES.filter((c) => props.capabilities.includes(c));
  return (
    <ul class="ap-badges" aria-label={props.label}>
      {ordered.map((c) => (
        <li>
          <Badge tone="info">{t(props.lang, c)}</Badge>
        </li>
      ))}
    </ul>
  );
}

/** Several checkboxes sharing one name (the design system's CheckboxField is a single box). */
function CheckboxGroup(props: { lang: Lang; name: string; legend: string; hint: string; options: Array<{ value: string; label: string }>; values: string[] }): VNode {
  const id = fieldId(props.name);
  return (
    <div class="u-field">
      <fieldset class="u-fieldset" aria-describedby={`${id}-hint`}>
        <legend class="u-legend">{props.legend}</legend>
        <div class="u-hint" id={`${id}-hint`}>
          {props.hint}
        </div>
        <div class="u-choices">
          {props.options.map((o, i) => {
            const optionId = i === 0 ? id : `${id}-${i}`;
            return (
              <div class="u-choice">
                <input class="u-choice__input" type="checkbox" id={optionId} name={props.name} value={o.value} checked={props.values.includes(o.value)} />
                <label class="u-choice__label" for={optionId}>
                  {o.label}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

/** A text field with suggestions (datalist): the settlements that have points. */
function NearField(props: { lang: Lang; value: string; error?: string; suggestions: string[] }): VNode {
  const { lang } = props;
  const id = fieldId('near');
  const describedBy = [`${id}-hint`, props.error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div class={props.error ? 'u-field u-field--error' : 'u-field'} id="ap-near">
      <label class="u-label" for={id}>
        {t(lang, 'nearLabel')}
      </label>
      <div class="u-hint" id={`${id}-hint`}>
        {t(lang, 'nearHint')}
      </div>
      {props.error && (
        <p class="u-error-message" id={`${id}-error`}>
          <span class="u-visually-hidden">{lang === 'ru' ? 'Ошибка:' : 'Error:'} </span>
          {props.error}
        </p>
      )}
      <input
        class="u-input"
        id={id}
        name="near"
        type="text"
        value={props.value}
        list="ap-settlements"
        autocomplete="off"
        spellcheck={false}
        maxLength={100}
        aria-describedby={describedBy}
        aria-invalid={props.error ? 'true' : undefined}
      />
      <datalist id="ap-settlements">
        {props.suggestions.map((s) => (
          <option value={s} />
        ))}
      </datalist>
    </div>
  );
}

function Filters(props: { lang: Lang; values: FilterValues; outcome: SearchOutcome; nearError?: string }): VNode {
  const { lang, values, outcome } = props;
  return (
    <section class="ap-filters" aria-labelledby="ap-filters-title">
      <h2 class="ap-filters__title" id="ap-filters-title">
        {t(lang, 'filtersTitle')}
      </h2>
      <form
        method="get"
        action={LIST_PATH}
        id="ap-filter-form"
        data-geo-label={t(lang, 'geoButton')}
        data-geo-pending={t(lang, 'geoPending')}
        data-geo-error={t(lang, 'geoError')}
      >
        <CheckboxGroup
          lang={lang}
          name="capability"
          legend={t(lang, 'capabilityLegend')}
          hint={t(lang, 'capabilityHint')}
          options={CAPABILITIES.map((c) => ({ value: c, label: t(lang, c) }))}
          values={values.capabilities}
        />
        <SelectField
          lang={lang}
          name="type"
          label={t(lang, 'typeLabel')}
          emptyOption={t(lang, 'typeAny')}
          options={POINT_TYPES.map((p) => ({ value: p, label: t(lang, p) }))}
          value={values.type}
        />
        <SelectField
          lang={lang}
          name="municipality"
          label={t(lang, 'municipalityLabel')}
          emptyOption={t(lang, 'municipalityAny')}
          options={outcome.municipalities.map((m) => ({ value: m.key, label: m.name }))}
          value={values.municipality}
        />
        <NearField lang={lang} value={values.near} error={props.nearError} suggestions={outcome.gazetteer.map((g) => g.name)} />
        <input type="hidden" name="lat" value={values.lat} id="ap-lat" />
        <input type="hidden" name="lon" value={values.lon} id="ap-lon" />
        <CheckboxField lang={lang} name="openNow" label={t(lang, 'openNowLabel')} hint={t(lang, 'openNowHint', { time: hhmm(outcome.now.minutes) })} checked={values.openNow} />
        <ButtonGroup>
          <Button type="submit">{t(lang, 'submit')}</Button>
          <Button href={LIST_PATH} variant="secondary">
            {t(lang, 'reset')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

function Fact(props: { label: string; children: ComponentChildren }): VNode {
  return (
    <div class="ap-card__fact">
      <dt>{props.label}</dt>
      <dd>{props.children}</dd>
    </div>
  );
}

function PointCard(props: { lang: Lang; centre: ServiceCentreView; status: OpenStatus; distanceKm: number | null; now: LocalTime }): VNode {
  const { lang, centre: c } = props;
  const today = c.hours.find((h) => h.day === props.now.day);
  return (
    <li class="ap-card">
      <h3 class="ap-card__title">
        <a href={`${LIST_PATH}/${encodeURIComponent(c.key)}`}>
          <Ru lang={lang}>{c.name}</Ru>
        </a>
      </h3>
      <p class="ap-card__meta">
        <span class="ap-card__type">{t(lang, c.type)}</span>
        {props.distanceKm !== null && (
          <>
            <span aria-hidden="true"> · </span>
            <span class="u-visually-hidden">, {t(lang, 'distance').toLowerCase()} </span>
            <strong class="ap-card__distance">{formatDistance(lang, props.distanceKm)}</strong>
          </>
        )}
      </p>
      <dl class="ap-card__facts">
        <Fact label={t(lang, 'address')}>
          <Ru lang={lang}>{c.address}</Ru>
        </Fact>
        <Fact label={t(lang, 'today')}>
          <span class="ap-card__hours">{dayHours(lang, today)}</span> <StatusBadge lang={lang} status={props.status} />
        </Fact>
        <Fact label={t(lang, 'canDo')}>
          <CapabilityBadges lang={lang} capabilities={c.capabilities} label={t(lang, 'canDo')} />
        </Fact>
      </dl>
    </li>
  );
}

function MapSection(props: { lang: Lang; outcome: SearchOutcome; tileUrl: string; attribution: string }): VNode {
  const { lang, outcome } = props;
  const labels = Object.fromEntries(CAPABILITIES.map((c) => [c, t(lang, c)]));
  const reference = outcome.reference ? { lat: outcome.reference.lat, lon: outcome.reference.lon, name: outcome.reference.settlement ?? t(lang, 'yourLocation') } : null;
  // Hidden until the script builds the map: without JavaScript the list is the whole answer.
  return (
    <div class="ap-map-section" id="ap-map-section" hidden>
      <a class="ap-skip" href="#ap-results-title">
        {t(lang, 'skipMap')}
      </a>
      <p class="u-visually-hidden" id="ap-map-note">
        {t(lang, 'mapNote')}
      </p>
      <div
        class="ap-map"
        id="ap-map"
        role="region"
        aria-label={t(lang, 'mapLabel')}
        aria-describedby="ap-map-note"
        data-points={JSON.stringify(outcome.all.map(presentMapPoint))}
        data-reference={reference ? JSON.stringify(reference) : undefined}
        data-tile-url={props.tileUrl}
        data-attribution={props.attribution}
        data-capability-labels={JSON.stringify(labels)}
        data-open-label={t(lang, 'mapOpenPage')}
        data-reference-label={t(lang, 'mapYou')}
        data-zoom-in={t(lang, 'mapZoomIn')}
        data-zoom-out={t(lang, 'mapZoomOut')}
        data-leaflet-base="/static/vendor/leaflet/"
      />
    </div>
  );
}

export interface ListPageProps {
  ctx: PageContext;
  values: FilterValues;
  outcome: SearchOutcome;
  map: { tileUrl: string; attribution: string };
  hrefFor: (page: number) => string;
}

export function ActivationPointsPage(props: ListPageProps): VNode {
  const { ctx, outcome, values } = props;
  const lang = ctx.lang;
  const nearError = outcome.nearNotFound ? t(lang, 'nearNotFound', { name: values.near }) : undefined;
  const errors: FieldError[] = nearError ? [{ field: 'near', message: nearError }] : [];
  const { page } = outcome;
  return (
    <Layout ctx={ctx} title={t(lang, 'title')} breadcrumbs={[{ href: '/', label: t(lang, 'home') }, { label: t(lang, 'title') }]}>
      <link rel="stylesheet" href={CSS} />
      <ErrorSummary lang={lang} errors={errors} />
      <PageHeading caption={t(lang, 'caption')} title={t(lang, 'title')} lead={t(lang, 'lead')} />
      <div class="ap-intro">
        <div class="ap-intro__text">
          <p>{t(lang, 'explainPassport')}</p>
          <p>{t(lang, 'explainMfc')}</p>
          <p>{t(lang, 'explainAfter')}</p>
        </div>
        <div class="ap-bring">
          <h2 class="ap-bring__title">{t(lang, 'bringTitle')}</h2>
          <ul class="ap-bring__list">
            <li>{t(lang, 'bringPassport')}</li>
            <li>{t(lang, 'bringSnils')}</li>
          </ul>
        </div>
      </div>
      <p class="ap-to-results">
        <a href="#ap-results-title">{t(lang, 'toResults', { count: pointCount(lang, page.total) })}</a>
      </p>
      <div class="ap-layout">
        <Filters lang={lang} values={values} outcome={outcome} nearError={nearError} />
        <section class="ap-results-section" aria-labelledby="ap-results-title">
          <h2 class="ap-results__title" id="ap-results-title" tabindex={-1}>
            {t(lang, 'found', { count: pointCount(lang, page.total) })}
          </h2>
          {page.pageCount > 1 && <p class="ap-results__meta">{t(lang, 'pageOf', { page: page.page, pageCount: page.pageCount })}</p>}
          {outcome.reference && (
            <p class="ap-results__meta">
              {outcome.reference.settlement ? t(lang, 'distanceFromPlace', { place: outcome.reference.settlement }) : t(lang, 'distanceFromYou')}
            </p>
          )}
          {page.total === 0 ? (
            <Notice lang={lang} tone="info" title={t(lang, 'emptyTitle')}>
              <p>{t(lang, 'emptyBody')}</p>
              <p>
                <a href={LIST_PATH}>{t(lang, 'reset')}</a>
              </p>
            </Notice>
          ) : (
            <>
              <MapSection lang={lang} outcome={outcome} tileUrl={props.map.tileUrl} attribution={props.map.attribution} />
              <ol class="ap-results" aria-label={t(lang, 'resultsList')}>
                {page.items.map((r) => (
                  <PointCard lang={lang} centre={r.centre} status={r.status} distanceKm={r.distanceKm} now={outcome.now} />
                ))}
              </ol>
              <Pagination lang={lang} page={page.page} pageCount={page.pageCount} hrefFor={props.hrefFor} />
            </>
          )}
        </section>
      </div>
      <script type="module" src="/static/js/activation-map.js" />
    </Layout>
  );
}

export interface PointPageProps {
  ctx: PageContext;
  centre: ServiceCentreView;
  now: LocalTime;
  zoneLabel: string;
}

export function ActivationPointPage(props: PointPageProps): VNode {
  const { ctx, centre: c, now } = props;
  const lang = ctx.lang;
  const status = openStatus(c.hours, now);
  const days = t(lang, 'dayNames').split(',');
  const byDay = new Map(c.hours.map((h) => [h.day, h]));
  const coords = new Intl.NumberFormat(lang === 'ru' ? 'ru-RU' : 'en-GB', { minimumFractionDigits: 4, maximumFractionDigits: 6 });
  return (
    <Layout
      ctx={ctx}
      title={c.name}
      breadcrumbs={[{ href: '/', label: t(lang, 'home') }, { href: LIST_PATH, label: t(lang, 'title') }, { label: c.name }]}
    >
      <link rel="stylesheet" href={CSS} />
      <PageHeading caption={t(lang, c.type)} title={<Ru lang={lang}>{c.name}</Ru>} lead={<Ru lang={lang}>{c.address}</Ru>} />
      <p class="ap-now">
        <span class="ap-now__label">{t(lang, 'nowLabel')}:</span> <StatusBadge lang={lang} status={status} />
      </p>

      <h2>{t(lang, 'details')}</h2>
      <SummaryList
        items={[
          { key: t(lang, 'type'), value: t(lang, c.type) },
          { key: t(lang, 'municipality'), value: <Ru lang={lang}>{c.municipalityName}</Ru> },
          { key: t(lang, 'address'), value: <Ru lang={lang}>{c.address}</Ru> },
          { key: t(lang, 'phone'), value: c.phone ?? t(lang, 'phoneNone') },
          {
            key: t(lang, 'coordinates'),
            value: (
              <span>
                {t(lang, 'coordinatesValue', { lat: coords.format(c.lat), lon: coords.format(c.lon) })}
                {c.coordinatesIllustrative && (
                  <>
                    {' '}
                    <Illustrative lang={lang} />
                  </>
                )}
              </span>
            ),
          },
          { key: t(lang, 'canDo'), value: <CapabilityBadges lang={lang} capabilities={c.capabilities} label={t(lang, 'canDo')} /> },
        ]}
      />

      <h2>{t(lang, 'bringTitle')}</h2>
      <ul class="ap-point-bring">
        <li>{t(lang, 'bringPassport')}</li>
        {c.capabilities.includes('register') && <li>{t(lang, 'bringSnils')}</li>}
      </ul>

      <h2>{t(lang, 'hoursTitle')}</h2>
      <Table
        lang={lang}
        caption={t(lang, 'hoursTitle')}
        captionHidden
        stackOnMobile
        columns={[
          { key: 'day', label: t(lang, 'day'), rowHeader: true },
          { key: 'hours', label: t(lang, 'hours') },
          { key: 'lunch', label: t(lang, 'lunch') },
        ]}
        rows={days.map((name, i) => {
          const h = byDay.get((i + 1) as OpeningHoursRow['day']);
          const isToday = now.day === i + 1;
          return {
            day: isToday ? (
              <span class="ap-today">
                {name} <span class="ap-today__mark">({t(lang, 'todayMark')})</span>
              </span>
            ) : (
              name
            ),
            hours: h ? `${h.opens}–${h.closes}` : t(lang, 'todayClosed'),
            lunch: h ? (h.breakFrom && h.breakTo ? `${h.breakFrom}–${h.breakTo}` : t(lang, 'noBreak')) : '—',
          };
        })}
      />
      <p>{t(lang, 'timeZoneNote', { zone: props.zoneLabel })}</p>
      <p>
        <a href={LIST_PATH}>{t(lang, 'backToList')}</a>
      </p>
    </Layout>
  );
}
