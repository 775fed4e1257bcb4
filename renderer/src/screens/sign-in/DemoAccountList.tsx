/** The embedded demo portal's accounts: picking one fills the sign-in form (it does not sign in by itself). */
import type { z } from 'zod';
import type { DemoAccountSchema } from '../../../../shared/contracts/app-views.js';
import { TIER_NAMES } from '../../../../shared/domain/contract.js';
import { ROLE_NAMES } from '../../components/Sidebar.js';

export type DemoAccount = z.infer<typeof DemoAccountSchema>;

export function DemoAccountList({
  accounts,
  onPick,
}: {
  accounts: readonly DemoAccount[];
  onPick: (a: DemoAccount) => void;
}) {
  return (
    <div className="demo-accounts" data-testid="demo-accounts">
      <h3>Demo accounts</h3>
      <p className="muted small">
        This app runs against its built-in demo portal. Pick an account to fill in the form.
      </p>
      <ul>
        {accounts.map((a) => (
          <li key={a.email}>
            <button type="button" className="demo-account" onClick={() => onPick(a)}>
              <strong>
                <span className="visually-hidden">Use </span>
                {a.name}
              </strong>
              <span>{ROLE_NAMES[a.role]}</span>
              {a.customer !== null && (
                <span className="muted">
                  {a.customer.name} · {TIER_NAMES[a.customer.tier]}
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
