import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dayAfter, rankStandings, tieGroups, trendOf, type RankingRow, type Standing } from './ranking.js';
import { previousQuarter, recentQuarters } from '../inputs/system-inputs.js';

const s = (id: string, registered: number, confirmed: number, target: [number, number] | null): Standing => ({
  municipalityId: id,
  name: id,
  registered,
  confirmed,
  target: target ? { registered: target[0], confirmed: target[1] } : null,
});

test('competition ranking: equal combined figures share a rank and the next rank skips (1, 2, 2, 4)', () => {
  const r = rankStandings([
    s('Г', 5, 2, [10, 10]), // 50 and 20 → 35
    s('Б', 8, 4, [10, 4]), // 80 and 100 → 90
    s('В', 20, 8, [20, 10]), // 100 and 80 → 90
    s('А', 6, 5, [5, 5]), // 120 capped to 100, and 100 → 100
  ]);
  assert.deepEqual(
    ['А', 'Б', 'В', 'Г'].map((id) => [id, r.get(id)!.rank, r.get(id)!.combined]),
    [
      ['А', 1, 100],
      ['Б', 2, 90],
      ['В', 2, 90],
      ['Г', 4, 35],
    ],
  );
  assert.equal(r.get('А')!.registeredPercent, 100, 'each percentage is capped at 100');
  assert.deepEqual(r.get('Б')!.tiedWith, ['В']);
  assert.deepEqual(r.get('В')!.tiedWith, ['Б']);
  assert.deepEqual(r.get('Г')!.tiedWith, []);
});

test('combined figures are compared as shown, to hundredths', () => {
  // (33.333… + 100) / 2 = 66.666… → 66.67; (66.666… + 66.666…) / 2 → 66.67: a tie as shown
  const r = rankStandings([s('x', 1, 3, [3, 3]), s('y', 2, 2, [3, 3])]);
  assert.equal(r.get('x')!.combined, 66.67);
  assert.equal(r.get('y')!.combined, 66.67);
  assert.equal(r.get('x')!.rank, 1);
  assert.equal(r.get('y')!.rank, 1);
});

test('no target or a zero target: unranked with the reason', () => {
  const r = rankStandings([s('a', 3, 3, null), s('b', 3, 3, [0, 5]), s('c', 0, 0, [10, 10])]);
  assert.equal(r.get('a')!.rank, null);
  assert.equal(r.get('a')!.unrankedReason, 'no_target');
  assert.equal(r.get('b')!.rank, null);
  assert.equal(r.get('b')!.unrankedReason, 'zero_target');
  assert.equal(r.get('b')!.confirmedPercent, 60);
  assert.equal(r.get('c')!.rank, 1, 'zero growth against a target is ranked (0 %)');
  assert.equal(r.get('c')!.combined, 0);
});

test('trend against the previous rank', () => {
  assert.equal(trendOf(1, 3), 'up');
  assert.equal(trendOf(4, 2), 'down');
  assert.equal(trendOf(2, 2), 'same');
  assert.equal(trendOf(2, null), 'new');
  assert.equal(trendOf(null, 1), null);
});

test('tie groups name the next rank', () => {
  const row = (name: string, rank: number | null, tiedWith: string[], combined: number | null) => ({ name, rank, tiedWith, combined }) as RankingRow;
  const groups = tieGroups([row('А', 1, [], 100), row('Б', 2, ['В', 'Г'], 90), row('В', 2, ['Б', 'Г'], 90), row('Г', 2, ['Б', 'В'], 90), row('Д', 5, [], 10), row('Е', null, [], null)]);
  assert.deepEqual(groups, [{ rank: 2, combined: 90, names: ['Б', 'В', 'Г'], nextRank: 5 }]);
});

test('quarters and days', () => {
  assert.deepEqual(previousQuarter({ year: 2026, quarter: 1 }), { year: 2025, quarter: 4 });
  assert.deepEqual(recentQuarters({ year: 2026, quarter: 2 }, 3), [
    { year: 2026, quarter: 2 },
    { year: 2026, quarter: 1 },
    { year: 2025, quarter: 4 },
  ]);
  assert.equal(dayAfter('2026-09-30'), '2026-10-01');
  assert.equal(dayAfter('2026-12-31'), '2027-01-01');
});
