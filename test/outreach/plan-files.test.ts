import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { DEMO_PASSWORD } from '../../src/db/seed/demo.js';
import { kalga2018 } from '../../src/db/seed/data/plan-templates/index.js';
import type { AppContext } from '../../src/platform/context.js';
import { createStaff } from '../../src/modules/staff/create-staff.js';
import { listItems, type PlanItemView } from '../../src/modules/outreach/outreach.repository.js';
import { executorsText } from '../../src/modules/outreach/plan-items.js';
import { Browser, createTestApp, type TestApp, signedInBrowser } from '../support/app.js';

let app: FastifyInstance;
let ctx: AppContext;
let t: TestApp;

before(async () => {
  t = await createTestApp({ seed: true });
  app = t.app;
  ctx = t.ctx;
});
after(async () => t.close());

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const planIdFrom = (location: unknown) => /\/outreach\/plans\/([0-9a-f-]{36})/.exec(String(location ?? ''))![1]!;
const templateItems = kalga2018.sections.flatMap((s) => s.items.map((i) => ({ ...i, section: s })));

const signedIn = (login: string) => signedInBrowser(app, login);

async function workbookOf(data: Buffer | Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(data) as unknown as ExcelJS.Buffer);
  return wb;
}

const cellText = (ws: ExcelJS.Worksheet, row: number, col: number) => {
  const v = ws.getCell(row, col).value;
  return v === null || v === undefined ? '' : String(v);
};

/** The file name from `attachment; filename="…"; filename*=UTF-8''…`. */
function fileNameOf(res: LightMyRequestResponse): string {
  const m = /filename\*=UTF-8''([^;]+)/.exec(String(res.headers['content-disposition']));
  assert.ok(m, `RFC 5987 file name in ${String(res.headers['content-disposition'])}`);
  return decodeURIComponent(m[1]!);
}

/** Every <w:t> text of word/document.xml, joined per paragraph. */
async function docxParagraphs(data: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(data);
  const xml = await zip.file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((m) => m[1]!)
      .join('')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&'),
  );
}

const upload = (data: Buffer | Uint8Array, name = 'plan.xlsx', type = XLSX_TYPE) => [{ field: 'file', name, type, data: new Uint8Array(data) }];

async function countPlans(): Promise<number> {
  return Number((await ctx.db.query<{ n: number }>('select count(*)::int as n from outreach_plans')).rows[0]!.n);
}

async function importAudits(): Promise<Array<{ subject_id: string; details: Record<string, unknown> }>> {
  return (await ctx.db.query<{ subject_id: string; details: Record<string, unknown> }>("select subject_id, details from audit_log where action = 'outreach.plan.import' order by seq")).rows;
}

/** What a plan's items say, for comparing two plans. */
const itemSummary = (items: PlanItemView[]) =>
  items.map((i) => ({
    section: `${i.sectionNumber}. ${i.sectionTitle}`,
    number: i.itemNumber,
    content: i.content,
    executors: executorsText(i.executors),
    deadline: i.deadlineText,
    result: i.expectedResult,
    indicator: i.indicatorNodeId,
    budget: i.budgetRub === null ? null : Number(i.budgetRub),
  }));

let planId = '';
let exported: Buffer = Buffer.alloc(0);

test('the working copy exports as XLSX in the layout of the seeds’ tables, deadlines as written', async () => {
  const b = await signedIn('coordinator');
  await b.get('/outreach/plans/new');
  const created = await b.post('/outreach/plans', { year: '2026', source: 'template:kalga-2018' });
  assert.equal(created.statusCode, 303);
  planId = planIdFrom(created.headers.location);
  // A funded item and an organisation as executor, to see both travel.
  const org = (await ctx.db.query<{ id: string; short_name: string }>(
    "select o.id, o.short_name from organisations o join municipalities m on m.id = o.municipality_id where m.key = 'kalgansky' order by o.short_name limit 1",
  )).rows[0]!;
  await ctx.db.query("update outreach_plan_items set budget_rub = 12500.5, executors = executors || $2::jsonb where plan_id = $1 and item_number = '2.7'", [
    planId,
    JSON.stringify([{ organisationId: org.id, name: org.short_name }]),
  ]);

  const res = await b.get(`/outreach/plans/${planId}/plan.xlsx`);
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-type'], XLSX_TYPE);
  assert.match(String(res.headers['content-disposition']), /^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
  assert.equal(fileNameOf(res), 'План_Калганский_2026.xlsx');
  exported = res.rawPayload;

  const wb = await workbookOf(exported);
  assert.equal(wb.worksheets.length, 1);
  const ws = wb.worksheets[0]!;
  assert.equal(cellText(ws, 1, 1), 'ПРОЕКТ', 'a draft has no approval line');
  const title = (await ctx.db.query<{ title: string }>('select title from outreach_plans where id = $1', [planId])).rows[0]!.title;
  assert.equal(cellText(ws, 2, 1), title);
  assert.equal(cellText(ws, 3, 1), 'Калганский муниципальный округ');
  assert.deepEqual(
    [1, 2, 3, 4, 5, 6, 7].map((c) => cellText(ws, 5, c)),
    ['№ п/п', 'Наименование мероприятия', 'Ответственные исполнители', 'Срок исполнения', 'Ожидаемый результат', 'Показатель', 'Объём финансирования, руб.'],
  );
  const view = ws.views[0] as { state?: string; ySplit?: number };
  assert.equal(view.state, 'frozen');
  assert.equal(view.ySplit, 5, 'the header stays in view');
  assert.equal(ws.pageSetup.orientation, 'landscape');
  assert.equal(ws.pageSetup.paperSize, 9, 'A4');
  assert.equal(ws.pageSetup.fitToWidth, 1);
  assert.equal(ws.pageSetup.printTitlesRow, '5:5');
  assert.ok(ws.getColumn(2).width! >= 40, 'the content column is wide');
  assert.equal(ws.getCell(6, 2).alignment?.wrapText, true);

  // Section rows merged across the table, then the items in order.
  let row = 6;
  for (const s of kalga2018.sections) {
    assert.equal(cellText(ws, row, 1), `${s.number}. ${s.title}`, `section row ${row}`);
    assert.ok(ws.getCell(row, 7).isMerged && ws.getCell(row, 7).master.address === `A${row}`, `section ${s.number} spans the table`);
    row++;
    for (const i of s.items) {
      assert.equal(cellText(ws, row, 1), i.number);
      assert.equal(cellText(ws, row, 2), i.content);
      assert.equal(cellText(ws, row, 4), i.deadline, `deadline of ${i.number} exactly as written`);
      assert.equal(cellText(ws, row, 6), i.indicator ?? '');
      const executors = cellText(ws, row, 3).split('\n');
      assert.deepEqual(executors.slice(0, i.executors.length), i.executors);
      if (i.number === '2.7') {
        assert.equal(executors.at(-1), org.short_name);
        assert.equal(ws.getCell(row, 7).value, 12500.5);
        assert.equal(ws.getCell(row, 7).numFmt, '#,##0.00');
      }
      row++;
    }
  }
  assert.equal(ws.rowCount, row - 1, 'nothing after the last item');
});

test('the exported file imports back as a new plan with the same items', async () => {
  const b = await signedIn('coordinator');
  const form = await b.get('/outreach/plans/import');
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /enctype="multipart\/form-data"/);
  assert.match(form.body, /name="_csrf"/);
  assert.match(form.body, /name="file"/);
  const before = await countPlans();
  const res = await b.postMultipart('/outreach/plans/import', { year: '2027' }, upload(exported));
  assert.equal(res.statusCode, 303, res.body.slice(0, 3000));
  assert.match(String(res.headers.location), /\?created=1$/);
  const copyId = planIdFrom(res.headers.location);
  assert.equal(await countPlans(), before + 1);
  const plan = (await ctx.db.query<{ title: string; period_from: string; status: string; source: string; municipality: string }>(
    "select p.title, to_char(p.period_from, 'YYYY-MM-DD') as period_from, p.status, p.source, m.key as municipality from outreach_plans p join municipalities m on m.id = p.municipality_id where p.id = $1",
    [copyId],
  )).rows[0]!;
  assert.equal(plan.period_from, '2027-01-01');
  assert.equal(plan.status, 'draft');
  assert.equal(plan.municipality, 'kalgansky');
  const originalTitle = (await ctx.db.query<{ title: string }>('select title from outreach_plans where id = $1', [planId])).rows[0]!.title;
  assert.equal(plan.title, originalTitle.replaceAll('2026', '2027'), 'the title from the file, for the new year');

  const original = await listItems(ctx.db, planId);
  const copy = await listItems(ctx.db, copyId);
  assert.equal(copy.length, templateItems.length);
  assert.deepEqual(itemSummary(copy), itemSummary(original));
  // The organisation came back as the organisation, not as words.
  const orgExecutor = copy.find((i) => i.itemNumber === '2.7')!.executors.find((e) => 'organisationId' in e);
  assert.ok(orgExecutor, 'an exported organisation is matched again');
  assert.ok(copy.every((i) => i.deadline !== null), 'every deadline was understood');
  const audit = (await importAudits()).find((a) => a.subject_id === copyId)!;
  assert.equal(audit.details.mode, 'new');
  assert.equal(audit.details.items, templateItems.length);
  assert.match(String(audit.details.fileSha256), /^[0-9a-f]{64}$/);
});

/** A table typed the way seed 003 prints it: «№ пп. | Наименование мероприятия | Результат | Срок реализации | Ответственный исполнитель». */
async function seed003Workbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Лист1');
  ws.addRow(['', '', '', 'Утвержден постановлением администрации от 04.03.2016 № 119']);
  ws.addRow(['План мероприятий органов местного самоуправления по информированию граждан о преимуществах получения услуг в электронной форме на 2016 год']);
  ws.addRow([]);
  ws.addRow(['  № ПП. ', 'Наименование  мероприятия', 'РЕЗУЛЬТАТ', 'Срок реализации', 'Ответственный исполнитель']);
  ws.addRow([1, 2, 3, 4, 5]);
  ws.addRow(['1.', 'Информирование граждан на официальных сайтах']);
  const r7 = ws.addRow(['1.1.', 'Создание специального тематического раздела', '1. Размещение баннер-ссылки на ЕПГУ', 'Апрель 2016 года', 'Комитет по управлению муниципальным имуществом; группа по компьютерной технике']);
  ws.addRow(['', '', '2. Публикация новостных материалов', 'Постоянно', 'Комитет по управлению муниципальным имуществом']);
  // The activity's number and name merged down over its numbered results, as Word tables often are.
  ws.mergeCells(r7.number, 1, r7.number + 1, 1);
  ws.mergeCells(r7.number, 2, r7.number + 1, 2);
  ws.addRow(['1.2.', 'Внесение изменений в НПА', 'Утвержденный нормативный правовой акт', 'II квартал 2016 года', 'Отдел по связям с общественностью']);
  const s2 = ws.addRow(['2. Информирование граждан в помещениях']);
  ws.mergeCells(s2.number, 1, s2.number, 5);
  ws.addRow(['2.1', { richText: [{ text: 'Оформление ' }, { font: { bold: true }, text: 'помещений' }] }, '', 'В течение 5 рабочих дней по мере их изменения', 'Органы местного самоуправления']);
  ws.addRow(['2.2.', 'Ежеквартально представлять отчет', 'Направление отчета', 'До 15 числа месяца, следующего после окончания квартала, начиная со II квартала 2016 года', 'Органы местного самоуправления']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('a table in the wording and column order of seed 003 imports, numbered results becoming items', async () => {
  const b = await signedIn('coordinator');
  await b.get('/outreach/plans/import');
  const res = await b.postMultipart('/outreach/plans/import', { year: '2028' }, upload(await seed003Workbook(), 'Охинский.xlsx'));
  assert.equal(res.statusCode, 303, res.body.slice(0, 3000));
  const id = planIdFrom(res.headers.location);
  const plan = (await ctx.db.query<{ title: string }>('select title from outreach_plans where id = $1', [id])).rows[0]!;
  assert.equal(plan.title, 'План мероприятий органов местного самоуправления по информированию граждан о преимуществах получения услуг в электронной форме на 2028 год');
  const items = itemSummary(await listItems(ctx.db, id));
  assert.deepEqual(
    items.map((i) => [i.section, i.number, i.content, i.executors, i.deadline, i.result]),
    [
      ['1. Информирование граждан на официальных сайтах', '1.1.1', 'Создание специального тематического раздела', ['Комитет по управлению муниципальным имуществом', 'группа по компьютерной технике'], 'Апрель 2016 года', '1. Размещение баннер-ссылки на ЕПГУ'],
      ['1. Информирование граждан на официальных сайтах', '1.1.2', 'Создание специального тематического раздела', ['Комитет по управлению муниципальным имуществом'], 'Постоянно', '2. Публикация новостных материалов'],
      ['1. Информирование граждан на официальных сайтах', '1.2', 'Внесение изменений в НПА', ['Отдел по связям с общественностью'], 'II квартал 2016 года', 'Утвержденный нормативный правовой акт'],
      ['2. Информирование граждан в помещениях', '2.1', 'Оформление помещений', ['Органы местного самоуправления'], 'В течение 5 рабочих дней по мере их изменения', ''],
      ['2. Информирование граждан в помещениях', '2.2', 'Ежеквартально представлять отчет', ['Органы местного самоуправления'], 'До 15 числа месяца, следующего после окончания квартала, начиная со II квартала 2016 года', 'Направление отчета'],
    ],
  );
});

test('a table in the wording of seed 002 imports, the indicator taken from the formula', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('План');
  ws.addRow(['План мероприятий по популяризации в 2018 году механизма получения услуг в электронной форме']);
  ws.addRow(['№п/п', 'Содержание мероприятия', 'Ответственные исполнители', 'Срок исполнения', 'Результаты', 'Оценка уровня проделанной работы, %', 'Максимальное значение показателя']);
  ws.addRow(['', '', '', '', '', 'P = (P1 + P2 + P3)/3', 100]);
  const s1 = ws.addRow(['1. Организация регистрации граждан в ЕСИА', '', '', '', '', 'P1 = (P1.1 + P1.2 + P1.3)/3', 100]);
  ws.mergeCells(s1.number, 1, s1.number, 5);
  ws.addRow(['1.1.', 'Организация регистрации в ЕСИА муниципальных служащих', 'руководитель администрации\nруководители муниципальных учреждений', 'На постоянной основе', 'В ЕСИА зарегистрировано 100 %', 'P1.1 = (P1.1.1 + P1.1.2)/2', 100]);
  ws.addRow(['1.2.', 'Организация работы Центров обслуживания', 'руководитель администрации', '2 квартал 2018 года', 'Оформление рабочего места', 'Р1.2 = (n * 0,25) * 100', 100]);
  const b = await signedIn('coordinator');
  await b.get('/outreach/plans/import');
  const res = await b.postMultipart('/outreach/plans/import', { year: '2029' }, upload(Buffer.from(await wb.xlsx.writeBuffer())));
  assert.equal(res.statusCode, 303, res.body.slice(0, 3000));
  const items = itemSummary(await listItems(ctx.db, planIdFrom(res.headers.location)));
  assert.deepEqual(
    items.map((i) => [i.section, i.number, i.executors, i.deadline, i.indicator]),
    [
      ['1. Организация регистрации граждан в ЕСИА', '1.1', ['руководитель администрации', 'руководители муниципальных учреждений'], 'На постоянной основе', 'P1.1'],
      ['1. Организация регистрации граждан в ЕСИА', '1.2', ['руководитель администрации'], '2 квартал 2018 года', 'P1.2'],
    ],
  );
});

test('a file with a deadline the parser does not understand is refused by row and column; nothing is saved', async () => {
  const wb = await workbookOf(exported);
  const ws = wb.worksheets[0]!;
  let badRow = 0;
  ws.eachRow((row, n) => {
    if (row.getCell(1).value === '1.2') badRow = n;
  });
  assert.ok(badRow > 0);
  ws.getCell(badRow, 4).value = 'когда-нибудь весной';
  ws.getCell(badRow + 1, 2).value = ''; // and an item without content
  const bad = Buffer.from(await wb.xlsx.writeBuffer());

  const b = await signedIn('coordinator');
  await b.get('/outreach/plans/import');
  const plans = await countPlans();
  const audits = (await importAudits()).length;
  const res = await b.postMultipart('/outreach/plans/import', { year: '2031' }, upload(bad));
  assert.equal(res.statusCode, 400);
  assert.ok(res.body.includes(`Строка ${badRow}, «Срок исполнения»: Не удалось распознать срок «когда-нибудь весной»`), 'the parser’s message, by row and column');
  assert.ok(res.body.includes(`Строка ${badRow + 1}, «Наименование мероприятия»: Введите содержание мероприятия.`));
  assert.match(res.body, /value="2031"/, 'the typed year is kept');
  assert.match(res.body, /Ничего не сохранено/);
  assert.equal(await countPlans(), plans, 'nothing saved');
  assert.equal((await importAudits()).length, audits);

  // The year is checked with the file: a year that already has a plan.
  await b.get('/outreach/plans/import');
  const taken = await b.postMultipart('/outreach/plans/import', { year: '2026' }, upload(exported));
  assert.equal(taken.statusCode, 400);
  assert.match(taken.body, /План на 2026 год уже есть/);
  assert.equal(await countPlans(), plans);
});

test('files that are not XLSX, too large, or have no plan table are refused next to the field', async () => {
  const b = await signedIn('coordinator');
  const plans = await countPlans();
  const attempt = async (files: ReturnType<typeof upload>, pattern: RegExp) => {
    await b.get('/outreach/plans/import');
    const res = await b.postMultipart('/outreach/plans/import', { year: '2032' }, files);
    assert.equal(res.statusCode, 400, String(pattern));
    assert.match(res.body, pattern);
    assert.match(res.body, /id="field-file-error"/, 'the message sits next to the file field');
    assert.match(res.body, /value="2032"/);
  };
  await attempt(upload(Buffer.from('№ п/п;Наименование мероприятия\n1.1;Текст\n'), 'plan.xlsx', XLSX_TYPE), /Файл «plan\.xlsx» не является книгой Excel в формате XLSX/);
  await attempt(upload(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), 'plan.xls'), /в старом формате XLS/);
  // A zip that is not a workbook (a Word document).
  const docx = (await b.get(`/outreach/plans/${planId}/plan.docx`)).rawPayload;
  await attempt(upload(docx, 'plan.xlsx'), /не является книгой Excel/);
  // A workbook without the plan's headings.
  const other = new ExcelJS.Workbook();
  other.addWorksheet('Лист1').addRow(['Фамилия', 'Имя', 'Телефон']);
  await attempt(upload(Buffer.from(await other.xlsx.writeBuffer())), /не найдена строка заголовков таблицы/);
  // Larger than the upload limit.
  await attempt(upload(Buffer.alloc(ctx.config.files.maxBytes + 1024, 1)), /Файл «plan\.xlsx» больше 10 МБ/);
  await b.get('/outreach/plans/import');
  const none = await b.postMultipart('/outreach/plans/import', { year: '2032' }, []);
  assert.equal(none.statusCode, 400);
  assert.match(none.body, /Выберите файл XLSX с планом/);
  assert.equal(await countPlans(), plans);
});

test('an approved plan exports with its decree; DOCX for signing has the decree line, title and every item', async () => {
  const b = await signedIn('coordinator');
  // The draft's DOCX is a project with blanks for the decree.
  const draft = await b.get(`/outreach/plans/${planId}/plan.docx`);
  assert.equal(draft.statusCode, 200);
  assert.equal(draft.headers['content-type'], 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  assert.equal(fileNameOf(draft), 'План_Калганский_2026.docx');
  const draftText = await docxParagraphs(draft.rawPayload);
  assert.ok(draftText.includes('ПРОЕКТ'));
  assert.ok(draftText.includes('от ____________ № ____'));

  await b.get(`/outreach/plans/${planId}`);
  const approved = await b.post(`/outreach/plans/${planId}/approve`, { decreeNumber: '228', decreeDate: '24.05.2026' });
  assert.equal(approved.statusCode, 303);

  const res = await b.get(`/outreach/plans/${planId}/versions/1/plan.docx`);
  assert.equal(res.statusCode, 200);
  assert.equal(fileNameOf(res), 'План_Калганский_2026_ред1.docx');
  const zip = await JSZip.loadAsync(res.rawPayload);
  const xml = await zip.file('word/document.xml')!.async('string');
  assert.match(xml, /<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/, 'A4 landscape');
  assert.match(xml, /<w:tblHeader\/>/, 'the header row repeats on every page');
  assert.match(xml, /Times New Roman/);
  const paragraphs = await docxParagraphs(res.rawPayload);
  const title = (await ctx.db.query<{ title: string }>('select title from outreach_plans where id = $1', [planId])).rows[0]!.title;
  assert.ok(paragraphs.includes('Приложение'));
  assert.ok(paragraphs.includes('к постановлению администрации Калганского муниципального округа'));
  assert.ok(paragraphs.includes('от 24.05.2026 № 228'), 'the decree line');
  assert.ok(!paragraphs.includes('ПРОЕКТ'));
  assert.ok(paragraphs.includes('ПЛАН'));
  assert.ok(paragraphs.includes(title.replace(/^План\s+/, '')), 'the title under «ПЛАН»');
  for (const i of templateItems) assert.ok(paragraphs.includes(i.number), `item ${i.number}`);
  for (const s of kalga2018.sections) assert.ok(paragraphs.includes(`${s.number}. ${s.title}`), `section ${s.number}`);
  assert.ok(paragraphs.includes('12\u00a0500,50'), 'money as «12 500,00»');
  assert.ok(paragraphs.some((p) => p.startsWith('Глава Калганского муниципального округа') && p.includes('______________ / ____________')), 'the signature block');

  const xlsx = await b.get(`/outreach/plans/${planId}/versions/1/plan.xlsx`);
  assert.equal(xlsx.statusCode, 200);
  const ws = (await workbookOf(xlsx.rawPayload)).worksheets[0]!;
  assert.equal(cellText(ws, 1, 1), 'УТВЕРЖДЁН постановлением администрации Калганского муниципального округа от 24.05.2026 № 228');
  assert.equal((await b.get(`/outreach/plans/${planId}/versions/9/plan.xlsx`)).statusCode, 404);
});

test('replacing the items of an approved plan from a file: updated in place, added, removed; the version stays', async () => {
  const b = await signedIn('coordinator');
  const before = await listItems(ctx.db, planId);
  const form = await b.get(`/outreach/plans/${planId}/import`);
  assert.equal(form.statusCode, 200);
  assert.match(form.body, new RegExp(`action="/outreach/plans/${planId}/import"`));
  assert.match(form.body, /name="confirm"/);

  const wb = await workbookOf((await b.get(`/outreach/plans/${planId}/plan.xlsx`)).rawPayload);
  const ws = wb.worksheets[0]!;
  const rowOf = (number: string) => {
    let found = 0;
    ws.eachRow((row, n) => {
      if (row.getCell(1).value === number) found = n;
    });
    return found;
  };
  ws.getCell(rowOf('1.2'), 4).value = 'II квартал 2026 года';
  ws.spliceRows(rowOf('3.3'), 1); // item 3.3 is gone
  ws.addRow(['3.4', 'Урок «Госуслуги — это просто» в школах', 'Отдел образования', 'ежеквартально', 'Проведено 4 урока', 'P3.1', '']);
  const file = Buffer.from(await wb.xlsx.writeBuffer());

  await b.get(`/outreach/plans/${planId}/import`);
  const unconfirmed = await b.postMultipart(`/outreach/plans/${planId}/import`, {}, upload(file));
  assert.equal(unconfirmed.statusCode, 400);
  assert.match(unconfirmed.body, /Отметьте, что пункты текущей редакции нужно заменить/);
  assert.deepEqual(itemSummary(await listItems(ctx.db, planId)), itemSummary(before), 'nothing changed');

  await b.get(`/outreach/plans/${planId}/import`);
  const res = await b.postMultipart(`/outreach/plans/${planId}/import`, { confirm: '1' }, upload(file));
  assert.equal(res.statusCode, 303, res.body.slice(0, 3000));
  assert.equal(res.headers.location, `/outreach/plans/${planId}?imported=${before.length}`);
  const after = await listItems(ctx.db, planId);
  assert.equal(after.length, before.length);
  const byNumber = new Map(after.map((i) => [i.itemNumber, i]));
  assert.equal(byNumber.get('1.2')!.deadlineText, 'II квартал 2026 года');
  assert.equal(byNumber.get('1.2')!.id, before.find((i) => i.itemNumber === '1.2')!.id, 'updated in place');
  assert.equal(byNumber.has('3.3'), false);
  assert.equal(byNumber.get('3.4')!.content, 'Урок «Госуслуги — это просто» в школах');
  assert.equal(byNumber.get('3.4')!.sectionNumber, '3');
  const plan = (await ctx.db.query<{ status: string; current_version: number }>('select status, current_version from outreach_plans where id = $1', [planId])).rows[0]!;
  assert.equal(plan.status, 'draft', 'a changed approved plan is a draft again');
  assert.equal(Number(plan.current_version), 1);
  const snapshot = (await ctx.db.query<{ snapshot: { items: Array<{ itemNumber: string; deadlineText: string }> } }>('select snapshot from outreach_plan_versions where plan_id = $1 and version = 1', [planId])).rows[0]!.snapshot;
  const snap = typeof snapshot === 'string' ? (JSON.parse(snapshot) as typeof snapshot) : snapshot;
  assert.equal(snap.items.find((i) => i.itemNumber === '1.2')!.deadlineText, '2 квартал 2018 года', 'the approved version keeps its text');
  assert.ok(snap.items.some((i) => i.itemNumber === '3.3'));
  const audit = (await importAudits()).at(-1)!;
  assert.equal(audit.subject_id, planId);
  assert.equal(audit.details.mode, 'replace');
  assert.deepEqual(audit.details.added, ['3.4']);
  assert.deepEqual(audit.details.removed, ['3.3']);
  assert.equal(audit.details.updated, 1);
});

test('authorization: as the plan pages', async () => {
  const operator = await signedIn('operator');
  assert.equal((await operator.get(`/outreach/plans/${planId}/plan.xlsx`)).statusCode, 403, 'no working copy for an operator');
  assert.equal((await operator.get(`/outreach/plans/${planId}/plan.docx`)).statusCode, 403);
  assert.equal((await operator.get(`/outreach/plans/${planId}/versions/1/plan.docx`)).statusCode, 200, 'the approved version of their municipality');
  assert.equal((await operator.get('/outreach/plans/import')).statusCode, 403);
  assert.equal((await operator.get(`/outreach/plans/${planId}/import`)).statusCode, 403);

  const created = await createStaff(ctx.db, { login: 'chita-files', password: DEMO_PASSWORD, fullName: 'Орлов Пётр Ильич', role: 'municipal_coordinator', municipalityKey: 'chita' });
  assert.ok(created.ok);
  const chita = await signedIn('chita-files');
  assert.equal((await chita.get(`/outreach/plans/${planId}/plan.xlsx`)).statusCode, 403);
  assert.equal((await chita.get(`/outreach/plans/${planId}/versions/1/plan.xlsx`)).statusCode, 403);
  assert.equal((await chita.get(`/outreach/plans/${planId}/import`)).statusCode, 403);
  const own = await chita.get('/outreach/plans/import');
  assert.equal(own.statusCode, 200, 'Chita imports into its own municipality');
  const before = itemSummary(await listItems(ctx.db, planId));
  const res = await chita.postMultipart(`/outreach/plans/${planId}/import`, { confirm: '1' }, upload(exported));
  assert.equal(res.statusCode, 403);
  assert.deepEqual(itemSummary(await listItems(ctx.db, planId)), before);

  const anonymous = new Browser(app);
  const redirected = await anonymous.get(`/outreach/plans/${planId}/plan.xlsx`);
  assert.equal(redirected.statusCode, 303);
  assert.match(String(redirected.headers.location), /^\/staff\/login\?next=/);
  assert.equal((await (await signedIn('coordinator')).get('/outreach/plans/00000000-0000-0000-0000-000000000000/plan.xlsx')).statusCode, 404);
});
