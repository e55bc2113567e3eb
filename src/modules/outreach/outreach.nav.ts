/**
 * The outreach section's navigation, the same on every outreach page:
 * plans, what is due, events, materials, the working-day calendar and the
 * activity catalogue. Pass the result to pageContext(request, outreachNav(…)).
 */
import type { FastifyRequest } from 'fastify';
import { defineMessages } from '../../platform/i18n.js';
import type { NavItem } from '../../platform/views/layout.js';

export type OutreachSection = 'plans' | 'due' | 'events' | 'materials' | 'calendar' | 'types' | 'scores';

const t = defineMessages({
  ru: {
    plans: 'Планы',
    due: 'Сроки',
    events: 'Мероприятия',
    materials: 'Материалы',
    calendar: 'Производственный календарь',
    types: 'Виды мероприятий',
    scores: 'Оценка',
  },
  en: {
    plans: 'Plans',
    due: 'Due dates',
    events: 'Events',
    materials: 'Materials',
    calendar: 'Working-day calendar',
    types: 'Activity types',
    scores: 'Scores',
  },
});

const SECTIONS: ReadonlyArray<[OutreachSection, string]> = [
  ['plans', '/outreach'],
  ['due', '/outreach/due'],
  ['events', '/outreach/events'],
  ['materials', '/outreach/materials'],
  ['calendar', '/outreach/calendar'],
  ['types', '/outreach/activity-types'],
  ['scores', '/outreach/scores'],
];

export function outreachNav(request: FastifyRequest, current: OutreachSection | null): NavItem[] {
  return SECTIONS.map(([key, href]) => ({ href, label: t(request.lang, key), current: key === current }));
}
