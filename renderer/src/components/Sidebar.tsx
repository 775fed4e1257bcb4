/** The left navigation: the role's sections as real links (aria-current on the open one), who is signed in, sign out. */
import type { Account } from '../../../shared/contracts/accounts.js';
import { ROLE_NAMES } from '../../../shared/domain/role-names.js';
import { navItemsFor, type Section } from '../lib/nav.js';

export { ROLE_NAMES };

export interface SidebarProps {
  account: Account | null;
  current: Section | null;
  /** Counts shown next to a section (new releases, active downloads). */
  counts: Partial<Record<Section, number>>;
  onSignOut: () => void;
}

export function Sidebar({ account, current, counts, onSignOut }: SidebarProps) {
  const items = navItemsFor(account?.role ?? null);
  return (
    <nav className="sidebar" aria-label="Main">
      <ul>
        {account === null && (
          <li>
            <a href="#/sign-in" aria-current={current === null ? 'page' : undefined}>
              Sign in
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
                {item.label}
                {count !== undefined && count > 0 && (
                  <span className="count" aria-label={`(${count} new)`}>
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
          <div className="muted">{ROLE_NAMES[account.role]}</div>
          <div className="muted small">{account.email}</div>
          <button type="button" className="secondary" onClick={onSignOut}>
            Sign out
          </button>
        </div>
      )}
    </nav>
  );
}
