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
import { useT } from '../../i18n/index.js';
import { useAction } from '../../state/use-action.js';

export function DownloadRecords() {
  const { t } = useT();
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
      <p className="muted small">{t('app.downloads.records.intro')}</p>
      {error !== null && <RetryError error={error} busy={busy} onRetry={() => void load(null)} />}
      {records === null && error === null && <Pending what={t('app.downloads.records.pending')} />}
      {records !== null && records.length === 0 && <p className="muted">{t('app.downloads.records.none')}</p>}
      {records !== null && records.length > 0 && (
        <table className="table" data-testid="download-records">
          <thead>
            <tr>
              <th scope="col">{t('app.downloads.records.when')}</th>
              <th scope="col">{t('app.downloads.records.who')}</th>
              <th scope="col">{t('app.downloads.records.release')}</th>
              <th scope="col">{t('app.downloads.records.system')}</th>
              <th scope="col">{t('app.downloads.records.size')}</th>
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
                  {t('app.downloads.records.releaseName', { product: productLabel(r.product), version: r.version })}
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
          {busy ? t('app.shell.loading') : t('app.downloads.records.older')}
        </button>
      )}
    </>
  );
}
