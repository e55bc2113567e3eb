import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderToString } from 'preact-render-to-string';
import {
  Badge,
  Breadcrumbs,
  Button,
  CheckboxField,
  CsrfField,
  ErrorSummary,
  Field,
  Illustrative,
  Notice,
  PageHeading,
  Pagination,
  paginationPages,
  RadioGroup,
  SelectField,
  Table,
  Tabs,
  TextareaField,
} from './components.js';
import { ErrorPage } from './error-page.js';
import { Layout, langSwitchHref, renderPage, type PageContext } from './layout.js';
import { viewMessages } from './messages.js';

const ctx = (over: Partial<PageContext> = {}): PageContext => ({
  lang: 'ru',
  csrfToken: 'tok-123',
  path: '/',
  user: null,
  ...over,
});

function attr(html: string, tagStart: string, name: string): string | undefined {
  const tag = html.slice(html.indexOf(tagStart)).split('>')[0] ?? '';
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m?.[1];
}

function count(html: string, re: RegExp): number {
  return (html.match(re) ?? []).length;
}

test('Field with an error is wired for assistive technology', () => {
  const html = renderToString(
    <Field lang="ru" name="phone" label="Телефон" hint="Например, +7 914 123-45-67" error="Введите номер телефона" type="tel" autocomplete="tel" />,
  );
  assert.match(html, /<label class="u-label" for="field-phone">Телефон/);
  assert.equal(attr(html, '<input', 'id'), 'field-phone');
  assert.equal(attr(html, '<input', 'aria-invalid'), 'true');
  assert.equal(attr(html, '<input', 'aria-describedby'), 'field-phone-hint field-phone-error');
  assert.match(html, /id="field-phone-hint"[^>]*>Например/);
  assert.match(
    html,
    /<p class="u-error-message" id="field-phone-error"><span class="u-visually-hidden">Ошибка: <\/span>Введите номер телефона<\/p>/,
  );
  assert.match(html, /class="u-field u-field--error"/);
  assert.equal(attr(html, '<input', 'autocomplete'), 'tel');
});

test('Field without error or hint has no aria-invalid or aria-describedby; English error prefix', () => {
  const ok = renderToString(<Field lang="ru" name="x" label="Имя" value="Анна" spellcheck={false} />);
  assert.equal(attr(ok, '<input', 'aria-invalid'), undefined);
  assert.equal(attr(ok, '<input', 'aria-describedby'), undefined);
  assert.equal(attr(ok, '<input', 'value'), 'Анна');
  assert.equal(attr(ok, '<input', 'spellcheck'), 'false');
  const en = renderToString(<Field lang="en" name="x" label="Name" error="Enter your name" />);
  assert.match(en, /<span class="u-visually-hidden">Error: <\/span>Enter your name/);
  assert.equal(attr(en, '<input', 'aria-describedby'), 'field-x-error');
});

test('select, textarea, checkbox and radios use field-<name> ids and describe errors', () => {
  const select = renderToString(
    <SelectField lang="ru" name="district" label="Район" emptyOption options={[{ value: 'a', label: 'Агинский' }, { value: 'b', label: 'Борзинский' }]} value="b" error="Выберите район" />,
  );
  assert.equal(attr(select, '<select', 'id'), 'field-district');
  assert.equal(attr(select, '<select', 'aria-invalid'), 'true');
  assert.match(select, /<option value(="")?>Выберите<\/option>/);
  assert.match(select, /<option value="b" selected>Борзинский/);

  const area = renderToString(<TextareaField lang="ru" name="text" label="Текст" hint="До 1000 знаков" value="a < b" />);
  assert.equal(attr(area, '<textarea', 'aria-describedby'), 'field-text-hint');
  assert.match(area, />a &lt; b<\/textarea>/);

  const box = renderToString(<CheckboxField lang="ru" name="agree" label="Согласен" error="Подтвердите согласие" />);
  assert.equal(attr(box, '<input', 'type'), 'checkbox');
  assert.equal(attr(box, '<input', 'id'), 'field-agree');
  assert.equal(attr(box, '<input', 'aria-describedby'), 'field-agree-error');

  const radios = renderToString(
    <RadioGroup lang="ru" name="channel" legend="Как с вами связаться?" hint="Выберите один вариант" error="Выберите способ связи" options={[{ value: 'sms', label: 'СМС' }, { value: 'call', label: 'Звонок', hint: 'С 9 до 18' }]} value="call" />,
  );
  assert.match(radios, /<fieldset class="u-fieldset" aria-describedby="field-channel-hint field-channel-error"><legend class="u-legend">Как с вами связаться\?<\/legend>/);
  assert.match(radios, /id="field-channel" name="channel" value="sms"/);
  assert.match(radios, /id="field-channel-1" name="channel" value="call" checked/);
  assert.match(radios, /aria-describedby="field-channel-1-hint"/);
});

test('ErrorSummary links each message to #field-<name>, and is an alert that can take focus', () => {
  const html = renderToString(
    <ErrorSummary lang="ru" errors={[{ field: 'x', message: 'Введите x' }, { field: 'phone', message: 'Неверный номер' }]} />,
  );
  assert.match(html, /role="alert"/);
  assert.match(html, /tabindex="-1"/);
  assert.match(html, /autofocus/);
  assert.match(html, />Исправьте ошибки<\/h2>/);
  assert.match(html, /<a href="#field-x">Введите x<\/a>/);
  assert.match(html, /<a href="#field-phone">Неверный номер<\/a>/);
  assert.match(renderToString(<ErrorSummary lang="en" errors={[{ field: 'x', message: 'm' }]} />), /There is a problem/);
  assert.equal(renderToString(<ErrorSummary lang="ru" errors={[]} />), '');
});

test('Layout: lang attribute, skip link to #main, one h1, landmarks, title suffix', () => {
  const html = renderPage(
    <Layout ctx={ctx()} title="Главная">
      <PageHeading title="Услуги рядом" lead="Выберите услугу" />
    </Layout>,
  );
  assert.ok(html.startsWith('<!doctype html><html lang="ru">'));
  assert.match(html, /<a class="u-skip-link" href="#main">Перейти к основному содержанию<\/a>/);
  assert.match(html, /<main id="main" tabindex="-1"/);
  assert.equal(count(html, /<h1[\s>]/g), 1);
  assert.match(html, /<title>Главная — Услуги<\/title>/);
  assert.match(html, /<meta name="viewport" content="width=device-width, initial-scale=1"\/?>/);
  assert.match(html, /<link rel="stylesheet" href="\/static\/styles.css"\/?>/);
  assert.match(html, /<header class="u-header">/);
  assert.match(html, /<footer class="u-footer">/);
  assert.match(html, /href="\/staff\/login">Вход для сотрудников</);
  assert.match(html, /href="\/api\/docs">Документация API</);
  assert.doesNotMatch(html, /https?:\/\//);

  const en = renderPage(
    <Layout ctx={ctx({ lang: 'en' })} title="Home">
      <p>x</p>
    </Layout>,
  );
  assert.match(en, /<html lang="en">/);
  assert.match(en, /<title>Home — Uslugi<\/title>/);
  assert.match(en, /Skip to main content/);
});

test('Layout with a signed-in user shows the staff links and a CSRF-protected sign-out form; nav marks the current item', () => {
  const html = renderPage(
    <Layout
      ctx={ctx({
        user: { displayName: 'Иванова Мария', roleLabel: 'Оператор' },
        nav: [
          { href: '/staff', label: 'Обзор', current: true },
          { href: '/staff/requests', label: 'Заявки' },
        ],
      })}
      title="Кабинет"
      breadcrumbs={[{ href: '/', label: 'Главная' }, { label: 'Кабинет' }]}
    >
      <PageHeading title="Кабинет" />
    </Layout>,
  );
  assert.match(html, /Иванова Мария/);
  assert.match(html, /Оператор/);
  assert.match(html, /<a class="u-header__link" href="\/staff">Кабинет сотрудника<\/a>/);
  assert.match(html, /<form class="u-header__logout" method="post" action="\/staff\/logout"><input type="hidden" name="_csrf" value="tok-123"\/?>/);
  assert.match(html, />Выйти<\/button>/);
  assert.doesNotMatch(html, /Вход для сотрудников/);
  assert.match(html, /<nav class="u-nav" aria-label="Основное меню">/);
  assert.match(html, /href="\/staff" aria-current="page">Обзор</);
  assert.doesNotMatch(html, /href="\/staff\/requests" aria-current/);
  assert.match(html, /<nav class="u-breadcrumbs" aria-label="Навигационная цепочка">/);
  assert.match(html, /<span aria-current="page">Кабинет<\/span>/);
});

test('user content is escaped', () => {
  const evil = '<script>alert(1)</script>';
  const html = renderPage(
    <Layout ctx={ctx({ user: { displayName: evil, roleLabel: '"><img src=x onerror=alert(1)>' }, path: '/?q=<script>' })} title={evil}>
      <PageHeading title={evil} />
      <Field lang="ru" name="n" label={evil} value={'"><script>'} error={evil} hint={evil} />
      <Table lang="ru" caption={evil} columns={[{ key: 'a', label: evil }]} rows={[{ a: evil }]} />
    </Layout>,
  );
  assert.doesNotMatch(html, /<script>/);
  assert.doesNotMatch(html, /<img src=x/);
  assert.match(html, /&lt;script>alert\(1\)&lt;\/script>/);
});

test('language switch links to the same path in the other language, replacing an existing lang param', () => {
  assert.equal(langSwitchHref('/services?page=2&lang=ru', 'en'), '/services?page=2&lang=en');
  assert.equal(langSwitchHref('/services?lang=ru&lang=ru', 'en'), '/services?lang=en');
  assert.equal(langSwitchHref('/', 'en'), '/?lang=en');
  assert.equal(langSwitchHref('/a/b#top', 'ru'), '/a/b?lang=ru#top');

  const ru = renderPage(
    <Layout ctx={ctx({ path: '/services?page=2&lang=ru' })} title="Услуги">
      <p>x</p>
    </Layout>,
  );
  assert.match(ru, /<a class="u-header__lang" href="\/services\?page=2&amp;lang=en" lang="en" hreflang="en">English<\/a>/);
  const en = renderPage(
    <Layout ctx={ctx({ lang: 'en', path: '/services?lang=en' })} title="Services">
      <p>x</p>
    </Layout>,
  );
  assert.match(en, /href="\/services\?lang=ru" lang="ru" hreflang="ru">Русский<\/a>/);
});

test('Table: labelled focusable scroll region, caption, numeric columns, empty message', () => {
  const html = renderToString(
    <Table
      lang="ru"
      caption="Заявки по районам"
      columns={[{ key: 'name', label: 'Район', rowHeader: true }, { key: 'n', label: 'Заявок', numeric: true }]}
      rows={[{ name: 'Агинский', n: '1 204' }]}
    />,
  );
  assert.match(html, /<div class="u-table-wrap" role="region" aria-label="Заявки по районам" tabindex="0">/);
  assert.match(html, /<caption class="u-table__caption">Заявки по районам<\/caption>/);
  assert.match(html, /<th scope="col" class="u-num">Заявок<\/th>/);
  assert.match(html, /<th scope="row" data-label="Район">Агинский<\/th>/);
  const empty = renderToString(<Table lang="ru" caption="Пусто" columns={[{ key: 'a', label: 'A' }, { key: 'b', label: 'B' }]} rows={[]} />);
  assert.match(empty, /<td colspan="2">Нет данных<\/td>/);
});

test('Tabs, Pagination, Breadcrumbs, Button, Badge, Notice, Illustrative, CsrfField', () => {
  const tabs = renderToString(<Tabs label="Разделы заявки" items={[{ href: '?tab=a', label: 'Данные', current: true }, { href: '?tab=b', label: 'История' }]} />);
  assert.match(tabs, /<nav class="u-tabs" aria-label="Разделы заявки">/);
  assert.match(tabs, /href="\?tab=a" aria-current="page">Данные/);

  const pages = renderToString(<Pagination lang="ru" page={5} pageCount={10} hrefFor={(p) => `/list?page=${p}`} />);
  assert.match(pages, /<nav class="u-pagination" aria-label="Страницы">/);
  assert.match(pages, /href="\/list\?page=4" rel="prev">.*Предыдущая/);
  assert.match(pages, /href="\/list\?page=6" rel="next">Следующая/);
  assert.match(pages, /href="\/list\?page=5" aria-current="page"><span class="u-visually-hidden">Страница <\/span>5/);
  assert.deepEqual(paginationPages(5, 10), [1, 'gap', 4, 5, 6, 'gap', 10]);
  assert.deepEqual(paginationPages(1, 3), [1, 2, 3]);
  assert.deepEqual(paginationPages(4, 7), [1, 2, 3, 4, 5, 6, 7]);
  assert.equal(renderToString(<Pagination lang="ru" page={1} pageCount={1} hrefFor={() => '/'} />), '');
  const first = renderToString(<Pagination lang="en" page={1} pageCount={2} hrefFor={(p) => `?p=${p}`} />);
  assert.doesNotMatch(first, /Previous/);
  assert.match(first, /aria-label="Pages"/);

  assert.match(renderToString(<Breadcrumbs lang="en" items={[{ href: '/', label: 'Home' }]} />), /aria-label="Breadcrumbs"/);

  assert.match(renderToString(<Button>Отправить</Button>), /<button class="u-button u-button--primary" type="submit">Отправить<\/button>/);
  assert.match(renderToString(<Button href="/new" variant="secondary">Создать</Button>), /<a class="u-button u-button--secondary" href="\/new">Создать<\/a>/);
  assert.match(renderToString(<Button variant="danger" disabled>Удалить</Button>), /u-button--danger" type="submit" disabled>/);

  assert.match(renderToString(<Badge tone="success">Принято</Badge>), /<span class="u-badge u-badge--success">Принято<\/span>/);
  const notice = renderToString(<Notice lang="ru" tone="warning" title="Срок истекает">Подайте заявление до 1 марта</Notice>);
  assert.match(notice, /<p class="u-notice__title"><span class="u-visually-hidden">Внимание: <\/span>Срок истекает<\/p>/);
  assert.match(renderToString(<Illustrative lang="ru" />), /title="Цифра приведена для примера[^"]*">условные данные<\/span>/);
  assert.match(renderToString(<CsrfField token={'a"b<'} />), /<input type="hidden" name="_csrf" value="a&quot;b&lt;"\/?>/);
});

test('ErrorPage: Russian texts, next steps, incident id only on 5xx', () => {
  const p404 = renderPage(ErrorPage({ ctx: ctx(), status: 404 }));
  assert.match(p404, /<title>Страница не найдена — Услуги<\/title>/);
  assert.equal(count(p404, /<h1[\s>]/g), 1);
  assert.match(p404, /href="\/">Перейти на главную страницу</);

  const p500 = renderPage(ErrorPage({ ctx: ctx({ path: '/x' }), status: 500, incident: 'abc-123' }));
  assert.match(p500, /Что-то пошло не так/);
  assert.match(p500, /abc-123/);
  assert.match(p500, /href="\/x">Обновить страницу</);
  assert.doesNotMatch(renderPage(ErrorPage({ ctx: ctx(), status: 404, incident: 'abc-123' })), /abc-123/);

  assert.match(renderPage(ErrorPage({ ctx: ctx(), status: 403 })), /Доступ запрещён/);
  assert.match(renderPage(ErrorPage({ ctx: ctx(), status: 429 })), /Слишком много запросов/);
  assert.match(renderPage(ErrorPage({ ctx: ctx(), status: 502 })), /Что-то пошло не так/);
  assert.match(renderPage(ErrorPage({ ctx: ctx(), status: 418 })), /Неверный запрос/);
  assert.match(renderPage(ErrorPage({ ctx: ctx({ lang: 'en' }), status: 404 })), /Page not found/);
  assert.match(renderPage(ErrorPage({ ctx: ctx(), status: 400, title: 'Свой заголовок', message: 'Своё сообщение' })), /Свой заголовок[\s\S]*Своё сообщение/);
});

test('every message has non-empty Russian and English text', () => {
  for (const key of viewMessages.keys) {
    assert.ok(viewMessages('ru', key).trim(), `ru ${key}`);
    assert.ok(viewMessages('en', key).trim(), `en ${key}`);
  }
});
