/**
 * The diagnostics a request carries (install failure, system information, log, alarms, measurements, attached files,
 * operation records), as both sides read them.
 */
import type { Attachment, ServiceRequestCreate } from '../../../../shared/contracts/requests.js';
import { LogView, linesOf } from '../../components/LogView.js';
import type { Translate } from '../../../../shared/i18n/translator.js';
import { useT } from '../../i18n/index.js';
import { formatBytes, formatDateTime, formatDuration, productLabel } from '../../lib/format.js';

type Diagnostics = Pick<
  ServiceRequestCreate,
  'installFailure' | 'operationRecords' | 'alarms' | 'performanceMeasurements'
> & { attachments?: readonly Attachment[] };

export function DiagnosticsView({ request, logOpen = false }: { request: Diagnostics; logOpen?: boolean }) {
  const { t } = useT();
  const f = request.installFailure;
  return (
    <div className="diagnostics" data-testid="diagnostics">
      {f !== undefined && (
        <>
          <h3>{t('app.requests.diagnostics.installFailure')}</h3>
          <dl className="facts">
            <dt>{t('app.requests.diagnostics.product')}</dt>
            <dd>
              {f.fromVersion === null
                ? t('app.requests.diagnostics.nothingInstalled', {
                    product: productLabel(f.product),
                    toVersion: f.toVersion,
                  })
                : t('app.requests.diagnostics.versions', {
                    product: productLabel(f.product),
                    fromVersion: f.fromVersion,
                    toVersion: f.toVersion,
                  })}
            </dd>
            <dt>{t('app.requests.diagnostics.package')}</dt>
            <dd>
              <code>{f.packageName}</code>
              <div className="muted small">
                SHA-256 <code className="hash">{f.sha256}</code>
              </div>
            </dd>
            <dt>{t('app.requests.diagnostics.outcome')}</dt>
            <dd>
              {f.exitCode !== null
                ? t('app.requests.diagnostics.exitCode', { exitCode: f.exitCode })
                : f.signal !== null
                  ? t('app.requests.diagnostics.signal', { signal: f.signal })
                  : t('app.requests.diagnostics.incomplete')}
            </dd>
          </dl>
          <h4>{t('app.requests.diagnostics.systemInfo')}</h4>
          <table className="table compact">
            <tbody>
              {Object.entries(f.systemInfo).map(([k, v]) => (
                <tr key={k}>
                  <th scope="row">{systemInfoLabel(k, t)}</th>
                  <td translate={k === 'durationMs' ? undefined : 'no'}>
                    {k === 'durationMs' && /^\d+$/.test(String(v)) ? formatDuration(Number(v)) : v}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <details open={logOpen}>
            <summary>{t('app.requests.diagnostics.logLines', { count: linesOf(f.log).length })}</summary>
            <LogView lines={linesOf(f.log)} label={t('app.requests.diagnostics.log')} testId="diagnostics-log" />
          </details>
        </>
      )}
      {request.alarms !== undefined && request.alarms.length > 0 && (
        <>
          <h4>{t('app.requests.diagnostics.alarms')}</h4>
          <ul>
            {request.alarms.map((a, i) => (
              <li key={i}>{a}</li>
            ))}
          </ul>
        </>
      )}
      {request.performanceMeasurements !== undefined && request.performanceMeasurements !== '' && (
        <details>
          <summary>{t('app.requests.diagnostics.measurements')}</summary>
          <pre className="pre">{request.performanceMeasurements}</pre>
        </details>
      )}
      {request.attachments !== undefined && request.attachments.length > 0 && (
        <>
          <h4>{t('app.requests.diagnostics.files')}</h4>
          <ul data-testid="request-attachments">
            {request.attachments.map((a) => (
              <li key={a.id}>
                {a.fileName}{' '}
                <span className="muted small">
                  {t(
                    a.uploaderRole === 'engineer'
                      ? 'app.requests.diagnostics.fromEngineer'
                      : 'app.requests.diagnostics.fromCustomer',
                    { size: formatBytes(a.size), at: formatDateTime(a.at) },
                  )}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {request.operationRecords !== undefined && request.operationRecords.length > 0 && (
        <details>
          <summary>{t('app.requests.diagnostics.records', { count: request.operationRecords.length })}</summary>
          <ol className="records" data-testid="operation-records">
            {request.operationRecords.map((r, i) => (
              <li key={i}>
                <span className="muted small">{formatDateTime(r.at)}</span> <span className="tag">{r.kind}</span>{' '}
                {r.summary}
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}

// The app's own keys in words; anything else (a newer app's) is shown as sent.
const SYSTEM_INFO_KEYS = ['os', 'hostname', 'memory', 'disk', 'runtime', 'installer', 'durationMs'] as const;

function systemInfoLabel(key: string, t: Translate): string {
  const known = SYSTEM_INFO_KEYS.find((k) => k === key);
  return known === undefined ? key : t(`app.requests.diagnostics.info.${known}`);
}
