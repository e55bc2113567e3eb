/**
 * Scales and axis ticks for the server-rendered charts: a linear map from data
 * to SVG units, «nice» ticks (1, 2, 5 × 10^k steps) and Russian number
 * formatting (decimal comma, narrow no-break space between thousands).
 */
import type { Lang } from '../../../platform/i18n.js';

export interface LinearScale {
  (value: number): number;
  domain: readonly [number, number];
  range: readonly [number, number];
}

/** Maps [d0, d1] onto [r0, r1] linearly; a zero-width domain maps everything to r0. */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): LinearScale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  const scale = ((value: number) => (span === 0 ? r0 : r0 + ((value - d0) / span) * (r1 - r0))) as LinearScale;
  scale.domain = domain;
  scale.range = range;
  return scale;
}

/** The «nice» step (1, 2, 2.5 or 5 × 10^k) nearest above span / count. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0) || !(count > 0)) return 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/**
 * About `count` ticks covering [min, max], starting and ending on a multiple of
 * the step. An empty span (all values equal, e.g. all zero) gets [min, min + 1].
 * With `integer`, steps are at least 1 (counts of people).
 */
export function niceTicks(min: number, max: number, count = 5, integer = false): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  if (max < min) [min, max] = [max, min];
  if (max === min) max = min + 1;
  let step = niceStep(max - min, count);
  if (integer) step = Math.max(1, Math.round(step));
  const first = Math.floor(min / step) * step;
  const last = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  // Rounded to the step's decimals so 0.1 + 0.2 does not show as 0.30000000000000004.
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  for (let v = first; v <= last + step / 2; v += step) ticks.push(Number(v.toFixed(decimals)));
  return ticks;
}

/** 12 345,5 in Russian, 12,345.5 in English; at most `digits` decimals. */
export function formatChartNumber(lang: Lang, value: number, digits = 2): string {
  return new Intl.NumberFormat(lang === 'ru' ? 'ru-RU' : 'en-GB', { maximumFractionDigits: digits }).format(value);
}

/** «45,2 %» in Russian (a no-break space before the sign), «45.2%» in English. */
export function formatPercent(lang: Lang, value: number, digits = 1): string {
  const n = formatChartNumber(lang, value, digits);
  return lang === 'ru' ? `${n}\u00a0%` : `${n}%`;
}
