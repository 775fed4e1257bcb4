/** A major line's lifecycle: generally available, end of maintenance (no new updates), end of service. */
import type { z } from 'zod';
import type { LifecycleSchema } from '../../../../shared/contracts/catalog.js';
import { formatCalendarDate } from '../../lib/format.js';

type Lifecycle = z.infer<typeof LifecycleSchema>;

export function Lifecycle({ lifecycle, today }: { lifecycle: Lifecycle | undefined; today: string }) {
  if (lifecycle === undefined)
    return <span className="muted small">No lifecycle dates are published for this line yet.</span>;
  const steps: [string, string | undefined][] = [
    ['Generally available', lifecycle.ga],
    ['End of maintenance', lifecycle.endOfMaintenance],
    ['End of service', lifecycle.endOfService],
  ];
  return (
    <ol className="lifecycle" aria-label={`Lifecycle of the ${lifecycle.major}.x line`} data-testid="lifecycle">
      {steps.map(([label, date]) => (
        <li key={label} className={date !== undefined && date <= today ? 'passed' : 'ahead'}>
          <span className="lifecycle-label">{label}</span>
          <span>{date === undefined ? 'not announced' : formatCalendarDate(date)}</span>
          {date !== undefined && date <= today && <span className="visually-hidden"> (passed)</span>}
        </li>
      ))}
    </ol>
  );
}
