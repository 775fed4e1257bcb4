/** A grant's audit as the customer reads it: who created, revealed the password of, or revoked it, when, and on which request. */
import type { GrantAuditEntry } from '../../../../shared/contracts/requests.js';
import type { Translate } from '../../../../shared/i18n/translator.js';
import { useT } from '../../i18n/index.js';
import { formatDateTime } from '../../lib/format.js';

/** One entry as one sentence: when, what happened and who did it (when known), on which request. */
function sentence(e: GrantAuditEntry, t: Translate): string {
  const facts = { at: formatDateTime(e.at), number: e.requestNumber };
  const who =
    e.by === null
      ? null
      : t('app.requests.audit.who', { name: e.by.name, role: t(`app.requests.audit.role.${e.by.role}`) });
  switch (e.kind) {
    case 'created':
      return who === null
        ? t('app.requests.audit.createdUnknown', facts)
        : t('app.requests.audit.created', { ...facts, who });
    case 'password-revealed':
      return who === null
        ? t('app.requests.audit.revealedUnknown', facts)
        : t('app.requests.audit.revealed', { ...facts, who });
    case 'reveal-refused':
      return who === null
        ? t('app.requests.audit.refusedUnknown', facts)
        : t('app.requests.audit.refused', { ...facts, who });
    case 'revoked':
      return who === null
        ? t('app.requests.audit.revokedAutomatically', facts)
        : t('app.requests.audit.revoked', { ...facts, who });
    case 'expired':
      return t('app.requests.audit.expired', facts);
  }
}

export function GrantAudit({ entries }: { entries: readonly GrantAuditEntry[] }) {
  const { t } = useT();
  if (entries.length === 0) return null;
  return (
    <details className="grant-audit">
      <summary>{t('app.requests.audit.summary', { count: entries.length })}</summary>
      <ol data-testid="grant-audit">
        {entries.map((e, i) => (
          <li key={i} data-kind={e.kind}>
            {sentence(e, t)}
          </li>
        ))}
      </ol>
    </details>
  );
}
