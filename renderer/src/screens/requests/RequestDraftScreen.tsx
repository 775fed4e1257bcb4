/**
 * The remote-guidance request drafted from a failed install: known issues first, then everything that will be sent
 * (redacted, with the removals listed), the priority with its definitions, and the equipment location and fault
 * description to edit. Nothing leaves the desktop until Send, and not while a field is wrong; when the portal is
 * unreachable the request is queued and sent later.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { RequestDraftView, SubmitOutcomeView } from '../../../../shared/contracts/app-views.js';
import { ServiceRequestCreateSchema } from '../../../../shared/contracts/requests.js';
import { assertRequiredFields } from '../../../../shared/domain/request-state.js';
import type { Priority } from '../../../../shared/domain/sla.js';
import { api } from '../../api.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import {
  FieldMessage,
  fieldAttributes,
  focusFirstProblem,
  hasProblems,
  type Problems,
} from '../../components/FieldMessage.js';
import { PriorityPicker } from '../../components/PriorityPicker.js';
import { Pending, Section } from '../../components/Section.js';
import type { Translate } from '../../../../shared/i18n/translator.js';
import { useT } from '../../i18n/index.js';
import { toShownError, type ShownError } from '../../lib/errors.js';
import { hrefOf } from '../../lib/routes.js';
import { useAction } from '../../state/use-action.js';
import { KnownIssues } from '../install/KnownIssues.js';
import { DiagnosticsView } from './DiagnosticsView.js';
import { fieldProblem } from './field-words.js';
import { RedactionPreview } from './RedactionPreview.js';
import { useTypedSecrets } from './useTypedSecrets.js';

type Field = 'location' | 'faultDescription';

const FIELD_ORDER: readonly Field[] = ['location', 'faultDescription'];
const LIMITS = ServiceRequestCreateSchema.shape;

/** What stops the request from being sent, per field, and in one sentence for next to the Send button. */
function checkDraft(
  draft: RequestDraftView,
  location: string,
  description: string,
  t: Translate,
): { problems: Problems<Field>; summary: ShownError | null } {
  const problems: Problems<Field> = {
    location: fieldProblem(t, 'location', location, {
      max: LIMITS.location.maxLength ?? Infinity,
      required: true,
    }),
    faultDescription: fieldProblem(t, 'faultDescription', description, {
      max: LIMITS.faultDescription.maxLength ?? Infinity,
      required: true,
    }),
  };
  if (!hasProblems(problems)) return { problems, summary: null };
  try {
    // The shared rule of what a request must carry words (and codes) the missing fields as the portal would.
    assertRequiredFields({ ...draft.request, location, faultDescription: description });
  } catch (error) {
    return { problems, summary: toShownError(error) };
  }
  return {
    problems,
    summary: {
      message: t('app.requests.form.tooLong.message'),
      remedy: t('app.requests.form.tooLong.remedy'),
    },
  };
}

export function RequestDraftScreen({ failureId }: { failureId: string }) {
  const { t } = useT();
  const [draft, setDraft] = useState<RequestDraftView | null>(null);
  const [loadError, setLoadError] = useState<ShownError | null>(null);
  const [location, setLocation] = useState('');
  const [description, setDescription] = useState('');
  const [problems, setProblems] = useState<Problems<Field>>({});
  const base = useId();
  const idOf = (f: Field) => `${base}-${f}`;
  const locationHintId = `${base}-location-hint`;
  const [priority, setPriority] = useState<Priority>('P3');
  // The fields to correct before the draft can be sent.
  const [checkError, setCheckError] = useState<ShownError | null>(null);
  const submission = useAction(
    (d: RequestDraftView) =>
      api.call('requests.submit', {
        request: { ...d.request, location: location.trim(), faultDescription: typedSecrets.sent, priority },
        idempotencyKey: d.idempotencyKey,
      }),
    { onDone: (sent) => setOutcome(sent) },
  );
  const sending = submission.busy;
  const sendError = submission.error ?? checkError;
  const [outcome, setOutcome] = useState<SubmitOutcomeView | null>(null);
  // What the customer types into the description is checked by the same rules as the diagnostics.
  const typedSecrets = useTypedSecrets(description, '$.faultDescription');

  useEffect(() => {
    api.call('requests.draft', { failureId }).then(
      (d) => {
        setDraft(d);
        setLocation(d.request.location);
        setDescription(d.request.faultDescription);
        setPriority(d.request.priority);
      },
      (e: unknown) => setLoadError(toShownError(e)),
    );
  }, [failureId]);

  const edit = (f: Field, set: (v: string) => void, value: string) => {
    set(value);
    setProblems((p) => ({ ...p, [f]: undefined }));
  };

  async function send(e: FormEvent) {
    e.preventDefault();
    if (draft === null) return;
    const checked = checkDraft(draft, location, description, t);
    setProblems(checked.problems);
    setCheckError(checked.summary);
    submission.reset();
    if (checked.summary !== null) {
      focusFirstProblem(FIELD_ORDER, checked.problems, idOf);
      return;
    }
    await submission.run(draft);
  }

  return (
    <div className="screen" data-testid="request-draft-screen">
      <p className="breadcrumb">
        <a href="#/requests">{t('app.requests.breadcrumb')}</a> / {t('app.requests.form.newTitle')}
      </p>
      <h2 className="screen-title">{t('app.requests.form.draftTitle')}</h2>
      {loadError !== null && <ErrorNotice error={loadError} />}
      {draft === null && loadError === null && <Pending what={t('app.requests.loading.draft')} />}
      {outcome !== null && (
        <div
          className={`notice ${outcome.status === 'sent' ? 'notice-ok' : 'notice-info'}`}
          role="status"
          data-testid="submit-outcome"
          data-status={outcome.status}
        >
          {outcome.status === 'sent' ? (
            <>
              <strong>{t('app.requests.form.sent', { number: outcome.request.number })}</strong>{' '}
              <a href={hrefOf({ name: 'request', id: outcome.request.id })}>{t('app.requests.form.follow')}</a>
            </>
          ) : (
            <>
              <strong>{t('app.requests.form.queued')}</strong> {outcome.reason}
            </>
          )}
        </div>
      )}
      {draft !== null && outcome === null && (
        <>
          {draft.knownIssues.length > 0 && (
            <Section title={t('app.requests.form.knownIssues')} testId="draft-known-issues">
              <KnownIssues articles={draft.knownIssues} collapsed />
            </Section>
          )}
          <form onSubmit={send} className="stack" noValidate>
            <Section title={t('app.requests.form.request')} testId="draft-request">
              <dl className="facts">
                <dt>{t('app.requests.form.serialNumber')}</dt>
                <dd>{draft.request.serialNumber}</dd>
              </dl>
              <div className="field">
                <label className="block-label">
                  {t('app.requests.form.location')}
                  <input
                    name="location"
                    {...fieldAttributes(idOf('location'), problems.location, locationHintId)}
                    value={location}
                    onChange={(e) => edit('location', setLocation, e.target.value)}
                    required
                  />
                </label>
                <FieldMessage fieldId={idOf('location')} problem={problems.location} />
                <span id={locationHintId} className="hint">
                  {t('app.requests.form.locationHint')}
                </span>
              </div>
              <div className="field">
                <label className="block-label">
                  {t('app.requests.form.faultDescription')}
                  <textarea
                    name="faultDescription"
                    rows={6}
                    {...fieldAttributes(idOf('faultDescription'), problems.faultDescription)}
                    value={description}
                    onChange={(e) => edit('faultDescription', setDescription, e.target.value)}
                    required
                  />
                </label>
                <FieldMessage fieldId={idOf('faultDescription')} problem={problems.faultDescription} />
              </div>
              {typedSecrets.redactions.length > 0 && (
                <RedactionPreview
                  redactions={typedSecrets.redactions}
                  choice={typedSecrets.choice}
                  testId="typed-secrets"
                />
              )}
              <PriorityPicker value={priority} onChange={setPriority} />
            </Section>
            <Section title={t('app.requests.form.secretsRemoved')} testId="draft-redactions">
              <RedactionPreview redactions={draft.redactions} />
            </Section>
            <Section title={t('app.requests.form.diagnostics')} testId="draft-diagnostics">
              <DiagnosticsView request={draft.request} />
            </Section>
            <div className="card">
              <button type="submit" disabled={sending} data-testid="send-request">
                {sending ? t('app.requests.form.sending') : t('app.requests.form.send')}
              </button>
              <span className="muted small"> {t('app.requests.form.sentOnce')}</span>
              {sendError !== null && <ErrorNotice error={sendError} testId="send-error" />}
            </div>
          </form>
        </>
      )}
    </div>
  );
}
