/**
 * A request as the customer follows it: state and SLA, the proposed solution above confirm / reject, the conversation,
 * remote-access grants, the survey after closure, and the diagnostics that were sent.
 */
import { canAnswerSurvey, canMessage } from '../../../../shared/domain/request-state.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Pending, Section } from '../../components/Section.js';
import { useT } from '../../i18n/index.js';
import { ActionButtons } from './ActionButtons.js';
import { DiagnosticsView } from './DiagnosticsView.js';
import { GrantForm } from './GrantForm.js';
import { GrantList } from './GrantList.js';
import { Messages } from './Messages.js';
import { RequestHeader } from './RequestHeader.js';
import { ProposedSolution, SolutionHistory } from './SolutionView.js';
import { SurveyForm } from './SurveyForm.js';
import { useRequest } from './useRequest.js';

export function RequestDetailScreen({ id }: { id: string }) {
  const { t } = useT();
  const { detail, error, reload } = useRequest(id);
  const reloadNow = () => void reload();
  return (
    <div className="screen" data-testid="request-screen">
      <p className="breadcrumb">
        <a href="#/requests">{t('app.requests.breadcrumb')}</a> / {detail?.number ?? id}
      </p>
      <h2 className="screen-title">{t('app.requests.detail.title', { number: detail?.number ?? '' })}</h2>
      {error !== null && <ErrorNotice error={error} />}
      {detail === null && error === null && <Pending what={t('app.requests.loading.request')} />}
      {detail !== null && (
        <>
          <RequestHeader request={detail} />
          {detail.state === 'solution-proposed' && (
            <ProposedSolution solutions={detail.solutions} attachments={detail.attachments} />
          )}
          <ActionButtons id={id} actions={detail.allowedActions} onDone={reloadNow} />
          {canAnswerSurvey(detail.state, detail.surveyAnswered) && (
            <Section title={t('app.requests.detail.survey')} testId="survey">
              <SurveyForm id={id} onDone={reloadNow} />
            </Section>
          )}
          {detail.state === 'closed' && detail.surveyAnswered && (
            <p className="muted" data-testid="survey-answered">
              {t('app.requests.detail.surveyAnswered')}
            </p>
          )}
          {detail.solutions.some((s) => s.outcome !== 'pending') && (
            <Section title={t('app.requests.detail.solutions')} testId="request-solutions">
              <SolutionHistory solutions={detail.solutions} />
            </Section>
          )}
          <Section title={t('app.requests.detail.messages')} testId="request-messages">
            <Messages
              id={id}
              messages={detail.messages}
              canWrite={canMessage(detail.state, 'customer-admin')}
              onSent={reloadNow}
            />
          </Section>
          <Section title={t('app.requests.detail.remoteAccess')} testId="request-grants">
            <GrantList grants={detail.grants} mode="customer" onChanged={reloadNow} />
            {canMessage(detail.state, 'customer-admin') && (
              <details>
                <summary>{t('app.requests.detail.grantAccess')}</summary>
                <GrantForm id={id} onCreated={reloadNow} />
              </details>
            )}
          </Section>
          <Section title={t('app.requests.detail.diagnostics')} testId="request-diagnostics">
            <DiagnosticsView request={detail} />
          </Section>
        </>
      )}
    </div>
  );
}
