/** A failed load: the coded error and a way to try again without leaving the screen. */
import { useT } from '../i18n/index.js';
import type { ShownError } from '../lib/errors.js';
import { ErrorNotice } from './ErrorNotice.js';

export function RetryError({
  error,
  onRetry,
  busy,
  label,
}: {
  error: ShownError;
  onRetry: () => void;
  busy: boolean;
  /** The button's text, in the reader's language; "Try again" when not given. */
  label?: string;
}) {
  const { t } = useT();
  return (
    <div data-testid="retry-error" className="retry-error">
      <ErrorNotice error={error} />
      <button type="button" className="secondary" onClick={onRetry} disabled={busy}>
        {busy ? t('app.shell.loading') : (label ?? t('app.shell.retry'))}
      </button>
    </div>
  );
}
