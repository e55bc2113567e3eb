/**
 * What the citizen reads about the registry checks: per-registry lines of the
 * page «Проверка данных», the summary of the state, and short texts for the
 * SMS / e-mail that reports the result.
 */
import { defineMessages, formatDateTime, type Lang } from '../../platform/i18n.js';
import type { CheckState, CheckStatus, RegistryCheckStatus } from './get-check-status.js';
import type { CheckOutcome, RegistryMismatchReason, RegistryName } from './verification.types.js';

export const verificationMessages = defineMessages({
  ru: {
    pageTitle: 'Проверка данных',
    pageLead: 'Ваш СНИЛС проверяет Пенсионный фонд, паспорт — МВД.',
    registry_pension_fund: 'Пенсионный фонд',
    registry_migration_service: 'МВД',
    document_pension_fund: 'СНИЛС',
    document_migration_service: 'Паспорт',

    status_queued: 'Ожидает проверки',
    status_in_progress: 'Проверяется',
    status_matched: 'Подтверждено',
    status_mismatch: 'Не совпало',
    status_unavailable: 'Реестр не отвечает',

    line_pension_fund_queued: 'Пенсионный фонд: СНИЛС ожидает проверки.',
    line_pension_fund_in_progress: 'Пенсионный фонд: СНИЛС проверяется.',
    line_pension_fund_matched: 'Пенсионный фонд: СНИЛС подтверждён.',
    line_migration_service_queued: 'МВД: паспорт ожидает проверки.',
    line_migration_service_in_progress: 'МВД: паспорт проверяется.',
    line_migration_service_matched: 'МВД: паспорт подтверждён.',

    pension_fund_not_found: 'Пенсионный фонд: СНИЛС не найден в реестре. Проверьте номер.',
    pension_fund_name_mismatch:
      'Пенсионный фонд: СНИЛС записан на другие фамилию, имя или отчество. Проверьте, как они написаны, и номер СНИЛС.',
    pension_fund_birth_date_mismatch: 'Пенсионный фонд: дата рождения не совпадает с данными реестра. Проверьте дату рождения.',
    pension_fund_document_invalid: 'Пенсионный фонд: СНИЛС недействителен. Обратитесь в клиентскую службу Социального фонда России.',
    migration_service_not_found: 'МВД: паспорт с такими серией, номером и датой выдачи не найден. Сверьте их с паспортом.',
    migration_service_name_mismatch:
      'МВД: паспорт выдан на другие фамилию, имя или отчество. Проверьте, как они написаны, а также серию и номер паспорта.',
    migration_service_birth_date_mismatch: 'МВД: дата рождения не совпадает с паспортными данными. Проверьте дату рождения.',
    migration_service_document_invalid: 'МВД: паспорт недействителен (заменён или утерян). Укажите данные действующего паспорта.',

    unavailableRetrying: '{registry}: реестр временно не отвечает — мы повторим проверку автоматически.',
    unavailableRetryingUntil: '{registry}: реестр временно не отвечает — мы повторим проверку автоматически (до {until}).',
    unavailableFinal:
      '{registry}: реестр не ответил в течение суток. Отправьте данные на проверку ещё раз или обратитесь в центр обслуживания.',
    attempts: 'Запросов в реестр: {count}',

    state_none: 'Данные ещё не отправлены на проверку. Заполните личные данные и нажмите «Продолжить».',
    state_in_progress:
      'Данные проверяются. Обычно это занимает несколько минут, изредка дольше. Результат придёт по SMS или на электронную почту и появится на этой странице.',
    state_passed: 'Проверка пройдена: СНИЛС и паспорт подтверждены. Ваша учётная запись — стандартная.',
    state_mismatch: 'Проверка не пройдена. Исправьте данные, указанные ниже, и отправьте их снова.',
    state_unavailable: 'Проверка пока не завершена: реестр временно не отвечает. Мы повторим проверку автоматически и сообщим результат.',
    state_unavailable_final:
      'Проверка не завершена: реестр не ответил в течение суток. Отправьте данные на проверку ещё раз или обратитесь в центр обслуживания.',

    notify_passed: 'Услуги: проверка ваших данных пройдена. Учётная запись стала стандартной.',
    notify_mismatch: 'Услуги: проверка ваших данных не пройдена. Что исправить — в личном кабинете, раздел «Проверка данных».',
    notify_unavailable: 'Услуги: реестр временно не отвечает, проверка ваших данных займёт больше времени. Мы сообщим результат.',
  },
  en: {
    pageTitle: 'Data check',
    pageLead: 'The pension fund checks your SNILS, the Ministry of Internal Affairs your passport.',
    registry_pension_fund: 'Pension fund',
    registry_migration_service: 'Ministry of Internal Affairs',
    document_pension_fund: 'SNILS',
    document_migration_service: 'Passport',

    status_queued: 'Waiting',
    status_in_progress: 'Being checked',
    status_matched: 'Confirmed',
    status_mismatch: 'Did not match',
    status_unavailable: 'Registry not responding',

    line_pension_fund_queued: 'Pension fund: the SNILS is waiting to be checked.',
    line_pension_fund_in_progress: 'Pension fund: the SNILS is being checked.',
    line_pension_fund_matched: 'Pension fund: the SNILS is confirmed.',
    line_migration_service_queued: 'Ministry of Internal Affairs: the passport is waiting to be checked.',
    line_migration_service_in_progress: 'Ministry of Internal Affairs: the passport is being checked.',
    line_migration_service_matched: 'Ministry of Internal Affairs: the passport is confirmed.',

    pension_fund_not_found: 'Pension fund: the SNILS was not found in the registry. Please check the number.',
    pension_fund_name_mismatch:
      'Pension fund: the SNILS belongs to a different surname, first name or patronymic. Please check their spelling and the SNILS number.',
    pension_fund_birth_date_mismatch: 'Pension fund: the date of birth does not match the registry. Please check the date of birth.',
    pension_fund_document_invalid: 'Pension fund: the SNILS is not valid. Please contact the Social Fund of Russia.',
    migration_service_not_found:
      'Ministry of Internal Affairs: no passport with this series, number and issue date was found. Please compare them with your passport.',
    migration_service_name_mismatch:
      'Ministry of Internal Affairs: the passport was issued to a different surname, first name or patronymic. Please check their spelling and the passport series and number.',
    migration_service_birth_date_mismatch:
      'Ministry of Internal Affairs: the date of birth does not match the passport records. Please check the date of birth.',
    migration_service_document_invalid:
      'Ministry of Internal Affairs: the passport is not valid (replaced or lost). Please enter the details of your current passport.',

    unavailableRetrying: '{registry}: the registry is not responding at the moment — we will repeat the check automatically.',
    unavailableRetryingUntil: '{registry}: the registry is not responding at the moment — we will repeat the check automatically (until {until}).',
    unavailableFinal: '{registry}: the registry has not answered for a day. Please send your data for checking again or visit a service centre.',
    attempts: 'Requests to the registry: {count}',

    state_none: 'Your data has not been sent for checking yet. Fill in your personal data and press «Continue».',
    state_in_progress:
      'Your data is being checked. This usually takes a few minutes, rarely longer. The result will come by SMS or e-mail and appear on this page.',
    state_passed: 'The check is passed: SNILS and passport are confirmed. Your account is now standard.',
    state_mismatch: 'The check is not passed. Please correct the data named below and send it again.',
    state_unavailable: 'The check is not finished yet: a registry is not responding at the moment. We will repeat the check automatically and let you know.',
    state_unavailable_final:
      'The check is not finished: a registry has not answered for a day. Please send your data for checking again or visit a service centre.',

    notify_passed: 'Uslugi: your data check is passed. Your account is now standard.',
    notify_mismatch: 'Uslugi: your data check is not passed. See «Data check» in your account for what to correct.',
    notify_unavailable: 'Uslugi: a registry is not responding, so checking your data will take longer. We will let you know the result.',
  },
});

const t = verificationMessages;

export function registryLabel(lang: Lang, registry: RegistryName): string {
  return t(lang, `registry_${registry}`);
}

export function checkStatusLabel(lang: Lang, status: RegistryCheckStatus['status']): string {
  return t(lang, `status_${status}`);
}

const REASONS: readonly RegistryMismatchReason[] = ['not_found', 'name_mismatch', 'birth_date_mismatch', 'document_invalid'];

/** «Пенсионный фонд: СНИЛС не найден в реестре. Проверьте номер.»; an unknown code reads as not_found. */
export function mismatchMessage(lang: Lang, registry: RegistryName, reason: string | null): string {
  const code = REASONS.find((r) => r === reason) ?? 'not_found';
  return t(lang, `${registry}_${code}`);
}

/** One line per registry for the page «Проверка данных». */
export function registryLineMessage(lang: Lang, entry: RegistryCheckStatus, timeZone?: string): string {
  switch (entry.status) {
    case 'mismatch':
      return mismatchMessage(lang, entry.registry, entry.reason);
    case 'unavailable':
      if (!entry.retryUntil) return t(lang, 'unavailableFinal', { registry: registryLabel(lang, entry.registry) });
      return t(lang, 'unavailableRetryingUntil', { registry: registryLabel(lang, entry.registry), until: formatDateTime(lang, entry.retryUntil, timeZone) });
    default:
      return t(lang, `line_${entry.registry}_${entry.status}`);
  }
}

/** The summary above the lines. */
export function checkStateMessage(lang: Lang, status: Pick<CheckStatus, 'state' | 'registries'>): string {
  const state: CheckState = status.state;
  if (state === 'unavailable' && status.registries.every((r) => r.status !== 'unavailable' || r.retryUntil === null)) {
    return t(lang, 'state_unavailable_final');
  }
  return t(lang, `state_${state}`);
}

/** Short text of the SMS / e-mail that reports a settled check (no personal data). */
export function outcomeNotification(lang: Lang, outcome: CheckOutcome): string {
  return t(lang, `notify_${outcome.kind}`);
}

/** The reasons of a mismatch outcome, one sentence per document (for an e-mail body). */
export function outcomeDetails(lang: Lang, outcome: CheckOutcome): string[] {
  if (outcome.kind === 'mismatch') return outcome.documents.map((d) => mismatchMessage(lang, d.registry, d.reason));
  if (outcome.kind === 'unavailable') return outcome.registries.map((r) => t(lang, 'unavailableRetrying', { registry: registryLabel(lang, r) }));
  return [];
}
