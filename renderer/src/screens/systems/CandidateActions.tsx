/** Download and Install for one release, with the download's progress in place once it is started. */
import type { ReleaseTarget } from '../../../../shared/contracts/catalog.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { ProgressBar } from '../../components/ProgressBar.js';
import { formatBytes, percentOf } from '../../lib/format.js';
import { hrefOf } from '../../lib/routes.js';
import { pathButtonLabel } from '../../lib/upgrade-path.js';
import { latestFor, startDownload, useDownloads } from '../../state/downloads.js';
import { useAction } from '../../state/use-action.js';

/** `pathHops`: the versions to install in order when this release would skip a hop (then only the path is offered). */
export function CandidateActions({
  target,
  serialNumber,
  allowed,
  pathHops,
}: {
  target: ReleaseTarget;
  serialNumber: string;
  allowed: boolean;
  pathHops: readonly string[] | null;
}) {
  const { byId } = useDownloads();
  const starting = useAction(() => startDownload(target.name, serialNumber));
  const { error } = starting;
  const download = latestFor(byId, target.name);
  const label = `${target.custom.product} ${target.custom.version}`;

  const running = download !== undefined && ['queued', 'downloading', 'verifying', 'paused'].includes(download.state);
  return (
    <div className="candidate-actions">
      <div className="buttons">
        <button
          type="button"
          onClick={() => void starting.run()}
          disabled={!allowed || starting.busy || running || download?.state === 'done'}
          aria-label={`Download ${label}`}
        >
          {download?.state === 'done' ? 'Downloaded' : 'Download'}
        </button>
        {allowed && pathHops !== null ? (
          <a
            className="button-link primary"
            href={hrefOf({ name: 'upgrade', serialNumber, version: target.custom.version })}
            data-testid="install-path"
          >
            {pathButtonLabel(pathHops)}
          </a>
        ) : allowed ? (
          <a
            className="button-link primary"
            href={hrefOf({ name: 'install', serialNumber, targetName: target.name })}
            aria-label={`Install ${label} on ${serialNumber}`}
          >
            Install
          </a>
        ) : (
          <span className="muted small">Not available under your contract</span>
        )}
      </div>
      {download !== undefined && (
        <div className="inline-progress" aria-live="polite">
          {download.state === 'done' ? (
            <span className="ok-text">
              {download.verified ? 'Downloaded and verified against the signed catalog.' : 'Downloaded.'}
            </span>
          ) : download.state === 'failed' ? (
            download.error !== null && <ErrorNotice error={download.error} />
          ) : (
            <>
              <ProgressBar
                percent={percentOf(download.receivedBytes, download.totalBytes)}
                label={`Download of ${label}`}
              />
              <span className="small muted">
                {download.state} · {formatBytes(download.receivedBytes)} of {formatBytes(download.totalBytes)} ·{' '}
                <a href="#/downloads">Downloads</a>
              </span>
            </>
          )}
        </div>
      )}
      {error !== null && <ErrorNotice error={error} />}
    </div>
  );
}
