/**
 * The remote-guidance request drafted from a failed install: known issues first, then everything that will be sent
 * (redacted, with the removals listed), the priority with its definitions and an editable fault description.
 * Nothing leaves the desktop until Send; when the portal is unreachable the request is queued and sent later.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { RequestDraftView, SubmitOutcomeView } from '../../../../shared/contracts/app-views.js';
import { missingRequiredFields } from '../../../../shared/domain/request-state.js';
import type { Priority } from '../../../../shared/domain/sla.js';
import { api } from '../../api.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { PriorityPicker } from '../../components/PriorityPicker.js';
import { Pending, Section } from '../../components/Section.js';
import { toShownError, type ShownError } from '../../lib/errors.js';
import { hrefOf } from '../../lib/routes.js';
import { KnownIssues } from '../install/KnownIssues.js';
import { DiagnosticsView } from './DiagnosticsView.js';
import { RedactionPreview } from './RedactionPreview.js';

export function RequestDraftScreen({ failureId }: { failureId: string }) {
  const [draft, setDraft] = useState<RequestDraftView | null>(null);
  const [loadError, setLoadError] = useState<ShownError | null>(null);
  const [description, setDescription] = useState('');
  const [priority, setPriority] = useState<Priority>('P3');
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<ShownError | null>(null);
  const [outcome, setOutcome] = useState<SubmitOutcomeView | null>(null);

  useEffect(() => {
    api.call('requests.draft', { failureId }).then(
      (d) => {
        setDraft(d);
        setDescription(d.request.faultDescription);
        setPriority(d.request.priority);
      },
      (e: unknown) => setLoadError(toShownError(e)),
    );
  }, [failureId]);

  async function send(e: FormEvent) {
    e.preventDefault();
    if (draft === null) return;
    setSendError(null);
    if (missingRequiredFields({ ...draft.request, faultDescription: description }).length > 0) {
      setSendError({ code: 'REQUEST_FIELD_MISSING', message: 'The request needs a description of the fault.', remedy: 'Describe what happened in the fault description.' });
      return;
    }
    setSending(true);
    try {
      setOutcome(await api.call('requests.submit', { request: { ...draft.request, faultDescription: description, priority }, idempotencyKey: draft.idempotencyKey }));
    } catch (err) {
      setSendError(toShownError(err));
    } finally {
      setSending(false);
    }
  }

  return (
    <div className="screen" data-testid="request-draft-screen">
      <p className="breadcrumb">
        <a href="#/requests">Requests</a> / New request
      </p>
      <h2 className="screen-title">Request remote guidance</h2>
      {loadError !== null && <ErrorNotice error={loadError} />}
      {draft === null && loadError === null && <Pending what="the request drafted from the failure" />}
      {outcome !== null && (
        <div className={`notice ${outcome.status === 'sent' ? 'notice-ok' : 'notice-info'}`} role="status" data-testid="submit-outcome" data-status={outcome.status}>
          {outcome.status === 'sent' ? (
            <>
              <strong>Sent as request {outcome.request.number}.</strong> <a href={hrefOf({ name: 'request', id: outcome.request.id })}>Follow it</a>
            </>
          ) : (
            <>
              <strong>Queued.</strong> {outcome.reason}
            </>
          )}
        </div>
      )}
      {draft !== null && outcome === null && (
        <>
          {draft.knownIssues.length > 0 && (
            <Section title="Before you send: known issues" testId="draft-known-issues">
              <KnownIssues articles={draft.knownIssues} collapsed />
            </Section>
          )}
          <form onSubmit={send} className="stack">
            <Section title="The request" testId="draft-request">
              <dl className="facts">
                <dt>Serial number</dt>
                <dd>{draft.request.serialNumber}</dd>
                <dt>Equipment location</dt>
                <dd>{draft.request.location}</dd>
              </dl>
              <label className="block-label">
                Fault description
                <textarea name="faultDescription" rows={6} value={description} onChange={(e) => setDescription(e.target.value)} required />
              </label>
              <PriorityPicker value={priority} onChange={setPriority} />
            </Section>
            <Section title="Secrets removed" testId="draft-redactions">
              <RedactionPreview redactions={draft.redactions} />
            </Section>
            <Section title="Diagnostics that will be sent" testId="draft-diagnostics">
              <DiagnosticsView request={draft.request} />
            </Section>
            <div className="card">
              <button type="submit" disabled={sending} data-testid="send-request">
                {sending ? 'Sending…' : 'Send request'}
              </button>
              <span className="muted small"> Sent once, even if you press again or the connection drops: the request carries its own key.</span>
              {sendError !== null && <ErrorNotice error={sendError} />}
            </div>
          </form>
        </>
      )}
    </div>
  );
}
