/** The competency profile of seed 004: 4.1.2 for everyone who receives visitors, 4.1.3 in addition for staff who receive documents. */
export interface Competency {
  ref: string;
  ru: string;
  en: string;
}

export const COMPETENCIES_ALL: readonly Competency[] = [
  {
    ref: '4.1.2',
    ru: 'знать нормативные правовые акты, перечисленные в п. 1.2 методических рекомендаций, а также иные нормативно-методические материалы в сфере полномочий ведомства по вопросам предоставления государственных и муниципальных услуг в электронной форме',
    en: 'know the regulations listed in item 1.2 of the guidelines and other guidance within the department’s remit on public services in electronic form',
  },
  { ref: '4.1.2', ru: 'обладать навыками работы на ЕПГУ и РПГУ', en: 'be able to work with the federal and regional public services portals' },
  {
    ref: '4.1.2',
    ru: 'давать консультации о возможностях и преимуществах получения государственных и муниципальных услуг в электронной форме и отличии от их получения в традиционном виде',
    en: 'advise on the possibilities and advantages of public services in electronic form and how they differ from the traditional way',
  },
  {
    ref: '4.1.2',
    ru: 'давать консультации об этапах, каналах и видах государственных и муниципальных услуг ведомства, доступных на текущий момент для получения в электронной форме',
    en: 'advise on the stages, channels and kinds of the department’s public services currently available in electronic form',
  },
];

export const COMPETENCIES_DOCUMENTS: readonly Competency[] = [
  {
    ref: '4.1.3',
    ru: 'давать консультации о регистрации и повышении уровня учётной записи на ЕПГУ, о подтверждении личности при регистрации на ЕПГУ',
    en: 'advise on registering and raising the account level on the federal portal, and on identity confirmation when registering',
  },
  {
    ref: '4.1.3',
    ru: 'давать консультации о получении государственных и муниципальных услуг в электронной форме, которые предоставляет данное ведомство',
    en: 'advise on getting the department’s own public services in electronic form',
  },
  { ref: '4.1.3', ru: 'в установленных случаях осуществлять регистрацию пользователей на РПГУ', en: 'register users on the regional portal where authorised' },
];

/** The competencies an employee needs: 4.1.2 always, 4.1.3 too when they receive documents (or register accounts). */
export function competenciesFor(profile: { receivesDocuments: boolean; registers: boolean }): { all: readonly Competency[]; documents: readonly Competency[] } {
  return { all: COMPETENCIES_ALL, documents: profile.receivesDocuments || profile.registers ? COMPETENCIES_DOCUMENTS : [] };
}
