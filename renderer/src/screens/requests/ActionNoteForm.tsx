/**
 * The words an action needs before it is sent: the solution an engineer proposes (with an optional file) or why the
 * customer rejects it. Nothing is sent while the text is blank; the portal checks again with the same rule.
 */
import { useId, useState, type FormEvent } from 'react';
import type { AttachmentUpload } from '../../../../shared/contracts/requests.js';
import { REJECTION_REASON_MAX_CHARS, SOLUTION_MAX_CHARS } from '../../../../shared/domain/solution.js';
import { api } from '../../api.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { FieldMessage, fieldAttributes, textProblem } from '../../components/FieldMessage.js';
import { useAction } from '../../state/use-action.js';

export type NoteAction = 'propose-solution' | 'reject-solution';

const WORDS: Record<NoteAction, { label: string; what: string; max: number; send: string }> = {
  'propose-solution': {
    label: 'The solution, as the customer should carry it out',
    what: 'the solution',
    max: SOLUTION_MAX_CHARS,
    send: 'Propose this solution',
  },
  'reject-solution': {
    label: 'Why did the solution not work?',
    what: 'the reason',
    max: REJECTION_REASON_MAX_CHARS,
    send: 'Reject the solution',
  },
};

function readAsUpload(file: File): Promise<AttachmentUpload> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve({
        fileName: file.name,
        contentType: file.type === '' ? 'application/octet-stream' : file.type,
        dataBase64: url.slice(url.indexOf(',') + 1),
      });
    };
    reader.onerror = () => reject(new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}

export function ActionNoteForm({
  id,
  action,
  onDone,
  onCancel,
}: {
  id: string;
  action: NoteAction;
  onDone: () => void;
  onCancel: () => void;
}) {
  const words = WORDS[action];
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const sending = useAction(
    async () => {
      if (action === 'propose-solution') {
        const attachment = file === null ? undefined : await readAsUpload(file);
        await api.call('requests.proposeSolution', { id, text, ...(attachment === undefined ? {} : { attachment }) });
      } else {
        await api.call('requests.rejectSolution', { id, reason: text });
      }
    },
    { onDone },
  );
  const { busy, error } = sending;
  const fieldId = `${useId()}-note`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    sending.reset();
    const found = textProblem(text, { what: words.what, max: words.max, required: true });
    setProblem(found);
    if (found !== undefined) {
      document.getElementById(fieldId)?.focus();
      return;
    }
    await sending.run();
  }

  return (
    <form onSubmit={submit} className="form wide" data-testid={`${action}-form`} noValidate>
      <div className="field">
        <label>
          {words.label}
          <textarea
            name="note"
            rows={5}
            {...fieldAttributes(fieldId, problem)}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setProblem(undefined);
            }}
          />
        </label>
        <FieldMessage fieldId={fieldId} problem={problem} />
      </div>
      {action === 'propose-solution' && (
        <div className="field">
          <label>
            A file to go with it (optional: a script, a screenshot, a log; at most 5 MiB)
            <input type="file" name="attachment" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          </label>
        </div>
      )}
      <div className="buttons">
        <button type="submit" disabled={busy}>
          {busy ? `${words.send}…` : words.send}
        </button>
        <button type="button" className="secondary" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
      {error !== null && <ErrorNotice error={error} />}
    </form>
  );
}
