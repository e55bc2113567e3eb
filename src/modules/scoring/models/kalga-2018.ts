/**
 * The scoring model of seed 002 (Kalgansky district, 2018), exactly as
 * ../shared/DOMAIN.md «Scoring model of seed 002» writes it.
 *
 * Missing-value policy: every node uses 'propagate'. A leaf whose input was
 * not given, or whose ratio has a zero denominator, has no value, and a parent
 * with a child that has no value has no value either — up to P. An unknown
 * figure is never silently counted as 0 or left out of a fixed divisor (P2
 * divides by 7 whatever is present), so a score is either complete or absent.
 */
import type { ChoiceLevel, ScoringModel, ScoringNode, Thresholds } from '../model.js';

const THRESHOLDS: Thresholds = { red: 50, yellow: 80 };

const NONE_STALE_UPDATED_QUARTERLY: ChoiceLevel[] = [
  { value: 0, label: 'не ведётся' },
  { value: 0.5, label: 'ведётся, но не обновляется' },
  { value: 1, label: 'обновляется не реже раза в квартал' },
];

function node(n: Omit<ScoringNode, 'missing' | 'thresholds' | 'max'> & { max?: number }): ScoringNode {
  return { max: 100, missing: 'propagate', thresholds: THRESHOLDS, ...n };
}

export const KALGA_2018: ScoringModel = {
  id: 'kalga-2018',
  version: 1,
  title: 'Оценка работы по переводу услуг в электронный вид, Калганский район, 2018',
  nodes: [
    node({ id: 'P', title: 'Итоговая оценка', formula: '(P1 + P2 + P3) / 3' }),

    node({ id: 'P1', title: 'Организация регистрации граждан в ЕСИА', formula: '(P1.1 + P1.2 + P1.3) / 3' }),
    node({
      id: 'P1.1',
      title: 'Регистрация в ЕСИА муниципальных служащих и работников подведомственных учреждений',
      formula: '(P1.1.1 + P1.1.2) / 2',
    }),
    node({
      id: 'P1.1.1',
      title: 'Муниципальные служащие, зарегистрированные в ЕСИА',
      formula: 'A / B * 100',
      inputs: [
        { name: 'A', kind: 'number', meaning: 'муниципальные служащие, зарегистрированные в ЕСИА', min: 0 },
        { name: 'B', kind: 'number', meaning: 'все муниципальные служащие', min: 0 },
      ],
    }),
    node({
      id: 'P1.1.2',
      title: 'Работники подведомственных учреждений, зарегистрированные в ЕСИА',
      formula: 'A / B * 100',
      inputs: [
        { name: 'A', kind: 'number', meaning: 'работники подведомственных учреждений (предприятий), зарегистрированные в ЕСИА', min: 0 },
        { name: 'B', kind: 'number', meaning: 'все работники подведомственных учреждений (предприятий)', min: 0 },
      ],
    }),
    node({
      id: 'P1.2',
      title: 'Оформление рабочего места сотрудника Центра обслуживания',
      formula: 'n * 0.25 * 100',
      inputs: [
        {
          name: 'n',
          kind: 'count',
          meaning: 'выполнено требований к Центру обслуживания',
          of: 4,
          items: [
            'у сотрудника Центра обслуживания есть бейдж',
            'график работы опубликован на сайте администрации',
            'у входа размещена вывеска',
            'на стендах — актуальные материалы Репозитория',
          ],
        },
      ],
    }),
    node({
      id: 'P1.3',
      title: 'Ежеквартальный прирост зарегистрированных в ЕСИА граждан',
      formula: 'A / C * 100',
      inputs: [
        { name: 'A', kind: 'number', meaning: 'фактический прирост зарегистрированных в ЕСИА граждан за квартал', min: 0 },
        { name: 'C', kind: 'number', meaning: 'граждане, чьи учётные записи нужно подтвердить (цель по рейтингу)', min: 0 },
      ],
    }),

    node({
      id: 'P2',
      title: 'Информирование населения о получении услуг в электронном виде',
      // Eight terms divided by 7 on purpose: P2.4 and P2.7 top out at 50, so the maxima add up to 700.
      formula: '(P2.1 + P2.2 + P2.3 + P2.4 + P2.5 + P2.6 + P2.7 + P2.8) / 7',
    }),
    node({
      id: 'P2.1',
      title: 'Проинформированные заявители, обратившиеся лично',
      formula: 'A / B * 100',
      inputs: [
        { name: 'A', kind: 'number', meaning: 'проинформированные заявители', min: 0 },
        { name: 'B', kind: 'number', meaning: 'все заявители, обратившиеся за услугами лично', min: 0 },
      ],
    }),
    node({
      id: 'P2.2',
      title: 'Информация на стендах',
      formula: 'n * 100',
      inputs: [
        {
          name: 'n',
          kind: 'choice',
          meaning: 'информация на стендах',
          levels: [
            { value: 0, label: 'не размещена' },
            { value: 0.5, label: 'размещена, не обновляется' },
            { value: 1, label: 'размещена и обновляется' },
          ],
        },
      ],
    }),
    node({
      id: 'P2.3',
      title: 'Раздел на официальном сайте, статьи и новости',
      formula: '(n + m) * 100',
      inputs: [
        {
          name: 'n',
          kind: 'choice',
          meaning: 'тематический раздел на сайте',
          levels: [
            { value: 0, label: 'нет' },
            { value: 0.25, label: 'есть, не обновляется' },
            { value: 0.5, label: 'обновляется не реже раза в квартал' },
          ],
        },
        {
          name: 'm',
          kind: 'choice',
          meaning: 'статьи и новости',
          levels: [
            { value: 0, label: 'нет' },
            { value: 0.25, label: 'есть, не обновляются' },
            { value: 0.5, label: 'обновляются не реже раза в месяц' },
          ],
        },
      ],
    }),
    node({
      id: 'P2.4',
      title: 'Баннер-ссылка на ЕПГУ на официальных сайтах',
      formula: 'n * 100',
      max: 50,
      inputs: [
        {
          name: 'n',
          kind: 'choice',
          meaning: 'баннер-ссылка на ЕПГУ',
          levels: [
            { value: 0, label: 'не размещена' },
            { value: 0.5, label: 'размещена' },
          ],
        },
      ],
    }),
    node({
      id: 'P2.5',
      title: 'Информирование в социальных сетях',
      formula: 'n * 100',
      inputs: [{ name: 'n', kind: 'choice', meaning: 'официальные группы в социальных сетях', levels: NONE_STALE_UPDATED_QUARTERLY }],
    }),
    node({
      id: 'P2.6',
      title: 'Беседы и семинары в учреждениях культуры',
      formula: 'n * 100',
      inputs: [
        {
          name: 'n',
          kind: 'choice',
          meaning: 'информационные беседы и обучающие семинары',
          levels: [
            { value: 0, label: 'не проводятся' },
            { value: 0.5, label: 'проводятся реже 1–2 раз в квартал' },
            { value: 1, label: 'проводятся чаще 1–2 раз в квартал' },
          ],
        },
      ],
    }),
    node({
      id: 'P2.7',
      title: 'Распространение печатных материалов',
      formula: 'n * 100',
      max: 50,
      inputs: [
        {
          name: 'n',
          kind: 'choice',
          meaning: 'печатные материалы',
          levels: [
            { value: 0, label: 'не распространяются' },
            { value: 0.5, label: 'распространяются' },
          ],
        },
      ],
    }),
    node({
      id: 'P2.8',
      title: 'Популяризация электронных услуг на массовых мероприятиях',
      formula: 'n * 100',
      inputs: [
        {
          name: 'n',
          kind: 'choice',
          meaning: 'популяризация на массовых мероприятиях',
          levels: [
            { value: 0, label: 'не проводится' },
            { value: 1, label: 'проводится' },
          ],
        },
      ],
    }),

    node({ id: 'P3', title: 'Просвещение и обучение', formula: '(P3.1 + P3.2 + P3.3) / 3' }),
    node({
      id: 'P3.1',
      title: 'Семинары и родительские собрания в школах и детских садах',
      formula: 'n * 100',
      inputs: [
        {
          name: 'n',
          kind: 'choice',
          meaning: 'семинары и родительские собрания',
          levels: [
            { value: 0, label: 'не проводятся' },
            { value: 1, label: 'проводятся не реже 1–2 раз в квартал' },
          ],
        },
      ],
    }),
    node({
      id: 'P3.2',
      title: 'Печатные материалы на стендах в школах и детских садах',
      formula: 'n * 100',
      inputs: [
        {
          name: 'n',
          kind: 'choice',
          meaning: 'печатные материалы на стендах',
          levels: [
            { value: 0, label: 'не размещены' },
            { value: 0.5, label: 'размещены, не обновляются' },
            { value: 1, label: 'размещены и обновляются' },
          ],
        },
      ],
    }),
    node({
      id: 'P3.3',
      title: 'Программы и курсы в образовательных программах',
      formula: 'n * 100',
      inputs: [
        {
          name: 'n',
          kind: 'choice',
          meaning: 'программы и курсы об электронных услугах',
          levels: [
            { value: 0, label: 'не включены' },
            { value: 1, label: 'включены' },
          ],
        },
      ],
    }),
  ],
};
