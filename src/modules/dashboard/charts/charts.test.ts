import { test } from 'node:test';
import assert from 'node:assert/strict';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { BAR_LAYOUT, BarChart, barGeometry } from './bar-chart.js';
import { LINE_LAYOUT, LineChart, lineGeometry } from './line-chart.js';
import { formatChartNumber, formatPercent, linearScale, niceStep, niceTicks } from './scale.js';

test('linearScale maps the domain onto the range, and a zero-width domain to the range start', () => {
  const x = linearScale([0, 100], [10, 510]);
  assert.equal(x(0), 10);
  assert.equal(x(50), 260);
  assert.equal(x(100), 510);
  const y = linearScale([0, 40], [256, 20]); // inverted, as SVG y grows down
  assert.equal(y(10), 197); // 256 − 10/40 × 236
  assert.equal(linearScale([5, 5], [0, 100])(5), 0);
});

test('niceTicks: 1-2-5 steps covering the data; empty span and integer counts', () => {
  assert.deepEqual(niceTicks(0, 100, 5), [0, 20, 40, 60, 80, 100]);
  assert.deepEqual(niceTicks(0, 37, 5), [0, 10, 20, 30, 40]); // 37/5 = 7.4 → step 10
  assert.deepEqual(niceTicks(0, 0, 5), [0, 0.2, 0.4, 0.6, 0.8, 1]); // all zero: span 1
  assert.deepEqual(niceTicks(0, 0, 5, true), [0, 1]); // counts: no fractional ticks
  assert.deepEqual(niceTicks(0, 3, 5, true), [0, 1, 2, 3]);
  assert.deepEqual(niceTicks(0, 0.3, 3), [0, 0.1, 0.2, 0.3]); // no 0.30000000000000004
  assert.equal(niceStep(12, 5), 2.5);
  assert.equal(niceStep(0, 5), 1);
});

test('numbers in Russian: decimal comma, no-break spaces, per-cent with a space', () => {
  assert.equal(formatChartNumber('ru', 12345.5), '12\u00a0345,5');
  assert.equal(formatChartNumber('en', 12345.5), '12,345.5');
  assert.equal(formatPercent('ru', 15.8333), '15,8\u00a0%');
  assert.equal(formatPercent('en', 70, 0), '70%');
});

test('bar chart: bar widths follow the scale, the 70 % line sits at 70 %, a missing value has no bar', () => {
  const data = [
    { label: 'А', value: 35 },
    { label: 'Б', value: 100 },
    { label: 'В', value: null },
  ];
  const g = barGeometry(data, { max: 100, reference: 70 });
  const plot = BAR_LAYOUT.width - BAR_LAYOUT.right - BAR_LAYOUT.valueRoom - BAR_LAYOUT.left; // 420 − 8 − 60 − 16 = 336
  assert.equal(plot, 336);
  const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-9, `${a} ≈ ${b}`);
  close(g.bars[0]!.width, 117.6); // 35 % of 336
  close(g.bars[1]!.width, 336);
  assert.equal(g.bars[2]!.width, 0);
  close(g.x(70), 16 + 235.2);
  assert.deepEqual(g.ticks, [0, 20, 40, 60, 80, 100]);
  assert.equal(g.height, BAR_LAYOUT.top + 3 * BAR_LAYOUT.rowHeight + BAR_LAYOUT.axisHeight);

  const html = renderToString(
    h(BarChart, { lang: 'ru', id: 'c1', title: 'Доля', desc: 'Описание', data, max: 100, reference: { value: 70, label: 'цель 70 %' }, tableCaption: 'Таблица', labelHeader: 'МО', valueHeader: 'Доля' }),
  );
  assert.match(html, /<svg[^>]*role="img"[^>]*aria-labelledby="c1-title c1-desc"/);
  assert.match(html, /<title id="c1-title">Доля<\/title><desc id="c1-desc">Описание<\/desc>/);
  assert.match(html, /viewBox="0 0 420 /);
  assert.match(html, /data-bar-value="0">35</, 'the value after the bar');
  assert.equal((html.match(/<rect /g) ?? []).length, 2, 'no bar for the missing value');
  assert.match(html, /data-reference="70"/);
  assert.match(html, /<details class="u-chart__data">[\s\S]*<caption[^>]*>Таблица<\/caption>/);
  assert.match(html, /<th scope="row"[^>]*>В<\/th><td[^>]*>нет данных<\/td>/);
});

test('bar chart with no data says so and still has its table', () => {
  const html = renderToString(h(BarChart, { lang: 'ru', id: 'c2', title: 'Т', desc: 'Д', data: [], tableCaption: 'Таблица', labelHeader: 'МО', valueHeader: 'Доля' }));
  assert.match(html, />Нет данных</);
  assert.match(html, /<caption/);
  assert.doesNotMatch(html, /<rect /);
});

test('line chart: points on the scale, a single point in the middle, a gap breaks the line', () => {
  const L = LINE_LAYOUT;
  const g = lineGeometry(['I', 'II', 'III'], [{ name: 'a', values: [0, 20, 40] }], true);
  assert.deepEqual(g.ticks, [0, 10, 20, 30, 40]);
  assert.equal(g.y(0), L.height - L.bottom);
  assert.equal(g.y(40), L.top);
  const left = L.left + 24;
  const right = L.width - L.right - 24;
  assert.equal(g.xOf(0), left);
  assert.equal(g.xOf(2), right);
  assert.equal(g.paths[0], `M${left.toFixed(1)} ${(L.height - L.bottom).toFixed(1)} L${((left + right) / 2).toFixed(1)} ${g.y(20).toFixed(1)} L${right.toFixed(1)} ${L.top.toFixed(1)}`);

  const one = lineGeometry(['IV'], [{ name: 'a', values: [7] }], true);
  assert.equal(one.xOf(0), (left + right) / 2);
  assert.equal(one.paths[0], `M${((left + right) / 2).toFixed(1)} ${one.y(7).toFixed(1)}`);

  const gap = lineGeometry(['1', '2', '3'], [{ name: 'a', values: [1, null, 3] }]);
  assert.equal((gap.paths[0]!.match(/M/g) ?? []).length, 2, 'the line restarts after a missing value');
});

test('line chart renders markers, legend words and the data table; empty data says so', () => {
  const html = renderToString(
    h(LineChart, {
      lang: 'ru',
      id: 'g',
      title: 'Рост',
      desc: 'Д',
      categories: ['III кв. 2026', 'IV кв. 2026'],
      series: [
        { name: 'Зарегистрированы', values: [1200, 3] },
        { name: 'Подтверждены', values: [2, null] },
      ],
      integer: true,
      tableCaption: 'Таблица роста',
      categoryHeader: 'Квартал',
    }),
  );
  assert.equal((html.match(/<circle /g) ?? []).length, 3, 'two circles for the first series + one in the legend');
  assert.match(html, /<li>.*Зарегистрированы<\/li>/);
  assert.match(html, /<th scope="row"[^>]*>III кв. 2026<\/th><td[^>]*>1\u00a0200<\/td><td[^>]*>2<\/td>/);
  assert.match(html, /<th scope="row"[^>]*>IV кв. 2026<\/th><td[^>]*>3<\/td><td[^>]*>нет данных<\/td>/);
  const empty = renderToString(h(LineChart, { lang: 'ru', id: 'e', title: 'Т', desc: 'Д', categories: [], series: [], tableCaption: 'Т', categoryHeader: 'К' }));
  assert.match(empty, />Нет данных</);
});
