export * from './calendar-date.js';
export * from './deadline.js';
export * from './working-calendar.js';
export * from './transfers-data.js';
export * from './parse-deadline.js';
export * from './due-dates.js';
export * from './describe-deadline.js';
