/** The customer's requests: a new one, those still on this desktop, open ones, then finished ones. */
import { useState } from 'react';
import { isTerminal } from '../../../../shared/domain/request-state.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Pending, Section } from '../../components/Section.js';
import { hrefOf } from '../../lib/routes.js';
import { OutboxList } from './OutboxList.js';
import { RequestTable } from './RequestTable.js';
import { useRequestList } from './useRequest.js';

export function RequestsScreen() {
  const { requests, error, reload } = useRequestList();
  const [refreshed, setRefreshed] = useState(0);
  const open = (requests ?? []).filter((r) => !isTerminal(r.state));
  const done = (requests ?? []).filter((r) => isTerminal(r.state));
  const href = (r: { id: string }) => hrefOf({ name: 'request', id: r.id });
  return (
    <div className="screen" data-testid="requests-screen">
      <h2 className="screen-title">Requests</h2>
      <p>
        <a className="button-link primary" href={hrefOf({ name: 'request-new' })} data-testid="new-request">
          New request
        </a>{' '}
        <span className="muted">An enquiry (P4), or a fault found on one of your systems.</span>
      </p>
      <OutboxList refreshKey={refreshed} />
      <Section
        title="Open requests"
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
            Refresh
          </button>
        }
      >
        {error !== null && <ErrorNotice error={error} />}
        {requests === null && error === null && <Pending what="your requests" />}
        {requests !== null && open.length === 0 && (
          <p className="muted">
            No open request. Open one with New request, or ask for remote guidance from a failed installation.
          </p>
        )}
        {open.length > 0 && <RequestTable requests={open} hrefFor={href} testId="open-requests-table" />}
      </Section>
      {done.length > 0 && (
        <Section title="Closed and cancelled" testId="closed-requests">
          <RequestTable requests={done} hrefFor={href} testId="closed-requests-table" />
        </Section>
      )}
    </div>
  );
}
