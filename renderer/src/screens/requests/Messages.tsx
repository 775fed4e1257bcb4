/** The conversation on a request, and a box to add to it while the request is open. */
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { MessageCreateSchema, type Message } from '../../../../shared/contracts/requests.js';
import { api } from '../../api.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { FieldMessage, fieldAttributes } from '../../components/FieldMessage.js';
import { useT } from '../../i18n/index.js';
import { formatDateTime } from '../../lib/format.js';
import { useAction } from '../../state/use-action.js';
import { fieldProblem } from './field-words.js';
import { RedactionPreview } from './RedactionPreview.js';
import { useTypedSecrets } from './useTypedSecrets.js';

const MAX_LENGTH = MessageCreateSchema.shape.body.maxLength ?? Infinity;

/** A textarea takes Enter as a new line, so the keyboard way to send is Ctrl+Enter (Cmd+Enter on macOS). */
function sendOnCtrlEnter(e: KeyboardEvent<HTMLTextAreaElement>): void {
  if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey)) return;
  e.preventDefault();
  e.currentTarget.form?.requestSubmit();
}

export function Messages({
  id,
  messages,
  canWrite,
  onSent,
}: {
  id: string;
  messages: readonly Message[];
  canWrite: boolean;
  onSent: () => void;
}) {
  const { t } = useT();
  const [body, setBody] = useState('');
  // A password pasted into a message is found by the diagnostics' rules and removed unless the writer keeps it.
  const typedSecrets = useTypedSecrets(body, '$.message');
  const sending = useAction(() => api.call('requests.message', { id, body: typedSecrets.sent }), {
    onDone: () => {
      setBody('');
      onSent();
    },
  });
  const { busy, error } = sending;
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const fieldId = useId();
  const keysId = `${fieldId}-keys`;

  async function send(e: FormEvent) {
    e.preventDefault();
    sending.reset();
    const found = fieldProblem(t, 'message', body, { max: MAX_LENGTH, required: true });
    setProblem(found);
    if (found !== undefined) {
      document.getElementById(fieldId)?.focus();
      return;
    }
    await sending.run();
  }

  return (
    <div className="messages" data-testid="messages">
      {messages.length === 0 && <p className="muted">{t('app.requests.messages.none')}</p>}
      <ol className="message-list" aria-live="polite">
        {messages.map((m) => (
          <li key={m.id} className={`message message-${m.authorRole}`}>
            <div className="message-meta">
              <strong>{t(`app.requests.messages.author.${m.authorRole}`)}</strong>{' '}
              <span className="muted small">{formatDateTime(m.at)}</span>
            </div>
            <p className="pre-wrap" translate="no">
              {m.body}
            </p>
          </li>
        ))}
      </ol>
      {canWrite && (
        <form onSubmit={send} className="form wide" noValidate>
          <div className="field">
            <label>
              {t('app.requests.messages.label')}
              <textarea
                name="message"
                rows={3}
                {...fieldAttributes(fieldId, problem, keysId)}
                value={body}
                onChange={(e) => {
                  setBody(e.target.value);
                  setProblem(undefined);
                }}
                onKeyDown={sendOnCtrlEnter}
              />
            </label>
            <FieldMessage fieldId={fieldId} problem={problem} />
            <span id={keysId} className="hint">
              {t('app.requests.messages.keys')}
            </span>
          </div>
          {typedSecrets.redactions.length > 0 && (
            <RedactionPreview
              redactions={typedSecrets.redactions}
              choice={typedSecrets.choice}
              testId="message-secrets"
            />
          )}
          <div>
            <button type="submit" disabled={busy}>
              {busy ? t('app.requests.messages.sending') : t('app.requests.messages.send')}
            </button>
          </div>
          {error !== null && <ErrorNotice error={error} />}
        </form>
      )}
    </div>
  );
}
