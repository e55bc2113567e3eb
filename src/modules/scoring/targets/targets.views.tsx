/** The targets page: municipality × quarter, registered and confirmed targets; one form for the regional administrator, read-only for a coordinator. */
import type { VNode } from 'preact';
import { Layout, type PageContext } from '../../../platform/views/layout.js';
import { Button, ButtonGroup, CsrfField, ErrorSummary, Field, Notice, PageHeading, Table, VisuallyHidden, type FieldError } from '../../../platform/views/components.js';
import { formatNumberRu } from '../formula/index.js';
import { confirmedField, QUARTERS, registeredField } from './save-targets.js';
import { targetsMessages as t } from './targets.messages.js';

export interface TargetsPageProps {
  ctx: PageContext;
  year: number;
  municipalities: Array<{ id: string; name: string }>;
  /** the form's values: field name → text (stored targets, or what was typed) */
  values: Record<string, string>;
  errors: FieldError[];
  canEdit: boolean;
  notice?: string;
}

const QUARTER_RU = ['I', 'II', 'III', 'IV'] as const;

export function TargetsPage(props: TargetsPageProps): VNode {
  const { ctx, year } = props;
  const lang = ctx.lang;
  const qLabel = (q: number) => (lang === 'ru' ? QUARTER_RU[q - 1]! : String(q));
  const errorOf = (field: string) => props.errors.find((e) => e.field === field)?.message;

  const cell = (m: { id: string; name: string }, q: number) => {
    const r = registeredField(m.id, q);
    const c = confirmedField(m.id, q);
    if (!props.canEdit) {
      const rv = props.values[r];
      const cv = props.values[c];
      return (
        <span data-target={`${m.id}-${q}`}>
          {rv && cv ? t(lang, 'valueText', { registered: formatNumberRu(Number(rv)), confirmed: formatNumberRu(Number(cv)) }) : t(lang, 'notSet')}
        </span>
      );
    }
    const hidden = <VisuallyHidden>{t(lang, 'hiddenContext', { municipality: m.name, quarter: qLabel(q), year })}</VisuallyHidden>;
    return (
      <div class="u-targets-cell">
        <Field lang={lang} name={r} label={<>{t(lang, 'registered')}{hidden}</>} value={props.values[r] ?? ''} inputMode="numeric" width="xs" error={errorOf(r)} />
        <Field lang={lang} name={c} label={<>{t(lang, 'confirmed')}{hidden}</>} value={props.values[c] ?? ''} inputMode="numeric" width="xs" error={errorOf(c)} />
      </div>
    );
  };

  const table = (
    <Table
      lang={lang}
      caption={t(lang, 'tableCaption', { year })}
      columns={[
        { key: 'municipality', label: t(lang, 'colMunicipality'), rowHeader: true },
        ...QUARTERS.map((q) => ({ key: `q${q}`, label: t(lang, 'colQuarter', { quarter: qLabel(q) }) })),
      ]}
      rows={props.municipalities.map((m) => ({
        municipality: m.name,
        ...Object.fromEntries(QUARTERS.map((q) => [`q${q}`, cell(m, q)])),
      }))}
      stackOnMobile
    />
  );

  return (
    <Layout
      ctx={ctx}
      title={t(lang, 'title')}
      breadcrumbs={[{ href: '/staff', label: t(lang, 'staffHome') }, { href: '/outreach', label: t(lang, 'plansTitle') }, { label: t(lang, 'title') }]}
    >
      <PageHeading caption={t(lang, 'caption', { year })} title={t(lang, 'title')} lead={t(lang, props.canEdit ? 'leadEdit' : 'leadView')} />
      <ErrorSummary lang={lang} errors={props.errors} />
      {props.notice && (
        <Notice lang={lang} tone="success" role="status">
          <p>{props.notice}</p>
        </Notice>
      )}
      <form method="get" action="/outreach/targets" aria-label={t(lang, 'yearFilter')} class="u-targets-year">
        <Field lang={lang} name="year" label={t(lang, 'yearLabel')} value={String(year)} inputMode="numeric" width="xs" />
        <Button type="submit" variant="secondary">
          {t(lang, 'show')}
        </Button>
      </form>
      {props.canEdit ? (
        <form method="post" action={`/outreach/targets?year=${year}`} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="targetYear" value={String(year)} />
          {table}
          <ButtonGroup>
            <Button type="submit">{t(lang, 'save')}</Button>
          </ButtonGroup>
        </form>
      ) : (
        table
      )}
    </Layout>
  );
}
