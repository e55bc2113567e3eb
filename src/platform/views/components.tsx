/**
 * The uslugi design system: small server-rendered preact components.
 *
 * Rules every component follows:
 * - no JavaScript is needed in the browser; everything is plain HTML + CSS
 *   (classes prefixed `u-`, see public/styles.css);
 * - every fixed string comes from ./messages.ts, so components that show one
 *   take `lang`;
 * - form controls get id `field-<name>` (see `fieldId`) so the ErrorSummary
 *   links land on them; hint and error ids hang off that id and are wired up
 *   with aria-describedby; an invalid control gets aria-invalid="true";
 * - text is always passed as children/props and escaped by the renderer;
 *   nothing here uses dangerouslySetInnerHTML.
 */
import type { ComponentChildren, VNode } from 'preact';
import type { Lang } from '../i18n.js';
import { viewMessages as t } from './messages.js';

/* ------------------------------------------------------------------ utils */

/** id of the control for a form field name; ErrorSummary links to `#field-<name>`. */
export function fieldId(name: string): string {
  return `field-${name}`;
}

function cx(...parts: Array<string | false | null | undefined>): string | undefined {
  return parts.filter(Boolean).join(' ') || undefined;
}

function describedBy(...ids: Array<string | false | null | undefined>): string | undefined {
  const list = ids.filter(Boolean);
  return list.length > 0 ? list.join(' ') : undefined;
}

/* ---------------------------------------------------------------- Button */

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'link';

export interface ButtonProps {
  children: ComponentChildren;
  variant?: ButtonVariant;
  /** When set, renders a link styled as a button (navigation, not an action). */
  href?: string;
  type?: 'submit' | 'button' | 'reset';
  name?: string;
  value?: string;
  disabled?: boolean;
  /** Less padding, for toolbars and the header; still ≥ 44 px tall. */
  small?: boolean;
  /** Stretch to the full width of the container on every screen size. */
  block?: boolean;
  formAction?: string;
  id?: string;
  class?: string;
}

export function Button(props: ButtonProps): VNode {
  const variant = props.variant ?? 'primary';
  const className = cx(
    'u-button',
    `u-button--${variant}`,
    props.small && 'u-button--small',
    props.block && 'u-button--block',
    props.class,
  );
  if (props.href !== undefined) {
    if (props.disabled) {
      // A link cannot be disabled: drop the href so it is not focusable or followable.
      return (
        <a class={cx(className, 'u-button--disabled')} aria-disabled="true" role="link" id={props.id}>
          {props.children}
        </a>
      );
    }
    return (
      <a class={className} href={props.href} id={props.id}>
        {props.children}
      </a>
    );
  }
  return (
    <button
      class={className}
      type={props.type ?? 'submit'}
      name={props.name}
      value={props.value}
      disabled={props.disabled}
      formAction={props.formAction}
      id={props.id}
    >
      {props.children}
    </button>
  );
}

/** A row of buttons/links with consistent spacing; wraps on small screens. */
export function ButtonGroup(props: { children: ComponentChildren }): VNode {
  return <div class="u-button-group">{props.children}</div>;
}

/* ------------------------------------------------------- field building blocks */

interface FieldTextProps {
  lang: Lang;
  name: string;
  hint?: ComponentChildren;
  error?: string;
}

function Hint(props: { id: string; children: ComponentChildren }): VNode {
  return (
    <div class="u-hint" id={props.id}>
      {props.children}
    </div>
  );
}

/** Inline error message with a visually hidden «Ошибка:» prefix for screen readers. */
export function ErrorMessage(props: { lang: Lang; id: string; children: ComponentChildren }): VNode {
  return (
    <p class="u-error-message" id={props.id}>
      <span class="u-visually-hidden">{t(props.lang, 'errorPrefix')} </span>
      {props.children}
    </p>
  );
}

function ids(props: FieldTextProps): { id: string; hintId?: string; errorId?: string; describedBy?: string } {
  const id = fieldId(props.name);
  const hintId = hasContent(props.hint) ? `${id}-hint` : undefined;
  const errorId = props.error ? `${id}-error` : undefined;
  return { id, hintId, errorId, describedBy: describedBy(hintId, errorId) };
}

function hasContent(node: ComponentChildren): boolean {
  return node !== undefined && node !== null && node !== false && node !== '';
}

function OptionalMark(props: { lang: Lang; show?: boolean }): VNode | null {
  return props.show ? <span class="u-label__optional"> {t(props.lang, 'optional')}</span> : null;
}

/* ----------------------------------------------------------------- Field */

export type FieldWidth = 'xs' | 's' | 'm' | 'l' | 'full';

export interface FieldProps extends FieldTextProps {
  label: ComponentChildren;
  value?: string;
  type?: 'text' | 'email' | 'tel' | 'password' | 'number' | 'date' | 'search' | 'url';
  autocomplete?: string;
  inputMode?: 'none' | 'text' | 'decimal' | 'numeric' | 'tel' | 'search' | 'email' | 'url';
  required?: boolean;
  spellcheck?: boolean;
  /** Shows «(необязательно)» after the label. */
  optional?: boolean;
  /** Visual width hint for the expected answer length (xs ≈ 4 chars … l ≈ 30 chars). */
  width?: FieldWidth;
  maxLength?: number;
  pattern?: string;
}

export function Field(props: FieldProps): VNode {
  const { id, hintId, errorId, describedBy } = ids(props);
  return (
    <div class={cx('u-field', props.error && 'u-field--error')}>
      <label class="u-label" for={id}>
        {props.label}
        <OptionalMark lang={props.lang} show={props.optional} />
      </label>
      {hintId && <Hint id={hintId}>{props.hint}</Hint>}
      {errorId && (
        <ErrorMessage lang={props.lang} id={errorId}>
          {props.error}
        </ErrorMessage>
      )}
      <input
        class={cx('u-input', props.width && `u-input--${props.width}`)}
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value ?? ''}
        autocomplete={props.autocomplete}
        inputMode={props.inputMode}
        required={props.required}
        spellcheck={props.spellcheck}
        maxLength={props.maxLength}
        pattern={props.pattern}
        aria-describedby={describedBy}
        aria-invalid={props.error ? 'true' : undefined}
      />
    </div>
  );
}

/* ----------------------------------------------------------- SelectField */

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

export interface SelectFieldProps extends FieldTextProps {
  label: ComponentChildren;
  options: SelectOption[];
  value?: string;
  required?: boolean;
  optional?: boolean;
  autocomplete?: string;
  /** Adds a first empty option; `true` uses «Выберите». */
  emptyOption?: boolean | string;
}

export function SelectField(props: SelectFieldProps): VNode {
  const { id, hintId, errorId, describedBy } = ids(props);
  const empty = props.emptyOption === true ? t(props.lang, 'chooseOption') : props.emptyOption || null;
  return (
    <div class={cx('u-field', props.error && 'u-field--error')}>
      <label class="u-label" for={id}>
        {props.label}
        <OptionalMark lang={props.lang} show={props.optional} />
      </label>
      {hintId && <Hint id={hintId}>{props.hint}</Hint>}
      {errorId && (
        <ErrorMessage lang={props.lang} id={errorId}>
          {props.error}
        </ErrorMessage>
      )}
      <select
        class="u-select"
        id={id}
        name={props.name}
        required={props.required}
        autocomplete={props.autocomplete}
        aria-describedby={describedBy}
        aria-invalid={props.error ? 'true' : undefined}
      >
        {empty !== null && (
          <option value="" selected={!props.value}>
            {empty}
          </option>
        )}
        {props.options.map((o) => (
          <option value={o.value} selected={props.value === o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/* --------------------------------------------------------- TextareaField */

export interface TextareaFieldProps extends FieldTextProps {
  label: ComponentChildren;
  value?: string;
  rows?: number;
  required?: boolean;
  optional?: boolean;
  spellcheck?: boolean;
  maxLength?: number;
  autocomplete?: string;
}

export function TextareaField(props: TextareaFieldProps): VNode {
  const { id, hintId, errorId, describedBy } = ids(props);
  return (
    <div class={cx('u-field', props.error && 'u-field--error')}>
      <label class="u-label" for={id}>
        {props.label}
        <OptionalMark lang={props.lang} show={props.optional} />
      </label>
      {hintId && <Hint id={hintId}>{props.hint}</Hint>}
      {errorId && (
        <ErrorMessage lang={props.lang} id={errorId}>
          {props.error}
        </ErrorMessage>
      )}
      <textarea
        class="u-textarea"
        id={id}
        name={props.name}
        rows={props.rows ?? 5}
        required={props.required}
        spellcheck={props.spellcheck}
        maxLength={props.maxLength}
        autocomplete={props.autocomplete}
        aria-describedby={describedBy}
        aria-invalid={props.error ? 'true' : undefined}
      >
        {props.value ?? ''}
      </textarea>
    </div>
  );
}

/* --------------------------------------------------------- CheckboxField */

export interface CheckboxFieldProps extends FieldTextProps {
  label: ComponentChildren;
  checked?: boolean;
  /** Submitted value when ticked; defaults to "1". */
  value?: string;
  required?: boolean;
}

/** A single checkbox (e.g. consent). The label sits to the right and is part of the tap target. */
export function CheckboxField(props: CheckboxFieldProps): VNode {
  const { id, hintId, errorId, describedBy } = ids(props);
  return (
    <div class={cx('u-field', props.error && 'u-field--error')}>
      {errorId && (
        <ErrorMessage lang={props.lang} id={errorId}>
          {props.error}
        </ErrorMessage>
      )}
      <div class="u-choice">
        <input
          class="u-choice__input"
          type="checkbox"
          id={id}
          name={props.name}
          value={props.value ?? '1'}
          checked={props.checked}
          required={props.required}
          aria-describedby={describedBy}
          aria-invalid={props.error ? 'true' : undefined}
        />
        <label class="u-choice__label" for={id}>
          {props.label}
        </label>
        {hintId && (
          <div class="u-hint u-choice__hint" id={hintId}>
            {props.hint}
          </div>
        )}
      </div>
    </div>
  );
}

/* ------------------------------------------------------------ RadioGroup */

export interface RadioOption {
  value: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
}

export interface RadioGroupProps extends FieldTextProps {
  legend: ComponentChildren;
  options: RadioOption[];
  value?: string;
  required?: boolean;
  /** Side by side on wide screens (for two short answers like Да / Нет). */
  inline?: boolean;
}

/** Radios in a fieldset/legend. The first radio has id `field-<name>` so error links land on it. */
export function RadioGroup(props: RadioGroupProps): VNode {
  const { id, hintId, errorId, describedBy } = ids(props);
  return (
    <div class={cx('u-field', props.error && 'u-field--error')}>
      <fieldset class="u-fieldset" aria-describedby={describedBy}>
        <legend class="u-legend">{props.legend}</legend>
        {hintId && <Hint id={hintId}>{props.hint}</Hint>}
        {errorId && (
          <ErrorMessage lang={props.lang} id={errorId}>
            {props.error}
          </ErrorMessage>
        )}
        <div class={cx('u-choices', props.inline && 'u-choices--inline')}>
          {props.options.map((o, i) => {
            const optionId = i === 0 ? id : `${id}-${i}`;
            const optionHintId = hasContent(o.hint) ? `${optionId}-hint` : undefined;
            return (
              <div class="u-choice">
                <input
                  class="u-choice__input"
                  type="radio"
                  id={optionId}
                  name={props.name}
                  value={o.value}
                  checked={props.value === o.value}
                  required={props.required}
                  aria-describedby={optionHintId}
                  aria-invalid={props.error ? 'true' : undefined}
                />
                <label class="u-choice__label" for={optionId}>
                  {o.label}
                </label>
                {optionHintId && (
                  <div class="u-hint u-choice__hint" id={optionHintId}>
                    {o.hint}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

/* ---------------------------------------------------------- ErrorSummary */

export interface FieldError {
  field: string;
  message: string;
}

export interface ErrorSummaryProps {
  lang: Lang;
  errors: FieldError[];
  /** Put focus on the summary when the page loads (default true); no script needed. */
  autofocus?: boolean;
}

/**
 * Shown at the top of a form after a failed submit. role=alert and
 * tabindex=-1 so it is announced and can take focus; each message links to
 * the control `#field-<name>`. Renders nothing when there are no errors.
 */
export function ErrorSummary(props: ErrorSummaryProps): VNode | null {
  if (props.errors.length === 0) return null;
  return (
    <div
      class="u-error-summary"
      role="alert"
      tabindex={-1}
      aria-labelledby="error-summary-title"
      autofocus={props.autofocus ?? true}
      id="error-summary"
    >
      <h2 class="u-error-summary__title" id="error-summary-title">
        {t(props.lang, 'errorSummaryTitle')}
      </h2>
      <ul class="u-error-summary__list">
        {props.errors.map((e) => (
          <li>
            <a href={`#${fieldId(e.field)}`}>{e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/* ----------------------------------------------------------------- Table */

export interface TableColumn {
  key: string;
  label: string;
  /** Right-aligned, tabular figures. */
  numeric?: boolean;
  /** Cells of this column are row headers (<th scope="row">). */
  rowHeader?: boolean;
}

export type TableRow = Record<string, ComponentChildren>;

export interface TableProps {
  lang: Lang;
  caption: string;
  columns: TableColumn[];
  rows: TableRow[];
  /** Shown in a single row when `rows` is empty; defaults to «Нет данных». */
  empty?: ComponentChildren;
  /** Hide the caption visually (it still names the table and the scroll region). */
  captionHidden?: boolean;
  /** Below 40em show each row as a stacked card with column labels instead of scrolling. */
  stackOnMobile?: boolean;
}

/**
 * A data table inside a focusable, labelled scroll region (role=region,
 * tabindex=0), so keyboard users can scroll wide tables on a phone.
 */
export function Table(props: TableProps): VNode {
  const { columns, rows } = props;
  // Stacked tables are restyled with display:block on small screens, which
  // makes some browsers drop table semantics; explicit roles keep them.
  const r = props.stackOnMobile
    ? { table: 'table', group: 'rowgroup', row: 'row', col: 'columnheader', rowHead: 'rowheader', cell: 'cell' } as const
    : undefined;
  return (
    <div class="u-table-wrap" role="region" aria-label={props.caption} tabindex={0}>
      <table class={cx('u-table', props.stackOnMobile && 'u-table--stack')} role={r?.table}>
        <caption class={cx('u-table__caption', props.captionHidden && 'u-visually-hidden')}>{props.caption}</caption>
        <thead role={r?.group}>
          <tr role={r?.row}>
            {columns.map((c) => (
              <th scope="col" class={cx(c.numeric && 'u-num')} role={r?.col}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role={r?.group}>
          {rows.length === 0 ? (
            <tr class="u-table__empty" role={r?.row}>
              <td colSpan={Math.max(columns.length, 1)} role={r?.cell}>
                {props.empty ?? t(props.lang, 'tableEmpty')}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr role={r?.row}>
                {columns.map((c) =>
                  c.rowHeader ? (
                    <th scope="row" class={cx(c.numeric && 'u-num')} data-label={c.label} role={r?.rowHead}>
                      {row[c.key]}
                    </th>
                  ) : (
                    <td class={cx(c.numeric && 'u-num')} data-label={c.label} role={r?.cell}>
                      {row[c.key]}
                    </td>
                  ),
                )}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

/* ------------------------------------------------------------------ Tabs */

export interface TabItem {
  href: string;
  label: ComponentChildren;
  current?: boolean;
}

/** Server-rendered tabs: ordinary links; the current one has aria-current="page". */
export function Tabs(props: { label: string; items: TabItem[] }): VNode {
  return (
    <nav class="u-tabs" aria-label={props.label}>
      <ul class="u-tabs__list">
        {props.items.map((item) => (
          <li class={cx('u-tabs__item', item.current && 'u-tabs__item--current')}>
            <a class="u-tabs__link" href={item.href} aria-current={item.current ? 'page' : undefined}>
              {item.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/* ----------------------------------------------------------------- Badge */

export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

/** A status label. Colour is never the only signal: the text says the status. */
export function Badge(props: { tone?: BadgeTone; children: ComponentChildren }): VNode {
  return <span class={cx('u-badge', `u-badge--${props.tone ?? 'neutral'}`)}>{props.children}</span>;
}

/* ---------------------------------------------------------------- Notice */

export type NoticeTone = 'info' | 'success' | 'warning' | 'error';

const NOTICE_PREFIX = {
  info: 'noticeInfo',
  success: 'noticeSuccess',
  warning: 'noticeWarning',
  error: 'noticeError',
} as const;

export interface NoticeProps {
  lang: Lang;
  tone?: NoticeTone;
  title?: ComponentChildren;
  children?: ComponentChildren;
  /** 'status' for a polite announcement (e.g. «Заявка отправлена»), 'alert' for an urgent one. */
  role?: 'status' | 'alert';
}

/** A boxed message. The tone is also spelled out for screen readers («Внимание:»). */
export function Notice(props: NoticeProps): VNode {
  const tone = props.tone ?? 'info';
  const prefix = <span class="u-visually-hidden">{t(props.lang, NOTICE_PREFIX[tone])} </span>;
  const hasTitle = hasContent(props.title);
  return (
    <div class={cx('u-notice', `u-notice--${tone}`)} role={props.role}>
      {hasTitle && (
        <p class="u-notice__title">
          {prefix}
          {props.title}
        </p>
      )}
      {hasContent(props.children) && (
        <div class="u-notice__body">
          {!hasTitle && prefix}
          {props.children}
        </div>
      )}
    </div>
  );
}

/* ------------------------------------------------------------ Pagination */

/** Page numbers to show: first, last, current ± 1, with 'gap' for skipped runs. */
export function paginationPages(page: number, pageCount: number): Array<number | 'gap'> {
  const out: Array<number | 'gap'> = [];
  let last = 0;
  for (let p = 1; p <= pageCount; p++) {
    if (p === 1 || p === pageCount || Math.abs(p - page) <= 1) {
      if (last && p - last === 2) out.push(p - 1);
      else if (last && p - last > 2) out.push('gap');
      out.push(p);
      last = p;
    }
  }
  return out;
}

export interface PaginationProps {
  lang: Lang;
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
}

export function Pagination(props: PaginationProps): VNode | null {
  const { lang, pageCount, hrefFor } = props;
  if (pageCount <= 1) return null;
  const page = Math.min(Math.max(1, Math.trunc(props.page)), pageCount);
  return (
    <nav class="u-pagination" aria-label={t(lang, 'pagination')}>
      <ul class="u-pagination__list">
        {page > 1 && (
          <li class="u-pagination__item u-pagination__item--prev">
            <a class="u-pagination__link" href={hrefFor(page - 1)} rel="prev">
              <Arrow dir="left" />
              {t(lang, 'paginationPrevious')}
              <span class="u-visually-hidden"> {t(lang, 'paginationPage').toLowerCase()}</span>
            </a>
          </li>
        )}
        {paginationPages(page, pageCount).map((p) =>
          p === 'gap' ? (
            <li class="u-pagination__item u-pagination__item--gap" aria-hidden="true">
              …
            </li>
          ) : (
            <li class={cx('u-pagination__item', p === page && 'u-pagination__item--current')}>
              <a class="u-pagination__link" href={hrefFor(p)} aria-current={p === page ? 'page' : undefined}>
                <span class="u-visually-hidden">{t(lang, 'paginationPage')} </span>
                {p}
              </a>
            </li>
          ),
        )}
        {page < pageCount && (
          <li class="u-pagination__item u-pagination__item--next">
            <a class="u-pagination__link" href={hrefFor(page + 1)} rel="next">
              {t(lang, 'paginationNext')}
              <span class="u-visually-hidden"> {t(lang, 'paginationPage').toLowerCase()}</span>
              <Arrow dir="right" />
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}

function Arrow(props: { dir: 'left' | 'right' }): VNode {
  return (
    <svg class="u-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path
        d={props.dir === 'left' ? 'M10 3 5 8l5 5' : 'M6 3l5 5-5 5'}
        fill="none"
        stroke="currentColor"
        stroke-width="2.2"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
    </svg>
  );
}

/* ----------------------------------------------------------- Breadcrumbs */

export interface BreadcrumbItem {
  href?: string;
  label: string;
}

export function Breadcrumbs(props: { lang: Lang; items: BreadcrumbItem[] }): VNode | null {
  if (props.items.length === 0) return null;
  return (
    <nav class="u-breadcrumbs" aria-label={t(props.lang, 'breadcrumbs')}>
      <ol class="u-breadcrumbs__list">
        {props.items.map((item) => (
          <li class="u-breadcrumbs__item">
            {item.href !== undefined ? (
              <a class="u-breadcrumbs__link" href={item.href}>
                {item.label}
              </a>
            ) : (
              <span aria-current="page">{item.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/* ----------------------------------------------------------- SummaryList */

export interface SummaryAction {
  href: string;
  label: ComponentChildren;
  /** Extra words for screen readers, e.g. «ФИО» so the link reads «Изменить ФИО». */
  hiddenText?: string;
}

export interface SummaryItem {
  key: ComponentChildren;
  value: ComponentChildren;
  action?: SummaryAction;
}

/** Key/value list (dl/dt/dd), e.g. «Проверьте ответы» or the details of a request. */
export function SummaryList(props: { items: SummaryItem[] }): VNode {
  const withActions = props.items.some((i) => i.action);
  return (
    <dl class={cx('u-summary-list', withActions && 'u-summary-list--actions')}>
      {props.items.map((item) => (
        <div class="u-summary-list__row">
          <dt class="u-summary-list__key">{item.key}</dt>
          <dd class="u-summary-list__value">{item.value}</dd>
          {item.action && (
            <dd class="u-summary-list__action">
              <a href={item.action.href}>
                {item.action.label}
                {item.action.hiddenText && <span class="u-visually-hidden"> {item.action.hiddenText}</span>}
              </a>
            </dd>
          )}
        </div>
      ))}
    </dl>
  );
}

/* ------------------------------------------------------------ Card grid */

export function CardGrid(props: { children: ComponentChildren }): VNode {
  return <div class="u-card-grid">{props.children}</div>;
}

export interface CardProps {
  title: ComponentChildren;
  /** A big figure (dashboard number). */
  value?: ComponentChildren;
  href?: string;
  headingLevel?: 2 | 3;
  children?: ComponentChildren;
}

export function Card(props: CardProps): VNode {
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  return (
    <div class="u-card">
      <Heading class="u-card__title">
        {props.href !== undefined ? (
          <a class="u-card__link" href={props.href}>
            {props.title}
          </a>
        ) : (
          props.title
        )}
      </Heading>
      {hasContent(props.value) && <p class="u-card__value">{props.value}</p>}
      {hasContent(props.children) && <div class="u-card__body">{props.children}</div>}
    </div>
  );
}

/* ---------------------------------------------------------- Illustrative */

/** Marks a figure as illustrative: «условные данные», with a title explaining it is not official. */
export function Illustrative(props: { lang: Lang }): VNode {
  return (
    <span class="u-illustrative" title={t(props.lang, 'illustrativeTitle')}>
      {t(props.lang, 'illustrative')}
    </span>
  );
}

/* ------------------------------------------------------------ CsrfField */

export function CsrfField(props: { token: string }): VNode {
  return <input type="hidden" name="_csrf" value={props.token} />;
}

/* ---------------------------------------------------------- PageHeading */

export interface PageHeadingProps {
  title: ComponentChildren;
  /** Introductory paragraph under the heading, in larger type. */
  lead?: ComponentChildren;
  /** Small line above the heading, e.g. the section or the step «Шаг 2 из 4». */
  caption?: ComponentChildren;
}

/** The one h1 of the page. */
export function PageHeading(props: PageHeadingProps): VNode {
  return (
    <div class="u-page-heading">
      {hasContent(props.caption) && <p class="u-caption">{props.caption}</p>}
      <h1 class="u-h1">{props.title}</h1>
      {hasContent(props.lead) && <p class="u-lead">{props.lead}</p>}
    </div>
  );
}

/** Hidden from sight, still read by screen readers. */
export function VisuallyHidden(props: { children: ComponentChildren }): VNode {
  return <span class="u-visually-hidden">{props.children}</span>;
}

