/**
 * Which root of trust the signed catalog is checked against (DESIGN.md §4): the vendor root shipped with the app,
 * or one the user trusted explicitly (the demo's, a staging portal's), with its fingerprint to compare out of band.
 */
import { useId, useState, type FormEvent } from 'react';
import type { SessionView } from '../../../../shared/contracts/app-views.js';
import { api } from '../../api.js';
import { Badge } from '../../components/Badge.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { FieldMessage, fieldAttributes } from '../../components/FieldMessage.js';
import { useT } from '../../i18n/index.js';
import { useAction } from '../../state/use-action.js';
import { groupFingerprint } from '../../lib/format.js';

export function TrustPanel({ trust, onTrusted }: { trust: SessionView['trust']; onTrusted: (s: SessionView) => void }) {
  const { t } = useT();
  const [rootPath, setRootPath] = useState('');
  const [done, setDone] = useState(false);
  // The session is updated even if the panel closed meanwhile: the root is trusted either way.
  const trusting = useAction(async (path: string) => onTrusted(await api.call('trust.set', { rootPath: path })), {
    onDone: () => {
      setDone(true);
      setRootPath('');
    },
    // Whatever the host refused, it was this file: the field says so and keeps the path for correcting.
    onError: () => document.getElementById(fieldId)?.focus(),
  });
  const { busy, error } = trusting;
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const fieldId = useId();
  const errorId = `${fieldId}-error`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    trusting.reset();
    setDone(false);
    if (rootPath.trim() === '') {
      setProblem(t('app.shell.trust.fileProblem'));
      document.getElementById(fieldId)?.focus();
      return;
    }
    await trusting.run(rootPath.trim());
  }

  return (
    <div className="trust" data-testid="trust-panel">
      <h3>{t('app.shell.trust.heading')}</h3>
      {trust === null ? (
        <p className="muted">{t('app.shell.trust.none')}</p>
      ) : (
        <dl className="facts">
          <dt>{t('app.shell.trust.root')}</dt>
          <dd>
            {trust.shipped ? (
              <Badge tone="ok">{t('app.shell.trust.shipped')}</Badge>
            ) : (
              <Badge tone="warn">{t('app.shell.trust.explicit')}</Badge>
            )}{' '}
            <code className="path-text">{trust.rootPath}</code>
          </dd>
          <dt>{t('app.shell.trust.fingerprint')}</dt>
          <dd>
            <code className="fingerprint" data-testid="trust-fingerprint">
              {groupFingerprint(trust.fingerprint)}
            </code>
            <div className="muted small">{t('app.shell.trust.compare')}</div>
          </dd>
        </dl>
      )}
      <form className="form" onSubmit={submit} noValidate>
        <div className="field">
          <label>
            {t('app.shell.trust.fileLabel')}
            <input
              name="rootPath"
              type="text"
              {...fieldAttributes(fieldId, problem, error === null ? undefined : errorId)}
              aria-invalid={problem !== undefined || error !== null ? true : undefined}
              value={rootPath}
              onChange={(e) => {
                setRootPath(e.target.value);
                setProblem(undefined);
              }}
              placeholder="/path/to/root.json"
              spellCheck={false}
            />
          </label>
          <FieldMessage fieldId={fieldId} problem={problem} />
        </div>
        <div>
          <button type="submit" disabled={busy}>
            {t('app.shell.trust.submit')}
          </button>
          <span role="status" className="ok">
            {done ? t('app.shell.trust.done') : ''}
          </span>
        </div>
      </form>
      {error !== null && <ErrorNotice error={error} id={errorId} testId="trust-error" />}
    </div>
  );
}
