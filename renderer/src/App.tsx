/**
 * The app's frame: top bar, role-aware sidebar and the screen for the current hash route. The session decides the
 * role; signing in or out forgets everything loaded for the previous account.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppInfo } from '../../shared/contracts/app-api.js';
import type { SessionView } from '../../shared/contracts/app-views.js';
import { api } from './api.js';
import { applyLanguage, useT } from './i18n/index.js';
import { ErrorNotice } from './components/ErrorNotice.js';
import { Sidebar } from './components/Sidebar.js';
import { shownText, toShownError, type ShownError } from './lib/errors.js';
import { resolveRoute, sectionOf } from './lib/nav.js';
import { hrefOf } from './lib/routes.js';
import { ScreenFor } from './screens/ScreenFor.js';
import { ACTIVE_STATES, resetDownloads, useDownloads } from './state/downloads.js';
import { navigate, useApiEvent, useRoute } from './state/hooks.js';
import { resetInstalls } from './state/installs.js';
import { resetBundleInstalls } from './screens/bundles/bundle-installs.js';
import { resetPaths } from './state/upgrade-paths.js';
import { resetAllResources } from './state/resource.js';
import { updatesResource } from './state/resources.js';
import { SessionContext } from './state/session.js';
import { useShortcuts } from './state/shortcuts.js';

export function App() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [session, setSession] = useState<SessionView | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const { t, locale } = useT();
  const accountId = session?.account?.id ?? null;
  const previousAccount = useRef<string | null>(null);

  // Forget the previous account's data before anything renders for the new one, so no screen starts loading
  // under the new session only to have its answer thrown away.
  const changeSession = useCallback((next: SessionView) => {
    const nextAccount = next.account?.id ?? null;
    if (previousAccount.current !== nextAccount) {
      resetAllResources();
      resetDownloads();
      resetInstalls();
      resetBundleInstalls();
      resetPaths();
      previousAccount.current = nextAccount;
    }
    setSession(next);
  }, []);

  useEffect(() => {
    api.call('app.info', {}).then(setInfo, (e: unknown) => setError(toShownError(e)));
    api.call('session.get', {}).then(changeSession, (e: unknown) => setError(toShownError(e)));
    // The language is a setting of the app, readable signed out; until it is known the browser's (the OS's) is used.
    api.call('settings.get', {}).then(
      (s) => applyLanguage(s.language),
      () => undefined,
    );
  }, [changeSession]);

  useApiEvent('settings.changed', (s) => applyLanguage(s.language));

  // The window's title is what the task bar and screen readers announce for the app.
  const title = t('app.shell.title');
  useEffect(() => {
    document.title = title;
  }, [title]);

  async function signOut() {
    try {
      changeSession(await api.call('session.signOut', {}));
      navigate('#/sign-in');
    } catch (e) {
      setError(toShownError(e));
    }
  }

  return (
    <SessionContext.Provider value={{ session, setSession: changeSession }}>
      <div className="shell">
        <a
          className="skip"
          href="#main"
          onClick={(e) => {
            e.preventDefault();
            document.getElementById('main')?.focus();
          }}
        >
          {t('app.shell.skipToContent')}
        </a>
        <header className="topbar">
          <h1>{title}</h1>
          {info !== null && (
            <span className="muted" data-testid="host-line">
              {t('app.shell.hostLine', { version: info.version, host: info.host, platform: info.platform })}
            </span>
          )}
          {session !== null && session.portalUrl !== null && (
            <span className="muted portal-line" data-testid="portal-line">
              {t('app.shell.portalLine', { url: session.portalUrl })}
            </span>
          )}
        </header>
        {info?.notices?.map((notice) => {
          const text = shownText(locale, notice);
          return (
            <div key={notice.code} className="notice notice-warn shell-notice" role="status" data-testid="shell-notice">
              <strong>{text.message}</strong> {text.remedy}
            </div>
          );
        })}
        {accountId === null ? (
          <Frame
            session={session}
            error={error}
            loading={session === null && error === null}
            onSignOut={signOut}
            activeDownloads={0}
          />
        ) : (
          <SignedInFrame session={session} error={error} onSignOut={signOut} />
        )}
      </div>
    </SessionContext.Provider>
  );
}

function SignedInFrame({
  session,
  error,
  onSignOut,
}: {
  session: SessionView | null;
  error: ShownError | null;
  onSignOut: () => void;
}) {
  const { byId } = useDownloads();
  let active = 0;
  for (const d of byId.values()) if (ACTIVE_STATES.has(d.state)) active += 1;
  return <Frame session={session} error={error} loading={false} onSignOut={onSignOut} activeDownloads={active} />;
}

interface FrameProps {
  session: SessionView | null;
  error: ShownError | null;
  loading: boolean;
  onSignOut: () => void;
  activeDownloads: number;
}

function Frame({ session, error, loading, onSignOut, activeDownloads }: FrameProps) {
  const route = useRoute();
  const role = session?.account?.role ?? null;
  const shown = resolveRoute(route, loading ? null : role);
  const [newReleases, setNewReleases] = useState(0);
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const key = hrefOf(shown);
  useShortcuts(loading ? null : role);

  useApiEvent('updates.available', (p) => {
    setNewReleases(p.count);
    // A background check found something: what the screens show should say so too.
    if (updatesResource.get().data !== null) void updatesResource.refresh();
  });

  // After a navigation, keyboard and screen-reader users start at the new screen, not at the link they used.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.focus();
  }, [key]);

  const { t } = useT();
  const section = sectionOf(shown);
  useEffect(() => {
    if (section === 'systems') setNewReleases(0);
  }, [section]);

  return (
    <div className="frame">
      <Sidebar
        account={session?.account ?? null}
        current={section}
        counts={{ systems: newReleases, downloads: activeDownloads }}
        onSignOut={onSignOut}
      />
      <main id="main" ref={main} tabIndex={-1} className="content" data-screen={shown.name}>
        {error !== null && <ErrorNotice error={error} />}
        {loading ? (
          <p className="muted" role="status">
            {t('app.shell.readingSession')}
          </p>
        ) : (
          <ScreenFor route={shown} />
        )}
      </main>
    </div>
  );
}
