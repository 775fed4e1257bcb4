/**
 * The system's last failed installation, kept on this desktop: what failed, when, with which exit code, the known
 * issues that match it and "Request remote guidance". It stays here across reloads and restarts until a request is
 * sent for it or the customer dismisses it.
 */
import { useEffect, useState } from 'react';
import type { OpenFailureView } from '../../../../shared/contracts/app-views.js';
import { api } from '../../api.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Section } from '../../components/Section.js';
import { toShownError, type ShownError } from '../../lib/errors.js';
import { formatDateTime, productLabel } from '../../lib/format.js';
import { hrefOf } from '../../lib/routes.js';
import { useSession } from '../../state/session.js';
import { useAction } from '../../state/use-action.js';
import { KnownIssues } from '../install/KnownIssues.js';

export function LastFailure({ serialNumber }: { serialNumber: string }) {
  const { role } = useSession();
  const [failure, setFailure] = useState<OpenFailureView | null>(null);
  const [loadError, setLoadError] = useState<ShownError | null>(null);
  const dismissal = useAction((failureId: string) => api.call('failures.dismiss', { failureId }), {
    onDone: () => setFailure(null),
  });
  const error = dismissal.error ?? loadError;

  useEffect(() => {
    let current = true;
    api.call('failures.open', { serialNumber }).then(
      (answer) => current && setFailure(answer.failure),
      (e: unknown) => current && setLoadError(toShownError(e)),
    );
    return () => {
      current = false;
    };
  }, [serialNumber]);

  if (failure === null) return error === null ? null : <ErrorNotice error={error} />;
  const what = `${productLabel(failure.product)} ${failure.toVersion}`;
  return (
    <Section title="Last installation failed" testId="last-failure" className="failure">
      <p data-testid="last-failure-summary">
        Installing {what}
        {failure.fromVersion === null ? '' : ` over ${failure.fromVersion}`} failed on{' '}
        {formatDateTime(failure.failedAt)}
        {failure.exitCode === null ? '.' : `: the installer exited with code ${failure.exitCode}.`}
      </p>
      <KnownIssues articles={failure.knownIssues} collapsed />
      <div className="buttons">
        {role === 'customer-admin' ? (
          <a
            className="button-link primary"
            href={hrefOf({ name: 'request-draft', failureId: failure.id })}
            data-testid="last-failure-request"
          >
            Request remote guidance
          </a>
        ) : (
          <p className="small">Ask your customer administrator to request remote guidance for this failure.</p>
        )}
        <button
          type="button"
          className="secondary"
          onClick={() => void dismissal.run(failure.id)}
          disabled={dismissal.busy}
          data-testid="last-failure-dismiss"
        >
          Dismiss
        </button>
      </div>
      {error !== null && <ErrorNotice error={error} />}
    </Section>
  );
}
