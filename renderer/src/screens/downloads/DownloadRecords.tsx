/**
 * The contract's download records, as the portal keeps them: who downloaded which release for which system, and
 * when, newest first; older pages on demand. For the customer's administrator (the portal refuses anybody else).
 */
import { useEffect, useState } from 'react';
import type { DownloadRecordView } from '../../../../shared/contracts/downloads.js';
import { api } from '../../api.js';
import { Pending } from '../../components/Section.js';
import { RetryError } from '../../components/RetryError.js';
import { formatBytes, formatDateTime, productLabel } from '../../lib/format.js';
import { useAction } from '../../state/use-action.js';

export function DownloadRecords() {
  const [records, setRecords] = useState<DownloadRecordView[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  // `before` is the page to continue from; null loads the newest page again.
  const loading = useAction(
    (before: string | null) => api.call('records.downloads', before === null ? {} : { before }),
    {
      onDone: (page, before) => {
        setRecords((shown) => (before === null ? page.records : [...(shown ?? []), ...page.records]));
        setNext(page.next);
      },
    },
  );
  const { busy, error, run: load } = loading;

  useEffect(() => void load(null), [load]);

  return (
    <>
      <p className="muted small">
        Every package the portal handed out for your systems, with who downloaded it and when.
      </p>
      {error !== null && <RetryError error={error} busy={busy} onRetry={() => void load(null)} />}
      {records === null && error === null && <Pending what="the download records" />}
      {records !== null && records.length === 0 && (
        <p className="muted">Nothing has been downloaded for your systems yet.</p>
      )}
      {records !== null && records.length > 0 && (
        <table className="table" data-testid="download-records">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Release</th>
              <th scope="col">For system</th>
              <th scope="col">Size</th>
            </tr>
          </thead>
          <tbody>
            {records.map((r) => (
              <tr key={r.id}>
                <td>{formatDateTime(r.at)}</td>
                <td>
                  {r.account.name} <span className="muted small">{r.account.email}</span>
                </td>
                <td>
                  {productLabel(r.product)} {r.version}
                </td>
                <td>{r.serialNumber}</td>
                <td>{formatBytes(r.bytes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {next !== null && (
        <button type="button" className="secondary" onClick={() => void load(next)} disabled={busy}>
          {busy ? 'Loading…' : 'Show older records'}
        </button>
      )}
    </>
  );
}
