/** A generated password, shown this once with a way to copy it: the portal keeps only its hash. */
import { useState } from 'react';
import { useT } from '../../../i18n/index.js';

export function OneTimePassword({ password, testId }: { password: string; testId: string }) {
  const { t } = useT();
  const [copied, setCopied] = useState(false);
  return (
    <div className="notice" role="status" data-testid={testId}>
      <p>
        {t('admin.customers.account.oneTimeLabel')}{' '}
        <code translate="no" data-testid={`${testId}-value`}>
          {password}
        </code>
      </p>
      <p className="muted small">{t('admin.customers.account.generatedHint')}</p>
      <button
        type="button"
        className="secondary"
        data-testid={`${testId}-copy`}
        onClick={() =>
          void navigator.clipboard.writeText(password).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
      >
        {t('admin.customers.account.copy')}
      </button>
      {copied && <span className="muted small"> {t('admin.customers.account.copied')}</span>}
    </div>
  );
}
