import { defineMessages, type Lang } from './i18n.js';

/** Staff roles. Each is scoped: see `scopeOf` in policy.ts. */
export const ROLES = [
  'operator',
  'reception',
  'department_officer',
  'municipal_coordinator',
  'regional_admin',
  'system_admin',
] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

const roleMessages = defineMessages({
  ru: {
    operator: 'Оператор центра обслуживания',
    reception: 'Сотрудник приёма',
    department_officer: 'Специалист ведомства',
    municipal_coordinator: 'Координатор муниципалитета',
    regional_admin: 'Администратор региона',
    system_admin: 'Системный администратор',
  },
  en: {
    operator: 'Service-centre operator',
    reception: 'Reception staff',
    department_officer: 'Department officer',
    municipal_coordinator: 'Municipal coordinator',
    regional_admin: 'Regional administrator',
    system_admin: 'System administrator',
  },
});

export function roleLabel(lang: Lang, role: Role): string {
  return roleMessages(lang, role);
}

const levelMessages = defineMessages({
  ru: { simplified: 'Упрощённая учётная запись', standard: 'Стандартная учётная запись', confirmed: 'Подтверждённая учётная запись' },
  en: { simplified: 'Simplified account', standard: 'Standard account', confirmed: 'Confirmed account' },
});

/** «Стандартная учётная запись». */
export function levelLabel(lang: Lang, level: 'simplified' | 'standard' | 'confirmed'): string {
  return levelMessages(lang, level);
}
