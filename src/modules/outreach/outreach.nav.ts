/**
 * The outreach section's navigation, the same on every outreach page:
 * plans, what is due, events, materials, the working-day calendar and the
 * activity catalogue. Pass the result to pageContext(request, outreachNav(…)).
 */
import type { FastifyRequest } from 'fastify';
import { defineMessages } from '../../platform/i18n.js';
import type { NavItem } from '../../platform/views/layout.js';

export type OutreachSection = 'plans' | 'due' | 'events' | 'materials' | 'calendar' | 'types' | 'scores' | 'dashboard' | 'models' | 'reports' | 'targets';

const t = defineMessages({
  ru: {
    plans: 'Планы',
    due: 'Сроки',
    events: 'Мероприятия',
    materials: 'Материалы',
    calendar: 'Производственный календарь',
    types: 'Виды мероприятий',
    scores: 'Оценка',
    targets: 'Цели',
    reports: 'Отчёты',
    models: 'Модели оценки',
    dashboard: 'Сводка и рейтинг',
  },
  en: {
    plans: 'Plans',
    due: 'Due dates',
    events: 'Events',
    materials: 'Materials',
    calendar: 'Working-day calendar',
    types: 'Activity types',
    scores: 'Scores',
    targets: 'Targets',
    reports: 'Reports',
    models: 'Scoring models',
    dashboard: 'Dashboard and ranking',
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
  ['targets', '/outreach/targets'],
  ['reports', '/outreach/reports'],
  ['dashboard', '/outreach/dashboard'],
  ['models', '/outreach/scores/models'],
];

/** Sections only some roles see: the scoring-model editor is the regional (and system) administrator's. */
const ONLY_FOR: Partial<Record<OutreachSection, ReadonlyArray<string>>> = { models: ['regional_admin', 'system_admin'], targets: ['regional_admin', 'municipal_coordinator'] };

export function outreachNav(request: FastifyRequest, current: OutreachSection | null): NavItem[] {
  return SECTIONS.filter(([key]) => !ONLY_FOR[key] || ONLY_FOR[key]!.includes(request.actor?.role ?? '')).map(([key, href]) => ({ href, label: t(request.lang, key), current: key === current }));
}
