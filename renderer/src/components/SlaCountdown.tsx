/** A request's response-time SLA: due time and a live countdown, or met / breached once TAC has responded. */
import { useT } from '../i18n/index.js';
import { slaCountdown, type SlaView } from '../lib/sla-words.js';
import { useNow } from '../state/hooks.js';
import { Badge } from './Badge.js';

export function SlaCountdown({
  sla,
  compact = false,
  priority,
}: {
  sla: SlaView;
  compact?: boolean;
  /** Lets a P4 say whose next business day it waits for. */
  priority?: string;
}) {
  const { t } = useT();
  const now = useNow(1000);
  const c = slaCountdown(sla, now, t);
  // In a table row only the headline fits ("Not accepted yet"); the full sentence is on the request itself.
  const shown = compact ? c.short : c.label;
  return (
    <span
      className="sla"
      data-testid="sla-countdown"
      data-sla-state={sla.state}
      title={shown === c.label ? undefined : c.label}
    >
      <Badge tone={c.tone}>{shown}</Badge>
      {/* The due time in the viewer's own zone, named. */}
      {!compact && sla.dueAt !== null && (
        <span className="muted"> · {t('app.requests.sla.dueAt', { dueAt: sla.dueAt })}</span>
      )}
      {/* Which region's calendar the due time was counted in, when the region has one of its own. */}
      {!compact && sla.calendar !== undefined && (
        <span className="muted" data-testid="sla-calendar">
          {' · '}
          {t(priority === 'P4' ? 'admin.regions.customer.slaNextBusinessDay' : 'admin.regions.customer.slaCalendar', {
            name: sla.calendar.name,
          })}
        </span>
      )}
    </span>
  );
}
