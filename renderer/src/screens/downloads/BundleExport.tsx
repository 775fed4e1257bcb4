/**
 * Exporting the picked releases with their proof for a site without internet: as one bundle file, or into a folder
 * (packages under their real names beside the proof). The portal signs a statement for exactly the picked releases
 * and the systems they were offered for; each package's progress shows while it is written, and at the end where it
 * went, until when the statement holds and what it holds.
 */
import { useEffect, useState } from 'react';
import type { BundleExportView } from '../../../../shared/contracts/app-views.js';
import { formatInstantDate } from '../../../../shared/i18n/format.js';
import { api } from '../../api.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Field, fieldAttributes } from '../../components/FieldMessage.js';
import { ProgressBar } from '../../components/ProgressBar.js';
import { useT } from '../../i18n/index.js';
import { formatBytes, percentOf } from '../../lib/format.js';
import { useAction } from '../../state/use-action.js';
import { fileNameOf, isFullPath } from './full-path.js';

type Kind = 'file' | 'folder';
const FIELD_ID: Record<Kind, string> = { file: 'export-file', folder: 'export-folder' };

interface Progress {
  received: number;
  total: number;
}

export function BundleExport({
  targets,
  serials,
  lengths,
}: {
  targets: readonly string[];
  serials: readonly string[];
  lengths: ReadonlyMap<string, number>;
}) {
  const { t, locale } = useT();
  const [paths, setPaths] = useState<Record<Kind, string>>({ file: '', folder: '' });
  const [problems, setProblems] = useState<Partial<Record<Kind, string>>>({});
  const [exportId, setExportId] = useState<string | null>(null);
  const [progress, setProgress] = useState<ReadonlyMap<string, Progress>>(new Map());
  const [written, setWritten] = useState<BundleExportView | null>(null);

  // Progress events name the export the window started; those of an earlier one are ignored.
  useEffect(() => {
    if (exportId === null) return undefined;
    return api.on('bundles.progress', (p) => {
      if (p.exportId !== exportId) return;
      setProgress((shown) => new Map(shown).set(p.target, { received: p.receivedBytes, total: p.totalBytes }));
    });
  }, [exportId]);

  const exporting = useAction(
    ({ kind, path, id }: { kind: Kind; path: string; id: string }) => {
      const selection = { serials: [...serials], targets: [...targets], exportId: id };
      return kind === 'file'
        ? api.call('bundles.export', { ...selection, path })
        : api.call('bundles.exportFolder', { ...selection, folder: path });
    },
    { onDone: setWritten },
  );

  function start(kind: Kind) {
    const text = paths[kind].trim();
    const problem =
      text === ''
        ? t(kind === 'file' ? 'app.bundles.export.needFile' : 'app.bundles.export.needFolder')
        : isFullPath(text)
          ? undefined
          : t('app.bundles.notFull');
    setProblems({ [kind]: problem });
    if (problem !== undefined) {
      document.getElementById(FIELD_ID[kind])?.focus();
      return;
    }
    const id = crypto.randomUUID();
    setWritten(null);
    setProgress(new Map(targets.map((name) => [name, { received: 0, total: lengths.get(name) ?? 0 }])));
    setExportId(id);
    void exporting.run({ kind, path: text, id });
  }

  const field = (kind: Kind) => (
    <Field
      label={t(kind === 'file' ? 'app.bundles.export.fileLabel' : 'app.bundles.export.folderLabel')}
      fieldId={FIELD_ID[kind]}
      problem={problems[kind]}
    >
      <input
        type="text"
        value={paths[kind]}
        onChange={(e) => setPaths({ ...paths, [kind]: e.target.value })}
        placeholder={
          kind === 'file'
            ? t('app.bundles.export.filePlaceholder', { example: '/media/usb/site-north.hicare' })
            : t('app.bundles.export.folderPlaceholder', { example: '/media/usb/site-north' })
        }
        spellCheck={false}
        autoComplete="off"
        {...fieldAttributes(FIELD_ID[kind], problems[kind])}
      />
    </Field>
  );

  const nothing = targets.length === 0;
  return (
    <div className="bundle-export" data-testid="bundle-export">
      <h3>{t('app.bundles.export.heading')}</h3>
      <p className="muted small">{t('app.bundles.export.intro')}</p>
      {nothing ? (
        <p className="muted">{t('app.bundles.export.nothingPicked')}</p>
      ) : (
        <p className="small">
          {t('app.bundles.export.forSystems', { count: serials.length, serials: serials.join(', ') })}
        </p>
      )}
      <div className="export-choices">
        <div>
          {field('file')}
          <button
            type="button"
            onClick={() => start('file')}
            disabled={nothing || exporting.busy}
            data-testid="export-file-button"
          >
            {exporting.busy ? t('app.bundles.export.exporting') : t('app.bundles.export.toFile')}
          </button>
        </div>
        <div>
          {field('folder')}
          <button
            type="button"
            className="secondary"
            onClick={() => start('folder')}
            disabled={nothing || exporting.busy}
            data-testid="export-folder-button"
          >
            {exporting.busy ? t('app.bundles.export.exporting') : t('app.bundles.export.toFolder')}
          </button>
        </div>
      </div>
      {progress.size > 0 && (exporting.busy || written !== null) && (
        <ul
          className="export-progress"
          aria-label={t('app.bundles.export.progressHeading')}
          data-testid="export-progress"
        >
          {[...progress].map(([name, p]) => {
            const done = written !== null;
            const percent = done ? 100 : percentOf(p.received, p.total);
            return (
              <li key={name}>
                <span className="small">{fileNameOf(name)}</span>
                <ProgressBar
                  percent={percent}
                  label={t('app.bundles.export.progressLabel', { name: fileNameOf(name) })}
                  tone={done ? 'ok' : 'brand'}
                />
                <span className="muted small">
                  {t('app.bundles.export.progress', {
                    received: formatBytes(done ? p.total : p.received),
                    total: formatBytes(p.total),
                  })}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {exporting.error !== null && <ErrorNotice error={exporting.error} testId="export-error" />}
      {written !== null && (
        <div className="notice notice-ok" role="status" data-testid="export-done">
          <strong>
            {written.kind === 'file'
              ? t('app.bundles.export.doneFile', { path: written.written, size: formatBytes(written.bytes ?? 0) })
              : t('app.bundles.export.doneFolder', { path: written.written, count: written.files.length })}
          </strong>{' '}
          <span data-testid="export-valid-until">
            {t('app.bundles.export.validUntil', { date: formatInstantDate(locale, written.validUntil) })}
          </span>
          <p>
            {t('app.bundles.export.holds', { count: written.targets.length, systems: written.serials.length })}{' '}
            {written.serials.join(', ')}
          </p>
          <ul className="small">
            {written.targets.map((name) => (
              <li key={name}>
                <code>{fileNameOf(name)}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
