/**
 * The contract's download records, as the portal keeps them: who downloaded which release for which system, and
 * when, newest first; older pages on demand. For the customer's administrator (the portal refuses anybody else).
 */
import { useCallback, useEffect, useState } from 'react';
import type { DownloadRecordView } from '../../../../shared/contracts/downloads.js';
import { api } from '../../api.js';
import { Pending } from '../../components/Section.js';
import { RetryError } from '../../components/RetryError.js';
import { toShownError, type ShownError } from '../../lib/errors.js';
import { formatBytes, formatDateTime, productLabel } from '../../lib/format.js';

export function DownloadRecords() {
  const [records, setRecords] = useState<DownloadRecordView[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async (before: string | null) => {
    setBusy(true);
    setError(null);
    try {
      const page = await api.call('records.downloads', before === null ? {} : { before });
      setRecords((shown) => (before === null ? page.records : [...(shown ?? []), ...page.records]));
      setNext(page.next);
    } catch (e) {
      setError(toShownError(e));
    } finally {
      setBusy(false);
    }
  }, []);

  useEffect(() => void load(null), [load]);

  return (
    <>
      <p className="muted small">Every package the portal handed out for your systems, with who downloaded it and when.</p>
      {error !== null && <RetryError error={error} busy={busy} onRetry={() => void load(null)} />}
      {records === null && error === null && <Pending what="the download records" />}
      {records !== null && records.length === 0 && <p className="muted">Nothing has been downloaded for your systems yet.</p>}
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
