import { test } from 'node:test';
import assert from 'node:assert/strict';
import { docx, EXE, GIF, JPEG, odf, pdf, png, storedZip, WEBP, xlsx } from '../../../test/support/files.js';
import type { UploadedFile } from '../http/uploads.js';
import { allowedText, formatBytes } from './files.messages.js';
import { sniffMediaType, zipEntryNames } from './sniff.js';
import { EVIDENCE_FILES, SCAN_FILES, validateUploads } from './validate-uploads.js';

const type = (data: Uint8Array, name: string) => sniffMediaType(data, name)?.mediaType ?? null;

test('images and PDF are known by their magic bytes, whatever the name says', () => {
  assert.equal(type(JPEG, 'фото.jpg'), 'image/jpeg');
  assert.equal(type(png(), 'x.png'), 'image/png');
  assert.equal(type(GIF, 'x.gif'), 'image/gif');
  assert.equal(type(WEBP, 'x.webp'), 'image/webp');
  assert.equal(type(pdf(), 'акт.pdf'), 'application/pdf');
  // the name does not decide
  assert.equal(type(JPEG, 'report.pdf'), 'image/jpeg');
  assert.equal(type(pdf(), 'scan.jpg'), 'application/pdf');
  assert.equal(type(png(), 'noextension'), 'image/png');
});

test('office files: zip magic, the extension and the archive’s contents must agree', async () => {
  const word = docx();
  const excel = await xlsx();
  assert.equal(type(word, 'отчёт.docx'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  assert.equal(type(excel, 'охват.XLSX'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  assert.equal(type(odf('text'), 'отчёт.odt'), 'application/vnd.oasis.opendocument.text');
  assert.equal(type(odf('spreadsheet'), 'охват.ods'), 'application/vnd.oasis.opendocument.spreadsheet');
  const pptx = storedZip([
    { name: '[Content_Types].xml', data: '<Types/>' },
    { name: 'ppt/presentation.xml', data: '<p:presentation/>' },
  ]);
  assert.equal(type(pptx, 'slides.pptx'), 'application/vnd.openxmlformats-officedocument.presentationml.presentation');
  assert.ok(zipEntryNames(word)!.includes('word/document.xml'));

  // an archive whose name lies about what it holds
  assert.equal(type(word, 'охват.xlsx'), null);
  assert.equal(type(excel, 'отчёт.docx'), null);
  assert.equal(type(odf('text'), 'охват.ods'), null);
  // a zip of anything else, even named .docx
  const other = storedZip([{ name: 'payload.exe', data: EXE }]);
  assert.equal(type(other, 'evil.docx'), null);
  assert.equal(type(other, 'archive.zip'), null);
  // a real docx under a name that is not an office extension
  assert.equal(type(word, 'отчёт.zip'), null);
  assert.equal(type(word, 'отчёт.docm'), null, 'macro-enabled documents are not accepted');
  // cut short: the central directory is gone
  assert.equal(type(word.subarray(0, 200), 'отчёт.docx'), null);
});

test('everything else is refused: executables, text, HTML, SVG, empty', () => {
  assert.equal(type(EXE, 'setup.exe'), null);
  assert.equal(type(EXE, 'photo.jpg'), null);
  assert.equal(type(Buffer.from('Просто текст\n'), 'notes.txt'), null);
  assert.equal(type(Buffer.from('<!doctype html><script>alert(1)</script>'), 'page.html'), null);
  assert.equal(type(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'pic.svg'), null);
  assert.equal(type(Buffer.alloc(0), 'empty.jpg'), null);
  assert.equal(type(Buffer.from([0xff, 0xd8]), 'short.jpg'), null, 'two bytes are not a JPEG');
  assert.equal(type(Buffer.from('RIFF\x00\x00\x00\x00WAVEfmt ', 'latin1'), 'sound.webp'), null, 'RIFF that is not WebP');
});

test('sizes and the allowed list read as Russian', () => {
  assert.equal(formatBytes('ru', 1_258_291), '1,2 МБ');
  assert.equal(formatBytes('ru', 10 * 1024 * 1024), '10 МБ');
  assert.equal(formatBytes('ru', 350 * 1024), '350 КБ');
  assert.equal(formatBytes('ru', 120), '120 Б');
  assert.equal(formatBytes('en', 1_258_291), '1.2 MB');
  assert.equal(allowedText('ru', EVIDENCE_FILES), 'фотографию (JPEG, PNG, GIF, WebP), PDF или документ Word/Excel');
  assert.equal(allowedText('ru', SCAN_FILES), 'фотографию (JPEG, PNG, GIF, WebP) или PDF');
  assert.equal(allowedText('ru', ['pdf']), 'PDF');
});

const upload = (fileName: string, data: Buffer, extra: Partial<UploadedFile> = {}): UploadedFile => ({
  field: 'files',
  fileName,
  claimedType: 'application/octet-stream',
  data,
  tooLarge: false,
  ...extra,
});

test('validateUploads: size, type, count and the Russian messages', () => {
  const rules = { maxBytes: 10 * 1024 * 1024, maxFiles: 3, allowed: EVIDENCE_FILES };
  const ok = validateUploads([upload('a.jpg', JPEG), upload('b.pdf', pdf())], rules);
  assert.ok(ok.ok);
  assert.deepEqual(
    ok.files.map((f) => [f.fileName, f.type.mediaType]),
    [
      ['a.jpg', 'image/jpeg'],
      ['b.pdf', 'application/pdf'],
    ],
  );

  const bad = validateUploads([upload('x.jpg', JPEG.subarray(0, 100), { tooLarge: true }), upload('x.exe', EXE), upload('пусто.pdf', Buffer.alloc(0))], rules);
  assert.ok(!bad.ok);
  assert.deepEqual(
    bad.errors.map((e) => e.message),
    ['Файл «x.jpg» больше 10 МБ', 'Файл «x.exe»: можно приложить фотографию (JPEG, PNG, GIF, WebP), PDF или документ Word/Excel', 'Файл «пусто.pdf» пустой'],
  );
  assert.ok(bad.errors.every((e) => e.field === 'files'));

  const tooMany = validateUploads([upload('1.jpg', JPEG), upload('2.jpg', JPEG), upload('3.jpg', JPEG), upload('4.jpg', JPEG)], rules);
  assert.ok(!tooMany.ok);
  assert.deepEqual(tooMany.errors.map((e) => e.message), ['Можно приложить не больше 3 файлов за один раз']);
  const one = validateUploads([upload('1.jpg', JPEG), upload('2.jpg', JPEG)], { ...rules, maxFiles: 1 });
  assert.ok(!one.ok && one.errors[0]!.message === 'Можно приложить не больше 1 файла за один раз');

  // a scan may not be a Word document; a size over the limit counts even without the flag
  const scan = validateUploads([upload('decree.docx', Buffer.alloc(0))], { maxBytes: 1024, maxFiles: 1, allowed: SCAN_FILES, field: 'scan' });
  assert.ok(scan.ok && scan.files.length === 0, 'files of another field are not this one’s');
  const scan2 = validateUploads([upload('big.pdf', Buffer.concat([pdf(), Buffer.alloc(2048)]), { field: 'scan' })], { maxBytes: 1024, maxFiles: 1, allowed: SCAN_FILES, field: 'scan' });
  assert.ok(!scan2.ok && scan2.errors[0]!.message === 'Файл «big.pdf» больше 1 КБ' && scan2.errors[0]!.field === 'scan');
  const required = validateUploads([], { ...rules, required: true });
  assert.ok(!required.ok && required.errors[0]!.message === 'Выберите файл');
  assert.ok(validateUploads([], rules).ok, 'no file is fine unless required');
});
