/**
 * Checks the files a form sent before anything is stored: the limit per file,
 * how many, and what they really are (sniffed, see sniff.ts). Messages are the
 * ones shown next to the file field, in the person's language:
 * «Файл «x.jpg» больше 10 МБ», «Файл «x.exe»: можно приложить фотографию
 * (JPEG, PNG, GIF, WebP), PDF или документ Word/Excel».
 */
import type { UploadedFile } from '../http/uploads.js';
import type { Lang } from '../i18n.js';
import type { FieldError } from '../views/components.js';
import { allowedText, filesMessages as t, filesWord, formatBytes } from './files.messages.js';
import { sniffMediaType, type FileCategory, type SniffedType } from './sniff.js';

export interface UploadRules {
  /** the largest file, bytes (ctx.config.files.maxBytes) */
  maxBytes: number;
  /** how many files one submit may carry */
  maxFiles: number;
  allowed: readonly FileCategory[];
  /** the form field the files come in; files of other fields are ignored. Default 'files'. */
  field?: string;
  /** at least one file is needed */
  required?: boolean;
  lang?: Lang;
}

/** A file that passed: its sniffed type travels with it. */
export interface AcceptedUpload {
  fileName: string;
  data: Buffer;
  type: SniffedType;
}

export type UploadCheck = { ok: true; files: AcceptedUpload[] } | { ok: false; errors: FieldError[] };

/** Photos, PDF and office documents: what event evidence may be. */
export const EVIDENCE_FILES: readonly FileCategory[] = ['image', 'pdf', 'office'];
/** Photos and PDF: what a scan of a signed paper may be. */
export const SCAN_FILES: readonly FileCategory[] = ['image', 'pdf'];

export function validateUploads(uploads: readonly UploadedFile[], rules: UploadRules): UploadCheck {
  const lang = rules.lang ?? 'ru';
  const field = rules.field ?? 'files';
  const mine = uploads.filter((u) => u.field === field);
  const errors: FieldError[] = [];
  const error = (message: string) => errors.push({ field, message });
  if (mine.length === 0 && rules.required) error(t(lang, 'errRequired'));
  if (mine.length > rules.maxFiles) error(t(lang, 'errTooMany', { max: rules.maxFiles, files: filesWord(lang, rules.maxFiles) }));
  const files: AcceptedUpload[] = [];
  for (const u of mine) {
    if (u.tooLarge || u.data.length > rules.maxBytes) {
      error(t(lang, 'errTooLarge', { name: u.fileName, max: formatBytes(lang, rules.maxBytes) }));
      continue;
    }
    if (u.data.length === 0) {
      error(t(lang, 'errEmpty', { name: u.fileName }));
      continue;
    }
    const type = sniffMediaType(u.data, u.fileName);
    if (!type || !rules.allowed.includes(type.category)) {
      error(t(lang, 'errType', { name: u.fileName, allowed: allowedText(lang, rules.allowed) }));
      continue;
    }
    files.push({ fileName: u.fileName, data: u.data, type });
  }
  return errors.length ? { ok: false, errors } : { ok: true, files };
}
