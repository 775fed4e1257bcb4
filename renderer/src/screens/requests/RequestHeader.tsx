/** A request's identity and standing: number, state in words, priority, SLA countdown, the fault as described. */
import type { ServiceRequest } from '../../../../shared/contracts/requests.js';
import { describeState } from '../../../../shared/domain/request-state.js';
import { PRIORITY_DEFINITIONS } from '../../../../shared/domain/sla.js';
import { Badge } from '../../components/Badge.js';
import { SlaCountdown } from '../../components/SlaCountdown.js';
import { formatDateTime, productLabel } from '../../lib/format.js';
import { STATE_LABELS, STATE_TONES } from './words.js';

export function RequestHeader({ request }: { request: ServiceRequest }) {
  return (
    <section className="card" aria-label={`Request ${request.number}`} data-testid="request-header">
      <div className="card-head">
        <h3>
          {request.number} · {productLabel(request.product)} on {request.serialNumber}
        </h3>
        <Badge tone={STATE_TONES[request.state]} testId="request-state">
          {STATE_LABELS[request.state]}
        </Badge>
      </div>
      <p>{describeState(request.state)}</p>
      <dl className="facts">
        <dt>Priority</dt>
        <dd>
          <strong>{request.priority}</strong>{' '}
          <span className="muted">— {PRIORITY_DEFINITIONS[request.priority].definition}</span>
        </dd>
        <dt>Response time</dt>
        <dd>
          <SlaCountdown sla={request.sla} />
        </dd>
        <dt>Location</dt>
        <dd>{request.location}</dd>
        <dt>Submitted</dt>
        <dd>
          {formatDateTime(request.submittedAt)}
          {request.acceptedAt !== null && <> · accepted {formatDateTime(request.acceptedAt)}</>}
          {request.firstContactAt !== null && <> · first contact {formatDateTime(request.firstContactAt)}</>}
        </dd>
      </dl>
      <h4>Fault description</h4>
      <p className="pre-wrap">{request.faultDescription}</p>
    </section>
  );
}
