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
import { useT } from '../../i18n/index.js';
import { productLabel } from '../../lib/format.js';
import { hrefOf } from '../../lib/routes.js';
import { useSession } from '../../state/session.js';
import { useAction } from '../../state/use-action.js';
import { KnownIssues } from '../install/KnownIssues.js';

export function LastFailure({ serialNumber }: { serialNumber: string }) {
  const { t } = useT();
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
  const release = `${productLabel(failure.product)} ${failure.toVersion}`;
  const facts = { release, failedAt: failure.failedAt };
  const summary =
    failure.fromVersion === null
      ? failure.exitCode === null
        ? t('app.systems.failure.plain', facts)
        : t('app.systems.failure.withCode', { ...facts, exitCode: failure.exitCode })
      : failure.exitCode === null
        ? t('app.systems.failure.from', { ...facts, fromVersion: failure.fromVersion })
        : t('app.systems.failure.fromWithCode', {
            ...facts,
            fromVersion: failure.fromVersion,
            exitCode: failure.exitCode,
          });
  return (
    <Section title={t('app.systems.failure.title')} testId="last-failure" className="failure">
      <p data-testid="last-failure-summary">{summary}</p>
      <KnownIssues articles={failure.knownIssues} collapsed />
      <div className="buttons">
        {role === 'customer-admin' ? (
          <a
            className="button-link primary"
            href={hrefOf({ name: 'request-draft', failureId: failure.id })}
            data-testid="last-failure-request"
          >
            {t('app.systems.failure.request')}
          </a>
        ) : (
          <p className="small">{t('app.systems.failure.askAdmin')}</p>
        )}
        <button
          type="button"
          className="secondary"
          onClick={() => void dismissal.run(failure.id)}
          disabled={dismissal.busy}
          data-testid="last-failure-dismiss"
        >
          {t('app.systems.failure.dismiss')}
        </button>
      </div>
      {error !== null && <ErrorNotice error={error} />}
    </Section>
  );
}
