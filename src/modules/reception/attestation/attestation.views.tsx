/** Attestation pages: the organiser's list, form and results; the employee's list, start, test and result. Russian first. */
import type { VNode } from 'preact';
import { formatDateTime, plural, type Lang } from '../../../platform/i18n.js';
import { Layout, type PageContext } from '../../../platform/views/layout.js';
import { Badge, Button, CsrfField, ErrorMessage, ErrorSummary, Field, Notice, PageHeading, RadioGroup, Table, type BadgeTone, type FieldError } from '../../../platform/views/components.js';
import { attestationMessages as t } from './attestation.messages.js';
import { passScore, type Attestation, type AttestationFormValues, type AttestationResult, type AttestationSummary, type ResultStatus } from './attestation.js';

const ru = (iso: string) => iso.split('-').reverse().join('.');
export const windowText = (lang: Lang, a: Pick<Attestation, 'opensOn' | 'closesOn'>) =>
  a.opensOn === a.closesOn ? t(lang, 'windowOne', { from: ru(a.opensOn) }) : t(lang, 'window', { from: ru(a.opensOn), to: ru(a.closesOn) });

const TONES: Record<ResultStatus, BadgeTone> = { upcoming: 'neutral', open: 'info', in_progress: 'info', passed: 'success', failed: 'danger', expired: 'warning', missed: 'warning' };

export function StatusBadge(props: { lang: Lang; status: ResultStatus }): VNode {
  return <Badge tone={TONES[props.status]}>{t(props.lang, `status_${props.status}`)}</Badge>;
}

function settingsText(lang: Lang, a: Attestation): string {
  const questionWord = plural(lang, a.questionCount, { one: t(lang, 'questionOne'), few: t(lang, 'questionFew'), many: t(lang, 'questionMany'), other: t(lang, 'questionFew') });
  return t(lang, 'settings', { questions: a.questionCount, questionWord, minutes: a.minutes, pass: a.passPercent, need: passScore(a.questionCount, a.passPercent) });
}

export function AttestationsPage(props: { ctx: PageContext; sessions: AttestationSummary[]; canSchedule: boolean; notice?: string }): VNode {
  const { ctx } = props;
  const lang = ctx.lang;
  return (
    <Layout ctx={ctx} title={t(lang, 'listTitle')}>
      {props.notice && (
        <Notice lang={lang} tone="success" role="status">
          {props.notice}
        </Notice>
      )}
      <PageHeading title={t(lang, 'listTitle')} lead={t(lang, 'listLead')} />
      {props.canSchedule && (
        <p>
          <Button href="/reception/attestations/new">{t(lang, 'schedule')}</Button>
        </p>
      )}
      <Table
        lang={lang}
        caption={t(lang, 'sessionsCaption')}
        stackOnMobile
        empty={t(lang, 'noSessions')}
        columns={[
          { key: 'title', label: t(lang, 'colTitle'), rowHeader: true },
          { key: 'window', label: t(lang, 'colWindow') },
          { key: 'scope', label: t(lang, 'colScope') },
          { key: 'summoned', label: t(lang, 'colSummoned'), numeric: true },
          { key: 'finished', label: t(lang, 'colFinished'), numeric: true },
          { key: 'passed', label: t(lang, 'colPassed'), numeric: true },
        ]}
        rows={props.sessions.map((s) => ({
          title: <a href={`/reception/attestations/${s.id}`}>{s.title}</a>,
          window: windowText(lang, s),
          scope: s.municipalityName ?? t(lang, 'scopeRegion'),
          summoned: String(s.summoned),
          finished: String(s.finished),
          passed: String(s.passed),
        }))}
      />
    </Layout>
  );
}

export function MyAttestationsPage(props: { ctx: PageContext; items: Array<{ attestation: Attestation; status: ResultStatus; result: AttestationResult }> }): VNode {
  const { ctx } = props;
  const lang = ctx.lang;
  return (
    <Layout ctx={ctx} title={t(lang, 'myTitle')} width="narrow">
      <PageHeading title={t(lang, 'myTitle')} lead={t(lang, 'myLead')} />
      <Table
        lang={lang}
        caption={t(lang, 'myTitle')}
        captionHidden
        stackOnMobile
        empty={t(lang, 'noMine')}
        columns={[
          { key: 'title', label: t(lang, 'colTitle'), rowHeader: true },
          { key: 'window', label: t(lang, 'colWindow') },
          { key: 'status', label: t(lang, 'colStatus') },
          { key: 'score', label: t(lang, 'colScore'), numeric: true },
        ]}
        rows={props.items.map(({ attestation: a, status, result: r }) => ({
          title: <a href={`/reception/attestations/${a.id}`}>{a.title}</a>,
          window: windowText(lang, a),
          status: <StatusBadge lang={lang} status={status} />,
          score: r.finishedAt && !r.expired ? `${r.score} / ${r.total}` : '—',
        }))}
      />
    </Layout>
  );
}

export interface StaffChoice {
  id: string;
  fullName: string;
  organisationName: string;
  municipalityName: string | null;
}

export function AttestationFormPage(props: { ctx: PageContext; values: AttestationFormValues; errors: FieldError[]; staff: StaffChoice[]; showMunicipality: boolean }): VNode {
  const { ctx, values: v } = props;
  const lang = ctx.lang;
  const e = Object.fromEntries(props.errors.map((x) => [x.field, x.message]));
  const chosen = new Set(v.staff);
  return (
    <Layout ctx={ctx} title={t(lang, 'newTitle')} width="narrow" breadcrumbs={[{ href: '/reception/attestations', label: t(lang, 'listTitle') }, { label: t(lang, 'newTitle') }]}>
      <ErrorSummary lang={lang} errors={props.errors} />
      <PageHeading title={t(lang, 'newTitle')} />
      <form method="post" action="/reception/attestations/new" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <Field lang={lang} name="title" label={t(lang, 'title')} hint={t(lang, 'titleHint')} value={v.title} error={e.title} width="full" maxLength={200} />
        <Field lang={lang} name="opensOn" label={t(lang, 'opensOn')} hint={t(lang, 'dateHint')} value={v.opensOn} error={e.opensOn} width="s" inputMode="numeric" maxLength={10} />
        <Field lang={lang} name="closesOn" label={t(lang, 'closesOn')} hint={`${t(lang, 'dateHint')}. ${t(lang, 'closesHint')}`} value={v.closesOn} error={e.closesOn} width="s" inputMode="numeric" maxLength={10} optional />
        <Field lang={lang} name="minutes" label={t(lang, 'minutes')} value={v.minutes} error={e.minutes} width="xs" inputMode="numeric" maxLength={3} />
        <Field lang={lang} name="questionCount" label={t(lang, 'questionCount')} value={v.questionCount} error={e.questionCount} width="xs" inputMode="numeric" maxLength={2} />
        <Field lang={lang} name="passPercent" label={t(lang, 'passPercent')} value={v.passPercent} error={e.passPercent} width="xs" inputMode="numeric" maxLength={3} />
        <div class={`u-field${e.staff ? ' u-field--error' : ''}`}>
          <fieldset class="u-fieldset" aria-describedby={e.staff ? 'field-staff-hint field-staff-error' : 'field-staff-hint'}>
            <legend class="u-legend">{t(lang, 'staff')}</legend>
            <div class="u-hint" id="field-staff-hint">
              {t(lang, 'staffHint')}
            </div>
            {e.staff && (
              <ErrorMessage lang={lang} id="field-staff-error">
                {e.staff}
              </ErrorMessage>
            )}
            {props.staff.length === 0 ? (
              <p>{t(lang, 'noStaff')}</p>
            ) : (
              <div class="u-choices">
                {props.staff.map((s, i) => {
                  const id = i === 0 ? 'field-staff' : `field-staff-${i}`;
                  return (
                    <div class="u-choice">
                      <input class="u-choice__input" type="checkbox" id={id} name="staff" value={s.id} checked={chosen.has(s.id)} aria-invalid={e.staff ? 'true' : undefined} />
                      <label class="u-choice__label" for={id}>
                        {s.fullName}
                        <span class="u-hint u-attestation__where">
                          {' '}
                          — {props.showMunicipality && s.municipalityName ? `${s.municipalityName}, ` : ''}
                          {s.organisationName}
                        </span>
                      </label>
                    </div>
                  );
                })}
              </div>
            )}
          </fieldset>
        </div>
        <Button type="submit">{t(lang, 'create')}</Button>
      </form>
    </Layout>
  );
}

export function AttestationResultsPage(props: { ctx: PageContext; attestation: Attestation; rows: Array<{ result: AttestationResult; status: ResultStatus }>; timeZone: string; notice?: string }): VNode {
  const { ctx, attestation: a } = props;
  const lang = ctx.lang;
  return (
    <Layout ctx={ctx} title={a.title} breadcrumbs={[{ href: '/reception/attestations', label: t(lang, 'listTitle') }, { label: a.title }]}>
      {props.notice && (
        <Notice lang={lang} tone="success" role="status">
          {props.notice}
        </Notice>
      )}
      <PageHeading caption={`${windowText(lang, a)} · ${a.municipalityName ?? t(lang, 'scopeRegion')}`} title={a.title} lead={settingsText(lang, a)} />
      <Table
        lang={lang}
        caption={t(lang, 'resultsCaption')}
        stackOnMobile
        columns={[
          { key: 'name', label: t(lang, 'colEmployee'), rowHeader: true },
          { key: 'organisation', label: t(lang, 'colOrganisation') },
          { key: 'status', label: t(lang, 'colStatus') },
          { key: 'score', label: t(lang, 'colScore'), numeric: true },
          { key: 'finishedAt', label: t(lang, 'colFinishedAt') },
        ]}
        rows={props.rows.map(({ result: r, status }) => ({
          name: r.fullName,
          organisation: r.organisationName ?? '—',
          status: <StatusBadge lang={lang} status={status} />,
          score: r.finishedAt && !r.expired ? `${r.score} / ${r.total}` : '—',
          finishedAt: r.finishedAt ? formatDateTime(lang, r.finishedAt, props.timeZone) : '—',
        }))}
      />
    </Layout>
  );
}

export function AttestationTakePage(props: { ctx: PageContext; attestation: Attestation; result: AttestationResult; status: ResultStatus; timeZone: string; error?: string }): VNode {
  const { ctx, attestation: a, result: r, status } = props;
  const lang = ctx.lang;
  const time = (d: Date) => formatDateTime(lang, d, props.timeZone).slice(-5);
  const crumbs = [{ href: '/reception/attestations', label: t(lang, 'back') }, { label: a.title }];
  if (status === 'in_progress' && r.questions && r.deadlineAt) {
    return (
      <Layout ctx={ctx} title={t(lang, 'testTitle')} width="narrow" breadcrumbs={crumbs}>
        <PageHeading caption={a.title} title={t(lang, 'testTitle')} lead={t(lang, 'deadline', { time: time(r.deadlineAt) })} />
        <form method="post" action={`/reception/attestations/${a.id}/answers`}>
          <CsrfField token={ctx.csrfToken} />
          {r.questions.map((q, i) => (
            <RadioGroup
              lang={lang}
              name={`q${i}`}
              legend={
                <>
                  <span class="u-caption">{t(lang, 'questionN', { n: i + 1, total: r.questions!.length })}</span> {q.question}
                </>
              }
              options={q.options.map((o, k) => ({ value: String(k), label: o }))}
            />
          ))}
          <Button type="submit">{t(lang, 'finish')}</Button>
        </form>
      </Layout>
    );
  }
  return (
    <Layout ctx={ctx} title={a.title} width="narrow" breadcrumbs={crumbs}>
      {props.error && (
        <Notice lang={lang} tone="warning" role="alert">
          {props.error}
        </Notice>
      )}
      <PageHeading caption={windowText(lang, a)} title={a.title} lead={settingsText(lang, a)} />
      <p>
        <StatusBadge lang={lang} status={status} />
      </p>
      {status === 'open' && (
        <form method="post" action={`/reception/attestations/${a.id}/start`}>
          <CsrfField token={ctx.csrfToken} />
          <p>{t(lang, 'startWarning', { minutes: a.minutes })}</p>
          <Button type="submit">{t(lang, 'start')}</Button>
        </form>
      )}
      {status === 'upcoming' && <p>{t(lang, 'notOpen', { from: ru(a.opensOn), to: ru(a.closesOn) })}</p>}
      {r.finishedAt && r.expired && r.deadlineAt && (
        <Notice lang={lang} tone="warning" role="status">
          {t(lang, 'resultExpired', { time: time(r.deadlineAt) })}
        </Notice>
      )}
      {r.finishedAt && !r.expired && (
        <>
          <Notice lang={lang} tone={status === 'passed' ? 'success' : 'warning'} role="status">
            {t(lang, 'result', { score: r.score ?? 0, total: r.total ?? 0 })} — <StatusBadge lang={lang} status={status} />
          </Notice>
          <ol class="u-list">
            {(r.questions ?? []).map((q, i) => {
              const chosen = r.answers?.[i] ?? null;
              return (
                <li>
                  <p>
                    <strong>{q.question}</strong>
                  </p>
                  <p>
                    {t(lang, 'yourAnswer')}: {chosen === null ? t(lang, 'noAnswer') : q.options[chosen]} {chosen === q.correct ? <Badge tone="success">✓</Badge> : <Badge tone="danger">✗</Badge>}
                  </p>
                  {chosen !== q.correct && (
                    <p>
                      {t(lang, 'rightAnswer')}: {q.options[q.correct]}
                    </p>
                  )}
                </li>
              );
            })}
          </ol>
        </>
      )}
    </Layout>
  );
}
