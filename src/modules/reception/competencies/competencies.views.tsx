/** The self-test (take it, see results) and the region's question bank. Russian first. */
import type { VNode } from 'preact';
import { formatDateTime, type Lang } from '../../../platform/i18n.js';
import { Layout, type PageContext } from '../../../platform/views/layout.js';
import { Badge, Button, CheckboxField, CsrfField, ErrorSummary, Field, Notice, PageHeading, RadioGroup, SelectField, Table, TextareaField, type FieldError } from '../../../platform/views/components.js';
import { competencyMessages as t } from './competencies.messages.js';
import { QUESTION_TOPICS } from './default-questions.js';
import { PASS_SHARE, QUESTIONS_PER_TEST, TEST_MINUTES, type Attempt, type Question } from './self-test.js';

const time = (lang: Lang, d: Date, tz: string) => formatDateTime(lang, d, tz).slice(-5);

export function resultBadge(lang: Lang, a: Attempt): VNode {
  if (!a.finishedAt) return <Badge tone="neutral">{t(lang, 'inProgress')}</Badge>;
  if (a.expired) return <Badge tone="warning">{t(lang, 'expired')}</Badge>;
  return a.score !== null && a.score >= Math.ceil(a.total * PASS_SHARE) ? <Badge tone="success">{t(lang, 'passed')}</Badge> : <Badge tone="danger">{t(lang, 'failed')}</Badge>;
}

export function AttemptsTable(props: { lang: Lang; attempts: Attempt[]; timeZone: string; own: boolean }): VNode {
  const { lang } = props;
  if (props.attempts.length === 0) return <p>{t(lang, 'noAttempts')}</p>;
  return (
    <Table
      lang={lang}
      caption={t(lang, 'attemptsCaption')}
      captionHidden
      stackOnMobile
      columns={[
        { key: 'date', label: t(lang, 'colDate'), rowHeader: true },
        { key: 'score', label: t(lang, 'colScore'), numeric: true },
        { key: 'result', label: t(lang, 'colResult') },
      ]}
      rows={props.attempts.map((a) => ({
        date: props.own ? <a href={`/reception/self-test/${a.id}`}>{formatDateTime(lang, a.startedAt, props.timeZone)}</a> : formatDateTime(lang, a.startedAt, props.timeZone),
        score: a.finishedAt && !a.expired ? `${a.score} / ${a.total}` : '—',
        result: resultBadge(lang, a),
      }))}
    />
  );
}

export function SelfTestHomePage(props: { ctx: PageContext; attempts: Attempt[]; timeZone: string; canStart: boolean }): VNode {
  const { ctx } = props;
  const lang = ctx.lang;
  return (
    <Layout ctx={ctx} title={t(lang, 'selfTestTitle')} width="narrow">
      <PageHeading title={t(lang, 'selfTestTitle')} lead={t(lang, 'selfTestLead', { n: QUESTIONS_PER_TEST, minutes: TEST_MINUTES, pass: Math.round(PASS_SHARE * 100) })} />
      {props.canStart ? (
        <form method="post" action="/reception/self-test">
          <CsrfField token={ctx.csrfToken} />
          <Button type="submit">{t(lang, 'startTest')}</Button>
        </form>
      ) : (
        <Notice lang={lang} tone="info">
          {t(lang, 'noQuestions')}
        </Notice>
      )}
      <h2 class="u-h2">{t(lang, 'attemptsTitle')}</h2>
      <AttemptsTable lang={lang} attempts={props.attempts} timeZone={props.timeZone} own />
    </Layout>
  );
}

export function SelfTestPage(props: { ctx: PageContext; attempt: Attempt; timeZone: string }): VNode {
  const { ctx, attempt: a } = props;
  const lang = ctx.lang;
  if (!a.finishedAt) {
    return (
      <Layout ctx={ctx} title={t(lang, 'testTitle')} width="narrow">
        <PageHeading title={t(lang, 'testTitle')} lead={t(lang, 'deadline', { time: time(lang, a.deadlineAt, props.timeZone) })} />
        <form method="post" action={`/reception/self-test/${a.id}`}>
          <CsrfField token={ctx.csrfToken} />
          {a.questions.map((q, i) => (
            <RadioGroup
              lang={lang}
              name={`q${i}`}
              legend={
                <>
                  <span class="u-caption">{t(lang, 'questionN', { n: i + 1, total: a.total })}</span> {q.question}
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
    <Layout ctx={ctx} title={t(lang, 'resultTitle')} width="narrow">
      <PageHeading title={t(lang, 'resultTitle')} />
      {a.expired ? (
        <Notice lang={lang} tone="warning" role="status">
          {t(lang, 'resultExpired', { time: time(lang, a.deadlineAt, props.timeZone) })}
        </Notice>
      ) : (
        <Notice lang={lang} tone={a.score! >= Math.ceil(a.total * PASS_SHARE) ? 'success' : 'warning'} role="status">
          {t(lang, 'result', { score: a.score!, total: a.total })} — {resultBadge(lang, a)}
        </Notice>
      )}
      <ol class="u-list">
        {a.questions.map((q, i) => {
          const chosen = a.answers?.[i] ?? null;
          return (
            <li>
              <p>
                <strong>{q.question}</strong>
              </p>
              <p>
                {t(lang, 'yourAnswer')}: {chosen === null ? t(lang, 'noAnswer') : q.options[chosen]}{' '}
                {chosen === q.correct ? <Badge tone="success">✓</Badge> : <Badge tone="danger">✗</Badge>}
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
      <p>
        <Button href="/reception/self-test" variant="secondary">
          {t(lang, 'again')}
        </Button>
      </p>
    </Layout>
  );
}

export function QuestionsPage(props: { ctx: PageContext; regionName: string; questions: Question[]; notice?: string }): VNode {
  const { ctx } = props;
  const lang = ctx.lang;
  return (
    <Layout ctx={ctx} title={t(lang, 'questionsTitle')}>
      {props.notice && (
        <Notice lang={lang} tone="success" role="status">
          {props.notice}
        </Notice>
      )}
      <PageHeading caption={props.regionName} title={t(lang, 'questionsTitle')} lead={t(lang, 'questionsLead')} />
      <p>
        <Button href="/reception/questions/new">{t(lang, 'addQuestion')}</Button>
      </p>
      <Table
        lang={lang}
        caption={t(lang, 'questionsCaption', { n: props.questions.length })}
        stackOnMobile
        columns={[
          { key: 'question', label: t(lang, 'colQuestion'), rowHeader: true },
          { key: 'topic', label: t(lang, 'colTopic') },
          { key: 'active', label: t(lang, 'colActive') },
        ]}
        rows={props.questions.map((q) => ({
          question: <a href={`/reception/questions/${q.id}`}>{q.question}</a>,
          topic: t(lang, `topic_${q.topic}`),
          active: q.active ? <Badge tone="success">✓</Badge> : <Badge tone="neutral">—</Badge>,
        }))}
      />
    </Layout>
  );
}

export interface QuestionFormValues {
  topic: string;
  question: string;
  options: string[];
  correct: string;
  active: boolean;
}

export const OPTION_FIELDS = 6;

export function QuestionFormPage(props: { ctx: PageContext; id: string | null; values: QuestionFormValues; errors: FieldError[] }): VNode {
  const { ctx, values: v } = props;
  const lang = ctx.lang;
  const e = Object.fromEntries(props.errors.map((x) => [x.field, x.message]));
  const title = props.id ? t(lang, 'editQuestion') : t(lang, 'newQuestion');
  return (
    <Layout ctx={ctx} title={title} width="narrow" breadcrumbs={[{ href: '/reception/questions', label: t(lang, 'questionsTitle') }, { label: title }]}>
      <ErrorSummary lang={lang} errors={props.errors} />
      <PageHeading title={title} />
      <form method="post" action={props.id ? `/reception/questions/${props.id}` : '/reception/questions/new'} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <SelectField lang={lang} name="topic" label={t(lang, 'topic')} options={QUESTION_TOPICS.map((x) => ({ value: x, label: t(lang, `topic_${x}`) }))} value={v.topic} error={e.topic} emptyOption />
        <TextareaField lang={lang} name="question" label={t(lang, 'question')} value={v.question} error={e.question} rows={3} />
        {Array.from({ length: OPTION_FIELDS }, (_, i) => (
          <Field lang={lang} name={`option${i}`} label={t(lang, 'option', { n: i + 1 })} value={v.options[i] ?? ''} error={i === 0 ? e.option0 : undefined} width="full" optional={i >= 2} />
        ))}
        <RadioGroup lang={lang} name="correct" legend={t(lang, 'correct')} value={v.correct} error={e.correct} inline options={Array.from({ length: OPTION_FIELDS }, (_, i) => ({ value: String(i), label: t(lang, 'correctN', { n: i + 1 }) }))} />
        <CheckboxField lang={lang} name="active" label={t(lang, 'active')} checked={v.active} value="on" />
        <Button type="submit">{t(lang, 'save')}</Button>
      </form>
    </Layout>
  );
}
