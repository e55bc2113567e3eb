import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractPdfText, renderPdf, type PdfSpec } from './index.js';

const spec = (rows: string[][]): PdfSpec => ({
  title: 'Проверка',
  blocks: [
    { kind: 'paragraph', text: 'ОТЧЕТ', bold: true, align: 'center', size: 14 },
    { kind: 'paragraph', text: 'о проведённых мероприятиях — «ёлка», №\u00a05', align: 'center' },
    {
      kind: 'table',
      columns: [{ width: 1, align: 'center' }, { width: 6 }, { width: 3, align: 'right' }],
      header: [['№ пп.', 'Наименование мероприятия', 'Количество'], ['1', '2', '3']],
      rows,
      emptyText: 'Мероприятий не было.',
    },
  ],
});

test('Russian text comes back through the fonts’ ToUnicode maps, compressed or not', async () => {
  for (const compress of [false, true]) {
    const pdf = await renderPdf(spec([['1', 'Семинар в библиотеке', '12']]), { compress });
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    const text = extractPdfText(pdf);
    assert.match(text, /ОТЧЕТ/);
    assert.match(text, /о проведённых мероприятиях — «ёлка», №\u00a05/);
    assert.match(text, /Наименование мероприятия/);
    assert.match(text, /Семинар в библиотеке/);
    assert.match(text, /1 \/ 1/, 'page number');
    assert.doesNotMatch(text, /Мероприятий не было/);
  }
});

test('an empty table says so; a long table runs onto more pages with its header repeated', async () => {
  const empty = extractPdfText(await renderPdf(spec([]), { compress: false }));
  assert.match(empty, /Мероприятий не было\./);

  const rows = Array.from({ length: 120 }, (_, i) => [String(i + 1), `Мероприятие номер ${i + 1}`, String(i)]);
  const pdf = await renderPdf({ ...spec(rows), orientation: 'landscape' }, { compress: false });
  const text = extractPdfText(pdf);
  const pages = Number(/1 \/ (\d+)/.exec(text)?.[1]);
  assert.ok(pages >= 3, `several pages (${pages})`);
  assert.equal(text.match(/Наименование мероприятия/g)?.length, pages, 'the header on every page');
  assert.match(text, /Мероприятие номер 120/);
  assert.match(pdf.toString('latin1'), /\/MediaBox \[0 0 841\.89 595\.28\]/, 'A4 landscape');
});

test('a page break may change the orientation', async () => {
  const pdf = await renderPdf(
    { title: 't', orientation: 'portrait', pageNumbers: false, blocks: [{ kind: 'paragraph', text: 'Первая' }, { kind: 'pageBreak', orientation: 'landscape' }, { kind: 'paragraph', text: 'Вторая' }] },
    { compress: false },
  );
  const latin = pdf.toString('latin1');
  assert.match(latin, /\/MediaBox \[0 0 595\.28 841\.89\]/);
  assert.match(latin, /\/MediaBox \[0 0 841\.89 595\.28\]/);
  assert.deepEqual(extractPdfText(pdf).split('\n'), ['Первая', 'Вторая']);
});

test('a cell that wraps keeps all its lines', async () => {
  const long = Array.from({ length: 40 }, (_, i) => `слово${i + 1}`).join(' ') + ' КОНЕЦ';
  const pdf = await renderPdf({ title: 't', pageNumbers: false, blocks: [{ kind: 'table', columns: [{ width: 1 }, { width: 2 }], header: [['А', 'Б']], rows: [['коротко', `${long}\nвторой абзац ПОСЛЕДНИЙ`]] }] }, { compress: false });
  const text = extractPdfText(pdf);
  assert.match(text, /КОНЕЦ/);
  assert.match(text, /ПОСЛЕДНИЙ/);
  assert.doesNotMatch(text, /…/);
});
