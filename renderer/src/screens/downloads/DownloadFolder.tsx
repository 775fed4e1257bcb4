/**
 * Where bulk downloads are saved: the folder in force, and a field to choose another. The web host has no native
 * folder picker, so the path is typed; the window refuses an empty or relative one at the field, and the host checks
 * the folder itself (it exists or can be made, and this account may write to it) before keeping it.
 */
import { useEffect, useState } from 'react';
import type { DownloadFolderView } from '../../../../shared/contracts/app-views.js';
import { api } from '../../api.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Field, fieldAttributes } from '../../components/FieldMessage.js';
import { Pending } from '../../components/Section.js';
import { useT } from '../../i18n/index.js';
import { useAction } from '../../state/use-action.js';
import { isFullPath } from './full-path.js';

const FIELD_ID = 'download-folder';

export function DownloadFolder({ onChange }: { onChange?: (view: DownloadFolderView) => void }) {
  const { t } = useT();
  const [view, setView] = useState<DownloadFolderView | null>(null);
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [saved, setSaved] = useState(false);

  const shown = (next: DownloadFolderView) => {
    setView(next);
    setTyped(next.folder);
    onChange?.(next);
  };
  const loading = useAction(() => api.call('downloads.folder', {}), { onDone: shown });
  const choosing = useAction((folder: string | null) => api.call('downloads.setFolder', { folder }), {
    onDone: (next) => {
      shown(next);
      setSaved(true);
    },
  });
  const { run: load } = loading;
  useEffect(() => void load(), [load]);

  function choose(folder: string | null) {
    setSaved(false);
    if (folder !== null) {
      const text = folder.trim();
      const wrong =
        text === ''
          ? t('app.downloads.folder.required')
          : isFullPath(text)
            ? undefined
            : t('app.downloads.folder.notFull');
      setProblem(wrong);
      if (wrong !== undefined) {
        document.getElementById(FIELD_ID)?.focus();
        return;
      }
      void choosing.run(text);
      return;
    }
    setProblem(undefined);
    void choosing.run(null);
  }

  if (view === null)
    return loading.error !== null ? (
      <ErrorNotice error={loading.error} />
    ) : (
      <Pending what={t('app.downloads.folder.pending')} />
    );

  return (
    <div className="download-folder" data-testid="download-folder">
      <p className="small">
        {t('app.downloads.folder.current', { folder: view.folder })}
        {view.isDefault && <span className="muted"> · {t('app.downloads.folder.isDefault')}</span>}
      </p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          choose(typed);
        }}
      >
        <Field label={t('app.downloads.folder.label')} fieldId={FIELD_ID} problem={problem}>
          <input
            type="text"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            spellCheck={false}
            autoComplete="off"
            {...fieldAttributes(FIELD_ID, problem)}
          />
        </Field>
        <div className="buttons">
          <button type="submit" className="secondary" disabled={choosing.busy} data-testid="download-folder-save">
            {choosing.busy ? t('app.downloads.folder.saving') : t('app.downloads.folder.save')}
          </button>
          {!view.isDefault && (
            <button type="button" className="secondary" disabled={choosing.busy} onClick={() => choose(null)}>
              {t('app.downloads.folder.useDefault')}
            </button>
          )}
          <span role="status" className="ok">
            {saved ? t('app.downloads.folder.saved', { folder: view.folder }) : ''}
          </span>
        </div>
      </form>
      {choosing.error !== null && <ErrorNotice error={choosing.error} testId="download-folder-error" />}
    </div>
  );
}
