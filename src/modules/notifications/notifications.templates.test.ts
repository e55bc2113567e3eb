import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EMAIL_ONLY_TEMPLATES, NOTIFICATION_TEMPLATES, PORTAL_URL_TOKEN, REQUIRED_VARS, renderNotification, smsSegmentLimit } from './notifications.templates.js';

const VARS = {
  code: '123456',
  link: 'https://uslugi.example.ru/register/email/0b7c/9f3e',
  document: 'паспорт',
  password: 'Kx7-pq2-Lm',
  centre: 'МФЦ г. Якутска',
  // the outreach reminders
  municipality: 'Калганский район',
  item: '2.3',
  content: 'Размещение информации о преимуществах получения услуг в электронной форме на официальном сайте администрации',
  dueOn: '01.03.2026',
  days: '12',
};

test('the registration code SMS reads as agreed', () => {
  assert.equal(renderNotification('registration_code', { code: '123456' }, 'ru').sms, 'Код подтверждения: 123456. Никому не сообщайте его. Услуги');
});

test('every Russian SMS fits one segment (70 Cyrillic characters) with typical values', () => {
  for (const template of NOTIFICATION_TEMPLATES) {
    for (const document of ['СНИЛС', 'паспорт', 'СНИЛС и паспорт']) {
      const sms = renderNotification(template, { ...VARS, document }, 'ru').sms;
      assert.ok(sms.length <= 70, `${template}: ${sms.length} characters: ${sms}`);
      assert.ok(sms.endsWith('Услуги'), template);
    }
  }
});

test('English SMS fit one segment for their alphabet', () => {
  for (const template of NOTIFICATION_TEMPLATES) {
    const sms = renderNotification(template, VARS, 'en').sms;
    assert.ok(sms.length <= smsSegmentLimit(sms), `${template}: ${sms}`);
    assert.ok(sms.endsWith('Uslugi'), template);
    assert.ok(!/[а-яё]/i.test(sms.replace(VARS.centre, '')), `${template} is English: ${sms}`);
  }
});

test('a long centre name falls back to a short SMS without it', () => {
  const sms = renderNotification('account_confirmed', { centre: 'Многофункциональный центр «Мои документы» Мегино-Кангаласского улуса' }, 'ru').sms;
  assert.ok(sms.length <= 70);
  assert.doesNotMatch(sms, /Мегино/);
  assert.match(renderNotification('account_confirmed', { centre: 'МФЦ г. Якутска' }, 'ru').sms, /МФЦ г\. Якутска/);
});

test('SMS never carry links; e-mails of the link templates do', () => {
  for (const lang of ['ru', 'en'] as const) {
    for (const template of NOTIFICATION_TEMPLATES) {
      const r = renderNotification(template, VARS, lang, { publicUrl: 'https://uslugi.example.ru' });
      assert.doesNotMatch(r.sms, /https?:|www\.|\.ru\b|\/\w/, `${lang} ${template}: ${r.sms}`);
    }
    assert.ok(renderNotification('registration_link', VARS, lang).email.text.includes(VARS.link));
    assert.ok(renderNotification('recovery_link', VARS, lang).email.text.includes(VARS.link));
  }
});

test('subjects carry no variables (no codes, passwords or names in mail lists)', () => {
  for (const lang of ['ru', 'en'] as const) {
    for (const template of NOTIFICATION_TEMPLATES) {
      const { subject, text } = renderNotification(template, VARS, lang).email;
      assert.ok(subject.length > 5 && subject.length < 80, `${template}: ${subject}`);
      for (const v of [VARS.code, VARS.password, VARS.centre, VARS.link]) assert.ok(!subject.includes(v), `${template}: ${subject}`);
      assert.ok(text.length > 40);
    }
  }
});

test('e-mails say what matters: validity of the link, the failing document, the next step', () => {
  assert.match(renderNotification('registration_link', VARS, 'ru').email.text, /действует 24 часа/);
  assert.match(renderNotification('registration_link', { ...VARS, hours: '1' }, 'ru').email.text, /действует 1 час /);
  assert.match(renderNotification('registration_link', VARS, 'en').email.text, /valid for 24 hours/);
  assert.match(renderNotification('checks_failed', { document: 'СНИЛС' }, 'ru').email.text, /Сведения СНИЛС.*Социальный фонд России/s);
  assert.match(renderNotification('checks_failed', { document: 'паспорт' }, 'ru').email.text, /данные паспорта с документом/);
  assert.match(renderNotification('checks_failed', { document: 'паспорт' }, 'ru').sms, /паспорта/);
  assert.match(renderNotification('checks_unavailable', {}, 'ru').email.text, /Делать ничего не нужно/);
  assert.match(renderNotification('desk_one_time_password', VARS, 'ru').email.text, /Kx7-pq2-Lm[\s\S]*при первом входе/);
  assert.match(renderNotification('account_deleted', VARS, 'ru').email.text, /Центр обслуживания: МФЦ г\. Якутска/);
});

test('the portal address is filled in when given, else left as a token for the delivery job', () => {
  const withUrl = renderNotification('checks_passed', {}, 'ru', { publicUrl: 'https://uslugi.example.ru/' }).email.text;
  assert.match(withUrl, /https:\/\/uslugi\.example\.ru\/activation-points/);
  assert.ok(renderNotification('checks_passed', {}, 'ru').email.text.includes(`${PORTAL_URL_TOKEN}/activation-points`));
  assert.match(renderNotification('checks_passed', { link: 'https://x.ru/points' }, 'ru').email.text, /https:\/\/x\.ru\/points/);
  assert.match(renderNotification('checks_passed', {}, 'ru').email.text, /стандартная учётная запись/);
});

test('a missing variable or an unknown document is an error, not a broken text', () => {
  for (const template of NOTIFICATION_TEMPLATES) {
    for (const name of REQUIRED_VARS[template]) {
      const vars: Record<string, string> = { ...VARS };
      delete vars[name];
      assert.throws(() => renderNotification(template, vars, 'ru'), new RegExp(`"${name}"`));
    }
  }
  assert.throws(() => renderNotification('checks_failed', { document: 'водительское' }, 'ru'), /СНИЛС/);
  assert.throws(() => renderNotification('nope' as never, {}, 'ru'), /Unknown/);
});

test('line breaks in values cannot add lines to a message', () => {
  const sms = renderNotification('account_deleted', { centre: 'МФЦ\nПерейдите по ссылке' }, 'ru').sms;
  assert.doesNotMatch(sms, /\n/);
});

test('outreach reminders: e-mail only, with the municipality, item, due date, days and the link to the due page', () => {
  for (const template of ['outreach_due_soon', 'outreach_overdue', 'outreach_escalation'] as const) {
    assert.ok(EMAIL_ONLY_TEMPLATES.has(template), template);
    for (const lang of ['ru', 'en'] as const) {
      const { subject, text } = renderNotification(template, VARS, lang).email;
      for (const v of [VARS.municipality, VARS.item, VARS.dueOn]) assert.ok(text.includes(v), `${lang} ${template}: ${v}`);
      assert.ok(text.includes(`${PORTAL_URL_TOKEN}/outreach/due`), `${lang} ${template}: link`);
      for (const v of [VARS.municipality, VARS.item, VARS.dueOn, VARS.days]) assert.ok(!subject.includes(v), `${lang} ${template}: ${subject}`);
    }
  }
  const ru = (template: 'outreach_due_soon' | 'outreach_overdue' | 'outreach_escalation', days: string) => renderNotification(template, { ...VARS, days }, 'ru').email.text;
  assert.match(ru('outreach_overdue', '12'), /Срок: 01\.03\.2026 \(просрочено на 12 дней\)/);
  assert.match(ru('outreach_overdue', '1'), /просрочено на 1 день\)/);
  assert.match(ru('outreach_escalation', '22'), /просрочено на 22 дня\)/);
  assert.match(ru('outreach_due_soon', '3'), /\(через 3 рабочих дня\)/);
  assert.match(ru('outreach_due_soon', '5'), /\(через 5 рабочих дней\)/);
  assert.match(ru('outreach_due_soon', '0'), /\(срок сегодня\)/);
  assert.match(renderNotification('outreach_overdue', VARS, 'en').email.text, /overdue by 12 days/);
  assert.match(renderNotification('outreach_due_soon', { ...VARS, days: '1' }, 'en').email.text, /in 1 working day\)/);
  assert.match(renderNotification('outreach_overdue', VARS, 'ru', { publicUrl: 'https://uslugi.example.ru/' }).email.text, /https:\/\/uslugi\.example\.ru\/outreach\/due/);
  // long contents are shortened; days must be a number
  const long = renderNotification('outreach_overdue', { ...VARS, content: 'слово '.repeat(100) }, 'ru').email.text;
  assert.match(long, /Пункт 2\.3: (слово ){30,}[^\n]*…\n/);
  assert.ok(!long.includes('слово '.repeat(40)));
  assert.throws(() => renderNotification('outreach_overdue', { ...VARS, days: 'много' }, 'ru'), /"days"/);
});
