/** The few words the charts themselves show. */
import { defineMessages } from '../../../platform/i18n.js';

export const chartMessages = defineMessages({
  ru: {
    dataTable: 'Данные графика таблицей',
    noData: 'Нет данных',
    noValue: 'нет данных',
  },
  en: {
    dataTable: 'The chart’s data as a table',
    noData: 'No data',
    noValue: 'no data',
  },
});
