/**
 * Remote-access grants on a request: channel, address, account, scope and expiry. The customer revokes; the engineer
 * reveals the password on demand (each read is audited by the portal), and each grant's audit is shown with it.
 */
import { useState } from 'react';
import type { GrantDetail } from '../../../../shared/contracts/requests.js';
import { api } from '../../api.js';
import { Badge } from '../../components/Badge.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useT } from '../../i18n/index.js';
import { formatDuration } from '../../lib/format.js';
import { useNow } from '../../state/hooks.js';
import { useAction } from '../../state/use-action.js';
import { Coded } from './Coded.js';
import { GrantAudit } from './GrantAudit.js';

// Stand-ins for the address and account in their sentence, each then shown as code.
const MARK_ADDRESS = '\u0001address\u0001';
const MARK_ACCOUNT = '\u0001account\u0001';

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
  const { t } = useT();
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
        <strong>{t(`app.requests.grant.channelName.${grant.channel}`)}</strong>{' '}
        {grant.address === null || grant.account === null ? (
          <span className="muted">{t('app.requests.grant.hidden')}</span>
        ) : (
          <Coded text={t('app.requests.grant.target', { address: MARK_ADDRESS, account: MARK_ACCOUNT })}>
            {{ [MARK_ADDRESS]: grant.address, [MARK_ACCOUNT]: grant.account }}
          </Coded>
        )}{' '}
        · {t(`app.requests.grant.scopeOf.${grant.scope}`)}{' '}
        <Badge tone={active ? 'ok' : 'neutral'}>
          {active
            ? t('app.requests.grant.active')
            : grant.state === 'revoked'
              ? t('app.requests.grant.revoked')
              : t('app.requests.grant.expired')}
        </Badge>
      </div>
      <div className="small muted">
        {t('app.requests.grant.grantedAt', { grantedAt: grant.createdAt })} ·{' '}
        {grant.state === 'revoked' && grant.revokedAt !== null
          ? t('app.requests.grant.revokedAt', { revokedAt: grant.revokedAt })
          : active
            ? t('app.requests.grant.expiresAt', { expiresAt: grant.expiresAt, left: formatDuration(left) })
            : t('app.requests.grant.expiredAt', { expiredAt: grant.expiresAt })}
      </div>
      {mode === 'customer' && active && (
        <button
          type="button"
          className="secondary danger"
          onClick={() => void revoking.run()}
          disabled={revoking.busy}
          aria-label={
            grant.account === null || grant.address === null
              ? t('app.requests.grant.revokeLabelUnknown')
              : t('app.requests.grant.revokeLabel', { account: grant.account, address: grant.address })
          }
        >
          {t('app.requests.grant.revoke')}
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
              {t('app.requests.grant.reveal')}
            </button>
          ) : (
            <span data-testid="revealed-password">
              <code className="secret">{password}</code>{' '}
              <button type="button" className="secondary" onClick={() => setPassword(null)}>
                {t('app.requests.grant.hide')}
              </button>
            </span>
          )}
          <span className="muted small"> {t('app.requests.grant.revealAudited')}</span>
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
  const { t } = useT();
  const now = useNow(30_000);
  if (grants.length === 0) return <p className="muted">{t('app.requests.grant.none')}</p>;
  return (
    <ul className="grants" data-testid="grants">
      {grants.map((g) => (
        <GrantRow key={g.id} grant={g} mode={mode} onChanged={onChanged} now={now} />
      ))}
    </ul>
  );
}
