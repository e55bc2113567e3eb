/** The reception section's card on the staff dashboard (/staff): the desk for staff who receive visitors, the figures for supervisors. */
import { defineMessages, type Lang } from '../../platform/i18n.js';
import type { StaffActor } from '../../platform/policy.js';
import { isReceptionSupervisor, servesVisitors } from './reception.policy.js';

const t = defineMessages({
  ru: {
    desk: 'Приём посетителя',
    deskText: 'Алгоритм информирования: что сказать посетителю на каждом шаге, регистрация и подтверждение прямо из диалога.',
    figures: 'Показатели приёма',
    figuresText: 'Сколько посетителей пришло и сколько проинформировано (показатель P2.1), по сотрудникам и организациям.',
  },
  en: {
    desk: 'Serve a visitor',
    deskText: 'The informing algorithm: what to say to a visitor at each step; registering and confirming straight from the dialog.',
    figures: 'Reception figures',
    figuresText: 'How many visitors came and how many were informed (indicator P2.1), by employee and organisation.',
  },
});

export function receptionSection(actor: StaffActor, lang: Lang): Array<{ href: string; title: string; text: string }> {
  if (servesVisitors(actor)) return [{ href: '/reception/visit', title: t(lang, 'desk'), text: t(lang, 'deskText') }];
  if (isReceptionSupervisor(actor)) return [{ href: '/reception/figures', title: t(lang, 'figures'), text: t(lang, 'figuresText') }];
  return [];
}
