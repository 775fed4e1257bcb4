/**
 * The mail outbox: every mail the portal queued, newest first, with its state, tries and the last error in the
 * reader's words, narrowed by state and kind; a queued or failed mail can be sent at the sender's next pass.
 */
import { useState } from 'react';
import { MAIL_STATES, type MailStateName, type OutboxEntry } from '../../../../../shared/contracts/admin/mail.js';
import { MAIL_KINDS, mailKindKey, type MailKind } from '../../../../../shared/domain/mail.js';
import { ErrorNotice } from '../../../components/ErrorNotice.js';
import { Section } from '../../../components/Section.js';
import { adminCall } from '../../../console/admin-call.js';
import { useT } from '../../../i18n/index.js';
import { toShownError, type ShownError } from '../../../lib/errors.js';
import { formatDateTime } from '../../../lib/format.js';
import { canRetry, failureArgs } from '../../../lib/mail-choices.js';
import { PagedList } from '../PagedList.js';

export function MailArea() {
  const { t } = useT();
  const [state, setState] = useState<MailStateName | ''>('');
  const [kind, setKind] = useState<MailKind | ''>('');
  const [reloads, setReloads] = useState(0);
  const [retrying, setRetrying] = useState<string | null>(null);
  const [retried, setRetried] = useState<string | null>(null);
  const [error, setError] = useState<ShownError | null>(null);

  async function retry(entry: OutboxEntry) {
    setRetrying(entry.id);
    setRetried(null);
    setError(null);
    try {
      await adminCall('adminMailRetry', { params: { id: entry.id } });
      setRetried(entry.id);
      setReloads((n) => n + 1);
    } catch (err) {
      setError(toShownError(err));
    } finally {
      setRetrying(null);
    }
  }

  return (
    <Section title={t('admin.mail.title')} testId="mail">
      <p className="muted small">{t('admin.mail.hint')}</p>
      <div className="row-actions">
        <label className="inline-field">
          <span>{t('admin.mail.filterState')}</span>
          <select
            value={state}
            onChange={(e) => setState(e.target.value as MailStateName | '')}
            data-testid="mail-filter-state"
          >
            <option value="">{t('admin.mail.any')}</option>
            {MAIL_STATES.map((s) => (
              <option key={s} value={s}>
                {t('admin.mail.state', { state: s })}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          <span>{t('admin.mail.filterKind')}</span>
          <select
            value={kind}
            onChange={(e) => setKind(e.target.value as MailKind | '')}
            data-testid="mail-filter-kind"
          >
            <option value="">{t('admin.mail.any')}</option>
            {MAIL_KINDS.map((k) => (
              <option key={k} value={k}>
                {t('admin.mail.kind', { kind: mailKindKey(k) })}
              </option>
            ))}
          </select>
        </label>
      </div>
      {retried !== null && (
        <p role="status" className="ok-text" data-testid="mail-retried">
          {t('admin.mail.retried')}
        </p>
      )}
      {error !== null && <ErrorNotice error={error} />}
      <PagedList
        // A new filter starts again from the first page.
        key={`${state}|${kind}`}
        testId="mail-list"
        reloadKey={reloads}
        load={(query) =>
          adminCall('adminMailOutbox', {
            query: { ...query, state: state === '' ? undefined : state, kind: kind === '' ? undefined : kind },
          })
        }
        keyOf={(e) => e.id}
        columns={[
          { header: t('admin.mail.columns.created'), cell: (e) => formatDateTime(e.createdAt), rowHeader: true },
          { header: t('admin.mail.columns.kind'), cell: (e) => t('admin.mail.kind', { kind: mailKindKey(e.kind) }) },
          { header: t('admin.mail.columns.recipient'), cell: (e) => <span translate="no">{e.recipient}</span> },
          {
            header: t('admin.mail.columns.state'),
            cell: (e) => <span data-testid="mail-state">{t('admin.mail.state', { state: e.state })}</span>,
          },
          { header: t('admin.mail.columns.attempts'), cell: (e) => e.attempts },
          {
            header: t('admin.mail.columns.nextAttempt'),
            cell: (e) => (e.state === 'queued' ? formatDateTime(e.nextAttemptAt) : ''),
          },
          {
            header: t('admin.mail.columns.lastError'),
            cell: (e) =>
              e.lastError === null ? (
                ''
              ) : (
                <span className="small" data-testid="mail-last-error">
                  {t('admin.mail.failure', failureArgs(e.lastError))}
                </span>
              ),
          },
          {
            header: t('admin.mail.columns.messageId'),
            cell: (e) => (e.messageId === null ? '' : <code translate="no">{e.messageId}</code>),
          },
          {
            header: t('admin.mail.retry'),
            cell: (e) =>
              canRetry(e.state) ? (
                <button
                  type="button"
                  className="secondary"
                  disabled={retrying !== null}
                  onClick={() => void retry(e)}
                  data-testid={`mail-retry-${e.id}`}
                >
                  {t('admin.mail.retry')}
                </button>
              ) : (
                ''
              ),
          },
        ]}
      />
    </Section>
  );
}
