/**
 * Remote-access grants on a request: channel, address, account, scope and expiry. The customer revokes; the engineer
 * reveals the password on demand (each read is audited by the portal), and each grant's audit is shown with it.
 */
import { useState } from 'react';
import type { GrantDetail } from '../../../../shared/contracts/requests.js';
import { api } from '../../api.js';
import { Badge } from '../../components/Badge.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { formatDateTime, formatDuration } from '../../lib/format.js';
import { useNow } from '../../state/hooks.js';
import { useAction } from '../../state/use-action.js';
import { GrantAudit } from './GrantAudit.js';

function GrantRow({
  grant,
  mode,
  onChanged,
  now,
}: {
  grant: GrantDetail;
  mode: 'customer' | 'engineer';
  onChanged: () => void;
  now: number;
}) {
  const [password, setPassword] = useState<string | null>(null);
  const revoking = useAction(() => api.call('requests.revokeGrant', { grantId: grant.id }), { onDone: onChanged });
  const revealing = useAction(() => api.call('requests.grantPassword', { grantId: grant.id }), {
    onDone: (r) => setPassword(r.password),
  });
  const error = revoking.error ?? revealing.error;
  const left = Date.parse(grant.expiresAt) - now;
  const active = grant.state === 'active' && left > 0;

  return (
    <li className="grant" data-testid={`grant-${grant.id}`} data-state={grant.state}>
      <div className="grant-head">
        <strong>{grant.channel.toUpperCase()}</strong>{' '}
        {grant.address === null || grant.account === null ? (
          <span className="muted">(address and account shown to the assigned engineer only)</span>
        ) : (
          <>
            <code>{grant.address}</code> as <code>{grant.account}</code>
          </>
        )}{' '}
        · scope {grant.scope}{' '}
        <Badge tone={active ? 'ok' : 'neutral'}>
          {active ? 'Active' : grant.state === 'revoked' ? 'Revoked' : 'Expired'}
        </Badge>
      </div>
      <div className="small muted">
        Granted {formatDateTime(grant.createdAt)} ·{' '}
        {grant.state === 'revoked' && grant.revokedAt !== null
          ? `revoked ${formatDateTime(grant.revokedAt)}`
          : active
            ? `expires ${formatDateTime(grant.expiresAt)} (in ${formatDuration(left)})`
            : `expired ${formatDateTime(grant.expiresAt)}`}
      </div>
      {mode === 'customer' && active && (
        <button
          type="button"
          className="secondary danger"
          onClick={() => void revoking.run()}
          disabled={revoking.busy}
          aria-label={`Revoke access for ${grant.account ?? 'the account'} at ${grant.address ?? 'the system'}`}
        >
          Revoke now
        </button>
      )}
      {mode === 'engineer' && active && (
        <div className="reveal">
          {password === null ? (
            <button
              type="button"
              className="secondary"
              onClick={() => void revealing.run()}
              disabled={revealing.busy}
              data-testid="reveal-password"
            >
              Reveal password
            </button>
          ) : (
            <span data-testid="revealed-password">
              <code className="secret">{password}</code>{' '}
              <button type="button" className="secondary" onClick={() => setPassword(null)}>
                Hide
              </button>
            </span>
          )}
          <span className="muted small"> Each reveal is recorded in the portal’s audit log.</span>
        </div>
      )}
      <GrantAudit entries={grant.audit} />
      {error !== null && <ErrorNotice error={error} />}
    </li>
  );
}

export function GrantList({
  grants,
  mode,
  onChanged,
}: {
  grants: readonly GrantDetail[];
  mode: 'customer' | 'engineer';
  onChanged: () => void;
}) {
  const now = useNow(30_000);
  if (grants.length === 0) return <p className="muted">No remote access has been granted.</p>;
  return (
    <ul className="grants" data-testid="grants">
      {grants.map((g) => (
        <GrantRow key={g.id} grant={g} mode={mode} onChanged={onChanged} now={now} />
      ))}
    </ul>
  );
}
