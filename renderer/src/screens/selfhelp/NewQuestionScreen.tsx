/**
 * Asking the community: product, version, a title and the question. Other customers see "A customer" unless the
 * asker chooses to show the company's name; the sentence under the box says which, before anything is sent.
 */
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useT } from '../../i18n/index.js';
import { hrefOf } from '../../lib/routes.js';
import { selfHelpCall } from '../../selfhelp/selfhelp-call.js';
import { navigate } from '../../state/hooks.js';
import { useAction } from '../../state/use-action.js';
import { useSession } from '../../state/session.js';
import { CodedNotice, ProductField, useKnownProducts } from './parts.js';
import { SelfHelpTabs } from './SelfHelpTabs.js';

export function NewQuestionScreen({
  product,
  version,
}: {
  product?: string | undefined;
  version?: string | undefined;
}) {
  const { t } = useT();
  const { role } = useSession();
  const products = useKnownProducts(role);
  const id = useId();
  const [form, setForm] = useState({
    product: product ?? '',
    version: version ?? '',
    title: '',
    body: '',
    showCompany: false,
  });
  // One key per question being written: a retried send asks once.
  const key = useMemo(() => crypto.randomUUID(), []);
  const ask = useAction(
    () =>
      selfHelpCall('communityAsk', {
        body: {
          product: form.product,
          ...(form.version.trim() === '' ? {} : { version: form.version.trim() }),
          title: form.title,
          body: form.body,
          showCompany: form.showCompany,
        },
        idempotencyKey: key,
      }),
    { onDone: (thread) => navigate(hrefOf({ name: 'selfhelp-question', id: thread.question.id })) },
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void ask.run();
  };
  if (role !== 'customer-admin' && role !== 'it-staff')
    return (
      <div className="screen" data-testid="selfhelp-new-question">
        <SelfHelpTabs current="community" />
        <p className="notice notice-info">{t('app.selfhelp.form.customersAsk')}</p>
      </div>
    );
  return (
    <div className="screen" data-testid="selfhelp-new-question">
      <SelfHelpTabs current="community" />
      <form className="card stack" onSubmit={submit} aria-labelledby={`${id}-heading`} noValidate>
        <h2 id={`${id}-heading`}>{t('app.selfhelp.form.heading')}</h2>
        <ProductField
          label={t('app.selfhelp.form.product')}
          value={form.product}
          products={products}
          onChange={(p) => setForm((f) => ({ ...f, product: p }))}
        />
        <label htmlFor={`${id}-version`} className="field">
          <span>{t('app.selfhelp.form.version')}</span>
          <input
            id={`${id}-version`}
            value={form.version}
            onChange={(e) => setForm((f) => ({ ...f, version: e.target.value }))}
          />
        </label>
        <label htmlFor={`${id}-title`} className="field">
          <span>{t('app.selfhelp.form.title')}</span>
          <input
            id={`${id}-title`}
            value={form.title}
            onChange={(e) => setForm((f) => ({ ...f, title: e.target.value }))}
          />
        </label>
        <label htmlFor={`${id}-body`} className="field">
          <span>{t('app.selfhelp.form.body')}</span>
          <textarea
            id={`${id}-body`}
            rows={8}
            value={form.body}
            onChange={(e) => setForm((f) => ({ ...f, body: e.target.value }))}
          />
        </label>
        <div>
          <label className="inline">
            <input
              type="checkbox"
              checked={form.showCompany}
              aria-describedby={`${id}-shown`}
              onChange={(e) => setForm((f) => ({ ...f, showCompany: e.target.checked }))}
            />{' '}
            {t('app.selfhelp.form.showCompany')}
          </label>
          <p id={`${id}-shown`} className="hint" data-testid="shown-as">
            {form.showCompany ? t('app.selfhelp.form.othersSeeCompany') : t('app.selfhelp.form.othersSeeCustomer')}
          </p>
        </div>
        <div>
          <button type="submit" disabled={ask.busy} data-testid="question-submit">
            {ask.busy ? t('app.selfhelp.form.sending') : t('app.selfhelp.form.send')}
          </button>
        </div>
        {ask.error !== null && <CodedNotice error={ask.error} testId="question-refused" />}
      </form>
    </div>
  );
}
