/** A failed installation: what went wrong and what to do, matching known issues first, then remote guidance. */
import type { InstallOutcome } from '../../../../shared/contracts/app-views.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { LogView, linesOf } from '../../components/LogView.js';
import { hrefOf } from '../../lib/routes.js';
import { useSession } from '../../state/session.js';
import { KnownIssues } from './KnownIssues.js';

type Failure = Extract<InstallOutcome, { ok: false }>;

export function FailurePanel({ outcome, liveLogShown }: { outcome: Failure; liveLogShown: boolean }) {
  const { role } = useSession();
  return (
    <div className="failure" data-testid="install-failure">
      <ErrorNotice
        error={{ code: outcome.code, message: outcome.message, remedy: outcome.remedy }}
        testId="install-error"
      />
      {outcome.exitCode !== null && <p className="small">The installer exited with code {outcome.exitCode}.</p>}
      <KnownIssues articles={outcome.knownIssues} />
      {outcome.failureId !== null && (
        <div className="guidance">
          <h3>{outcome.knownIssues.length > 0 ? 'Did not help?' : 'Need help?'}</h3>
          {role === 'customer-admin' ? (
            <>
              <p>
                The Technical Assistance Center can guide you remotely. The request is filled in from this failure; you
                see and approve everything before it is sent.
              </p>
              <a
                className="button-link primary"
                href={hrefOf({ name: 'request-draft', failureId: outcome.failureId })}
                data-testid="request-guidance"
              >
                Request remote guidance
              </a>
            </>
          ) : (
            <p>
              Ask your customer administrator to request remote guidance for this failure: IT staff accounts cannot open
              requests.
            </p>
          )}
        </div>
      )}
      {!liveLogShown && outcome.log !== '' && (
        <details open>
          <summary>Installer log</summary>
          <LogView lines={linesOf(outcome.log)} label="Installer log" testId="failure-log" />
        </details>
      )}
    </div>
  );
}
