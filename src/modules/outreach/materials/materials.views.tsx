import type { VNode } from 'preact';
import type { Lang } from '../../../platform/i18n.js';
import { Layout, type PageContext } from '../../../platform/views/layout.js';
import { Badge, Button, ButtonGroup, CsrfField, ErrorSummary, Field, Notice, PageHeading, SelectField, SummaryList, Table, type BadgeTone, type FieldError } from '../../../platform/views/components.js';
import type { MunicipalityOption, OrganisationOption } from '../events/events.repository.js';
import { CADENCE_LABEL, findKind, MATERIAL_KINDS } from './material-kinds.js';
import type { MaterialStatus } from './material-status.js';
import { materialsMessages as t, type MaterialsMessageKey } from './materials.messages.js';
import type { MaterialUpdateView, MaterialView } from './materials.repository.js';

type Values = Record<string, string>;

/** dd.mm.yyyy */
export function ruDate(iso: string | null): string {
  if (!iso) return '—';
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

const TONE: Record<MaterialStatus, BadgeTone> = { not_posted: 'danger', posted_not_updated: 'warning', posted_and_updated: 'success' };

export function StatusBadge(props: { lang: Lang; status: MaterialStatus }): VNode {
  return (
    <span data-status={props.status}>
      <Badge tone={TONE[props.status]}>{t(props.lang, `st_${props.status}` as MaterialsMessageKey)}</Badge>
    </span>
  );
}

function crumbs(lang: Lang, ...rest: Array<{ href?: string; label: string }>) {
  return [{ href: '/staff', label: t(lang, 'staffHome') }, { href: '/outreach', label: t(lang, 'plansTitle') }, { href: '/outreach/materials', label: t(lang, 'materialsTitle') }, ...rest];
}

function where(m: MaterialView): VNode | string {
  if (m.url) return <a href={m.url} rel="noopener noreferrer">{m.url}</a>;
  return [m.organisationName, m.room].filter(Boolean).join(', ') || '—';
}

export type MaterialRow = MaterialView & { status: MaterialStatus };
export interface IndicatorRow {
  key: string;
  label: string;
  level: number;
}

export function MaterialListPage(props: { ctx: PageContext; materials: MaterialRow[]; levels: IndicatorRow[]; canCreate: boolean; showTerritory: boolean; notice?: string }): VNode {
  const { ctx } = props;
  const lang = ctx.lang;
  return (
    <Layout ctx={ctx} title={t(lang, 'materialsTitle')} breadcrumbs={[{ href: '/staff', label: t(lang, 'staffHome') }, { href: '/outreach', label: t(lang, 'plansTitle') }, { label: t(lang, 'materialsTitle') }]}>
      {props.notice && <Notice lang={lang} tone="success" role="status">{props.notice}</Notice>}
      <PageHeading caption={t(lang, 'section')} title={t(lang, 'materialsTitle')} lead={t(lang, 'materialsLead')} />
      {props.canCreate && (
        <ButtonGroup>
          <Button href="/outreach/materials/new">{t(lang, 'createMaterial')}</Button>
        </ButtonGroup>
      )}
      <Table
        lang={lang}
        caption={t(lang, 'levelsTitle')}
        columns={[
          { key: 'indicator', label: t(lang, 'indicator'), rowHeader: true },
          { key: 'level', label: t(lang, 'level'), numeric: true },
        ]}
        rows={props.levels.map((l) => ({ indicator: l.label, level: <span data-indicator={l.key}>{String(l.level).replace('.', ',')}</span> }))}
      />
      <Table
        lang={lang}
        caption={t(lang, 'materialsTitle')}
        captionHidden
        stackOnMobile
        empty={t(lang, 'noMaterials')}
        columns={[
          { key: 'kind', label: t(lang, 'kind') },
          { key: 'title', label: t(lang, 'title'), rowHeader: true },
          { key: 'where', label: t(lang, 'where') },
          ...(props.showTerritory ? [{ key: 'territory', label: t(lang, 'municipality') }] : []),
          { key: 'posted', label: t(lang, 'postedOn') },
          { key: 'updated', label: t(lang, 'lastUpdatedOn') },
          { key: 'status', label: t(lang, 'status') },
        ]}
        rows={props.materials.map((m) => ({
          kind: findKind(m.kind)?.section ?? m.kind,
          title: <a href={`/outreach/materials/${m.id}`}>{m.title}</a>,
          where: where(m),
          territory: m.municipalityName,
          posted: ruDate(m.postedOn),
          updated: ruDate(m.lastUpdatedOn),
          status: <StatusBadge lang={lang} status={m.status} />,
        }))}
      />
    </Layout>
  );
}

export interface MaterialFormChoices {
  municipalities: MunicipalityOption[];
  organisations: OrganisationOption[];
}

/** The form for a new material, or for changing `material`. */
export function MaterialFormPage(props: { ctx: PageContext; material?: MaterialView; choices: MaterialFormChoices; values: Values; errors: FieldError[] }): VNode {
  const { ctx, material, choices, values, errors } = props;
  const lang = ctx.lang;
  const err = (f: string) => errors.find((e) => e.field === f)?.message;
  const title = material ? t(lang, 'editTitle') : t(lang, 'newTitle');
  const manyPlaces = choices.municipalities.length > 1;
  const muniName = new Map(choices.municipalities.map((m) => [m.id, m.name]));
  const back = material ? `/outreach/materials/${material.id}` : '/outreach/materials';
  return (
    <Layout ctx={ctx} title={title} width="narrow" breadcrumbs={crumbs(lang, ...(material ? [{ href: back, label: material.title }] : []), { label: title })}>
      <ErrorSummary lang={lang} errors={errors} />
      <PageHeading caption={material ? `${findKind(material.kind)?.section ?? material.kind} · ${material.municipalityName}` : t(lang, 'section')} title={title} />
      <form method="post" action={material ? `/outreach/materials/${material.id}` : '/outreach/materials'} novalidate>
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
        <SelectField
          lang={lang}
          name="kind"
          label={t(lang, 'kind')}
          emptyOption
          value={values.kind}
          error={err('kind')}
          options={MATERIAL_KINDS.map((k) => ({ value: k.key, label: `${k.section} — ${k.title}` }))}
        />
        <Field lang={lang} name="title" label={t(lang, 'title')} hint={t(lang, 'titleHint')} width="full" maxLength={500} value={values.title} error={err('title')} />
        <Field lang={lang} name="url" label={t(lang, 'url')} hint={t(lang, 'urlHint')} optional width="full" maxLength={2000} value={values.url} error={err('url')} />
        <SelectField
          lang={lang}
          name="organisationId"
          label={t(lang, 'organisation')}
          hint={t(lang, 'organisationHint')}
          optional
          emptyOption={t(lang, 'noneSelected')}
          value={values.organisationId}
          error={err('organisationId')}
          options={choices.organisations.map((o) => ({ value: o.id, label: manyPlaces && o.municipalityId ? `${muniName.get(o.municipalityId) ?? ''} · ${o.name}` : o.name }))}
        />
        <Field lang={lang} name="room" label={t(lang, 'room')} hint={t(lang, 'roomHint')} optional width="l" maxLength={200} value={values.room} error={err('room')} />
        <Field lang={lang} name="postedOn" label={t(lang, 'postedOn')} hint={t(lang, 'postedOnHint')} optional width="s" inputMode="numeric" maxLength={10} value={values.postedOn} error={err('postedOn')} />
        <ButtonGroup>
          <Button type="submit">{t(lang, 'save')}</Button>
          <Button href={back} variant="secondary">
            {t(lang, 'cancel')}
          </Button>
        </ButtonGroup>
      </form>
    </Layout>
  );
}

export function MaterialPage(props: {
  ctx: PageContext;
  material: MaterialView;
  status: MaterialStatus;
  updates: MaterialUpdateView[];
  canEdit: boolean;
  values: Values;
  errors: FieldError[];
  notice?: string;
}): VNode {
  const { ctx, material: m, errors, values } = props;
  const lang = ctx.lang;
  const kind = findKind(m.kind);
  const err = (f: string) => errors.find((e) => e.field === f)?.message;
  return (
    <Layout ctx={ctx} title={m.title} breadcrumbs={crumbs(lang, { label: m.title })}>
      <ErrorSummary lang={lang} errors={errors} />
      {props.notice && <Notice lang={lang} tone="success" role="status">{props.notice}</Notice>}
      <PageHeading caption={`${kind?.section ?? m.kind} · ${m.municipalityName}`} title={m.title} />
      {props.canEdit && (
        <ButtonGroup>
          <Button href={`/outreach/materials/${m.id}/edit`} variant="secondary">
            {t(lang, 'edit')}
          </Button>
          <Button href={`/outreach/materials/${m.id}/delete`} variant="secondary">
            {t(lang, 'delete')}
          </Button>
        </ButtonGroup>
      )}
      <SummaryList
        items={[
          { key: t(lang, 'kind'), value: kind ? `${kind.section} — ${kind.title}` : m.kind },
          { key: t(lang, 'where'), value: where(m) },
          { key: t(lang, 'postedOn'), value: ruDate(m.postedOn) },
          { key: t(lang, 'lastUpdatedOn'), value: ruDate(m.lastUpdatedOn) },
          { key: t(lang, 'cadence'), value: kind ? CADENCE_LABEL[kind.cadence.unit] : '—' },
          { key: t(lang, 'status'), value: <StatusBadge lang={lang} status={props.status} /> },
        ]}
      />
      {props.canEdit && m.postedOn && (
        <section class="u-panel" aria-labelledby="mark-update">
          <h2 class="u-h2" id="mark-update">{t(lang, 'markUpdate')}</h2>
          <form method="post" action={`/outreach/materials/${m.id}/updates`} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <Field lang={lang} name="updatedOn" label={t(lang, 'updatedOn')} hint={t(lang, 'updatedOnHint')} width="s" inputMode="numeric" maxLength={10} value={values.updatedOn} error={err('updatedOn')} />
            <Field lang={lang} name="note" label={t(lang, 'note')} optional width="full" maxLength={2000} value={values.note} error={err('note')} />
            <ButtonGroup>
              <Button type="submit">{t(lang, 'markUpdate')}</Button>
            </ButtonGroup>
          </form>
        </section>
      )}
      <Table
        lang={lang}
        caption={t(lang, 'updatesTitle')}
        empty={t(lang, 'noUpdates')}
        columns={[
          { key: 'date', label: t(lang, 'updatedOn'), rowHeader: true },
          { key: 'note', label: t(lang, 'note') },
        ]}
        rows={props.updates.map((u) => ({ date: ruDate(u.updatedOn), note: u.note || '—' }))}
      />
    </Layout>
  );
}

/** The confirmation step before a material (and its updates) is deleted. */
export function DeleteMaterialPage(props: { ctx: PageContext; material: MaterialView; updates: number }): VNode {
  const { ctx, material: m } = props;
  const lang = ctx.lang;
  const kind = findKind(m.kind);
  const title = t(lang, 'deleteTitle');
  return (
    <Layout ctx={ctx} title={title} width="narrow" breadcrumbs={crumbs(lang, { href: `/outreach/materials/${m.id}`, label: m.title }, { label: title })}>
      <PageHeading caption={`${kind?.section ?? m.kind} · ${m.municipalityName}`} title={title} lead={t(lang, 'deleteLead')} />
      <SummaryList
        items={[
          { key: t(lang, 'title'), value: m.title },
          { key: t(lang, 'kind'), value: kind ? `${kind.section} — ${kind.title}` : m.kind },
          { key: t(lang, 'where'), value: where(m) },
          { key: t(lang, 'postedOn'), value: ruDate(m.postedOn) },
          { key: t(lang, 'deleteUpdates'), value: String(props.updates) },
        ]}
      />
      <form method="post" action={`/outreach/materials/${m.id}/delete`}>
        <CsrfField token={ctx.csrfToken} />
        <ButtonGroup>
          <Button type="submit" variant="danger">
            {t(lang, 'deleteConfirm')}
          </Button>
          <Button href={`/outreach/materials/${m.id}`} variant="secondary">
            {t(lang, 'cancel')}
          </Button>
        </ButtonGroup>
      </form>
    </Layout>
  );
}
