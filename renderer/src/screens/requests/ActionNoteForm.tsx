/**
 * The words an action needs before it is sent: the solution an engineer proposes (with an optional file) or why the
 * customer rejects it. Nothing is sent while the text is blank; the portal checks again with the same rule.
 */
import { useId, useState, type FormEvent } from 'react';
import type { AttachmentUpload } from '../../../../shared/contracts/requests.js';
import { REJECTION_REASON_MAX_CHARS, SOLUTION_MAX_CHARS } from '../../../../shared/domain/solution.js';
import { api } from '../../api.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { FieldMessage, fieldAttributes } from '../../components/FieldMessage.js';
import { translator } from '../../../../shared/i18n/translator.js';
import { currentLocale, useT } from '../../i18n/index.js';
import { useAction } from '../../state/use-action.js';
import { fieldProblem, type TypedField } from './field-words.js';

export type NoteAction = 'propose-solution' | 'reject-solution';

// The words of each form are in the catalog under app.requests.note.<action>.
const RULES: Record<NoteAction, { field: TypedField; max: number }> = {
  'propose-solution': { field: 'solution', max: SOLUTION_MAX_CHARS },
  'reject-solution': { field: 'reason', max: REJECTION_REASON_MAX_CHARS },
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
    reader.onerror = () => reject(new Error(translator(currentLocale())('app.requests.note.unreadable')));
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
  const { t } = useT();
  const rule = RULES[action];
  const label = t(`app.requests.note.${action}.label`);
  const send = t(`app.requests.note.${action}.send`);
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
    const found = fieldProblem(t, rule.field, text, { max: rule.max, required: true });
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
          {label}
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
            {t('app.requests.note.file')}
            <input type="file" name="attachment" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          </label>
        </div>
      )}
      <div className="buttons">
        <button type="submit" disabled={busy}>
          {busy ? t('app.requests.action.busy', { label: send }) : send}
        </button>
        <button type="button" className="secondary" onClick={onCancel} disabled={busy}>
          {t('app.requests.note.cancel')}
        </button>
      </div>
      {error !== null && <ErrorNotice error={error} />}
    </form>
  );
}
