/** The ranking page: ranks, figures, shared ranks explained, the unranked with reasons, the XLSX link. */
import type { VNode } from 'preact';
import type { Lang } from '../../../platform/i18n.js';
import { Layout, type PageContext } from '../../../platform/views/layout.js';
import { Button, Notice, PageHeading, SelectField, Table, type SelectOption, type TableRow } from '../../../platform/views/components.js';
import { formatQuarter } from '../inputs/system-inputs.js';
import { tieGroups, type Ranking, type RankingRow } from './ranking.js';
import { dateText, formatFigure, growthText, quarterText, rankingMessages as t, TREND_SYMBOL, trendText } from './ranking.messages.js';

export interface RankingPageProps {
  ctx: PageContext;
  regionName: string;
  timeZone: string;
  ranking: Ranking;
  quarterOptions: SelectOption[];
  /** kept in links and the form for the system administrator */
  regionParam: string;
}

/** The change of rank: the arrow is decoration, the words are read. */
export function TrendCell(props: { lang: Lang; row: RankingRow }): VNode {
  const { row, lang } = props;
  const symbol = row.trend ? TREND_SYMBOL[row.trend] : '';
  return (
    <span class={`u-rank-trend u-rank-trend--${row.trend ?? 'none'}`} data-trend={row.trend ?? 'none'}>
      {symbol && <span aria-hidden="true">{symbol} </span>}
      {trendText(lang, row)}
    </span>
  );
}

export function rankCell(lang: Lang, row: RankingRow): string {
  if (row.rank === null) return t(lang, 'unranked');
  return row.tiedWith.length ? t(lang, 'rankShared', { rank: row.rank }) : String(row.rank);
}

/** Table rows of ranked municipalities (the dashboard shows the first few). */
export function rankedRows(lang: Lang, rows: readonly RankingRow[]): TableRow[] {
  return rows
    .filter((r) => r.rank !== null)
    .map((r) => ({
      rank: <span data-rank={r.municipalityId}>{rankCell(lang, r)}</span>,
      // one wrapper: stacked tables lay a cell's children out as grid items
      municipality: (
        <span>
          {r.name}
          {r.tiedWith.length > 0 && <span class="u-rank-note">{t(lang, 'sharesWith', { names: r.tiedWith.join(', ') })}</span>}
        </span>
      ),
      registered: growthText(lang, r.registered, r.registeredTarget, r.registeredPercent),
      confirmed: growthText(lang, r.confirmed, r.confirmedTarget, r.confirmedPercent),
      combined: <span data-combined={r.municipalityId}>{formatFigure(lang, r.combined!)}</span>,
      trend: <TrendCell lang={lang} row={r} />,
    }));
}

export function rankedColumns(lang: Lang) {
  return [
    { key: 'rank', label: t(lang, 'colRank'), numeric: true },
    { key: 'municipality', label: t(lang, 'colMunicipality'), rowHeader: true },
    { key: 'registered', label: t(lang, 'colRegistered'), numeric: true },
    { key: 'confirmed', label: t(lang, 'colConfirmed'), numeric: true },
    { key: 'combined', label: t(lang, 'colCombined'), numeric: true },
    { key: 'trend', label: t(lang, 'colTrend') },
  ];
}

export function RankingPage(props: RankingPageProps): VNode {
  const { ctx, ranking } = props;
  const lang = ctx.lang;
  const quarter = quarterText(lang, ranking.quarter);
  const q = formatQuarter(ranking.quarter);
  const unranked = ranking.rows.filter((r) => r.rank === null);
  const ties = tieGroups(ranking.rows);
  const regionQuery = props.regionParam ? `&region=${encodeURIComponent(props.regionParam)}` : '';

  return (
    <Layout
      ctx={ctx}
      title={t(lang, 'title')}
      breadcrumbs={[{ href: '/staff', label: t(lang, 'staffHome') }, { href: '/outreach', label: t(lang, 'plansTitle') }, { label: t(lang, 'title') }]}
    >
      <PageHeading caption={t(lang, 'caption', { region: props.regionName, quarter })} title={t(lang, 'title')} lead={t(lang, 'lead')} />
      <form method="get" action="/outreach/ranking" aria-label={t(lang, 'filterTitle')} class="u-rank-filter">
        {props.regionParam && <input type="hidden" name="region" value={props.regionParam} />}
        <SelectField lang={lang} name="quarter" label={t(lang, 'quarter')} value={q} options={props.quarterOptions} />
        <Button type="submit" variant="secondary">
          {t(lang, 'show')}
        </Button>
      </form>
      <div data-quarter-state={ranking.complete ? 'complete' : 'running'}>
        {ranking.complete ? (
          <p>{t(lang, 'finished', { date: dateText(lang, ranking.asOf) })}</p>
        ) : (
          <Notice lang={lang} tone="warning">
            <p>{t(lang, 'notFinished', { date: dateText(lang, ranking.asOf) })}</p>
          </Notice>
        )}
      </div>
      <p>
        <Button href={`/outreach/ranking.xlsx?quarter=${q}${regionQuery}`} variant="secondary">
          {t(lang, 'download')}
        </Button>
      </p>
      {ranking.rows.length === 0 ? (
        <p>{t(lang, 'noMunicipalities')}</p>
      ) : (
        <Table lang={lang} caption={t(lang, 'tableCaption', { quarter })} columns={rankedColumns(lang)} rows={rankedRows(lang, ranking.rows)} stackOnMobile />
      )}

      <h2 class="u-h2">{t(lang, 'tiesTitle')}</h2>
      {ties.length === 0 ? (
        <p data-ties="none">{t(lang, 'noTies')}</p>
      ) : (
        <ul class="u-list" data-ties="some">
          {ties.map((g) => (
            <li>{t(lang, 'tie', { rank: g.rank, names: g.names.join(', '), combined: formatFigure(lang, g.combined), next: g.nextRank })}</li>
          ))}
        </ul>
      )}

      <h2 class="u-h2">{t(lang, 'unrankedTitle')}</h2>
      {unranked.length === 0 ? (
        <p>{t(lang, 'unrankedEmpty')}</p>
      ) : (
        <Table
          lang={lang}
          caption={t(lang, 'unrankedCaption', { quarter })}
          columns={[
            { key: 'municipality', label: t(lang, 'colMunicipality'), rowHeader: true },
            { key: 'reason', label: t(lang, 'colReason') },
            { key: 'registered', label: t(lang, 'colRegistered'), numeric: true },
            { key: 'confirmed', label: t(lang, 'colConfirmed'), numeric: true },
          ]}
          rows={unranked.map((r) => ({
            municipality: r.name,
            reason: <span data-unranked={r.municipalityId}>{t(lang, `reason_${r.unrankedReason!}`)}</span>,
            registered: growthText(lang, r.registered, r.registeredTarget, r.registeredPercent),
            confirmed: growthText(lang, r.confirmed, r.confirmedTarget, r.confirmedPercent),
          }))}
          stackOnMobile
        />
      )}
      <p>{t(lang, 'targetsHint')}</p>

      <h2 class="u-h2">{t(lang, 'howTitle')}</h2>
      <ul class="u-list">
        <li>{t(lang, 'howRegistered', { timeZone: props.timeZone })}</li>
        <li>{t(lang, 'howConfirmed')}</li>
        <li>{t(lang, 'howPercent')}</li>
        <li>{t(lang, 'howCombined')}</li>
        <li>{t(lang, 'howUnranked')}</li>
        <li>{t(lang, 'howTrend', { previous: quarterText(lang, ranking.previousQuarter) })}</li>
      </ul>
    </Layout>
  );
}
