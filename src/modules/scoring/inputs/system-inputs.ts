/**
 * The inputs of the seed-002 model (kalga-2018) that the system knows itself,
 * for one municipality and one calendar quarter, each with where it came from.
 *
 * From materials (evaluated as of min(today, the quarter's last day), with the
 * same rule as the materials page: materialStatus + indicatorLevel over the
 * kinds that feed the indicator, see ../../outreach/materials/):
 *   P2.2 n, P2.3 n and m, P2.4 n, P2.5 n, P3.2 n.
 * A material's latest update is taken among its updates made up to that day,
 * so a past quarter is judged by what was known at its end.
 *
 * From events held in the quarter (outreach_events.held_on within it). The
 * format keys are those of EVENT_FORMATS (../../outreach/events/events.messages.ts):
 *   P2.6 talks and seminars in culture institutions — format 'culture_seminar',
 *        or any event held at an organisation of kind 'culture';
 *        0 events → 0, 1 → 0.5 («реже 1–2 раз в квартал»), 2 or more → 1;
 *   P3.1 seminars and parents' meetings — format 'parents_meeting', or any event
 *        held at an organisation of kind 'school' or 'kindergarten';
 *        at least 1 in the quarter → 1, none → 0;
 *   P2.8 promotion at mass events — format 'e_services_day' (День электронных
 *        услуг, the mass event of the list); at least 1 → 1, none → 0.
 * Formats 'e_lesson', 'workplace_briefing', 'field_consultation', 'media' and
 * 'other' feed none of these indicators.
 *
 * The portal's own figures (P1.1.x B, P1.2, P1.3) are in portal-inputs.ts;
 * what is typed in with evidence (P1.1.x A, P2.1, P2.7, P3.3, overrides) in
 * ../typed-inputs/; quarter-score.ts merges them all.
 */
import type { Queryable } from '../../../db/client.js';
import { findKind, INDICATORS, type MaterialIndicator } from '../../outreach/materials/material-kinds.js';
import { indicatorLevel, materialStatus, type MaterialStatus } from '../../outreach/materials/material-status.js';

/**
 * Where an input's value came from:
 * - 'materials' / 'events': the outreach records (this file);
 * - 'portal': the portal's own figures — accounts activated (P1.3 A), service
 *   centres' published hours, organisations' headcounts (P1.1.x B) — see portal-inputs.ts;
 * - 'targets': the region's quarterly target (P1.3 C, ../targets/);
 * - 'centre_checks': the service-centre requirements of P1.2 (portal facts + checks typed by the coordinator);
 * - 'typed': typed in with evidence (../typed-inputs/).
 */
export type InputOrigin = 'portal' | 'targets' | 'centre_checks' | 'typed' | 'materials' | 'events' | 'reception';

/** What a typed value carries: the note, who entered it and when, links and evidence files. */
export interface TypedEvidence {
  note: string;
  links: { url: string; title: string }[];
  /** the staff member who entered it (a staff name, not a citizen's) */
  enteredBy: { id: string | null; name: string };
  /** ISO timestamp */
  enteredAt: string;
  /** evidence files (attachments with owner_type 'score_input'), served at /files/:id */
  attachments: { id: string; fileName: string; mediaType: string; sizeBytes: number }[];
}

export interface InputSource {
  input: string;
  value: number;
  origin: InputOrigin;
  /** in Russian: exactly where the value came from */
  text: string;
  /** origin 'typed' only */
  typed?: TypedEvidence;
  /**
   * true on a system value that a typed override replaced; it stays in the
   * list (after the typed source that replaced it) so both can be shown.
   */
  replaced?: boolean;
}

/** An input the system would fill but cannot, and why (in Russian): «цель на квартал не задана регионом». */
export interface MissingInput {
  input: string;
  origin: InputOrigin;
  text: string;
}

export interface SystemInputs {
  inputs: Record<string, Record<string, number>>;
  sources: Record<string, InputSource[]>;
}

export interface Quarter {
  year: number;
  quarter: 1 | 2 | 3 | 4;
}

export interface SystemInputsQuery extends Quarter {
  regionId: string;
  municipalityId: string;
  /** today in the region's time zone, YYYY-MM-DD */
  today: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** First and last day (YYYY-MM-DD) of a calendar quarter. */
export function quarterBounds(q: Quarter): { from: string; to: string } {
  const firstMonth = (q.quarter - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  const lastDay = new Date(Date.UTC(q.year, lastMonth, 0)).getUTCDate();
  return { from: `${q.year}-${pad(firstMonth)}-01`, to: `${q.year}-${pad(lastMonth)}-${pad(lastDay)}` };
}

/** The quarter containing a YYYY-MM-DD date. */
export function quarterOf(date: string): Quarter {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return { year: y, quarter: (Math.floor((m - 1) / 3) + 1) as Quarter['quarter'] };
}

/** '2026-Q3' → { year: 2026, quarter: 3 }; null when malformed. */
export function parseQuarter(text: string): Quarter | null {
  const m = /^(\d{4})-Q([1-4])$/.exec(text.trim());
  return m ? { year: Number(m[1]), quarter: Number(m[2]) as Quarter['quarter'] } : null;
}

export const formatQuarter = (q: Quarter) => `${q.year}-Q${q.quarter}`;

export function previousQuarter(q: Quarter): Quarter {
  return q.quarter === 1 ? { year: q.year - 1, quarter: 4 } : { year: q.year, quarter: (q.quarter - 1) as Quarter['quarter'] };
}

/** The given quarter and the ones before it, newest first (the quarter pickers offer eight). */
export function recentQuarters(current: Quarter, count = 8): Quarter[] {
  const out: Quarter[] = [current];
  while (out.length < count) out.push(previousQuarter(out[out.length - 1]!));
  return out;
}

const ruDate = (iso: string) => iso.split('-').reverse().join('.');

/** Event formats (EVENT_FORMATS keys) and organisation kinds that feed each indicator. */
export const EVENT_RULES = {
  'P2.6': { formats: ['culture_seminar'], organisationKinds: ['culture'] },
  'P3.1': { formats: ['parents_meeting'], organisationKinds: ['school', 'kindergarten'] },
  'P2.8': { formats: ['e_services_day'], organisationKinds: [] },
} as const satisfies Record<string, { formats: readonly string[]; organisationKinds: readonly string[] }>;

/** The node id and input name an indicator part of the materials fills. */
const MATERIAL_TARGET: Record<MaterialIndicator, { nodeId: string; input: string }> = {
  'P2.2': { nodeId: 'P2.2', input: 'n' },
  'P2.3n': { nodeId: 'P2.3', input: 'n' },
  'P2.3m': { nodeId: 'P2.3', input: 'm' },
  'P2.4': { nodeId: 'P2.4', input: 'n' },
  'P2.5': { nodeId: 'P2.5', input: 'n' },
  'P3.2': { nodeId: 'P3.2', input: 'n' },
};

function materialsText(label: string, asOf: string, statuses: MaterialStatus[], updateMatters: boolean): string {
  const head = `Материалы «${label}» на ${ruDate(asOf)}`;
  if (statuses.length === 0) return `${head}: не записано ни одного`;
  const posted = statuses.filter((s) => s !== 'not_posted').length;
  const updated = statuses.filter((s) => s === 'posted_and_updated').length;
  const parts = [`записано ${statuses.length}`, `размещено ${posted}`];
  if (updateMatters) parts.push(`обновлено в срок ${updated}`);
  return `${head}: ${parts.join(', ')}`;
}

interface EventRow {
  title: string;
  heldOn: string;
  format: string;
  organisationKind: string | null;
}

function eventsText(what: string, bounds: { from: string; to: string }, matched: EventRow[]): string {
  const head = `Мероприятия в квартале (${ruDate(bounds.from)}–${ruDate(bounds.to)}), ${what}: ${matched.length}`;
  if (matched.length === 0) return head;
  return `${head} — ${matched.map((e) => `${ruDate(e.heldOn)} «${e.title}»`).join('; ')}`;
}

export async function systemInputs(db: Queryable, query: SystemInputsQuery): Promise<SystemInputs> {
  const bounds = quarterBounds(query);
  const asOf = query.today < bounds.to ? query.today : bounds.to;
  const inputs: Record<string, Record<string, number>> = {};
  const sources: Record<string, InputSource[]> = {};
  const put = (nodeId: string, source: InputSource) => {
    (inputs[nodeId] ??= {})[source.input] = source.value;
    (sources[nodeId] ??= []).push(source);
  };

  // Materials: the latest update made up to asOf (posting counts as the first update, see materialStatus).
  const materials = await db.query<{ kind: string; posted_on: string | null; last_updated_on: string | null }>(
    `select a.kind, to_char(a.posted_on, 'YYYY-MM-DD') as posted_on,
            to_char((select max(u.updated_on) from outreach_material_updates u where u.material_id = a.id and u.updated_on <= $3::date), 'YYYY-MM-DD') as last_updated_on
       from outreach_materials a
      where a.region_id = $1 and a.municipality_id = $2`,
    [query.regionId, query.municipalityId, asOf],
  );
  for (const indicator of INDICATORS) {
    const statuses: MaterialStatus[] = [];
    for (const m of materials.rows) {
      const kind = findKind(m.kind);
      if (kind?.indicator !== indicator.key) continue;
      statuses.push(materialStatus({ postedOn: m.posted_on, lastUpdatedOn: m.last_updated_on }, kind, asOf));
    }
    const value = indicatorLevel(statuses, indicator);
    const target = MATERIAL_TARGET[indicator.key];
    put(target.nodeId, { input: target.input, value, origin: 'materials', text: materialsText(indicator.label, asOf, statuses, indicator.updateMatters) });
  }

  // Events held in the quarter.
  const events = await db.query<{ title: string; held_on: string; format: string; organisation_kind: string | null }>(
    `select e.title, to_char(e.held_on, 'YYYY-MM-DD') as held_on, e.format, o.kind as organisation_kind
       from outreach_events e
       left join organisations o on o.id = e.organisation_id
      where e.region_id = $1 and e.municipality_id = $2 and e.held_on between $3::date and $4::date
      order by e.held_on, e.title`,
    [query.regionId, query.municipalityId, bounds.from, bounds.to],
  );
  const rows: EventRow[] = events.rows.map((r) => ({ title: r.title, heldOn: r.held_on, format: r.format, organisationKind: r.organisation_kind }));
  const matching = (nodeId: keyof typeof EVENT_RULES) => {
    const rule = EVENT_RULES[nodeId];
    return rows.filter(
      (e) => (rule.formats as readonly string[]).includes(e.format) || (e.organisationKind !== null && (rule.organisationKinds as readonly string[]).includes(e.organisationKind)),
    );
  };

  const culture = matching('P2.6');
  const p26 = culture.length >= 2 ? 1 : culture.length === 1 ? 0.5 : 0;
  put('P2.6', { input: 'n', value: p26, origin: 'events', text: eventsText('беседы и семинары в учреждениях культуры', bounds, culture) });

  const schools = matching('P3.1');
  put('P3.1', { input: 'n', value: schools.length >= 1 ? 1 : 0, origin: 'events', text: eventsText('семинары и родительские собрания в школах и детских садах', bounds, schools) });

  const mass = matching('P2.8');
  put('P2.8', { input: 'n', value: mass.length >= 1 ? 1 : 0, origin: 'events', text: eventsText('дни электронных услуг (массовые мероприятия)', bounds, mass) });

  return { inputs, sources };
}
