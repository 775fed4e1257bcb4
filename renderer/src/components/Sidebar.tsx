/** The left navigation: the role's sections as real links (aria-current on the open one), who is signed in, sign out. */
import type { Account } from '../../../shared/contracts/accounts.js';
import { roleName } from '../../../shared/domain/role-names.js';
import { useT } from '../i18n/index.js';
import { navItemsFor, type Section } from '../lib/nav.js';

export interface SidebarProps {
  account: Account | null;
  current: Section | null;
  /** Counts shown next to a section (new releases, active downloads). */
  counts: Partial<Record<Section, number>>;
  onSignOut: () => void;
}

export function Sidebar({ account, current, counts, onSignOut }: SidebarProps) {
  const { t, locale } = useT();
  const items = navItemsFor(account?.role ?? null);
  return (
    <nav className="sidebar" aria-label={t('app.shell.nav.label')}>
      <ul>
        {account === null && (
          <li>
            <a href="#/sign-in" aria-current={current === null ? 'page' : undefined}>
              {t('app.shell.nav.signIn')}
            </a>
          </li>
        )}
        {items.map((item) => {
          const count = counts[item.section];
          return (
            <li key={item.section}>
              <a
                href={item.href}
                aria-current={current === item.section ? 'page' : undefined}
                data-testid={`nav-${item.section}`}
              >
                {t(item.labelKey)}
                {count !== undefined && count > 0 && (
                  <span className="count" aria-label={t('app.shell.nav.newCount', { count })}>
                    {count}
                  </span>
                )}
              </a>
            </li>
          );
        })}
      </ul>
      {account !== null && (
        <div className="who" data-testid="signed-in-as">
          <div>{account.name}</div>
          <div className="muted">{roleName(account.role, locale)}</div>
          <div className="muted small">{account.email}</div>
          <button type="button" className="secondary" onClick={onSignOut}>
            {t('app.shell.nav.signOut')}
          </button>
        </div>
      )}
    </nav>
  );
}
