/** One download: progress, speed, time left, verification, and pause / resume / cancel as its state allows. */
import type { DownloadView } from '../../../../shared/contracts/app-views.js';
import type { CatalogKey } from '../../../../shared/i18n/translator.js';
import { Badge } from '../../components/Badge.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { ProgressBar } from '../../components/ProgressBar.js';
import { formatBytes, formatEta, formatSpeed, percentOf } from '../../lib/format.js';
import type { Tone } from '../../lib/verdict-words.js';
import { controlDownload } from '../../state/downloads.js';
import { useT } from '../../i18n/index.js';
import { useAction } from '../../state/use-action.js';
import { fileNameOf } from './full-path.js';

const STATE_TONES: Record<DownloadView['state'], Tone | 'neutral'> = {
  queued: 'neutral',
  downloading: 'info',
  paused: 'warn',
  verifying: 'info',
  done: 'ok',
  failed: 'blocked',
  cancelled: 'neutral',
};

/** What is known of a download's bytes against the signed catalog, as a catalog key. */
export function verificationKey(d: DownloadView): CatalogKey {
  if (d.state === 'done')
    return d.verified ? 'app.downloads.verification.verified' : 'app.downloads.verification.notVerified';
  if (d.state === 'verifying') return 'app.downloads.verification.checking';
  if (d.state === 'failed' || d.state === 'cancelled') return 'app.downloads.verification.notVerified';
  return 'app.downloads.verification.whileDownloading';
}

export function DownloadRow({ download: d }: { download: DownloadView }) {
  const { t } = useT();
  const control = useAction((action: 'pause' | 'resume' | 'cancel') => controlDownload(action, d.id));
  const { error } = control;
  const percent = d.state === 'done' ? 100 : percentOf(d.receivedBytes, d.totalBytes);
  const act = (action: 'pause' | 'resume' | 'cancel') => void control.run(action);
  const canPause = d.state === 'downloading' || d.state === 'queued';
  const canResume = d.state === 'paused' || d.state === 'failed';
  const canCancel = d.state !== 'done' && d.state !== 'cancelled';
  return (
    <li className="download" data-testid={`download-${d.id}`} data-state={d.state}>
      <div className="download-head">
        <strong className="download-name">{d.targetName}</strong>
        <Badge tone={STATE_TONES[d.state]}>{t(`app.downloads.state.${d.state}`)}</Badge>
        {d.serialNumber !== null && (
          <span className="muted small">{t('app.downloads.row.forSystem', { serialNumber: d.serialNumber })}</span>
        )}
      </div>
      <p className="small muted download-file">
        {typeof d.savedAs === 'string' ? (
          <span data-testid="download-saved-as">{t('app.downloads.row.savedAs', { file: d.savedAs })}</span>
        ) : (
          t('app.downloads.row.fileName', { fileName: fileNameOf(d.targetName) })
        )}
      </p>
      <ProgressBar
        percent={percent}
        label={t('app.downloads.row.progressLabel', { name: d.targetName })}
        tone={d.state === 'failed' ? 'blocked' : d.state === 'done' ? 'ok' : 'brand'}
      />
      <div className="download-facts small">
        <span>
          {t('app.downloads.row.received', {
            received: formatBytes(d.receivedBytes),
            total: formatBytes(d.totalBytes),
            percent,
          })}
        </span>
        {d.state === 'downloading' && (
          <>
            <span>{formatSpeed(d.bytesPerSecond)}</span>
            <span>{t('app.downloads.row.timeLeft', { eta: formatEta(d.etaSeconds) })}</span>
          </>
        )}
        <span className={d.verified ? 'ok-text' : 'muted'} data-testid="verification">
          {d.verified ? '✔ ' : ''}
          {t(verificationKey(d))}
        </span>
      </div>
      {d.error !== null && <ErrorNotice error={d.error} />}
      <div className="buttons">
        {canPause && (
          <button
            type="button"
            className="secondary"
            onClick={() => act('pause')}
            aria-label={t('app.downloads.row.pauseName', { name: d.targetName })}
          >
            {t('app.downloads.row.pause')}
          </button>
        )}
        {canResume && (
          <button
            type="button"
            className="secondary"
            onClick={() => act('resume')}
            aria-label={t('app.downloads.row.resumeName', { name: d.targetName })}
          >
            {t('app.downloads.row.resume')}
          </button>
        )}
        {canCancel && (
          <button
            type="button"
            className="secondary danger"
            onClick={() => act('cancel')}
            aria-label={t('app.downloads.row.cancelName', { name: d.targetName })}
          >
            {t('app.downloads.row.cancel')}
          </button>
        )}
      </div>
      {error !== null && <ErrorNotice error={error} />}
    </li>
  );
}
