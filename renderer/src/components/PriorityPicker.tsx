/** P1–P4 as radio buttons, each with its definition and response time (DESIGN.md §3.4), so the choice is informed. */
import { PRIORITIES, PRIORITY_DEFINITIONS, type Priority } from '../../../shared/domain/sla.js';

function responseWords(p: Priority): string {
  const t = PRIORITY_DEFINITIONS[p].responseTarget;
  if (t.kind === 'next-business-day') return 'response by the next business day';
  return t.minutes < 60
    ? `response within ${t.minutes} minutes`
    : `response within ${t.minutes / 60} ${t.minutes === 60 ? 'hour' : 'hours'}`;
}

export function PriorityPicker({ value, onChange }: { value: Priority; onChange: (p: Priority) => void }) {
  return (
    <fieldset className="priority" data-testid="priority-picker">
      <legend>Priority</legend>
      {PRIORITIES.map((p) => (
        <label key={p} className="priority-option">
          <input type="radio" name="priority" value={p} checked={value === p} onChange={() => onChange(p)} />
          <span>
            <strong>{p}</strong> — {PRIORITY_DEFINITIONS[p].definition}
            <span className="muted"> ({responseWords(p)}, 24x7)</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
