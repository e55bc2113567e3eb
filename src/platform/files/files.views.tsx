/**
 * View pieces for attached files, for any module's pages:
 * - AttachmentList: photos as thumbnails (each opens the full image), other
 *   files as links with their type and size («PDF, 1,2 МБ»), optional delete links;
 * - FileField: the file input with its label, a hint naming what may be attached
 *   and the limit, and the error(s) next to it (the form needs
 *   enctype="multipart/form-data");
 * - DeleteAttachmentForm: the confirmation step before a file is deleted.
 */
import type { VNode } from 'preact';
import type { Lang } from '../i18n.js';
import { Button, ButtonGroup, CsrfField, ErrorMessage, fieldId } from '../views/components.js';
import { viewMessages } from '../views/messages.js';
import type { AttachmentMeta } from './files.repository.js';
import { allowedText, filesMessages as t, formatBytes } from './files.messages.js';
import { KNOWN_TYPES, typeOf, type FileCategory } from './sniff.js';

/** Where an attachment is served. */
export function fileHref(a: Pick<AttachmentMeta, 'id'>, download = false): string {
  return `/files/${a.id}${download ? '?download=1' : ''}`;
}

/** «PDF, 1,2 МБ» */
export function fileTypeAndSize(lang: Lang, a: Pick<AttachmentMeta, 'mediaType' | 'sizeBytes'>): string {
  return t(lang, 'fileType', { type: typeOf(a.mediaType)?.label ?? a.mediaType, size: formatBytes(lang, a.sizeBytes) });
}

const isImage = (a: AttachmentMeta) => typeOf(a.mediaType)?.category === 'image';

export interface AttachmentListProps {
  lang: Lang;
  attachments: AttachmentMeta[];
  /** the confirmation page of a file's deletion; no delete links without it */
  deleteHref?: (a: AttachmentMeta) => string;
  /** shown when there are no files; defaults to «Файлов пока нет.» */
  empty?: string;
}

export function AttachmentList(props: AttachmentListProps): VNode {
  const { lang, deleteHref } = props;
  const images = props.attachments.filter(isImage);
  const others = props.attachments.filter((a) => !isImage(a));
  if (props.attachments.length === 0) return <p class="u-attachments__empty">{props.empty ?? t(lang, 'noAttachments')}</p>;
  const actions = (a: AttachmentMeta) => (
    <span class="u-attachments__actions">
      <a href={fileHref(a, true)} download={a.fileName}>
        {t(lang, 'download')}
        <span class="u-visually-hidden"> «{a.fileName}»</span>
      </a>
      {deleteHref && (
        <a href={deleteHref(a)} class="u-attachments__delete">
          {t(lang, 'delete')}
          <span class="u-visually-hidden"> «{a.fileName}»</span>
        </a>
      )}
    </span>
  );
  return (
    <div class="u-attachments">
      {images.length > 0 && (
        <ul class="u-attachments__grid">
          {images.map((a) => (
            <li class="u-attachments__item" data-attachment={a.id}>
              <figure class="u-attachments__figure">
                <a href={fileHref(a)} class="u-attachments__image-link">
                  <img class="u-attachments__image" src={fileHref(a)} alt={a.caption || a.fileName} width={240} height={180} loading="lazy" decoding="async" />
                </a>
                <figcaption class="u-attachments__caption">
                  {a.caption && <span class="u-attachments__text">{a.caption}</span>}
                  <span class="u-attachments__meta">
                    {a.fileName} · {fileTypeAndSize(lang, a)}
                  </span>
                  {actions(a)}
                </figcaption>
              </figure>
            </li>
          ))}
        </ul>
      )}
      {others.length > 0 && (
        <ul class="u-attachments__files">
          {others.map((a) => (
            <li class="u-attachments__file" data-attachment={a.id}>
              <a href={fileHref(a)}>{a.fileName}</a> <span class="u-attachments__meta">({fileTypeAndSize(lang, a)})</span>
              {a.caption && <span class="u-attachments__text">{a.caption}</span>}
              {actions(a)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The `accept` list for a file input: extensions and media types of the allowed categories. */
export function acceptFor(allowed: readonly FileCategory[]): string {
  const types = KNOWN_TYPES.filter((k) => allowed.includes(k.category));
  const extensions = types.flatMap((k) => (k.extension === 'jpg' ? ['.jpg', '.jpeg'] : [`.${k.extension}`]));
  return [...extensions, ...types.map((k) => k.mediaType)].join(',');
}

export interface FileFieldProps {
  lang: Lang;
  /** the form field; validateUploads reads the same one (default 'files') */
  name?: string;
  label: string;
  allowed: readonly FileCategory[];
  maxBytes: number;
  /** more than 1 lets several files be chosen at once */
  maxFiles: number;
  /** extra words before the generated hint */
  hint?: string;
  error?: string | string[];
  optional?: boolean;
}

export function FileField(props: FileFieldProps): VNode {
  const { lang } = props;
  const name = props.name ?? 'files';
  const id = fieldId(name);
  const hintId = `${id}-hint`;
  const errors = props.error === undefined ? [] : Array.isArray(props.error) ? props.error : [props.error];
  const errorId = errors.length ? `${id}-error` : undefined;
  const multiple = props.maxFiles > 1;
  const hint = [
    props.hint,
    t(lang, 'hintAllowed', { allowed: allowedText(lang, props.allowed) }),
    t(lang, 'hintLimit', { max: formatBytes(lang, props.maxBytes) }),
    multiple ? t(lang, 'hintMany', { max: props.maxFiles }) : undefined,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div class={errors.length ? 'u-field u-field--error' : 'u-field'}>
      <label class="u-label" for={id}>
        {props.label}
        {props.optional && <span class="u-label__optional"> {viewMessages(lang, 'optional')}</span>}
      </label>
      <div class="u-hint" id={hintId}>
        {hint}
      </div>
      {errorId && (
        <ErrorMessage lang={lang} id={errorId}>
          {errors.map((e, i) => (i === 0 ? e : [<br />, e]))}
        </ErrorMessage>
      )}
      <input
        class="u-file-input"
        type="file"
        id={id}
        name={name}
        multiple={multiple}
        accept={acceptFor(props.allowed)}
        aria-describedby={errorId ? `${hintId} ${errorId}` : hintId}
        aria-invalid={errors.length ? 'true' : undefined}
      />
    </div>
  );
}

export interface DeleteAttachmentFormProps {
  lang: Lang;
  attachment: AttachmentMeta;
  /** POST target of the deletion */
  action: string;
  cancelHref: string;
  csrfToken: string;
  /** the button's words, e.g. «Удалить файл» */
  confirmLabel: string;
  cancelLabel: string;
}

/** The file being deleted (thumbnail or name, type, size) and the POST that deletes it. */
export function DeleteAttachmentForm(props: DeleteAttachmentFormProps): VNode {
  const { lang, attachment: a } = props;
  return (
    <div>
      <div class="u-attachments u-attachments--single">
        {isImage(a) ? (
          <img class="u-attachments__image" src={fileHref(a)} alt={a.caption || a.fileName} width={240} height={180} />
        ) : null}
        <p>
          <a href={fileHref(a)}>{a.fileName}</a> <span class="u-attachments__meta">({fileTypeAndSize(lang, a)})</span>
        </p>
        {a.caption && <p>{a.caption}</p>}
      </div>
      <form method="post" action={props.action}>
        <CsrfField token={props.csrfToken} />
        <ButtonGroup>
          <Button type="submit" variant="danger">
            {props.confirmLabel}
          </Button>
          <Button href={props.cancelHref} variant="secondary">
            {props.cancelLabel}
          </Button>
        </ButtonGroup>
      </form>
    </div>
  );
}
