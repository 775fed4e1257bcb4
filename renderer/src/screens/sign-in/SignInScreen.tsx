/** Sign-in: portal, e-mail and password; the demo's accounts to pick from; the trust state of the catalog. */
import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../../api.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { RightsTable } from '../../components/RightsTable.js';
import { toShownError, type ShownError } from '../../lib/errors.js';
import { navigate } from '../../state/hooks.js';
import { useSession } from '../../state/session.js';
import { DemoAccountList } from './DemoAccountList.js';
import { TrustPanel } from './TrustPanel.js';

export function SignInScreen() {
  const { session, setSession } = useSession();
  const [portalUrl, setPortalUrl] = useState(session?.portalUrl ?? '');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);

  // The session arrives after the first render: take its portal unless the user already typed one.
  const knownPortal = session?.portalUrl ?? null;
  useEffect(() => {
    if (knownPortal !== null) setPortalUrl((typed) => (typed === '' ? knownPortal : typed));
  }, [knownPortal]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const url = portalUrl.trim();
      const next = await api.call('session.signIn', { email: email.trim(), password, ...(url === '' ? {} : { portalUrl: url }) });
      setSession(next);
      navigate('#/');
    } catch (err) {
      setError(toShownError(err));
    } finally {
      setBusy(false);
    }
  }

  const demo = session?.demoAccounts ?? null;
  return (
    <div className="screen" data-testid="sign-in-screen">
      <h2 className="screen-title">Sign in</h2>
      <div className="two-col">
        <section className="card" aria-labelledby="sign-in-heading">
          <h3 id="sign-in-heading">Your portal account</h3>
          <form className="form" onSubmit={submit} noValidate>
            <label>
              Portal URL
              <input name="signInPortalUrl" type="url" value={portalUrl} onChange={(e) => setPortalUrl(e.target.value)} placeholder="https://portal.example.com" autoComplete="url" />
            </label>
            <label>
              E-mail
              <input name="email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="username" required />
            </label>
            <label>
              Password
              <input name="password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" required />
            </label>
            <div>
              <button type="submit" disabled={busy}>
                {busy ? 'Signing in…' : 'Sign in'}
              </button>
            </div>
          </form>
          {error !== null && <ErrorNotice error={error} testId="sign-in-error" />}
          <TrustPanel trust={session?.trust ?? null} onTrusted={setSession} />
        </section>
        {demo !== null && demo.length > 0 && (
          <section className="card" aria-label="Demo accounts">
            <DemoAccountList
              accounts={demo}
              onPick={(a) => {
                setEmail(a.email);
                setPassword(a.password);
                setError(null);
              }}
            />
          </section>
        )}
      </div>
      <RightsTable />
    </div>
  );
}
