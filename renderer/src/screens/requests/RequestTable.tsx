/** Requests as a table: number, system, priority, state, SLA; the row's number links to its detail. */
import type { ServiceRequest } from '../../../../shared/contracts/requests.js';
import { Badge } from '../../components/Badge.js';
import { SlaCountdown } from '../../components/SlaCountdown.js';
import { useT } from '../../i18n/index.js';
import { formatDateTime, productLabel } from '../../lib/format.js';
import { STATE_TONES } from './words.js';

export function RequestTable({
  requests,
  hrefFor,
  testId,
}: {
  requests: readonly ServiceRequest[];
  hrefFor: (r: ServiceRequest) => string;
  testId: string;
}) {
  const { t } = useT();
  return (
    <table className="table" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{t('app.requests.table.request')}</th>
          <th scope="col">{t('app.requests.table.system')}</th>
          <th scope="col">{t('app.requests.table.priority')}</th>
          <th scope="col">{t('app.requests.table.state')}</th>
          <th scope="col">{t('app.requests.table.responseTime')}</th>
          <th scope="col">{t('app.requests.table.updated')}</th>
        </tr>
      </thead>
      <tbody>
        {requests.map((r) => (
          <tr key={r.id} data-testid={`request-row-${r.number}`}>
            <th scope="row" className="nowrap">
              <a href={hrefFor(r)}>{r.number}</a>
            </th>
            <td>
              {productLabel(r.product)} <span className="muted small nowrap">{r.serialNumber}</span>
            </td>
            <td>{r.priority}</td>
            <td>
              <Badge tone={STATE_TONES[r.state]}>{t(`app.requests.state.${r.state}`)}</Badge>
            </td>
            <td>
              <SlaCountdown sla={r.sla} compact />
            </td>
            <td className="small nowrap">{formatDateTime(r.updatedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
