import type { VNode } from 'preact';
import { ActivityTypeField } from '../activity-type-field.js';
import { formatDate, formatNumber, type Lang } from '../../../platform/i18n.js';
import { Layout, type PageContext } from '../../../platform/views/layout.js';
import {
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
} from '../../../platform/views/components.js';
import { AttachmentList, DeleteAttachmentForm, FileField, type AttachmentMeta } from '../../../platform/files/index.js';
import type { ActivityTypeView } from '../outreach.repository.js';
import { EVIDENCE_ALLOWED, EVIDENCE_MAX_FILES } from './event-evidence.js';
import { EVENT_FORMATS, eventsMessages as t, isEventFormat, type EventsMessageKey } from './events.messages.js';
import type { EventEffect, EventListRow, EventView, MunicipalityOption, OrganisationOption, PlanItemOption } from './events.repository.js';

type Values = Record<string, string>;

function date(lang: Lang, iso: string): string {
  return formatDate(lang, new Date(`${iso}T12:00:00Z`), 'UTC');
}

function crumbs(lang: Lang, ...rest: Array<{ href?: string; label: string }>) {
  return [{ href: '/staff', label: t(lang, 'staffHome') }, { href: '/outreach', label: t(lang, 'plansTitle') }, { href: '/outreach/events', label: t(lang, 'eventsTitle') }, ...rest];
}

export function formatLabel(lang: Lang, e: Pick<EventView, 'format' | 'formatOther'>): string {
  if (e.format === 'other' && e.formatOther) return e.formatOther;
  return isEventFormat(e.format) ? t(lang, `fmt_${e.format}` as EventsMessageKey) : e.format;
}

/** The registration link to print: /register?event=CODE on the site's public address. */
export function registrationLink(publicUrl: string, code: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/register?event=${encodeURIComponent(code)}`;
}

export function EventListPage(props: { ctx: PageContext; events: EventListRow[]; evidenceCounts: Map<string, number>; canCreate: boolean; showTerritory: boolean }): VNode {
  const { ctx } = props;
  const lang = ctx.lang;
  return (
    <Layout ctx={ctx} title={t(lang, 'eventsTitle')} breadcrumbs={[{ href: '/staff', label: t(lang, 'staffHome') }, { href: '/outreach', label: t(lang, 'plansTitle') }, { label: t(lang, 'eventsTitle') }]}>
      <PageHeading caption={t(lang, 'section')} title={t(lang, 'eventsTitle')} lead={t(lang, 'eventsLead')} />
      {props.canCreate && (
        <ButtonGroup>
          <Button href="/outreach/events/new">{t(lang, 'createEvent')}</Button>
        </ButtonGroup>
      )}
      <Table
        lang={lang}
        caption={t(lang, 'eventsTitle')}
        captionHidden
        stackOnMobile
        empty={t(lang, 'noEvents')}
        columns={[
          { key: 'date', label: t(lang, 'date') },
          { key: 'topic', label: t(lang, 'topic'), rowHeader: true },
          { key: 'format', label: t(lang, 'format') },
          { key: 'place', label: t(lang, 'place') },
          ...(props.showTerritory ? [{ key: 'territory', label: t(lang, 'territory') }] : []),
          { key: 'people', label: t(lang, 'peopleReached'), numeric: true },
          { key: 'effect', label: `${t(lang, 'registrations')} / ${t(lang, 'confirmations')}`, numeric: true },
          { key: 'evidence', label: t(lang, 'evidenceCount'), numeric: true },
        ]}
        rows={props.events.map((e) => ({
          date: date(lang, e.heldOn),
          topic: <a href={`/outreach/events/${e.id}`}>{e.title}</a>,
          format: formatLabel(lang, e),
          place: e.place,
          territory: e.municipalityName,
          people: e.peopleReached === null ? '—' : formatNumber(lang, e.peopleReached),
          effect: t(lang, 'regsConfs', { r: formatNumber(lang, e.registrations), c: formatNumber(lang, e.confirmations) }),
          evidence: <span data-evidence-count={e.id}>{formatNumber(lang, props.evidenceCounts.get(e.id) ?? 0)}</span>,
        }))}
      />
    </Layout>
  );
}

export interface EventFormChoices {
  municipalities: MunicipalityOption[];
  organisations: OrganisationOption[];
  planItems: PlanItemOption[];
  types: ActivityTypeView[];
}

function shorten(s: string, max = 90): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

export function EventFormPage(props: { ctx: PageContext; event?: EventView; choices: EventFormChoices; values: Values; errors: FieldError[] }): VNode {
  const { ctx, event, choices, values, errors } = props;
  const lang = ctx.lang;
  const err = (f: string) => errors.find((e) => e.field === f)?.message;
  const title = event ? t(lang, 'editTitle') : t(lang, 'newTitle');
  const manyPlaces = choices.municipalities.length > 1;
  const muniName = new Map(choices.municipalities.map((m) => [m.id, m.name]));
  const action = event ? `/outreach/events/${event.id}` : '/outreach/events';
  return (
    <Layout ctx={ctx} title={title} width="narrow" breadcrumbs={crumbs(lang, ...(event ? [{ href: `/outreach/events/${event.id}`, label: event.title }] : []), { label: title })}>
      <ErrorSummary lang={lang} errors={errors} />
      <PageHeading caption={event ? `${event.code} · ${event.municipalityName}` : t(lang, 'section')} title={title} lead={event ? undefined : t(lang, 'newLead')} />
      <form method="post" action={action} novalidate>
        <CsrfField token={ctx.csrfToken} />
        {manyPlaces && (
          <SelectField
            lang={lang}
            name="municipalityId"
            label={t(lang, 'municipality')}
            emptyOption
            value={values.municipalityId}
            error={err('municipalityId')}
            options={choices.municipalities.map((m) => ({ value: m.id, label: m.name }))}
          />
        )}
        <Field lang={lang} name="heldOn" label={t(lang, 'heldOn')} hint={t(lang, 'heldOnHint')} width="s" inputMode="numeric" maxLength={10} value={values.heldOn} error={err('heldOn')} />
        <Field lang={lang} name="title" label={t(lang, 'topic')} width="full" maxLength={500} value={values.title} error={err('title')} />
        <SelectField
          lang={lang}
          name="format"
          label={t(lang, 'format')}
          emptyOption
          value={values.format}
          error={err('format')}
          options={EVENT_FORMATS.map((f) => ({ value: f, label: t(lang, `fmt_${f}` as EventsMessageKey) }))}
        />
        <Field lang={lang} name="formatOther" label={t(lang, 'formatOther')} hint={t(lang, 'formatOtherHint')} optional width="l" maxLength={200} value={values.formatOther} error={err('formatOther')} />
        <Field lang={lang} name="place" label={t(lang, 'place')} hint={t(lang, 'placeHint')} width="full" maxLength={500} value={values.place} error={err('place')} />
        <SelectField
          lang={lang}
          name="organisationId"
          label={t(lang, 'organisation')}
          optional
          emptyOption={t(lang, 'noneSelected')}
          value={values.organisationId}
          error={err('organisationId')}
          options={choices.organisations.map((o) => ({ value: o.id, label: manyPlaces && o.municipalityId ? `${muniName.get(o.municipalityId) ?? ''} · ${o.name}` : o.name }))}
        />
        <Field lang={lang} name="audience" label={t(lang, 'audience')} hint={t(lang, 'audienceHint')} optional width="full" maxLength={500} value={values.audience} error={err('audience')} />
        <Field lang={lang} name="peopleReached" label={t(lang, 'peopleReached')} optional width="xs" inputMode="numeric" maxLength={9} value={values.peopleReached} error={err('peopleReached')} />
        <TextareaField lang={lang} name="links" label={t(lang, 'links')} hint={t(lang, 'linksHint')} optional rows={3} value={values.links} error={err('links')} />
        <SelectField
          lang={lang}
          name="planItemId"
          label={t(lang, 'planItem')}
          optional
          emptyOption={t(lang, 'noneSelected')}
          value={values.planItemId}
          error={err('planItemId')}
          options={choices.planItems.map((i) => ({ value: i.id, label: `${i.planTitle} · ${i.itemNumber}. ${shorten(i.content)}` }))}
        />
        <ActivityTypeField lang={lang} types={choices.types} value={values.activityTypeId} error={err('activityTypeId')} />
        <TextareaField lang={lang} name="notes" label={t(lang, 'notes')} optional rows={3} value={values.notes} error={err('notes')} />
        <Notice lang={lang} tone="info">{t(lang, 'filesNote')}</Notice>
        <ButtonGroup>
          <Button type="submit">{t(lang, 'save')}</Button>
          <Button href={event ? `/outreach/events/${event.id}` : '/outreach/events'} variant="secondary">
            {t(lang, 'cancel')}
          </Button>
        </ButtonGroup>
      </form>
    </Layout>
  );
}

export function EventPage(props: {
  ctx: PageContext;
  event: EventView;
  effect: EventEffect;
  link: string;
  planItem: PlanItemOption | null;
  activityType: ActivityTypeView | null;
  canEdit: boolean;
  notice?: string;
  attachments: AttachmentMeta[];
  /** the evidence form: the caption as typed and the errors of the last submit */
  evidence: { caption: string; errors: FieldError[]; maxBytes: number };
}): VNode {
  const { ctx, event: e, effect, evidence } = props;
  const lang = ctx.lang;
  const n = (v: number) => formatNumber(lang, v);
  const evidenceErrors = (f: string) => evidence.errors.filter((x) => x.field === f).map((x) => x.message);
  return (
    <Layout ctx={ctx} title={e.title} breadcrumbs={crumbs(lang, { label: e.title })}>
      <ErrorSummary lang={lang} errors={evidence.errors} />
      {props.notice && <Notice lang={lang} tone="success" role="status">{props.notice}</Notice>}
      <PageHeading caption={`${date(lang, e.heldOn)} · ${e.municipalityName}`} title={e.title} />
      {props.canEdit && (
        <ButtonGroup>
          <Button href={`/outreach/events/${e.id}/edit`} variant="secondary">{t(lang, 'edit')}</Button>
        </ButtonGroup>
      )}
      <section class="u-panel" aria-labelledby="event-code">
        <h2 class="u-h2" id="event-code">{t(lang, 'code')}</h2>
        <p class="u-h1" data-event-code={e.code}>
          <code>{e.code}</code>
        </p>
        <p class="u-hint">{t(lang, 'codeLead')}</p>
        <p>
          {t(lang, 'registrationLink')}: <a href={props.link}>{props.link}</a>
        </p>
      </section>
      <h2 class="u-h2">{t(lang, 'details')}</h2>
      <SummaryList
        items={[
          { key: t(lang, 'heldOn'), value: date(lang, e.heldOn) },
          { key: t(lang, 'format'), value: formatLabel(lang, e) },
          { key: t(lang, 'place'), value: e.place },
          { key: t(lang, 'organisation'), value: e.organisationName ?? '—' },
          { key: t(lang, 'audience'), value: e.audience || '—' },
          { key: t(lang, 'peopleReached'), value: e.peopleReached === null ? '—' : n(e.peopleReached) },
          {
            key: t(lang, 'planItem'),
            value: props.planItem ? <a href={`/outreach/plans/${props.planItem.planId}`}>{`${props.planItem.planTitle} · ${props.planItem.itemNumber}. ${shorten(props.planItem.content)}`}</a> : '—',
          },
          { key: t(lang, 'activityType'), value: props.activityType?.title ?? '—' },
          {
            key: t(lang, 'links'),
            value: e.links.length ? (
              <ul class="u-list">
                {e.links.map((l) => (
                  <li>
                    <a href={l.url} rel="noopener noreferrer">{l.title || l.url}</a>
                  </li>
                ))}
              </ul>
            ) : (
              '—'
            ),
          },
          ...(e.notes ? [{ key: t(lang, 'notes'), value: e.notes }] : []),
        ]}
      />
      <Table
        lang={lang}
        caption={t(lang, 'effectTitle')}
        columns={[
          { key: 'channel', label: t(lang, 'effectChannel'), rowHeader: true },
          { key: 'reg', label: t(lang, 'registrations'), numeric: true },
          { key: 'conf', label: t(lang, 'confirmations'), numeric: true },
        ]}
        rows={[
          { channel: t(lang, 'online'), reg: n(effect.registrations.online), conf: n(effect.confirmations.online) },
          { channel: t(lang, 'atCentre'), reg: n(effect.registrations.atCentre), conf: n(effect.confirmations.atCentre) },
          { channel: t(lang, 'total'), reg: n(effect.registrations.total), conf: n(effect.confirmations.total) },
        ]}
      />
      <p class="u-hint" id="effect-window">{t(lang, 'effectLead', { days: 30, from: date(lang, effect.from), to: date(lang, effect.to) })}</p>
      <section aria-labelledby="evidence" id="evidence-section">
        <h2 class="u-h2" id="evidence">{t(lang, 'evidenceTitle')}</h2>
        <p class="u-hint">{t(lang, 'evidenceLead')}</p>
        <AttachmentList
          lang={lang}
          attachments={props.attachments}
          empty={t(lang, 'evidenceNone')}
          deleteHref={props.canEdit ? (a) => `/outreach/events/${e.id}/files/${a.id}/delete` : undefined}
        />
        {props.canEdit && (
          <div class="u-panel">
            <h3 class="u-h3" id="evidence-add">{t(lang, 'evidenceAdd')}</h3>
            <form method="post" action={`/outreach/events/${e.id}/files`} enctype="multipart/form-data" aria-labelledby="evidence-add" novalidate>
              <CsrfField token={ctx.csrfToken} />
              <FileField
                lang={lang}
                name="files"
                label={t(lang, 'evidenceFiles')}
                allowed={EVIDENCE_ALLOWED}
                maxBytes={evidence.maxBytes}
                maxFiles={EVIDENCE_MAX_FILES}
                error={evidenceErrors('files').length ? evidenceErrors('files') : undefined}
              />
              <Field
                lang={lang}
                name="caption"
                label={t(lang, 'evidenceCaption')}
                hint={t(lang, 'evidenceCaptionHint')}
                optional
                width="full"
                maxLength={500}
                value={evidence.caption}
                error={evidenceErrors('caption')[0]}
              />
              <ButtonGroup>
                <Button type="submit">{t(lang, 'evidenceUpload')}</Button>
              </ButtonGroup>
            </form>
          </div>
        )}
      </section>
    </Layout>
  );
}

/** The confirmation step before an evidence file is deleted. */
export function DeleteEvidencePage(props: { ctx: PageContext; event: EventView; attachment: AttachmentMeta }): VNode {
  const { ctx, event: e } = props;
  const lang = ctx.lang;
  const title = t(lang, 'deleteFileTitle');
  return (
    <Layout ctx={ctx} title={title} width="narrow" breadcrumbs={crumbs(lang, { href: `/outreach/events/${e.id}`, label: e.title }, { label: title })}>
      <PageHeading caption={`${e.code} · ${e.municipalityName}`} title={title} lead={t(lang, 'deleteFileLead', { title: e.title })} />
      <DeleteAttachmentForm
        lang={lang}
        attachment={props.attachment}
        action={`/outreach/events/${e.id}/files/${props.attachment.id}/delete`}
        cancelHref={`/outreach/events/${e.id}#evidence`}
        csrfToken={ctx.csrfToken}
        confirmLabel={t(lang, 'deleteFileConfirm')}
        cancelLabel={t(lang, 'cancel')}
      />
    </Layout>
  );
}
