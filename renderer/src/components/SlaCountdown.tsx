/** A request's response-time SLA: due time and a live countdown, or met / breached once TAC has responded. */
import { formatDateTime } from '../lib/format.js';
import { slaCountdown, type SlaView } from '../lib/sla-words.js';
import { useNow } from '../state/hooks.js';
import { Badge } from './Badge.js';

export function SlaCountdown({ sla, compact = false }: { sla: SlaView; compact?: boolean }) {
  const now = useNow(1000);
  const c = slaCountdown(sla, now);
  return (
    <span className="sla" data-testid="sla-countdown" data-sla-state={sla.state}>
      <Badge tone={c.tone}>{c.label}</Badge>
      {!compact && sla.dueAt !== null && <span className="muted"> · response due {formatDateTime(sla.dueAt)}</span>}
    </span>
  );
}
