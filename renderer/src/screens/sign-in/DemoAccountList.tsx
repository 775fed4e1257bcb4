/** The embedded demo portal's accounts: picking one fills the sign-in form (it does not sign in by itself). */
import type { z } from 'zod';
import type { DemoAccountSchema } from '../../../../shared/contracts/app-views.js';
import { tierName } from '../../../../shared/domain/contract.js';
import { roleName } from '../../../../shared/domain/role-names.js';
import { useT } from '../../i18n/index.js';

export type DemoAccount = z.infer<typeof DemoAccountSchema>;

export function DemoAccountList({
  accounts,
  onPick,
}: {
  accounts: readonly DemoAccount[];
  onPick: (a: DemoAccount) => void;
}) {
  const { t, locale } = useT();
  return (
    <div className="demo-accounts" data-testid="demo-accounts">
      <h3>{t('app.shell.signIn.demoHeading')}</h3>
      <p className="muted small">{t('app.shell.signIn.demoHint')}</p>
      <ul>
        {accounts.map((a) => (
          <li key={a.email}>
            <button type="button" className="demo-account" onClick={() => onPick(a)}>
              {/* The button's name says what it does ("Use …"); sighted users read the name in bold. */}
              <strong>
                <span className="visually-hidden">{t('app.shell.signIn.useAccount', { name: a.name })}</span>
                <span aria-hidden="true">{a.name}</span>
              </strong>
              <span>{roleName(a.role, locale)}</span>
              {a.customer !== null && (
                <span className="muted">
                  {t('app.shell.signIn.demoCustomer', {
                    customer: a.customer.name,
                    tier: tierName(a.customer.tier, locale),
                  })}
                </span>
              )}
              <span className="muted small">{a.email}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
