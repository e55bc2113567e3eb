import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reportDueDate, timeliness } from './due.js';

test('a quarter report is due on the 15th of the month after the quarter', () => {
  assert.equal(reportDueDate({ year: 2026, quarter: 1 }), '2026-04-15');
  assert.equal(reportDueDate({ year: 2026, quarter: 3 }), '2026-10-15');
  assert.equal(reportDueDate({ year: 2026, quarter: 4 }), '2027-01-15');
});

test('on time includes the due day itself; missing only after it', () => {
  const q = { year: 2026, quarter: 3 as const };
  assert.equal(timeliness(q, '2026-10-15', '2026-11-01'), 'on_time');
  assert.equal(timeliness(q, '2026-10-16', '2026-11-01'), 'late');
  assert.equal(timeliness(q, null, '2026-10-15'), 'not_due');
  assert.equal(timeliness(q, null, '2026-10-16'), 'missing');
});
