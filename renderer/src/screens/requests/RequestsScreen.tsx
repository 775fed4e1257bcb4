/** The customer's requests: a new one, those still on this desktop, open ones, then finished ones. */
import { useState } from 'react';
import { isTerminal } from '../../../../shared/domain/request-state.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Pending, Section } from '../../components/Section.js';
import { useT } from '../../i18n/index.js';
import { hrefOf } from '../../lib/routes.js';
import { OutboxList } from './OutboxList.js';
import { RequestTable } from './RequestTable.js';
import { useRequestList } from './useRequest.js';

export function RequestsScreen() {
  const { t } = useT();
  const { requests, error, reload } = useRequestList();
  const [refreshed, setRefreshed] = useState(0);
  const open = (requests ?? []).filter((r) => !isTerminal(r.state));
  const done = (requests ?? []).filter((r) => isTerminal(r.state));
  const href = (r: { id: string }) => hrefOf({ name: 'request', id: r.id });
  return (
    <div className="screen" data-testid="requests-screen">
      <h2 className="screen-title">{t('app.requests.title')}</h2>
      <p>
        <a className="button-link primary" href={hrefOf({ name: 'request-new' })} data-testid="new-request">
          {t('app.requests.list.newRequest')}
        </a>{' '}
        <span className="muted">{t('app.requests.list.newHint')}</span>
      </p>
      <OutboxList refreshKey={refreshed} />
      <Section
        title={t('app.requests.list.open')}
        testId="open-requests"
        actions={
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setRefreshed((n) => n + 1);
              void reload();
            }}
          >
            {t('app.requests.list.refresh')}
          </button>
        }
      >
        {error !== null && <ErrorNotice error={error} />}
        {requests === null && error === null && <Pending what={t('app.requests.loading.list')} />}
        {requests !== null && open.length === 0 && <p className="muted">{t('app.requests.list.noneOpen')}</p>}
        {open.length > 0 && <RequestTable requests={open} hrefFor={href} testId="open-requests-table" />}
      </Section>
      {done.length > 0 && (
        <Section title={t('app.requests.list.finished')} testId="closed-requests">
          <RequestTable requests={done} hrefFor={href} testId="closed-requests-table" />
        </Section>
      )}
    </div>
  );
}
