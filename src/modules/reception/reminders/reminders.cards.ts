/** The staff dashboard's cards for unread reading notices (4.1.7): «Обновлены материалы: …» — «Прочтите до дд.мм.гггг.» */
import type { Queryable } from '../../../db/client.js';
import type { Lang } from '../../../platform/i18n.js';
import type { StaffActor } from '../../../platform/policy.js';
import { servesVisitors } from '../reception.policy.js';
import { reminderMessages as t } from './reminders.messages.js';
import { unreadNotices } from './reminders.js';

export async function readingNoticeCards(db: Queryable, actor: StaffActor, lang: Lang): Promise<Array<{ href: string; title: string; text: string }>> {
  if (!servesVisitors(actor)) return [];
  return (await unreadNotices(db, actor.id)).map((n) => ({
    href: '/reception/reminders',
    title: t(lang, 'cardTitle', { materials: n.materials }),
    text: t(lang, 'cardText', { date: n.readBy.split('-').reverse().join('.') }),
  }));
}
