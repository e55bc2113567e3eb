import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { titleForYear } from './import-plan.js';
import { approvalLine, genitiveName, planFileName, russianDate, russianMoney, shortPlaceName, signatory, type PlanDocument } from './plan-document.js';
import { issueText } from './plan-files.messages.js';
import { headingKey, matchHeading, MAX_ROWS, normalizeNumber, readPlanXlsx } from './read-plan-xlsx.js';
import { listZip, measureUnpacked } from '../../../platform/files/zip.js';

test('territory names in the genitive, as decrees write them', () => {
  assert.equal(genitiveName('Калганский муниципальный округ'), 'Калганского муниципального округа');
  assert.equal(genitiveName('Калганский район'), 'Калганского района');
  assert.equal(genitiveName('Городской округ «Город Чита»'), 'городского округа «Город Чита»');
  assert.equal(genitiveName('Городской округ «Охинский»'), 'городского округа «Охинский»');
  assert.equal(genitiveName('Амурская область', true), 'Амурской области');
  assert.equal(genitiveName('Нижний Новгород'), 'муниципального образования «Нижний Новгород»', 'what cannot be declined is quoted after «муниципального образования»');
  assert.equal(signatory({ placeName: 'Забайкальский край', regional: true }), 'Губернатор Забайкальского края');
  assert.equal(signatory({ placeName: 'Борзинский муниципальный округ', regional: false }), 'Глава Борзинского муниципального округа');
});

test('dates, money and file names', () => {
  assert.equal(russianDate('2026-05-24'), '24.05.2026');
  assert.equal(russianMoney('12500.00'), '12\u00a0500,00');
  assert.equal(russianMoney('12500.5'), '12\u00a0500,50');
  assert.equal(russianMoney('1234567'), '1\u00a0234\u00a0567,00');
  assert.equal(russianMoney('0'), '0,00');
  assert.equal(shortPlaceName('Калганский муниципальный округ'), 'Калганский');
  assert.equal(shortPlaceName('Городской округ «Город Чита»'), 'Город_Чита');
  assert.equal(planFileName({ placeName: 'Калганский муниципальный округ', year: 2026, version: null }, 'xlsx'), 'План_Калганский_2026.xlsx');
  assert.equal(planFileName({ placeName: 'Калганский муниципальный округ', year: 2026, version: 3 }, 'docx'), 'План_Калганский_2026_ред3.docx');
  const doc: PlanDocument = { title: 'План', placeName: 'Калганский муниципальный округ', regional: false, year: 2026, approval: { number: '228', date: '2026-05-24' }, version: 1, sections: [] };
  assert.equal(approvalLine(doc), 'УТВЕРЖДЁН постановлением администрации Калганского муниципального округа от 24.05.2026 № 228');
  assert.equal(approvalLine({ ...doc, approval: null }), null);
  assert.equal(titleForYear('План мероприятий по популяризации в 2018 году', 2026), 'План мероприятий по популяризации в 2026 году');
  assert.equal(titleForYear('План на 2024–2026 годы', 2027), 'План на 2024–2026 годы', 'two years: kept as written');
});

test('headings in the wordings of the seeds and of the export', () => {
  assert.equal(headingKey(' № п/п '), '№пп');
  assert.equal(matchHeading('№п/п'), 'number');
  assert.equal(matchHeading('№ пп.'), 'number');
  assert.equal(matchHeading('Содержание мероприятия'), 'content');
  assert.equal(matchHeading('НАИМЕНОВАНИЕ  МЕРОПРИЯТИЯ'), 'content');
  assert.equal(matchHeading('Ответственный исполнитель'), 'executors');
  assert.equal(matchHeading('Срок реализации'), 'deadline');
  assert.equal(matchHeading('Результаты'), 'result');
  assert.equal(matchHeading('Ожидаемый результат'), 'result');
  assert.equal(matchHeading('Оценка уровня проделанной работы, %'), 'indicator');
  assert.equal(matchHeading('Максимальное значение показателя'), null);
  assert.equal(matchHeading('Объем финансирования, руб.'), 'budget');
  assert.equal(matchHeading('Объём финансирования, тыс. руб.'), 'thousands');
  assert.equal(normalizeNumber('1.2.'), '1.2');
  assert.equal(normalizeNumber(' 1 . 2 '), '1.2');
  assert.equal(issueText('ru', { ns: 'files', code: 'errNumberMissing', row: 12, column: '№ п/п' }), 'Строка 12, «№ п/п»: У пункта нет номера.');
});

async function sheet(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Лист1');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const HEADER = ['№ п/п', 'Наименование мероприятия', 'Ответственные исполнители', 'Срок исполнения'];

test('the reader names misplaced, duplicate and missing numbers by row', async () => {
  const r = await readPlanXlsx(
    await sheet([
      HEADER,
      ['1.1', 'До раздела', 'Отдел', 'Постоянно'],
      ['1', 'Раздел'],
      ['2.1', 'Не свой раздел', 'Отдел', 'Постоянно'],
      ['1.2', 'Пункт', 'Отдел', 'Постоянно'],
      ['1.2', 'Повтор', 'Отдел', 'Постоянно'],
      ['1.x', 'Номер', 'Отдел', 'Постоянно'],
    ]),
  );
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.deepEqual(
    r.issues.map((i) => issueText('ru', i)),
    [
      'Строка 2, «№ п/п»: Пункт 1.1 стоит вне раздела: добавьте выше строку раздела «1. Название раздела».',
      'Строка 4, «№ п/п»: Пункт 2.1 стоит в разделе 1: номер пункта должен начинаться с «1.».',
      'Строка 7, «№ п/п»: Номер пункта «1.x» не похож на номер вида 1.2 или 1.2.3.',
      'Строка 6, «№ п/п»: Номер 1.2 уже есть в строке 5.',
    ],
  );
});

test('the reader refuses sheets with too many rows and tables without items', async () => {
  const big = await sheet([HEADER, ['1', 'Раздел'], ...Array.from({ length: MAX_ROWS }, (_, i) => [`1.${i + 1}`, 'Пункт', 'Отдел', 'Постоянно'])]);
  const r = await readPlanXlsx(big);
  assert.ok(!r.ok && r.issues[0]!.code === 'errTooManyRows');
  const empty = await readPlanXlsx(await sheet([HEADER, ['1', 'Раздел']]));
  assert.ok(!empty.ok && empty.issues[0]!.code === 'errNoItems');
  const notXlsx = await readPlanXlsx(Buffer.from('PK\x03\x04 not really'));
  assert.ok(!notXlsx.ok && notXlsx.issues[0]!.code === 'errNotXlsx');
});

test('an archive is measured by inflating it, whatever its directory claims', async () => {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types/>');
  zip.file('xl/workbook.xml', 'x'.repeat(5_000_000));
  const data = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  assert.ok(data.length < 100_000, 'it packs small');
  const listing = listZip(data)!;
  assert.ok(listing.names.includes('[Content_Types].xml') && listing.names.includes('xl/workbook.xml'));
  assert.equal(measureUnpacked(data, listing, 10_000_000), 5_000_000 + '<Types/>'.length);
  assert.equal(measureUnpacked(data, listing, 1_000_000), 'over');
  // Claim a tiny unpacked size in the central directory: still measured as it really is.
  const lying = Buffer.from(data);
  for (let at = 0; at < lying.length - 4; at++) {
    if (lying.readUInt32LE(at) === 0x02014b50) lying.writeUInt32LE(10, at + 24);
  }
  assert.equal(measureUnpacked(lying, listZip(lying)!, 1_000_000), 'over');
  assert.equal(listZip(Buffer.from('not a zip')), null);
});
