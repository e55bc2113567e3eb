/** The regional dashboard page: server-rendered SVG charts with data tables, the score tree, ranking, reports, overdue items. */
import type { VNode } from 'preact';
import type { Lang } from '../../platform/i18n.js';
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { Badge, Button, Illustrative, PageHeading, SelectField, Table, type BadgeTone } from '../../platform/views/components.js';
import type { MunicipalityDueSummary } from '../outreach/due/load-occurrences.js';
import type { ModelEvaluation } from '../scoring/evaluate-model.js';
import { formatNumberRu } from '../scoring/formula/index.js';
import { formatQuarter, type Quarter } from '../scoring/inputs/system-inputs.js';
import { colourOf, type ScoringModel } from '../scoring/model.js';
import { reportDueDate } from '../scoring/quarter/due.js';
import type { Ranking } from '../scoring/ranking/ranking.js';
import { quarterText } from '../scoring/ranking/ranking.messages.js';
import { rankedColumns, rankedRows } from '../scoring/ranking/ranking.views.js';
import { BarChart } from './charts/bar-chart.js';
import { LineChart } from './charts/line-chart.js';
import { formatChartNumber, formatPercent } from './charts/scale.js';
import { TARGET_SHARE, type EServiceShare, type GrowthPoint, type ReportStatusRow, type TreeNode } from './dashboard.data.js';
import { dashboardMessages as t, type DashboardMessageKey } from './dashboard.messages.js';

export interface MunicipalityScore {
  municipalityId: string;
  name: string;
  evaluation: ModelEvaluation;
  model: ScoringModel;
  locked: boolean;
}

export interface DashboardPageProps {
  ctx: PageContext;
  regionName: string;
  timeZone: string;
  today: string;
  /** kept in forms and links for the system administrator */
  regionParam: string;
  municipalities: Array<{ id: string; name: string }>;
  share: EServiceShare;
  growth: { municipalityId: string | null; points: GrowthPoint[] };
  /** the last finished quarter: scores, ranking and reports are about it */
  lastQuarter: Quarter;
  tree: { forest: TreeNode[]; score: MunicipalityScore } | null;
  scores: MunicipalityScore[];
  ranking: Ranking;
  reports: ReportStatusRow[];
  due: MunicipalityDueSummary[];
}

const ROMAN = ['I', 'II', 'III', 'IV'] as const;
const TOP = 5;
const TONE = { red: 'danger', yellow: 'warning', green: 'success' } as const satisfies Record<string, BadgeTone>;
const STATE_TONE: Record<ReportStatusRow['state'], BadgeTone> = { not_due: 'neutral', missing: 'danger', on_time: 'success', late: 'warning', accepted: 'success' };

const date = (lang: Lang, iso: string) => (lang === 'ru' ? iso.split('-').reverse().join('.') : iso);
const num = (lang: Lang, v: number) => (lang === 'ru' ? formatNumberRu(v) : formatNumberRu(v).replace(',', '.'));
const shortQuarter = (lang: Lang, q: Quarter) => t(lang, 'quarterShort', { roman: ROMAN[q.quarter - 1]!, quarter: q.quarter, year: q.year });

/** The score page of a municipality and quarter, at the node's row (scores.views.tsx marks each row id="node-<id>"). */
export function scoreHref(municipalityId: string, quarter: Quarter, nodeId?: string): string {
  const base = `/outreach/scores?municipality=${encodeURIComponent(municipalityId)}&quarter=${formatQuarter(quarter)}`;
  return nodeId ? `${base}#node-${nodeId}` : base;
}

function ColourBadge(props: { lang: Lang; model: ScoringModel; nodeId: string; value: number | null }): VNode {
  const node = props.model.nodes.find((n) => n.id === props.nodeId);
  const colour = node ? colourOf(node, props.value) : null;
  return (
    <span data-colour-node={props.nodeId} data-colour={colour ?? 'none'}>
      <Badge tone={colour ? TONE[colour] : 'neutral'}>
        <span class="u-visually-hidden">{t(props.lang, 'levelLabel')}: </span>
        {t(props.lang, `colour_${colour ?? 'none'}` as DashboardMessageKey)}
      </Badge>
    </span>
  );
}

function nodeValueText(lang: Lang, value: number | null, max: number): string {
  return value === null ? t(lang, 'noData') : t(lang, 'nodeValue', { value: num(lang, value), max: num(lang, max) });
}

function TreeList(props: { lang: Lang; nodes: TreeNode[]; score: MunicipalityScore; quarter: Quarter; top?: boolean }): VNode {
  const { lang, score } = props;
  return (
    <ul class={props.top ? 'u-score-tree' : 'u-score-tree__children'}>
      {props.nodes.map(({ node, children }) => {
        const result = score.evaluation.nodes[node.id];
        const value = result?.value ?? null;
        return (
          <li class="u-score-tree__item" data-tree-node={node.id}>
            <span class="u-score-tree__line">
              <a href={scoreHref(score.municipalityId, props.quarter, node.id)} data-node-link={node.id}>
                <strong>{node.id}</strong> {node.title}
              </a>{' '}
              <span class="u-score-tree__value" data-value={node.id}>
                {nodeValueText(lang, value, result?.max ?? node.max)}
              </span>{' '}
              <ColourBadge lang={lang} model={score.model} nodeId={node.id} value={value} />
            </span>
            {children.length > 0 && <TreeList lang={lang} nodes={children} score={score} quarter={props.quarter} />}
          </li>
        );
      })}
    </ul>
  );
}

function ShareSection(props: DashboardPageProps): VNode {
  const { ctx, share } = props;
  const lang = ctx.lang;
  const pct = (v: number) => formatPercent(lang, v, 1);
  const region = share.region;
  const regionText =
    region.share === null
      ? t(lang, 'shareNoPopulation')
      : t(lang, 'regionFigure', { share: pct(region.share), users: formatChartNumber(lang, region.users), population: formatChartNumber(lang, region.population) });
  const top = Math.max(100, ...share.rows.map((r) => r.share ?? 0));
  return (
    <section aria-labelledby="dash-share">
      <h2 class="u-h2" id="dash-share">
        {t(lang, 'shareTitle')}
      </h2>
      <div class="u-dash-figure" data-region-share={region.share === null ? '' : region.share.toFixed(4)}>
        <p class="u-dash-figure__label">{t(lang, 'shareRegion')}</p>
        <p class="u-dash-figure__value">
          {regionText} {region.illustrative && <Illustrative lang={lang} />}
        </p>
        <p class="u-dash-figure__target">{t(lang, 'shareOfTarget', { target: TARGET_SHARE })}</p>
      </div>
      <p data-share-definition>{t(lang, 'shareDefinition', { date: date(lang, props.today) })}</p>
      {share.rows.some((r) => r.illustrative) && <p>{t(lang, 'shareIllustrative')}</p>}
      <BarChart
        lang={lang}
        id="chart-share"
        title={t(lang, 'shareChartTitle')}
        desc={t(lang, 'shareChartDesc', { target: TARGET_SHARE, region: regionText })}
        data={share.rows.map((r) => ({
          label: r.name,
          value: r.share,
          muted: r.illustrative,
          ...(r.share === null ? {} : { shortText: pct(r.share) }),
          valueText:
            r.share === null
              ? t(lang, 'shareNoPopulation')
              : t(lang, r.illustrative ? 'shareValueIllustrative' : 'shareValue', {
                  share: pct(r.share),
                  users: formatChartNumber(lang, r.users),
                  population: formatChartNumber(lang, r.population!),
                }),
        }))}
        max={top}
        reference={{ value: TARGET_SHARE, label: t(lang, 'targetLine', { target: TARGET_SHARE }) }}
        formatTick={(v) => formatPercent(lang, v, 0)}
        mutedNote={t(lang, 'shareMuted')}
        tableCaption={t(lang, 'shareTableCaption')}
        labelHeader={t(lang, 'colMunicipality')}
        valueHeader={t(lang, 'colShare')}
      />
    </section>
  );
}

function GrowthSection(props: DashboardPageProps): VNode {
  const { ctx, growth } = props;
  const lang = ctx.lang;
  const scope = growth.municipalityId ? (props.municipalities.find((m) => m.id === growth.municipalityId)?.name ?? '') : t(lang, 'growthRegion');
  const points = growth.points;
  const first = points[0];
  const last = points[points.length - 1];
  const lastText = last ? `${quarterText(lang, last.quarter)}: ${t(lang, 'seriesRegistered')} — ${last.registered}, ${t(lang, 'seriesConfirmed')} — ${last.confirmed}` : '';
  return (
    <section aria-labelledby="dash-growth">
      <h2 class="u-h2" id="dash-growth">
        {t(lang, 'growthTitle')}
      </h2>
      <form method="get" action="/outreach/dashboard#dash-growth" class="u-dash-filter" aria-label={t(lang, 'growthTitle')}>
        {props.regionParam && <input type="hidden" name="region" value={props.regionParam} />}
        {props.tree && <input type="hidden" name="score" value={props.tree.score.municipalityId} />}
        <SelectField
          lang={lang}
          name="municipality"
          label={t(lang, 'growthWhat')}
          value={growth.municipalityId ?? ''}
          options={[{ value: '', label: t(lang, 'growthRegion') }, ...props.municipalities.map((m) => ({ value: m.id, label: m.name }))]}
        />
        <Button type="submit" variant="secondary">
          {t(lang, 'show')}
        </Button>
      </form>
      <LineChart
        lang={lang}
        id="chart-growth"
        title={t(lang, 'growthChartTitle', { scope })}
        desc={t(lang, 'growthChartDesc', {
          from: first ? quarterText(lang, first.quarter) : '—',
          to: last ? quarterText(lang, last.quarter) : '—',
          last: lastText,
        })}
        categories={points.map((p) => shortQuarter(lang, p.quarter))}
        series={[
          { name: t(lang, 'seriesRegistered'), values: points.map((p) => p.registered) },
          { name: t(lang, 'seriesConfirmed'), values: points.map((p) => p.confirmed) },
        ]}
        integer
        tableCaption={t(lang, 'growthTableCaption', { scope })}
        categoryHeader={t(lang, 'colQuarter')}
      />
      <p>{t(lang, 'growthNote', { timeZone: props.timeZone, date: date(lang, props.today) })}</p>
    </section>
  );
}

function ScoresSection(props: DashboardPageProps): VNode {
  const { ctx, tree, lastQuarter } = props;
  const lang = ctx.lang;
  const quarter = quarterText(lang, lastQuarter);
  const thresholds = props.scores[0]?.model.nodes.find((n) => n.thresholds)?.thresholds;
  const totals = ['P', 'P1', 'P2', 'P3'];
  return (
    <section aria-labelledby="dash-scores">
      <h2 class="u-h2" id="dash-scores">
        {t(lang, 'scoresTitle', { quarter })}
      </h2>
      <p>{t(lang, 'scoresLead')}</p>
      {thresholds && <p>{t(lang, 'thresholdsNote', { red: thresholds.red, yellow: thresholds.yellow })}</p>}
      {tree && (
        <>
          <form method="get" action="/outreach/dashboard#dash-tree" class="u-dash-filter" aria-label={t(lang, 'scoresWhat')}>
            {props.regionParam && <input type="hidden" name="region" value={props.regionParam} />}
            {props.growth.municipalityId && <input type="hidden" name="municipality" value={props.growth.municipalityId} />}
            <SelectField
              lang={lang}
              name="score"
              label={t(lang, 'scoresWhat')}
              value={tree.score.municipalityId}
              options={props.municipalities.map((m) => ({ value: m.id, label: m.name }))}
            />
            <Button type="submit" variant="secondary">
              {t(lang, 'show')}
            </Button>
          </form>
          <h3 class="u-h3" id="dash-tree">
            {t(lang, 'treeTitle', { municipality: tree.score.name })}
          </h3>
          <p>
            {t(lang, tree.score.locked ? 'treeLocked' : 'treeLive', { model: tree.score.model.title, version: tree.score.model.version })}{' '}
            <a href={scoreHref(tree.score.municipalityId, lastQuarter)}>{t(lang, 'openScores')}</a>
          </p>
          <TreeList lang={lang} nodes={tree.forest} score={tree.score} quarter={lastQuarter} top />
        </>
      )}
      <Table
        lang={lang}
        caption={t(lang, 'pTableCaption', { quarter })}
        columns={[{ key: 'municipality', label: t(lang, 'colMunicipality'), rowHeader: true }, ...totals.map((id) => ({ key: id, label: id, numeric: true }))]}
        rows={props.scores.map((s) => ({
          municipality: <a href={scoreHref(s.municipalityId, lastQuarter)}>{s.name}</a>,
          ...Object.fromEntries(
            totals.map((id) => {
              const r = s.evaluation.nodes[id];
              return [
                id,
                <span data-total={`${s.municipalityId}:${id}`}>
                  {r?.value === null || r === undefined ? t(lang, 'noData') : num(lang, r.value)} <ColourBadge lang={lang} model={s.model} nodeId={id} value={r?.value ?? null} />
                </span>,
              ];
            }),
          ),
        }))}
      />
    </section>
  );
}

function RankingSection(props: DashboardPageProps): VNode {
  const { ctx, ranking, lastQuarter } = props;
  const lang = ctx.lang;
  const quarter = quarterText(lang, lastQuarter);
  const ranked = ranking.rows.filter((r) => r.rank !== null);
  const top = ranked.filter((r) => r.rank! <= TOP);
  const unranked = ranking.rows.length - ranked.length;
  const regionQuery = props.regionParam ? `&region=${encodeURIComponent(props.regionParam)}` : '';
  return (
    <section aria-labelledby="dash-ranking">
      <h2 class="u-h2" id="dash-ranking">
        {t(lang, 'rankingTitle', { quarter })}
      </h2>
      <p>{t(lang, 'rankingTop', { n: TOP })}</p>
      <Table lang={lang} caption={t(lang, 'rankingCaption', { quarter })} columns={rankedColumns(lang)} rows={rankedRows(lang, top)} stackOnMobile />
      {unranked > 0 && <p>{t(lang, 'rankingUnranked', { n: unranked })}</p>}
      <p>
        <a href={`/outreach/ranking?quarter=${formatQuarter(lastQuarter)}${regionQuery}`} data-ranking-link>
          {t(lang, 'rankingAll')}
        </a>
      </p>
    </section>
  );
}

function ReportsSection(props: DashboardPageProps): VNode {
  const { ctx, lastQuarter } = props;
  const lang = ctx.lang;
  const quarter = quarterText(lang, lastQuarter);
  const regionQuery = props.regionParam ? `&region=${encodeURIComponent(props.regionParam)}` : '';
  return (
    <section aria-labelledby="dash-reports">
      <h2 class="u-h2" id="dash-reports">
        {t(lang, 'reportsTitle', { quarter })}
      </h2>
      <p>{t(lang, 'reportsDue', { due: date(lang, reportDueDate(lastQuarter)) })}</p>
      <Table
        lang={lang}
        caption={t(lang, 'reportsCaption', { quarter })}
        columns={[
          { key: 'municipality', label: t(lang, 'colMunicipality'), rowHeader: true },
          { key: 'state', label: t(lang, 'colReport') },
          { key: 'submitted', label: t(lang, 'colSubmitted') },
        ]}
        rows={props.reports.map((r) => ({
          municipality: r.name,
          state: (
            <span data-report-state={r.municipalityId} data-state={r.state}>
              <Badge tone={STATE_TONE[r.state]}>{t(lang, `state_${r.state}` as DashboardMessageKey)}</Badge>
              {r.status === 'returned' && <> {t(lang, 'status_returned')}</>}
            </span>
          ),
          submitted: r.submittedOn ? date(lang, r.submittedOn) : '—',
        }))}
        stackOnMobile
      />
      <p>
        <a href={`/outreach/reports/overview?quarter=${formatQuarter(lastQuarter)}${regionQuery}`} data-reports-link>
          {t(lang, 'reportsOverview')}
        </a>
      </p>
    </section>
  );
}

function DueSection(props: DashboardPageProps): VNode {
  const { ctx } = props;
  const lang = ctx.lang;
  const regionQuery = props.regionParam ? `region=${encodeURIComponent(props.regionParam)}&` : '';
  return (
    <section aria-labelledby="dash-due">
      <h2 class="u-h2" id="dash-due">
        {t(lang, 'dueTitle')}
      </h2>
      <Table
        lang={lang}
        caption={t(lang, 'dueCaption', { date: date(lang, props.today) })}
        columns={[
          { key: 'municipality', label: t(lang, 'colMunicipality'), rowHeader: true },
          { key: 'overdue', label: t(lang, 'colOverdue'), numeric: true },
          { key: 'dueSoon', label: t(lang, 'colDueSoon'), numeric: true },
          { key: 'done', label: t(lang, 'colDoneQuarter'), numeric: true },
        ]}
        rows={props.due.map((d) => ({
          municipality: (
            <a href={`/outreach/due?${regionQuery}municipality=${d.municipalityId ?? 'region'}`}>{d.municipalityName ?? t(lang, 'regionPlan')}</a>
          ),
          overdue: (
            <span data-overdue={d.municipalityId ?? 'region'} class={d.overdue > 0 ? 'u-dash-overdue' : undefined}>
              {d.overdue}
            </span>
          ),
          dueSoon: d.dueSoon,
          done: d.doneThisQuarter,
        }))}
        stackOnMobile
      />
      <p>
        <a href={`/outreach/due${props.regionParam ? `?region=${encodeURIComponent(props.regionParam)}` : ''}`}>{t(lang, 'dueLink')}</a>
      </p>
    </section>
  );
}

export function DashboardPage(props: DashboardPageProps): VNode {
  const lang = props.ctx.lang;
  const quarter = quarterText(lang, props.lastQuarter);
  const sections: Array<[string, string]> = [
    ['dash-share', t(lang, 'shareTitle')],
    ['dash-growth', t(lang, 'growthTitle')],
    ['dash-scores', t(lang, 'scoresTitle', { quarter })],
    ['dash-ranking', t(lang, 'rankingTitle', { quarter })],
    ['dash-reports', t(lang, 'reportsTitle', { quarter })],
    ['dash-due', t(lang, 'dueTitle')],
  ];
  return (
    <Layout
      ctx={props.ctx}
      title={t(lang, 'title')}
      breadcrumbs={[{ href: '/staff', label: t(lang, 'staffHome') }, { href: '/outreach', label: t(lang, 'plansTitle') }, { label: t(lang, 'title') }]}
    >
      <PageHeading caption={props.regionName} title={t(lang, 'title')} lead={t(lang, 'lead', { date: date(lang, props.today) })} />
      <nav aria-label={t(lang, 'jump')} class="u-dash-jump">
        <ul class="u-list">
          {sections.map(([id, label]) => (
            <li>
              <a href={`#${id}`}>{label}</a>
            </li>
          ))}
        </ul>
      </nav>
      <ShareSection {...props} />
      <GrowthSection {...props} />
      <ScoresSection {...props} />
      <RankingSection {...props} />
      <ReportsSection {...props} />
      <DueSection {...props} />
    </Layout>
  );
}
