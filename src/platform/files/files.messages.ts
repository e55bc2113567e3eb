import { defineMessages, formatNumber, plural, type Lang } from '../i18n.js';
import type { FileCategory } from './sniff.js';

export const filesMessages = defineMessages({
  ru: {
    errTooLarge: 'Файл «{name}» больше {max}',
    errType: 'Файл «{name}»: можно приложить {allowed}',
    errEmpty: 'Файл «{name}» пустой',
    errTooMany: 'Можно приложить не больше {max} {files} за один раз',
    errRequired: 'Выберите файл',
    allowedImage: 'фотографию (JPEG, PNG, GIF, WebP)',
    allowedPdf: 'PDF',
    allowedOffice: 'документ Word/Excel',
    or: 'или',
    fileOne: 'файла',
    fileMany: 'файлов',
    hintAllowed: 'Можно приложить {allowed}.',
    hintLimit: 'Каждый файл — до {max}.',
    hintMany: 'Можно выбрать несколько файлов, не больше {max} за раз.',
    bytes: '{n} Б',
    kilobytes: '{n} КБ',
    megabytes: '{n} МБ',
    download: 'Скачать',
    delete: 'Удалить',
    noAttachments: 'Файлов пока нет.',
    fileType: '{type}, {size}',
  },
  en: {
    errTooLarge: 'The file «{name}» is larger than {max}',
    errType: 'The file «{name}»: you may attach {allowed}',
    errEmpty: 'The file «{name}» is empty',
    errTooMany: 'At most {max} {files} at a time',
    errRequired: 'Choose a file',
    allowedImage: 'a photo (JPEG, PNG, GIF, WebP)',
    allowedPdf: 'a PDF',
    allowedOffice: 'a Word/Excel document',
    or: 'or',
    fileOne: 'file',
    fileMany: 'files',
    hintAllowed: 'You may attach {allowed}.',
    hintLimit: 'Each file up to {max}.',
    hintMany: 'You may choose several files, at most {max} at a time.',
    bytes: '{n} B',
    kilobytes: '{n} KB',
    megabytes: '{n} MB',
    download: 'Download',
    delete: 'Delete',
    noAttachments: 'No files yet.',
    fileType: '{type}, {size}',
  },
});

export type FilesMessageKey = Parameters<typeof filesMessages>[1];

/** «1,2 МБ», «350 КБ», «120 Б» (binary units, as the limit is configured). */
export function formatBytes(lang: Lang, bytes: number): string {
  if (bytes < 1024) return filesMessages(lang, 'bytes', { n: formatNumber(lang, bytes) });
  if (bytes < 1024 * 1024) return filesMessages(lang, 'kilobytes', { n: formatNumber(lang, Math.round(bytes / 1024)) });
  const mb = new Intl.NumberFormat(lang === 'ru' ? 'ru-RU' : 'en-GB', { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024));
  return filesMessages(lang, 'megabytes', { n: mb });
}

/** «фотографию (JPEG, PNG, GIF, WebP), PDF или документ Word/Excel» for the allowed categories. */
export function allowedText(lang: Lang, allowed: readonly FileCategory[]): string {
  const order: FileCategory[] = ['image', 'pdf', 'office'];
  const key = { image: 'allowedImage', pdf: 'allowedPdf', office: 'allowedOffice' } as const;
  const parts = order.filter((c) => allowed.includes(c)).map((c) => filesMessages(lang, key[c]));
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} ${filesMessages(lang, 'or')} ${parts[parts.length - 1]}`;
}

/** «файла» / «файлов» after «не больше N». */
export function filesWord(lang: Lang, n: number): string {
  if (lang === 'en') return n === 1 ? filesMessages(lang, 'fileOne') : filesMessages(lang, 'fileMany');
  // genitive after «не больше»: 1 файла, 2 файлов, 5 файлов, 21 файла
  return plural(lang, n, { one: filesMessages(lang, 'fileOne'), other: filesMessages(lang, 'fileMany') });
}
