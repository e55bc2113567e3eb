/**
 * The inputs of the seed-002 model that the portal itself knows, for one
 * municipality and one calendar quarter, each with where it came from.
 *
 * P1.3 (growth of registered citizens against the target)
 *   A = citizens whose municipality is M, whose account became active
 *       (citizens.activated_at) within the quarter — the quarter's days in the
 *       REGION's time zone, i.e. from its first day 00:00 to the next quarter's
 *       first day 00:00 local time — and that are not deleted (status <> 'deleted').
 *       Counted in SQL with timestamp bounds, so the (municipality_id, activated_at)
 *       index answers it without reading accounts one by one.
 *   C = municipality_targets.registered_target of the quarter (../targets/); no
 *       target → C is missing: «цель на квартал не задана регионом».
 *
 * P1.2 (the service centre's requirements), n = requirements met of 4:
 *   badge · schedule published · sign at the entrance · current materials on the stands.
 *   Which centres: the municipality's service centres of type 'municipal_centre' —
 *   seed 002 item 1.2 scores «Центры обслуживания, расположенные на базе
 *   администраций»; the МФЦ and post offices are not the municipality's.
 *   - schedule: met automatically when the centre's opening hours are published
 *     on the portal (service_centres.hours, shown on the activation-points map);
 *   - materials: met automatically when the stands' level P2.2 at the quarter's
 *     end (or today, if earlier) is 1 — «размещена и обновляется»;
 *   - badge, sign: only from a centre check typed by the coordinator with a photo
 *     (centre_checks + attachments owner_type 'centre_check');
 *   - a centre check on schedule or materials overrides the automatic answer (with a note).
 *   With several centres a requirement is met when it is met at EVERY centre.
 *   A requirement not yet checked at some centre leaves n missing (never counted
 *   as 0); a municipality with no centre at its administration has n = 0.
 *
 * P1.1.1 / P1.1.2 B (all municipal employees / all employees of subordinate
 *   institutions) = the sum of organisations.employees of the municipality's
 *   organisations of kind 'administration' / of the municipal institutions'
 *   kinds SUBORDINATE_KINDS. Health, social protection and МФЦ organisations are
 *   regional (ГУЗ, ГКУ, ГАУ), not subordinate to the municipality, so they are
 *   left out and named in the source. A missing headcount makes B missing; an
 *   illustrative one is used and said so. The coordinator may type B over it
 *   with evidence (../typed-inputs/).
 */
import type { Queryable } from '../../../db/client.js';
import type { OpeningHoursRow } from '../../../db/schema/territory.js';
import { formatNumberRu } from '../formula/index.js';
import { municipalityTarget } from '../targets/targets.repository.js';
import { quarterBounds, type InputSource, type MissingInput, type Quarter, type SystemInputsQuery } from './system-inputs.js';

export const CENTRE_REQUIREMENTS = ['badge', 'schedule', 'sign', 'materials'] as const;
export type CentreRequirement = (typeof CENTRE_REQUIREMENTS)[number];

/** Requirements the portal answers by itself (a check may override them). */
export const AUTOMATIC_REQUIREMENTS: ReadonlySet<CentreRequirement> = new Set(['schedule', 'materials']);

export const REQUIREMENT_LABEL: Record<CentreRequirement, string> = {
  badge: 'бейдж у сотрудника',
  schedule: 'график работы опубликован',
  sign: 'вывеска у входа',
  materials: 'актуальные материалы Репозитория на стендах',
};

/** Organisation kinds counted as the municipality's subordinate institutions (P1.1.2). */
export const SUBORDINATE_KINDS: readonly string[] = ['school', 'kindergarten', 'culture', 'other'];
/** Kinds in a municipality that are regional, not municipal: left out of P1.1.2. */
export const REGIONAL_KINDS: readonly string[] = ['health', 'social_protection', 'mfc'];

export interface EvidenceFile {
  id: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
}

export interface CentreCheckView {
  id: string;
  met: boolean;
  note: string;
  checkedBy: { id: string | null; name: string };
  /** ISO timestamp */
  checkedAt: string;
  attachments: EvidenceFile[];
}

export interface RequirementState {
  requirement: CentreRequirement;
  /** what the portal says by itself (schedule, materials); null for badge and sign */
  automatic: { met: boolean; text: string } | null;
  check: CentreCheckView | null;
  /** the check if any, else the automatic answer; null = not known yet */
  met: boolean | null;
}

export interface CentreStatus {
  id: string;
  name: string;
  requirements: RequirementState[];
}

export interface CentreRequirements {
  centres: CentreStatus[];
  /** requirements met at every centre; null while some requirement is not known at some centre */
  n: number | null;
  text: string;
}

export interface PortalInputs {
  inputs: Record<string, Record<string, number>>;
  sources: Record<string, InputSource[]>;
  missing: Record<string, MissingInput[]>;
}

export interface PortalInputsOptions {
  /** P2.2's level (0, 0.5 or 1) from the materials, as of `asOf` */
  standsLevel: number;
  /** the day materials were judged on: min(today, the quarter's last day), YYYY-MM-DD */
  asOf: string;
  /** the region's time zone when the caller already has it (saves a query) */
  timeZone?: string;
}

const ruDate = (iso: string) => iso.slice(0, 10).split('-').reverse().join('.');
/** dd.mm.yyyy of a moment in the region's time zone (UTC when not known). */
const localDate = (iso: string, timeZone = 'UTC') => new Intl.DateTimeFormat('ru-RU', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(iso));
const num = (n: number) => formatNumberRu(n);

export async function regionTimeZone(db: Queryable, regionId: string): Promise<string> {
  const { rows } = await db.query<{ time_zone: string }>('select time_zone from regions where id = $1', [regionId]);
  if (!rows[0]) throw new Error(`unknown region ${regionId}`);
  return String(rows[0].time_zone);
}

/** The first day of the quarter after `q`, YYYY-MM-DD. */
export function nextQuarterStart(q: Quarter): string {
  return q.quarter === 4 ? `${q.year + 1}-01-01` : `${q.year}-${String(q.quarter * 3 + 1).padStart(2, '0')}-01`;
}

/**
 * P1.3 A: accounts of the municipality activated within the quarter (local days
 * of `timeZone`) and not deleted. One indexed count.
 */
export async function activatedInQuarter(db: Queryable, municipalityId: string, q: Quarter, timeZone: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `select count(*)::int as n from citizens
      where municipality_id = $1
        and activated_at >= ($2::timestamp at time zone $4::text)
        and activated_at < ($3::timestamp at time zone $4::text)
        and status <> 'deleted'`,
    [municipalityId, `${quarterBounds(q).from} 00:00:00`, `${nextQuarterStart(q)} 00:00:00`, timeZone],
  );
  return Number(rows[0]!.n);
}

function hoursPublished(hours: OpeningHoursRow[] | null): { met: boolean; text: string } {
  const days = Array.isArray(hours) ? hours.filter((h) => h && h.opens && h.closes).length : 0;
  return days > 0
    ? { met: true, text: `часы работы опубликованы на портале (карта пунктов активации): ${days} дн. в неделю` }
    : { met: false, text: 'часы работы на портале не опубликованы' };
}

function standsAnswer(level: number, asOf: string): { met: boolean; text: string } {
  const words = level >= 1 ? 'размещена и обновляется' : level > 0 ? 'размещена, не обновляется' : 'не размещена';
  return { met: level >= 1, text: `информация на стендах (P2.2) на ${ruDate(asOf)}: n = ${num(level)} — ${words}` };
}

/**
 * The four requirements at each of the municipality's centres and n. Three
 * queries: the centres, their checks for the quarter, the checks' photos.
 */
export async function centreRequirements(db: Queryable, municipalityId: string, q: Quarter, options: PortalInputsOptions): Promise<CentreRequirements> {
  const centres = await db.query<{ id: string; name: string; hours: OpeningHoursRow[] | null }>(
    `select id, name, hours from service_centres where municipality_id = $1 and type = 'municipal_centre' order by name, id`,
    [municipalityId],
  );
  if (centres.rows.length === 0) {
    return { centres: [], n: 0, text: 'В муниципальном образовании нет центра обслуживания на базе администрации — требования не выполнены, n = 0' };
  }
  const ids = centres.rows.map((c) => String(c.id));
  const checks = await db.query<{ id: string; service_centre_id: string; requirement: string; met: boolean; note: string; checked_by: string | null; full_name: string | null; checked_at: string }>(
    `select c.id, c.service_centre_id, c.requirement, c.met, c.note, c.checked_by, s.full_name, c.checked_at
       from centre_checks c left join staff_users s on s.id = c.checked_by
      where c.service_centre_id = any($1::uuid[]) and c.year = $2 and c.quarter = $3`,
    [ids, q.year, q.quarter],
  );
  const files = await evidenceFiles(db, 'centre_check', checks.rows.map((c) => String(c.id)));

  const out: CentreStatus[] = centres.rows.map((c) => {
    const requirements = CENTRE_REQUIREMENTS.map((requirement): RequirementState => {
      const row = checks.rows.find((k) => String(k.service_centre_id) === String(c.id) && k.requirement === requirement);
      const check: CentreCheckView | null = row
        ? {
            id: String(row.id),
            met: Boolean(row.met),
            note: String(row.note),
            checkedBy: { id: row.checked_by ? String(row.checked_by) : null, name: row.full_name ?? '' },
            checkedAt: new Date(row.checked_at).toISOString(),
            attachments: files.get(String(row.id)) ?? [],
          }
        : null;
      const automatic = requirement === 'schedule' ? hoursPublished(c.hours) : requirement === 'materials' ? standsAnswer(options.standsLevel, options.asOf) : null;
      return { requirement, automatic, check, met: check ? check.met : automatic ? automatic.met : null };
    });
    return { id: String(c.id), name: String(c.name), requirements };
  });

  let n = 0;
  let unknown = false;
  const parts: string[] = [];
  for (const requirement of CENTRE_REQUIREMENTS) {
    const states = out.map((c) => c.requirements.find((r) => r.requirement === requirement)!);
    if (states.some((s) => s.met === null)) unknown = true;
    else if (states.every((s) => s.met)) n += 1;
  }
  for (const c of out) {
    const items = c.requirements.map((r) => {
      const how = r.check
        ? `${r.check.met ? 'выполнено' : 'не выполнено'} (проверка координатора ${localDate(r.check.checkedAt, options.timeZone)}${r.check.attachments.length ? `, фото: ${r.check.attachments.length}` : ''}${r.automatic ? `; по данным портала: ${r.automatic.text}` : ''})`
        : r.automatic
          ? `${r.automatic.met ? 'выполнено' : 'не выполнено'} — ${r.automatic.text}`
          : 'не проверено';
      return `${REQUIREMENT_LABEL[r.requirement]} — ${how}`;
    });
    parts.push(`«${c.name}»: ${items.join('; ')}`);
  }
  const rule = out.length > 1 ? ' Требование выполнено, если оно выполнено в каждом центре.' : '';
  const head = unknown ? 'Не все требования проверены' : `Выполнено требований: ${n} из 4`;
  return { centres: out, n: unknown ? null : n, text: `${head}.${rule} ${parts.join('. ')}` };
}

/** Evidence files of several owners of one type, by owner id (metadata only). */
export async function evidenceFiles(db: Queryable, ownerType: string, ownerIds: string[]): Promise<Map<string, EvidenceFile[]>> {
  const out = new Map<string, EvidenceFile[]>();
  if (ownerIds.length === 0) return out;
  const { rows } = await db.query<{ id: string; owner_id: string; file_name: string; media_type: string; size_bytes: number }>(
    `select id, owner_id, file_name, media_type, size_bytes from attachments
      where owner_type = $1 and owner_id = any($2::uuid[]) order by created_at, file_name, id`,
    [ownerType, ownerIds],
  );
  for (const r of rows) {
    const list = out.get(String(r.owner_id)) ?? [];
    list.push({ id: String(r.id), fileName: String(r.file_name), mediaType: String(r.media_type), sizeBytes: Number(r.size_bytes) });
    out.set(String(r.owner_id), list);
  }
  return out;
}

interface OrgRow {
  short_name: string;
  kind: string;
  employees: number | null;
  employees_illustrative: boolean;
}

function headcount(
  what: string,
  orgs: OrgRow[],
  left: OrgRow[],
): { value: number; text: string } | { value: null; text: string } {
  const leftOut = left.length ? ` Не учитываются (краевые учреждения): ${left.map((o) => o.short_name).join(', ')}.` : '';
  if (orgs.length === 0) return { value: null, text: `На портале нет организаций: ${what}.${leftOut}` };
  const unknown = orgs.filter((o) => o.employees === null);
  if (unknown.length) return { value: null, text: `Численность не указана на портале: ${unknown.map((o) => `«${o.short_name}»`).join(', ')} (${what}).${leftOut}` };
  const total = orgs.reduce((s, o) => s + Number(o.employees), 0);
  const terms = orgs.map((o) => `${o.short_name} ${num(Number(o.employees))}${o.employees_illustrative ? ' (условные данные)' : ''}`);
  const sum = orgs.length > 1 ? `${terms.join(' + ')} = ${num(total)}` : terms[0]!;
  return { value: total, text: `Численность по карточкам организаций на портале (${what}): ${sum}.${leftOut}` };
}

/**
 * P1.3 A and C, P1.2 n, P1.1.1 B and P1.1.2 B. Queries: the region's time zone,
 * the activation count, the target, the organisations, and the three of
 * centreRequirements — the same few whatever the model.
 */
export async function portalInputs(db: Queryable, query: SystemInputsQuery, options: PortalInputsOptions): Promise<PortalInputs> {
  const inputs: PortalInputs['inputs'] = {};
  const sources: PortalInputs['sources'] = {};
  const missing: PortalInputs['missing'] = {};
  const put = (nodeId: string, source: InputSource) => {
    (inputs[nodeId] ??= {})[source.input] = source.value;
    (sources[nodeId] ??= []).push(source);
  };
  const gap = (nodeId: string, m: MissingInput) => (missing[nodeId] ??= []).push(m);

  // P1.3
  const timeZone = options.timeZone ?? (await regionTimeZone(db, query.regionId));
  const bounds = quarterBounds(query);
  const activated = await activatedInQuarter(db, query.municipalityId, query, timeZone);
  put('P1.3', {
    input: 'A',
    value: activated,
    origin: 'portal',
    text: `Учётные записи жителей муниципального образования, ставшие активными с ${ruDate(bounds.from)} по ${ruDate(bounds.to)} (время ${timeZone}) и не удалённые: ${num(activated)}`,
  });
  const target = await municipalityTarget(db, query.municipalityId, query.year, query.quarter);
  if (target) put('P1.3', { input: 'C', value: target.registeredTarget, origin: 'targets', text: `Цель региона на ${query.quarter} квартал ${query.year} г.: зарегистрировать ${num(target.registeredTarget)} граждан` });
  else gap('P1.3', { input: 'C', origin: 'targets', text: 'цель на квартал не задана регионом' });

  // P1.2
  const centres = await centreRequirements(db, query.municipalityId, query, options);
  if (centres.n === null) gap('P1.2', { input: 'n', origin: 'centre_checks', text: centres.text });
  else put('P1.2', { input: 'n', value: centres.n, origin: 'centre_checks', text: centres.text });

  // P1.1.1 B, P1.1.2 B
  const orgs = await db.query<OrgRow>(
    'select short_name, kind, employees, employees_illustrative from organisations where municipality_id = $1 order by short_name',
    [query.municipalityId],
  );
  const admin = headcount('администрация', orgs.rows.filter((o) => o.kind === 'administration'), []);
  const subordinate = headcount(
    'подведомственные учреждения: школы, детские сады, учреждения культуры и прочие муниципальные',
    orgs.rows.filter((o) => SUBORDINATE_KINDS.includes(o.kind)),
    orgs.rows.filter((o) => REGIONAL_KINDS.includes(o.kind)),
  );
  for (const [nodeId, h] of [['P1.1.1', admin], ['P1.1.2', subordinate]] as const) {
    if (h.value === null) gap(nodeId, { input: 'B', origin: 'portal', text: h.text });
    else put(nodeId, { input: 'B', value: h.value, origin: 'portal', text: h.text });
  }
  return { inputs, sources, missing };
}
