import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { OpeningHoursRow } from '../../../db/schema/territory.js';
import { extractPdfText, renderPdf } from '../../../platform/pdf/index.js';
import { formatHoursRu, memoSpec, posterSpec, type HandoutData } from './handout-content.js';

const WEEK = [1, 2, 3, 4, 5] as const;
const post: OpeningHoursRow[] = [...WEEK.map((day): OpeningHoursRow => ({ day, opens: '09:00', closes: '18:00', breakFrom: '13:00', breakTo: '14:00' })), { day: 6, opens: '09:00', closes: '14:00' }];

test('opening hours in Russian: merged days, lunch break, days off, no leading zeros', () => {
  assert.equal(formatHoursRu(post), 'пн–пт 9:00–18:00, обед 13:00–14:00; сб 9:00–14:00; вс — выходной');
  assert.equal(formatHoursRu(WEEK.map((day) => ({ day, opens: '08:45', closes: '17:00', breakFrom: '13:00', breakTo: '14:00' }))), 'пн–пт 8:45–17:00, обед 13:00–14:00; сб, вс — выходные');
  // Different hours on Friday break the run; two adjacent days are written with a comma.
  const mixed: OpeningHoursRow[] = [
    { day: 1, opens: '08:00', closes: '20:00' },
    { day: 2, opens: '08:00', closes: '20:00' },
    { day: 3, opens: '08:00', closes: '18:00' },
    { day: 4, opens: '08:00', closes: '18:00' },
    { day: 5, opens: '08:00', closes: '18:00' },
    { day: 7, opens: '10:00', closes: '14:00' },
  ];
  assert.equal(formatHoursRu(mixed), 'пн, вт 8:00–20:00; ср–пт 8:00–18:00; вс 10:00–14:00; сб — выходной');
  assert.equal(formatHoursRu([]), 'часы работы не указаны');
});

const data: HandoutData = {
  centre: { name: 'Офис МФЦ в с. Калга', address: 'с. Калга, ул. Партизанская, д. 20', phone: '+7 30244 4-11-22', hours: post },
  event: { code: 'KALGA-2026-K7QM', title: 'День электронных услуг' },
  registerUrl: 'https://uslugi.example/register?event=KALGA-2026-K7QM',
};

const flat = (s: string) => s.replace(/\s+/g, ' ');

test('the instruction: the steps of seed 001 by account level, the centre and the event code', async () => {
  const pdf = await renderPdf(memoSpec(data), { compress: false });
  const text = flat(extractPdfText(pdf));
  assert.match(text, /Как зарегистрироваться на портале госуслуг/);
  for (const s of ['паспорт гражданина России', 'СНИЛС (номер из 11 цифр)', 'Шаг 1. Упрощённая учётная запись', 'Шаг 2. Стандартная учётная запись', 'Шаг 3. Подтверждённая учётная запись', 'в поле «Код» и нажмите «Подтвердить»', 'введите его два раза', 'адрес регистрации и адрес проживания', 'Пенсионный фонд и МВД', 'загранпаспорт']) {
    assert.ok(text.includes(s), s);
  }
  assert.ok(text.includes('Адрес: с. Калга, ул. Партизанская, д. 20'));
  assert.ok(text.includes('Телефон: +7 30244 4-11-22'));
  assert.ok(text.includes('Часы работы: пн–пт 9:00–18:00, обед 13:00–14:00; сб 9:00–14:00; вс — выходной'));
  assert.ok(text.includes('Укажите код мероприятия при регистрации: KALGA-2026-K7QM'));
  assert.match(pdf.toString('latin1'), /\/MediaBox \[0 0 595\.28 841\.89\]/, 'A4 portrait');
  // Without an event: no code line; without a phone: no phone line.
  const plain = flat(extractPdfText(await renderPdf(memoSpec({ ...data, event: null, centre: { ...data.centre, phone: null } }), { compress: false })));
  assert.doesNotMatch(plain, /код мероприятия/);
  assert.doesNotMatch(plain, /Телефон:/);
});

test('the poster: one A3 page, the centre and the code', async () => {
  const pdf = await renderPdf(posterSpec(data), { compress: false });
  const latin = pdf.toString('latin1');
  assert.equal(latin.match(/\/Type \/Page\b/g)?.length, 1, 'one page');
  assert.match(latin, /\/MediaBox \[0 0 841\.89 1190\.55\]/, 'A3 portrait');
  const text = flat(extractPdfText(pdf));
  assert.ok(text.includes('Госуслуги — без очередей'));
  assert.ok(text.includes('Поможем бесплатно'));
  assert.ok(text.includes('пн–пт 9:00–18:00, обед 13:00–14:00'));
  assert.ok(text.includes('KALGA-2026-K7QM'));
});
