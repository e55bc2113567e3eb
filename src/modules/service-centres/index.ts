/** The service-centre module: what other modules use (scoring reuses the centre figures). */
export { centreFigures, standardRanges, periodStarts, localDate, type FiguresRange, type FiguresRow, type FiguresScope, type FiguresBucket } from './centre-figures.js';
export { registerOperatorRoutes } from './operator.routes.js';
