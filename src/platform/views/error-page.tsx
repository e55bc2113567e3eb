/**
 * Error pages (400, 403, 404, 413, 429, 500, 503) in plain language, each
 * saying what the person can do next. Other statuses fall back to the 400 or
 * 500 texts. The HTTP status itself is set by the caller.
 */
import type { VNode } from 'preact';
import { PageHeading } from './components.js';
import { Layout, type PageContext } from './layout.js';
import { type ViewMessageKey, viewMessages as t } from './messages.js';

export const ERROR_PAGE_STATUSES = [400, 403, 404, 413, 429, 500, 503] as const;
export type ErrorPageStatus = (typeof ERROR_PAGE_STATUSES)[number];

export interface ErrorPageProps {
  ctx: PageContext;
  status: number;
  /** Overrides the standard title for the status. */
  title?: string;
  /** Overrides the standard explanation for the status. */
  message?: string;
  /** Shown on 5xx pages so the person can quote it to support. */
  incident?: string;
}

/** The status whose texts are used: a known one, else 500 for 5xx and 400 for the rest. */
export function errorTextStatus(status: number): ErrorPageStatus {
  if ((ERROR_PAGE_STATUSES as readonly number[]).includes(status)) return status as ErrorPageStatus;
  return status >= 500 ? 500 : 400;
}

export function ErrorPage(props: ErrorPageProps): VNode {
  const { ctx, status } = props;
  const { lang } = ctx;
  const s = errorTextStatus(status);
  const key = (part: 'Title' | 'Body' | 'Next') => `error${s}${part}` as ViewMessageKey;
  const title = props.title ?? t(lang, key('Title'));
  const retryable = s === 429 || s === 500 || s === 503;
  return (
    <Layout ctx={ctx} title={title} width="narrow">
      <PageHeading title={title} caption={t(lang, 'errorStatusCode', { status })} />
      <p>{props.message ?? t(lang, key('Body'))}</p>
      <p>{t(lang, key('Next'))}</p>
      {props.incident && status >= 500 && (
        <p>{t(lang, 'errorIncident', { id: props.incident })}</p>
      )}
      <ul class="u-list u-list--actions">
        {retryable && (
          <li>
            <a href={ctx.path || '/'}>{t(lang, 'errorTryAgain')}</a>
          </li>
        )}
        {s === 403 && !ctx.user && (
          <li>
            <a href="/staff/login">{t(lang, 'errorSignIn')}</a>
          </li>
        )}
        <li>
          <a href="/">{t(lang, 'errorGoHome')}</a>
        </li>
      </ul>
    </Layout>
  );
}
