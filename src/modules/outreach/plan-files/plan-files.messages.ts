import { defineMessages, type Lang } from '../../../platform/i18n.js';
import { outreachMessages, type OutreachMessageKey } from '../outreach.messages.js';

export const planFilesMessages = defineMessages({
  ru: {
    staffHome: 'Кабинет сотрудника',
    plansTitle: 'Планы мероприятий',
    section: 'Информирование граждан',
    importTitle: 'Загрузка плана из файла Excel',
    importLead:
      'Загрузите таблицу плана в формате XLSX: например, файл, выгруженный из этого плана, или таблицу постановления. Столбцы находятся по заголовкам: «№ п/п», «Наименование мероприятия» (или «Содержание мероприятия»), «Ответственные исполнители», «Срок исполнения» (или «Срок реализации»), а также, если есть, «Ожидаемый результат», «Показатель», «Объём финансирования, руб.». Разделы — строки вида «1. Название раздела».',
    importNewLead: 'Будет создан новый план-черновик. Проверьте его пункты, затем утвердите постановлением.',
    replaceTitle: 'Замена пунктов плана из файла Excel',
    replaceLead:
      'Пункты текущей редакции плана «{title}» будут заменены пунктами из файла. Пункты с тем же номером обновятся (отметки о выполнении и связи с мероприятиями сохранятся), пункты, которых нет в файле, будут удалены. Утверждённые редакции не меняются.',
    year: 'Год плана',
    yearHint: 'План составляется на календарный год, например 2026.',
    file: 'Файл плана (XLSX)',
    fileHint: 'Таблица Excel в формате XLSX, не больше {max}. После ошибки файл нужно выбрать снова.',
    confirmReplace: 'Заменить пункты текущей редакции пунктами из файла',
    upload: 'Загрузить',
    cancel: 'Отмена',
    defaultTitle: 'План мероприятий по информированию граждан о преимуществах получения государственных и муниципальных услуг в электронной форме на {year} год',
    errFileRequired: 'Выберите файл XLSX с планом.',
    errTooLarge: 'Файл «{name}» больше {max}.',
    errOldXls: 'Файл «{name}» в старом формате XLS. Сохраните его в Excel как «Книга Excel (*.xlsx)» и загрузите снова.',
    errNotXlsx: 'Файл «{name}» не является книгой Excel в формате XLSX.',
    errUnpackedTooLarge: 'Файл «{name}» после распаковки больше {max}: загрузите только таблицу плана.',
    errConfirm: 'Отметьте, что пункты текущей редакции нужно заменить.',
    errNoHeader:
      'В файле не найдена строка заголовков таблицы. Нужны столбцы «№ п/п», «Наименование мероприятия», «Ответственные исполнители» и «Срок исполнения» (допускаются формулировки постановлений, например «Содержание мероприятия», «Срок реализации», «Ответственный исполнитель»).',
    errTooManyRows: 'В таблице больше {max} строк. Загрузите только план.',
    errNoItems: 'В таблице нет ни одного пункта плана.',
    errBudgetThousands: 'Суммы указаны в тысячах рублей. Укажите объём финансирования в рублях и назовите столбец «Объём финансирования, руб.».',
    errTitleTooLong: 'Название плана длиннее {max} знаков.',
    errNumber: 'Номер пункта «{number}» не похож на номер вида 1.2 или 1.2.3.',
    errNumberMissing: 'У пункта нет номера.',
    errNumberTaken: 'Номер {number} уже есть в строке {row}.',
    errNoSection: 'Пункт {number} стоит вне раздела: добавьте выше строку раздела «{section}. Название раздела».',
    errWrongSection: 'Пункт {number} стоит в разделе {section}: номер пункта должен начинаться с «{section}.».',
    errSectionTitle: 'У раздела {number} нет названия.',
    errSectionTaken: 'Раздел {number} уже есть в строке {row}.',
    errCellTooLong: 'Текст длиннее {max} знаков.',
    moreErrors: 'И ещё ошибок: {n}. Исправьте перечисленные и загрузите файл снова.',
    rowColumn: 'Строка {row}, «{column}»: {message}',
    rowOnly: 'Строка {row}: {message}',
    nothingSaved: 'Ничего не сохранено: исправьте ошибки и загрузите файл снова.',
  },
  en: {
    staffHome: 'Staff workplace',
    plansTitle: 'Outreach plans',
    section: 'Outreach',
    importTitle: 'Load a plan from an Excel file',
    importLead:
      'Upload the plan’s table as XLSX: for example a file exported from this plan, or the table of a decree. Columns are found by their headings: «№ п/п», «Наименование мероприятия» (or «Содержание мероприятия»), «Ответственные исполнители», «Срок исполнения» (or «Срок реализации»), and where present «Ожидаемый результат», «Показатель», «Объём финансирования, руб.». Sections are rows like «1. Section title».',
    importNewLead: 'A new draft plan is created. Check its items, then approve it by decree.',
    replaceTitle: 'Replace the plan’s items from an Excel file',
    replaceLead:
      'The items of the working copy of «{title}» are replaced by the file’s. Items with the same number are updated (completion marks and links to events stay), items missing from the file are deleted. Approved versions do not change.',
    year: 'Year of the plan',
    yearHint: 'A plan covers a calendar year, for example 2026.',
    file: 'Plan file (XLSX)',
    fileHint: 'An Excel workbook (XLSX), at most {max}. After an error choose the file again.',
    confirmReplace: 'Replace the items of the working copy with the file’s',
    upload: 'Upload',
    cancel: 'Cancel',
    defaultTitle: 'План мероприятий по информированию граждан о преимуществах получения государственных и муниципальных услуг в электронной форме на {year} год',
    errFileRequired: 'Choose the plan’s XLSX file.',
    errTooLarge: 'The file «{name}» is larger than {max}.',
    errOldXls: 'The file «{name}» is in the old XLS format. Save it in Excel as «Excel Workbook (*.xlsx)» and upload it again.',
    errNotXlsx: 'The file «{name}» is not an Excel workbook (XLSX).',
    errUnpackedTooLarge: 'The file «{name}» unpacks to more than {max}: upload only the plan’s table.',
    errConfirm: 'Tick that the items of the working copy are to be replaced.',
    errNoHeader:
      'No header row found. The table needs the columns «№ п/п», «Наименование мероприятия», «Ответственные исполнители» and «Срок исполнения» (decree wordings such as «Содержание мероприятия», «Срок реализации», «Ответственный исполнитель» are accepted).',
    errTooManyRows: 'The table has more than {max} rows. Upload only the plan.',
    errNoItems: 'The table has no plan items.',
    errBudgetThousands: 'Amounts are in thousands of roubles. Give the funding in roubles under «Объём финансирования, руб.».',
    errTitleTooLong: 'The plan’s title is longer than {max} characters.',
    errNumber: 'The item number «{number}» is not like 1.2 or 1.2.3.',
    errNumberMissing: 'The item has no number.',
    errNumberTaken: 'Number {number} is already used in row {row}.',
    errNoSection: 'Item {number} is outside any section: add a section row «{section}. Section title» above it.',
    errWrongSection: 'Item {number} is in section {section}: its number must start with «{section}.».',
    errSectionTitle: 'Section {number} has no title.',
    errSectionTaken: 'Section {number} is already in row {row}.',
    errCellTooLong: 'The text is longer than {max} characters.',
    moreErrors: 'And {n} more errors. Fix the ones listed and upload the file again.',
    rowColumn: 'Row {row}, «{column}»: {message}',
    rowOnly: 'Row {row}: {message}',
    nothingSaved: 'Nothing was saved: fix the errors and upload the file again.',
  },
});

export type PlanFilesMessageKey = Parameters<typeof planFilesMessages>[1];

/** One problem with an uploaded plan: where it is (row, column heading as in the file) and what. */
export type ImportIssue = { row?: number; column?: string } & (
  | { ns: 'files'; code: PlanFilesMessageKey; vars?: Record<string, string | number> }
  | { ns: 'outreach'; code: OutreachMessageKey; vars?: Record<string, string | number> }
);

/** «Строка 12, «Срок исполнения»: Не удалось распознать срок …» */
export function issueText(lang: Lang, issue: ImportIssue): string {
  const message = issue.ns === 'files' ? planFilesMessages(lang, issue.code, issue.vars) : outreachMessages(lang, issue.code, issue.vars);
  if (issue.row === undefined) return message;
  if (issue.column !== undefined) return planFilesMessages(lang, 'rowColumn', { row: issue.row, column: issue.column, message });
  return planFilesMessages(lang, 'rowOnly', { row: issue.row, message });
}
