import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import type { AppContext } from '../../src/platform/context.js';
import {
  contentDisposition,
  countAttachments,
  deleteAttachment,
  listAttachments,
  readAttachment,
  registerAttachmentOwner,
  storeAttachment,
} from '../../src/platform/files/index.js';
import { loadStaffActor } from '../../src/modules/staff/staff.repository.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { GIF, JPEG, odf, pdf } from '../support/files.js';

let ctx: AppContext;
let t: TestApp;
let regionId = '';
let staffId = '';

before(async () => {
  t = await createTestApp({ seed: true });
  ctx = t.ctx;
  regionId = (await ctx.db.query<{ id: string }>('select id from regions limit 1')).rows[0]!.id;
  staffId = (await ctx.db.query<{ id: string }>("select id from staff_users where login = 'region'")).rows[0]!.id;
});
after(async () => t.close());

test('stored bytes come back exactly; lists carry no content; counts per owner', async () => {
  const owner = randomUUID();
  // every byte value, so no engine may treat the content as text
  const binary = Buffer.concat([pdf(), Buffer.from(Array.from({ length: 256 }, (_, i) => i))]);
  const stored = await ctx.db.transaction(async (tx) => [
    await storeAttachment(tx, { regionId, ownerType: 'test_owner', ownerId: owner, purpose: 'evidence', fileName: 'C:\\Users\\Иван\\Desktop\\акт.pdf', data: binary, caption: '  Акт\nприёмки  ', createdBy: staffId }),
    await storeAttachment(tx, { regionId, ownerType: 'test_owner', ownerId: owner, purpose: 'other', fileName: 'смета.ods', data: odf('spreadsheet'), createdBy: staffId }),
  ]);
  const [scan, sheet] = stored as [(typeof stored)[0], (typeof stored)[0]];
  assert.equal(scan.fileName, 'акт.pdf', 'the path the browser sent is dropped');
  assert.equal(scan.caption, 'Акт приёмки', 'the caption on one line');
  assert.equal(scan.mediaType, 'application/pdf');
  assert.equal(scan.sizeBytes, binary.length);
  assert.equal(scan.sha256, createHash('sha256').update(binary).digest('hex'));
  assert.equal(sheet.mediaType, 'application/vnd.oasis.opendocument.spreadsheet');

  const read = await readAttachment(ctx.db, scan.id);
  assert.ok(read && Buffer.isBuffer(read.content));
  assert.ok(read.content.equals(binary), 'byte for byte');

  const listed = await listAttachments(ctx.db, 'test_owner', owner);
  assert.deepEqual(listed.map((a) => a.id).sort(), [scan.id, sheet.id].sort());
  assert.ok(listed.every((a) => !('content' in a)), 'metadata only');
  assert.deepEqual((await listAttachments(ctx.db, 'test_owner', owner, 'evidence')).map((a) => a.id), [scan.id]);

  const other = randomUUID();
  await ctx.db.transaction((tx) => storeAttachment(tx, { regionId, ownerType: 'test_owner', ownerId: other, purpose: 'evidence', fileName: 'x.gif', data: GIF, createdBy: staffId }));
  const counts = await countAttachments(ctx.db, 'test_owner', [owner, other, randomUUID()]);
  assert.equal(counts.get(owner), 2);
  assert.equal(counts.get(other), 1);
  assert.equal(counts.size, 2);
  assert.equal((await countAttachments(ctx.db, 'test_owner', [owner], 'evidence')).get(owner), 1);
  assert.equal((await countAttachments(ctx.db, 'test_owner', [])).size, 0);
});

test('what is not an accepted type is never stored, and nothing is half-written', async () => {
  const owner = randomUUID();
  await assert.rejects(
    ctx.db.transaction(async (tx) => {
      await storeAttachment(tx, { regionId, ownerType: 'test_owner', ownerId: owner, purpose: 'evidence', fileName: 'a.jpg', data: JPEG, createdBy: staffId });
      await storeAttachment(tx, { regionId, ownerType: 'test_owner', ownerId: owner, purpose: 'evidence', fileName: 'notes.txt', data: Buffer.from('просто текст'), createdBy: staffId });
    }),
    /not an accepted file type/,
  );
  assert.equal((await listAttachments(ctx.db, 'test_owner', owner)).length, 0);
  const audits = await ctx.db.query("select 1 from audit_log where action = 'attachment.store' and details->>'ownerId' = $1", [owner]);
  assert.equal(audits.rows.length, 0, 'the audit row rolls back with the file');
});

test('deletion is audited once; deleting again finds nothing', async () => {
  const actor = (await loadStaffActor(ctx.db, staffId))!;
  const owner = randomUUID();
  const a = await ctx.db.transaction((tx) => storeAttachment(tx, { regionId, ownerType: 'test_owner', ownerId: owner, purpose: 'evidence', fileName: 'a.jpg', data: JPEG, createdBy: staffId }));
  const gone = await ctx.db.transaction((tx) => deleteAttachment(tx, actor, a.id));
  assert.equal(gone?.id, a.id);
  assert.equal(await readAttachment(ctx.db, a.id), null);
  assert.equal(await ctx.db.transaction((tx) => deleteAttachment(tx, actor, a.id)), null);
  const rows = (await ctx.db.query<{ actor_id: string; details: unknown }>("select actor_id, details from audit_log where action = 'attachment.delete' and subject_id = $1", [a.id])).rows;
  assert.equal(rows.length, 1);
  assert.equal(rows[0]!.actor_id, staffId);
  assert.ok(!JSON.stringify(rows[0]!.details).includes('a.jpg'), 'no file name in the audit');
});

test('Content-Disposition: an ASCII fallback and the UTF-8 name (RFC 5987)', () => {
  assert.equal(contentDisposition('inline', 'photo.jpg'), `inline; filename="photo.jpg"; filename*=UTF-8''photo.jpg`);
  assert.equal(contentDisposition('attachment', 'Акт (итог).pdf'), `attachment; filename="___ (____).pdf"; filename*=UTF-8''%D0%90%D0%BA%D1%82%20%28%D0%B8%D1%82%D0%BE%D0%B3%29.pdf`);
  assert.equal(contentDisposition('attachment', `a"b\\c'd%.pdf`), `attachment; filename="a_b_c'd_.pdf"; filename*=UTF-8''a%22b%5Cc%27d%25.pdf`);
});

test('an owner type belongs to one module', () => {
  const reader = async () => true;
  registerAttachmentOwner('test_owner_type', reader);
  registerAttachmentOwner('test_owner_type', reader); // the same module registering again (a second app)
  assert.throws(() => registerAttachmentOwner('test_owner_type', async () => false), /already registered/);
});
