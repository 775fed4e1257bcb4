/** Granting the engineer temporary remote access: channel, address, account, scope, expiry; the password is shown once. */
import { useState, type FormEvent } from 'react';
import { GRANT_CHANNELS, GRANT_DEFAULT_HOURS, GRANT_MAX_HOURS, GRANT_SCOPES } from '../../../../shared/contracts/requests.js';
import { api } from '../../api.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { toShownError, type ShownError } from '../../lib/errors.js';

type Channel = (typeof GRANT_CHANNELS)[number];
type Scope = (typeof GRANT_SCOPES)[number];

const SCOPE_WORDS: Record<Scope, string> = { view: 'View only', diagnose: 'Diagnose (read logs, run checks)', repair: 'Repair (change the installation)' };

export function GrantForm({ id, onCreated }: { id: string; onCreated: () => void }) {
  const [channel, setChannel] = useState<Channel>('ssh');
  const [address, setAddress] = useState('');
  const [account, setAccount] = useState('');
  const [scope, setScope] = useState<Scope>('diagnose');
  const [hours, setHours] = useState(String(GRANT_DEFAULT_HOURS));
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);
  const [shownOnce, setShownOnce] = useState<{ account: string; password: string } | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const grant = await api.call('requests.grant', {
        id,
        grant: { channel, address: address.trim(), account: account.trim(), scope, expiresInHours: Number(hours), ...(password === '' ? {} : { password }) },
      });
      setShownOnce({ account: grant.account, password: grant.password });
      setAddress('');
      setAccount('');
      setPassword('');
      onCreated();
    } catch (err) {
      setError(toShownError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="grant-form" data-testid="grant-form">
      {shownOnce !== null && (
        <div className="notice notice-warn" role="status" data-testid="grant-password-once">
          <strong>Password for {shownOnce.account}:</strong> <code className="secret">{shownOnce.password}</code>
          <p>This is the only time it is shown here. Set it on the account now; the assigned engineer reads it through the portal, and every read is audited.</p>
          <button type="button" className="secondary" onClick={() => setShownOnce(null)}>
            I have set it; hide it
          </button>
        </div>
      )}
      <form className="form grid-2" onSubmit={submit}>
        <label>
          Channel
          <select name="channel" value={channel} onChange={(e) => setChannel(e.target.value as Channel)}>
            {GRANT_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {c.toUpperCase()}
              </option>
            ))}
          </select>
        </label>
        <label>
          Address
          <input name="address" value={address} onChange={(e) => setAddress(e.target.value)} placeholder="host.example.com:22" spellCheck={false} />
        </label>
        <label>
          Account
          <input name="account" value={account} onChange={(e) => setAccount(e.target.value)} placeholder="tac-guest" spellCheck={false} />
        </label>
        <label>
          Scope
          <select name="scope" value={scope} onChange={(e) => setScope(e.target.value as Scope)}>
            {GRANT_SCOPES.map((s) => (
              <option key={s} value={s}>
                {SCOPE_WORDS[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Expires after (hours, at most {GRANT_MAX_HOURS})
          <input name="expiresInHours" type="number" min={1} max={GRANT_MAX_HOURS} value={hours} onChange={(e) => setHours(e.target.value)} />
        </label>
        <label>
          Password (leave empty to generate a strong one)
          <input name="grantPassword" type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" />
        </label>
        <div>
          <button type="submit" disabled={busy || address.trim() === '' || account.trim() === ''}>
            Grant access
          </button>
        </div>
      </form>
      {error !== null && <ErrorNotice error={error} />}
    </div>
  );
}
