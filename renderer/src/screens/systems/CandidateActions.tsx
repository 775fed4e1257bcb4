/** Download and Install for one release, with the download's progress in place once it is started. */
import type { ReleaseTarget } from '../../../../shared/contracts/catalog.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { ProgressBar } from '../../components/ProgressBar.js';
import { useT } from '../../i18n/index.js';
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
  const { t } = useT();
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
          aria-label={t('app.systems.actions.downloadLabel', { release: label })}
        >
          {download?.state === 'done' ? t('app.systems.actions.downloaded') : t('app.systems.actions.download')}
        </button>
        {allowed && pathHops !== null ? (
          <a
            className="button-link primary"
            href={hrefOf({ name: 'upgrade', serialNumber, version: target.custom.version })}
            data-testid="install-path"
          >
            {pathButtonLabel(pathHops, t)}
          </a>
        ) : allowed ? (
          <a
            className="button-link primary"
            href={hrefOf({ name: 'install', serialNumber, targetName: target.name })}
            aria-label={t('app.systems.actions.installLabel', { release: label, serialNumber })}
          >
            {t('app.systems.actions.install')}
          </a>
        ) : (
          <span className="muted small">{t('app.systems.actions.notAvailable')}</span>
        )}
      </div>
      {download !== undefined && (
        <div className="inline-progress" aria-live="polite">
          {download.state === 'done' ? (
            <span className="ok-text">
              {download.verified ? t('app.systems.actions.verified') : t('app.systems.actions.done')}
            </span>
          ) : download.state === 'failed' ? (
            download.error !== null && <ErrorNotice error={download.error} />
          ) : (
            <>
              <ProgressBar
                percent={percentOf(download.receivedBytes, download.totalBytes)}
                label={t('app.systems.actions.progressLabel', { release: label })}
              />
              <span className="small muted">
                {t('app.systems.actions.progress', {
                  state: download.state,
                  received: formatBytes(download.receivedBytes),
                  total: formatBytes(download.totalBytes),
                })}{' '}
                · <a href="#/downloads">{t('app.systems.actions.downloads')}</a>
              </span>
            </>
          )}
        </div>
      )}
      {error !== null && <ErrorNotice error={error} />}
    </div>
  );
}
