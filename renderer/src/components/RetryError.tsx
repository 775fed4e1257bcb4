/** A failed load: the coded error and a way to try again without leaving the screen. */
import type { ShownError } from '../lib/errors.js';
import { ErrorNotice } from './ErrorNotice.js';

export function RetryError({
  error,
  onRetry,
  busy,
  label = 'Try again',
}: {
  error: ShownError;
  onRetry: () => void;
  busy: boolean;
  label?: string;
}) {
  return (
    <div data-testid="retry-error" className="retry-error">
      <ErrorNotice error={error} />
      <button type="button" className="secondary" onClick={onRetry} disabled={busy}>
        {busy ? 'Loading…' : label}
      </button>
    </div>
  );
}
