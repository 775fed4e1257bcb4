/**
 * Requests still on this desktop: waiting for the portal, or refused by it and kept with its reason ("not sent")
 * for the customer to correct and send again, or to discard. Nothing here disappears without the customer's word.
 */
import { useCallback, useEffect, useState } from 'react';
import type { OutboxEntryView } from '../../../../shared/contracts/app-views.js';
import { api } from '../../api.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Section } from '../../components/Section.js';
import { toShownError, type ShownError } from '../../lib/errors.js';
import { localizeProblem } from '../../../../shared/i18n/problem.js';
import { useT } from '../../i18n/index.js';
import { hrefOf } from '../../lib/routes.js';
import { useAction } from '../../state/use-action.js';

const firstLine = (text: string) => (text.split('\n')[0] ?? '').slice(0, 80);

export function OutboxList({ refreshKey }: { refreshKey: number }) {
  const { t, locale } = useT();
  const [entries, setEntries] = useState<OutboxEntryView[]>([]);
  const [loadError, setLoadError] = useState<ShownError | null>(null);
  const discarding = useAction((key: string) => api.call('requests.discard', { idempotencyKey: key }), {
    onDone: (r) => setEntries(r.entries),
  });
  const error = discarding.error ?? loadError;
  const load = useCallback(
    () =>
      api.call('requests.outbox', {}).then(
        (r) => setEntries(r.entries),
        (e: unknown) => setLoadError(toShownError(e)),
      ),
    [],
  );
  useEffect(() => {
    void load();
  }, [load, refreshKey]);

  if (entries.length === 0 && error === null) return null;
  return (
    <Section title={t('app.requests.outbox.title')} testId="outbox">
      {error !== null && <ErrorNotice error={error} />}
      <ul className="plain-list">
        {entries.map((e) => {
          // A refusal that carries its catalog key is written in the language chosen now.
          const refusal = e.refusal === undefined ? undefined : localizeProblem(locale, e.refusal);
          return (
            <li key={e.idempotencyKey} data-testid="outbox-entry" className="stack">
              <span>
                <strong>
                  {t('app.requests.outbox.summary', {
                    serialNumber: e.request.serialNumber,
                    priority: e.request.priority,
                  })}
                </strong>{' '}
                <span translate="no">{firstLine(e.request.faultDescription)}</span>
              </span>
              {e.refusal === undefined || refusal === undefined ? (
                <span className="muted">{t('app.requests.outbox.waiting')}</span>
              ) : (
                <>
                  <span className="field-problem">
                    {t('app.requests.outbox.notSent', { message: refusal.message })}{' '}
                    <span className="muted">({e.refusal.code})</span>
                  </span>
                  <span className="muted">{refusal.remedy}</span>
                  <span className="buttons">
                    <a className="button-link" href={hrefOf({ name: 'request-new', outboxKey: e.idempotencyKey })}>
                      {t('app.requests.outbox.edit')}
                    </a>
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => void discarding.run(e.idempotencyKey)}
                      disabled={discarding.busy}
                    >
                      {t('app.requests.outbox.discard')}
                    </button>
                  </span>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </Section>
  );
}
