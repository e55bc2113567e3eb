/**
 * The kinds of repository materials a municipality posts, as data: the section of
 * the Ministry's repository, where the material lives (on the web: a URL; physical:
 * an organisation and a room), the update cadence required, and the indicator of
 * the seed-002 scoring it feeds.
 *
 * Cadences follow the scoring of seed 002 ("updated at least quarterly" for the
 * website section, social networks and stands; "at least monthly" for news).
 */
export type MaterialPlace = 'web' | 'physical';

export interface Cadence {
  unit: 'week' | 'month' | 'quarter';
  every: 1;
}

/**
 * The scored part a kind feeds. P2.3 has two parts: n (the website section) and
 * m (articles and news), each 0 / 0.25 / 0.5.
 */
export type MaterialIndicator = 'P2.2' | 'P2.3n' | 'P2.3m' | 'P2.4' | 'P2.5' | 'P3.2';

export interface MaterialKind {
  key: string;
  title: string;
  /** the repository section, e.g. «2.1 Информационные стенды» */
  section: string;
  place: MaterialPlace;
  cadence: Cadence;
  indicator: MaterialIndicator | null;
}

const quarterly: Cadence = { unit: 'quarter', every: 1 };
const monthly: Cadence = { unit: 'month', every: 1 };

export const MATERIAL_KINDS = [
  { key: 'banner_link', title: 'Баннер-ссылка на ЕПГУ на сайте', section: '1.1 Баннер-ссылка на ЕПГУ', place: 'web', cadence: quarterly, indicator: 'P2.4' },
  { key: 'website_section', title: 'Тематический раздел на официальном сайте', section: '1.2 Тематический раздел сайта', place: 'web', cadence: quarterly, indicator: 'P2.3n' },
  { key: 'video', title: 'Видеоролики и обучающие материалы', section: '1.4–1.5 Видеоролики', place: 'web', cadence: quarterly, indicator: null },
  { key: 'stand', title: 'Информационный стенд', section: '2.1 Информационные стенды', place: 'physical', cadence: quarterly, indicator: 'P2.2' },
  { key: 'demo_system', title: 'Демосистема', section: '2.2 Демосистемы', place: 'physical', cadence: quarterly, indicator: 'P2.2' },
  { key: 'screen_video', title: 'Видеоролики на информационных панелях', section: '2.4 Информационные панели и инфоматы', place: 'physical', cadence: quarterly, indicator: null },
  { key: 'school_stand', title: 'Стенд в школе или детском саду', section: '2.1 Информационные стенды (школы и детские сады)', place: 'physical', cadence: quarterly, indicator: 'P3.2' },
  { key: 'news', title: 'Новости и статьи на официальном сайте', section: '3.1 Новости', place: 'web', cadence: monthly, indicator: 'P2.3m' },
  { key: 'social', title: 'Публикации в социальных сетях', section: '3.2 Социальные сети', place: 'web', cadence: quarterly, indicator: 'P2.5' },
  { key: 'leaflets', title: 'Листовки и буклеты', section: 'Полиграфия (листовки, буклеты)', place: 'physical', cadence: quarterly, indicator: null },
] as const satisfies readonly MaterialKind[];

export type MaterialKindKey = (typeof MATERIAL_KINDS)[number]['key'];

export function findKind(key: string): MaterialKind | undefined {
  return (MATERIAL_KINDS as readonly MaterialKind[]).find((k) => k.key === key);
}

export const CADENCE_LABEL: Record<Cadence['unit'], string> = { week: 'еженедельно', month: 'ежемесячно', quarter: 'ежеквартально' };

/** The indicators shown at the top of the list, with their scale: the most a part gives. */
export const INDICATORS: ReadonlyArray<{ key: MaterialIndicator; label: string; max: number; updateMatters: boolean }> = [
  { key: 'P2.2', label: 'P2.2 Информационные стенды', max: 1, updateMatters: true },
  { key: 'P2.3n', label: 'P2.3 n — тематический раздел сайта', max: 0.5, updateMatters: true },
  { key: 'P2.3m', label: 'P2.3 m — статьи и новости', max: 0.5, updateMatters: true },
  // P2.4: posted gives the maximum 0.5; updating does not count
  { key: 'P2.4', label: 'P2.4 Баннер-ссылка на ЕПГУ', max: 0.5, updateMatters: false },
  { key: 'P2.5', label: 'P2.5 Социальные сети', max: 1, updateMatters: true },
  { key: 'P3.2', label: 'P3.2 Стенды в школах и детских садах', max: 1, updateMatters: true },
];
