/**
 * A horizontal bar chart: one bar per item with its label on the line above
 * the bar (so long Russian names fit on a phone) and the value written after
 * the bar's end, an optional reference line (the 70 % target) and a value axis
 * with Russian number formatting. Items without a value get no bar and the
 * words «нет данных»; the data table gives each item's full value text.
 */
import type { VNode } from 'preact';
import type { Lang } from '../../../platform/i18n.js';
import { ChartFigure, CHART_COLOURS } from './chart-figure.js';
import { chartMessages as t } from './charts.messages.js';
import { formatChartNumber, linearScale, niceTicks } from './scale.js';

export interface BarDatum {
  label: string;
  value: number | null;
  /** the value as shown; defaults to the formatted number */
  valueText?: string;
  /** the value written after the bar; defaults to formatTick(value) */
  shortText?: string;
  /** drawn lighter with an outline and marked «*» — e.g. figures on illustrative data (explained by mutedNote) */
  muted?: boolean;
}

export interface BarChartProps {
  lang: Lang;
  id: string;
  title: string;
  desc: string;
  data: BarDatum[];
  /** the axis maximum; default: the nice ceiling of the largest value (and of the reference) */
  max?: number;
  reference?: { value: number; label: string };
  /** axis tick text, e.g. formatPercent */
  formatTick?: (value: number) => string;
  /** what «*» means, shown under the chart when some item is muted */
  mutedNote?: string;
  tableCaption: string;
  labelHeader: string;
  valueHeader: string;
}

/**
 * Units of the viewBox. It is narrow (420) so that text stays legible when a
 * 360 px phone scales it down (14 units ≈ 11 px there); the CSS caps the width
 * on large screens.
 */
export const BAR_LAYOUT = { width: 420, left: 16, right: 8, valueRoom: 60, top: 30, rowHeight: 46, barHeight: 16, labelGap: 6, axisHeight: 34 } as const;

/** Geometry of the bar chart, separate from drawing so it can be tested. */
export function barGeometry(data: readonly BarDatum[], options: { max?: number; reference?: number }) {
  const L = BAR_LAYOUT;
  const values = data.map((d) => d.value).filter((v): v is number => v !== null);
  const top = Math.max(0, ...values, options.reference ?? 0);
  const ticks = options.max !== undefined ? niceTicks(0, options.max, 5) : niceTicks(0, top, 5);
  const domainMax = Math.max(options.max ?? 0, ticks[ticks.length - 1]!);
  // the bars end before the room kept for the value written after them
  const x = linearScale([0, domainMax], [L.left, L.width - L.right - L.valueRoom]);
  const height = L.top + Math.max(1, data.length) * L.rowHeight + L.axisHeight;
  const bars = data.map((d, i) => {
    const labelY = L.top + i * L.rowHeight + 14;
    const barY = labelY + L.labelGap;
    const v = d.value === null ? null : Math.min(Math.max(d.value, 0), domainMax);
    return { labelY, barY, width: v === null ? 0 : x(v) - x(0) };
  });
  return { x, ticks: ticks.filter((tk) => tk <= domainMax), height, bars, axisY: height - L.axisHeight + 4 };
}

export function BarChart(props: BarChartProps): VNode {
  const L = BAR_LAYOUT;
  const { lang, data } = props;
  const g = barGeometry(data, { ...(props.max !== undefined ? { max: props.max } : {}), ...(props.reference ? { reference: props.reference.value } : {}) });
  const tick = props.formatTick ?? ((v: number) => formatChartNumber(lang, v));
  const full = (d: BarDatum) => d.valueText ?? (d.value === null ? t(lang, 'noValue') : formatChartNumber(lang, d.value));
  const short = (d: BarDatum) => (d.value === null ? t(lang, 'noValue') : `${d.shortText ?? tick(d.value)}${d.muted ? '*' : ''}`);
  const refX = props.reference ? g.x(props.reference.value) : null;

  return (
    <ChartFigure
      lang={lang}
      id={props.id}
      title={props.title}
      desc={props.desc}
      width={L.width}
      height={g.height}
      table={{
        caption: props.tableCaption,
        columns: [
          { key: 'label', label: props.labelHeader, rowHeader: true },
          { key: 'value', label: props.valueHeader, numeric: true },
        ],
        rows: data.map((d) => ({ label: d.label, value: full(d) })),
      }}
      footer={data.some((d) => d.muted) && props.mutedNote ? <p class="u-chart__note">* {props.mutedNote}</p> : undefined}
    >
      {g.ticks.map((tk) => (
        <g>
          <line x1={g.x(tk)} x2={g.x(tk)} y1={L.top - 6} y2={g.axisY} stroke={CHART_COLOURS.grid} stroke-width="1" />
          <text x={g.x(tk)} y={g.axisY + 20} font-size="13" text-anchor="middle" fill={CHART_COLOURS.secondary}>
            {tick(tk)}
          </text>
        </g>
      ))}
      <line x1={L.left} x2={g.x(g.x.domain[1])} y1={g.axisY} y2={g.axisY} stroke={CHART_COLOURS.axis} stroke-width="1" />
      {data.length === 0 && (
        <text x={L.width / 2} y={L.top + L.rowHeight / 2} font-size="15" text-anchor="middle" fill={CHART_COLOURS.text}>
          {t(lang, 'noData')}
        </text>
      )}
      {data.map((d, i) => {
        const b = g.bars[i]!;
        return (
          <g data-bar={i}>
            <text x={L.left} y={b.labelY} font-size="14" fill={CHART_COLOURS.text}>
              {d.label}
            </text>
            {d.value !== null && (
              <rect
                x={L.left}
                y={b.barY}
                width={Math.max(b.width, d.value > 0 ? 1 : 0)}
                height={L.barHeight}
                fill={d.muted ? CHART_COLOURS.mutedFill : CHART_COLOURS.series[0]}
                stroke={CHART_COLOURS.series[0]}
                stroke-width={d.muted ? '1.5' : '0'}
                data-width={b.width.toFixed(2)}
              />
            )}
            <text x={L.left + b.width + 6} y={b.barY + L.barHeight - 3} font-size="13" font-weight="bold" fill={CHART_COLOURS.text} data-bar-value={i}>
              {short(d)}
            </text>
          </g>
        );
      })}
      {refX !== null && props.reference && (
        <g data-reference={props.reference.value}>
          <line x1={refX} x2={refX} y1={L.top - 8} y2={g.axisY} stroke={CHART_COLOURS.reference} stroke-width="2" stroke-dasharray="6 4" />
          <text x={refX} y={L.top - 12} font-size="13" font-weight="bold" text-anchor="middle" fill={CHART_COLOURS.reference}>
            {props.reference.label}
          </text>
        </g>
      )}
    </ChartFigure>
  );
}
