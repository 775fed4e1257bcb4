/**
 * A request as the engineer works it: take it, accept / start work / propose a solution / close, talk to the
 * customer, read the diagnostics, and use the remote access granted (password revealed on demand, audited).
 */
import { useEffect } from 'react';
import { canMessage } from '../../../../shared/domain/request-state.js';
import { api } from '../../api.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Pending, Section } from '../../components/Section.js';
import { useT } from '../../i18n/index.js';
import { useSession } from '../../state/session.js';
import { useAction } from '../../state/use-action.js';
import { ActionButtons } from '../requests/ActionButtons.js';
import { DiagnosticsView } from '../requests/DiagnosticsView.js';
import { GrantList } from '../requests/GrantList.js';
import { Messages } from '../requests/Messages.js';
import { RequestHeader } from '../requests/RequestHeader.js';
import { ProposedSolution, SolutionHistory } from '../requests/SolutionView.js';
import { useRequest } from '../requests/useRequest.js';

export function EngineerRequestScreen({ id }: { id: string }) {
  const { t } = useT();
  const { detail, error, reload } = useRequest(id);
  const { session } = useSession();
  const me = session?.account?.id ?? null;
  const reloadNow = () => void reload();

  const taking = useAction(() => api.call('requests.take', { id }), { onDone: () => void reload() });
  const takeError = taking.error;
  const forgetTakeError = taking.reset;

  // An error from an earlier attempt means nothing once the request has moved on.
  const state = detail?.state;
  useEffect(() => forgetTakeError(), [state, forgetTakeError]);

  const mine = detail !== null && detail.assignedEngineerId === me;
  return (
    <div className="screen" data-testid="engineer-request-screen">
      <p className="breadcrumb">
        <a href="#/workspace">{t('app.shell.workspace.title')}</a> / {detail?.number ?? id}
      </p>
      <h2 className="screen-title">{t('app.shell.engineerRequest.title', { number: detail?.number ?? '' })}</h2>
      {error !== null && <ErrorNotice error={error} />}
      {detail === null && error === null && <Pending what={t('app.shell.engineerRequest.pendingRequest')} />}
      {detail !== null && (
        <>
          <RequestHeader request={detail} />
          <div className="card">
            <p className="small" data-testid="assignment">
              {detail.assignedEngineerId === null
                ? t('app.shell.engineerRequest.notAssigned')
                : mine
                  ? t('app.shell.engineerRequest.assignedToYou')
                  : t('app.shell.engineerRequest.assignedToOther')}
            </p>
            {/* A submitted request is taken by accepting it; take is for accepted requests left unassigned. */}
            {detail.assignedEngineerId === null && detail.state !== 'submitted' && (
              <button type="button" onClick={() => void taking.run()} disabled={taking.busy} data-testid="take-request">
                {t('app.shell.engineerRequest.take')}
              </button>
            )}
            {takeError !== null && <ErrorNotice error={takeError} />}
            <ActionButtons id={id} actions={detail.allowedActions} onDone={reloadNow} />
            {detail.allowedActions.includes('propose-solution') && (
              <p className="muted small">{t('app.shell.engineerRequest.proposeHint')}</p>
            )}
          </div>
          {detail.solutions.length > 0 && (
            <Section title={t('app.shell.engineerRequest.solutions')} testId="engineer-solutions">
              <ProposedSolution solutions={detail.solutions} attachments={detail.attachments} forCustomer={false} />
              <SolutionHistory solutions={detail.solutions} />
            </Section>
          )}
          <Section title={t('app.shell.engineerRequest.diagnostics')} testId="engineer-diagnostics">
            <DiagnosticsView request={detail} logOpen />
          </Section>
          <Section title={t('app.shell.engineerRequest.messages')} testId="request-messages">
            {/* The portal takes an engineer's message once the request is accepted: the response clock starts there. */}
            <Messages
              id={id}
              messages={detail.messages}
              canWrite={canMessage(detail.state, 'engineer')}
              onSent={reloadNow}
            />
            {detail.state === 'submitted' && (
              <p className="muted small">{t('app.shell.engineerRequest.acceptToWrite')}</p>
            )}
          </Section>
          <Section title={t('app.shell.engineerRequest.grants')} testId="request-grants">
            <GrantList grants={detail.grants} mode="engineer" onChanged={reloadNow} />
          </Section>
        </>
      )}
    </div>
  );
}
