/**
 * The diagnostics a request carries (install failure, system information, log, alarms, measurements, attached files,
 * operation records), as both sides read them.
 */
import type { Attachment, ServiceRequestCreate } from '../../../../shared/contracts/requests.js';
import { LogView, linesOf } from '../../components/LogView.js';
import { formatBytes, formatDateTime, formatDuration, productLabel } from '../../lib/format.js';

type Diagnostics = Pick<
  ServiceRequestCreate,
  'installFailure' | 'operationRecords' | 'alarms' | 'performanceMeasurements'
> & { attachments?: readonly Attachment[] };

export function DiagnosticsView({ request, logOpen = false }: { request: Diagnostics; logOpen?: boolean }) {
  const f = request.installFailure;
  return (
    <div className="diagnostics" data-testid="diagnostics">
      {f !== undefined && (
        <>
          <h3>Install failure</h3>
          <dl className="facts">
            <dt>Product</dt>
            <dd>
              {productLabel(f.product)} {f.fromVersion ?? '(nothing installed)'} → {f.toVersion}
            </dd>
            <dt>Package</dt>
            <dd>
              <code>{f.packageName}</code>
              <div className="muted small">
                SHA-256 <code className="hash">{f.sha256}</code>
              </div>
            </dd>
            <dt>Outcome</dt>
            <dd>
              {f.exitCode !== null
                ? `exit code ${f.exitCode}`
                : f.signal !== null
                  ? `stopped by ${f.signal}`
                  : 'did not complete'}
            </dd>
          </dl>
          <h4>System information</h4>
          <table className="table compact">
            <tbody>
              {Object.entries(f.systemInfo).map(([k, v]) => (
                <tr key={k}>
                  <th scope="row">{systemInfoLabel(k)}</th>
                  <td>{k === 'durationMs' && /^\d+$/.test(String(v)) ? formatDuration(Number(v)) : v}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <details open={logOpen}>
            <summary>Installer log ({linesOf(f.log).length} lines)</summary>
            <LogView lines={linesOf(f.log)} label="Installer log" testId="diagnostics-log" />
          </details>
        </>
      )}
      {request.alarms !== undefined && request.alarms.length > 0 && (
        <>
          <h4>Alarms</h4>
          <ul>
            {request.alarms.map((a, i) => (
              <li key={i}>{a}</li>
            ))}
          </ul>
        </>
      )}
      {request.performanceMeasurements !== undefined && request.performanceMeasurements !== '' && (
        <details>
          <summary>Performance measurements</summary>
          <pre className="pre">{request.performanceMeasurements}</pre>
        </details>
      )}
      {request.attachments !== undefined && request.attachments.length > 0 && (
        <>
          <h4>Attached files</h4>
          <ul data-testid="request-attachments">
            {request.attachments.map((a) => (
              <li key={a.id}>
                {a.fileName}{' '}
                <span className="muted small">
                  ({formatBytes(a.size)}, {a.uploaderRole === 'engineer' ? 'from the engineer' : 'from the customer'},{' '}
                  {formatDateTime(a.at)})
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {request.operationRecords !== undefined && request.operationRecords.length > 0 && (
        <details>
          <summary>Operation records ({request.operationRecords.length})</summary>
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
const SYSTEM_INFO_LABELS: Readonly<Record<string, string>> = {
  os: 'Operating system',
  hostname: 'Host name',
  memory: 'Memory',
  disk: 'Disk',
  runtime: 'Runtime',
  installer: 'Installer command',
  durationMs: 'Ran for',
};

function systemInfoLabel(key: string): string {
  return SYSTEM_INFO_LABELS[key] ?? key;
}
