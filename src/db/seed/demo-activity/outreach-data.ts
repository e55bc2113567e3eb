/**
 * The demo's outreach activity as data: events and materials placed in the
 * window's quarters (index 0 = the oldest of the five complete quarters, 5 =
 * the current one) at a day offset from the quarter's first day. Anything that
 * would fall on or after today is left out.
 *
 * Kalgansky's events are chosen so the event-fed indicators differ by quarter
 * (P2.6: culture_seminar or an event at a culture institution; P3.1:
 * parents_meeting or an event at a school/kindergarten; P2.8: e_services_day):
 *
 *   quarter index   0     1     2     3     4     5 (so far)
 *   P2.6 events     1     2     1     2     3     1
 *   P3.1 events     1     0     2     1     2     1
 *   P2.8 events     0     1     0     1     1     0
 *
 * and its materials so the n-levels differ (status at the quarter's end):
 * the website section is not updated in quarter 1, the news not in the last
 * month of quarter 2, the administration's stand not in quarter 2, the social
 * networks start in quarter 1, the school stand in quarter 2.
 *
 * Web addresses use the reserved `.example` domain (RFC 2606): the demo does
 * not pretend to know the municipalities' real sites.
 */

export interface DemoEvent {
  quarterIndex: number;
  day: number;
  format: 'e_services_day' | 'e_lesson' | 'parents_meeting' | 'culture_seminar' | 'workplace_briefing' | 'field_consultation' | 'media';
  title: string;
  /** organisation key (src/db/seed/data/zabaikalsky-krai.ts); null = none */
  organisationKey: string | null;
  place: string;
  audience: string;
  peopleReached: number;
  /** the item of the seed-002 plan it implements (current year only) */
  planItem: string | null;
  links?: string;
}

export interface DemoMaterial {
  kind: 'banner_link' | 'website_section' | 'news' | 'stand' | 'social' | 'school_stand' | 'leaflets';
  title: string;
  url?: string;
  organisationKey?: string;
  room?: string;
  /** days before the window's first day (negative) or [quarterIndex, day] */
  posted: number | [number, number];
  /** [quarterIndex, day] of each update */
  updates: Array<[number, number]>;
  updateNote: string;
}

const KALGA_PLACE = {
  library: 'с. Калга, ул. Партизанская, д. 16, читальный зал центральной библиотеки',
  kdc: 'с. Калга, ул. Партизанская, д. 16, зрительный зал МКДЦ',
  school: 'с. Калга, ул. 60 лет Октября, д. 7, актовый зал МОУ Калганская СОШ',
  schoolBura: 'с. Бура, ул. Школьная, д. 1, МОУ Буринская СОШ',
  kindergarten: 'с. Калга, ул. Партизанская, д. 21, музыкальный зал детского сада',
  admin: 'с. Калга, ул. 60 лет Октября, д. 9, зал заседаний администрации',
  hospital: 'с. Калга, ул. Больничная, д. 1, ГУЗ «Калганская ЦРБ»',
  square: 'с. Калга, площадь у МКДЦ',
} as const;

export const KALGA_EVENTS: DemoEvent[] = [
  // quarter 0
  { quarterIndex: 0, day: 12, format: 'culture_seminar', title: 'Госуслуги для старшего поколения: запись к врачу и оплата ЖКХ онлайн', organisationKey: 'kalga-library', place: KALGA_PLACE.library, audience: 'граждане старше 55 лет', peopleReached: 18, planItem: '2.6' },
  { quarterIndex: 0, day: 40, format: 'parents_meeting', title: 'Запись в первый класс и в детский сад через портал госуслуг', organisationKey: 'kalga-school', place: KALGA_PLACE.school, audience: 'родители будущих первоклассников', peopleReached: 34, planItem: '3.1' },
  { quarterIndex: 0, day: 63, format: 'field_consultation', title: 'Выездная консультация: регистрация и подтверждение учётной записи', organisationKey: 'kalga-admin', place: 'с. Кадая, сельский клуб', audience: 'жители с. Кадая', peopleReached: 21, planItem: '2.1' },
  // quarter 1
  { quarterIndex: 1, day: 9, format: 'culture_seminar', title: 'Электронные услуги Пенсионного фонда и Социального фонда', organisationKey: 'kalga-culture', place: KALGA_PLACE.kdc, audience: 'пенсионеры и предпенсионеры', peopleReached: 27, planItem: '2.6' },
  { quarterIndex: 1, day: 35, format: 'e_services_day', title: 'День электронных услуг в с. Калга', organisationKey: 'kalga-mfc', place: KALGA_PLACE.square, audience: 'все жители', peopleReached: 96, planItem: '2.8' },
  { quarterIndex: 1, day: 52, format: 'culture_seminar', title: 'Как не стать жертвой мошенников: безопасный вход на госуслуги', organisationKey: 'kalga-library', place: KALGA_PLACE.library, audience: 'читатели библиотеки', peopleReached: 15, planItem: '2.6' },
  { quarterIndex: 1, day: 70, format: 'workplace_briefing', title: 'Регистрация сотрудников больницы в ЕСИА', organisationKey: 'kalga-hospital', place: KALGA_PLACE.hospital, audience: 'медицинские работники', peopleReached: 24, planItem: '1.1' },
  // quarter 2
  { quarterIndex: 2, day: 20, format: 'culture_seminar', title: 'Налоговые уведомления и вычеты в личном кабинете', organisationKey: 'kalga-library', place: KALGA_PLACE.library, audience: 'работающие граждане', peopleReached: 19, planItem: '2.6' },
  { quarterIndex: 2, day: 33, format: 'e_lesson', title: 'Урок цифровой грамотности «Госуслуги с 14 лет»', organisationKey: 'kalga-school', place: KALGA_PLACE.school, audience: 'ученики 8–9 классов', peopleReached: 41, planItem: '3.1' },
  { quarterIndex: 2, day: 58, format: 'parents_meeting', title: 'Электронный дневник и запись в кружки через портал', organisationKey: 'kalga-school-bura', place: KALGA_PLACE.schoolBura, audience: 'родители учеников 1–11 классов', peopleReached: 29, planItem: '3.1' },
  { quarterIndex: 2, day: 75, format: 'field_consultation', title: 'Выездная консультация в с. Нижний Калгукан', organisationKey: 'kalga-admin', place: 'с. Нижний Калгукан, здание сельской администрации', audience: 'жители села', peopleReached: 16, planItem: '2.1' },
  // quarter 3
  { quarterIndex: 3, day: 14, format: 'culture_seminar', title: 'Пособия и выплаты семьям с детьми через госуслуги', organisationKey: 'kalga-culture', place: KALGA_PLACE.kdc, audience: 'молодые семьи', peopleReached: 23, planItem: '2.6' },
  { quarterIndex: 3, day: 30, format: 'parents_meeting', title: 'Летний отдых детей: подача заявлений онлайн', organisationKey: 'kalga-kindergarten', place: KALGA_PLACE.kindergarten, audience: 'родители воспитанников', peopleReached: 31, planItem: '3.1' },
  { quarterIndex: 3, day: 47, format: 'culture_seminar', title: 'Подтверждение учётной записи: где и как', organisationKey: 'kalga-library', place: KALGA_PLACE.library, audience: 'граждане с упрощённой учётной записью', peopleReached: 14, planItem: '2.6' },
  { quarterIndex: 3, day: 68, format: 'e_services_day', title: 'День электронных услуг на празднике села', organisationKey: 'kalga-mfc', place: KALGA_PLACE.square, audience: 'все жители', peopleReached: 120, planItem: '2.8', links: 'https://kalga.example/news/den-elektronnyh-uslug Новость на сайте округа' },
  { quarterIndex: 3, day: 80, format: 'media', title: 'Статья в газете «Калганские вести»: как получить услуги не выходя из дома', organisationKey: null, place: 'газета «Калганские вести»', audience: 'читатели районной газеты', peopleReached: 0, planItem: '2.3' },
  // quarter 4 (the last complete quarter in the demo's usual today)
  { quarterIndex: 4, day: 6, format: 'culture_seminar', title: 'Запись к врачу и вызов врача на дом через госуслуги', organisationKey: 'kalga-library', place: KALGA_PLACE.library, audience: 'граждане старше 50 лет', peopleReached: 22, planItem: '2.6' },
  { quarterIndex: 4, day: 18, format: 'e_services_day', title: 'День электронных услуг: регистрация и подтверждение на месте', organisationKey: 'kalga-mfc', place: KALGA_PLACE.square, audience: 'все жители', peopleReached: 85, planItem: '2.8' },
  { quarterIndex: 4, day: 38, format: 'culture_seminar', title: 'Госуслуги для пенсионеров: справки и выплаты онлайн', organisationKey: 'kalga-culture', place: KALGA_PLACE.kdc, audience: 'пенсионеры', peopleReached: 26, planItem: '2.6' },
  { quarterIndex: 4, day: 62, format: 'parents_meeting', title: 'Запись в 1 класс через портал: сроки и документы', organisationKey: 'kalga-school', place: KALGA_PLACE.school, audience: 'родители будущих первоклассников', peopleReached: 38, planItem: '3.1' },
  { quarterIndex: 4, day: 66, format: 'culture_seminar', title: 'Безопасность личного кабинета: пароль и вход по коду', organisationKey: 'kalga-library', place: KALGA_PLACE.library, audience: 'читатели библиотеки', peopleReached: 17, planItem: '2.6' },
  { quarterIndex: 4, day: 74, format: 'e_lesson', title: 'Единый урок «Цифровые услуги»', organisationKey: 'kalga-school-bura', place: KALGA_PLACE.schoolBura, audience: 'ученики 7–9 классов', peopleReached: 33, planItem: '3.1' },
  { quarterIndex: 4, day: 80, format: 'workplace_briefing', title: 'Регистрация работников администрации и учреждений в ЕСИА', organisationKey: 'kalga-admin', place: KALGA_PLACE.admin, audience: 'муниципальные служащие', peopleReached: 19, planItem: '1.1' },
  // quarter 5 (the current one, so far)
  { quarterIndex: 5, day: 10, format: 'culture_seminar', title: 'Оплата штрафов и налогов онлайн', organisationKey: 'kalga-library', place: KALGA_PLACE.library, audience: 'жители с. Калга', peopleReached: 20, planItem: '2.6' },
  { quarterIndex: 5, day: 24, format: 'parents_meeting', title: 'Выплаты на детей: заявление через госуслуги', organisationKey: 'kalga-kindergarten', place: KALGA_PLACE.kindergarten, audience: 'родители воспитанников', peopleReached: 27, planItem: '3.1' },
  { quarterIndex: 5, day: 45, format: 'field_consultation', title: 'Выездная консультация в с. Доно', organisationKey: 'kalga-admin', place: 'с. Доно, сельский клуб', audience: 'жители с. Доно', peopleReached: 12, planItem: '2.1' },
];

export const KALGA_MATERIALS: DemoMaterial[] = [
  { kind: 'banner_link', title: 'Баннер «Госуслуги» на главной странице сайта округа', url: 'https://kalga.example/', posted: -420, updates: [], updateNote: '' },
  {
    kind: 'website_section',
    title: 'Раздел «Электронные услуги» на сайте округа',
    url: 'https://kalga.example/elektronnye-uslugi',
    posted: -380,
    updates: [[0, 25], [2, 25], [3, 25], [4, 25], [5, 25]],
    updateNote: 'Обновлены памятки и график работы центров обслуживания',
  },
  {
    kind: 'news',
    title: 'Новости об электронных услугах на сайте округа',
    url: 'https://kalga.example/news',
    posted: -150,
    updates: [[0, 10], [0, 40], [0, 70], [1, 10], [1, 40], [1, 70], [2, 10], [3, 10], [3, 40], [3, 70], [4, 10], [4, 40], [4, 70], [5, 10], [5, 40], [5, 70]],
    updateNote: 'Опубликована новость',
  },
  {
    kind: 'stand',
    title: 'Стенд «Госуслуги — это просто» в фойе администрации',
    organisationKey: 'kalga-admin',
    room: 'фойе, 1 этаж',
    posted: -300,
    updates: [[0, 15], [1, 15], [3, 15], [4, 15], [5, 15]],
    updateNote: 'Заменены листовки на стенде материалами Репозитория',
  },
  {
    kind: 'stand',
    title: 'Стенд в зоне ожидания МФЦ',
    organisationKey: 'kalga-mfc',
    room: 'зона ожидания',
    posted: [2, 5],
    updates: [[3, 50], [4, 50], [5, 50]],
    updateNote: 'Обновлены памятки по подтверждению учётной записи',
  },
  {
    kind: 'social',
    title: 'Публикации в группе администрации во «ВКонтакте»',
    url: 'https://kalga.example/vk',
    posted: [1, 30],
    updates: [[3, 20], [4, 20], [5, 20]],
    updateNote: 'Опубликован пост с инструкцией',
  },
  {
    kind: 'school_stand',
    title: 'Стенд «Госуслуги для школьников и родителей»',
    organisationKey: 'kalga-school',
    room: 'коридор 1 этажа, у учительской',
    posted: [2, 20],
    updates: [[4, 10]],
    updateNote: 'Добавлены материалы о записи в кружки',
  },
  {
    kind: 'leaflets',
    title: 'Листовки «Как подтвердить учётную запись»',
    organisationKey: 'kalga-mfc',
    room: 'стойка информирования',
    posted: [0, 5],
    updates: [[1, 5], [2, 5], [3, 5], [4, 5], [5, 5]],
    updateNote: 'Получена новая партия листовок',
  },
];

/** A few events and materials in three other municipalities (recorded by the regional administrator). */
export interface OtherMunicipalityActivity {
  municipalityKey: string;
  site: string;
  events: DemoEvent[];
  materials: DemoMaterial[];
}

function others(key: string, site: string, centre: string, a: { culture: string; school: string }): OtherMunicipalityActivity {
  return {
    municipalityKey: key,
    site,
    events: [
      { quarterIndex: 3, day: 21, format: 'e_services_day', title: `День электронных услуг, ${centre}`, organisationKey: null, place: `${centre}, центральная площадь`, audience: 'все жители', peopleReached: 140, planItem: null },
      { quarterIndex: 4, day: 15, format: 'culture_seminar', title: 'Госуслуги для пенсионеров', organisationKey: null, place: a.culture, audience: 'граждане старше 55 лет', peopleReached: 25, planItem: null },
      { quarterIndex: 4, day: 44, format: 'parents_meeting', title: 'Запись в детский сад и школу через портал', organisationKey: null, place: a.school, audience: 'родители', peopleReached: 40, planItem: null },
      { quarterIndex: 5, day: 12, format: 'field_consultation', title: 'Консультация по подтверждению учётной записи', organisationKey: null, place: `${centre}, офис МФЦ`, audience: 'посетители МФЦ', peopleReached: 30, planItem: null },
    ],
    materials: [
      { kind: 'banner_link', title: 'Баннер «Госуслуги» на сайте', url: `https://${site}/`, posted: -200, updates: [], updateNote: '' },
      { kind: 'website_section', title: 'Раздел «Электронные услуги»', url: `https://${site}/uslugi`, posted: -100, updates: [[3, 30]], updateNote: 'Обновлён раздел' },
    ],
  };
}

export const OTHER_ACTIVITY: OtherMunicipalityActivity[] = [
  others('chita', 'chita.example', 'г. Чита', { culture: 'г. Чита, Забайкальская краевая универсальная научная библиотека', school: 'г. Чита, средняя школа № 4' }),
  others('krasnokamensky', 'krasnokamensk.example', 'г. Краснокаменск', { culture: 'г. Краснокаменск, Дворец культуры', school: 'г. Краснокаменск, школа № 1' }),
  others('borzinsky', 'borzya.example', 'г. Борзя', { culture: 'г. Борзя, районный Дом культуры', school: 'г. Борзя, школа № 41' }),
];

/** Typed inputs of Kalgansky (values for the quarter before last, then the last complete quarter). */
export interface DemoInput {
  nodeId: string;
  inputName: string;
  /** per quarter (before last, last complete); null: not typed that quarter (the system knows it) */
  values: [number | null, number | null];
  notes: [string, string];
  links?: Array<{ url: string; title: string }>;
}

export const KALGA_INPUTS: DemoInput[] = [
  {
    nodeId: 'P1.1.1',
    inputName: 'A',
    values: [46, 51],
    notes: ['Сведения отдела кадров администрации: 46 муниципальных служащих зарегистрированы в ЕСИА (список на конец квартала).', 'Сведения отдела кадров администрации: 51 муниципальный служащий зарегистрирован в ЕСИА (список на конец квартала).'],
  },
  {
    nodeId: 'P1.1.2',
    inputName: 'A',
    values: [152, 171],
    notes: ['Сводка руководителей подведомственных учреждений (школы, детские сады, культура): 152 работника с учётной записью.', 'Сводка руководителей подведомственных учреждений (школы, детские сады, культура): 171 работник с учётной записью.'],
  },
  // P2.1: the quarter before last from the paper log (the desks did not use the system yet);
  // the last complete quarter comes from the reception visit log (demo-activity/reception.ts).
  { nodeId: 'P2.1', inputName: 'A', values: [371, null], notes: ['Бумажный журнал приёма граждан МФЦ и центра обслуживания администрации: проинформирован 371 заявитель.', ''] },
  { nodeId: 'P2.1', inputName: 'B', values: [512, null], notes: ['Бумажный журнал приёма граждан: 512 обращений лично за квартал.', ''] },
  {
    nodeId: 'P2.7',
    inputName: 'n',
    values: [0.5, 0.5],
    notes: ['Распространено 250 листовок «Как подтвердить учётную запись» (МФЦ, почта, ФАПы).', 'Распространено 300 листовок и 120 буклетов на дне электронных услуг и в сёлах округа.'],
  },
  {
    nodeId: 'P3.3',
    inputName: 'n',
    values: [0, 1],
    notes: ['Курс об электронных услугах в образовательные программы пока не включён.', 'Модуль «Госуслуги с 14 лет» включён в программу внеурочной деятельности МОУ Калганская СОШ (8–9 классы).'],
    links: [{ url: 'https://kalga.example/school/programma-vneurochnoy', title: 'Программа внеурочной деятельности' }],
  },
];

/** Centre checks of Kalgansky's centres (quarter before last, last complete quarter). */
export const KALGA_CENTRE_CHECKS: Array<{ centreKey: string; requirement: 'badge' | 'sign'; met: [boolean, boolean]; note: string }> = [
  { centreKey: 'kalga-mfc-office', requirement: 'badge', met: [true, true], note: 'У оператора бейдж «Центр обслуживания ЕСИА».' },
  { centreKey: 'kalga-mfc-office', requirement: 'sign', met: [true, true], note: 'Вывеска у входа в офис МФЦ.' },
  { centreKey: 'kalga-admin-cou', requirement: 'badge', met: [true, true], note: 'Бейдж у специалиста центра обслуживания администрации.' },
  { centreKey: 'kalga-admin-cou', requirement: 'sign', met: [false, true], note: 'Вывеска размещена у входа в администрацию в последнем квартале.' },
];
