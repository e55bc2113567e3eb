/** Texts of the ranking page (`GET /outreach/ranking`) and its XLSX export. */
import { defineMessages, type Lang } from '../../../platform/i18n.js';
import type { RankingRow } from './ranking.js';

export const rankingMessages = defineMessages({
  ru: {
    staffHome: 'Кабинет сотрудника',
    plansTitle: 'Планы мероприятий',
    title: 'Рейтинг муниципальных образований',
    caption: '{region}, {quarter}',
    lead: 'Муниципальные образования по приросту зарегистрированных и подтверждённых учётных записей жителей за квартал относительно цели каждого (пункт 1.3 плана Калганского района на 2018 год).',
    quarterLabel: '{quarter} квартал {year} г.',
    filterTitle: 'Что показать',
    quarter: 'Квартал',
    show: 'Показать',
    notFinished: 'Квартал ещё не закончился, данные на {date}.',
    finished: 'Квартал закончился {date}; данные за весь квартал.',
    howTitle: 'Как считается',
    howRegistered:
      'Прирост зарегистрированных — учётные записи жителей муниципального образования, ставшие действующими в квартале (по местному времени региона, {timeZone}); удалённые учётные записи не считаются.',
    howConfirmed: 'Прирост подтверждённых — учётные записи жителей, подтверждённые в квартале; удалённые не считаются.',
    howPercent:
      'Процент выполнения — прирост, делённый на цель квартала, умноженный на 100 и ограниченный 100 % (как показатель P1.3), чтобы перевыполнение одной цели не скрывало отставание по другой.',
    howCombined:
      'Совокупный показатель — среднее арифметическое двух процентов, округлённое до сотых. Места — по убыванию совокупного показателя; при равных показателях место общее, а следующее место пропускается (1, 2, 2, 4).',
    howUnranked: 'Муниципальные образования без цели на квартал или с нулевой целью в рейтинге не участвуют: они перечислены после мест с причиной.',
    howTrend: 'Изменение места — по сравнению с предыдущим кварталом ({previous}), посчитанным так же.',
    tableCaption: 'Рейтинг за {quarter}',
    colRank: 'Место',
    colMunicipality: 'Муниципальное образование',
    colRegistered: 'Прирост зарегистрированных',
    colConfirmed: 'Прирост подтверждённых',
    colCombined: 'Совокупный показатель, %',
    colTrend: 'Изменение места',
    colNote: 'Примечание',
    colRegisteredCount: 'Прирост зарегистрированных',
    colRegisteredTarget: 'Цель по зарегистрированным',
    colRegisteredPercent: 'Выполнение по зарегистрированным, %',
    colConfirmedCount: 'Прирост подтверждённых',
    colConfirmedTarget: 'Цель по подтверждённым',
    colConfirmedPercent: 'Выполнение по подтверждённым, %',
    growthOfTarget: '{growth} из {target} — {percent}\u00a0%',
    growthNoTarget: '{growth}, цель не задана',
    growthZeroTarget: '{growth}, цель 0',
    rankShared: '{rank} (общее)',
    unranked: 'вне рейтинга',
    reason_no_target: 'цель на квартал не задана',
    reason_zero_target: 'цель на квартал равна нулю — процент выполнения не определён',
    trend_up: 'выше на {n} (было {previous}-е место)',
    trend_down: 'ниже на {n} (было {previous}-е место)',
    trend_same: 'без изменений ({previous}-е место)',
    trend_new: 'впервые в рейтинге',
    trend_none: '—',
    sharesWith: 'делит место: {names}',
    tiesTitle: 'Общие места',
    tie: '{rank}-е место делят: {names} — совокупный показатель у каждого {combined}\u00a0%; следующее место — {next}-е.',
    noTies: 'Общих мест нет: совокупные показатели всех участников различаются.',
    unrankedTitle: 'Вне рейтинга',
    unrankedEmpty: 'Цели заданы всем муниципальным образованиям.',
    unrankedCaption: 'Муниципальные образования вне рейтинга за {quarter}',
    colReason: 'Причина',
    noMunicipalities: 'В регионе нет муниципальных образований.',
    download: 'Скачать рейтинг (XLSX)',
    targetsHint: 'Цели на квартал задаёт региональный администратор.',
    badQuarter: 'Квартал указывается как 2026-Q3 и не может быть позже текущего.',
    sheetTitle: 'Рейтинг муниципальных образований: {region}, {quarter}',
    sheetAsOf: 'Данные на {date}',
    sheetName: 'Рейтинг {quarter}',
  },
  en: {
    staffHome: 'Staff workplace',
    plansTitle: 'Outreach plans',
    title: 'Ranking of municipalities',
    caption: '{region}, {quarter}',
    lead: 'Municipalities by the quarter’s growth of registered and of confirmed residents’ accounts against each one’s target (item 1.3 of the Kalgansky district plan for 2018).',
    quarterLabel: 'Q{quarter} {year}',
    filterTitle: 'What to show',
    quarter: 'Quarter',
    show: 'Show',
    notFinished: 'The quarter is not over yet; figures as of {date}.',
    finished: 'The quarter ended on {date}; figures for the whole quarter.',
    howTitle: 'How it is counted',
    howRegistered:
      'Registered growth: accounts of the municipality’s residents that became active in the quarter (in the region’s local time, {timeZone}); deleted accounts do not count.',
    howConfirmed: 'Confirmed growth: residents’ accounts confirmed in the quarter; deleted ones do not count.',
    howPercent: 'Percentage: growth divided by the quarter’s target, times 100, capped at 100% (as indicator P1.3 is), so exceeding one target cannot hide a shortfall in the other.',
    howCombined:
      'Combined figure: the mean of the two percentages, rounded to hundredths. Ranks by combined figure, highest first; equal figures share a rank and the next rank is skipped (1, 2, 2, 4).',
    howUnranked: 'Municipalities without a target for the quarter, or with a zero target, are not ranked; they are listed after the ranks with the reason.',
    howTrend: 'Change of rank: against the previous quarter ({previous}), counted the same way.',
    tableCaption: 'Ranking for {quarter}',
    colRank: 'Rank',
    colMunicipality: 'Municipality',
    colRegistered: 'Registered growth',
    colConfirmed: 'Confirmed growth',
    colCombined: 'Combined figure, %',
    colTrend: 'Change of rank',
    colNote: 'Note',
    colRegisteredCount: 'Registered growth',
    colRegisteredTarget: 'Registered target',
    colRegisteredPercent: 'Registered, % of target',
    colConfirmedCount: 'Confirmed growth',
    colConfirmedTarget: 'Confirmed target',
    colConfirmedPercent: 'Confirmed, % of target',
    growthOfTarget: '{growth} of {target} — {percent}%',
    growthNoTarget: '{growth}, no target',
    growthZeroTarget: '{growth}, target 0',
    rankShared: '{rank} (shared)',
    unranked: 'not ranked',
    reason_no_target: 'no target set for the quarter',
    reason_zero_target: 'the quarter’s target is zero — no percentage can be computed',
    trend_up: 'up {n} (was rank {previous})',
    trend_down: 'down {n} (was rank {previous})',
    trend_same: 'unchanged (rank {previous})',
    trend_new: 'new in the ranking',
    trend_none: '—',
    sharesWith: 'shares the rank with: {names}',
    tiesTitle: 'Shared ranks',
    tie: 'Rank {rank} is shared by {names}: combined figure {combined}% each; the next rank is {next}.',
    noTies: 'No shared ranks: all combined figures differ.',
    unrankedTitle: 'Not ranked',
    unrankedEmpty: 'Every municipality has a target.',
    unrankedCaption: 'Municipalities not ranked for {quarter}',
    colReason: 'Reason',
    noMunicipalities: 'The region has no municipalities.',
    download: 'Download the ranking (XLSX)',
    targetsHint: 'Quarterly targets are set by the regional administrator.',
    badQuarter: 'Give the quarter as 2026-Q3; it cannot be later than the current one.',
    sheetTitle: 'Ranking of municipalities: {region}, {quarter}',
    sheetAsOf: 'Figures as of {date}',
    sheetName: 'Ranking {quarter}',
  },
});

export type RankingMessageKey = Parameters<typeof rankingMessages>[1];

/** A number with a decimal comma in Russian, a point in English (at most two decimals). */
export function formatFigure(lang: Lang, value: number): string {
  const s = Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/0+$/, '').replace(/\.$/, '');
  return lang === 'ru' ? s.replace('.', ',') : s;
}

export const dateText = (lang: Lang, iso: string) => (lang === 'ru' ? iso.split('-').reverse().join('.') : iso);

export const quarterText = (lang: Lang, q: { year: number; quarter: number }) => rankingMessages(lang, 'quarterLabel', { quarter: q.quarter, year: q.year });

/** «12 из 20 — 60 %» or why there is no percentage. */
export function growthText(lang: Lang, growth: number, target: number | null, percent: number | null): string {
  if (target === null) return rankingMessages(lang, 'growthNoTarget', { growth });
  if (percent === null) return rankingMessages(lang, 'growthZeroTarget', { growth });
  return rankingMessages(lang, 'growthOfTarget', { growth, target, percent: formatFigure(lang, percent) });
}

/** The change of rank in words (the arrow next to it is decoration). */
export function trendText(lang: Lang, row: Pick<RankingRow, 'trend' | 'rank' | 'previousRank'>): string {
  switch (row.trend) {
    case 'up':
      return rankingMessages(lang, 'trend_up', { n: row.previousRank! - row.rank!, previous: row.previousRank! });
    case 'down':
      return rankingMessages(lang, 'trend_down', { n: row.rank! - row.previousRank!, previous: row.previousRank! });
    case 'same':
      return rankingMessages(lang, 'trend_same', { previous: row.previousRank! });
    case 'new':
      return rankingMessages(lang, 'trend_new');
    default:
      return rankingMessages(lang, 'trend_none');
  }
}

/** Decoration next to the words; 'new' has words only. */
export const TREND_SYMBOL = { up: '▲', down: '▼', same: '=', new: '' } as const;
