/**
 * The texts of every SMS and e-mail uslugi sends, in Russian and English.
 *
 * SMS: one segment where possible — at most 70 characters for Cyrillic text
 * (UCS-2), 160 for plain Latin (GSM-7); no links (phishing SMS carry links, ours
 * never do), only the portal name «Услуги» as the signature. Where a variable
 * (a centre's name) makes the text too long, a shorter variant without it is used.
 * E-mail: a subject without variables (no codes or names in subjects, which
 * mail lists show everywhere) and a plain-text body with the details.
 *
 * Links to pages of the portal need its public address; when the caller does
 * not pass `publicUrl`, the text keeps the token PORTAL_URL_TOKEN, which the
 * delivery job replaces with Config.publicUrl.
 */
import { plural, type Lang } from '../../platform/i18n.js';

export const NOTIFICATION_TEMPLATES = [
  'registration_code',
  'registration_link',
  'contact_code',
  'recovery_code',
  'recovery_link',
  'checks_passed',
  'checks_failed',
  'checks_unavailable',
  'desk_one_time_password',
  'account_confirmed',
  'access_restored',
  'account_deleted',
  'already_registered',
  'outreach_due_soon',
  'outreach_overdue',
  'outreach_escalation',
] as const;

export type NotificationTemplate = (typeof NOTIFICATION_TEMPLATES)[number];

export function isNotificationTemplate(value: unknown): value is NotificationTemplate {
  return typeof value === 'string' && (NOTIFICATION_TEMPLATES as readonly string[]).includes(value);
}

/** The variables each template needs (`hours` of the link templates is optional, default 24). */
export interface TemplateVars {
  registration_code: { code: string };
  registration_link: { link: string; hours?: string };
  contact_code: { code: string };
  recovery_code: { code: string };
  recovery_link: { link: string; hours?: string };
  /** link: the activation-points page (default {portalUrl}/activation-points) */
  checks_passed: { link?: string };
  checks_failed: { document: CheckedDocument };
  checks_unavailable: Record<string, never>;
  desk_one_time_password: { password: string };
  account_confirmed: { centre: string };
  access_restored: { centre: string };
  account_deleted: { centre: string };
  /** someone started a registration with a phone/e-mail that already has an account; link = the sign-in page */
  already_registered: { link: string };
  /** a plan item falls due soon; days = working days left («0» on the due day) */
  outreach_due_soon: OutreachDueVars;
  /** a plan item is overdue; days = calendar days overdue */
  outreach_overdue: OutreachDueVars;
  /** to the regional administrators: an item overdue beyond the escalation threshold; days = calendar days overdue */
  outreach_escalation: OutreachDueVars;
}

/** The occurrence a plan reminder is about; dueOn as dd.mm.yyyy, days as digits. */
export interface OutreachDueVars {
  municipality: string;
  item: string;
  content: string;
  dueOn: string;
  days: string;
}

export type CheckedDocument = 'СНИЛС' | 'паспорт' | 'СНИЛС и паспорт';

export const REQUIRED_VARS: { [T in NotificationTemplate]: readonly string[] } = {
  registration_code: ['code'],
  registration_link: ['link'],
  contact_code: ['code'],
  recovery_code: ['code'],
  recovery_link: ['link'],
  checks_passed: [],
  checks_failed: ['document'],
  checks_unavailable: [],
  desk_one_time_password: ['password'],
  account_confirmed: ['centre'],
  access_restored: ['centre'],
  account_deleted: ['centre'],
  already_registered: ['link'],
  outreach_due_soon: ['municipality', 'item', 'content', 'dueOn', 'days'],
  outreach_overdue: ['municipality', 'item', 'content', 'dueOn', 'days'],
  outreach_escalation: ['municipality', 'item', 'content', 'dueOn', 'days'],
};

/** Templates whose point is a link: they make sense only as e-mail (SMS never carry links). */
export const EMAIL_ONLY_TEMPLATES: ReadonlySet<NotificationTemplate> = new Set([
  'registration_link',
  'recovery_link',
  'outreach_due_soon',
  'outreach_overdue',
  'outreach_escalation',
]);

/** The page of plan due dates that the outreach reminders link to. */
export const OUTREACH_DUE_PATH = '/outreach/due';

/** Replaced by the delivery job with Config.publicUrl when the caller gave no `publicUrl`. */
export const PORTAL_URL_TOKEN = '{portalUrl}';

export interface RenderedNotification {
  sms: string;
  email: { subject: string; text: string };
}

/** One SMS segment: 70 UCS-2 characters, or 160 when every character is in the GSM-7 alphabet. */
export function smsSegmentLimit(text: string): number {
  return /^[A-Za-z0-9 @£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ!"#¤%&'()*+,\-./:;<=>?¡ÄÖÑÜ§¿äöñüà]*$/.test(text) ? 160 : 70;
}

interface Texts {
  /** candidates, best first: the first that fits one segment is used, else the last */
  sms: string[];
  subject: string;
  body: string;
}

type Vars = Record<string, string>;

const DOCUMENTS: Record<CheckedDocument, { ru: { gen: string; issuer: string }; en: { name: string; issuer: string } }> = {
  СНИЛС: { ru: { gen: 'СНИЛС', issuer: 'Социальный фонд России' }, en: { name: 'SNILS', issuer: 'the Social Fund of Russia' } },
  паспорт: { ru: { gen: 'паспорта', issuer: 'МВД' }, en: { name: 'passport', issuer: 'the Ministry of Internal Affairs (MVD)' } },
  'СНИЛС и паспорт': {
    ru: { gen: 'СНИЛС и паспорта', issuer: 'Социальный фонд России и МВД' },
    en: { name: 'SNILS and passport', issuer: 'the Social Fund of Russia and the Ministry of Internal Affairs (MVD)' },
  },
};

const DOCUMENT_ALIASES: Record<string, CheckedDocument> = {
  снилс: 'СНИЛС',
  snils: 'СНИЛС',
  паспорт: 'паспорт',
  passport: 'паспорт',
  'снилс и паспорт': 'СНИЛС и паспорт',
  'паспорт и снилс': 'СНИЛС и паспорт',
  'snils and passport': 'СНИЛС и паспорт',
};

function documentOf(vars: Vars): (typeof DOCUMENTS)[CheckedDocument] {
  const key = DOCUMENT_ALIASES[(vars.document ?? '').trim().toLowerCase().replace(/\s+/g, ' ')];
  if (!key) throw new Error("Notification template checks_failed: document must be 'СНИЛС', 'паспорт' or 'СНИЛС и паспорт'");
  return DOCUMENTS[key];
}

function hoursText(lang: Lang, vars: Vars): string {
  const n = vars.hours && /^\d{1,3}$/.test(vars.hours) ? Number(vars.hours) : 24;
  return lang === 'ru' ? `${n} ${plural('ru', n, { one: 'час', few: 'часа', many: 'часов', other: 'часа' })}` : `${n} ${n === 1 ? 'hour' : 'hours'}`;
}

/** The item's content on one line, at most 200 characters. */
function contentText(vars: Vars): string {
  const one = (vars.content ?? '').replace(/\s+/g, ' ').trim();
  return one.length > 200 ? `${one.slice(0, 199)}…` : one;
}

function daysOf(template: NotificationTemplate, vars: Vars): number {
  if (!/^\d{1,5}$/.test(vars.days ?? '')) throw new Error(`Notification template ${template}: "days" must be a whole number`);
  return Number(vars.days);
}

function ruCalendarDays(n: number): string {
  return `${n} ${plural('ru', n, { one: 'день', few: 'дня', many: 'дней', other: 'дня' })}`;
}

function ruWorkingDays(n: number): string {
  return `${n} ${plural('ru', n, { one: 'рабочий день', few: 'рабочих дня', many: 'рабочих дней', other: 'рабочего дня' })}`;
}

function enDays(n: number, working: boolean): string {
  return `${n} ${working ? 'working ' : ''}${n === 1 ? 'day' : 'days'}`;
}

function ruOccurrence(v: Vars, when: string): string {
  return `Муниципальное образование: ${v.municipality}\nПункт ${v.item}: ${contentText(v)}\nСрок: ${v.dueOn} (${when})`;
}

function enOccurrence(v: Vars, when: string): string {
  return `Municipality: ${v.municipality}\nItem ${v.item}: ${contentText(v)}\nDue: ${v.dueOn} (${when})`;
}

const RU_SIGN = '\n\n—\nПортал «Услуги». Письмо отправлено автоматически, отвечать на него не нужно.';
const EN_SIGN = '\n\n—\nUslugi portal. This message was sent automatically; please do not reply.';

function ru(template: NotificationTemplate, v: Vars, portal: string): Texts {
  switch (template) {
    case 'registration_code':
      return {
        sms: [`Код подтверждения: ${v.code}. Никому не сообщайте его. Услуги`],
        subject: 'Код подтверждения регистрации',
        body:
          `Здравствуйте!\n\nКод для подтверждения регистрации на портале «Услуги»: ${v.code}\n\n` +
          'Код действует 5 минут. Никому не сообщайте его — сотрудники портала никогда не спрашивают коды.\n\n' +
          'Если вы не регистрировались на портале, просто не обращайте внимания на это письмо.',
      };
    case 'registration_link':
      return {
        sms: ['Подтвердите почту по ссылке из нашего письма. Услуги'],
        subject: 'Подтвердите адрес электронной почты',
        body:
          'Здравствуйте!\n\nЧтобы завершить регистрацию на портале «Услуги», подтвердите адрес электронной почты — перейдите по ссылке:\n\n' +
          `${v.link}\n\nСсылка действует ${hoursText('ru', v)} и срабатывает один раз.\n\n` +
          'Если вы не регистрировались на портале, просто не обращайте внимания на это письмо: без подтверждения учётная запись не заработает.',
      };
    case 'contact_code':
      return {
        sms: [`Код для смены контакта: ${v.code}. Никому не сообщайте его. Услуги`, `Код: ${v.code}. Никому не сообщайте его. Услуги`],
        subject: 'Код подтверждения нового контакта',
        body:
          `Здравствуйте!\n\nКод для подтверждения нового телефона или адреса почты в личном кабинете портала «Услуги»: ${v.code}\n\n` +
          'Код действует 5 минут. Никому не сообщайте его.\n\n' +
          'Если вы не меняли контактные данные, войдите в личный кабинет и смените пароль.',
      };
    case 'recovery_code':
      return {
        sms: [`Код восстановления доступа: ${v.code}. Никому не сообщайте его. Услуги`, `Код восстановления: ${v.code}. Никому не сообщайте его. Услуги`],
        subject: 'Код для восстановления доступа',
        body:
          `Здравствуйте!\n\nКод для восстановления доступа к учётной записи на портале «Услуги»: ${v.code}\n\n` +
          'Код действует 5 минут. Никому не сообщайте его — сотрудники портала никогда не спрашивают коды.\n\n' +
          'Если вы не восстанавливали доступ, не обращайте внимания на это письмо: пароль останется прежним.',
      };
    case 'recovery_link':
      return {
        sms: ['Ссылка для восстановления доступа отправлена на почту. Услуги'],
        subject: 'Восстановление доступа к учётной записи',
        body:
          'Здравствуйте!\n\nЧтобы задать новый пароль для учётной записи на портале «Услуги», перейдите по ссылке:\n\n' +
          `${v.link}\n\nСсылка действует ${hoursText('ru', v)} и срабатывает один раз.\n\n` +
          'Если вы не восстанавливали доступ, не обращайте внимания на это письмо: пароль останется прежним.',
      };
    case 'checks_passed':
      return {
        sms: ['Данные проверены, учётная запись стала стандартной. Услуги'],
        subject: 'Данные проверены: учётная запись стандартная',
        body:
          'Здравствуйте!\n\nСоциальный фонд России подтвердил ваш СНИЛС, МВД — паспорт. Теперь у вас стандартная учётная запись на портале «Услуги».\n\n' +
          'Следующий шаг — подтвердить личность: придите с паспортом в любой центр обслуживания (МФЦ, отделение почты, администрацию). ' +
          'После этого учётная запись станет подтверждённой и откроет все услуги.\n\n' +
          `Адреса и часы работы центров обслуживания: ${v.link || `${portal}/activation-points`}`,
      };
    case 'checks_failed': {
      const d = documentOf(v).ru;
      return {
        sms: [`Данные ${d.gen} не подтверждены, проверьте их в кабинете. Услуги`, 'Данные не подтверждены, проверьте их в кабинете. Услуги'],
        subject: 'Данные не прошли проверку',
        body:
          `Здравствуйте!\n\nСведения ${d.gen}, которые вы указали на портале «Услуги», не совпали с данными ведомства (${d.issuer}). ` +
          'Чаще всего причина — опечатка в номере, фамилии, имени или дате рождения либо документ заменён.\n\n' +
          `Что сделать: войдите в личный кабинет, откройте «Личные данные», сверьте данные ${d.gen} с документом, исправьте ошибку и сохраните — проверка начнётся заново.\n\n` +
          `Если всё указано верно, а проверка снова не проходит, обратитесь в ${d.issuer} или в МФЦ.`,
      };
    }
    case 'checks_unavailable':
      return {
        sms: ['Ведомство пока не ответило, проверка продолжится сама. Услуги'],
        subject: 'Проверка данных задерживается',
        body:
          'Здравствуйте!\n\nВедомство, которое проверяет ваши данные, сейчас не отвечает. ' +
          'Мы продолжаем проверку автоматически и сообщим результат, как только он будет готов.\n\nДелать ничего не нужно.',
      };
    case 'desk_one_time_password':
      return {
        sms: [`Временный пароль: ${v.password}. Смените его при первом входе. Услуги`, `Временный пароль: ${v.password}. Услуги`],
        subject: 'Временный пароль для входа',
        body:
          `Здравствуйте!\n\nСотрудник центра обслуживания выдал вам временный пароль для входа на портал «Услуги»: ${v.password}\n\n` +
          'Пароль одноразовый: при первом входе портал попросит придумать новый. Никому не сообщайте временный пароль.',
      };
    case 'account_confirmed':
      return {
        sms: [`Учётная запись подтверждена: ${v.centre}. Услуги`, 'Учётная запись подтверждена, доступны все услуги. Услуги'],
        subject: 'Учётная запись подтверждена',
        body:
          'Здравствуйте!\n\nВаша личность подтверждена в центре обслуживания. Теперь у вас подтверждённая учётная запись на портале «Услуги» — доступны все электронные услуги.\n\n' +
          `Центр обслуживания: ${v.centre}\n\n` +
          'Если вы не обращались в центр обслуживания, сообщите об этом в личном кабинете («Это был не я») или в любом центре обслуживания.',
      };
    case 'access_restored':
      return {
        sms: [`Доступ восстановлен: ${v.centre}. Не вы? Обратитесь в МФЦ. Услуги`, 'Доступ к учётной записи восстановлен. Не вы? Обратитесь в МФЦ. Услуги'],
        subject: 'Доступ к учётной записи восстановлен',
        body:
          'Здравствуйте!\n\nДоступ к вашей учётной записи на портале «Услуги» восстановлен в центре обслуживания.\n\n' +
          `Центр обслуживания: ${v.centre}\n\n` +
          'Если вы не обращались в центр, срочно сообщите об этом в любом центре обслуживания или в личном кабинете («Это был не я»).',
      };
    case 'account_deleted':
      return {
        sms: [`Учётная запись удалена: ${v.centre}. Услуги`, 'Ваша учётная запись на портале удалена. Услуги'],
        subject: 'Учётная запись удалена',
        body:
          'Здравствуйте!\n\nВаша учётная запись на портале «Услуги» удалена сотрудником центра обслуживания.\n\n' +
          `Центр обслуживания: ${v.centre}\n\n` +
          'Если вы не просили удалить учётную запись, обратитесь в любой центр обслуживания.',
      };
    case 'already_registered':
      return {
        sms: ['Вы уже зарегистрированы. Войдите или восстановите пароль. Услуги'],
        subject: 'Вы уже зарегистрированы на портале',
        body:
          'Здравствуйте!\n\nКто-то начал регистрацию на портале «Услуги» с этим адресом, но он уже указан в учётной записи. Новая учётная запись не нужна — войдите в существующую:\n\n' +
          `${v.link}\n\nЕсли вы не помните пароль, восстановите его на странице входа.\n\n` +
          'Если регистрацию начинали не вы, ничего делать не нужно: ваша учётная запись в безопасности.',
      };
    case 'outreach_due_soon': {
      const n = daysOf(template, v);
      return {
        sms: ['Приближается срок пункта плана. Подробности в письме. Услуги'],
        subject: 'Приближается срок пункта плана мероприятий',
        body:
          'Здравствуйте!\n\nПриближается срок исполнения пункта плана мероприятий по информированию граждан о государственных и муниципальных услугах в электронной форме. ' +
          'Вы получили это письмо как исполнитель пункта или координатор плана.\n\n' +
          `${ruOccurrence(v, n === 0 ? 'срок сегодня' : `через ${ruWorkingDays(n)}`)}\n\n` +
          `Когда пункт будет выполнен, отметьте это на странице «Сроки по планам»: ${portal}${OUTREACH_DUE_PATH}`,
      };
    }
    case 'outreach_overdue': {
      const n = daysOf(template, v);
      return {
        sms: ['Срок пункта плана прошёл. Подробности в письме. Услуги'],
        subject: 'Срок пункта плана мероприятий прошёл',
        body:
          'Здравствуйте!\n\nСрок исполнения пункта плана мероприятий по информированию граждан прошёл, а отметки о выполнении нет. ' +
          'Вы получили это письмо как исполнитель пункта или координатор плана.\n\n' +
          `${ruOccurrence(v, `просрочено на ${ruCalendarDays(n)}`)}\n\n` +
          `Если пункт выполнен, отметьте это на странице «Сроки по планам»: ${portal}${OUTREACH_DUE_PATH}\n\n` +
          'Если нет — выполните его как можно скорее: о давно просроченных пунктах сообщается администратору региона.',
      };
    }
    case 'outreach_escalation': {
      const n = daysOf(template, v);
      return {
        sms: ['Пункт плана давно просрочен. Подробности в письме. Услуги'],
        subject: 'Пункт плана мероприятий давно просрочен',
        body:
          'Здравствуйте!\n\nПункт плана мероприятий по информированию граждан не выполнен в срок, и отметки о выполнении до сих пор нет. ' +
          'Исполнители и координатор муниципального образования уже получили напоминания.\n\n' +
          `${ruOccurrence(v, `просрочено на ${ruCalendarDays(n)}`)}\n\n` +
          `Сроки по всем муниципальным образованиям региона: ${portal}${OUTREACH_DUE_PATH}`,
      };
    }
  }
}

function en(template: NotificationTemplate, v: Vars, portal: string): Texts {
  switch (template) {
    case 'registration_code':
      return {
        sms: [`Confirmation code: ${v.code}. Do not share it with anyone. Uslugi`],
        subject: 'Your registration code',
        body:
          `Hello,\n\nYour code to confirm your registration on the Uslugi portal: ${v.code}\n\n` +
          'The code is valid for 5 minutes. Do not share it with anyone — the portal staff never ask for codes.\n\n' +
          'If you did not register on the portal, please ignore this message.',
      };
    case 'registration_link':
      return {
        sms: ['Please confirm your e-mail with the link we sent you. Uslugi'],
        subject: 'Confirm your e-mail address',
        body:
          'Hello,\n\nTo finish your registration on the Uslugi portal, please confirm your e-mail address by following this link:\n\n' +
          `${v.link}\n\nThe link is valid for ${hoursText('en', v)} and works once.\n\n` +
          'If you did not register on the portal, please ignore this message: the account will not work without confirmation.',
      };
    case 'contact_code':
      return {
        sms: [`Code to change your contact details: ${v.code}. Do not share it. Uslugi`],
        subject: 'Confirm your new contact details',
        body:
          `Hello,\n\nYour code to confirm a new phone number or e-mail address in your Uslugi account: ${v.code}\n\n` +
          'The code is valid for 5 minutes. Do not share it with anyone.\n\n' +
          'If you did not change your contact details, sign in and change your password.',
      };
    case 'recovery_code':
      return {
        sms: [`Account recovery code: ${v.code}. Do not share it with anyone. Uslugi`],
        subject: 'Your account recovery code',
        body:
          `Hello,\n\nYour code to restore access to your account on the Uslugi portal: ${v.code}\n\n` +
          'The code is valid for 5 minutes. Do not share it with anyone — the portal staff never ask for codes.\n\n' +
          'If you did not ask to restore access, please ignore this message: your password stays the same.',
      };
    case 'recovery_link':
      return {
        sms: ['A link to restore access has been sent to your e-mail. Uslugi'],
        subject: 'Restore access to your account',
        body:
          'Hello,\n\nTo set a new password for your account on the Uslugi portal, follow this link:\n\n' +
          `${v.link}\n\nThe link is valid for ${hoursText('en', v)} and works once.\n\n` +
          'If you did not ask to restore access, please ignore this message: your password stays the same.',
      };
    case 'checks_passed':
      return {
        sms: ['Your data has been checked; your account is now standard. Uslugi'],
        subject: 'Your data is checked: standard account',
        body:
          'Hello,\n\nThe Social Fund of Russia has confirmed your SNILS and the Ministry of Internal Affairs your passport. Your account on the Uslugi portal is now standard.\n\n' +
          'Next step: confirm your identity by visiting any service centre (MFC, post office, local administration) with your passport. ' +
          'Your account then becomes confirmed and opens every service.\n\n' +
          `Addresses and opening hours of the service centres: ${v.link || `${portal}/activation-points`}`,
      };
    case 'checks_failed': {
      const d = documentOf(v).en;
      return {
        sms: [`Your ${d.name} details could not be confirmed. Please check them in your account. Uslugi`],
        subject: 'Your data did not pass the check',
        body:
          `Hello,\n\nThe ${d.name} details you entered on the Uslugi portal do not match the records of ${d.issuer}. ` +
          'Most often this is a typo in the number, name or date of birth, or the document has been replaced.\n\n' +
          `What to do: sign in, open “Personal data”, compare your ${d.name} details with the document, correct the mistake and save — the check starts again.\n\n` +
          `If everything is correct but the check fails again, contact ${d.issuer} or a service centre (MFC).`,
      };
    }
    case 'checks_unavailable':
      return {
        sms: ['The registry has not answered yet; we keep checking. Nothing to do. Uslugi'],
        subject: 'The check of your data is delayed',
        body:
          'Hello,\n\nThe registry that checks your data is not answering at the moment. ' +
          'We keep trying automatically and will tell you the result as soon as it is ready.\n\nYou do not need to do anything.',
      };
    case 'desk_one_time_password':
      return {
        sms: [`Temporary password: ${v.password}. Change it when you first sign in. Uslugi`],
        subject: 'Your temporary password',
        body:
          `Hello,\n\nA service centre has issued you a temporary password for the Uslugi portal: ${v.password}\n\n` +
          'It works once: when you first sign in, the portal will ask you to choose a new password. Do not share the temporary password with anyone.',
      };
    case 'account_confirmed':
      return {
        sms: [`Your account is confirmed: ${v.centre}. Uslugi`, 'Your account is confirmed; every service is now open. Uslugi'],
        subject: 'Your account is confirmed',
        body:
          'Hello,\n\nYour identity has been confirmed at a service centre. Your account on the Uslugi portal is now confirmed and every e-service is open to you.\n\n' +
          `Service centre: ${v.centre}\n\n` +
          'If you did not visit a service centre, report it in your account (“This was not me”) or at any service centre.',
      };
    case 'access_restored':
      return {
        sms: [`Access to your account was restored: ${v.centre}. Not you? Contact an MFC. Uslugi`, 'Access to your account was restored. Not you? Contact an MFC. Uslugi'],
        subject: 'Access to your account has been restored',
        body:
          'Hello,\n\nAccess to your account on the Uslugi portal has been restored at a service centre.\n\n' +
          `Service centre: ${v.centre}\n\n` +
          'If you did not visit a service centre, report it at once at any service centre or in your account (“This was not me”).',
      };
    case 'account_deleted':
      return {
        sms: [`Your account has been deleted: ${v.centre}. Uslugi`, 'Your account on the portal has been deleted. Uslugi'],
        subject: 'Your account has been deleted',
        body:
          'Hello,\n\nYour account on the Uslugi portal has been deleted by a service centre employee.\n\n' +
          `Service centre: ${v.centre}\n\n` +
          'If you did not ask for this, please contact any service centre.',
      };
    case 'already_registered':
      return {
        sms: ['You already have an account with this number. Sign in or reset your password. Uslugi'],
        subject: 'You are already registered',
        body:
          'Hello,\n\nSomeone started a registration on the Uslugi portal with this address, but it already belongs to an account. You do not need a new one — sign in to your account:\n\n' +
          `${v.link}\n\nIf you do not remember your password, reset it on the sign-in page.\n\n` +
          'If it was not you, there is nothing to do: your account is safe.',
      };
    case 'outreach_due_soon': {
      const n = daysOf(template, v);
      return {
        sms: ['A plan item is due soon. See the e-mail for details. Uslugi'],
        subject: 'An outreach plan item is due soon',
        body:
          'Hello,\n\nAn item of the outreach plan on e-government services is due soon. ' +
          'You receive this message as a person responsible for the item or as the plan’s coordinator.\n\n' +
          `${enOccurrence(v, n === 0 ? 'due today' : `in ${enDays(n, true)}`)}\n\n` +
          `Once the item is done, mark it on the “Plan due dates” page: ${portal}${OUTREACH_DUE_PATH}`,
      };
    }
    case 'outreach_overdue': {
      const n = daysOf(template, v);
      return {
        sms: ['A plan item is overdue. See the e-mail for details. Uslugi'],
        subject: 'An outreach plan item is overdue',
        body:
          'Hello,\n\nAn item of the outreach plan is past its due date and has not been marked done. ' +
          'You receive this message as a person responsible for the item or as the plan’s coordinator.\n\n' +
          `${enOccurrence(v, `overdue by ${enDays(n, false)}`)}\n\n` +
          `If the item is done, mark it on the “Plan due dates” page: ${portal}${OUTREACH_DUE_PATH}\n\n` +
          'If not, please do it as soon as possible: items overdue for long are reported to the regional administrator.',
      };
    }
    case 'outreach_escalation': {
      const n = daysOf(template, v);
      return {
        sms: ['A plan item is long overdue. See the e-mail for details. Uslugi'],
        subject: 'An outreach plan item is long overdue',
        body:
          'Hello,\n\nAn item of a municipality’s outreach plan was not done by its due date and is still not marked done. ' +
          'The people responsible and the municipality’s coordinator have already been reminded.\n\n' +
          `${enOccurrence(v, `overdue by ${enDays(n, false)}`)}\n\n` +
          `Due dates of every municipality of the region: ${portal}${OUTREACH_DUE_PATH}`,
      };
    }
  }
}

/** The first candidate that fits one SMS segment, else the last (shortest) one. */
function pickSms(candidates: string[]): string {
  return candidates.find((c) => c.length <= smsSegmentLimit(c)) ?? candidates[candidates.length - 1]!;
}

/**
 * The SMS text and the e-mail (subject + plain text) of a notification.
 * Throws when a variable the template needs is missing or empty.
 */
export function renderNotification(
  template: NotificationTemplate,
  vars: Record<string, string> | undefined,
  lang: Lang = 'ru',
  options: { publicUrl?: string } = {},
): RenderedNotification {
  if (!isNotificationTemplate(template)) throw new Error(`Unknown notification template: ${String(template)}`);
  const v: Vars = {};
  for (const [k, value] of Object.entries(vars ?? {})) {
    if (typeof value === 'string') v[k] = value.replace(/[\r\n]+/g, ' ').trim();
  }
  for (const name of REQUIRED_VARS[template]) {
    if (!v[name]) throw new Error(`Notification template ${template} needs the variable "${name}"`);
  }
  const portal = options.publicUrl ? options.publicUrl.replace(/\/+$/, '') : PORTAL_URL_TOKEN;
  const texts = lang === 'en' ? en(template, v, portal) : ru(template, v, portal);
  return {
    sms: pickSms(texts.sms),
    email: { subject: texts.subject, text: texts.body + (lang === 'en' ? EN_SIGN : RU_SIGN) },
  };
}
