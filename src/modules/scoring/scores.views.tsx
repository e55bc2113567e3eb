/** The score page: the kalga-2018 tree for one municipality and quarter, down to its inputs and their sources. */
import type { VNode } from 'preact';
import type { Lang } from '../../platform/i18n.js';
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { Badge, Button, PageHeading, SelectField, Table, type BadgeTone, type SelectOption } from '../../platform/views/components.js';
import type { ModelEvaluation } from './evaluate-model.js';
import { formatNumberRu } from './formula/index.js';
import type { InputSource } from './inputs/system-inputs.js';
import { colourOf, type ScoringModel } from './model.js';
import { scoresMessages as t, type ScoresMessageKey } from './scores.messages.js';

export interface ScorePageProps {
  ctx: PageContext;
  model: ScoringModel;
  evaluation: ModelEvaluation;
  sources: Record<string, InputSource[]>;
  municipality: { id: string; name: string };
  /** the municipalities the viewer may choose among (one for a coordinator) */
  municipalities: Array<{ id: string; name: string }>;
  quarter: string;
  quarterOptions: SelectOption[];
  /** the day materials were evaluated on, YYYY-MM-DD */
  asOf: string;
}

/** A number with a decimal comma in Russian, a point in English. */
export function formatNumber(lang: Lang, value: number): string {
  const s = formatNumberRu(value);
  return lang === 'ru' ? s : s.replace(',', '.');
}

const date = (lang: Lang, iso: string) => (lang === 'ru' ? iso.split('-').reverse().join('.') : iso);

const TONE = { red: 'danger', yellow: 'warning', green: 'success' } as const satisfies Record<string, BadgeTone>;

export function ScorePage(props: ScorePageProps): VNode {
  const { ctx, model, evaluation, sources, municipality } = props;
  const lang = ctx.lang;
  const quarterLabel = props.quarterOptions.find((o) => o.value === props.quarter)?.label ?? props.quarter;
  const thresholds = model.nodes.find((n) => n.thresholds)?.thresholds;

  const rows = model.nodes.map((node) => {
    const result = evaluation.nodes[node.id]!;
    const colour = colourOf(node, result.value);
    const nodeSources = sources[node.id] ?? [];
    return {
      node: (
        <span data-node={node.id}>
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
            const source = nodeSources.find((s) => s.input === def.name);
            return (
              <li>
                <strong>{def.name}</strong> — {def.meaning}:{' '}
                {source ? (
                  <>
                    <strong>{formatNumber(lang, source.value)}</strong> ({t(lang, `origin_${source.origin}` as ScoresMessageKey)}: {source.text})
                  </>
                ) : (
                  <em>{t(lang, 'manual')}</em>
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
    </Layout>
  );
}
