/**
 * "Support bundle" on the Settings screen: the customer first sees every file the bundle would carry, with its size
 * and its text as it will be sent (redacted), then exports it and is told where it was written, to attach to a
 * request or an e-mail to the vendor's support.
 */
import { useState } from 'react';
import type { SupportExport, SupportPreviewFile } from '../../../../shared/contracts/support.js';
import { api } from '../../api.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useT } from '../../i18n/index.js';
import { toShownError, type ShownError } from '../../lib/errors.js';
import { formatBytes } from '../../lib/format.js';
import { SLOT, Slotted } from '../../components/Slotted.js';

export function SupportBundle() {
  const { t } = useT();
  const [files, setFiles] = useState<SupportPreviewFile[] | null>(null);
  const [written, setWritten] = useState<SupportExport | null>(null);
  const [busy, setBusy] = useState<'preview' | 'export' | null>(null);
  const [error, setError] = useState<ShownError | null>(null);

  async function run(what: 'preview' | 'export') {
    setBusy(what);
    setError(null);
    try {
      if (what === 'preview') setFiles((await api.call('support.preview', {})).files);
      else setWritten(await api.call('support.export', {}));
    } catch (err) {
      setError(toShownError(err));
    } finally {
      setBusy(null);
    }
  }

  return (
    <section aria-labelledby="support-bundle-heading" className="card" data-testid="support-bundle">
      <h2 id="support-bundle-heading">{t('app.settings.supportBundle.heading')}</h2>
      <p className="muted">{t('app.settings.supportBundle.intro')}</p>
      <div>
        <button type="button" className="secondary" onClick={() => void run('preview')} disabled={busy !== null}>
          {busy === 'preview' ? t('app.settings.supportBundle.previewing') : t('app.settings.supportBundle.preview')}
        </button>{' '}
        <button type="button" onClick={() => void run('export')} disabled={busy !== null}>
          {busy === 'export' ? t('app.settings.supportBundle.exporting') : t('app.settings.supportBundle.export')}
        </button>
      </div>
      {written !== null && (
        <p role="status" className="ok-text" data-testid="support-bundle-written">
          <Slotted
            text={t('app.settings.supportBundle.written', { path: SLOT, size: formatBytes(written.bytes) })}
            slot={<code>{written.path}</code>}
          />
        </p>
      )}
      {files !== null && (
        <ul data-testid="support-bundle-files">
          {files.map((f) => (
            <li key={f.name}>
              <details>
                <summary>
                  {f.name}{' '}
                  <span className="muted small">
                    {t('app.settings.supportBundle.fileSize', { size: formatBytes(f.bytes) })}
                  </span>
                </summary>
                <pre className="pre" data-testid="support-bundle-text">
                  {f.text}
                  {f.truncated && `\n${t('app.settings.supportBundle.truncated', { size: formatBytes(f.bytes) })}`}
                </pre>
              </details>
            </li>
          ))}
        </ul>
      )}
      {error !== null && <ErrorNotice error={error} />}
    </section>
  );
}
