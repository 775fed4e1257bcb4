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
import { useAction } from '../../state/use-action.js';
import { groupFingerprint } from '../../lib/format.js';

export function TrustPanel({ trust, onTrusted }: { trust: SessionView['trust']; onTrusted: (s: SessionView) => void }) {
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
      setProblem("Enter the path of the portal's root.json.");
      document.getElementById(fieldId)?.focus();
      return;
    }
    await trusting.run(rootPath.trim());
  }

  return (
    <div className="trust" data-testid="trust-panel">
      <h3>Trust in the signed catalog</h3>
      {trust === null ? (
        <p className="muted">No root of trust is set up yet: updates cannot be verified until one is.</p>
      ) : (
        <dl className="facts">
          <dt>Root</dt>
          <dd>
            {trust.shipped ? (
              <Badge tone="ok">Shipped vendor root</Badge>
            ) : (
              <Badge tone="warn">Explicitly trusted root</Badge>
            )}{' '}
            <code className="path-text">{trust.rootPath}</code>
          </dd>
          <dt>Fingerprint (SHA-256)</dt>
          <dd>
            <code className="fingerprint" data-testid="trust-fingerprint">
              {groupFingerprint(trust.fingerprint)}
            </code>
            <div className="muted small">
              Compare it with the one your vendor gave you before trusting updates from this portal.
            </div>
          </dd>
        </dl>
      )}
      <form className="form" onSubmit={submit} noValidate>
        <div className="field">
          <label>
            Trust a root file (root.json)
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
            Trust this root
          </button>
          <span role="status" className="ok">
            {done ? 'Root trusted.' : ''}
          </span>
        </div>
      </form>
      {error !== null && <ErrorNotice error={error} id={errorId} testId="trust-error" />}
    </div>
  );
}
