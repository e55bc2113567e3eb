/** Texts of the targets page (`/outreach/targets`). */
import { defineMessages } from '../../../platform/i18n.js';

export const targetsMessages = defineMessages({
  ru: {
    staffHome: 'Кабинет сотрудника',
    plansTitle: 'Планы мероприятий',
    title: 'Цели на квартал',
    caption: '{year} год',
    leadEdit:
      'Сколько граждан каждое муниципальное образование должно зарегистрировать на портале и сколько учётных записей подтвердить в каждом квартале. Цель регистрации — знаменатель C показателя P1.3 и рейтинга. Целые числа от 0; пустые обе клетки — цели нет.',
    leadView: 'Цели, которые регион задал муниципальному образованию на каждый квартал. Цель регистрации — знаменатель C показателя P1.3.',
    yearLabel: 'Год',
    show: 'Показать',
    yearFilter: 'Выбор года',
    tableCaption: 'Цели на {year} год по кварталам',
    colMunicipality: 'Муниципальное образование',
    colQuarter: '{quarter} квартал',
    registered: 'Зарегистрировать',
    confirmed: 'Подтвердить',
    hiddenContext: ': {municipality}, {quarter} квартал {year} г.',
    notSet: 'не задана',
    valueText: 'зарегистрировать {registered}, подтвердить {confirmed}',
    save: 'Сохранить цели',
    saved: 'Цели сохранены: изменено {n}.',
    errWhole: 'Введите целое число от 0',
    errTooBig: 'Не больше {max}',
    errBoth: 'Укажите обе цели квартала или оставьте обе клетки пустыми',
    badYear: 'Год указывается четырьмя цифрами, от 2000 до 2100.',
  },
  en: {
    staffHome: 'Staff workplace',
    plansTitle: 'Outreach plans',
    title: 'Quarterly targets',
    caption: '{year}',
    leadEdit:
      'How many citizens each municipality is to register on the portal and how many accounts to have confirmed in each quarter. The registration target is the denominator C of P1.3 and of the ranking. Whole numbers from 0; both cells empty — no target.',
    leadView: 'The targets the region set for the municipality for each quarter. The registration target is the denominator C of P1.3.',
    yearLabel: 'Year',
    show: 'Show',
    yearFilter: 'Choose the year',
    tableCaption: 'Targets for {year} by quarter',
    colMunicipality: 'Municipality',
    colQuarter: 'Q{quarter}',
    registered: 'Register',
    confirmed: 'Confirm',
    hiddenContext: ': {municipality}, Q{quarter} {year}',
    notSet: 'not set',
    valueText: 'register {registered}, confirm {confirmed}',
    save: 'Save the targets',
    saved: 'Targets saved: {n} changed.',
    errWhole: 'Enter a whole number from 0',
    errTooBig: 'At most {max}',
    errBoth: 'Give both targets of the quarter or leave both cells empty',
    badYear: 'A year is four digits, from 2000 to 2100.',
  },
});

export type TargetsMessageKey = Parameters<typeof targetsMessages>[1];
