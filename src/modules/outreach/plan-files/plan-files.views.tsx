/** The «load a plan from Excel» pages: a new plan for a year, or new items for an existing plan. */
import type { VNode } from 'preact';
import { Layout, type PageContext } from '../../../platform/views/layout.js';
import { Button, ButtonGroup, CheckboxField, CsrfField, ErrorMessage, ErrorSummary, Field, fieldId, Notice, PageHeading, type FieldError } from '../../../platform/views/components.js';
import type { PlanView } from '../outreach.repository.js';
import { planYear } from '../plan-items.js';
import { planFilesMessages as t } from './plan-files.messages.js';
import { FILE_FIELD } from './import-plan.js';

const XLSX_TYPES = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function FileInput(props: { ctx: PageContext; maxLabel: string; errors: string[] }): VNode {
  const { lang } = props.ctx;
  const id = fieldId(FILE_FIELD);
  const hintId = `${id}-hint`;
  const errorId = props.errors.length ? `${id}-error` : undefined;
  return (
    <div class={props.errors.length ? 'u-field u-field--error' : 'u-field'}>
      <label class="u-label" for={id}>
        {t(lang, 'file')}
      </label>
      <div class="u-hint" id={hintId}>
        {t(lang, 'fileHint', { max: props.maxLabel })}
      </div>
      {errorId && (
        <ErrorMessage lang={lang} id={errorId}>
          {props.errors.map((e, i) => (i === 0 ? e : [<br />, e]))}
        </ErrorMessage>
      )}
      <input
        class="u-file-input"
        type="file"
        id={id}
        name={FILE_FIELD}
        accept={XLSX_TYPES}
        aria-describedby={errorId ? `${hintId} ${errorId}` : hintId}
        aria-invalid={props.errors.length ? 'true' : undefined}
      />
    </div>
  );
}

export interface PlanImportPageProps {
  ctx: PageContext;
  /** null: a new plan at the actor's place; a plan: replace its working copy's items */
  plan: PlanView | null;
  values: Record<string, string>;
  errors: FieldError[];
  /** «10 МБ» */
  maxLabel: string;
}

export function PlanImportPage(props: PlanImportPageProps): VNode {
  const { ctx, plan, values, errors } = props;
  const lang = ctx.lang;
  const title = plan ? t(lang, 'replaceTitle') : t(lang, 'importTitle');
  const errorOf = (field: string) => errors.filter((e) => e.field === field).map((e) => e.message);
  const planHref = plan ? `/outreach/plans/${plan.id}` : '/outreach';
  const crumbs = [
    { href: '/staff', label: t(lang, 'staffHome') },
    { href: '/outreach', label: t(lang, 'plansTitle') },
    ...(plan ? [{ href: planHref, label: `${plan.municipalityName ?? plan.regionName}, ${planYear(plan.periodFrom)}` }] : []),
    { label: title },
  ];
  return (
    <Layout ctx={ctx} title={title} width="narrow" breadcrumbs={crumbs}>
      <ErrorSummary lang={lang} errors={errors} />
      {errors.length > 0 && (
        <Notice lang={lang} tone="warning">
          {t(lang, 'nothingSaved')}
        </Notice>
      )}
      <PageHeading caption={t(lang, 'section')} title={title} lead={plan ? t(lang, 'replaceLead', { title: plan.title }) : t(lang, 'importNewLead')} />
      <p>{t(lang, 'importLead')}</p>
      <form method="post" action={plan ? `/outreach/plans/${plan.id}/import` : '/outreach/plans/import'} enctype="multipart/form-data" novalidate>
        <CsrfField token={ctx.csrfToken} />
        {!plan && (
          <Field
            lang={lang}
            name="year"
            label={t(lang, 'year')}
            hint={t(lang, 'yearHint')}
            inputMode="numeric"
            width="xs"
            maxLength={4}
            value={values.year}
            error={errorOf('year')[0]}
          />
        )}
        <FileInput ctx={ctx} maxLabel={props.maxLabel} errors={errorOf(FILE_FIELD)} />
        {plan && <CheckboxField lang={lang} name="confirm" label={t(lang, 'confirmReplace')} checked={values.confirm === '1'} error={errorOf('confirm')[0]} />}
        <ButtonGroup>
          <Button type="submit">{t(lang, 'upload')}</Button>
          <Button href={planHref} variant="secondary">
            {t(lang, 'cancel')}
          </Button>
        </ButtonGroup>
      </form>
    </Layout>
  );
}
