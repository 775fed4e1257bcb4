/** The conversation on a request, and a box to add to it while the request is open. */
import { useState, type FormEvent } from 'react';
import type { Message } from '../../../../shared/contracts/requests.js';
import { api } from '../../api.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { toShownError, type ShownError } from '../../lib/errors.js';
import { formatDateTime } from '../../lib/format.js';

const AUTHOR: Record<Message['authorRole'], string> = { 'customer-admin': 'Customer', engineer: 'Engineer', 'portal-admin': 'Portal administrator', system: 'Portal' };

export function Messages({ id, messages, canWrite, onSent }: { id: string; messages: readonly Message[]; canWrite: boolean; onSent: () => void }) {
  const [body, setBody] = useState('');
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);

  async function send(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.call('requests.message', { id, body });
      setBody('');
      onSent();
    } catch (err) {
      setError(toShownError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="messages" data-testid="messages">
      {messages.length === 0 && <p className="muted">No messages yet.</p>}
      <ol className="message-list" aria-live="polite">
        {messages.map((m) => (
          <li key={m.id} className={`message message-${m.authorRole}`}>
            <div className="message-meta">
              <strong>{AUTHOR[m.authorRole]}</strong> <span className="muted small">{formatDateTime(m.at)}</span>
            </div>
            <p className="pre-wrap">{m.body}</p>
          </li>
        ))}
      </ol>
      {canWrite && (
        <form onSubmit={send} className="form wide">
          <label>
            Your message
            <textarea name="message" rows={3} value={body} onChange={(e) => setBody(e.target.value)} />
          </label>
          <div>
            <button type="submit" disabled={busy || body.trim() === ''}>
              Send message
            </button>
          </div>
          {error !== null && <ErrorNotice error={error} />}
        </form>
      )}
    </div>
  );
}
