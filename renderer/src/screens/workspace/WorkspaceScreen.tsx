/** The engineers' queue, in the order the portal gives it: least time left on the response clock first. */
import { isTerminal } from '../../../../shared/domain/request-state.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Pending, Section } from '../../components/Section.js';
import { useT } from '../../i18n/index.js';
import { hrefOf } from '../../lib/routes.js';
import { useSession } from '../../state/session.js';
import { RequestTable } from '../requests/RequestTable.js';
import { useRequestList } from '../requests/useRequest.js';

export function WorkspaceScreen() {
  const { t } = useT();
  const { requests, error, reload } = useRequestList();
  const { session } = useSession();
  const me = session?.account?.id ?? null;
  const open = (requests ?? []).filter((r) => !isTerminal(r.state));
  const mine = open.filter((r) => r.assignedEngineerId === me);
  const unassigned = open.filter((r) => r.assignedEngineerId === null);
  const href = (r: { id: string }) => hrefOf({ name: 'workspace-request', id: r.id });
  return (
    <div className="screen" data-testid="workspace-screen">
      <h2 className="screen-title">{t('app.shell.workspace.title')}</h2>
      <Section
        title={t('app.shell.workspace.queue', { count: unassigned.length })}
        testId="queue"
        actions={
          <button type="button" className="secondary" onClick={() => void reload()}>
            {t('app.shell.workspace.refresh')}
          </button>
        }
      >
        <p className="muted small">{t('app.shell.workspace.queueHint')}</p>
        {error !== null && <ErrorNotice error={error} />}
        {requests === null && error === null && <Pending what={t('app.shell.workspace.pendingQueue')} />}
        {requests !== null && unassigned.length === 0 && <p className="muted">{t('app.shell.workspace.queueEmpty')}</p>}
        {unassigned.length > 0 && <RequestTable requests={unassigned} hrefFor={href} testId="queue-table" />}
      </Section>
      <Section title={t('app.shell.workspace.mine', { count: mine.length })} testId="mine">
        {mine.length === 0 ? (
          <p className="muted">{t('app.shell.workspace.mineEmpty')}</p>
        ) : (
          <RequestTable requests={mine} hrefFor={href} testId="mine-table" />
        )}
      </Section>
      {open.length > mine.length + unassigned.length && (
        <Section title={t('app.shell.workspace.others')} testId="others">
          <RequestTable
            requests={open.filter((r) => r.assignedEngineerId !== null && r.assignedEngineerId !== me)}
            hrefFor={href}
            testId="others-table"
          />
        </Section>
      )}
    </div>
  );
}
