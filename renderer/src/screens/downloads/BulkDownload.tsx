/**
 * Bulk download for IT staff: every release offered for any covered system, windowed so thousands stay smooth,
 * picked with checkboxes and downloaded together (the main side bounds how many run at once) into the download
 * folder under their real names, or exported with their proof for a site without internet.
 */
import { useMemo, useState } from 'react';
import { Badge } from '../../components/Badge.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { VirtualList } from '../../components/VirtualList.js';
import { toShownError, type ShownError } from '../../lib/errors.js';
import { bulkRows, filterRows, type BulkRow } from '../../lib/bulk.js';
import { formatBytes } from '../../lib/format.js';
import { useT } from '../../i18n/index.js';
import { api } from '../../api.js';
import { upsertDownload } from '../../state/downloads.js';
import { useAction } from '../../state/use-action.js';
import type { ResolutionView } from '../../../../shared/contracts/app-views.js';
import { BundleExport } from './BundleExport.js';

export function BulkDownload({
  resolutions,
  folder,
}: {
  resolutions: readonly ResolutionView[];
  /** Where the downloads land, once known. */
  folder: string | null;
}) {
  const { t } = useT();
  const rows = useMemo(() => bulkRows(resolutions), [resolutions]);
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [errors, setErrors] = useState<{ name: string; error: ShownError }[]>([]);
  const [started, setStarted] = useState<number | null>(null);
  const shown = useMemo(() => filterRows(rows, query), [rows, query]);
  const pickedBytes = rows.reduce((n, r) => n + (picked.has(r.target.name) ? r.target.length : 0), 0);
  const pickedRows = rows.filter((r) => picked.has(r.target.name));
  const pickedNames = pickedRows.map((r) => r.target.name);
  // The statement covers every system a picked release was offered for.
  const pickedSerials = [...new Set(pickedRows.flatMap((r) => r.serialNumbers))];
  const lengths = useMemo(() => new Map(rows.map((r) => [r.target.name, r.target.length])), [rows]);

  function toggle(name: string, on: boolean) {
    const next = new Set(picked);
    if (on) next.add(name);
    else next.delete(name);
    setPicked(next);
  }

  function pickAllShown() {
    const next = new Set(picked);
    for (const r of shown) if (r.allowed) next.add(r.target.name);
    setPicked(next);
  }

  // Each release is started on its own: one refused does not stop the others, and stays picked to try again.
  const starting = useAction(
    async (names: ReadonlySet<string>) => {
      const failed: { name: string; error: ShownError }[] = [];
      let ok = 0;
      for (const name of names) {
        const row = rows.find((r) => r.target.name === name);
        try {
          const serialNumber = row?.serialNumbers[0];
          upsertDownload(
            await api.call('downloads.start', {
              targetName: name,
              ...(serialNumber === undefined ? {} : { serialNumber }),
              toFolder: true,
            }),
          );
          ok += 1;
        } catch (e) {
          failed.push({ name, error: toShownError(e) });
        }
      }
      return { ok, failed };
    },
    {
      onDone: ({ ok, failed }) => {
        setErrors(failed);
        setStarted(ok);
        setPicked(new Set(failed.map((f) => f.name)));
      },
    },
  );
  const { busy } = starting;

  function downloadPicked() {
    setErrors([]);
    setStarted(null);
    void starting.run(picked);
  }

  const renderRow = (r: BulkRow) => (
    <label className={`bulk-row ${r.allowed ? '' : 'bulk-row-refused'}`}>
      <input
        type="checkbox"
        checked={picked.has(r.target.name)}
        disabled={!r.allowed}
        onChange={(e) => toggle(r.target.name, e.target.checked)}
      />
      <span className="bulk-name">{r.target.name}</span>
      <span className="muted small">{t(`app.downloads.bulk.kind.${r.kind}`)}</span>
      <span className="small">{formatBytes(r.target.length)}</span>
      {r.allowed ? (
        <span className="muted small">{r.serialNumbers.join(', ')}</span>
      ) : (
        <Badge tone="blocked">{t('app.downloads.bulk.refused')}</Badge>
      )}
    </label>
  );

  return (
    <div className="bulk" data-testid="bulk-download">
      <div className="bulk-tools">
        <label className="grow">
          {t('app.downloads.bulk.filter')}
          <input
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder={t('app.downloads.bulk.filterPlaceholder')}
          />
        </label>
        <button type="button" className="secondary" onClick={pickAllShown}>
          {t('app.downloads.bulk.selectAllShown')}
        </button>
        <button type="button" className="secondary" onClick={() => setPicked(new Set())} disabled={picked.size === 0}>
          {t('app.downloads.bulk.clearSelection')}
        </button>
      </div>
      <p className="muted small" aria-live="polite">
        {shown.length === rows.length
          ? t('app.downloads.bulk.summaryAll', {
              count: rows.length,
              picked: picked.size,
              size: formatBytes(pickedBytes),
            })
          : t('app.downloads.bulk.summaryFiltered', {
              shown: shown.length,
              count: rows.length,
              picked: picked.size,
              size: formatBytes(pickedBytes),
            })}
      </p>
      {rows.length === 0 ? (
        <p>{t('app.downloads.bulk.noneOffered')}</p>
      ) : (
        <VirtualList
          items={shown}
          rowHeight={40}
          height={Math.min(400, Math.max(40, shown.length * 40))}
          label={t('app.downloads.bulk.listLabel')}
          testId="bulk-list"
          rowKey={(r) => r.target.name}
          renderRow={renderRow}
        />
      )}
      <div className="buttons">
        <button
          type="button"
          onClick={downloadPicked}
          disabled={busy || picked.size === 0}
          data-testid="bulk-download-button"
        >
          {busy ? t('app.downloads.bulk.starting') : t('app.downloads.bulk.downloadSelected', { count: picked.size })}
        </button>
        <span role="status" className="ok">
          {started !== null && started > 0 ? t('app.downloads.bulk.started', { count: started }) : ''}
        </span>
      </div>
      {folder !== null && (
        <p className="muted small" data-testid="bulk-folder">
          {t('app.downloads.bulk.savedTo', { folder })}
        </p>
      )}
      {errors.map((e) => (
        <ErrorNotice key={e.name} error={e.error} subject={e.name} />
      ))}
      <BundleExport targets={pickedNames} serials={pickedSerials} lengths={lengths} />
    </div>
  );
}
