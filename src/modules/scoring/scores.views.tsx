/**
 * The score page: the kalga-2018 tree for one municipality and quarter, down to
 * its inputs and their sources; the P1.2 requirements per service centre; the
 * forms for what is typed in with evidence (the coordinator, while the quarter
 * is open). Every form is a plain multipart POST; field names carry the input's
 * key (P1.1.1-A-value…) so that ids stay unique on the page.
 */
import type { ComponentChildren, VNode } from 'preact';
import { formatDate, type Lang } from '../../platform/i18n.js';
import { Layout, type PageContext } from '../../platform/views/layout.js';
import {
  Badge,
  Button,
  ButtonGroup,
  CsrfField,
  ErrorSummary,
  Field,
  Notice,
  PageHeading,
  RadioGroup,
  SelectField,
  Table,
  TextareaField,
  VisuallyHidden,
  type BadgeTone,
  type FieldError,
  type SelectOption,
} from '../../platform/views/components.js';
import { FileField, fileHref, fileTypeAndSize } from '../../platform/files/index.js';
import type { ModelEvaluation } from './evaluate-model.js';
import { formatNumberRu } from './formula/index.js';
import type { CentreRequirements, CentreStatus, EvidenceFile, RequirementState } from './inputs/portal-inputs.js';
import { AUTOMATIC_REQUIREMENTS } from './inputs/portal-inputs.js';
import type { InputSource, MissingInput } from './inputs/system-inputs.js';
import { colourOf, type InputDef, type ScoringModel } from './model.js';
import { scoresMessages as t, type ScoresMessageKey } from './scores.messages.js';
import { CHECK_EVIDENCE_ALLOWED, EVIDENCE_MAX_FILES, INPUT_EVIDENCE_ALLOWED } from './typed-inputs/evidence.js';
import { checkFormKey } from './typed-inputs/save-centre-check.js';
import { LINKS_MAX, NOTE_MAX } from './typed-inputs/save-typed-input.js';
import { inputFormKey, type TypableInput } from './typed-inputs/typed-input-defs.js';

export type LockState = { state: 'open' } | { state: 'submitted' } | { state: 'accepted'; at: string | null };

/** The values and errors of the one form that failed, to show it again as typed. */
export interface FailedForm {
  key: string;
  values: Record<string, string>;
  errors: FieldError[];
}

export interface ScorePageProps {
  ctx: PageContext;
  model: ScoringModel;
  evaluation: ModelEvaluation;
  sources: Record<string, InputSource[]>;
  missing: Record<string, MissingInput[]>;
  municipality: { id: string; name: string };
  /** the municipalities the viewer may choose among (one for a coordinator) */
  municipalities: Array<{ id: string; name: string }>;
  quarter: string;
  quarterOptions: SelectOption[];
  /** the day materials were evaluated on, YYYY-MM-DD */
  asOf: string;
  lock: LockState;
  /** the viewer may type values (the municipality's coordinator); the lock is separate */
  canEdit: boolean;
  /** P1.2 per centre (not shown once the quarter is accepted: the table has the frozen text) */
  centres: CentreRequirements | null;
  typable: TypableInput[];
  failed?: FailedForm;
  notice?: string;
  maxBytes: number;
  timeZone: string;
}

/** A number with a decimal comma in Russian, a point in English. */
export function formatNumber(lang: Lang, value: number): string {
  const s = formatNumberRu(value);
  return lang === 'ru' ? s : s.replace(',', '.');
}

const date = (lang: Lang, iso: string) => (lang === 'ru' ? iso.split('-').reverse().join('.') : iso);

const TONE = { red: 'danger', yellow: 'warning', green: 'success' } as const satisfies Record<string, BadgeTone>;

function EvidenceLinks(props: { lang: Lang; files: EvidenceFile[]; links: { url: string; title: string }[] }): VNode | null {
  const { lang, files, links } = props;
  if (files.length === 0 && links.length === 0) return null;
  return (
    <ul class="u-score-evidence">
      {files.map((f) => (
        <li data-evidence-file={f.id}>
          <a href={fileHref(f)}>{f.fileName}</a> <span class="u-attachments__meta">({fileTypeAndSize(lang, f)})</span>
        </li>
      ))}
      {links.map((l) => (
        <li>
          <a href={l.url} rel="noopener noreferrer">
            {l.title || l.url}
          </a>
        </li>
      ))}
    </ul>
  );
}

function valueWords(lang: Lang, def: InputDef, value: number): string {
  const v = formatNumber(lang, value);
  if (def.kind === 'choice') {
    const level = def.levels.find((l) => Math.abs(l.value - value) < 1e-9);
    return level ? `${v} — ${level.label}` : v;
  }
  if (def.kind === 'count') return `${v} / ${def.of}`;
  return v;
}

export function ScorePage(props: ScorePageProps): VNode {
  const { ctx, model, evaluation, sources, municipality } = props;
  const lang = ctx.lang;
  const quarterLabel = props.quarterOptions.find((o) => o.value === props.quarter)?.label ?? props.quarter;
  const thresholds = model.nodes.find((n) => n.thresholds)?.thresholds;
  const editable = props.canEdit && props.lock.state === 'open';
  const typableKeys = new Set(props.typable.map((x) => inputFormKey(x.node.id, x.def.name)));
  const when = (iso: string) => formatDate(lang, new Date(iso), props.timeZone);

  const rows = model.nodes.map((node) => {
    const result = evaluation.nodes[node.id]!;
    const colour = colourOf(node, result.value);
    const nodeSources = sources[node.id] ?? [];
    const gaps = props.missing[node.id] ?? [];
    return {
      node: (
        <span data-node={node.id} id={`node-${node.id}`}>
          <strong>{node.id}</strong> {node.title}
        </span>
      ),
      value: (
        <span data-value={node.id}>
          {result.value === null ? t(lang, 'noData') : t(lang, 'valueOf', { value: formatNumber(lang, result.value), max: formatNumber(lang, result.max) })}
        </span>
      ),
      colour: (
        <span data-colour-node={node.id} data-colour={colour ?? 'none'}>
          <Badge tone={colour ? TONE[colour] : 'neutral'}>{t(lang, `colour_${colour ?? 'none'}` as ScoresMessageKey)}</Badge>
        </span>
      ),
      explanation: result.explanation,
      inputs: node.inputs?.length ? (
        <ul class="u-list" data-inputs={node.id}>
          {node.inputs.map((def) => {
            const source = nodeSources.find((s) => s.input === def.name && !s.replaced);
            const replaced = nodeSources.filter((s) => s.input === def.name && s.replaced);
            const gap = gaps.find((g) => g.input === def.name);
            const key = inputFormKey(node.id, def.name);
            return (
              <li data-input={key} data-origin={source?.origin ?? 'none'}>
                <strong>{def.name}</strong> — {def.meaning}:{' '}
                {source ? (
                  <>
                    <strong>{formatNumber(lang, source.value)}</strong> ({source.origin === 'typed' ? source.text : <>{t(lang, `origin_${source.origin}` as ScoresMessageKey)}: {source.text}</>})
                  </>
                ) : gap ? (
                  <>
                    <em>{t(lang, 'notKnown')}</em> ({t(lang, `origin_${gap.origin}` as ScoresMessageKey)}: {gap.text})
                  </>
                ) : (
                  <em>{t(lang, 'manual')}</em>
                )}
                {source?.typed && <EvidenceLinks lang={lang} files={source.typed.attachments} links={source.typed.links} />}
                {replaced.map((r) => (
                  <p class="u-score-replaced" data-replaced={key}>
                    {t(lang, 'replacedBy', { value: formatNumber(lang, r.value) })} ({r.text})
                  </p>
                ))}
                {typableKeys.has(key) && (
                  <>
                    {' '}
                    <a href={`#input-${key}`}>
                      {editable ? t(lang, source?.origin === 'typed' ? 'changeLink' : 'enterLink') : t(lang, 'typedTitle')}
                      <VisuallyHidden>
                        {' '}
                        {node.id} {def.name}
                      </VisuallyHidden>
                    </a>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      ) : (
        '—'
      ),
    };
  });

  const lockNotice =
    props.lock.state === 'accepted' ? (
      <Notice lang={lang} tone="warning">
        <p data-lock="accepted">{t(lang, 'lockedAccepted', { date: props.lock.at ? when(props.lock.at) : '' })}</p>
      </Notice>
    ) : props.lock.state === 'submitted' ? (
      <Notice lang={lang} tone="info">
        <p data-lock="submitted">{t(lang, 'lockedSubmitted')}</p>
      </Notice>
    ) : null;

  return (
    <Layout
      ctx={ctx}
      title={t(lang, 'title')}
      breadcrumbs={[{ href: '/staff', label: t(lang, 'staffHome') }, { href: '/outreach', label: t(lang, 'plansTitle') }, { label: t(lang, 'title') }]}
    >
      <PageHeading
        caption={t(lang, 'caption', { municipality: municipality.name, quarter: quarterLabel })}
        title={t(lang, 'title')}
        lead={t(lang, 'lead', { model: model.title, version: model.version, asOf: date(lang, props.asOf) })}
      />
      <ErrorSummary lang={lang} errors={props.failed?.errors ?? []} />
      {props.notice && (
        <Notice lang={lang} tone="success" role="status">
          <p>{props.notice}</p>
        </Notice>
      )}
      {lockNotice}
      <form method="get" action="/outreach/scores" aria-label={t(lang, 'filterTitle')}>
        {props.municipalities.length > 1 ? (
          <SelectField lang={lang} name="municipality" label={t(lang, 'municipality')} value={municipality.id} options={props.municipalities.map((m) => ({ value: m.id, label: m.name }))} />
        ) : (
          <input type="hidden" name="municipality" value={municipality.id} />
        )}
        <SelectField lang={lang} name="quarter" label={t(lang, 'quarter')} value={props.quarter} options={props.quarterOptions} />
        <Button type="submit" variant="secondary">
          {t(lang, 'show')}
        </Button>
      </form>
      {thresholds && <p>{t(lang, 'thresholdsNote', { red: thresholds.red, yellow: thresholds.yellow })}</p>}
      <Table
        lang={lang}
        caption={t(lang, 'tableCaption', { municipality: municipality.name, quarter: quarterLabel })}
        columns={[
          { key: 'node', label: t(lang, 'colNode'), rowHeader: true },
          { key: 'value', label: t(lang, 'colValue'), numeric: true },
          { key: 'colour', label: t(lang, 'colColour') },
          { key: 'explanation', label: t(lang, 'colExplanation') },
          { key: 'inputs', label: t(lang, 'colInputs') },
        ]}
        rows={rows}
        stackOnMobile
      />
      {props.centres && <CentresSection {...props} centres={props.centres} editable={editable} when={when} />}
      <TypedSection {...props} editable={editable} when={when} />
    </Layout>
  );
}

interface SectionProps extends ScorePageProps {
  editable: boolean;
  when: (iso: string) => string;
}

/** Hidden fields every input form carries. */
function Place(props: { municipality: string; quarter: string; csrf: string; extra: Record<string, string> }): VNode {
  return (
    <>
      <CsrfField token={props.csrf} />
      <input type="hidden" name="municipality" value={props.municipality} />
      <input type="hidden" name="quarter" value={props.quarter} />
      {Object.entries(props.extra).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

function errorsFor(failed: FailedForm | undefined, key: string, field: string): string[] {
  if (!failed || failed.key !== key) return [];
  return failed.errors.filter((e) => e.field === `${key}-${field}`).map((e) => e.message);
}

function stateBadge(lang: Lang, met: boolean | null): VNode {
  return met === null ? <Badge tone="warning">{t(lang, 'state_unknown')}</Badge> : met ? <Badge tone="success">{t(lang, 'state_yes')}</Badge> : <Badge tone="danger">{t(lang, 'state_no')}</Badge>;
}

function CentresSection(props: SectionProps & { centres: CentreRequirements }): VNode {
  const { ctx, centres } = props;
  const lang = ctx.lang;
  return (
    <section aria-labelledby="centres-title" id="centres">
      <h2 class="u-h2" id="centres-title">
        {t(lang, 'centresTitle')}
      </h2>
      <p>{t(lang, 'centresLead')}</p>
      {centres.centres.length === 0 && <p data-centres="none">{t(lang, 'centresNone')}</p>}
      {centres.centres.map((centre) => (
        <CentreBlock {...props} centre={centre} />
      ))}
    </section>
  );
}

function howKnown(props: SectionProps, r: RequirementState): ComponentChildren {
  const lang = props.ctx.lang;
  const parts: ComponentChildren[] = [];
  if (r.check) {
    parts.push(
      <span>
        {t(lang, 'checkBy', { who: r.check.checkedBy.name, date: props.when(r.check.checkedAt) })}
        {r.check.note ? `: ${r.check.note}` : ''}
      </span>,
    );
    parts.push(<EvidenceLinks lang={lang} files={r.check.attachments} links={[]} />);
  }
  if (r.automatic) parts.push(<span class={r.check ? 'u-score-replaced' : undefined}>{t(lang, 'portalSays', { text: r.automatic.text })}</span>);
  return parts.length ? parts : '—';
}

function CentreBlock(props: SectionProps & { centre: CentreStatus }): VNode {
  const { ctx, centre } = props;
  const lang = ctx.lang;
  return (
    <div class="u-score-centre" data-centre={centre.id}>
      <Table
        lang={lang}
        caption={t(lang, 'centreCaption', { centre: centre.name })}
        columns={[
          { key: 'requirement', label: t(lang, 'colRequirement'), rowHeader: true },
          { key: 'state', label: t(lang, 'colState') },
          { key: 'how', label: t(lang, 'colHow') },
        ]}
        rows={centre.requirements.map((r) => ({
          requirement: t(lang, `req_${r.requirement}` as ScoresMessageKey),
          state: <span data-requirement={`${centre.id}-${r.requirement}`} data-met={r.met === null ? 'unknown' : String(r.met)}>{stateBadge(lang, r.met)}</span>,
          how: howKnown(props, r),
        }))}
        stackOnMobile
      />
      {props.editable &&
        centre.requirements.map((r) => {
          const key = checkFormKey(centre.id, r.requirement);
          const failed = props.failed?.key === key ? props.failed : undefined;
          const label = t(lang, `req_${r.requirement}` as ScoresMessageKey);
          const automatic = AUTOMATIC_REQUIREMENTS.has(r.requirement);
          const met = failed ? (failed.values.met ?? '') : r.check ? (r.check.met ? 'yes' : 'no') : automatic ? 'auto' : '';
          const options = [
            { value: 'yes', label: t(lang, 'met_yes') },
            { value: 'no', label: t(lang, 'met_no') },
            ...(automatic && r.automatic ? [{ value: 'auto', label: `${t(lang, 'met_auto')}: ${t(lang, r.automatic.met ? 'met_yes' : 'met_no')}` }] : []),
          ];
          return (
            <details class="u-score-form" id={`check-${key}`} open={!!failed}>
              <summary>
                {t(lang, 'checkFormSummary')}: {label}
              </summary>
              <form method="post" action="/outreach/scores/centre-checks" enctype="multipart/form-data" novalidate>
                <Place municipality={props.municipality.id} quarter={props.quarter} csrf={ctx.csrfToken} extra={{ centre: centre.id, requirement: r.requirement }} />
                <RadioGroup lang={lang} name={`${key}-met`} legend={t(lang, 'metLegend', { requirement: label })} options={options} value={met} error={errorsFor(failed, key, 'met')[0]} />
                <TextareaField
                  lang={lang}
                  name={`${key}-note`}
                  label={t(lang, 'checkNoteLabel')}
                  hint={automatic ? t(lang, 'checkNoteHint') : undefined}
                  optional={!automatic}
                  rows={2}
                  maxLength={NOTE_MAX}
                  value={failed ? (failed.values.note ?? '') : (r.check?.note ?? '')}
                  error={errorsFor(failed, key, 'note')[0]}
                />
                <FileField
                  lang={lang}
                  name={`${key}-files`}
                  label={t(lang, 'checkFilesLabel')}
                  hint={t(lang, 'checkFilesHint')}
                  allowed={CHECK_EVIDENCE_ALLOWED}
                  maxBytes={props.maxBytes}
                  maxFiles={EVIDENCE_MAX_FILES}
                  optional
                  error={errorsFor(failed, key, 'files').length ? errorsFor(failed, key, 'files') : undefined}
                />
                <ButtonGroup>
                  <Button type="submit">{t(lang, 'save')}</Button>
                </ButtonGroup>
              </form>
            </details>
          );
        })}
    </div>
  );
}

function TypedSection(props: SectionProps): VNode | null {
  const { ctx } = props;
  const lang = ctx.lang;
  if (props.typable.length === 0) return null;
  return (
    <section aria-labelledby="typed-title" id="typed">
      <h2 class="u-h2" id="typed-title">
        {t(lang, 'typedTitle')}
      </h2>
      <p>{t(lang, 'typedLead')}</p>
      {!props.canEdit && <p data-read-only>{t(lang, 'readOnly')}</p>}
      {props.typable.map((x) => (
        <TypedInputBlock {...props} item={x} />
      ))}
    </section>
  );
}

function TypedInputBlock(props: SectionProps & { item: TypableInput }): VNode {
  const { ctx, item } = props;
  const lang = ctx.lang;
  const { node, def, mode } = item;
  const key = inputFormKey(node.id, def.name);
  const list = props.sources[node.id] ?? [];
  const typed = list.find((s) => s.input === def.name && s.origin === 'typed');
  const portal = list.find((s) => s.input === def.name && s.origin !== 'typed');
  const gap = (props.missing[node.id] ?? []).find((g) => g.input === def.name);
  const failed = props.failed?.key === key ? props.failed : undefined;
  const value = failed ? (failed.values.value ?? '') : typed ? (def.kind === 'choice' ? String(typed.value) : formatNumber(lang, typed.value)) : '';
  const headingId = `input-${key}-title`;

  let valueField: VNode;
  if (def.kind === 'choice') {
    valueField = (
      <RadioGroup
        lang={lang}
        name={`${key}-value`}
        legend={t(lang, 'valueLabel', { name: def.name, meaning: def.meaning })}
        options={def.levels.map((l) => ({ value: String(l.value), label: `${formatNumber(lang, l.value)} — ${l.label}` }))}
        value={value}
        error={errorsFor(failed, key, 'value')[0]}
      />
    );
  } else {
    valueField = (
      <Field
        lang={lang}
        name={`${key}-value`}
        label={t(lang, 'valueLabel', { name: def.name, meaning: def.meaning })}
        hint={def.kind === 'count' ? t(lang, 'valueHintCount', { of: def.of }) : t(lang, 'valueHintNumber')}
        inputMode={def.kind === 'count' ? 'numeric' : 'decimal'}
        width="s"
        value={value}
        error={errorsFor(failed, key, 'value')[0]}
      />
    );
  }

  return (
    <div class="u-panel u-score-input" id={`input-${key}`} data-typed-input={key}>
      <h3 class="u-h3" id={headingId}>
        {node.id} · {def.name} — {def.meaning}
      </h3>
      <p>
        {typed ? (
          <>
            <strong data-typed-value={key}>{t(lang, 'currentValue', { value: valueWords(lang, def, typed.value) })}</strong>
            {typed.typed && <> ({t(lang, 'enteredBy', { who: typed.typed.enteredBy.name, date: props.when(typed.typed.enteredAt) })})</>}
          </>
        ) : (
          <em>{t(lang, 'typedNone')}</em>
        )}
      </p>
      {typed?.typed && (
        <>
          <p class="u-score-note">{typed.typed.note}</p>
          <EvidenceLinks lang={lang} files={typed.typed.attachments} links={typed.typed.links} />
        </>
      )}
      {mode === 'override' && (
        <p class="u-hint">
          {portal ? t(lang, 'overrideNote', { portal: `${formatNumber(lang, portal.value)} — ${portal.text}` }) : gap ? t(lang, 'overrideNoPortal', { reason: gap.text }) : null}
        </p>
      )}
      {props.editable && (
        <>
          <details class="u-score-form" open={!!failed}>
            <summary>
              {t(lang, typed ? 'formSummaryEdit' : 'formSummaryNew')}
              <VisuallyHidden>
                {' '}
                {node.id} {def.name}
              </VisuallyHidden>
            </summary>
            <form method="post" action="/outreach/scores/inputs" enctype="multipart/form-data" novalidate aria-labelledby={headingId}>
              <Place municipality={props.municipality.id} quarter={props.quarter} csrf={ctx.csrfToken} extra={{ node: node.id, input: def.name }} />
              {valueField}
              <TextareaField
                lang={lang}
                name={`${key}-note`}
                label={t(lang, 'noteLabel')}
                hint={t(lang, 'noteHint')}
                rows={3}
                maxLength={NOTE_MAX}
                value={failed ? (failed.values.note ?? '') : (typed?.typed?.note ?? '')}
                error={errorsFor(failed, key, 'note')[0]}
              />
              <TextareaField
                lang={lang}
                name={`${key}-links`}
                label={t(lang, 'linksLabel')}
                hint={t(lang, 'linksHint')}
                optional
                rows={2}
                value={failed ? (failed.values.links ?? '') : (typed?.typed?.links ?? []).slice(0, LINKS_MAX).map((l) => (l.title ? `${l.url} ${l.title}` : l.url)).join('\n')}
                error={errorsFor(failed, key, 'links')[0]}
              />
              <FileField
                lang={lang}
                name={`${key}-files`}
                label={t(lang, 'filesLabel')}
                hint={t(lang, 'filesHint')}
                allowed={INPUT_EVIDENCE_ALLOWED}
                maxBytes={props.maxBytes}
                maxFiles={EVIDENCE_MAX_FILES}
                optional
                error={errorsFor(failed, key, 'files').length ? errorsFor(failed, key, 'files') : undefined}
              />
              <ButtonGroup>
                <Button type="submit">{t(lang, 'save')}</Button>
              </ButtonGroup>
            </form>
          </details>
          {typed && (
            <form method="post" action="/outreach/scores/inputs/delete">
              <Place municipality={props.municipality.id} quarter={props.quarter} csrf={ctx.csrfToken} extra={{ node: node.id, input: def.name }} />
              <Button type="submit" variant="secondary" small>
                {t(lang, 'deleteValue')}
              </Button>
            </form>
          )}
        </>
      )}
    </div>
  );
}
