/** The «Вид мероприятия» select of the catalogue, shared by the plan item form and the event form. */
import type { VNode } from 'preact';
import type { Lang } from '../../platform/i18n.js';
import { SelectField } from '../../platform/views/components.js';
import { outreachMessages as t } from './outreach.messages.js';
import type { ActivityTypeView } from './outreach.repository.js';

export function ActivityTypeField(props: { lang: Lang; types: ActivityTypeView[]; value: string | undefined; error: string | undefined }): VNode {
  const { lang } = props;
  return (
    <SelectField
      lang={lang}
      name="activityTypeId"
      label={t(lang, 'activityType')}
      optional
      emptyOption={t(lang, 'noneSelected')}
      value={props.value}
      error={props.error}
      options={props.types.map((a) => ({ value: a.id, label: `${a.block} · ${a.title}` }))}
    />
  );
}
