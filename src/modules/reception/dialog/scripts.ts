/**
 * The scripts of seed 004, appendix 3, word for word. Corrections to the seed's
 * text are only these, so that an employee can read it out as written:
 * - recognition errors of the scanned original: «$\Gamma U E Z Z Z$» → «ГИБДД»,
 *   Latin «C», «B», «A» → Cyrillic «С», «В», «А»;
 * - typos: «загранспаспорт» → «загранпаспорт», «родственниками и друзьям» →
 *   «родственникам и друзьям», «пенсионных балов» → «пенсионных баллов»,
 *   «это не сложно адреса» → «это несложно: адреса», «узнать количество» →
 *   «узнаете количество» (the sentence's own verb form).
 *
 * «[+ключевые госуслуги региона]» is the KEY_SERVICES slot: `renderScript`
 * fills it from the region's configured list (reception settings).
 */
import type { Lang } from '../../../platform/i18n.js';

export const KEY_SERVICES = '[+ключевые госуслуги региона]';

export type Gender = 'male' | 'female';

export type ScriptId = 'reminder' | 'offerConfirm' | 'congratulation' | 'confirmAdvice' | 'offerRegister' | 'registerClosing' | 'selfRegister';

/** One script: the seed's item, and its text (a variant per gender where the seed has two). */
export interface ScriptText {
  /** item of seed 004, appendix 3 */
  ref: string;
  ru: { any: readonly string[] } | { male: readonly string[]; female: readonly string[] };
  en: { any: readonly string[] } | { male: readonly string[]; female: readonly string[] };
}

const RU_MEN_SERVICES =
  'С помощью портала Вы сможете оплатить штрафы ГИБДД со скидкой до 50%, зарегистрировать автомобиль или получить водительские права. ' +
  'А также быть в курсе ваших пенсионных накоплений и возможных налоговых или судебных задолженностей. ' +
  'Проверять их лучше регулярно, особенно если вы планируете путешествие за границу или по России. ' +
  `Кстати, загранпаспорт также можно оформить на портале ${KEY_SERVICES}.`;

const EN_MEN_SERVICES =
  'On the portal you can pay traffic fines with a discount of up to 50%, register a car or get a driving licence. ' +
  'You can also keep track of your pension savings and any tax or court debts. ' +
  'It is best to check them regularly, especially if you are planning a trip abroad or around Russia. ' +
  `By the way, a foreign passport can also be applied for on the portal ${KEY_SERVICES}.`;

export const SCRIPTS: Record<ScriptId, ScriptText> = {
  reminder: {
    ref: '1.2.1',
    ru: {
      any: [
        'Напоминаю, что на портале Вы можете оплатить штрафы ГИБДД со скидкой до 50%, зарегистрировать автомобиль или получить водительские права. ' +
          'А также быть в курсе ваших пенсионных накоплений и возможных налоговых или судебных задолженностей. ' +
          'Проверять их лучше регулярно, особенно если вы планируете путешествие за границу или по России. ' +
          `Кстати, загранпаспорт также можно оформить на портале ${KEY_SERVICES}.`,
      ],
    },
    en: {
      any: [
        'Let me remind you that on the portal you can pay traffic fines with a discount of up to 50%, register a car or get a driving licence. ' +
          'You can also keep track of your pension savings and any tax or court debts. ' +
          'It is best to check them regularly, especially if you are planning a trip abroad or around Russia. ' +
          `By the way, a foreign passport can also be applied for on the portal ${KEY_SERVICES}.`,
      ],
    },
  },
  offerConfirm: {
    ref: '1.2.1.1',
    ru: {
      male: [
        'Давайте прямо сейчас подтвердим Вашу учетную запись, и Вы сможете использовать все возможности порталов для получения госуслуг. Это не займет много времени, а в будущем вы сможете сэкономить время при получении госуслуг.',
        RU_MEN_SERVICES,
      ],
      female: [
        'Давайте прямо сейчас подтвердим Вашу учетную запись на портале госуслуг gosuslugi.ru. Это не займет много времени, но в будущем Вы сможете сэкономить время при получении госуслуг. ' +
          'С помощью портала вы сможете подать заявление в загс, выбрать удобную для регистрации дату, зарегистрировать рождение ребенка, оформить материнский капитал, а также записать ребенка в детский сад. ' +
          `Оформить на себя и ребенка загранпаспорт, быть в курсе налоговых, судебных задолженностей и штрафов ГИБДД, если они появятся ${KEY_SERVICES}.`,
      ],
    },
    en: {
      male: [
        'Let us confirm your account right now, and you will be able to use everything the portals offer. It will not take long, and in future you will save time getting public services.',
        EN_MEN_SERVICES,
      ],
      female: [
        'Let us confirm your account on the public services portal gosuslugi.ru right now. It will not take long, but in future you will save time getting public services. ' +
          'On the portal you can apply to the registry office, choose a convenient wedding date, register a child’s birth, apply for maternity capital and enrol a child in a kindergarten. ' +
          `Apply for foreign passports for yourself and your child, and keep track of tax and court debts and traffic fines, should there be any ${KEY_SERVICES}.`,
      ],
    },
  },
  congratulation: {
    ref: '1.2.1.1 А',
    ru: {
      any: [
        'Поздравляю, теперь Вам доступны все возможности Портала Госуслуг! Получайте Госуслуги не выходя из дома! Пользуйтесь сами, советуйте родственникам и друзьям, они смогут сэкономить очень много времени, ведь получать госуслуги на портале действительно удобно.',
      ],
    },
    en: {
      any: [
        'Congratulations, everything the public services portal offers is now open to you! Get public services without leaving home! Use it yourself and recommend it to your family and friends: they will save a lot of time, because getting public services on the portal really is convenient.',
      ],
    },
  },
  confirmAdvice: {
    ref: '1.2.1.1 Б',
    ru: {
      any: [
        'Часть госуслуг Вы сможете получить уже сегодня, с текущим уровнем учетной записи. Однако для получения доступа ко всем возможностям портала Вам необходимо будет подтвердить учетную запись в одном из центров регистрации, это несложно: адреса специальных центров вы найдете в разделе помощи и поддержки на портале госуслуг.',
      ],
    },
    en: {
      any: [
        'Some public services are open to you today, with your current account level. To use everything the portal offers, however, you will need to confirm your account at one of the registration centres. It is easy: you will find the centres’ addresses in the help and support section of the public services portal.',
      ],
    },
  },
  offerRegister: {
    ref: '1.2.2',
    ru: {
      male: [
        'Давайте прямо сейчас создадим Вам учетную запись на портале госуслуг gosuslugi.ru. Это не займет много времени, но в будущем Вы сможете сэкономить время при получении госуслуг. ' +
          'С помощью портала Вы сможете оплатить штрафы ГИБДД со скидкой до 50%, зарегистрировать автомобиль или получить водительские права. ' +
          'А также быть в курсе ваших пенсионных накоплений и возможных налоговых или судебных задолженностей. ' +
          'Проверять их лучше регулярно, особенно если вы планируете путешествие за границу или по России. ' +
          `Кстати, загранпаспорт также можно оформить на портале ${KEY_SERVICES}.`,
      ],
      female: [
        'Давайте прямо сейчас создадим Вашу учетную запись на портале госуслуг gosuslugi.ru. Это не займет много времени, но в будущем Вы сможете сэкономить время при получении госуслуг. ' +
          'С помощью портала вы сможете подать заявление в загс, выбрать удобную для регистрации дату, зарегистрировать рождение ребенка, оформить материнский капитал, а также записать ребенка в детский сад. ' +
          `Оформить на себя и ребенка загранпаспорт, быть в курсе налоговых, судебных задолженностей и штрафов ГИБДД, если они появятся ${KEY_SERVICES}.`,
      ],
    },
    en: {
      male: [
        'Let us create an account for you on the public services portal gosuslugi.ru right now. It will not take long, but in future you will save time getting public services. ' +
          EN_MEN_SERVICES,
      ],
      female: [
        'Let us create your account on the public services portal gosuslugi.ru right now. It will not take long, but in future you will save time getting public services. ' +
          'On the portal you can apply to the registry office, choose a convenient wedding date, register a child’s birth, apply for maternity capital and enrol a child in a kindergarten. ' +
          `Apply for foreign passports for yourself and your child, and keep track of tax and court debts and traffic fines, should there be any ${KEY_SERVICES}.`,
      ],
    },
  },
  registerClosing: {
    ref: '1.2.2 А',
    ru: {
      any: [
        'Рекомендую Вам сегодня же проверить наличие у Вас штрафов ГИБДД, налоговых, судебных задолженностей, а также получить выписку из лицевого счета Пенсионного фонда. Из нее вы узнаете, платит ли за вас налоги ваш работодатель, узнаете количество пенсионных баллов для расчета будущей пенсии. Кроме того, полученной на портале справкой можно подтвердить доход при получении кредита.',
        'Пользуйтесь сами, советуйте родственникам и друзьям, они смогут сэкономить очень много времени, ведь получать госуслуги на портале действительно удобно.',
      ],
    },
    en: {
      any: [
        'I recommend that you check today whether you have any traffic fines, tax or court debts, and get a statement of your Pension Fund personal account. It shows whether your employer pays contributions for you and how many pension points you have for your future pension. A statement from the portal can also prove your income when you apply for a loan.',
        'Use it yourself and recommend it to your family and friends: they will save a lot of time, because getting public services on the portal really is convenient.',
      ],
    },
  },
  selfRegister: {
    ref: '1.2.3',
    ru: {
      any: [
        'Рекомендую Вам зарегистрироваться на портале госуслуг gosuslugi.ru, часть госуслуг Вы сможете получить сразу после регистрации. Однако для получения доступа ко всем возможностям портала Вам необходимо будет подтвердить учетную запись в одном из центров регистрации, это несложно: адреса специальных центров вы найдете в разделе помощи и поддержки на портале госуслуг.',
      ],
    },
    en: {
      any: [
        'I recommend that you register on the public services portal gosuslugi.ru: some public services are open to you right after registering. To use everything the portal offers, however, you will need to confirm your account at one of the registration centres. It is easy: you will find the centres’ addresses in the help and support section of the public services portal.',
      ],
    },
  },
};

/** Whether the seed has a men's and a women's variant of this script. */
export function hasGenderVariants(id: ScriptId): boolean {
  return 'male' in SCRIPTS[id].ru;
}

/**
 * The script's paragraphs for a gender, with the key services filled in:
 * «…на портале [+ключевые госуслуги региона].» becomes «…на портале. Также на
 * портале можно: a, b, c.» (nothing added when the region lists none).
 */
export function renderScript(id: ScriptId, options: { gender?: Gender | null; keyServices: readonly string[] }, lang: Lang = 'ru'): string[] {
  const text = SCRIPTS[id][lang];
  const paragraphs = 'any' in text ? text.any : text[options.gender ?? 'male'];
  const services = options.keyServices.map((s) => s.trim().replace(/[.;,]+$/, '')).filter(Boolean);
  const tail = services.length ? (lang === 'ru' ? ` Также на портале можно: ${services.join(', ')}.` : ` On the portal you can also: ${services.join(', ')}.`) : '';
  return paragraphs.map((p) => p.replace(` ${KEY_SERVICES}.`, `.${tail}`));
}
