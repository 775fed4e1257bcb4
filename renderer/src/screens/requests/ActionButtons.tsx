/**
 * The actions the portal allows the caller on a request now, as buttons; each moves the request on and reloads it.
 * Proposing a solution and rejecting one first ask for their words (ActionNoteForm).
 */
import { useState } from 'react';
import type { RequestAction } from '../../../../shared/domain/request-state.js';
import { api } from '../../api.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useT } from '../../i18n/index.js';
import { useAction } from '../../state/use-action.js';
import { ActionNoteForm, type NoteAction } from './ActionNoteForm.js';

function needsNote(action: RequestAction): action is NoteAction {
  return action === 'propose-solution' || action === 'reject-solution';
}

export function ActionButtons({
  id,
  actions,
  onDone,
  exclude = [],
}: {
  id: string;
  actions: readonly RequestAction[];
  onDone: () => void;
  exclude?: readonly RequestAction[];
}) {
  const { t } = useT();
  const acting = useAction((action: RequestAction) => api.call('requests.act', { id, action }), { onDone });
  const busy = acting.running?.input ?? null;
  const { error } = acting;
  const [writing, setWriting] = useState<NoteAction | null>(null);
  const shown = actions.filter((a) => !exclude.includes(a));
  if (shown.length === 0) return null;

  async function act(action: RequestAction) {
    if (needsNote(action)) {
      setWriting(action);
      return;
    }
    await acting.run(action);
  }

  return (
    <div className="request-actions" data-testid="request-actions">
      <div className="buttons">
        {shown.map((a) => (
          <button
            key={a}
            type="button"
            className={a === 'cancel' || a === 'reject-solution' ? 'secondary' : undefined}
            onClick={() => void act(a)}
            disabled={busy !== null || writing !== null}
            aria-expanded={needsNote(a) ? writing === a : undefined}
          >
            {busy === a
              ? t('app.requests.action.busy', { label: t(`app.requests.action.${a}`) })
              : t(`app.requests.action.${a}`)}
          </button>
        ))}
      </div>
      {writing !== null && (
        <ActionNoteForm
          id={id}
          action={writing}
          onCancel={() => setWriting(null)}
          onDone={() => {
            setWriting(null);
            onDone();
          }}
        />
      )}
      {error !== null && <ErrorNotice error={error} />}
    </div>
  );
}
