/** A request's identity and standing: number, state in words, priority, SLA countdown, the fault as described. */
import type { ServiceRequest } from '../../../../shared/contracts/requests.js';
import { priorityDefinition } from '../../../../shared/domain/sla.js';
import { Badge } from '../../components/Badge.js';
import { SlaCountdown } from '../../components/SlaCountdown.js';
import { describeState } from '../../../../shared/domain/request-state.js';
import { useT } from '../../i18n/index.js';
import { formatDateTime, productLabel } from '../../lib/format.js';
import { STATE_TONES } from './words.js';

export function RequestHeader({ request }: { request: ServiceRequest }) {
  const { t, locale } = useT();
  return (
    <section
      className="card"
      aria-label={t('app.requests.header.label', { number: request.number })}
      data-testid="request-header"
    >
      <div className="card-head">
        <h3>
          {t('app.requests.header.title', {
            number: request.number,
            product: productLabel(request.product),
            serialNumber: request.serialNumber,
          })}
        </h3>
        <Badge tone={STATE_TONES[request.state]} testId="request-state">
          {t(`app.requests.state.${request.state}`)}
        </Badge>
      </div>
      <p>{describeState(request.state, locale)}</p>
      <dl className="facts">
        <dt>{t('app.requests.header.priority')}</dt>
        <dd>
          <strong>{request.priority}</strong>{' '}
          <span className="muted">— {priorityDefinition(request.priority, locale)}</span>
        </dd>
        <dt>{t('app.requests.header.responseTime')}</dt>
        <dd>
          <SlaCountdown sla={request.sla} priority={request.priority} />
        </dd>
        <dt>{t('app.requests.header.location')}</dt>
        <dd translate="no">{request.location}</dd>
        <dt>{t('app.requests.header.submitted')}</dt>
        <dd>
          {formatDateTime(request.submittedAt)}
          {request.acceptedAt !== null && (
            <> · {t('app.requests.header.acceptedAt', { acceptedAt: request.acceptedAt })}</>
          )}
          {request.firstContactAt !== null && (
            <> · {t('app.requests.header.firstContactAt', { firstContactAt: request.firstContactAt })}</>
          )}
        </dd>
      </dl>
      <h4>{t('app.requests.header.faultDescription')}</h4>
      <p className="pre-wrap" translate="no">
        {request.faultDescription}
      </p>
    </section>
  );
}
