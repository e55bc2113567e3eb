import { test } from 'node:test';
import assert from 'node:assert/strict';
import { displayStatus } from './report-status.js';
import { quarterPhrase } from './report.js';
import { formOfReport, parseReportForm, readReportForm } from './report-form.js';
import type { QuarterReport } from './report.js';

const q3 = { year: 2026, quarter: 3 as const };

test('the overview’s status of a report', () => {
  assert.equal(displayStatus(q3, 'draft', null, '2026-10-15'), 'draft', 'the 15th itself is still in time');
  assert.equal(displayStatus(q3, 'draft', null, '2026-10-16'), 'missing');
  assert.equal(displayStatus(q3, 'submitted', '2026-10-15', '2026-11-01'), 'on_time');
  assert.equal(displayStatus(q3, 'submitted', '2026-10-16', '2026-11-01'), 'late');
  assert.equal(displayStatus(q3, 'returned', '2026-10-01', '2026-11-01'), 'returned');
  assert.equal(displayStatus(q3, 'accepted', '2026-10-20', '2026-11-01'), 'accepted');
  assert.equal(quarterPhrase(q3), 'за III квартал 2026 года');
  assert.equal(quarterPhrase({ year: 2027, quarter: 4 }), 'за IV квартал 2027 года');
});

const report: QuarterReport = {
  websites: [{ id: 'material:1', title: 'Баннер', link: 'https://kalga.ru', count: null, notes: 'размещено 01.07.2026', source: { origin: 'materials', refs: ['1'], text: 'Материал' }, edited: false }],
  reception: [{ id: 'reception:format:e_lesson', title: 'Урок', link: '', count: 2, notes: '', source: { origin: 'events', refs: ['a', 'b'], text: 'Мероприятий: 2' }, edited: false }],
  consultations: [],
};

test('the edit form: change, remove, add; sources kept; Russian messages per field', () => {
  const form = formOfReport(report);
  assert.equal(form.websites.length, 3, 'one row and two blank ones');
  const body: Record<string, string> = {};
  for (const [t, rows] of Object.entries(form)) rows.forEach((r, i) => Object.assign(body, { [`${t}-${i}-id`]: r.id, [`${t}-${i}-title`]: r.title, [`${t}-${i}-link`]: r.link, [`${t}-${i}-count`]: r.count, [`${t}-${i}-notes`]: r.notes }));
  body['reception-0-count'] = '3';
  body['websites-0-remove'] = 'on';
  body['consultations-0-title'] = 'Консультации в МФЦ';
  body['consultations-0-count'] = '1 200';
  const parsed = parseReportForm(readReportForm(body), report);
  assert.deepEqual(parsed.errors, []);
  assert.equal(parsed.report!.websites.length, 0);
  assert.equal(parsed.report!.reception[0]!.count, 3);
  assert.equal(parsed.report!.reception[0]!.edited, true);
  assert.deepEqual(parsed.report!.reception[0]!.source.refs, ['a', 'b']);
  assert.equal(parsed.report!.consultations[0]!.count, 1200);
  assert.equal(parsed.report!.consultations[0]!.source.origin, 'manual');

  const bad = parseReportForm(readReportForm({ ...body, 'websites-0-remove': undefined as unknown as string, 'websites-0-link': 'kalga.ru', 'reception-0-count': 'два', 'reception-0-title': ' ' }), report);
  assert.deepEqual(
    bad.errors.map((e) => `${e.field}:${e.code}`),
    ['websites-0-link:errLink', 'reception-0-title:errTitle', 'reception-0-count:errCount'],
  );
  assert.equal(bad.report, undefined);
});
