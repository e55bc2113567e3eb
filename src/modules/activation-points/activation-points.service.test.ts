import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { OpeningHoursRow } from '../../db/schema/territory.js';
import type { ServiceCentreView } from '../territory/territory.repository.js';
import {
  buildGazetteer,
  describeStatus,
  filterPoints,
  findSettlement,
  formatDistance,
  haversineKm,
  isOpenNow,
  latinSkeleton,
  localTime,
  normalizeSettlementName,
  openStatus,
  paginate,
  parseSettlement,
  pointCount,
  tileImgSrc,
  utcOffsetLabel,
  type LocalTime,
} from './activation-points.service.js';

const WEEK = [1, 2, 3, 4, 5] as const;
/** Почта: Mon–Fri 09:00–18:00 with lunch 13:00–14:00, Sat 09:00–14:00, Sunday off. */
const post: OpeningHoursRow[] = [
  ...WEEK.map((day): OpeningHoursRow => ({ day, opens: '09:00', closes: '18:00', breakFrom: '13:00', breakTo: '14:00' })),
  { day: 6, opens: '09:00', closes: '14:00' },
];
/** Администрация: Mon–Fri only. */
const admin: OpeningHoursRow[] = WEEK.map((day): OpeningHoursRow => ({ day, opens: '08:45', closes: '17:00', breakFrom: '13:00', breakTo: '14:00' }));

const at = (day: LocalTime['day'], hhmm: string): LocalTime => ({ day, minutes: Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)) });

describe('open now', () => {
  test('around the lunch break: open before 13:00, on break 13:00–13:59, open again at 14:00', () => {
    assert.equal(isOpenNow(post, at(2, '12:59')), true);
    assert.deepEqual(openStatus(post, at(2, '12:59')), { state: 'open', until: '13:00', breakUntil: '14:00' });
    assert.equal(isOpenNow(post, at(2, '13:00')), false);
    assert.deepEqual(openStatus(post, at(2, '13:30')), { state: 'break', until: '14:00' });
    assert.equal(isOpenNow(post, at(2, '13:59')), false);
    assert.equal(isOpenNow(post, at(2, '14:00')), true);
    assert.deepEqual(openStatus(post, at(2, '14:00')), { state: 'open', until: '18:00' });
  });

  test('opening time is inclusive, closing time exclusive', () => {
    assert.equal(isOpenNow(post, at(1, '08:59')), false);
    assert.equal(isOpenNow(post, at(1, '09:00')), true);
    assert.equal(isOpenNow(post, at(1, '17:59')), true);
    assert.equal(isOpenNow(post, at(1, '18:00')), false);
    assert.deepEqual(openStatus(post, at(1, '08:00')), { state: 'closed', next: { inDays: 0, day: 1, at: '09:00' } });
  });

  test('weekends: a Saturday without a break, Sunday off, the next opening on Monday', () => {
    assert.equal(isOpenNow(post, at(6, '13:30')), true, 'no lunch break on Saturday');
    assert.equal(isOpenNow(post, at(6, '14:00')), false);
    assert.equal(isOpenNow(post, at(7, '11:00')), false);
    assert.deepEqual(openStatus(post, at(7, '11:00')), { state: 'closed', next: { inDays: 1, day: 1, at: '09:00' } });
    assert.deepEqual(openStatus(admin, at(5, '17:30')), { state: 'closed', next: { inDays: 3, day: 1, at: '08:45' } });
    assert.deepEqual(openStatus([], at(3, '10:00')), { state: 'closed', next: null });
  });

  test('status texts in Russian and English', () => {
    assert.equal(describeStatus('ru', openStatus(post, at(2, '12:00'))), 'Открыто до 13:00, затем перерыв до 14:00');
    assert.equal(describeStatus('ru', openStatus(post, at(2, '13:10'))), 'Перерыв до 14:00');
    assert.equal(describeStatus('ru', openStatus(post, at(2, '19:00'))), 'Закрыто, откроется завтра в 09:00');
    assert.equal(describeStatus('ru', openStatus(admin, at(6, '10:00'))), 'Закрыто, откроется в понедельник в 08:45');
    assert.equal(describeStatus('ru', openStatus(admin, at(3, '08:00'))), 'Закрыто, откроется сегодня в 08:45');
    assert.equal(describeStatus('en', openStatus(admin, at(6, '10:00'))), 'Closed, opens on Monday at 08:45');
  });

  test('the region’s time zone decides the weekday and time: Asia/Chita is UTC+9', () => {
    // 2026-03-02 is a Monday. 03:30 UTC = 12:30 in Chita; 04:30 UTC = 13:30 (lunch); 15:30 UTC Monday = 00:30 Tuesday.
    assert.deepEqual(localTime(new Date('2026-03-02T03:30:00Z'), 'Asia/Chita'), at(1, '12:30'));
    assert.deepEqual(localTime(new Date('2026-03-02T15:30:00Z'), 'Asia/Chita'), at(2, '00:30'));
    assert.deepEqual(localTime(new Date('2026-03-01T23:59:00Z'), 'Asia/Chita'), at(1, '08:59'), 'Sunday evening in UTC is Monday morning in Chita');
    assert.deepEqual(localTime(new Date('2026-03-02T03:30:00Z'), 'Europe/Moscow'), at(1, '06:30'));
    assert.equal(isOpenNow(post, localTime(new Date('2026-03-02T03:30:00Z'), 'Asia/Chita')), true);
    assert.equal(isOpenNow(post, localTime(new Date('2026-03-02T04:30:00Z'), 'Asia/Chita')), false, 'lunch in Chita');
    // Saturday 2026-03-07 05:30 UTC = 14:30 in Chita: the post office closed at 14:00.
    assert.equal(isOpenNow(post, localTime(new Date('2026-03-07T05:30:00Z'), 'Asia/Chita')), false);
    assert.equal(utcOffsetLabel(new Date('2026-03-02T03:30:00Z'), 'Asia/Chita'), 'UTC+9');
    assert.equal(utcOffsetLabel(new Date('2026-03-02T03:30:00Z'), 'UTC'), 'UTC');
  });
});

describe('haversine', () => {
  test('known distances', () => {
    assert.equal(haversineKm({ lat: 52, lon: 113 }, { lat: 52, lon: 113 }), 0);
    // One degree of latitude ≈ 111.2 km.
    assert.ok(Math.abs(haversineKm({ lat: 0, lon: 0 }, { lat: 1, lon: 0 }) - 111.195) < 0.01);
    // Moscow – Saint Petersburg ≈ 634 km.
    const d = haversineKm({ lat: 55.7558, lon: 37.6173 }, { lat: 59.9343, lon: 30.3351 });
    assert.ok(Math.abs(d - 634) < 3, String(d));
    // Symmetric; antipodes are half the circumference.
    const a = { lat: 50.927, lon: 118.9005 };
    const b = { lat: 52.0372, lon: 113.4994 };
    assert.equal(haversineKm(a, b), haversineKm(b, a));
    assert.ok(Math.abs(haversineKm({ lat: 0, lon: 0 }, { lat: 0, lon: 180 }) - Math.PI * 6371.0088) < 0.001);
  });

  test('distances are written «12,3 км»', () => {
    assert.equal(formatDistance('ru', 12.34), '12,3\u00a0км');
    assert.equal(formatDistance('ru', 0.04), '0,0\u00a0км');
    assert.equal(formatDistance('ru', 245.6), '246\u00a0км');
    assert.equal(formatDistance('en', 12.34), '12.3\u00a0km');
  });
});

describe('settlements from addresses', () => {
  test('village, town, urban-type settlement, closed town', () => {
    assert.deepEqual(parseSettlement('674340, Забайкальский край, Калганский муниципальный округ, с. Калга, ул. Партизанская, д. 20'), { kind: 'с.', name: 'Калга', label: 'с. Калга' });
    assert.deepEqual(parseSettlement('Забайкальский край, г. Чита, ул. Бутина, д. 72'), { kind: 'г.', name: 'Чита', label: 'г. Чита' });
    assert.equal(parseSettlement('Забайкальский край, пгт Агинское, ул. Базара Ринчино, д. 84')?.label, 'пгт Агинское');
    assert.equal(parseSettlement('Забайкальский край, ЗАТО п. Горный, ул. Молодёжная, д. 9')?.label, 'п. Горный');
    assert.equal(parseSettlement('Забайкальский край, г. Петровск-Забайкальский, ул. Горбачевского, д. 19')?.name, 'Петровск-Забайкальский');
    assert.equal(parseSettlement('Край, Район, с. Александровский Завод, ул. Ленина, д. 1')?.name, 'Александровский Завод');
  });

  test('house numbers, streets and micro-districts are not settlements', () => {
    assert.equal(parseSettlement('Забайкальский край, мкр. Северный, д. 40'), null);
    assert.equal(parseSettlement('ул. Ленина, д. 12, пр. Мира'), null);
    assert.equal(parseSettlement(''), null);
  });

  test('names match case-insensitively, ё = е, with or without the kind', () => {
    assert.equal(normalizeSettlementName('  УЛЁТЫ '), 'улеты');
    assert.equal(normalizeSettlementName('с. Калга'), 'калга');
    assert.equal(normalizeSettlementName('село Калга'), 'калга');
    assert.equal(normalizeSettlementName('г Чита'), 'чита');
    assert.equal(normalizeSettlementName('Петровск - Забайкальский'), 'петровск-забайкальский');
    assert.equal(normalizeSettlementName('Красный Чикой'), 'красный чикой');
  });

  test('Latin spellings of the demo settlements', () => {
    assert.equal(latinSkeleton('Чита'), latinSkeleton('Chita'));
    assert.equal(latinSkeleton('Забайкальск'), latinSkeleton('Zabaykalsk'));
    assert.equal(latinSkeleton('Забайкальск'), latinSkeleton('Zabaikalsk'));
    assert.equal(latinSkeleton('Петровск-Забайкальский'), latinSkeleton('Petrovsk-Zabaykalsky'));
    assert.equal(latinSkeleton('Петровск-Забайкальский'), latinSkeleton('Petrovsk-Zabaikalskiy'));
    assert.equal(latinSkeleton('Хилок'), latinSkeleton('Khilok'));
    assert.equal(latinSkeleton('Хилок'), latinSkeleton('Hilok'));
    assert.equal(latinSkeleton('Агинское'), latinSkeleton('Aginskoye'));
  });

  test('the gazetteer places a settlement at the mean of its centres', () => {
    const g = buildGazetteer([
      { address: 'Край, с. Калга, ул. А, д. 1', lat: 50.9, lon: 118.9 },
      { address: 'Край, с. Калга, ул. Б, д. 2', lat: 51.0, lon: 119.0 },
      { address: 'Край, с. Улёты, ул. В, д. 3', lat: 51.35, lon: 112.48 },
      { address: 'Край, мкр. 5, д. 502', lat: 50, lon: 118 },
    ]);
    assert.equal(g.length, 2);
    const kalga = findSettlement(g, 'КАЛГА')!;
    assert.equal(kalga.label, 'с. Калга');
    assert.equal(kalga.centreCount, 2);
    assert.ok(Math.abs(kalga.lat - 50.95) < 1e-9 && Math.abs(kalga.lon - 118.95) < 1e-9);
    assert.equal(findSettlement(g, 'улеты')?.name, 'Улёты');
    assert.equal(findSettlement(g, 'Ул')?.name, 'Улёты', 'a unique beginning is enough');
    assert.equal(findSettlement(g, 'Москва'), null);
    assert.equal(findSettlement(g, 'Kalga')?.label, 'с. Калга', 'typed in Latin letters');
    assert.equal(findSettlement(g, 'Ulyoty')?.name, 'Улёты', 'ё written «yo»');
    assert.equal(findSettlement(g, 'Ulety')?.name, 'Улёты');
    assert.equal(findSettlement(g, 'Moscow'), null);
    assert.equal(findSettlement(g, '   '), null);
  });
});

describe('filtering and pages', () => {
  const centre = (key: string, over: Partial<ServiceCentreView>): ServiceCentreView => ({
    id: key,
    regionId: 'r',
    municipalityId: 'm1',
    municipalityName: 'М',
    organisationId: null,
    key,
    name: key,
    type: 'mfc',
    address: 'Край, с. Калга, ул. А, д. 1',
    lat: 50,
    lon: 118,
    coordinatesIllustrative: true,
    phone: null,
    hours: post,
    capabilities: ['register', 'confirm', 'restore', 'delete'],
    ...over,
  });
  const centres = [
    centre('far-mfc', { lat: 52, lon: 113 }),
    centre('near-post', { type: 'post_office', capabilities: ['confirm'], lat: 50.01, lon: 118 }),
    centre('admin', { type: 'municipal_centre', capabilities: ['register', 'confirm', 'restore'], hours: admin, municipalityId: 'm2', lat: 50.5, lon: 118 }),
  ];

  test('every ticked capability must be possible', () => {
    const keys = (caps: Array<'register' | 'confirm' | 'restore' | 'delete'>) => filterPoints(centres, { capabilities: caps }, at(1, '10:00')).map((r) => r.centre.key);
    assert.deepEqual(keys([]), ['far-mfc', 'near-post', 'admin']);
    assert.deepEqual(keys(['delete']), ['far-mfc']);
    assert.deepEqual(keys(['register', 'restore']), ['far-mfc', 'admin']);
  });

  test('type, municipality and open now', () => {
    assert.deepEqual(filterPoints(centres, { capabilities: [], type: 'post_office' }, at(1, '10:00')).map((r) => r.centre.key), ['near-post']);
    assert.deepEqual(filterPoints(centres, { capabilities: [], municipalityId: 'm2' }, at(1, '10:00')).map((r) => r.centre.key), ['admin']);
    assert.deepEqual(filterPoints(centres, { capabilities: [], openNow: true }, at(6, '10:00')).map((r) => r.centre.key), ['far-mfc', 'near-post'], 'the administration is closed on Saturday');
    assert.deepEqual(filterPoints(centres, { capabilities: [], openNow: true }, at(2, '13:30')).map((r) => r.centre.key), [], 'everyone is at lunch');
  });

  test('with a reference point the nearest come first, with distances', () => {
    const r = filterPoints(centres, { capabilities: [], reference: { lat: 50, lon: 118 } }, at(1, '10:00'));
    assert.deepEqual(r.map((x) => x.centre.key), ['near-post', 'admin', 'far-mfc']);
    assert.ok(r[0]!.distanceKm! < 1.2 && r[0]!.distanceKm! > 1);
    assert.equal(filterPoints(centres, { capabilities: [] }, at(1, '10:00'))[0]!.distanceKm, null);
  });

  test('pages of 20, clamped', () => {
    const items = Array.from({ length: 45 }, (_, i) => i);
    assert.deepEqual(paginate(items, 1), { items: items.slice(0, 20), total: 45, page: 1, pageCount: 3 });
    assert.deepEqual(paginate(items, 3).items, [40, 41, 42, 43, 44]);
    assert.equal(paginate(items, 99).page, 3);
    assert.equal(paginate(items, 0).page, 1);
    assert.deepEqual(paginate([], 2), { items: [], total: 0, page: 1, pageCount: 1 });
  });
});

describe('Russian plural of «пункт»', () => {
  test('1 пункт, 2–4 пункта, 5–20 пунктов, 21 пункт, 0 пунктов', () => {
    const cases: Array<[number, string]> = [
      [0, '0 пунктов'],
      [1, '1 пункт'],
      [2, '2 пункта'],
      [4, '4 пункта'],
      [5, '5 пунктов'],
      [11, '11 пунктов'],
      [12, '12 пунктов'],
      [14, '14 пунктов'],
      [21, '21 пункт'],
      [22, '22 пункта'],
      [25, '25 пунктов'],
      [101, '101 пункт'],
      [111, '111 пунктов'],
    ];
    for (const [n, text] of cases) assert.equal(pointCount('ru', n), text);
    assert.equal(pointCount('en', 1), '1 point');
    assert.equal(pointCount('en', 5), '5 points');
  });
});

describe('CSP source for the map tiles', () => {
  test('the origin of MAP_TILE_URL, {s} as a wildcard, nothing for our own origin', () => {
    assert.equal(tileImgSrc('https://tile.openstreetmap.org/{z}/{x}/{y}.png'), 'https://tile.openstreetmap.org');
    assert.equal(tileImgSrc('https://{s}.tile.example.org/{z}/{x}/{y}.png'), 'https://*.tile.example.org');
    assert.equal(tileImgSrc('http://tiles.local:8080/{z}/{x}/{y}.png'), 'http://tiles.local:8080');
    assert.equal(tileImgSrc('/tiles/{z}/{x}/{y}.png'), null);
  });
});
