/**
 * The persons known to the simulated outside registries: the pension fund
 * (SNILS) and the migration service (passports). The registry simulator
 * answers from this data set only; nothing here is a real person.
 *
 * Rules the data follows (checked by persons.test.ts):
 * - every SNILS carries a correct check number (DOMAIN.md «Identifiers»);
 * - a passport series starts with the OKATO code of the issuing region
 *   (76 Zabaikalsky krai, 81 Buryatia, 25 Irkutsk oblast, 45 Moscow, …) and
 *   ends with the year of the blank (the issue year or a little earlier);
 * - a passport is issued from age 14 and replaced at 20 and 45; a passport
 *   marked `valid` is not overdue for replacement on DATA_SET_DATE;
 * - old passports stay in the registry, marked `replaced`, `lost` or `expired`
 *   (not replaced at 20/45), so «паспорт недействителен» can be demonstrated.
 *
 * How every answer can be produced (see registries.sim.ts):
 * - match: type one of DEMO_PERSONS exactly (case, ё/е and spaces do not matter);
 * - not_found: a SNILS or a passport that is not here (or a wrong issue date);
 * - name_mismatch: a person's SNILS or passport with another name;
 * - birth_date_mismatch: the right name with another birth date;
 * - document_invalid: MISMATCH_PERSON (a passport reported lost), or Морозова
 *   Галина Ивановна's passport not replaced at 45.
 */

export type Gender = 'male' | 'female';

/** valid; replaced by a newer one; reported lost; expired (not replaced at age 20 or 45) */
export type RegistryPassportStatus = 'valid' | 'replaced' | 'lost' | 'expired';

export interface RegistryPassport {
  /** 4 digits: OKATO region code + year of the blank */
  series: string;
  /** 6 digits */
  number: string;
  /** yyyy-mm-dd */
  issueDate: string;
  /** NNN-NNN */
  issuerCode: string;
  issuedBy: string;
  status: RegistryPassportStatus;
}

export interface RegistryPerson {
  lastName: string;
  firstName: string;
  middleName: string | null;
  /** yyyy-mm-dd */
  birthDate: string;
  birthPlace: string;
  gender: Gender;
  /** XXX-XXX-XXX YY */
  snils: string;
  /** every passport the person has had since 1997, oldest first */
  passports: readonly RegistryPassport[];
}

/** What a person types into the personal-data form (step 2). */
export interface DemoPerson {
  lastName: string;
  firstName: string;
  middleName: string | null;
  /** yyyy-mm-dd */
  birthDate: string;
  birthPlace: string;
  gender: Gender;
  /** XXX-XXX-XXX YY */
  snils: string;
  passport: { series: string; number: string; issueDate: string; issuerCode: string; issuedBy: string };
}

/** The day the passport statuses below are true on (the data set does not age on its own). */
export const DATA_SET_DATE = '2026-11-22';

const ZAB = 'Забайкальскому краю';

export const REGISTRY_PERSONS: readonly RegistryPerson[] = [
  // --- 0..2: DEMO_PERSONS (valid for many years: replaced at 45, or next replacement at 45 in 2037+)
  {
    lastName: 'Козлова',
    firstName: 'Елена',
    middleName: 'Викторовна',
    birthDate: '1979-03-14',
    birthPlace: 'г. Чита',
    gender: 'female',
    snils: '899-693-660 27',
    passports: [
      { series: '7699', number: '321117', issueDate: '1999-04-06', issuerCode: '752-001', issuedBy: 'Отделом внутренних дел Центрального района г. Читы', status: 'replaced' },
      { series: '7624', number: '387424', issueDate: '2024-04-02', issuerCode: '750-001', issuedBy: `УМВД России по ${ZAB}`, status: 'valid' },
    ],
  },
  {
    lastName: 'Намсараев',
    firstName: 'Баир',
    middleName: 'Цыренович',
    birthDate: '1992-07-08',
    birthPlace: 'пгт Агинское Агинского района Читинской области',
    gender: 'male',
    snils: '948-545-092 57',
    passports: [
      { series: '7606', number: '487881', issueDate: '2006-07-20', issuerCode: '802-001', issuedBy: 'Агинским РОВД Агинского Бурятского автономного округа', status: 'replaced' },
      { series: '7612', number: '853982', issueDate: '2012-07-25', issuerCode: '750-019', issuedBy: `Отделением УФМС России по ${ZAB} в Агинском районе`, status: 'valid' },
    ],
  },
  {
    lastName: 'Фёдоров',
    firstName: 'Артём',
    middleName: 'Сергеевич',
    birthDate: '2001-05-19',
    birthPlace: 'г. Краснокаменск Читинской области',
    gender: 'male',
    snils: '154-138-232 43',
    passports: [
      { series: '7615', number: '700690', issueDate: '2015-06-03', issuerCode: '750-012', issuedBy: `ТП УФМС России по ${ZAB} в г. Краснокаменске`, status: 'replaced' },
      { series: '7621', number: '867555', issueDate: '2021-06-01', issuerCode: '750-012', issuedBy: `УМВД России по ${ZAB}`, status: 'valid' },
    ],
  },
  // --- 3: MISMATCH_PERSON (typed with the passport she reported lost)
  {
    lastName: 'Соколова',
    firstName: 'Ирина',
    middleName: 'Павловна',
    birthDate: '1985-11-02',
    birthPlace: 'г. Чита',
    gender: 'female',
    snils: '194-439-008 91',
    passports: [
      { series: '7605', number: '221674', issueDate: '2005-11-18', issuerCode: '752-002', issuedBy: 'Отделом внутренних дел Ингодинского района г. Читы', status: 'lost' },
      { series: '7619', number: '872649', issueDate: '2019-03-12', issuerCode: '750-002', issuedBy: `УМВД России по ${ZAB}`, status: 'valid' },
    ],
  },
  // --- the rest of the registry
  {
    lastName: 'Цыренова',
    firstName: 'Дарима',
    middleName: 'Баировна',
    birthDate: '1988-02-29',
    birthPlace: 'с. Дульдурга Дульдургинского района Читинской области',
    gender: 'female',
    snils: '557-954-895 74',
    passports: [
      { series: '7608', number: '762713', issueDate: '2008-03-11', issuerCode: '750-020', issuedBy: `ТП УФМС России по ${ZAB} в Дульдургинском районе`, status: 'valid' },
    ],
  },
  {
    lastName: 'Ли',
    firstName: 'Виктория',
    middleName: null,
    birthDate: '1998-09-30',
    birthPlace: 'г. Чита',
    gender: 'female',
    snils: '946-231-783 24',
    passports: [
      { series: '7612', number: '602840', issueDate: '2012-10-15', issuerCode: '750-003', issuedBy: `ОУФМС России по ${ZAB} в Центральном районе гор. Читы`, status: 'replaced' },
      { series: '7618', number: '616918', issueDate: '2018-10-09', issuerCode: '750-003', issuedBy: `УФМС России по ${ZAB}`, status: 'valid' },
    ],
  },
  {
    lastName: 'Шмидт',
    firstName: 'Анна',
    middleName: null,
    birthDate: '1976-06-12',
    birthPlace: 'г. Балей Читинской области',
    gender: 'female',
    snils: '719-239-273 18',
    passports: [
      { series: '7601', number: '569642', issueDate: '2001-01-15', issuerCode: '752-014', issuedBy: 'Балейским ГОВД Читинской области', status: 'replaced' },
      { series: '7621', number: '886759', issueDate: '2021-07-01', issuerCode: '750-014', issuedBy: `УМВД России по ${ZAB}`, status: 'valid' },
    ],
  },
  {
    lastName: 'Иванов',
    firstName: 'Пётр',
    middleName: 'Николаевич',
    birthDate: '1958-01-23',
    birthPlace: 'с. Калга Калганского района Читинской области',
    gender: 'male',
    snils: '462-787-179 32',
    passports: [
      { series: '7603', number: '485824', issueDate: '2003-02-10', issuerCode: '752-022', issuedBy: 'Калганским РОВД Читинской области', status: 'valid' },
    ],
  },
  {
    lastName: 'Баженов',
    firstName: 'Андрей',
    middleName: 'Владимирович',
    birthDate: '1970-12-05',
    birthPlace: 'г. Нерчинск Читинской области',
    gender: 'male',
    snils: '339-952-541 23',
    passports: [
      { series: '7615', number: '379785', issueDate: '2015-12-21', issuerCode: '750-025', issuedBy: `ТП УФМС России по ${ZAB} в Нерчинском районе`, status: 'valid' },
    ],
  },
  {
    lastName: 'Дашиева',
    firstName: 'Сэсэг',
    middleName: 'Жаргаловна',
    birthDate: '1995-04-17',
    birthPlace: 'пгт Агинское Агинского района Читинской области',
    gender: 'female',
    snils: '017-291-948 60',
    passports: [
      { series: '7609', number: '252202', issueDate: '2009-05-05', issuerCode: '750-019', issuedBy: `ТП УФМС России по ${ZAB} в Агинском районе`, status: 'replaced' },
      { series: '7615', number: '438168', issueDate: '2015-05-12', issuerCode: '750-019', issuedBy: `Отделением УФМС России по ${ZAB} в Агинском районе`, status: 'valid' },
    ],
  },
  {
    lastName: 'Кузнецов',
    firstName: 'Дмитрий',
    middleName: 'Алексеевич',
    birthDate: '1983-08-09',
    birthPlace: 'г. Борзя Читинской области',
    gender: 'male',
    snils: '101-251-631 82',
    passports: [
      { series: '7603', number: '356815', issueDate: '2003-08-25', issuerCode: '752-010', issuedBy: 'Борзинским ГОВД Читинской области', status: 'valid' },
    ],
  },
  {
    lastName: 'Морозова',
    firstName: 'Галина',
    middleName: 'Ивановна',
    birthDate: '1965-10-10',
    birthPlace: 'г. Шилка Читинской области',
    gender: 'female',
    snils: '106-806-657 57',
    passports: [
      // never replaced at 45: invalid since 10.01.2011 (90 days after the birthday)
      { series: '7601', number: '794741', issueDate: '2001-03-20', issuerCode: '752-031', issuedBy: 'Шилкинским РОВД Читинской области', status: 'expired' },
    ],
  },
  {
    lastName: 'Лебедев',
    firstName: 'Константин',
    middleName: 'Олегович',
    birthDate: '2008-03-03',
    birthPlace: 'г. Чита',
    gender: 'male',
    snils: '428-928-729 36',
    passports: [
      { series: '7622', number: '453255', issueDate: '2022-03-28', issuerCode: '750-004', issuedBy: `УМВД России по ${ZAB}`, status: 'valid' },
    ],
  },
  {
    lastName: 'Гомбоев',
    firstName: 'Александр',
    middleName: 'Дашиевич',
    birthDate: '1990-01-11',
    birthPlace: 'г. Улан-Удэ Бурятской АССР',
    gender: 'male',
    snils: '386-753-531 32',
    passports: [
      { series: '8110', number: '641834', issueDate: '2010-01-27', issuerCode: '030-002', issuedBy: 'Отделом УФМС России по Республике Бурятия в Советском районе гор. Улан-Удэ', status: 'valid' },
    ],
  },
  {
    lastName: 'Смирнова',
    firstName: 'Ольга',
    middleName: 'Андреевна',
    birthDate: '1987-05-25',
    birthPlace: 'г. Иркутск',
    gender: 'female',
    snils: '768-165-594 58',
    passports: [
      { series: '2507', number: '783251', issueDate: '2007-06-08', issuerCode: '380-005', issuedBy: 'Отделом УФМС России по Иркутской области в Кировском районе гор. Иркутска', status: 'valid' },
    ],
  },
  {
    lastName: 'Попов',
    firstName: 'Сергей',
    middleName: 'Геннадьевич',
    birthDate: '1975-09-14',
    birthPlace: 'г. Москва',
    gender: 'male',
    snils: '221-080-722 07',
    passports: [
      { series: '4520', number: '266801', issueDate: '2020-10-01', issuerCode: '770-093', issuedBy: 'ГУ МВД России по г. Москве', status: 'valid' },
    ],
  },
  {
    lastName: 'Васильева',
    firstName: 'Наталья',
    middleName: 'Сергеевна',
    birthDate: '1993-12-01',
    birthPlace: 'г. Ленинград',
    gender: 'female',
    snils: '460-060-135 27',
    passports: [
      { series: '4013', number: '181399', issueDate: '2013-12-16', issuerCode: '780-022', issuedBy: 'ТП № 22 Отдела УФМС России по Санкт-Петербургу и Ленинградской обл. в Приморском р-не гор. Санкт-Петербурга', status: 'valid' },
    ],
  },
  {
    lastName: 'Новиков',
    firstName: 'Михаил',
    middleName: 'Юрьевич',
    birthDate: '1968-04-04',
    birthPlace: 'г. Ростов-на-Дону',
    gender: 'male',
    snils: '001-743-200 87',
    passports: [
      { series: '6013', number: '492764', issueDate: '2013-04-22', issuerCode: '610-010', issuedBy: 'Отделом УФМС России по Ростовской области в Ленинском районе гор. Ростова-на-Дону', status: 'valid' },
    ],
  },
  {
    lastName: 'Волкова',
    firstName: 'Алёна',
    middleName: 'Дмитриевна',
    birthDate: '1999-08-19',
    birthPlace: 'г. Красноярск',
    gender: 'female',
    snils: '288-855-226 45',
    passports: [
      { series: '0419', number: '589597', issueDate: '2019-09-02', issuerCode: '240-008', issuedBy: 'ГУ МВД России по Красноярскому краю', status: 'valid' },
    ],
  },
  {
    lastName: 'Зайцев',
    firstName: 'Игорь',
    middleName: 'Викторович',
    birthDate: '1981-02-07',
    birthPlace: 'г. Новосибирск',
    gender: 'male',
    snils: '309-611-324 51',
    passports: [
      { series: '5001', number: '727574', issueDate: '2001-02-27', issuerCode: '542-004', issuedBy: 'Октябрьским РУВД гор. Новосибирска', status: 'replaced' },
      { series: '5026', number: '243089', issueDate: '2026-02-20', issuerCode: '540-004', issuedBy: 'ГУ МВД России по Новосибирской области', status: 'valid' },
    ],
  },
  {
    lastName: 'Павлова',
    firstName: 'Мария',
    middleName: 'Александровна',
    birthDate: '1972-07-30',
    birthPlace: 'г. Хабаровск',
    gender: 'female',
    snils: '015-629-573 56',
    passports: [
      { series: '0817', number: '294327', issueDate: '2017-08-14', issuerCode: '270-003', issuedBy: 'Отделом УФМС России по Хабаровскому краю в Центральном районе гор. Хабаровска', status: 'valid' },
    ],
  },
  {
    lastName: 'Семёнов',
    firstName: 'Роман',
    middleName: 'Ильич',
    birthDate: '1996-11-11',
    birthPlace: 'г. Екатеринбург',
    gender: 'male',
    snils: '719-596-030 37',
    passports: [
      { series: '6516', number: '771265', issueDate: '2016-11-25', issuerCode: '660-006', issuedBy: 'Отделом УФМС России по Свердловской области в Ленинском районе гор. Екатеринбурга', status: 'valid' },
    ],
  },
  {
    lastName: 'Ахметова',
    firstName: 'Гульнара',
    middleName: 'Рашидовна',
    birthDate: '1984-03-03',
    birthPlace: 'г. Казань Татарской АССР',
    gender: 'female',
    snils: '327-469-237 00',
    passports: [
      { series: '9204', number: '912852', issueDate: '2004-03-22', issuerCode: '162-005', issuedBy: 'Вахитовским РУВД гор. Казани', status: 'valid' },
    ],
  },
  {
    lastName: 'Орлов',
    firstName: 'Виктор',
    middleName: 'Степанович',
    birthDate: '1950-06-06',
    birthPlace: 'г. Владивосток',
    gender: 'male',
    snils: '209-418-125 53',
    passports: [
      { series: '0502', number: '646783', issueDate: '2002-04-10', issuerCode: '252-001', issuedBy: 'Фрунзенским РОВД гор. Владивостока', status: 'valid' },
    ],
  },
  {
    lastName: 'Егорова',
    firstName: 'Татьяна',
    middleName: 'Михайловна',
    birthDate: '1990-10-20',
    birthPlace: 'г. Уфа Башкирской АССР',
    gender: 'female',
    snils: '113-174-297 25',
    passports: [
      { series: '8010', number: '627997', issueDate: '2010-11-01', issuerCode: '020-004', issuedBy: 'Отделом УФМС России по Республике Башкортостан в Кировском р-не гор. Уфы', status: 'lost' },
      { series: '8023', number: '803369', issueDate: '2023-05-16', issuerCode: '020-004', issuedBy: 'МВД по Республике Башкортостан', status: 'valid' },
    ],
  },
  {
    lastName: 'Ким',
    firstName: 'Александр',
    middleName: 'Валерьевич',
    birthDate: '1986-01-15',
    birthPlace: 'г. Хабаровск',
    gender: 'male',
    snils: '345-926-348 05',
    passports: [
      { series: '0806', number: '831154', issueDate: '2006-02-01', issuerCode: '272-002', issuedBy: 'Железнодорожным РОВД гор. Хабаровска', status: 'valid' },
    ],
  },
  {
    lastName: 'Вебер',
    firstName: 'Ирина',
    middleName: null,
    birthDate: '2005-12-24',
    birthPlace: 'г. Краснокаменск Читинской области',
    gender: 'female',
    snils: '929-915-852 73',
    passports: [
      { series: '7620', number: '962442', issueDate: '2020-01-15', issuerCode: '750-012', issuedBy: `УМВД России по ${ZAB}`, status: 'replaced' },
      { series: '7626', number: '614086', issueDate: '2026-01-12', issuerCode: '750-012', issuedBy: `УМВД России по ${ZAB}`, status: 'valid' },
    ],
  },
  {
    lastName: 'Жамсуев',
    firstName: 'Тимур',
    middleName: 'Баторович',
    birthDate: '1978-05-05',
    birthPlace: 'пгт Могойтуй Могойтуйского района Читинской области',
    gender: 'male',
    snils: '370-780-336 85',
    passports: [
      { series: '7623', number: '648623', issueDate: '2023-05-22', issuerCode: '750-021', issuedBy: `УМВД России по ${ZAB}`, status: 'valid' },
    ],
  },
];

function currentPassport(person: RegistryPerson): RegistryPassport {
  const valid = person.passports.find((p) => p.status === 'valid');
  if (!valid) throw new Error(`persons.ts: ${person.lastName} has no valid passport`);
  return valid;
}

function asDemo(person: RegistryPerson, passport: RegistryPassport): DemoPerson {
  const { series, number, issueDate, issuerCode, issuedBy } = passport;
  return {
    lastName: person.lastName,
    firstName: person.firstName,
    middleName: person.middleName,
    birthDate: person.birthDate,
    birthPlace: person.birthPlace,
    gender: person.gender,
    snils: person.snils,
    passport: { series, number, issueDate, issuerCode, issuedBy },
  };
}

/** Three people a newcomer can type into the personal-data form to pass both checks (listed in the README). */
export const DEMO_PERSONS: readonly DemoPerson[] = REGISTRY_PERSONS.slice(0, 3).map((p) => asDemo(p, currentPassport(p)));

/**
 * A person whose SNILS matches but whose passport was reported lost: the
 * migration service answers «mismatch / document_invalid».
 */
export const MISMATCH_PERSON: DemoPerson = (() => {
  const person = REGISTRY_PERSONS[3]!;
  const lost = person.passports.find((p) => p.status === 'lost');
  if (!lost) throw new Error('persons.ts: MISMATCH_PERSON needs a lost passport');
  return asDemo(person, lost);
})();
