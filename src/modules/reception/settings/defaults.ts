/**
 * What a region uses until its administrator sets otherwise («Настройки приёма»):
 * the age threshold of seed 004 step 1.1 and the key services that fill
 * «[+ключевые госуслуги региона]». Each key service is a phrase continuing
 * «Также на портале можно: …».
 */
export const DEFAULT_AGE_THRESHOLD = 55;

const GENERAL: readonly string[] = ['записаться на приём к врачу', 'записать ребёнка в кружок или секцию', 'подать показания счётчиков и оплатить жилищно-коммунальные услуги'];

/** Zabaikalsky krai (the demo region): services people of a rural, wooded region ask for at the desk. */
const BY_REGION: Record<string, readonly string[]> = {
  'zabaikalsky-krai': [
    'записаться на приём к врачу',
    'записать ребёнка в кружок или секцию',
    'подать заявление на заготовку древесины для собственных нужд',
    'оформить компенсацию расходов на оплату жилья и коммунальных услуг',
  ],
};

export function defaultKeyServices(regionKey: string): string[] {
  return [...(BY_REGION[regionKey] ?? GENERAL)];
}
