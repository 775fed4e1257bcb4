/** Sign-in: portal, e-mail and password; the demo's accounts to pick from; the trust state of the catalog. */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { api } from '../../api.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import {
  Field,
  fieldAttributes,
  focusFirstProblem,
  hasProblems,
  type Problems,
} from '../../components/FieldMessage.js';
import { RightsTable } from '../../components/RightsTable.js';
import { useT } from '../../i18n/index.js';
import { hrefOf } from '../../lib/routes.js';
import { navigate } from '../../state/hooks.js';
import { useSession } from '../../state/session.js';
import { useAction } from '../../state/use-action.js';
import { DemoAccountList } from './DemoAccountList.js';
import { TrustPanel } from './TrustPanel.js';

type Field = 'portalUrl' | 'email' | 'password';

const FIELD_ORDER: readonly Field[] = ['portalUrl', 'email', 'password'];

/** The field a refused sign-in is about, so it can be marked and the keyboard taken there. */
const FIELD_OF_CODE: Readonly<Record<string, Field>> = {
  OFFLINE: 'portalUrl',
  TIMEOUT: 'portalUrl',
  PORTAL_ERROR: 'portalUrl',
  UNTRUSTED_PORTAL: 'portalUrl',
  INVALID_CREDENTIALS: 'password',
};

/** Empty means the portal already configured; anything else must be a web address the app can reach. */
function portalUrlOk(text: string): boolean {
  const url = text.trim();
  if (url === '') return true;
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

export function SignInScreen() {
  const { t } = useT();
  const { session, setSession } = useSession();
  const [portalUrl, setPortalUrl] = useState(session?.portalUrl ?? '');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<Problems<Field>>({});
  const base = useId();
  const idOf = (f: Field) => `${base}-${f}`;
  const signingIn = useAction(
    async (account: { email: string; password: string; portalUrl: string }) => {
      const { portalUrl: url, ...credentials } = account;
      // The session and the address are the app's, not this screen's: both change even if the screen closed meanwhile.
      setSession(await api.call('session.signIn', { ...credentials, ...(url === '' ? {} : { portalUrl: url }) }));
      navigate('#/');
    },
    {
      onError: (shown) => {
        const field = shown.code === undefined ? undefined : FIELD_OF_CODE[shown.code];
        if (field !== undefined) document.getElementById(idOf(field))?.focus();
      },
    },
  );
  const { busy, error } = signingIn;
  const errorId = `${base}-error`;
  // The field the host's refusal names: marked invalid and described by the error shown under the form.
  const refusedField = error?.code === undefined ? undefined : FIELD_OF_CODE[error.code];
  const describedBy = (f: Field) => (refusedField === f ? errorId : undefined);
  const attributes = (f: Field) => {
    const a = fieldAttributes(idOf(f), problems[f], describedBy(f));
    return refusedField === f ? { ...a, 'aria-invalid': true } : a;
  };
  const edit = (f: Field, set: (v: string) => void, value: string) => {
    set(value);
    setProblems((p) => ({ ...p, [f]: undefined }));
  };

  // The session arrives after the first render: take its portal unless the user already typed one.
  const knownPortal = session?.portalUrl ?? null;
  useEffect(() => {
    if (knownPortal !== null) setPortalUrl((typed) => (typed === '' ? knownPortal : typed));
  }, [knownPortal]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    signingIn.reset();
    const found: Problems<Field> = {
      portalUrl: portalUrlOk(portalUrl) ? undefined : t('app.shell.signIn.portalUrlProblem'),
      email: email.trim() === '' ? t('app.shell.signIn.emailProblem') : undefined,
      password: password === '' ? t('app.shell.signIn.passwordProblem') : undefined,
    };
    setProblems(found);
    if (hasProblems(found)) {
      focusFirstProblem(FIELD_ORDER, found, idOf);
      return;
    }
    await signingIn.run({ email: email.trim(), password, portalUrl: portalUrl.trim() });
  }

  const demo = session?.demoAccounts ?? null;
  return (
    <div className="screen" data-testid="sign-in-screen">
      <h2 className="screen-title">{t('app.shell.signIn.title')}</h2>
      <div className="two-col">
        <section className="card" aria-labelledby="sign-in-heading">
          <h3 id="sign-in-heading">{t('app.shell.signIn.accountHeading')}</h3>
          <form className="form" onSubmit={submit} noValidate>
            <Field label={t('app.shell.signIn.portalUrl')} fieldId={idOf('portalUrl')} problem={problems.portalUrl}>
              <input
                name="signInPortalUrl"
                type="url"
                {...attributes('portalUrl')}
                value={portalUrl}
                onChange={(e) => edit('portalUrl', setPortalUrl, e.target.value)}
                placeholder="https://portal.example.com"
                autoComplete="url"
              />
            </Field>
            <Field label={t('app.shell.signIn.email')} fieldId={idOf('email')} problem={problems.email}>
              <input
                name="email"
                type="email"
                {...attributes('email')}
                value={email}
                onChange={(e) => edit('email', setEmail, e.target.value)}
                autoComplete="username"
                required
              />
            </Field>
            <Field label={t('app.shell.signIn.password')} fieldId={idOf('password')} problem={problems.password}>
              <input
                name="password"
                type="password"
                {...attributes('password')}
                value={password}
                onChange={(e) => edit('password', setPassword, e.target.value)}
                autoComplete="current-password"
                required
              />
            </Field>
            <div>
              <button type="submit" disabled={busy}>
                {busy ? t('app.shell.signIn.submitting') : t('app.shell.signIn.submit')}
              </button>
            </div>
          </form>
          {error !== null && <ErrorNotice error={error} testId="sign-in-error" id={errorId} />}
          <TrustPanel trust={session?.trust ?? null} onTrusted={setSession} />
          <p className="muted small" data-testid="offline-import">
            {t('app.shell.signIn.offlineHint')}{' '}
            <a href={hrefOf({ name: 'bundle-import' })} data-testid="import-bundle-link">
              {t('app.downloads.importLink')}
            </a>
          </p>
        </section>
        {demo !== null && demo.length > 0 && (
          <section className="card" aria-label={t('app.shell.signIn.demoHeading')}>
            <DemoAccountList
              accounts={demo}
              onPick={(a) => {
                setEmail(a.email);
                setPassword(a.password);
                signingIn.reset();
                setProblems({});
              }}
            />
          </section>
        )}
      </div>
      <RightsTable />
    </div>
  );
}
