/**
 * Files (logs, archives, screenshots) for a request: each checked here by the portal's own rules (size, what its
 * bytes are) as soon as it is picked, so a file that would be refused is named before anything is sent.
 */
import { useId, useState } from 'react';
import type { StagedFile } from '../../../../shared/contracts/app-views.js';
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_TYPES,
  ATTACHMENTS_PER_REQUEST_MAX,
} from '../../../../shared/contracts/requests.js';
import {
  ATTACHMENT_LIMIT_WORDS,
  attachableType,
  attachmentTooLarge,
} from '../../../../shared/domain/attachment-type.js';
import { FieldMessage, fieldAttributes } from '../../components/FieldMessage.js';
import { localizeProblem } from '../../../../shared/i18n/problem.js';
import type { DisplayLocale } from '../../../../shared/i18n/locales.js';
import type { Translate } from '../../../../shared/i18n/translator.js';
import { useT } from '../../i18n/index.js';
import { toShownError } from '../../lib/errors.js';
import { formatBytes } from '../../lib/format.js';
import { sentences } from './field-words.js';

/** A file picked on this page (its bytes, read once), or one already kept on this desktop for a queued request. */
export type PickedFile = { kind: 'picked'; fileName: string; bytes: Uint8Array } | { kind: 'staged'; file: StagedFile };

const nameOf = (f: PickedFile) => (f.kind === 'picked' ? f.fileName : f.file.fileName);
const sizeOf = (f: PickedFile) => (f.kind === 'picked' ? f.bytes.length : f.file.size);

/** The refusal's own sentence in the reader's language (from its catalog key when it has one). */
function refusalText(locale: DisplayLocale, error: unknown): string {
  const shown = toShownError(error);
  return localizeProblem(locale, { code: '', remedy: '', ...shown }).message;
}

async function check(
  file: File,
  t: Translate,
  locale: DisplayLocale,
): Promise<{ ok: PickedFile } | { problem: string }> {
  // The size first, so a huge file is refused without reading it.
  if (file.size > ATTACHMENT_MAX_BYTES)
    return {
      problem: sentences(locale, [
        refusalText(locale, attachmentTooLarge(file.size, file.name)),
        t('app.requests.attachments.tooLarge'),
      ]),
    };
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    attachableType(file.name, bytes);
    return { ok: { kind: 'picked', fileName: file.name, bytes } };
  } catch (error) {
    return { problem: sentences(locale, [refusalText(locale, error), t('app.requests.attachments.wrongType')]) };
  }
}

export function AttachmentPicker({
  files,
  onChange,
}: {
  files: readonly PickedFile[];
  onChange: (files: PickedFile[]) => void;
}) {
  const { t, locale } = useT();
  const id = useId();
  const hintId = `${id}-hint`;
  const [problem, setProblem] = useState<string | undefined>(undefined);

  async function pick(list: FileList | null) {
    const picked = [...files];
    const problems: string[] = [];
    for (const file of Array.from(list ?? [])) {
      if (picked.length >= ATTACHMENTS_PER_REQUEST_MAX) {
        problems.push(t('app.requests.attachments.tooMany', { max: ATTACHMENTS_PER_REQUEST_MAX, fileName: file.name }));
        continue;
      }
      const checked = await check(file, t, locale);
      if ('ok' in checked) picked.push(checked.ok);
      else problems.push(checked.problem);
    }
    setProblem(problems.length === 0 ? undefined : sentences(locale, problems));
    onChange(picked);
  }

  return (
    <div className="field" data-testid="attachments">
      <label className="block-label">
        {t('app.requests.attachments.label')}
        <input
          type="file"
          multiple
          accept={ATTACHMENT_TYPES.join(',') + ',.log,.txt,.json,.gz,.tgz,.zip,.png,.jpg,.jpeg'}
          {...fieldAttributes(id, problem, hintId)}
          onChange={(e) => {
            void pick(e.target.files);
            e.target.value = '';
          }}
        />
      </label>
      <FieldMessage fieldId={id} problem={problem} />
      <span id={hintId} className="hint">
        {t('app.requests.attachments.hint', { limit: ATTACHMENT_LIMIT_WORDS })}
      </span>
      {files.length > 0 && (
        <ul className="plain-list" data-testid="attachment-list">
          {files.map((f, i) => (
            <li key={`${nameOf(f)}-${i}`}>
              {nameOf(f)} <span className="muted">({formatBytes(sizeOf(f))})</span>{' '}
              <button
                type="button"
                className="secondary small-button"
                onClick={() => onChange(files.filter((_, k) => k !== i))}
                aria-label={t('app.requests.attachments.removeLabel', { fileName: nameOf(f) })}
              >
                {t('app.requests.attachments.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
