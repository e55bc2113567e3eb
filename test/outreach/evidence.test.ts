import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { DEMO_PASSWORD } from '../../src/db/seed/demo.js';
import type { AppContext } from '../../src/platform/context.js';
import { storeAttachment } from '../../src/platform/files/index.js';
import { createStaff } from '../../src/modules/staff/create-staff.js';
import { Browser, createTestApp, type TestApp, signedInBrowser } from '../support/app.js';
import { docx, EXE, JPEG, pdf, png } from '../support/files.js';

let app: FastifyInstance;
let ctx: AppContext;
let t: TestApp;

before(async () => {
  t = await createTestApp({ seed: true });
  app = t.app;
  ctx = t.ctx;
});
after(async () => t.close());

const signedIn = (login: string) => signedInBrowser(app, login);

function chitaDate(daysAgo = 0): string {
  const d = new Date(Date.now() - daysAgo * 86_400_000);
  return new Intl.DateTimeFormat('ru-RU', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Asia/Chita' }).format(d);
}

const eventForm = (title: string) => ({
  heldOn: chitaDate(1),
  title,
  format: 'e_lesson',
  formatOther: '',
  place: 'с. Калга, библиотека',
  organisationId: '',
  audience: '',
  peopleReached: '12',
  links: '',
  planItemId: '',
  activityTypeId: '',
  notes: '',
});

const eventIdFrom = (location: string | undefined) => /\/outreach\/events\/([0-9a-f-]{36})/.exec(location ?? '')![1]!;
const count = async (sql: string, params: unknown[]) => Number((await ctx.db.query<{ n: number }>(sql, params)).rows[0]!.n);
const evidenceCount = (eventId: string) => count("select count(*)::int as n from attachments where owner_type = 'outreach_event' and owner_id = $1 and purpose = 'evidence'", [eventId]);

let eventId = '';
let otherEventId = '';
const ids: Record<string, string> = {};
const PNG = png(6, 4);
const PDF = pdf('Spisok uchastnikov');
const DOCX = docx();

test('a coordinator attaches photos and documents to an event with one caption', async () => {
  const b = await signedIn('coordinator');
  await b.get('/outreach/events/new');
  const created = await b.post('/outreach/events', eventForm('Электронный урок в библиотеке'));
  assert.equal(created.statusCode, 303, created.body);
  eventId = eventIdFrom(created.headers.location as string);
  otherEventId = eventIdFrom((await b.post('/outreach/events', eventForm('Другое мероприятие'))).headers.location as string);

  const page = await b.get(`/outreach/events/${eventId}`);
  assert.equal(page.statusCode, 200);
  assert.ok(page.body.includes('Фото и документы'));
  assert.ok(page.body.includes('Фотографий и документов пока нет.'));
  assert.match(page.body, new RegExp(`<form method="post" action="/outreach/events/${eventId}/files" enctype="multipart/form-data"`));
  assert.match(page.body, /<label class="u-label" for="field-files">Файлы<\/label>/);
  assert.match(page.body, /<input class="u-file-input" type="file" id="field-files" name="files" multiple accept="[^"]*\.jpg[^"]*application\/pdf[^"]*" aria-describedby="field-files-hint"/);
  assert.ok(page.body.includes('Каждый файл — до 10 МБ.'), 'the hint names the limit');

  const caption = 'Занятие в библиотеке, группа «Активное долголетие»';
  const res = await b.postMultipart(`/outreach/events/${eventId}/files`, { caption }, [
    { field: 'files', name: 'Фото с занятия.jpg', type: 'image/jpeg', data: JPEG },
    { field: 'files', name: 'доска.png', type: 'image/png', data: PNG },
    { field: 'files', name: 'Список участников.pdf', type: 'application/pdf', data: PDF },
    { field: 'files', name: 'Отчёт.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', data: DOCX },
  ]);
  assert.equal(res.statusCode, 303, res.body);
  assert.equal(res.headers.location, `/outreach/events/${eventId}?filesAdded=4#evidence`);

  const rows = (
    await ctx.db.query<{ id: string; file_name: string; media_type: string; size_bytes: number; sha256: string; caption: string; created_by: string }>(
      "select id, file_name, media_type, size_bytes, sha256, caption, created_by from attachments where owner_type = 'outreach_event' and owner_id = $1 order by media_type",
      [eventId],
    )
  ).rows;
  assert.deepEqual(
    rows.map((r) => [r.file_name, r.media_type, Number(r.size_bytes)]),
    [
      ['Список участников.pdf', 'application/pdf', PDF.length],
      ['Отчёт.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', DOCX.length],
      ['Фото с занятия.jpg', 'image/jpeg', JPEG.length],
      ['доска.png', 'image/png', PNG.length],
    ],
  );
  assert.ok(rows.every((r) => r.caption === caption));
  assert.equal(rows.find((r) => r.media_type === 'image/jpeg')!.sha256, createHash('sha256').update(JPEG).digest('hex'));
  const byType: Record<string, string> = { 'image/jpeg': 'jpeg', 'image/png': 'png', 'application/pdf': 'pdf' };
  for (const r of rows) ids[byType[r.media_type] ?? 'docx'] = r.id;

  const audit = (await ctx.db.query<{ details: unknown }>("select details from audit_log where action = 'attachment.store' and subject_id = any($1::text[])", [rows.map((r) => r.id)])).rows;
  assert.equal(audit.length, 4, 'each stored file is audited');
  for (const a of audit) {
    const text = typeof a.details === 'string' ? a.details : JSON.stringify(a.details);
    assert.ok(text.includes(eventId) && text.includes('evidence'));
    assert.ok(!/Фото|Список|Отчёт|доска|Занятие/.test(text), 'no file name or caption in the audit');
  }

  const shown = await b.get(res.headers.location as string);
  assert.ok(shown.body.includes('Файлы добавлены: 4.'));
  assert.ok(shown.body.includes(`<img class="u-attachments__image" src="/files/${ids.jpeg}" alt="${caption}" width="240" height="180"`), 'a thumbnail with the caption as its text');
  assert.ok(shown.body.includes(`src="/files/${ids.png}"`));
  assert.ok(!shown.body.includes(`src="/files/${ids.pdf}"`), 'a PDF is a link, not an image');
  assert.match(shown.body, new RegExp(`<a href="/files/${ids.pdf}">Список участников\\.pdf</a> <span class="u-attachments__meta">\\(PDF, \\d+ Б\\)</span>`));
  assert.ok(shown.body.includes('(Word, '), 'the docx is named by its kind');
  assert.ok(shown.body.includes(`href="/outreach/events/${eventId}/files/${ids.pdf}/delete"`), 'a delete link for the editor');

  const list = await b.get('/outreach/events');
  assert.match(list.body, new RegExp(`data-evidence-count="${eventId}">4<`), 'the list counts the evidence');
  assert.match(list.body, new RegExp(`data-evidence-count="${otherEventId}">0<`));
});

test('downloads: the sniffed type, nosniff, a sandbox, inline or attachment, the name in UTF-8', async () => {
  const b = await signedIn('coordinator');
  const img = await b.get(`/files/${ids.jpeg}`);
  assert.equal(img.statusCode, 200);
  assert.equal(img.headers['content-type'], 'image/jpeg');
  assert.ok(img.rawPayload.equals(JPEG), 'the bytes as uploaded');
  assert.equal(img.headers['x-content-type-options'], 'nosniff');
  assert.equal(img.headers['content-security-policy'], "sandbox; default-src 'none'");
  assert.match(String(img.headers['cache-control']), /^private\b/);
  assert.equal(
    img.headers['content-disposition'],
    `inline; filename="____ _ _______.jpg"; filename*=UTF-8''${encodeURIComponent('Фото с занятия.jpg')}`,
  );
  const asFile = await b.get(`/files/${ids.jpeg}?download=1`);
  assert.match(String(asFile.headers['content-disposition']), /^attachment; /);

  const doc = await b.get(`/files/${ids.pdf}`);
  assert.equal(doc.headers['content-type'], 'application/pdf');
  assert.match(String(doc.headers['content-disposition']), /^inline; /);
  const word = await b.get(`/files/${ids.docx}`);
  assert.equal(word.headers['content-type'], 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  assert.match(String(word.headers['content-disposition']), /^attachment; .*filename\*=UTF-8''%D0%9E%D1%82%D1%87%D1%91%D1%82\.docx$/, 'office files are always downloaded');

  const again = await b.get(`/files/${ids.jpeg}`, { 'if-none-match': String(img.headers.etag) });
  assert.equal(again.statusCode, 304, 'revalidated by the content hash');

  assert.equal((await b.get('/files/00000000-0000-0000-0000-000000000000')).statusCode, 404);
  assert.equal((await b.get('/files/not-a-file')).statusCode, 404);
  const anonymous = await app.inject({ method: 'GET', url: `/files/${ids.jpeg}` });
  assert.equal(anonymous.statusCode, 303, 'staff only: the sign-in page');
  assert.match(String(anonymous.headers.location), /^\/staff\/login\?next=/);
});

test('bad uploads: a Russian message next to the field, the caption kept, nothing stored, 400', async () => {
  const b = await signedIn('coordinator');
  await b.get(`/outreach/events/${eventId}`);
  const before = await evidenceCount(eventId);

  const exe = await b.postMultipart(`/outreach/events/${eventId}/files`, { caption: 'Подпись, которую жалко потерять' }, [
    { field: 'files', name: 'Фото.jpg', type: 'image/jpeg', data: JPEG },
    { field: 'files', name: 'x.exe', type: 'image/jpeg', data: EXE },
  ]);
  assert.equal(exe.statusCode, 400);
  const typeMsg = 'Файл «x.exe»: можно приложить фотографию (JPEG, PNG, GIF, WebP), PDF или документ Word/Excel';
  assert.ok(exe.body.includes(typeMsg));
  assert.match(exe.body, /<a href="#field-files">Файл «x\.exe»/, 'the error summary links to the field');
  assert.match(exe.body, /<p class="u-error-message" id="field-files-error">/);
  assert.match(exe.body, /aria-describedby="field-files-hint field-files-error" aria-invalid="true"/);
  assert.match(exe.body, /value="Подпись, которую жалко потерять"/, 'the caption as typed');
  assert.equal(await evidenceCount(eventId), before, 'the good file of a refused batch is not stored either');

  const text = await b.postMultipart(`/outreach/events/${eventId}/files`, { caption: '' }, [{ field: 'files', name: 'заметки.pdf', type: 'application/pdf', data: Buffer.from('просто текст, не PDF') }]);
  assert.equal(text.statusCode, 400, 'plain text under a PDF name');

  // larger than FILE_MAX_MB (10): the reader cuts it and flags it
  const big = Buffer.concat([JPEG.subarray(0, 20), Buffer.alloc(10 * 1024 * 1024 + 10)]);
  const tooLarge = await b.postMultipart(`/outreach/events/${eventId}/files`, { caption: '' }, [{ field: 'files', name: 'x.jpg', type: 'image/jpeg', data: big }]);
  assert.equal(tooLarge.statusCode, 400);
  assert.ok(tooLarge.body.includes('Файл «x.jpg» больше 10 МБ'));

  const none = await b.postMultipart(`/outreach/events/${eventId}/files`, { caption: 'без файла' }, []);
  assert.equal(none.statusCode, 400);
  assert.ok(none.body.includes('Выберите файл'));

  const eleven = Array.from({ length: 11 }, (_, i) => ({ field: 'files', name: `${i}.png`, type: 'image/png', data: PNG }));
  const tooMany = await b.postMultipart(`/outreach/events/${eventId}/files`, { caption: '' }, eleven);
  assert.equal(tooMany.statusCode, 400);
  assert.ok(tooMany.body.includes('Можно приложить не больше 10 файлов за один раз'));

  const longCaption = await b.postMultipart(`/outreach/events/${eventId}/files`, { caption: 'я'.repeat(501) }, [{ field: 'files', name: 'a.png', type: 'image/png', data: PNG }]);
  assert.equal(longCaption.statusCode, 400);
  assert.ok(longCaption.body.includes('Текст слишком длинный: не больше 500 знаков.'));
  assert.equal(await evidenceCount(eventId), before);

  // a file over the 1 MB form-body limit but under the file limit goes through
  const scan = Buffer.concat([pdf(), Buffer.alloc(2 * 1024 * 1024)]);
  const ok = await b.postMultipart(`/outreach/events/${eventId}/files`, { caption: '' }, [{ field: 'files', name: 'скан.pdf', type: 'application/pdf', data: scan }]);
  assert.equal(ok.statusCode, 303, ok.body.slice(0, 300));
  assert.equal(await evidenceCount(eventId), before + 1);

  const noToken = await b.postMultipart(`/outreach/events/${eventId}/files`, { _csrf: 'wrong' }, [{ field: 'files', name: 'a.png', type: 'image/png', data: PNG }]);
  assert.equal(noToken.statusCode, 403, 'CSRF is checked on multipart forms too');
});

test('authorization: another municipality’s coordinator can neither add nor download; reception reads only', async () => {
  const created = await createStaff(ctx.db, { login: 'chita-files', password: DEMO_PASSWORD, fullName: 'Орлова Нина Павловна', role: 'municipal_coordinator', municipalityKey: 'chita' });
  assert.ok(created.ok);
  const chita = await signedIn('chita-files');
  assert.equal((await chita.get(`/files/${ids.jpeg}`)).statusCode, 403);
  assert.equal((await chita.get(`/files/${ids.pdf}?download=1`)).statusCode, 403);
  await chita.get('/outreach/events');
  const before = await evidenceCount(eventId);
  const add = await chita.postMultipart(`/outreach/events/${eventId}/files`, { caption: '' }, [{ field: 'files', name: 'a.png', type: 'image/png', data: PNG }]);
  assert.equal(add.statusCode, 403);
  assert.equal((await chita.get(`/outreach/events/${eventId}/files/${ids.png}/delete`)).statusCode, 403);
  assert.equal((await chita.post(`/outreach/events/${eventId}/files/${ids.png}/delete`, {})).statusCode, 403);
  assert.equal(await evidenceCount(eventId), before);

  const reception = await signedIn('reception');
  const page = await reception.get(`/outreach/events/${eventId}`);
  assert.equal(page.statusCode, 200);
  assert.ok(page.body.includes(`src="/files/${ids.jpeg}"`), 'front-line staff of the municipality see the photos');
  assert.ok(!page.body.includes('name="files"'), 'but get no upload form');
  assert.ok(!page.body.includes('/delete"'), 'and no delete links');
  assert.equal((await reception.get(`/files/${ids.jpeg}`)).statusCode, 200);
  const add2 = await reception.postMultipart(`/outreach/events/${eventId}/files`, { caption: '' }, [{ field: 'files', name: 'a.png', type: 'image/png', data: PNG }]);
  assert.equal(add2.statusCode, 403);

  const region = await signedIn('region');
  assert.equal((await region.get(`/files/${ids.pdf}`)).statusCode, 200, 'the region reads every event’s files');

  // a file whose owner type no module declared is readable by nobody
  const staffId = (await ctx.db.query<{ id: string }>("select id from staff_users where login = 'region'")).rows[0]!.id;
  const regionId = (await ctx.db.query<{ region_id: string }>('select region_id from outreach_events where id = $1', [eventId])).rows[0]!.region_id;
  const orphan = await ctx.db.transaction((tx) =>
    storeAttachment(tx, { regionId, ownerType: 'nobody_declared', ownerId: eventId, purpose: 'x', fileName: 'a.png', data: PNG, createdBy: staffId }),
  );
  assert.equal((await region.get(`/files/${orphan.id}`)).statusCode, 403);
});

test('deleting a file: a confirmation page, then an audited deletion', async () => {
  const b = await signedIn('coordinator');
  const confirm = await b.get(`/outreach/events/${eventId}/files/${ids.pdf}/delete`);
  assert.equal(confirm.statusCode, 200);
  assert.ok(confirm.body.includes('Удалить файл?'));
  assert.ok(confirm.body.includes('Список участников.pdf'));
  assert.match(confirm.body, new RegExp(`<form method="post" action="/outreach/events/${eventId}/files/${ids.pdf}/delete">`));
  assert.match(confirm.body, /<button class="u-button u-button--danger" type="submit">Удалить файл<\/button>/);

  // through another event's address: not found, nothing deleted
  assert.equal((await b.get(`/outreach/events/${otherEventId}/files/${ids.pdf}/delete`)).statusCode, 404);
  await b.get(`/outreach/events/${eventId}/files/${ids.pdf}/delete`);
  assert.equal((await b.post(`/outreach/events/${otherEventId}/files/${ids.pdf}/delete`, {})).statusCode, 404);
  assert.equal((await b.get(`/files/${ids.pdf}`)).statusCode, 200);

  await b.get(`/outreach/events/${eventId}/files/${ids.pdf}/delete`);
  const del = await b.post(`/outreach/events/${eventId}/files/${ids.pdf}/delete`, {});
  assert.equal(del.statusCode, 303);
  assert.equal(del.headers.location, `/outreach/events/${eventId}?fileDeleted=1#evidence`);
  assert.equal(await count('select count(*)::int as n from attachments where id = $1', [ids.pdf]), 0);
  const audit = (await ctx.db.query<{ actor_id: string; details: unknown }>("select actor_id, details from audit_log where action = 'attachment.delete' and subject_id = $1", [ids.pdf])).rows;
  assert.equal(audit.length, 1, 'the deletion is audited');
  assert.ok(!JSON.stringify(audit[0]!.details).includes('Список'), 'without the file name');
  assert.equal((await b.get(`/files/${ids.pdf}`)).statusCode, 404, 'gone');
  const page = await b.get(del.headers.location as string);
  assert.ok(page.body.includes('Файл удалён.'));
  assert.ok(!page.body.includes('Список участников.pdf'));
  assert.equal((await b.post(`/outreach/events/${eventId}/files/${ids.pdf}/delete`, {})).statusCode, 404, 'twice: not found');
});
