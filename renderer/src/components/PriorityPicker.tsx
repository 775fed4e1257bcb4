/** P1–P4 as radio buttons, each with its definition and response time (DESIGN.md §3.4), so the choice is informed. */
import { PRIORITIES, PRIORITY_DEFINITIONS, priorityDefinition, type Priority } from '../../../shared/domain/sla.js';
import type { Translate } from '../../../shared/i18n/translator.js';
import { useT } from '../i18n/index.js';

function responseWords(p: Priority, t: Translate): string {
  const target = PRIORITY_DEFINITIONS[p].responseTarget;
  if (target.kind === 'next-business-day') return t('app.requests.priority.nextBusinessDay');
  return target.minutes < 60
    ? t('app.requests.priority.withinMinutes', { minutes: target.minutes })
    : t('app.requests.priority.withinHours', { hours: target.minutes / 60 });
}

export function PriorityPicker({ value, onChange }: { value: Priority; onChange: (p: Priority) => void }) {
  const { t, locale } = useT();
  return (
    <fieldset className="priority" data-testid="priority-picker">
      <legend>{t('app.requests.priority.legend')}</legend>
      {PRIORITIES.map((p) => (
        <label key={p} className="priority-option">
          <input type="radio" name="priority" value={p} checked={value === p} onChange={() => onChange(p)} />
          <span>
            <strong>{p}</strong> — {priorityDefinition(p, locale)}
            <span className="muted"> {t('app.requests.priority.coverage', { response: responseWords(p, t) })}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
