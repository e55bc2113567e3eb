/**
 * Where the rows of the quarter's report come from. Each source reads one kind
 * of record for one municipality and quarter and returns rows that remember
 * their records (source.refs) and carry the evidence seed 002 asks for.
 *
 * - Table 1 (websites): the municipality's web materials (kinds placed 'web':
 *   banner link, website section, videos, news, social networks) posted or
 *   updated in the quarter, one row each with its link; and events of format
 *   'media' held in the quarter that have links (a publication), one row each.
 * - Table 2 (reception places): events held in the quarter except publications
 *   (format 'media'), grouped by activity — the catalogue's activity type when
 *   the event names one, otherwise its format; the number is how many were held.
 * - Table 3 (consultations): events of the consulting formats (CONSULTING_FORMATS)
 *   grouped the same way; the number is the people reached, summed (an event
 *   without a figure adds nothing and is named in the notes).
 *   Then the reception visit log (consultationsFromVisitLog): visitors informed
 *   at each organisation's desks by the algorithm of seed 004.
 */
import type { Queryable } from '../../db/client.js';
import type { OutreachEventLink } from '../../db/schema/outreach-events.js';
import { findKind } from '../outreach/materials/material-kinds.js';
import { eventsMessages, isEventFormat, type EventsMessageKey } from '../outreach/events/events.messages.js';
import { quarterBounds, type Quarter } from '../scoring/inputs/system-inputs.js';
import type { ReportRow } from './report.js';
import { receptionFiguresBy } from '../reception/figures.js';

export interface ReportQuery extends Quarter {
  regionId: string;
  municipalityId: string;
}

export type RowSourceFn = (db: Queryable, query: ReportQuery) => Promise<ReportRow[]>;

/** Formats whose events are consultations of citizens (table 3). */
export const CONSULTING_FORMATS: readonly string[] = ['e_services_day', 'e_lesson', 'field_consultation'];

const ruDate = (iso: string) => iso.split('-').reverse().join('.');
const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

// --- table 1: materials ---------------------------------------------------------------

export const websitesFromMaterials: RowSourceFn = async (db, query) => {
  const { from, to } = quarterBounds(query);
  const { rows } = await db.query<{ id: string; kind: string; title: string; url: string | null; posted_on: string; updates: number | string; last_update: string | null }>(
    `select a.id, a.kind, a.title, a.url, to_char(a.posted_on, 'YYYY-MM-DD') as posted_on,
            (select count(*) from outreach_material_updates u where u.material_id = a.id and u.updated_on between $3::date and $4::date)::int as updates,
            to_char((select max(u.updated_on) from outreach_material_updates u where u.material_id = a.id and u.updated_on between $3::date and $4::date), 'YYYY-MM-DD') as last_update
       from outreach_materials a
      where a.region_id = $1 and a.municipality_id = $2 and a.posted_on is not null and a.posted_on <= $4::date
        and (a.posted_on >= $3::date
             or exists (select 1 from outreach_material_updates u where u.material_id = a.id and u.updated_on between $3::date and $4::date))
      order by a.posted_on, a.title, a.id`,
    [query.regionId, query.municipalityId, from, to],
  );
  const out: ReportRow[] = [];
  for (const r of rows) {
    const kind = findKind(r.kind);
    if (kind?.place !== 'web') continue;
    const postedInQuarter = r.posted_on >= from;
    const updates = Number(r.updates);
    const facts: string[] = [];
    if (postedInQuarter) facts.push(`размещено ${ruDate(r.posted_on)}`);
    if (updates > 0) facts.push(`обновлений в квартале: ${updates}, последнее ${ruDate(r.last_update!)}`);
    out.push({
      id: `material:${r.id}`,
      title: `${kind.title}: «${r.title}»`,
      link: r.url ?? '',
      count: null,
      notes: `${facts.join('; ')} (раздел ${kind.section} Репозитария Минкомсвязи России)`,
      source: { origin: 'materials', refs: [String(r.id)], text: `Материал «${r.title}»: ${facts.join('; ')}` },
      edited: false,
    });
  }
  return out;
};

// --- events ----------------------------------------------------------------------------

interface QuarterEvent {
  id: string;
  title: string;
  format: string;
  formatOther: string | null;
  heldOn: string;
  place: string;
  peopleReached: number | null;
  links: OutreachEventLink[];
  activityTypeId: string | null;
  activityTitle: string | null;
  evidence: number;
}

async function quarterEvents(db: Queryable, query: ReportQuery): Promise<QuarterEvent[]> {
  const { from, to } = quarterBounds(query);
  const { rows } = await db.query<Record<string, unknown>>(
    `select e.id, e.title, e.format, e.format_other, to_char(e.held_on, 'YYYY-MM-DD') as held_on, e.place, e.people_reached, e.links,
            e.activity_type_id, t.title as activity_title,
            (select count(*) from attachments f where f.owner_type = 'outreach_event' and f.owner_id = e.id)::int as evidence
       from outreach_events e
       left join activity_types t on t.id = e.activity_type_id
      where e.region_id = $1 and e.municipality_id = $2 and e.held_on between $3::date and $4::date
      order by e.held_on, e.title, e.id`,
    [query.regionId, query.municipalityId, from, to],
  );
  return rows.map((r) => ({
    id: String(r.id),
    title: String(r.title),
    format: String(r.format),
    formatOther: r.format_other === null ? null : String(r.format_other),
    heldOn: String(r.held_on),
    place: String(r.place),
    peopleReached: r.people_reached === null ? null : Number(r.people_reached),
    links: json<OutreachEventLink[]>(r.links) ?? [],
    activityTypeId: r.activity_type_id === null ? null : String(r.activity_type_id),
    activityTitle: r.activity_title === null ? null : String(r.activity_title),
    evidence: Number(r.evidence),
  }));
}

function formatName(e: QuarterEvent): string {
  if (e.format === 'other' && e.formatOther) return e.formatOther;
  return isEventFormat(e.format) ? eventsMessages('ru', `fmt_${e.format}` as EventsMessageKey) : e.format;
}

/** The activity an event is reported under: its catalogue type, or its format. */
function activityOf(e: QuarterEvent): { key: string; title: string } {
  if (e.activityTypeId && e.activityTitle) return { key: `type:${e.activityTypeId}`, title: e.activityTitle };
  const name = formatName(e);
  return { key: e.format === 'other' ? `format:other:${name.toLowerCase()}` : `format:${e.format}`, title: name };
}

/** «12.08.2026, МКДЦ с. Калга — «Тема» (охват 25; фото и документы: 2)» */
function eventLine(e: QuarterEvent): string {
  const extra: string[] = [];
  if (e.peopleReached !== null) extra.push(`охват ${e.peopleReached}`);
  if (e.evidence > 0) extra.push(`фото и документы: ${e.evidence}`);
  return `${ruDate(e.heldOn)}, ${e.place} — «${e.title}»${extra.length ? ` (${extra.join('; ')})` : ''}`;
}

function grouped(events: QuarterEvent[], prefix: string, value: (group: QuarterEvent[]) => { count: number; note?: string }, sourceWord: string): ReportRow[] {
  const groups = new Map<string, { title: string; events: QuarterEvent[] }>();
  for (const e of events) {
    const a = activityOf(e);
    const g = groups.get(a.key) ?? { title: a.title, events: [] };
    g.events.push(e);
    groups.set(a.key, g);
  }
  return [...groups.entries()].map(([key, g]) => {
    const v = value(g.events);
    const notes = g.events.map(eventLine).join('; ') + (v.note ? `. ${v.note}` : '');
    return {
      id: `${prefix}:${key}`,
      title: g.title,
      link: '',
      count: v.count,
      notes,
      source: { origin: 'events' as const, refs: g.events.map((e) => e.id), text: `${sourceWord}: ${g.events.length}` },
      edited: false,
    };
  });
}

export const websitesFromEvents: RowSourceFn = async (db, query) =>
  (await quarterEvents(db, query))
    .filter((e) => e.format === 'media' && e.links.length > 0)
    .map((e) => ({
      id: `publication:${e.id}`,
      title: `Публикация: «${e.title}»`,
      link: e.links[0]!.url,
      count: null,
      notes: [`${ruDate(e.heldOn)}, ${e.place}`, ...e.links.slice(1).map((l) => l.url)].join('; '),
      source: { origin: 'events' as const, refs: [e.id], text: `Мероприятие «${e.title}» ${ruDate(e.heldOn)} (публикация)` },
      edited: false,
    }));

export const receptionFromEvents: RowSourceFn = async (db, query) =>
  grouped(
    (await quarterEvents(db, query)).filter((e) => e.format !== 'media'),
    'reception',
    (g) => ({ count: g.length }),
    'Мероприятий, проведённых в квартале',
  );

export const consultationsFromEvents: RowSourceFn = async (db, query) =>
  grouped(
    (await quarterEvents(db, query)).filter((e) => CONSULTING_FORMATS.includes(e.format)),
    'consultations',
    (g) => {
      const unknown = g.filter((e) => e.peopleReached === null).length;
      return { count: g.reduce((s, e) => s + (e.peopleReached ?? 0), 0), note: unknown ? `Охват не указан у мероприятий: ${unknown}` : undefined };
    },
    'Консультационных мероприятий в квартале',
  );

/** Sources per table, in the order their rows appear. */
export const WEBSITE_SOURCES: readonly RowSourceFn[] = [websitesFromMaterials, websitesFromEvents];
export const RECEPTION_SOURCES: readonly RowSourceFn[] = [receptionFromEvents];
/**
 * Consultations at the desks from the reception visit log (seed 004): one row
 * per organisation whose staff informed visitors in the quarter; the number is
 * the visitors informed by the algorithm (not those who only got their question
 * answered), the notes give the rest of the desk's figures.
 */
export const consultationsFromVisitLog: RowSourceFn = async (db, query) => {
  const { from, to } = quarterBounds(query);
  const rows = await receptionFiguresBy(db, { regionId: query.regionId, municipalityId: query.municipalityId, from, to }, 'organisation');
  return rows
    .filter((r) => r.figures.informed > 0)
    .map((r) => {
      const f = r.figures;
      return {
        id: `visits:${r.id}`,
        title: `Информирование посетителей о портале госуслуг по алгоритму (${r.name})`,
        link: '',
        count: f.informed,
        notes: `Журнал приёма ${ruDate(from)}–${ruDate(to)}: посетителей ${f.visitors}, проинформировано ${f.informed}, предложено зарегистрироваться или подтвердить учётную запись ${f.offered}, согласились ${f.agreed}, зарегистрировано ${f.registered}, подтверждено ${f.confirmed}`,
        source: { origin: 'visits' as const, refs: [r.id], text: `Журнал приёма: проинформировано ${f.informed} из ${f.visitors} посетителей` },
        edited: false,
      };
    });
};

export const CONSULTATION_SOURCES: readonly RowSourceFn[] = [consultationsFromEvents, consultationsFromVisitLog];
