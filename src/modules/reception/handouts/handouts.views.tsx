/** /reception/handouts: choose the centre and (optionally) an event, see what will be printed, download the PDFs. */
import type { VNode } from 'preact';
import { Layout, type PageContext } from '../../../platform/views/layout.js';
import { Button, ErrorSummary, Notice, PageHeading, SelectField, type FieldError, type SelectOption } from '../../../platform/views/components.js';
import { handoutMessages as t } from './handouts.messages.js';

export interface HandoutsPageProps {
  ctx: PageContext;
  centres: SelectOption[];
  events: SelectOption[];
  centre: string;
  event: string;
  /** what will be printed about the centre (and the event) */
  preview: string[];
  errors: FieldError[];
}

export function HandoutsPage(props: HandoutsPageProps): VNode {
  const { ctx } = props;
  const lang = ctx.lang;
  const e = Object.fromEntries(props.errors.map((x) => [x.field, x.message]));
  const query = `centre=${encodeURIComponent(props.centre)}${props.event ? `&event=${encodeURIComponent(props.event)}` : ''}`;
  return (
    <Layout ctx={ctx} title={t(lang, 'title')} width="narrow">
      <ErrorSummary lang={lang} errors={props.errors} />
      <PageHeading title={t(lang, 'title')} lead={t(lang, 'lead')} />
      {props.centres.length === 0 ? (
        <Notice lang={lang} tone="info">
          {t(lang, 'noCentres')}
        </Notice>
      ) : (
        <>
          <form method="get" action="/reception/handouts" class="u-handouts__form">
            <SelectField lang={lang} name="centre" label={t(lang, 'centre')} hint={t(lang, 'centreHint')} options={props.centres} value={props.centre} error={e.centre} />
            <SelectField lang={lang} name="event" label={t(lang, 'event')} hint={t(lang, 'eventHint')} options={props.events} value={props.event} error={e.event} emptyOption={t(lang, 'noEvent')} optional />
            <Button type="submit" variant="secondary">
              {t(lang, 'apply')}
            </Button>
          </form>
          {props.errors.length === 0 && (
            <section class="u-handouts__preview" aria-labelledby="handout-preview">
              <h2 class="u-h2" id="handout-preview">
                {t(lang, 'previewTitle')}
              </h2>
              <div class="u-handouts__box">
                {props.preview.map((line) => (
                  <p>{line}</p>
                ))}
              </div>
              <h2 class="u-h2">{t(lang, 'download')}</h2>
              <ul class="u-handouts__downloads">
                <li>
                  <Button href={`/reception/handouts/memo.pdf?${query}`}>{t(lang, 'memo')}</Button> <span class="u-hint">{t(lang, 'memoHint')}</span>
                </li>
                <li>
                  <Button href={`/reception/handouts/poster.pdf?${query}`} variant="secondary">
                    {t(lang, 'poster')}
                  </Button>{' '}
                  <span class="u-hint">{t(lang, 'posterHint')}</span>
                </li>
              </ul>
            </section>
          )}
        </>
      )}
    </Layout>
  );
}
