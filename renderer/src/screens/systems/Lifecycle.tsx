/** A major line's lifecycle: generally available, end of maintenance (no new updates), end of service. */
import type { z } from 'zod';
import type { LifecycleSchema } from '../../../../shared/contracts/catalog.js';
import { useT } from '../../i18n/index.js';
import { formatCalendarDate } from '../../lib/format.js';

type Lifecycle = z.infer<typeof LifecycleSchema>;

export function Lifecycle({ lifecycle, today }: { lifecycle: Lifecycle | undefined; today: string }) {
  const { t } = useT();
  if (lifecycle === undefined) return <span className="muted small">{t('app.systems.lifecycle.none')}</span>;
  const steps: [string, string, string | undefined][] = [
    ['ga', t('app.systems.lifecycle.ga'), lifecycle.ga],
    ['eom', t('app.systems.lifecycle.endOfMaintenance'), lifecycle.endOfMaintenance],
    ['eos', t('app.systems.lifecycle.endOfService'), lifecycle.endOfService],
  ];
  return (
    <ol
      className="lifecycle"
      aria-label={t('app.systems.lifecycle.label', { major: lifecycle.major })}
      data-testid="lifecycle"
    >
      {steps.map(([key, label, date]) => (
        <li key={key} className={date !== undefined && date <= today ? 'passed' : 'ahead'}>
          <span className="lifecycle-label">{label}</span>
          <span>{date === undefined ? t('app.systems.lifecycle.notAnnounced') : formatCalendarDate(date)}</span>
          {date !== undefined && date <= today && (
            <span className="visually-hidden"> {t('app.systems.lifecycle.passed')}</span>
          )}
        </li>
      ))}
    </ol>
  );
}
