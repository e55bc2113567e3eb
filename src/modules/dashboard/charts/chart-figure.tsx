/**
 * The frame every chart uses: a <figure> holding the inline SVG (role="img",
 * named by its <title> and described by its <desc> through aria-labelledby),
 * scaled by its viewBox to the width of the column (a 360 px phone included),
 * and the same figures as a table in <details> for screen readers and anyone
 * who wants the numbers.
 */
import type { ComponentChildren, VNode } from 'preact';
import type { Lang } from '../../../platform/i18n.js';
import { Table, type TableColumn, type TableRow } from '../../../platform/views/components.js';
import { chartMessages as t } from './charts.messages.js';

export interface ChartTable {
  caption: string;
  columns: TableColumn[];
  rows: TableRow[];
}

export interface ChartFigureProps {
  lang: Lang;
  /** unique on the page; the title and desc get `${id}-title` / `${id}-desc` */
  id: string;
  title: string;
  desc: string;
  width: number;
  height: number;
  table: ChartTable;
  /** shown under the chart (a legend, a note) */
  footer?: ComponentChildren;
  children: ComponentChildren;
}

export function ChartFigure(props: ChartFigureProps): VNode {
  const titleId = `${props.id}-title`;
  const descId = `${props.id}-desc`;
  return (
    <figure class="u-chart" id={props.id} data-chart={props.id}>
      <svg
        class="u-chart__svg"
        viewBox={`0 0 ${props.width} ${props.height}`}
        width={props.width}
        height={props.height}
        preserveAspectRatio="xMidYMid meet"
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        focusable="false"
        xmlns="http://www.w3.org/2000/svg"
      >
        <title id={titleId}>{props.title}</title>
        <desc id={descId}>{props.desc}</desc>
        {props.children}
      </svg>
      {props.footer}
      <details class="u-chart__data">
        <summary>{t(props.lang, 'dataTable')}</summary>
        <Table lang={props.lang} caption={props.table.caption} columns={props.table.columns} rows={props.table.rows} />
      </details>
    </figure>
  );
}

/** Shared drawing colours: text 16.7:1, secondary 9.1:1 on white; marks ≥ 3:1 (WCAG 1.4.11). */
export const CHART_COLOURS = {
  text: '#0b1f33',
  secondary: '#3b4a5a',
  grid: '#d5dce4',
  axis: '#66727f',
  series: ['#0d4cd3', '#0b6b2f', '#a0160f'] as const,
  reference: '#a0160f',
  /** light fill of a muted bar; its outline (series[0]) carries the 3:1 contrast */
  mutedFill: '#dbe5fb',
};
