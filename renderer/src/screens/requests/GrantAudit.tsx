/** A grant's audit as the customer reads it: who created, revealed the password of, or revoked it, when, and on which request. */
import type { GrantAuditEntry } from '../../../../shared/contracts/requests.js';
import { formatDateTime } from '../../lib/format.js';

const ROLE_WORDS: Record<NonNullable<GrantAuditEntry['by']>['role'], string> = {
  'customer-admin': 'customer administrator',
  'it-staff': 'IT staff',
  engineer: 'engineer',
  'portal-admin': 'portal administrator',
};

function sentence(e: GrantAuditEntry): string {
  const who = e.by === null ? null : `${e.by.name} (${ROLE_WORDS[e.by.role]})`;
  switch (e.kind) {
    case 'created':
      return `Granted by ${who ?? 'your administrator'}`;
    case 'password-revealed':
      return `Password revealed to ${who ?? 'an engineer'}`;
    case 'reveal-refused':
      return `${who ?? 'Somebody'} asked for the password and was refused`;
    case 'revoked':
      return who === null ? 'Revoked automatically when the request ended' : `Revoked by ${who}`;
    case 'expired':
      return 'Expired';
  }
}

export function GrantAudit({ entries }: { entries: readonly GrantAuditEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <details className="grant-audit">
      <summary>Audit ({entries.length})</summary>
      <ol data-testid="grant-audit">
        {entries.map((e, i) => (
          <li key={i} data-kind={e.kind}>
            {formatDateTime(e.at)}: {sentence(e)}, on request {e.requestNumber}.
          </li>
        ))}
      </ol>
    </details>
  );
}
