import type { VNode } from 'preact';
import { formatNumber, type Lang } from '../../platform/i18n.js';
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { Badge, Button, CsrfField, ErrorSummary, Field, Illustrative, Notice, PageHeading, Table, type FieldError } from '../../platform/views/components.js';
import type { OpeningHoursRow } from '../../db/schema/territory.js';
import { territoryMessages as t } from './territory.messages.js';
import type { MunicipalityView, OrganisationView, RegionView, ServiceCentreView } from './territory.repository.js';

/** «Пн–Пт 08:00–18:00 (перерыв 13:00–14:00); Сб 09:00–13:00» — consecutive equal days are merged. */
export function formatHours(lang: Lang, hours: OpeningHoursRow[]): string {
  const names = t(lang, 'days').split(',');
  const byDay = new Map(hours.map((h) => [h.day, h]));
  const key = (h: OpeningHoursRow | undefined) => (h ? `${h.opens}–${h.closes}${h.breakFrom ? ` (${t(lang, 'break')} ${h.breakFrom}–${h.breakTo})` : ''}` : null);
  const groups: { from: number; to: number; text: string | null }[] = [];
  for (let d = 1; d <= 7; d++) {
    const text = key(byDay.get(d as OpeningHoursRow['day']));
    const last = groups.at(-1);
    if (last && last.text === text && last.to === d - 1) last.to = d;
    else groups.push({ from: d, to: d, text });
  }
  return groups
    .filter((g) => g.text !== null)
    .map((g) => `${names[g.from - 1]}${g.to > g.from ? `–${names[g.to - 1]}` : ''} ${g.text}`)
    .join('; ');
}

function Figure(props: { lang: Lang; value: number | null; illustrative: boolean }): VNode {
  return (
    <span>
      {props.value === null ? '—' : formatNumber(props.lang, props.value)}
      {props.illustrative && props.value !== null && (
        <>
          {' '}
          <Illustrative lang={props.lang} />
        </>
      )}
    </span>
  );
}

export function RegionPage(props: { ctx: PageContext; region: RegionView; municipalities: MunicipalityView[] }): VNode {
  const { ctx, region } = props;
  const lang = ctx.lang;
  return (
    <Layout ctx={ctx} title={`${t(lang, 'title')}: ${region.name}`} breadcrumbs={[{ href: '/staff', label: lang === 'ru' ? 'Кабинет сотрудника' : 'Staff workplace' }, { label: t(lang, 'title') }]}>
      <PageHeading caption={t(lang, 'title')} title={region.name} lead={t(lang, 'lead')} />
      <Table
        lang={lang}
        caption={t(lang, 'municipalities')}
        stackOnMobile
        columns={[
          { key: 'name', label: t(lang, 'name'), rowHeader: true },
          { key: 'type', label: t(lang, 'type') },
          { key: 'oktmo', label: t(lang, 'oktmo') },
          { key: 'population', label: t(lang, 'population'), numeric: true },
          { key: 'orgs', label: t(lang, 'organisations'), numeric: true },
          { key: 'centres', label: t(lang, 'serviceCentres'), numeric: true },
        ]}
        rows={props.municipalities.map((m) => ({
          name: <a href={`/staff/territory/${m.key}`}>{m.name}</a>,
          type: t(lang, m.type),
          oktmo: (
            <span>
              {m.oktmo}
              {m.oktmoIllustrative && (
                <>
                  {' '}
                  <Illustrative lang={lang} />
                </>
              )}
            </span>
          ),
          population: <Figure lang={lang} value={m.population} illustrative={m.populationIllustrative} />,
          orgs: formatNumber(lang, m.organisationCount),
          centres: formatNumber(lang, m.serviceCentreCount),
        }))}
      />
      <Notice lang={lang} tone="info">{t(lang, 'illustrativeNote')}</Notice>
    </Layout>
  );
}

export function MunicipalityPage(props: {
  ctx: PageContext;
  municipality: MunicipalityView;
  organisations: OrganisationView[];
  centres: ServiceCentreView[];
  canEdit: (org: OrganisationView) => boolean;
  editing?: { orgKey: string; value: string; error?: string };
  notice?: string;
}): VNode {
  const { ctx, municipality: m } = props;
  const lang = ctx.lang;
  const errors: FieldError[] = props.editing?.error ? [{ field: 'employees', message: props.editing.error }] : [];
  const editingOrg = props.editing ? props.organisations.find((o) => o.key === props.editing!.orgKey) : undefined;
  return (
    <Layout
      ctx={ctx}
      title={m.name}
      breadcrumbs={[
        { href: '/staff', label: lang === 'ru' ? 'Кабинет сотрудника' : 'Staff workplace' },
        { href: '/staff/territory', label: t(lang, 'title') },
        { label: m.name },
      ]}
    >
      <ErrorSummary lang={lang} errors={errors} />
      {props.notice && <Notice lang={lang} tone="success" role="status">{props.notice}</Notice>}
      <PageHeading caption={t(lang, m.type)} title={m.name} lead={`${t(lang, 'centre')}: ${m.centre}. ${t(lang, 'oktmo')} ${m.oktmo}.`} />
      {editingOrg && (
        <form method="post" action={`/staff/territory/organisations/${editingOrg.key}/employees`} novalidate class="u-panel" id="employees-form">
          <CsrfField token={ctx.csrfToken} />
          <Field lang={lang} name="employees" type="text" inputMode="numeric" width="s" label={t(lang, 'employeesLabel', { name: editingOrg.shortName })} hint={t(lang, 'employeesHint')} value={props.editing!.value} error={props.editing!.error} />
          <Button type="submit">{t(lang, 'saveEmployees')}</Button>
        </form>
      )}
      <Table
        lang={lang}
        caption={t(lang, 'organisations')}
        stackOnMobile
        columns={[
          { key: 'name', label: t(lang, 'name'), rowHeader: true },
          { key: 'kind', label: t(lang, 'kind') },
          { key: 'employees', label: t(lang, 'employees'), numeric: true },
          { key: 'address', label: t(lang, 'address') },
        ]}
        rows={props.organisations.map((o) => ({
          name: o.name,
          kind: t(lang, o.kind as 'school'),
          employees: (
            <span>
              <Figure lang={lang} value={o.employees} illustrative={o.employeesIllustrative} />
              {props.canEdit(o) && (
                <>
                  {' '}
                  <a href={`/staff/territory/${m.key}?edit=${o.key}#employees-form`}>
                    {t(lang, 'editEmployees')}
                    <span class="u-visually-hidden"> {`${t(lang, 'employees')}: ${o.shortName}`}</span>
                  </a>
                </>
              )}
            </span>
          ),
          address: o.address ?? '—',
        }))}
      />
      <Table
        lang={lang}
        caption={t(lang, 'serviceCentres')}
        stackOnMobile
        columns={[
          { key: 'name', label: t(lang, 'name'), rowHeader: true },
          { key: 'type', label: t(lang, 'type') },
          { key: 'address', label: t(lang, 'address') },
          { key: 'hours', label: t(lang, 'hours') },
          { key: 'caps', label: t(lang, 'capabilities') },
        ]}
        rows={props.centres.map((c) => ({
          name: c.name,
          type: t(lang, c.type),
          address: c.address,
          hours: formatHours(lang, c.hours),
          caps: (
            <span class="u-badge-list">
              {c.capabilities.map((cap) => (
                <>
                  <Badge tone="info">{t(lang, cap)}</Badge>{' '}
                </>
              ))}
            </span>
          ),
        }))}
      />
    </Layout>
  );
}

export function NoRegionPage(props: { ctx: PageContext }): VNode {
  return (
    <Layout ctx={props.ctx} title={t(props.ctx.lang, 'title')}>
      <PageHeading title={t(props.ctx.lang, 'title')} />
      <Notice lang={props.ctx.lang} tone="warning">{t(props.ctx.lang, 'noRegion')}</Notice>
    </Layout>
  );
}
