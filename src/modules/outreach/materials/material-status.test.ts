import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findKind, INDICATORS } from './material-kinds.js';
import { indicatorLevel, materialStatus, windowStart } from './material-status.js';

const quarterly = findKind('stand')!;
const monthly = findKind('news')!;
const weekly = { cadence: { unit: 'week' as const, every: 1 as const } };

test('windows: quarter, month, ISO week', () => {
  assert.equal(windowStart(quarterly.cadence, '2026-03-31'), '2026-01-01');
  assert.equal(windowStart(quarterly.cadence, '2026-04-01'), '2026-04-01');
  assert.equal(windowStart(quarterly.cadence, '2026-12-31'), '2026-10-01');
  assert.equal(windowStart(monthly.cadence, '2026-02-28'), '2026-02-01');
  assert.equal(windowStart(weekly.cadence, '2026-03-15'), '2026-03-09'); // Sunday → Monday before
  assert.equal(windowStart(weekly.cadence, '2026-03-16'), '2026-03-16'); // Monday
});

test('status: not posted, posted and updated, posted not updated — at window boundaries', () => {
  assert.equal(materialStatus({ postedOn: null, lastUpdatedOn: null }, quarterly, '2026-03-31'), 'not_posted');
  assert.equal(materialStatus({ postedOn: '2026-04-01', lastUpdatedOn: null }, quarterly, '2026-03-31'), 'not_posted', 'posted in the future');
  // posting counts as the first update
  assert.equal(materialStatus({ postedOn: '2026-01-01', lastUpdatedOn: null }, quarterly, '2026-03-31'), 'posted_and_updated');
  assert.equal(materialStatus({ postedOn: '2025-12-31', lastUpdatedOn: null }, quarterly, '2026-03-31'), 'posted_not_updated');
  assert.equal(materialStatus({ postedOn: '2026-01-01', lastUpdatedOn: '2026-03-31' }, quarterly, '2026-04-01'), 'posted_not_updated', 'a new quarter');
  assert.equal(materialStatus({ postedOn: '2025-01-10', lastUpdatedOn: '2026-04-01' }, quarterly, '2026-06-30'), 'posted_and_updated');
  assert.equal(materialStatus({ postedOn: '2025-01-10', lastUpdatedOn: '2026-01-31' }, monthly, '2026-02-01'), 'posted_not_updated');
  assert.equal(materialStatus({ postedOn: '2025-01-10', lastUpdatedOn: '2026-02-01' }, monthly, '2026-02-28'), 'posted_and_updated');
  assert.equal(materialStatus({ postedOn: '2025-01-10', lastUpdatedOn: '2026-03-15' }, weekly, '2026-03-16'), 'posted_not_updated');
  assert.equal(materialStatus({ postedOn: '2025-01-10', lastUpdatedOn: '2026-03-16' }, weekly, '2026-03-22'), 'posted_and_updated');
});

test('indicator levels (seed 002)', () => {
  assert.equal(indicatorLevel([]), 0);
  assert.equal(indicatorLevel(['not_posted', 'not_posted']), 0);
  assert.equal(indicatorLevel(['posted_not_updated']), 0.5);
  assert.equal(indicatorLevel(['posted_and_updated', 'posted_not_updated']), 0.5);
  assert.equal(indicatorLevel(['posted_and_updated', 'not_posted']), 0.5);
  assert.equal(indicatorLevel(['posted_and_updated', 'posted_and_updated']), 1);
  const banner = INDICATORS.find((i) => i.key === 'P2.4')!;
  assert.equal(indicatorLevel(['posted_not_updated'], banner), 0.5, 'P2.4: posted → 0.5');
  assert.equal(indicatorLevel(['not_posted'], banner), 0);
  const section = INDICATORS.find((i) => i.key === 'P2.3n')!;
  assert.equal(indicatorLevel(['posted_not_updated'], section), 0.25);
  assert.equal(indicatorLevel(['posted_and_updated'], section), 0.5);
});
