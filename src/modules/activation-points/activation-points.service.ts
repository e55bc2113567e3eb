/**
 * «Пункты активации»: where a citizen confirms their identity (step 4).
 *
 * The points are the territory module's service centres; this file adds what
 * the public search needs on top of them, as pure functions where possible:
 * - opening state in the region's time zone (lunch breaks, days off, next opening);
 * - a gazetteer of settlements parsed from the centres' own addresses
 *   («с. Калга», «г. Чита», «пгт Агинское»), each placed at the mean of its centres;
 * - straight-line (haversine) distances from a settlement or the browser's location;
 * - filtering, sorting and pages of 20.
 * `searchActivationPoints` is the one function that reads the database.
 */
import type { Queryable } from '../../db/client.js';
import type { OpeningHoursRow } from '../../db/schema/territory.js';
import { formatNumber, plural, type Lang } from '../../platform/i18n.js';
import {
  listMunicipalities,
  listRegions,
  listServiceCentres,
  type MunicipalityView,
  type RegionView,
  type ServiceCentreView,
} from '../territory/territory.repository.js';
import { activationPointMessages as t } from './activation-points.messages.js';

export const CAPABILITIES = ['register', 'confirm', 'restore', 'delete'] as const;
export type Capability = (typeof CAPABILITIES)[number];
export const POINT_TYPES = ['mfc', 'post_office', 'municipal_centre'] as const;
export type PointType = (typeof POINT_TYPES)[number];
export const PAGE_SIZE = 20;

export interface LatLon {
  lat: number;
  lon: number;
}

/* ------------------------------------------------------------ local time */

export type IsoDay = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface LocalTime {
  /** ISO weekday, 1 = Monday */
  day: IsoDay;
  /** minutes since local midnight */
  minutes: number;
}

const WEEKDAYS: Record<string, IsoDay> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** The weekday and time of day of `now` in the IANA zone (Asia/Chita for the demo region). */
export function localTime(now: Date, timeZone: string): LocalTime {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { day: WEEKDAYS[get('weekday')] ?? 1, minutes: Number(get('hour')) * 60 + Number(get('minute')) };
}

/** «UTC+9» for Asia/Chita. */
export function utcOffsetLabel(now: Date, timeZone: string): string {
  const name = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'shortOffset' }).formatToParts(now).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  return name === 'GMT' || name === 'GMT+0' ? 'UTC' : name.replace('GMT', 'UTC');
}

/** 'HH:MM' → minutes since midnight. */
export function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':');
  return Number(h) * 60 + Number(m ?? 0);
}

function toHhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The open intervals [from, to) of one day in minutes: two when there is a lunch break. */
export function dayIntervals(h: OpeningHoursRow): Array<[number, number]> {
  const opens = toMinutes(h.opens);
  const closes = toMinutes(h.closes);
  if (h.breakFrom && h.breakTo) {
    const from = toMinutes(h.breakFrom);
    const to = toMinutes(h.breakTo);
    return [
      [opens, from],
      [to, closes],
    ].filter(([a, b]) => b! > a!) as Array<[number, number]>;
  }
  return closes > opens ? [[opens, closes]] : [];
}

export type OpenStatus =
  | { state: 'open'; until: string; breakUntil?: string }
  | { state: 'break'; until: string }
  | { state: 'closed'; next: { inDays: number; day: IsoDay; at: string } | null };

/**
 * Whether a point is open at the local time, and until when; when closed, when
 * it opens next (today, tomorrow, or a weekday within a week). Closing time
 * and the start of the break are exclusive: at 13:00 with a 13:00–14:00 break
 * the point is on its break.
 */
export function openStatus(hours: OpeningHoursRow[], now: LocalTime): OpenStatus {
  const byDay = new Map(hours.map((h) => [h.day, h]));
  const today = byDay.get(now.day);
  if (today) {
    const iv = dayIntervals(today);
    const current = iv.find(([a, b]) => now.minutes >= a && now.minutes < b);
    if (current) {
      const endsAtBreak = today.breakFrom && today.breakTo && current[1] === toMinutes(today.breakFrom);
      return endsAtBreak ? { state: 'open', until: toHhmm(current[1]), breakUntil: today.breakTo! } : { state: 'open', until: toHhmm(current[1]) };
    }
    if (today.breakFrom && today.breakTo && now.minutes >= toMinutes(today.breakFrom) && now.minutes < toMinutes(today.breakTo)) {
      return { state: 'break', until: today.breakTo };
    }
    const later = iv.find(([a]) => a > now.minutes);
    if (later) return { state: 'closed', next: { inDays: 0, day: now.day, at: toHhmm(later[0]) } };
  }
  for (let i = 1; i <= 7; i++) {
    const day = (((now.day - 1 + i) % 7) + 1) as IsoDay;
    const h = byDay.get(day);
    const first = h ? dayIntervals(h)[0] : undefined;
    if (first) return { state: 'closed', next: { inDays: i, day, at: toHhmm(first[0]) } };
  }
  return { state: 'closed', next: null };
}

export function isOpenNow(hours: OpeningHoursRow[], now: LocalTime): boolean {
  return openStatus(hours, now).state === 'open';
}

/** «Открыто до 13:00, затем перерыв до 14:00», «Закрыто, откроется в понедельник в 08:00». */
export function describeStatus(lang: Lang, status: OpenStatus): string {
  if (status.state === 'open') {
    return status.breakUntil ? t(lang, 'openUntilBreak', { time: status.until, to: status.breakUntil }) : t(lang, 'openUntil', { time: status.until });
  }
  if (status.state === 'break') return t(lang, 'onBreak', { time: status.until });
  if (!status.next) return t(lang, 'closedNoHours');
  if (status.next.inDays === 0) return t(lang, 'closedOpensToday', { time: status.next.at });
  if (status.next.inDays === 1) return t(lang, 'closedOpensTomorrow', { time: status.next.at });
  return t(lang, 'closedOpensOn', { day: t(lang, 'daysOn').split(',')[status.next.day - 1] ?? '', time: status.next.at });
}

/* -------------------------------------------------------------- distance */

const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in kilometres (haversine, mean Earth radius). */
export function haversineKm(a: LatLon, b: LatLon): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** «12,3 км» (one decimal below 100 km, whole kilometres above). */
export function formatDistance(lang: Lang, km: number): string {
  const digits = km < 100 ? 1 : 0;
  const n = new Intl.NumberFormat(lang === 'ru' ? 'ru-RU' : 'en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(km);
  return t(lang, 'km', { n });
}

/* ----------------------------------------------------------- settlements */

export interface Settlement {
  /** the abbreviation as written in the address: «г.», «с.», «пгт», «п.» … */
  kind: string;
  /** «Калга», «Петровск-Забайкальский», «Александровский Завод» */
  name: string;
  /** «с. Калга» */
  label: string;
}

// A settlement is the address part that starts with its kind. «д.» is also a house number
// («д. 20»), so a name must start with a capital letter.
const KINDS = 'г\\.|город|с\\.|село|пгт|рп|р\\.п\\.|п\\.|пос\\.|посёлок|поселок|д\\.|дер\\.|деревня|ст\\.|станция|ст-ца|у\\.|улус';
const SETTLEMENT_PART = new RegExp(`^(?:ЗАТО\\s+)?(${KINDS})\\s*([А-ЯЁ][^,]*)$`, 'u');
const QUERY_PREFIX = new RegExp(`^(?:зато\\s+)?(?:${KINDS.replace(/\\\./g, '\\.?')}|г|с|п|д|пос|дер|ст)\\.?\\s+`, 'u');

/** The settlement named in a Russian postal address, or null (e.g. «…, с. Калга, ул. Партизанская, д. 20» → с. Калга). */
export function parseSettlement(address: string): Settlement | null {
  for (const raw of address.split(',')) {
    const part = raw.trim().replace(/\s+/g, ' ');
    const m = SETTLEMENT_PART.exec(part);
    if (m) {
      const kind = m[1]!;
      const name = m[2]!.trim();
      return { kind, name, label: `${kind} ${name}` };
    }
  }
  return null;
}

/** Case-insensitive, ё = е, spaces and hyphens tidied; a leading kind («с.», «город», «пгт») is dropped. */
export function normalizeSettlementName(s: string): string {
  let v = s.toLocaleLowerCase('ru-RU').replace(/ё/g, 'е').replace(/\s+/g, ' ').replace(/\s*-\s*/g, '-').trim();
  for (let i = 0; i < 2; i++) v = v.replace(QUERY_PREFIX, '').trim();
  return v;
}

export interface GazetteerEntry extends LatLon {
  name: string;
  label: string;
  centreCount: number;
}

/** One entry per settlement that has a point; coordinates are the mean of that settlement's points. */
export function buildGazetteer(centres: Array<{ address: string } & LatLon>): GazetteerEntry[] {
  const acc = new Map<string, { s: Settlement; lat: number; lon: number; n: number }>();
  for (const c of centres) {
    const s = parseSettlement(c.address);
    if (!s) continue;
    const key = normalizeSettlementName(s.name);
    const e = acc.get(key);
    if (e) {
      e.lat += c.lat;
      e.lon += c.lon;
      e.n += 1;
    } else acc.set(key, { s, lat: c.lat, lon: c.lon, n: 1 });
  }
  return [...acc.values()]
    .map((e) => ({ name: e.s.name, label: e.s.label, lat: e.lat / e.n, lon: e.lon / e.n, centreCount: e.n }))
    .sort((a, b) => a.name.localeCompare(b.name, 'ru'));
}

const LATIN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p',
  р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

/**
 * A loose Latin skeleton, so «Chita», «Zabaykalsk» or «Zabaikalsk» find Чита and Забайкальск
 * whichever common romanisation was used: y/j/i are one letter, kh = h, soft signs vanish,
 * «ye»/«yo» = e. Applied to both sides, so a merged pair never makes two names differ.
 */
export function latinSkeleton(s: string): string {
  return [...normalizeSettlementName(s)]
    .map((ch) => LATIN[ch] ?? ch)
    .join('')
    .replace(/['’`ʹ]/g, '')
    .replace(/kh/g, 'h')
    .replace(/[yj]/g, 'i')
    .replace(/i+/g, 'i')
    .replace(/i([eo])/g, 'e'); // е/ё written «ye»/«yo» (Aginskoye, Ulyoty)
}

/**
 * The settlement a person typed: exact name first, then the first one that starts
 * with it; a name typed in Latin letters is compared by its transliteration.
 */
export function findSettlement(gazetteer: GazetteerEntry[], query: string): GazetteerEntry | null {
  const q = normalizeSettlementName(query);
  if (!q) return null;
  const key = /[a-z]/.test(q) ? latinSkeleton : normalizeSettlementName;
  const k = key(q);
  return gazetteer.find((g) => key(g.name) === k) ?? gazetteer.find((g) => key(g.name).startsWith(k)) ?? null;
}

/* ----------------------------------------------------------- plural text */

/** «1 пункт», «3 пункта», «5 пунктов», «21 пункт». */
export function pointCount(lang: Lang, n: number): string {
  const word = plural(lang, n, { one: t(lang, 'pointOne'), few: t(lang, 'pointFew'), many: t(lang, 'pointMany'), other: t(lang, 'pointOther') });
  return `${formatNumber(lang, n)} ${word}`;
}

/* ----------------------------------------------------- filtering & pages */

export interface PointFilter {
  /** every one of them must be possible at the point */
  capabilities: Capability[];
  type?: PointType;
  municipalityId?: string;
  openNow?: boolean;
  reference?: LatLon | null;
}

export interface PointResult {
  centre: ServiceCentreView;
  status: OpenStatus;
  distanceKm: number | null;
}

/** Filters the points; with a reference point they come nearest first (ties by name), else in the given order. */
export function filterPoints(centres: ServiceCentreView[], filter: PointFilter, now: LocalTime): PointResult[] {
  const out: PointResult[] = [];
  for (const c of centres) {
    if (!filter.capabilities.every((cap) => c.capabilities.includes(cap))) continue;
    if (filter.type && c.type !== filter.type) continue;
    if (filter.municipalityId && c.municipalityId !== filter.municipalityId) continue;
    const status = openStatus(c.hours, now);
    if (filter.openNow && status.state !== 'open') continue;
    out.push({ centre: c, status, distanceKm: filter.reference ? haversineKm(filter.reference, c) : null });
  }
  if (filter.reference) out.sort((a, b) => a.distanceKm! - b.distanceKm! || a.centre.name.localeCompare(b.centre.name, 'ru'));
  return out;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageCount: number;
}

/** Page `page` (1-based, clamped to the last page) of `size` items. */
export function paginate<T>(items: T[], page: number, size = PAGE_SIZE): Page<T> {
  const pageCount = Math.max(1, Math.ceil(items.length / size));
  const p = Math.min(Math.max(1, Math.trunc(page) || 1), pageCount);
  return { items: items.slice((p - 1) * size, p * size), total: items.length, page: p, pageCount };
}

/* --------------------------------------------------------------- the CSP */

export { tileImgSrc } from '../../platform/http/csp.js';

/* ------------------------------------------------------- the one query */

export interface SearchQuery {
  capabilities: Capability[];
  type?: PointType;
  /** municipality key */
  municipality?: string;
  /** a settlement name as typed */
  near?: string;
  lat?: number;
  lon?: number;
  openNow?: boolean;
  page?: number;
}

export interface Reference extends LatLon {
  /** a settlement label («с. Калга»), or null for the browser's location */
  settlement: string | null;
}

export interface SearchOutcome {
  region: RegionView | null;
  /** municipalities that have at least one point, for the filter */
  municipalities: MunicipalityView[];
  gazetteer: GazetteerEntry[];
  reference: Reference | null;
  /** the typed settlement is not in the gazetteer */
  nearNotFound: boolean;
  /** the municipality key is not one of the region's */
  municipalityNotFound: boolean;
  /** every matching point, in order (for the map) */
  all: PointResult[];
  page: Page<PointResult>;
  now: LocalTime;
  timeZone: string;
}

/**
 * Searches the activation points of the (first) region. A typed settlement
 * wins over coordinates: the location button clears the settlement field.
 */
export async function searchActivationPoints(db: Queryable, query: SearchQuery, at: Date = new Date()): Promise<SearchOutcome> {
  const region = (await listRegions(db))[0] ?? null;
  const timeZone = region?.timeZone ?? 'Europe/Moscow';
  const now = localTime(at, timeZone);
  if (!region) {
    return { region, municipalities: [], gazetteer: [], reference: null, nearNotFound: false, municipalityNotFound: false, all: [], page: paginate([], 1), now, timeZone };
  }
  const [centres, municipalities] = await Promise.all([listServiceCentres(db, { regionId: region.id }), listMunicipalities(db, region.id)]);
  const gazetteer = buildGazetteer(centres);

  let reference: Reference | null = null;
  let nearNotFound = false;
  const near = query.near?.trim();
  if (near) {
    const found = findSettlement(gazetteer, near);
    if (found) reference = { settlement: found.label, lat: found.lat, lon: found.lon };
    else nearNotFound = true;
  } else if (query.lat !== undefined && query.lon !== undefined) {
    reference = { settlement: null, lat: query.lat, lon: query.lon };
  }

  let municipalityId: string | undefined;
  let municipalityNotFound = false;
  if (query.municipality) {
    municipalityId = municipalities.find((m) => m.key === query.municipality)?.id;
    municipalityNotFound = municipalityId === undefined;
  }

  const all = filterPoints(centres, { capabilities: query.capabilities, type: query.type, municipalityId, openNow: query.openNow, reference }, now);
  return {
    region,
    municipalities: municipalities.filter((m) => m.serviceCentreCount > 0),
    gazetteer,
    reference,
    nearNotFound,
    municipalityNotFound,
    all,
    page: paginate(all, query.page ?? 1),
    now,
    timeZone,
  };
}
