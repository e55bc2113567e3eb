/**
 * The two printed handouts of seed 003 item 2.2.4 («инструкции на стойках
 * приёма и компьютерах общего доступа»), in Russian, as PDF descriptions for
 * src/platform/pdf:
 * - the instruction «Как зарегистрироваться на портале госуслуг»: A4, large
 *   type for older readers, the four steps of seed 001 grouped by the account
 *   level they give (simplified → standard → confirmed) and what each gives;
 * - the stand poster: A3 portrait, few words in very big type.
 * Both carry the service centre where identity is confirmed (name, address,
 * phone when known, opening hours) and, when chosen, an outreach event's code.
 * Pure: no database; the routes load the centre and the event.
 */
import type { OpeningHoursRow } from '../../../db/schema/territory.js';
import type { PdfBlock, PdfSpec } from '../../../platform/pdf/index.js';

export interface HandoutCentre {
  name: string;
  address: string;
  phone: string | null;
  hours: OpeningHoursRow[];
}

export interface HandoutData {
  centre: HandoutCentre;
  /** the outreach event whose code registrations should carry */
  event: { code: string; title: string } | null;
  /** the registration page's address, e.g. https://uslugi.example.ru/register */
  registerUrl: string;
}

const DAY_NAMES = ['пн', 'вт', 'ср', 'чт', 'пт', 'сб', 'вс'] as const;

/** «08:00» → «8:00» (a clock time as Russians write it). */
const clock = (hhmm: string) => hhmm.replace(/^0(\d)/, '$1');

const dayRange = (from: number, to: number) => (from === to ? DAY_NAMES[from - 1]! : `${DAY_NAMES[from - 1]}${to === from + 1 ? ', ' : '–'}${DAY_NAMES[to - 1]}`);

/**
 * Opening hours in Russian for print: «пн–пт 9:00–18:00, обед 13:00–14:00;
 * сб 9:00–14:00; вс — выходной». Consecutive days with the same hours are
 * merged; the days off are named at the end.
 */
export function formatHoursRu(hours: OpeningHoursRow[]): string {
  const byDay = new Map(hours.map((h) => [h.day, h]));
  const text = (d: number) => {
    const h = byDay.get(d as OpeningHoursRow['day']);
    if (!h) return null;
    return `${clock(h.opens)}–${clock(h.closes)}${h.breakFrom && h.breakTo ? `, обед ${clock(h.breakFrom)}–${clock(h.breakTo)}` : ''}`;
  };
  const groups: Array<{ from: number; to: number; text: string | null }> = [];
  for (let d = 1; d <= 7; d++) {
    const t = text(d);
    const last = groups.at(-1);
    if (last && last.text === t) last.to = d;
    else groups.push({ from: d, to: d, text: t });
  }
  const open = groups.filter((g) => g.text !== null).map((g) => `${dayRange(g.from, g.to)} ${g.text}`);
  const closed = groups.filter((g) => g.text === null);
  if (open.length === 0) return 'часы работы не указаны';
  const off = closed.map((g) => dayRange(g.from, g.to));
  const closedDays = closed.reduce((n, g) => n + g.to - g.from + 1, 0);
  return [...open, ...(off.length ? [`${off.join(', ')} — ${closedDays > 1 ? 'выходные' : 'выходной'}`] : [])].join('; ');
}

/** The centre block's lines: name, address, phone (when known), hours. */
export function centreLines(c: HandoutCentre): string[] {
  return [c.name, `Адрес: ${c.address}`, ...(c.phone ? [`Телефон: ${c.phone}`] : []), `Часы работы: ${formatHoursRu(c.hours)}`];
}

export const eventCodeLine = (code: string) => `Укажите код мероприятия при регистрации: ${code}`;

export const MEMO_TITLE = 'Как зарегистрироваться на портале госуслуг';
export const POSTER_TITLE = 'Госуслуги — без очередей';

/** The steps of seed 001, grouped by the account level each gives. */
export const MEMO_STEPS: ReadonlyArray<{ heading: string; steps: string[]; gives: string }> = [
  {
    heading: 'Шаг 1. Упрощённая учётная запись',
    steps: [
      'Откройте портал госуслуг и нажмите «Регистрация».',
      'Укажите фамилию, имя и номер мобильного телефона или адрес электронной почты. Нажмите «Зарегистрироваться».',
      'Введите код из СМС в поле «Код» и нажмите «Подтвердить». Если указали почту — перейдите по ссылке из письма.',
      'Придумайте пароль и введите его два раза. Не используйте простые сочетания цифр и букв: этим паролем вы будете входить в личный кабинет.',
    ],
    gives: 'Что это даёт: справочные услуги и услуги, для которых не нужно подтверждать личность.',
  },
  {
    heading: 'Шаг 2. Стандартная учётная запись',
    steps: [
      'Заполните личные данные: паспорт, СНИЛС, адрес регистрации и адрес проживания. Нажмите «Продолжить».',
      'Данные автоматически проверят Пенсионный фонд и МВД. Обычно это занимает несколько минут. Результат придёт по СМС или на почту и появится на портале.',
    ],
    gives: 'Что это даёт: больше услуг, но ещё не все.',
  },
  {
    heading: 'Шаг 3. Подтверждённая учётная запись',
    steps: [
      'Придите с паспортом в центр обслуживания (МФЦ, почта, администрация) — адрес ниже. Покажите паспорт, который указали при регистрации.',
      'Подтвердить личность можно в любой день работы центра, без записи. В МФЦ можно сразу зарегистрироваться и получить подтверждённую учётную запись.',
    ],
    gives: 'Что это даёт: все услуги портала — например, загранпаспорт, запись ребёнка в детский сад, оплата штрафов со скидкой.',
  },
];

/** The instruction: A4 portrait, 16 pt body, 26 pt title. */
export function memoSpec(d: HandoutData): PdfSpec {
  const body = 16;
  const blocks: PdfBlock[] = [
    { kind: 'paragraph', text: MEMO_TITLE, bold: true, size: 26, align: 'center', spaceAfter: 10 },
    { kind: 'paragraph', text: 'На портале госуслуг можно получать услуги не выходя из дома и без очередей. Регистрация бесплатная.', size: body, lineGap: 3, spaceAfter: 10 },
    { kind: 'paragraph', text: 'Что понадобится', bold: true, size: 19, spaceAfter: 4 },
    { kind: 'paragraph', text: '•  паспорт гражданина России\n•  СНИЛС (номер из 11 цифр)\n•  мобильный телефон или электронная почта', size: body, lineGap: 3, spaceAfter: 10 },
    { kind: 'paragraph', text: 'Адрес для регистрации:', bold: true, size: body, spaceAfter: 2 },
    { kind: 'paragraph', text: d.registerUrl, size: 13, spaceAfter: 12 },
  ];
  for (const s of MEMO_STEPS) {
    blocks.push({ kind: 'paragraph', text: s.heading, bold: true, size: 19, spaceBefore: 4, spaceAfter: 4 });
    blocks.push({ kind: 'paragraph', text: s.steps.map((x, i) => `${i + 1}. ${x}`).join('\n'), size: body, lineGap: 3, spaceAfter: 4 });
    blocks.push({ kind: 'paragraph', text: s.gives, bold: true, size: body, lineGap: 3, spaceAfter: 10 });
  }
  blocks.push({ kind: 'paragraph', text: 'Где подтвердить личность и получить помощь', bold: true, size: 19, spaceBefore: 4, spaceAfter: 6 });
  blocks.push({ kind: 'paragraph', text: centreLines(d.centre).join('\n'), size: body, lineGap: 3, boxed: true, spaceAfter: 12 });
  if (d.event) blocks.push({ kind: 'paragraph', text: eventCodeLine(d.event.code), bold: true, size: 18, boxed: true, align: 'center', spaceAfter: 8 });
  blocks.push({ kind: 'paragraph', text: 'Сотрудники центра помогут зарегистрироваться, если что-то не получается.', size: body, lineGap: 3 });
  return { title: MEMO_TITLE, fontSize: body, blocks };
}

/** The stand poster: A3 portrait, 15 mm margins, very big type, few words. */
export function posterSpec(d: HandoutData): PdfSpec {
  const blocks: PdfBlock[] = [
    { kind: 'paragraph', text: POSTER_TITLE, bold: true, size: 64, align: 'center', lineGap: 4, spaceAfter: 24 },
    { kind: 'paragraph', text: 'Зарегистрируйтесь на портале госуслуг', bold: true, size: 44, align: 'center', lineGap: 4, spaceAfter: 28 },
    { kind: 'paragraph', text: '1. Паспорт и СНИЛС\n2. Телефон или почта\n3. Подтвердите личность у нас', size: 40, lineGap: 10, spaceAfter: 28 },
    { kind: 'paragraph', text: 'Поможем бесплатно', bold: true, size: 48, align: 'center', spaceAfter: 24 },
    { kind: 'paragraph', text: centreLines(d.centre).join('\n'), size: 24, lineGap: 6, boxed: true, spaceAfter: 20 },
  ];
  if (d.event) blocks.push({ kind: 'paragraph', text: eventCodeLine(d.event.code), bold: true, size: 30, align: 'center', boxed: true });
  return { title: `${POSTER_TITLE}: плакат`, pageSize: 'A3', marginMm: 15, pageNumbers: false, fontSize: 24, blocks };
}
