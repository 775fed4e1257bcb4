/** A labelled progress bar that assistive technology reads as one (role=progressbar with its value). */
import { useT } from '../i18n/index.js';

export function ProgressBar({
  percent,
  label,
  tone = 'brand',
}: {
  percent: number;
  label: string;
  tone?: 'brand' | 'ok' | 'blocked';
}) {
  const { t } = useT();
  return (
    <div
      className="progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={t('app.shell.percent', { percent })}
    >
      <div className={`progress-fill progress-${tone}`} style={{ width: `${percent}%` }} />
    </div>
  );
}
