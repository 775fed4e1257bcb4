/** One download: progress, speed, time left, verification, and pause / resume / cancel as its state allows. */
import type { DownloadView } from '../../../../shared/contracts/app-views.js';
import { Badge } from '../../components/Badge.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { ProgressBar } from '../../components/ProgressBar.js';
import { formatBytes, formatEta, formatSpeed, percentOf } from '../../lib/format.js';
import type { Tone } from '../../lib/verdict-words.js';
import { controlDownload } from '../../state/downloads.js';
import { useAction } from '../../state/use-action.js';

const STATE_WORDS: Record<DownloadView['state'], [string, Tone | 'neutral']> = {
  queued: ['Queued', 'neutral'],
  downloading: ['Downloading', 'info'],
  paused: ['Paused', 'warn'],
  verifying: ['Verifying', 'info'],
  done: ['Done', 'ok'],
  failed: ['Failed', 'blocked'],
  cancelled: ['Cancelled', 'neutral'],
};

export function verificationWords(d: DownloadView): string {
  if (d.state === 'done') return d.verified ? 'Verified against the signed catalog' : 'Not verified';
  if (d.state === 'verifying') return 'Checking the bytes against the signed catalog…';
  if (d.state === 'failed' || d.state === 'cancelled') return 'Not verified';
  return 'Hashed while downloading; verified when complete';
}

export function DownloadRow({ download: d }: { download: DownloadView }) {
  const control = useAction((action: 'pause' | 'resume' | 'cancel') => controlDownload(action, d.id));
  const { error } = control;
  const percent = d.state === 'done' ? 100 : percentOf(d.receivedBytes, d.totalBytes);
  const [stateWord, tone] = STATE_WORDS[d.state];
  const act = (action: 'pause' | 'resume' | 'cancel') => void control.run(action);
  const canPause = d.state === 'downloading' || d.state === 'queued';
  const canResume = d.state === 'paused' || d.state === 'failed';
  const canCancel = d.state !== 'done' && d.state !== 'cancelled';
  return (
    <li className="download" data-testid={`download-${d.id}`} data-state={d.state}>
      <div className="download-head">
        <strong className="download-name">{d.targetName}</strong>
        <Badge tone={tone}>{stateWord}</Badge>
        {d.serialNumber !== null && <span className="muted small">for {d.serialNumber}</span>}
      </div>
      <ProgressBar
        percent={percent}
        label={`Download of ${d.targetName}`}
        tone={d.state === 'failed' ? 'blocked' : d.state === 'done' ? 'ok' : 'brand'}
      />
      <div className="download-facts small">
        <span>
          {formatBytes(d.receivedBytes)} of {formatBytes(d.totalBytes)} ({percent}%)
        </span>
        {d.state === 'downloading' && (
          <>
            <span>{formatSpeed(d.bytesPerSecond)}</span>
            <span>{formatEta(d.etaSeconds)} left</span>
          </>
        )}
        <span className={d.verified ? 'ok-text' : 'muted'} data-testid="verification">
          {d.verified ? '✔ ' : ''}
          {verificationWords(d)}
        </span>
      </div>
      {d.error !== null && <ErrorNotice error={d.error} />}
      <div className="buttons">
        {canPause && (
          <button type="button" className="secondary" onClick={() => act('pause')} aria-label={`Pause ${d.targetName}`}>
            Pause
          </button>
        )}
        {canResume && (
          <button
            type="button"
            className="secondary"
            onClick={() => act('resume')}
            aria-label={`Resume ${d.targetName}`}
          >
            Resume
          </button>
        )}
        {canCancel && (
          <button
            type="button"
            className="secondary danger"
            onClick={() => act('cancel')}
            aria-label={`Cancel ${d.targetName}`}
          >
            Cancel
          </button>
        )}
      </div>
      {error !== null && <ErrorNotice error={error} />}
    </li>
  );
}
