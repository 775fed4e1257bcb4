/** A titled card; the heading names the region for screen readers. */
import { useId, type ReactNode } from 'react';

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

/** "Loading…" in place, never a blocking overlay: the rest of the screen stays usable. */
export function Pending({ what }: { what: string }) {
  return (
    <p className="muted" role="status">
      Loading {what}…
    </p>
  );
}
