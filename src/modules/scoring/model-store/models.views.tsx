/**
 * The scoring-model pages: the versions of a model, one version's tree
 * (read-only), the draft editor with its live preview, publishing and
 * deleting a draft. Everything works without JavaScript; with it,
 * public/js/model-editor.js adds and removes rows in place and refreshes the
 * preview as one types (the fragment comes from PreviewResults below).
 */
import type { VNode } from 'preact';
import { formatDate, type Lang } from '../../../platform/i18n.js';
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
  type BadgeTone,
  type SelectOption,
} from '../../../platform/views/components.js';
import type { ModelEvaluation } from '../evaluate-model.js';
import { formatNumberRu } from '../formula/index.js';
import type { InputDef, ScoringModel } from '../model.js';
import { blankInput, blankLevel, blankNode, inputField, levelField, nodeField, sampleField, type FormFieldError, type InputForm, type LevelForm, type ModelForm, type NodeForm } from './model-form.js';
import { modelsMessages as t, type ModelsMessageKey } from './models.messages.js';
import type { VersionSummary } from './model-store.repository.js';

const n = (lang: Lang, v: number) => (lang === 'ru' ? formatNumberRu(v) : formatNumberRu(v).replace(',', '.'));
const date = (lang: Lang, d: Date | null) => (d ? formatDate(lang, d) : '—');
const STATUS_TONE: Record<VersionSummary['status'], BadgeTone> = { draft: 'warning', published: 'success', archived: 'neutral' };
const versionHref = (key: string, version: number) => `/outreach/scores/models/${encodeURIComponent(key)}/${version}`;

function crumbs(lang: Lang, ...rest: Array<{ href?: string; label: string }>) {
  return [{ href: '/staff', label: t(lang, 'staffHome') }, { href: '/outreach', label: t(lang, 'plansTitle') }, ...rest];
}

function StatusBadges(props: { lang: Lang; v: VersionSummary; activeVersion: number | null }): VNode {
  const { lang, v } = props;
  return (
    <span data-status={`${v.key}/${v.version}`}>
      <Badge tone={STATUS_TONE[v.status]}>{t(lang, `status_${v.status}` as ModelsMessageKey)}</Badge>
      {props.activeVersion === v.version && (
        <>
          {' '}
          <Badge tone="info">{t(lang, 'active')}</Badge>
        </>
      )}
    </span>
  );
}

/* ------------------------------------------------------------ the list */

export interface ModelsListProps {
  ctx: PageContext;
  versions: VersionSummary[];
  /** the viewer region's active model; null for the system administrator */
  active: ScoringModel | null;
  /** active version per key for the viewer (system administrator: the shipped default) */
  activeVersions: Record<string, number>;
  canCreate: boolean;
  /** the region's open draft per key */
  drafts: Record<string, number>;
  notice?: string;
}

export function ModelsListPage(props: ModelsListProps): VNode {
  const { ctx } = props;
  const lang = ctx.lang;
  const keys = [...new Set(props.versions.map((v) => v.key))];
  return (
    <Layout ctx={ctx} title={t(lang, 'title')} breadcrumbs={crumbs(lang, { label: t(lang, 'title') })}>
      {props.notice && (
        <Notice lang={lang} tone="success" role="status">
          {props.notice}
        </Notice>
      )}
      <PageHeading title={t(lang, 'title')} lead={t(lang, 'lead')} />
      {props.active && (
        <p data-active={`${props.active.id}/${props.active.version}`}>
          <strong>{t(lang, 'activeNow', { title: props.active.title, version: props.active.version })}</strong>
        </p>
      )}
      {keys.map((key) => (
        <section aria-labelledby={`model-${key}`}>
          <h2 class="u-h2" id={`model-${key}`}>
            {key}
          </h2>
          {props.canCreate && (
            <form method="post" action={`/outreach/scores/models/${encodeURIComponent(key)}/drafts`}>
              <CsrfField token={ctx.csrfToken} />
              <ButtonGroup>
                {props.drafts[key] ? (
                  <Button href={versionHref(key, props.drafts[key]!)}>{t(lang, 'continueDraft', { version: props.drafts[key]! })}</Button>
                ) : (
                  <Button type="submit">{t(lang, 'createDraft')}</Button>
                )}
              </ButtonGroup>
            </form>
          )}
          <Table
            lang={lang}
            caption={t(lang, 'versionsCaption', { key })}
            stackOnMobile
            columns={[
              { key: 'version', label: t(lang, 'colVersion'), rowHeader: true },
              { key: 'status', label: t(lang, 'colStatus') },
              { key: 'region', label: t(lang, 'colRegion') },
              { key: 'author', label: t(lang, 'colAuthor') },
              { key: 'created', label: t(lang, 'colCreated') },
              { key: 'published', label: t(lang, 'colPublished') },
              { key: 'note', label: t(lang, 'colNote') },
            ]}
            rows={props.versions
              .filter((v) => v.key === key)
              .map((v) => ({
                version: <a href={versionHref(v.key, v.version)}>{t(lang, 'versionN', { version: v.version })}</a>,
                status: <StatusBadges lang={lang} v={v} activeVersion={props.activeVersions[v.key] ?? null} />,
                region: v.regionId === null ? t(lang, 'allRegions') : (v.regionName ?? '—'),
                author: v.createdByName ?? t(lang, 'shipped'),
                created: date(lang, v.createdAt),
                published: date(lang, v.publishedAt),
                note: v.changeNote || '—',
              }))}
          />
        </section>
      ))}
    </Layout>
  );
}

/* ------------------------------------------------- a version, read-only */

function InputDescription(props: { lang: Lang; def: InputDef }): VNode {
  const { lang, def } = props;
  let extra: VNode | string | null = null;
  if (def.kind === 'number') {
    if (def.min !== undefined && def.max !== undefined) extra = t(lang, 'inputMinMax', { min: n(lang, def.min), max: n(lang, def.max) });
    else if (def.min !== undefined) extra = t(lang, 'inputMin', { min: n(lang, def.min) });
    else if (def.max !== undefined) extra = t(lang, 'inputMax', { max: n(lang, def.max) });
  } else if (def.kind === 'choice') {
    extra = (
      <ul class="u-list">
        {def.levels.map((l) => (
          <li>
            {n(lang, l.value)} — {l.label}
          </li>
        ))}
      </ul>
    );
  } else {
    extra = (
      <>
        {t(lang, 'inputOf', { of: def.of })}
        <ol class="u-list">
          {def.items.map((i) => (
            <li>{i}</li>
          ))}
        </ol>
      </>
    );
  }
  return (
    <li>
      <strong>{def.name}</strong> ({t(lang, `kind_${def.kind}` as ModelsMessageKey)}) — {def.meaning}
      {extra && (typeof extra === 'string' ? `, ${extra}` : extra)}
    </li>
  );
}

export function ModelTree(props: { lang: Lang; model: ScoringModel }): VNode {
  const { lang, model } = props;
  return (
    <Table
      lang={lang}
      caption={t(lang, 'treeCaption', { version: model.version })}
      stackOnMobile
      columns={[
        { key: 'node', label: t(lang, 'colNode'), rowHeader: true },
        { key: 'formula', label: t(lang, 'colFormula') },
        { key: 'max', label: t(lang, 'colMax'), numeric: true },
        { key: 'missing', label: t(lang, 'colMissing') },
        { key: 'thresholds', label: t(lang, 'colThresholds') },
        { key: 'inputs', label: t(lang, 'colInputs') },
      ]}
      rows={model.nodes.map((node) => ({
        node: (
          <span data-node={node.id}>
            <strong>{node.id}</strong> {node.title}
          </span>
        ),
        formula: <code data-formula={node.id}>{node.formula}</code>,
        max: n(lang, node.max),
        missing: t(lang, `missing_${node.missing}` as ModelsMessageKey),
        thresholds: node.thresholds ? t(lang, 'thresholdsText', { red: n(lang, node.thresholds.red), yellow: n(lang, node.thresholds.yellow) }) : t(lang, 'noThresholds'),
        inputs: node.inputs?.length ? (
          <ul class="u-list">
            {node.inputs.map((d) => (
              <InputDescription lang={lang} def={d} />
            ))}
          </ul>
        ) : (
          t(lang, 'none')
        ),
      }))}
    />
  );
}

function VersionSummaryList(props: { lang: Lang; v: VersionSummary; activeVersion: number | null }): VNode {
  const { lang, v } = props;
  return (
    <SummaryList
      items={[
        { key: t(lang, 'summaryStatus'), value: <StatusBadges lang={lang} v={v} activeVersion={props.activeVersion} /> },
        { key: t(lang, 'summaryRegion'), value: v.regionId === null ? t(lang, 'allRegions') : (v.regionName ?? '—') },
        { key: t(lang, 'summaryAuthor'), value: v.createdByName ?? t(lang, 'shipped') },
        { key: t(lang, 'summaryCreated'), value: date(lang, v.createdAt) },
        { key: t(lang, 'summaryPublished'), value: date(lang, v.publishedAt) },
        { key: t(lang, 'summaryNote'), value: v.changeNote || '—' },
      ]}
    />
  );
}

export function VersionPage(props: { ctx: PageContext; summary: VersionSummary; model: ScoringModel; activeVersion: number | null }): VNode {
  const { ctx, summary, model } = props;
  const lang = ctx.lang;
  const title = t(lang, 'versionTitle', { title: model.title, version: model.version });
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={crumbs(lang, { href: '/outreach/scores/models', label: t(lang, 'title') }, { label: t(lang, 'versionN', { version: model.version }) })}>
      <PageHeading caption={t(lang, 'versionCaption', { key: model.id })} title={title} lead={summary.status === 'draft' ? undefined : t(lang, 'readOnly')} />
      <VersionSummaryList lang={lang} v={summary} activeVersion={props.activeVersion} />
      <ModelTree lang={lang} model={model} />
      <p>
        <a href="/outreach/scores/models">{t(lang, 'back')}</a>
      </p>
    </Layout>
  );
}

/* ------------------------------------------------------ the draft editor */

type Err = (field: string) => string | undefined;

function OpButton(props: { op: string; label: string; variant?: 'secondary' | 'link'; data?: Record<string, string> }): VNode {
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(props.data ?? {})) attrs[`data-${k}`] = v;
  return (
    <button type="submit" class={`u-button u-button--${props.variant ?? 'secondary'} u-button--small`} name="_op" value={props.op} {...attrs}>
      {props.label}
    </button>
  );
}

function LevelRow(props: { lang: Lang; k: string; j: string; level: LevelForm; number: number | string; err: Err; template?: boolean }): VNode {
  const { lang, k, j, level, err } = props;
  const m = props.template ? '__L__' : String(level.key);
  return (
    <div class="u-model-level" id={`n${k}-i${j}-l${m}`} data-level-key={m}>
      <Field lang={lang} name={levelField(k, j, m, 'value')} label={t(lang, 'levelValue', { n: props.number })} width="xs" inputMode="decimal" value={level.value} error={err(levelField(k, j, m, 'value'))} />
      <Field lang={lang} name={levelField(k, j, m, 'label')} label={t(lang, 'levelLabel', { n: props.number })} width="l" value={level.label} error={err(levelField(k, j, m, 'label'))} />
      <OpButton op={`remove-level:${k}:${j}:${m}`} label={t(lang, 'removeLevel', { n: props.number })} variant="link" data={{ remove: `n${k}-i${j}-l${m}` }} />
    </div>
  );
}

const KIND_OPTIONS = (lang: Lang): SelectOption[] => (['number', 'choice', 'count'] as const).map((k) => ({ value: k, label: t(lang, `kind_${k}`) }));

function InputEditor(props: { lang: Lang; k: string; input: InputForm; err: Err; template?: boolean }): VNode {
  const { lang, k, input, err } = props;
  const j = props.template ? '__I__' : String(input.key);
  const f = (name: string) => inputField(k, j, name);
  const kind = input.kind === 'choice' || input.kind === 'count' ? input.kind : 'number';
  const name = input.name.trim();
  return (
    <fieldset class="u-fieldset u-model-input" id={`n${k}-i${j}`} data-input-key={j}>
      <legend class="u-legend">{name ? t(lang, 'inputLegend', { name }) : t(lang, 'inputNew')}</legend>
      <div class="u-field-row">
        <Field lang={lang} name={f('name')} label={t(lang, 'inputName')} hint={t(lang, 'inputNameHint')} width="xs" value={input.name} error={err(f('name'))} />
        <div data-kind-select="">
          <SelectField lang={lang} name={f('kind')} label={t(lang, 'inputKind')} hint={t(lang, 'inputKindHint')} value={input.kind || 'number'} options={KIND_OPTIONS(lang)} error={err(f('kind'))} />
        </div>
      </div>
      <Field lang={lang} name={f('meaning')} label={t(lang, 'inputMeaning')} width="full" value={input.meaning} error={err(f('meaning'))} />
      <div data-kind-section="number" hidden={kind !== 'number'} class="u-field-row">
        <Field lang={lang} name={f('min')} label={t(lang, 'inputMinLabel')} optional width="s" inputMode="decimal" value={input.min} error={err(f('min'))} />
        <Field lang={lang} name={f('max')} label={t(lang, 'inputMaxLabel')} optional width="s" inputMode="decimal" value={input.max} error={err(f('max'))} />
      </div>
      <div data-kind-section="choice" hidden={kind !== 'choice'}>
        <p class="u-model-sublegend">{t(lang, 'levelsLegend', { name: name || '…' })}</p>
        <div id={`n${k}-i${j}-levels`} data-levels="">
          {(input.levels.length ? input.levels : [blankLevel(0)]).map((l, idx) => (
            <LevelRow lang={lang} k={k} j={j} level={l} number={idx + 1} err={err} />
          ))}
        </div>
        <OpButton op={`add-level:${k}:${j}`} label={t(lang, 'addLevel')} data={{ add: 'level', target: `n${k}-i${j}-levels`, node: k, input: j }} />
      </div>
      <div data-kind-section="count" hidden={kind !== 'count'}>
        <TextareaField lang={lang} name={f('items')} label={t(lang, 'items')} hint={t(lang, 'itemsHint')} rows={4} value={input.items} error={err(f('items'))} />
      </div>
      <OpButton op={`remove-input:${k}:${j}`} label={t(lang, 'removeInput', { name: name || '…' })} variant="link" data={{ remove: `n${k}-i${j}` }} />
    </fieldset>
  );
}

const MISSING_OPTIONS = (lang: Lang): SelectOption[] => (['propagate', 'skip', 'zero'] as const).map((m) => ({ value: m, label: t(lang, `missing_${m}`) }));

function NodeEditor(props: { lang: Lang; node: NodeForm; err: Err; errors: FormFieldError[]; template?: boolean }): VNode {
  const { lang, node, err } = props;
  const k = props.template ? '__N__' : String(node.key);
  const f = (name: string) => nodeField(k, name);
  const id = node.id.trim();
  const hasError = props.template || props.errors.some((e) => e.field.startsWith(`n${k}-`)) || !id;
  return (
    <details class="u-model-node" id={`node-${k}`} data-node-key={k} open={hasError}>
      <summary class="u-model-node__summary">
        <strong>{id || t(lang, 'nodeNew')}</strong> {node.title} {node.formula && <code>{node.formula}</code>}
      </summary>
      <fieldset class="u-fieldset">
        <legend class="u-visually-hidden">{id ? t(lang, 'nodeLegend', { id }) : t(lang, 'nodeNew')}</legend>
        <div class="u-field-row">
          <Field lang={lang} name={f('id')} label={t(lang, 'nodeId')} hint={t(lang, 'nodeIdHint')} width="s" value={node.id} error={err(f('id'))} />
          <Field lang={lang} name={f('max')} label={t(lang, 'max')} width="xs" inputMode="decimal" value={node.max} error={err(f('max'))} />
        </div>
        <Field lang={lang} name={f('title')} label={t(lang, 'nodeTitle')} width="full" value={node.title} error={err(f('title'))} />
        <Field lang={lang} name={f('formula')} label={t(lang, 'formula')} hint={t(lang, 'formulaHint')} width="full" spellcheck={false} value={node.formula} error={err(f('formula'))} />
        <SelectField lang={lang} name={f('missing')} label={t(lang, 'missing')} hint={t(lang, 'missingHint')} value={node.missing || 'propagate'} options={MISSING_OPTIONS(lang)} error={err(f('missing'))} />
        <div class="u-field-row">
          <Field lang={lang} name={f('red')} label={t(lang, 'red')} hint={t(lang, 'thresholdsOptional')} width="xs" inputMode="decimal" value={node.red} error={err(f('red'))} />
          <Field lang={lang} name={f('yellow')} label={t(lang, 'yellow')} width="xs" inputMode="decimal" value={node.yellow} error={err(f('yellow'))} />
        </div>
        <div id={`n${k}-inputs`} data-inputs="">
          {node.inputs.length === 0 && <p class="u-hint" data-no-inputs="">{t(lang, 'noInputs')}</p>}
          {node.inputs.map((i) => (
            <InputEditor lang={lang} k={k} input={i} err={err} />
          ))}
        </div>
        <ButtonGroup>
          <OpButton op={`add-input:${k}`} label={t(lang, 'addInput')} data={{ add: 'input', target: `n${k}-inputs`, node: k }} />
          <OpButton op={`remove-node:${k}`} label={t(lang, 'removeNode', { id: id || '…' })} variant="link" data={{ remove: `node-${k}` }} />
        </ButtonGroup>
      </fieldset>
    </details>
  );
}

/* ---------------------------------------------------------------- preview */

export interface SampleSpec {
  nodeId: string;
  def: InputDef;
  onlyPublished: boolean;
}

export interface PreviewData {
  published: ScoringModel;
  publishedEval: ModelEvaluation;
  draft: ScoringModel | null;
  draftEval: ModelEvaluation | null;
  formErrors: FormFieldError[];
  inputErrors: string[];
}

function valueText(lang: Lang, value: number | null, max: number): string {
  return value === null ? t(lang, 'noValue') : t(lang, 'valueOf', { value: n(lang, value), max: n(lang, max) });
}

/** The preview's results: the HTML fragment public/js/model-editor.js swaps in. */
export function PreviewResults(props: { lang: Lang; preview: PreviewData }): VNode {
  const { lang, preview } = props;
  const { published, publishedEval, draft, draftEval } = preview;
  const ids = [...(draft ?? published).nodes.map((x) => x.id)];
  if (draft) for (const x of published.nodes) if (!ids.includes(x.id)) ids.push(x.id);
  return (
    <div class="u-model-preview__results" data-preview-results="">
      {preview.formErrors.length > 0 && (
        <Notice lang={lang} tone="warning" title={t(lang, 'fixToPreview')}>
          <ul class="u-list">
            {preview.formErrors.map((e) => (
              <li>
                <a href={`#field-${e.field}`}>{e.message}</a>
              </li>
            ))}
          </ul>
        </Notice>
      )}
      {preview.inputErrors.length > 0 && (
        <Notice lang={lang} tone="warning" title={t(lang, 'inputErrors')}>
          <ul class="u-list" data-input-errors="">
            {preview.inputErrors.map((e) => (
              <li>{e}</li>
            ))}
          </ul>
        </Notice>
      )}
      <Table
        lang={lang}
        caption={t(lang, 'previewCaption', { version: published.version })}
        stackOnMobile
        columns={[
          { key: 'node', label: t(lang, 'colNode'), rowHeader: true },
          { key: 'draft', label: t(lang, 'colDraft') },
          { key: 'published', label: t(lang, 'colPublishedVersion', { version: published.version }) },
          { key: 'change', label: t(lang, 'colChange') },
        ]}
        rows={ids.map((id) => {
          const d = draftEval?.nodes[id];
          const p = publishedEval.nodes[id];
          const title = d?.title ?? p?.title ?? '';
          let change: string = t(lang, 'none');
          if (draft && d && !p) change = t(lang, 'newNode');
          else if (draft && !d && p) change = t(lang, 'removedNode');
          else if (d && p && d.value !== null && p.value !== null) {
            const diff = Math.round((d.value - p.value) * 100) / 100;
            change = Math.abs(diff) < 1e-9 ? t(lang, 'sameValue') : `${diff > 0 ? '+' : '−'}${n(lang, Math.abs(diff))}`;
          }
          return {
            node: (
              <span>
                <strong>{id}</strong> {title}
              </span>
            ),
            draft: d ? (
              <>
                <strong data-draft-value={id}>{valueText(lang, d.value, d.max)}</strong>
                <span class="u-model-explanation" data-draft-explanation={id}>
                  {d.explanation}
                </span>
              </>
            ) : (
              t(lang, 'none')
            ),
            published: p ? (
              <>
                <strong data-published-value={id}>{valueText(lang, p.value, p.max)}</strong>
                <span class="u-model-explanation">{p.explanation}</span>
              </>
            ) : (
              t(lang, 'none')
            ),
            change: <span data-change={id}>{change}</span>,
          };
        })}
      />
    </div>
  );
}

function SampleField(props: { lang: Lang; spec: SampleSpec; value: string; error?: string }): VNode {
  const { lang, spec, value } = props;
  const name = sampleField(spec.nodeId, spec.def.name);
  const label = `${t(lang, 'sampleLabel', { node: spec.nodeId, name: spec.def.name, meaning: spec.def.meaning })}${spec.onlyPublished ? ` ${t(lang, 'sampleOnlyPublished')}` : ''}`;
  if (spec.def.kind === 'choice') {
    return (
      <SelectField
        lang={lang}
        name={name}
        label={label}
        value={value}
        emptyOption={t(lang, 'notSet')}
        options={spec.def.levels.map((l) => ({ value: n('ru', l.value), label: `${n(lang, l.value)} — ${l.label}` }))}
        error={props.error}
      />
    );
  }
  return (
    <Field
      lang={lang}
      name={name}
      label={label}
      hint={spec.def.kind === 'count' ? t(lang, 'inputOf', { of: spec.def.of }) : undefined}
      width="s"
      inputMode="decimal"
      value={value}
      error={props.error}
    />
  );
}

export interface DraftEditorProps {
  ctx: PageContext;
  summary: VersionSummary;
  form: ModelForm;
  errors: FormFieldError[];
  notice?: string;
  /** draftStamp of the stored draft this form starts from */
  stamp: string;
  /** the draft was changed by someone else since this form was opened; the typed form is shown, not saved */
  conflict?: boolean;
  samples: Record<string, string>;
  sampleSpecs: SampleSpec[];
  sampleErrors: FormFieldError[];
  preview: PreviewData;
  municipalities: SelectOption[];
  municipality: string;
  quarters: SelectOption[];
  quarter: string;
  activeVersion: number | null;
}

export function DraftEditorPage(props: DraftEditorProps): VNode {
  const { ctx, summary, form } = props;
  const lang = ctx.lang;
  const allErrors = [...props.errors, ...props.sampleErrors];
  const err: Err = (field) => allErrors.find((e) => e.field === field)?.message;
  const base = versionHref(summary.key, summary.version);
  const title = t(lang, 'editTitle', { version: summary.version });
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={crumbs(lang, { href: '/outreach/scores/models', label: t(lang, 'title') }, { label: t(lang, 'versionN', { version: summary.version }) })}>
      <ErrorSummary lang={lang} errors={allErrors} />
      {props.notice && (
        <Notice lang={lang} tone="success" role="status">
          {props.notice}
        </Notice>
      )}
      {props.conflict && (
        <Notice lang={lang} tone="warning" role="alert">
          <p data-conflict="">{t(lang, 'conflict')}</p>
        </Notice>
      )}
      <PageHeading caption={t(lang, 'versionCaption', { key: summary.key })} title={title} lead={t(lang, 'editLead')} />
      <ButtonGroup>
        <Button href={`${base}/publish`}>{t(lang, 'publish')}</Button>
        <Button href={`${base}/delete`} variant="secondary">
          {t(lang, 'deleteDraft')}
        </Button>
      </ButtonGroup>
      <form method="post" action={base} novalidate class="u-model-editor" data-model-editor="" data-preview-url={`${base}/preview`}>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="_stamp" value={props.stamp} />
        <div class="u-model-editor__main">
          <ButtonGroup>
            <Button type="submit">{t(lang, 'save')}</Button>
            <Button type="submit" name="_op" value="preview" variant="secondary">
              {t(lang, 'recalc')}
            </Button>
          </ButtonGroup>
          <p class="u-hint">{t(lang, 'notSavedHint')}</p>
          <Field lang={lang} name="title" label={t(lang, 'modelTitle')} width="full" value={form.title} error={err('title')} />
          <div id="model-nodes" data-nodes="">
            {form.nodes.map((node) => (
              <NodeEditor lang={lang} node={node} err={err} errors={allErrors} />
            ))}
          </div>
          <OpButton op="add-node" label={t(lang, 'addNode')} data={{ add: 'node', target: 'model-nodes' }} />
        </div>
        <section class="u-model-editor__preview u-panel" aria-labelledby="preview-title">
          <h2 class="u-h2" id="preview-title">
            {t(lang, 'previewTitle')}
          </h2>
          <p class="u-hint">{t(lang, 'previewLead')}</p>
          {props.municipalities.length > 0 && (
            <div class="u-field-row">
              <SelectField lang={lang} name="pm" label={t(lang, 'previewMunicipality')} value={props.municipality} options={props.municipalities} error={err('pm')} />
              <SelectField lang={lang} name="pq" label={t(lang, 'previewQuarter')} value={props.quarter} options={props.quarters} error={err('pq')} />
            </div>
          )}
          {props.municipalities.length > 0 && (
            <Button type="submit" name="_op" value="prefill" variant="secondary">
              {t(lang, 'prefill')}
            </Button>
          )}
          <fieldset class="u-fieldset">
            <legend class="u-legend">{t(lang, 'samplesLegend')}</legend>
            {props.sampleSpecs.map((spec) => (
              <SampleField lang={lang} spec={spec} value={props.samples[sampleField(spec.nodeId, spec.def.name)] ?? ''} error={err(sampleField(spec.nodeId, spec.def.name))} />
            ))}
          </fieldset>
          <Button type="submit" name="_op" value="preview" variant="secondary">
            {t(lang, 'recalc')}
          </Button>
          <div id="preview-results" aria-live="polite">
            <PreviewResults lang={lang} preview={props.preview} />
          </div>
        </section>
      </form>
      <template id="tpl-node">
        <NodeEditor lang={lang} node={blankNode(0)} err={() => undefined} errors={[]} template />
      </template>
      <template id="tpl-input">
        <InputEditor lang={lang} k="__N__" input={blankInput(0)} err={() => undefined} template />
      </template>
      <template id="tpl-level">
        <LevelRow lang={lang} k="__N__" j="__I__" level={blankLevel(0)} number="__C__" err={() => undefined} template />
      </template>
      <script type="module" src="/static/js/model-editor.js"></script>
    </Layout>
  );
}

/* ------------------------------------------------------- publish, delete */

export interface PublishPageProps {
  ctx: PageContext;
  summary: VersionSummary;
  /** problems that stop publication (empty: may publish) */
  problems: string[];
  changes: { changed: string[]; added: string[]; removed: string[] } | null;
  activeVersion: number;
  changeNote: string;
  error?: string;
}

export function PublishPage(props: PublishPageProps): VNode {
  const { ctx, summary } = props;
  const lang = ctx.lang;
  const base = versionHref(summary.key, summary.version);
  const title = t(lang, 'publishTitle', { version: summary.version });
  const c = props.changes;
  return (
    <Layout ctx={ctx} title={title} width="narrow" breadcrumbs={crumbs(lang, { href: '/outreach/scores/models', label: t(lang, 'title') }, { href: base, label: t(lang, 'versionN', { version: summary.version }) }, { label: t(lang, 'publish') })}>
      <ErrorSummary lang={lang} errors={props.error ? [{ field: 'changeNote', message: props.error }] : []} />
      <PageHeading caption={t(lang, 'versionCaption', { key: summary.key })} title={title} lead={t(lang, 'publishLead')} />
      {props.problems.length > 0 ? (
        <Notice lang={lang} tone="error" title={t(lang, 'publishInvalid')}>
          <ul class="u-list">
            {props.problems.map((p) => (
              <li>{p}</li>
            ))}
          </ul>
        </Notice>
      ) : (
        <>
          <h2 class="u-h2">{t(lang, 'changes', { version: props.activeVersion })}</h2>
          {c && (c.changed.length || c.added.length || c.removed.length) ? (
            <ul class="u-list" data-changes="">
              {c.changed.length > 0 && <li>{t(lang, 'changed', { ids: c.changed.join(', ') })}</li>}
              {c.added.length > 0 && <li>{t(lang, 'added', { ids: c.added.join(', ') })}</li>}
              {c.removed.length > 0 && <li>{t(lang, 'removed', { ids: c.removed.join(', ') })}</li>}
            </ul>
          ) : (
            <p>{t(lang, 'noChanges')}</p>
          )}
          <form method="post" action={`${base}/publish`} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <TextareaField lang={lang} name="changeNote" label={t(lang, 'changeNote')} hint={t(lang, 'changeNoteHint')} rows={4} value={props.changeNote} error={props.error} />
            <ButtonGroup>
              <Button type="submit">{t(lang, 'publishConfirm', { version: summary.version })}</Button>
              <Button href={base} variant="secondary">
                {t(lang, 'cancel')}
              </Button>
            </ButtonGroup>
          </form>
        </>
      )}
    </Layout>
  );
}

export function DeleteDraftPage(props: { ctx: PageContext; summary: VersionSummary }): VNode {
  const { ctx, summary } = props;
  const lang = ctx.lang;
  const base = versionHref(summary.key, summary.version);
  const title = t(lang, 'deleteTitle', { version: summary.version });
  return (
    <Layout ctx={ctx} title={title} width="narrow" breadcrumbs={crumbs(lang, { href: '/outreach/scores/models', label: t(lang, 'title') }, { href: base, label: t(lang, 'versionN', { version: summary.version }) }, { label: t(lang, 'deleteDraft') })}>
      <PageHeading caption={t(lang, 'versionCaption', { key: summary.key })} title={title} lead={t(lang, 'deleteLead')} />
      <form method="post" action={`${base}/delete`}>
        <CsrfField token={ctx.csrfToken} />
        <ButtonGroup>
          <Button type="submit" variant="danger">
            {t(lang, 'deleteConfirm')}
          </Button>
          <Button href={base} variant="secondary">
            {t(lang, 'cancel')}
          </Button>
        </ButtonGroup>
      </form>
    </Layout>
  );
}
