/**
 * A line chart over categories (quarters, months): one line per series, each
 * with its own marker shape and dash pattern as well as colour (never colour
 * alone), a value axis from zero with Russian number formatting, and a legend
 * in HTML under the chart. A missing value breaks the line; a single category
 * is drawn as markers in the middle.
 */
import type { VNode } from 'preact';
import type { Lang } from '../../../platform/i18n.js';
import { ChartFigure, CHART_COLOURS } from './chart-figure.js';
import { chartMessages as t } from './charts.messages.js';
import { formatChartNumber, linearScale, niceTicks } from './scale.js';

export interface LineSeries {
  name: string;
  values: Array<number | null>;
}

export interface LineChartProps {
  lang: Lang;
  id: string;
  title: string;
  desc: string;
  /** x labels, short («III кв. 2026»); a space-separated label is written on two lines at its last space */
  categories: string[];
  series: LineSeries[];
  tableCaption: string;
  categoryHeader: string;
  /** counts of people: integer ticks */
  integer?: boolean;
}

/** Units of the viewBox: narrow, so text stays legible on a 360 px phone (see bar-chart.tsx). */
export const LINE_LAYOUT = { width: 420, height: 260, left: 52, right: 16, top: 16, bottom: 48 } as const;

const DASHES = ['', '8 5', '2 4'] as const;

/** Geometry of the line chart, separate from drawing so it can be tested. */
export function lineGeometry(categories: readonly string[], series: readonly LineSeries[], integer = false) {
  const L = LINE_LAYOUT;
  const values = series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const ticks = niceTicks(0, Math.max(0, ...values), 5, integer);
  const y = linearScale([ticks[0]!, ticks[ticks.length - 1]!], [L.height - L.bottom, L.top]);
  const n = categories.length;
  const plotLeft = L.left + 24;
  const plotRight = L.width - L.right - 24;
  const xOf = (i: number) => (n <= 1 ? (plotLeft + plotRight) / 2 : plotLeft + (i * (plotRight - plotLeft)) / (n - 1));
  const paths = series.map((s) => {
    let d = '';
    let pen = false;
    s.values.forEach((v, i) => {
      if (v === null) {
        pen = false;
        return;
      }
      d += `${pen ? 'L' : 'M'}${xOf(i).toFixed(1)} ${y(v).toFixed(1)} `;
      pen = true;
    });
    return d.trim();
  });
  return { ticks, y, xOf, paths };
}

function Marker(props: { shape: number; x: number; y: number; colour: string }): VNode {
  const { x, y, colour } = props;
  if (props.shape === 1) return <rect x={x - 5} y={y - 5} width="10" height="10" fill={colour} />;
  if (props.shape === 2) return <path d={`M${x} ${y - 6} L${x + 6} ${y + 5} L${x - 6} ${y + 5} Z`} fill={colour} />;
  return <circle cx={x} cy={y} r="5" fill={colour} />;
}

/** A small picture of a series' line and marker for the legend. */
function LegendSwatch(props: { index: number }): VNode {
  const colour = CHART_COLOURS.series[props.index % CHART_COLOURS.series.length]!;
  return (
    <svg class="u-chart__swatch" viewBox="0 0 36 14" width="36" height="14" aria-hidden="true" focusable="false">
      <line x1="0" x2="36" y1="7" y2="7" stroke={colour} stroke-width="3" stroke-dasharray={DASHES[props.index % DASHES.length] || undefined} />
      <Marker shape={props.index % 3} x={18} y={7} colour={colour} />
    </svg>
  );
}

export function LineChart(props: LineChartProps): VNode {
  const L = LINE_LAYOUT;
  const { lang, categories, series } = props;
  const g = lineGeometry(categories, series, props.integer);
  const num = (v: number | null) => (v === null ? t(lang, 'noValue') : formatChartNumber(lang, v));

  return (
    <ChartFigure
      lang={lang}
      id={props.id}
      title={props.title}
      desc={props.desc}
      width={L.width}
      height={L.height}
      table={{
        caption: props.tableCaption,
        columns: [{ key: 'category', label: props.categoryHeader, rowHeader: true }, ...series.map((s, i) => ({ key: `s${i}`, label: s.name, numeric: true }))],
        rows: categories.map((c, ci) => ({ category: c, ...Object.fromEntries(series.map((s, si) => [`s${si}`, num(s.values[ci] ?? null)])) })),
      }}
      footer={
        <ul class="u-chart__legend">
          {series.map((s, i) => (
            <li>
              <LegendSwatch index={i} /> {s.name}
            </li>
          ))}
        </ul>
      }
    >
      {g.ticks.map((tk) => (
        <g>
          <line x1={L.left} x2={L.width - L.right} y1={g.y(tk)} y2={g.y(tk)} stroke={CHART_COLOURS.grid} stroke-width="1" />
          <text x={L.left - 6} y={g.y(tk) + 5} font-size="13" text-anchor="end" fill={CHART_COLOURS.secondary}>
            {formatChartNumber(lang, tk)}
          </text>
        </g>
      ))}
      <line x1={L.left} x2={L.width - L.right} y1={L.height - L.bottom} y2={L.height - L.bottom} stroke={CHART_COLOURS.axis} stroke-width="1" />
      {categories.map((c, i) => {
        const cut = c.lastIndexOf(' ');
        const lines = cut > 0 ? [c.slice(0, cut), c.slice(cut + 1)] : [c];
        return (
          <text x={g.xOf(i)} y={L.height - L.bottom + 20} font-size="13" text-anchor="middle" fill={CHART_COLOURS.secondary}>
            {lines.map((line, li) => (
              <tspan x={g.xOf(i)} dy={li === 0 ? 0 : 16}>
                {line}
              </tspan>
            ))}
          </text>
        );
      })}
      {categories.length === 0 && (
        <text x={L.width / 2} y={L.height / 2} font-size="15" text-anchor="middle" fill={CHART_COLOURS.text}>
          {t(lang, 'noData')}
        </text>
      )}
      {series.map((s, si) => {
        const colour = CHART_COLOURS.series[si % CHART_COLOURS.series.length]!;
        return (
          <g data-series={si}>
            {g.paths[si] && <path d={g.paths[si]} fill="none" stroke={colour} stroke-width="3" stroke-dasharray={DASHES[si % DASHES.length] || undefined} />}
            {s.values.map((v, i) => (v === null ? null : <Marker shape={si % 3} x={g.xOf(i)} y={g.y(v)} colour={colour} />))}
          </g>
        );
      })}
    </ChartFigure>
  );
}
