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
import { toShownError } from '../../lib/errors.js';
import { formatBytes } from '../../lib/format.js';

/** A file picked on this page (its bytes, read once), or one already kept on this desktop for a queued request. */
export type PickedFile = { kind: 'picked'; fileName: string; bytes: Uint8Array } | { kind: 'staged'; file: StagedFile };

const nameOf = (f: PickedFile) => (f.kind === 'picked' ? f.fileName : f.file.fileName);
const sizeOf = (f: PickedFile) => (f.kind === 'picked' ? f.bytes.length : f.file.size);

async function check(file: File): Promise<{ ok: PickedFile } | { problem: string }> {
  // The size first, so a huge file is refused without reading it.
  if (file.size > ATTACHMENT_MAX_BYTES)
    return {
      problem: `${attachmentTooLarge(file.size, file.name).message} Compress it or attach only the relevant part.`,
    };
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    attachableType(file.name, bytes);
    return { ok: { kind: 'picked', fileName: file.name, bytes } };
  } catch (error) {
    return { problem: `${toShownError(error).message} Attach text, JSON, gzip, zip, PNG or JPEG files.` };
  }
}

export function AttachmentPicker({
  files,
  onChange,
}: {
  files: readonly PickedFile[];
  onChange: (files: PickedFile[]) => void;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const [problem, setProblem] = useState<string | undefined>(undefined);

  async function pick(list: FileList | null) {
    const picked = [...files];
    const problems: string[] = [];
    for (const file of Array.from(list ?? [])) {
      if (picked.length >= ATTACHMENTS_PER_REQUEST_MAX) {
        problems.push(
          `A request carries at most ${ATTACHMENTS_PER_REQUEST_MAX} files; ${file.name} was not added. Put files in one zip archive.`,
        );
        continue;
      }
      const checked = await check(file);
      if ('ok' in checked) picked.push(checked.ok);
      else problems.push(checked.problem);
    }
    setProblem(problems.length === 0 ? undefined : problems.join(' '));
    onChange(picked);
  }

  return (
    <div className="field" data-testid="attachments">
      <label className="block-label">
        Logs and other files (optional)
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
        Text, JSON, gzip, zip, PNG or JPEG; at most {ATTACHMENT_LIMIT_WORDS} each. They are sent after the request is
        created.
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
                aria-label={`Remove ${nameOf(f)}`}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
