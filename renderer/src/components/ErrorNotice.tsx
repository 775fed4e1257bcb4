/** A coded error as the user sees it: what happened, the one thing to do about it, and the code to quote. */
import type { ShownError } from '../lib/errors.js';

export type { ShownError } from '../lib/errors.js';

/** `id` lets the field the error is about name it in its aria-describedby. */
export function ErrorNotice({ error, testId, id }: { error: ShownError; testId?: string; id?: string }) {
  return (
    <div role="alert" className="notice notice-error" data-testid={testId ?? 'error-notice'} id={id}>
      <strong>{error.message}</strong>
      {error.remedy !== undefined && <p>{error.remedy}</p>}
      {error.code !== undefined && <code className="error-code">{error.code}</code>}
    </div>
  );
}
