/**
 * The page shell: <html lang>, head, skip link, header (product name,
 * language switch, staff sign-in/out), optional main menu, breadcrumbs,
 * <main id="main">, footer. Server-rendered; needs no browser JavaScript.
 */
import type { ComponentChildren, VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { Lang } from '../i18n.js';
import { Breadcrumbs, type BreadcrumbItem, CsrfField } from './components.js';
import { viewMessages as t } from './messages.js';

export interface PageUser {
  displayName: string;
  /** the staff role, or for a citizen the account level («Стандартная учётная запись») */
  roleLabel: string;
  /** default 'staff' */
  kind?: 'staff' | 'citizen';
}

export interface NavItem {
  href: string;
  label: string;
  current?: boolean;
}

export interface PageContext {
  lang: Lang;
  csrfToken: string;
  /** Current URL path + query, used to build the language switch link. */
  path: string;
  user: PageUser | null;
  nav?: NavItem[];
}

export interface LayoutProps {
  ctx: PageContext;
  /** Page title without the product suffix; « — Услуги» is appended. */
  title: string;
  breadcrumbs?: BreadcrumbItem[];
  children: ComponentChildren;
  /** 'narrow' keeps the main column at a comfortable reading/form width; default 'wide'. */
  width?: 'narrow' | 'wide';
}

/** Brand accent; also used for the mobile browser toolbar. */
const THEME_COLOR = '#0D4CD3';

/**
 * The same path and query with `lang` set to the given language (an existing
 * `lang` parameter is replaced, other parameters and the #fragment are kept).
 */
export function langSwitchHref(path: string, lang: Lang): string {
  let url: URL;
  try {
    url = new URL(path || '/', 'http://localhost');
  } catch {
    url = new URL('/', 'http://localhost');
  }
  url.searchParams.set('lang', lang);
  return `${url.pathname}${url.search}${url.hash}`;
}

const LANG_NAMES: Record<Lang, string> = { ru: 'Русский', en: 'English' };

/** A link to the page in the other language; its text is written in that language. */
export function LanguageSwitch(props: { lang: Lang; path: string }): VNode {
  const other: Lang = props.lang === 'ru' ? 'en' : 'ru';
  return (
    <a class="u-header__lang" href={langSwitchHref(props.path, other)} lang={other} hreflang={other}>
      {LANG_NAMES[other]}
    </a>
  );
}

function BrandMark(): VNode {
  return (
    <svg class="u-header__mark" viewBox="0 0 32 32" width="40" height="40" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="#0D4CD3" />
      <path d="M9 9v8a7 7 0 0 0 14 0V9" fill="none" stroke="#fff" stroke-width="3.2" stroke-linecap="round" />
    </svg>
  );
}

function Header(props: { ctx: PageContext }): VNode {
  const { lang, user, csrfToken, path, nav } = props.ctx;
  return (
    <header class="u-header">
      <div class="u-container u-header__inner">
        <a class="u-header__brand" href="/">
          <BrandMark />
          <span class="u-header__brand-text">
            <span class="u-header__name">{t(lang, 'productName')}</span>
            <span class="u-header__tagline">{t(lang, 'tagline')}</span>
          </span>
        </a>
        <LanguageSwitch lang={lang} path={path} />
        {user ? (
          <div class="u-header__user">
            <p class="u-header__who">
              <span class="u-visually-hidden">{t(lang, 'signedInAs')} </span>
              <span class="u-header__user-name">{user.displayName}</span>
              <span class="u-header__user-role">{user.roleLabel}</span>
            </p>
            <div class="u-header__actions">
              <a class="u-header__link" href={user.kind === 'citizen' ? '/cabinet' : '/staff'}>
                {t(lang, user.kind === 'citizen' ? 'citizenCabinet' : 'staffCabinet')}
              </a>
              <form class="u-header__logout" method="post" action={user.kind === 'citizen' ? '/logout' : '/staff/logout'}>
                <CsrfField token={csrfToken} />
                <button class="u-button u-button--secondary u-button--small" type="submit">
                  {t(lang, 'signOut')}
                </button>
              </form>
            </div>
          </div>
        ) : (
          <div class="u-header__actions u-header__login">
            <a class="u-header__link" href="/login">
              {t(lang, 'citizenSignIn')}
            </a>
            <a class="u-header__link" href="/staff/login">
              {t(lang, 'staffSignIn')}
            </a>
          </div>
        )}
      </div>
      {nav && nav.length > 0 && (
        <nav class="u-nav" aria-label={t(lang, 'mainNav')}>
          <div class="u-container">
            <ul class="u-nav__list">
              {nav.map((item) => (
                <li class="u-nav__item">
                  <a
                    class={item.current ? 'u-nav__link u-nav__link--current' : 'u-nav__link'}
                    href={item.href}
                    aria-current={item.current ? 'page' : undefined}
                  >
                    {item.label}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        </nav>
      )}
    </header>
  );
}

function Footer(props: { lang: Lang }): VNode {
  const { lang } = props;
  return (
    <footer class="u-footer">
      <div class="u-container u-footer__inner">
        <p class="u-footer__about">{t(lang, 'footerAbout')}</p>
        <ul class="u-footer__list">
          <li>
            <a class="u-footer__link" href="/api/docs">
              {t(lang, 'footerApiDocs')}
            </a>
          </li>
          <li>{t(lang, 'footerOpenSource')}</li>
        </ul>
      </div>
    </footer>
  );
}

export function Layout(props: LayoutProps): VNode {
  const { ctx, title } = props;
  const { lang } = ctx;
  const narrow = props.width === 'narrow';
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} — ${t(lang, 'titleSuffix')}`}</title>
        <meta name="theme-color" content={THEME_COLOR} />
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/static/styles.css" />
      </head>
      <body class="u-body">
        <a class="u-skip-link" href="#main">
          {t(lang, 'skipLink')}
        </a>
        <Header ctx={ctx} />
        <div class="u-container u-page">
          {props.breadcrumbs && props.breadcrumbs.length > 0 && <Breadcrumbs lang={lang} items={props.breadcrumbs} />}
          <main id="main" tabindex={-1} class={narrow ? 'u-main u-main--narrow' : 'u-main'}>
            {props.children}
          </main>
        </div>
        <Footer lang={lang} />
      </body>
    </html>
  );
}

/** Full HTML document for a Layout tree. */
export function renderPage(node: VNode): string {
  return '<!doctype html>' + renderToString(node);
}
