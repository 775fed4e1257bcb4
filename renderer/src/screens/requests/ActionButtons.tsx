/** The actions the portal allows the caller on a request now, as buttons; each moves the request on and reloads it. */
import { useState } from 'react';
import type { RequestAction } from '../../../../shared/domain/request-state.js';
import { api } from '../../api.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { toShownError, type ShownError } from '../../lib/errors.js';
import { ACTION_LABELS } from './words.js';

export function ActionButtons({ id, actions, onDone, exclude = [] }: { id: string; actions: readonly RequestAction[]; onDone: () => void; exclude?: readonly RequestAction[] }) {
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState<RequestAction | null>(null);
  const shown = actions.filter((a) => !exclude.includes(a));
  if (shown.length === 0) return null;

  async function act(action: RequestAction) {
    setBusy(action);
    setError(null);
    try {
      await api.call('requests.act', { id, action });
      onDone();
    } catch (e) {
      setError(toShownError(e));
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="request-actions" data-testid="request-actions">
      <div className="buttons">
        {shown.map((a) => (
          <button key={a} type="button" className={a === 'cancel' || a === 'reject-solution' ? 'secondary' : undefined} onClick={() => void act(a)} disabled={busy !== null}>
            {busy === a ? `${ACTION_LABELS[a]}…` : ACTION_LABELS[a]}
          </button>
        ))}
      </div>
      {error !== null && <ErrorNotice error={error} />}
    </div>
  );
}
