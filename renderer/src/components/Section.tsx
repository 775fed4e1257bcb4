/** A titled card; the heading names the region for screen readers. */
import { useId, type ReactNode } from 'react';
import { useT } from '../i18n/index.js';

export function Section({
  title,
  children,
  testId,
  actions,
  className,
}: {
  title: string;
  children: ReactNode;
  testId?: string;
  actions?: ReactNode;
  className?: string;
}) {
  const id = useId();
  return (
    <section aria-labelledby={id} className={`card ${className ?? ''}`} data-testid={testId}>
      <div className="card-head">
        <h2 id={id}>{title}</h2>
        {actions !== undefined && <div className="card-actions">{actions}</div>}
      </div>
      {children}
    </section>
  );
}

/**
 * "Loading…" in place, never a blocking overlay: the rest of the screen stays usable. `what` is already in the
 * reader's language ("your systems", "您的系统").
 */
export function Pending({ what }: { what: string }) {
  const { t } = useT();
  return (
    <p className="muted" role="status">
      {t('app.shell.pending', { what })}
    </p>
  );
}
