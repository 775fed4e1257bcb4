/** A coded error as the user sees it: what happened, the one thing to do about it, and the code to quote. */
import { useT } from '../i18n/index.js';
import { shownText, type ShownError } from '../lib/errors.js';

export type { ShownError } from '../lib/errors.js';

/**
 * `id` lets the field the error is about name it in its aria-describedby; `subject` names the one item of several
 * the error is about (a release of a bulk download).
 */
export function ErrorNotice({
  error,
  testId,
  id,
  subject,
}: {
  error: ShownError;
  testId?: string;
  id?: string;
  subject?: string;
}) {
  const { t, locale } = useT();
  const text = shownText(locale, error);
  const message = subject === undefined ? text.message : t('app.shell.errorAbout', { subject, message: text.message });
  const remedy = text.remedy;
  return (
    <div role="alert" className="notice notice-error" data-testid={testId ?? 'error-notice'} id={id}>
      <strong>{message}</strong>
      {remedy !== undefined && <p>{remedy}</p>}
      {error.code !== undefined && <code className="error-code">{error.code}</code>}
    </div>
  );
}
