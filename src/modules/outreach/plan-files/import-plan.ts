/**
 * A plan from an XLSX file: as a new draft plan for a year at the actor's
 * place, or as the new items of an existing plan's working copy. The file is
 * checked whole first (what it is, its size unpacked, the table, every item by
 * the item form's rules); if anything is wrong nothing is saved and every
 * problem is listed by row and column.
 *
 * Replacing keeps what hangs off the items: an item whose number is in the
 * file is updated in place (its completion marks and the events that name it
 * stay), new numbers are added, numbers missing from the file are deleted.
 * Columns the file does not have (result, indicator, funding) keep their
 * values; the activity type, which a file does not carry, is kept too. An
 * approved plan goes back to draft; its approved versions are untouched.
 */
import { createHash } from 'node:crypto';
import type { Database } from '../../../db/client.js';
import type { PlanExecutor } from '../../../db/schema/outreach.js';
import { appendAudit } from '../../../platform/audit.js';
import type { UploadedFile } from '../../../platform/http/uploads.js';
import type { StaffActor } from '../../../platform/policy.js';
import type { PlanPlace } from '../outreach.policy.js';
import {
  deleteItem,
  insertItems,
  insertPlan,
  listExecutorOrganisations,
  listItems,
  listPlans,
  lockPlan,
  markPlanChanged,
  updateItem,
  type NewItem,
  type PlanItemView,
} from '../outreach.repository.js';
import { planYear } from '../plan-items.js';
import { planFilesMessages, type ImportIssue } from './plan-files.messages.js';
import { moveItem } from './plan-files.repository.js';
import { readPlanXlsx, type ReadPlan } from './read-plan-xlsx.js';
import { validatePlanRows } from './validate-plan-rows.js';
import { listZip, measureUnpacked, OLE_MAGIC, startsWithBytes } from '../../../platform/files/zip.js';

/** The most an uploaded workbook may unpack to. */
export const MAX_UNPACKED_BYTES = 50 * 1024 * 1024;
/** The form field of the file. */
export const FILE_FIELD = 'file';

export type ImportField = 'year' | 'file' | 'confirm';
export interface ImportProblem {
  field: ImportField;
  issue: ImportIssue;
}

export type FileCheck = { ok: true; plan: ReadPlan; items: NewItem[]; sha256: string; bytes: number } | { ok: false; problems: ImportProblem[] };

const fileProblem = (issue: ImportIssue): ImportProblem => ({ field: FILE_FIELD, issue });

/**
 * What the uploaded file is and what its table says. `maxBytes` is the upload
 * limit (ctx.config.files.maxBytes); the message names it in megabytes.
 */
export async function checkPlanFile(upload: UploadedFile | undefined, options: { maxBytes: number; organisations: Map<string, string>; maxLabel: string; unpackedLabel: string }): Promise<FileCheck> {
  if (!upload) return { ok: false, problems: [fileProblem({ ns: 'files', code: 'errFileRequired' })] };
  const name = upload.fileName;
  if (upload.tooLarge || upload.data.length > options.maxBytes) return { ok: false, problems: [fileProblem({ ns: 'files', code: 'errTooLarge', vars: { name, max: options.maxLabel } })] };
  if (startsWithBytes(upload.data, OLE_MAGIC)) return { ok: false, problems: [fileProblem({ ns: 'files', code: 'errOldXls', vars: { name } })] };
  const listing = listZip(upload.data);
  if (!listing || !listing.names.includes('[Content_Types].xml') || !listing.names.includes('xl/workbook.xml')) {
    return { ok: false, problems: [fileProblem({ ns: 'files', code: 'errNotXlsx', vars: { name } })] };
  }
  const unpacked = measureUnpacked(upload.data, listing, MAX_UNPACKED_BYTES);
  if (unpacked === null) return { ok: false, problems: [fileProblem({ ns: 'files', code: 'errNotXlsx', vars: { name } })] };
  if (unpacked === 'over') return { ok: false, problems: [fileProblem({ ns: 'files', code: 'errUnpackedTooLarge', vars: { name, max: options.unpackedLabel } })] };

  const read = await readPlanXlsx(upload.data);
  if (!read.ok) return { ok: false, problems: read.issues.map((i) => fileProblem(i.ns === 'files' && i.code === 'errNotXlsx' ? { ...i, vars: { name } } : i)) };
  const valid = validatePlanRows(read.plan, options.organisations);
  if (!valid.ok) return { ok: false, problems: valid.issues.map(fileProblem) };
  return { ok: true, plan: read.plan, items: valid.items, sha256: createHash('sha256').update(upload.data).digest('hex'), bytes: upload.data.length };
}

async function organisationsOf(db: Database, place: PlanPlace): Promise<Map<string, string>> {
  const list = await listExecutorOrganisations(db, place.regionId, place.municipalityId);
  return new Map(list.map((o) => [o.id, o.name]));
}

/** The title for a year: a title naming one other year gets this year (as create-plan.ts does with templates). */
export function titleForYear(title: string, year: number): string {
  const years = [...new Set(title.match(/(?<!\d)20\d{2}(?!\d)/g) ?? [])];
  return years.length === 1 && years[0] !== String(year) ? title.replaceAll(years[0]!, String(year)) : title;
}

export interface ImportLimits {
  maxBytes: number;
  /** «10 МБ», for the messages */
  maxLabel: string;
  unpackedLabel: string;
}

export type ImportNewResult = { ok: true; planId: string; items: number } | { ok: false; problems: ImportProblem[] };

export async function importNewPlan(
  db: Database,
  actor: StaffActor,
  place: PlanPlace,
  input: { year: string; upload: UploadedFile | undefined },
  limits: ImportLimits,
): Promise<ImportNewResult> {
  const problems: ImportProblem[] = [];
  const yearText = input.year.trim();
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
  if (!(year >= 2000 && year <= 2100)) problems.push({ field: 'year', issue: { ns: 'outreach', code: 'errYear' } });
  else {
    const existing = await listPlans(db, { regionId: place.regionId, municipalityId: place.municipalityId });
    if (existing.some((p) => planYear(p.periodFrom) === year)) problems.push({ field: 'year', issue: { ns: 'outreach', code: 'errExists', vars: { year } } });
  }
  const file = await checkPlanFile(input.upload, { ...limits, organisations: await organisationsOf(db, place) });
  if (!file.ok) problems.push(...file.problems);
  if (problems.length || !file.ok) return { ok: false, problems };

  const title = file.plan.title ? titleForYear(file.plan.title, year) : planFilesMessages('ru', 'defaultTitle', { year });
  const planId = await db.transaction(async (tx) => {
    const id = await insertPlan(tx, {
      regionId: place.regionId,
      municipalityId: place.municipalityId,
      title,
      periodFrom: `${year}-01-01`,
      periodTo: `${year}-12-31`,
      source: 'import:xlsx',
      createdBy: actor.id,
    });
    await insertItems(tx, id, file.items);
    await appendAudit(tx, {
      actorType: 'staff',
      actorId: actor.id,
      action: 'outreach.plan.import',
      subjectType: 'outreach_plan',
      subjectId: id,
      organisationId: actor.organisationId,
      details: { mode: 'new', year, items: file.items.length, municipalityId: place.municipalityId, fileSha256: file.sha256, fileBytes: file.bytes },
    });
    return id;
  });
  return { ok: true, planId, items: file.items.length };
}

export type ReplaceResult = { ok: true; added: number; updated: number; removed: number; unchanged: number } | { ok: false; problems: ImportProblem[] };

/** The same executors in the same order (jsonb gives keys back in its own order, so compare by meaning). */
const executorKey = (e: PlanExecutor) => ('post' in e ? `post:${e.post}` : `org:${e.organisationId}`);
const sameExecutors = (a: PlanExecutor[], b: PlanExecutor[]) => a.length === b.length && a.every((e, i) => executorKey(e) === executorKey(b[i]!));
/** '12500' and '12500.00' are the same sum. */
const sameMoney = (a: string | null, b: string | null) => (a === null ? b === null : b !== null && Number(a) === Number(b));

export async function replacePlanItems(
  db: Database,
  actor: StaffActor,
  plan: PlanPlace & { id: string },
  input: { confirm: boolean; upload: UploadedFile | undefined },
  limits: ImportLimits,
): Promise<ReplaceResult> {
  const problems: ImportProblem[] = [];
  if (!input.confirm) problems.push({ field: 'confirm', issue: { ns: 'files', code: 'errConfirm' } });
  const file = await checkPlanFile(input.upload, { ...limits, organisations: await organisationsOf(db, plan) });
  if (!file.ok) problems.push(...file.problems);
  if (problems.length || !file.ok) return { ok: false, problems };
  const has = file.plan.columns;

  return db.transaction(async (tx): Promise<ReplaceResult> => {
    if (!(await lockPlan(tx, plan.id))) throw new Error(`plan ${plan.id} not found`);
    const before = await listItems(tx, plan.id);
    const byNumber = new Map(before.map((i) => [i.itemNumber, i]));
    const kept = new Set<string>();
    const added: NewItem[] = [];
    let updated = 0;
    let unchanged = 0;
    for (const item of file.items) {
      const old: PlanItemView | undefined = byNumber.get(item.itemNumber);
      if (!old) {
        added.push(item);
        continue;
      }
      kept.add(old.id);
      const changes = {
        content: item.content,
        executors: item.executors,
        deadlineText: item.deadlineText,
        deadline: item.deadline ?? null,
        expectedResult: has.result ? item.expectedResult : old.expectedResult,
        indicatorNodeId: has.indicator ? item.indicatorNodeId : old.indicatorNodeId,
        budgetRub: has.budget ? item.budgetRub : old.budgetRub,
        activityTypeId: old.activityTypeId,
      };
      const place = { sectionNumber: item.sectionNumber, sectionTitle: item.sectionTitle, sortOrder: item.sortOrder };
      const contentSame =
        changes.content === old.content &&
        sameExecutors(changes.executors, old.executors) &&
        changes.deadlineText === old.deadlineText &&
        changes.expectedResult === old.expectedResult &&
        changes.indicatorNodeId === old.indicatorNodeId &&
        sameMoney(changes.budgetRub, old.budgetRub);
      const placeSame = place.sectionNumber === old.sectionNumber && place.sectionTitle === old.sectionTitle && place.sortOrder === old.sortOrder;
      if (!contentSame) await updateItem(tx, old.id, changes);
      if (!placeSame) await moveItem(tx, old.id, place);
      if (contentSame && placeSame) unchanged++;
      else updated++;
    }
    const removed = before.filter((i) => !kept.has(i.id));
    for (const i of removed) await deleteItem(tx, i.id);
    await insertItems(tx, plan.id, added);
    if (added.length || updated || removed.length) await markPlanChanged(tx, plan.id);
    await appendAudit(tx, {
      actorType: 'staff',
      actorId: actor.id,
      action: 'outreach.plan.import',
      subjectType: 'outreach_plan',
      subjectId: plan.id,
      organisationId: actor.organisationId,
      details: {
        mode: 'replace',
        items: file.items.length,
        added: added.map((i) => i.itemNumber),
        updated,
        removed: removed.map((i) => i.itemNumber),
        fileSha256: file.sha256,
        fileBytes: file.bytes,
      },
    });
    return { ok: true, added: added.length, updated, removed: removed.length, unchanged };
  });
}
