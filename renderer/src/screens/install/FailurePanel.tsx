/** A failed installation: what went wrong and what to do, matching known issues first, then remote guidance. */
import type { InstallOutcome } from '../../../../shared/contracts/app-views.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { LogView, linesOf } from '../../components/LogView.js';
import { useT } from '../../i18n/index.js';
import { hrefOf } from '../../lib/routes.js';
import { useSession } from '../../state/session.js';
import { KnownIssues } from './KnownIssues.js';

type Failure = Extract<InstallOutcome, { ok: false }>;

export function FailurePanel({ outcome, liveLogShown }: { outcome: Failure; liveLogShown: boolean }) {
  const { t } = useT();
  const { role } = useSession();
  return (
    <div className="failure" data-testid="install-failure">
      <ErrorNotice
        error={{
          code: outcome.code,
          message: outcome.message,
          remedy: outcome.remedy,
          key: outcome.key,
          params: outcome.params,
        }}
        testId="install-error"
      />
      {outcome.exitCode !== null && (
        <p className="small">{t('app.install.failure.exitCode', { exitCode: outcome.exitCode })}</p>
      )}
      <KnownIssues articles={outcome.knownIssues} />
      {outcome.failureId !== null && (
        <div className="guidance">
          <h3>
            {outcome.knownIssues.length > 0 ? t('app.install.failure.didNotHelp') : t('app.install.failure.needHelp')}
          </h3>
          {role === 'customer-admin' ? (
            <>
              <p>{t('app.install.failure.guidanceText')}</p>
              <a
                className="button-link primary"
                href={hrefOf({ name: 'request-draft', failureId: outcome.failureId })}
                data-testid="request-guidance"
              >
                {t('app.install.failure.requestGuidance')}
              </a>
            </>
          ) : (
            <p>{t('app.install.failure.askAdmin')}</p>
          )}
        </div>
      )}
      {!liveLogShown && outcome.log !== '' && (
        <details open>
          <summary>{t('app.install.failure.log')}</summary>
          <LogView lines={linesOf(outcome.log)} label={t('app.install.failure.log')} testId="failure-log" />
        </details>
      )}
    </div>
  );
}
