/**
 * "Support bundle" on the Settings screen: the customer first sees every file the bundle would carry, with its size
 * and its text as it will be sent (redacted), then exports it and is told where it was written, to attach to a
 * request or an e-mail to the vendor's support.
 */
import { useState } from 'react';
import type { SupportExport, SupportPreviewFile } from '../../../../shared/contracts/support.js';
import { api } from '../../api.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { toShownError, type ShownError } from '../../lib/errors.js';
import { formatBytes } from '../../lib/format.js';

export function SupportBundle() {
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
      <h2 id="support-bundle-heading">Support bundle</h2>
      <p className="muted">
        One file for the vendor&rsquo;s support: the app&rsquo;s log, the operation records, failed installations, the
        settings and this app&rsquo;s version. Tokens, passwords, keys and the names in e-mail addresses are removed
        first; preview shows exactly what it holds.
      </p>
      <div>
        <button type="button" className="secondary" onClick={() => void run('preview')} disabled={busy !== null}>
          {busy === 'preview' ? 'Preparing preview…' : 'Preview'}
        </button>{' '}
        <button type="button" onClick={() => void run('export')} disabled={busy !== null}>
          {busy === 'export' ? 'Exporting…' : 'Export support bundle'}
        </button>
      </div>
      {written !== null && (
        <p role="status" className="ok-text" data-testid="support-bundle-written">
          Written to <code>{written.path}</code> ({formatBytes(written.bytes)}).
        </p>
      )}
      {files !== null && (
        <ul data-testid="support-bundle-files">
          {files.map((f) => (
            <li key={f.name}>
              <details>
                <summary>
                  {f.name} <span className="muted small">({formatBytes(f.bytes)})</span>
                </summary>
                <pre className="pre" data-testid="support-bundle-text">
                  {f.text}
                  {f.truncated && `\n… the bundle holds all ${formatBytes(f.bytes)}`}
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
