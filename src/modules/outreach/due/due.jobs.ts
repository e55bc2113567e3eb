/**
 * Reminders about plan due dates, with escalation (REMINDER_* settings in src/config.ts).
 *
 * For every open occurrence of every approved plan, in each region on the region's
 * own date (regions.time_zone):
 * - upcoming   — when at most `daysBefore` working days remain (due_soon);
 * - overdue    — from the first day after the due date;
 * - escalation — once it has been overdue for more than `escalateAfterDays`
 *                working days: to every active regional administrator of the region.
 * Upcoming and overdue go to the active staff of the organisations named among the
 * item's executors and to the municipality's coordinators (for the region's own plan,
 * to the regional administrators). Each (item, due date, kind, recipient) is sent once:
 * the outreach_reminders row and the e-mail in the outbox are written in one
 * transaction; delivery is kicked after the commit (the sweep catches what is missed).
 */
import type { Config } from '../../../config.js';
import type { Database } from '../../../db/client.js';
import type { AppContext } from '../../../platform/context.js';
import type { FieldCipher } from '../../../platform/crypto.js';
import type { JobDefinition, JobQueue } from '../../../platform/jobs.js';
import { enqueueNotification, kickDelivery, type NotificationTemplate } from '../../notifications/index.js';
import { formatRu, type IsoDate } from '../deadlines/index.js';
import { insertReminder, listActiveRegionStaff, listRegions, setReminderOutbox, type ReminderKind, type StaffRecipient } from './due.repository.js';
import { loadOccurrences } from './load-occurrences.js';
import type { DueItem, Occurrence } from './occurrences.js';

export const DUE_REMINDERS_JOB = 'outreach.due-reminders';

export const REMINDER_TEMPLATES: Record<ReminderKind, NotificationTemplate> = {
  upcoming: 'outreach_due_soon',
  overdue: 'outreach_overdue',
  escalation: 'outreach_escalation',
};

export interface ReminderCounts {
  upcoming: number;
  overdue: number;
  escalation: number;
  /** recipients skipped because their account has no (valid) e-mail address */
  skippedNoEmail: number;
  /** reminders already sent on an earlier run */
  alreadySent: number;
}

export interface SendDueRemindersOptions {
  /** today (yyyy-mm-dd) for every region; else each region's date at `now` */
  today?: IsoDate;
  now?: Date;
  /** the job queue to kick delivery on; without it the sweep job delivers */
  jobs?: Pick<JobQueue, 'send'>;
}

/** The same simple check enqueueNotification applies. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function dedupe(staff: StaffRecipient[]): StaffRecipient[] {
  return [...new Map(staff.map((s) => [s.id, s])).values()];
}

const regionalAdmins = (staff: StaffRecipient[], regionId: string) => staff.filter((s) => s.role === 'regional_admin' && s.regionId === regionId);

/** Who is reminded about an item before and after its due date. */
export function executorRecipients(item: DueItem, staff: StaffRecipient[]): StaffRecipient[] {
  const organisations = new Set(item.executors.flatMap((e) => ('organisationId' in e && e.organisationId ? [e.organisationId] : [])));
  const byOrganisation = staff.filter((s) => s.organisationId !== null && organisations.has(s.organisationId));
  const keepers =
    item.municipalityId === null
      ? regionalAdmins(staff, item.regionId)
      : staff.filter((s) => s.role === 'municipal_coordinator' && s.municipalityId === item.municipalityId);
  return dedupe([...byOrganisation, ...keepers]);
}

/** The reminders an open occurrence calls for today. */
export function remindersFor(o: Occurrence, escalateAfterDays: number): ReminderKind[] {
  if (o.status === 'due_soon') return ['upcoming'];
  if (o.status !== 'overdue') return [];
  return o.workingDaysOverdue > escalateAfterDays ? ['overdue', 'escalation'] : ['overdue'];
}

function varsOf(o: Occurrence, kind: ReminderKind): Record<string, string> {
  const item = o.item;
  return {
    municipality: item.municipalityName ?? `${item.regionName} (план региона)`,
    item: item.itemNumber,
    content: item.content,
    dueOn: formatRu(o.dueOn),
    days: String(kind === 'upcoming' ? o.workingDaysLeft : o.daysOverdue),
  };
}

export async function sendDueReminders(
  db: Database,
  cipher: FieldCipher,
  config: Pick<Config, 'reminders'>,
  options: SendDueRemindersOptions = {},
): Promise<ReminderCounts> {
  const counts: ReminderCounts = { upcoming: 0, overdue: 0, escalation: 0, skippedNoEmail: 0, alreadySent: 0 };
  const { daysBefore, escalateAfterDays } = config.reminders;
  const now = options.now ?? new Date();
  for (const region of await listRegions(db)) {
    const { occurrences } = await loadOccurrences(db, { regionId: region.id, ...(options.today ? { today: options.today } : { now }), daysBefore });
    const open = occurrences.filter((o) => o.status === 'due_soon' || o.status === 'overdue');
    if (open.length === 0) continue;
    const staff = await listActiveRegionStaff(db, region.id);
    for (const o of open) {
      for (const kind of remindersFor(o, escalateAfterDays)) {
        const recipients = kind === 'escalation' ? regionalAdmins(staff, region.id) : executorRecipients(o.item, staff);
        for (const r of recipients) {
          if (!r.email || !EMAIL.test(r.email)) {
            counts.skippedNoEmail++;
            continue;
          }
          const email = r.email;
          const outboxId = await db.transaction(async (tx) => {
            const reminderId = await insertReminder(tx, { planItemId: o.item.itemId, dueOn: o.dueOn, kind, recipientStaffId: r.id });
            if (!reminderId) return null;
            const id = await enqueueNotification(tx, cipher, { channel: 'email', to: email, template: REMINDER_TEMPLATES[kind], vars: varsOf(o, kind), lang: 'ru' });
            await setReminderOutbox(tx, reminderId, id);
            return id;
          });
          if (!outboxId) {
            counts.alreadySent++;
            continue;
          }
          counts[kind]++;
          if (options.jobs) await kickDelivery(options.jobs, outboxId);
        }
      }
    }
  }
  return counts;
}

export function outreachDueJobs(ctx: AppContext, log: (obj: object, msg: string) => void): JobDefinition[] {
  return [
    {
      name: DUE_REMINDERS_JOB,
      schedule: ctx.config.reminders.cron,
      async handle() {
        const counts = await sendDueReminders(ctx.db, ctx.cipher, ctx.config, { jobs: ctx.jobs });
        if (counts.upcoming + counts.overdue + counts.escalation + counts.skippedNoEmail > 0) log({ ...counts }, 'outreach due reminders');
      },
    },
  ];
}
