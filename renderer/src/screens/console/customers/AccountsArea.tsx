/**
 * The back office's accounts: a list filtered by role and customer with a create form, and one account's record to
 * change it, disable or enable it, or give it a new password (a generated one is shown once, with a copy button).
 */
import { useEffect, useState, type FormEvent } from 'react';
import {
  AccountChangeSchema,
  NewAccountSchema,
  PasswordResetSchema,
  type AdminAccount,
} from '../../../../../shared/contracts/admin/customers.js';
import { ROLES, type Role } from '../../../../../shared/domain/request-state.js';
import { ErrorNotice } from '../../../components/ErrorNotice.js';
import { Pending, Section } from '../../../components/Section.js';
import { adminCall } from '../../../console/admin-call.js';
import { useT } from '../../../i18n/index.js';
import { toShownError, type ShownError } from '../../../lib/errors.js';
import { formatDateTime } from '../../../lib/format.js';
import { hrefOf } from '../../../lib/routes.js';
import { PagedList } from '../PagedList.js';
import { checkForm, given } from './form-check.js';
import { OneTimePassword } from './OneTimePassword.js';
import { roleKey } from './words.js';

function RoleSelect({
  value,
  onChange,
  testId,
  allowAll,
}: {
  value: Role | '';
  onChange: (role: Role | '') => void;
  testId: string;
  allowAll?: boolean;
}) {
  const { t } = useT();
  return (
    <select value={value} onChange={(e) => onChange(e.target.value as Role | '')} data-testid={testId}>
      {allowAll === true && <option value="">{t('admin.customers.account.allRoles')}</option>}
      {ROLES.map((r) => (
        <option key={r} value={r}>
          {t(roleKey(r))}
        </option>
      ))}
    </select>
  );
}

export function AccountsList() {
  const { t } = useT();
  const [role, setRole] = useState<Role | ''>('');
  const [customerId, setCustomerId] = useState('');
  const [reload, setReload] = useState(0);
  const none = t('admin.customers.none');
  return (
    <>
      <Section title={t('admin.customers.account.title')} testId="accounts">
        <p className="muted small">{t('admin.customers.account.hint')}</p>
        <div className="row-actions">
          <label className="inline-field">
            <span>{t('admin.customers.account.role')}</span>
            <RoleSelect value={role} onChange={setRole} testId="accounts-filter-role" allowAll />
          </label>
          <label className="inline-field">
            <span>{t('admin.customers.account.customerId')}</span>
            <input
              value={customerId}
              onChange={(e) => setCustomerId(e.target.value)}
              data-testid="accounts-filter-customer"
            />
          </label>
        </div>
        <PagedList
          testId="accounts-list"
          reloadKey={`${reload}/${role}/${customerId.trim()}`}
          searchPlaceholder={t('admin.customers.account.searchPlaceholder')}
          load={(query) =>
            adminCall('adminAccounts', {
              query: {
                ...query,
                ...(role === '' ? {} : { role }),
                ...(given(customerId) === undefined ? {} : { customerId: customerId.trim() }),
              },
            })
          }
          keyOf={(a) => a.id}
          columns={[
            {
              header: t('admin.customers.account.email'),
              rowHeader: true,
              cell: (a) => (
                <a href={hrefOf({ name: 'console', area: 'accounts', id: a.id })} translate="no">
                  {a.email}
                </a>
              ),
            },
            { header: t('admin.customers.account.name'), cell: (a) => <span translate="no">{a.name}</span> },
            { header: t('admin.customers.account.role'), cell: (a) => t(roleKey(a.role)) },
            {
              header: t('admin.customers.account.customer'),
              cell: (a) => <span translate="no">{a.customerName ?? none}</span>,
            },
            { header: t('admin.customers.account.status'), cell: (a) => <AccountStatus account={a} /> },
          ]}
        />
      </Section>
      <NewAccountForm onCreated={() => setReload((n) => n + 1)} />
    </>
  );
}

function AccountStatus({ account }: { account: AdminAccount }) {
  const { t } = useT();
  return account.disabledAt === null ? (
    <>{t('admin.customers.account.active')}</>
  ) : (
    <>{t('admin.customers.account.disabledSince', { at: formatDateTime(account.disabledAt) })}</>
  );
}

function NewAccountForm({ onCreated }: { onCreated: () => void }) {
  const { t, locale } = useT();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role | ''>('customer-admin');
  const [customerId, setCustomerId] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ShownError | null>(null);
  const [created, setCreated] = useState<{ account: AdminAccount; password: string | null } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = checkForm(
      NewAccountSchema,
      { email: email.trim(), name, role, customerId: given(customerId) ?? null, password: given(password) },
      locale,
    );
    if (!checked.ok) {
      setError(checked.error);
      return;
    }
    setBusy(true);
    try {
      setCreated(await adminCall('adminCreateAccount', { body: checked.value }));
      setError(null);
      setEmail('');
      setName('');
      setPassword('');
      onCreated();
    } catch (failure) {
      setError(toShownError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title={t('admin.customers.account.newTitle')} testId="accounts-new">
      <form className="form" onSubmit={(e) => void submit(e)}>
        <label>
          {t('admin.customers.account.email')}
          <input
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            data-testid="accounts-new-email"
          />
        </label>
        <label>
          {t('admin.customers.account.name')}
          <input value={name} onChange={(e) => setName(e.target.value)} data-testid="accounts-new-name" />
        </label>
        <label>
          {t('admin.customers.account.role')}
          <RoleSelect value={role} onChange={setRole} testId="accounts-new-role" />
        </label>
        <label>
          {t('admin.customers.account.customerId')}
          <input
            value={customerId}
            onChange={(e) => setCustomerId(e.target.value)}
            data-testid="accounts-new-customer"
          />
          <span className="muted small">{t('admin.customers.account.customerHint')}</span>
        </label>
        <label>
          {t('admin.customers.account.password')}
          <input
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            data-testid="accounts-new-password"
          />
          <span className="muted small">{t('admin.customers.account.passwordHint')}</span>
        </label>
        {error !== null && <ErrorNotice error={error} testId="accounts-new-error" />}
        {created !== null && (
          <p role="status" data-testid="accounts-new-done">
            {t('admin.customers.account.created', { email: created.account.email })}
          </p>
        )}
        {created !== null && created.password !== null && (
          <OneTimePassword password={created.password} testId="accounts-new-password-once" />
        )}
        <div className="row-actions">
          <button type="submit" disabled={busy} data-testid="accounts-new-submit">
            {t('admin.console.create')}
          </button>
        </div>
      </form>
    </Section>
  );
}

export function AccountRecord({ id }: { id: string }) {
  const { t, locale } = useT();
  const [account, setAccount] = useState<AdminAccount | null>(null);
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [customerId, setCustomerId] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [generated, setGenerated] = useState<string | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const show = (a: AdminAccount) => {
    setAccount(a);
    setName(a.name);
    setRole(a.role);
    setCustomerId(a.customerId ?? '');
  };

  useEffect(() => {
    let current = true;
    adminCall('adminAccount', { params: { id } }).then(
      (a) => {
        if (current) show(a);
      },
      (e: unknown) => {
        if (current) setError(toShownError(e));
      },
    );
    return () => {
      current = false;
    };
  }, [id]);

  const act = async (run: () => Promise<AdminAccount>, said: (a: AdminAccount) => string) => {
    setNotice(null);
    try {
      const a = await run();
      show(a);
      setError(null);
      setNotice(said(a));
    } catch (failure) {
      setError(toShownError(failure));
    }
  };

  const save = (e: FormEvent) => {
    e.preventDefault();
    const checked = checkForm(
      AccountChangeSchema,
      { name, ...(role === '' ? {} : { role }), customerId: given(customerId) ?? null },
      locale,
    );
    if (!checked.ok) {
      setError(checked.error);
      return;
    }
    void act(
      () => adminCall('adminUpdateAccount', { params: { id }, body: checked.value }),
      (a) => t('admin.customers.account.updated', { email: a.email }),
    );
  };

  const reset = async (e: FormEvent) => {
    e.preventDefault();
    setGenerated(null);
    const checked = checkForm(PasswordResetSchema, { password: given(newPassword) }, locale);
    if (!checked.ok) {
      setError(checked.error);
      return;
    }
    try {
      const answer = await adminCall('adminResetPassword', { params: { id }, body: checked.value });
      show(answer.account);
      setNewPassword('');
      setError(null);
      setGenerated(answer.password);
      setNotice(
        answer.password === null
          ? t('admin.customers.account.passwordGiven')
          : t('admin.customers.account.passwordSet', { email: answer.account.email }),
      );
    } catch (failure) {
      setError(toShownError(failure));
    }
  };

  return (
    <Section title={account?.email ?? id} testId="accounts-record">
      <p>
        <a href={hrefOf({ name: 'console', area: 'accounts' })}>{t('admin.console.backToList')}</a>
      </p>
      {account === null && error === null && <Pending what={id} />}
      {account !== null && (
        <>
          <dl className="facts">
            <dt>{t('admin.customers.account.role')}</dt>
            <dd>{t(roleKey(account.role))}</dd>
            <dt>{t('admin.customers.account.customer')}</dt>
            <dd translate="no">{account.customerName ?? t('admin.customers.none')}</dd>
            <dt>{t('admin.customers.account.createdAt')}</dt>
            <dd>{formatDateTime(account.createdAt)}</dd>
            <dt>{t('admin.customers.account.status')}</dt>
            <dd data-testid="accounts-record-status">
              <AccountStatus account={account} />
            </dd>
          </dl>
          <form className="form" onSubmit={save}>
            <h3>{t('admin.customers.account.editTitle')}</h3>
            <label>
              {t('admin.customers.account.name')}
              <input value={name} onChange={(e) => setName(e.target.value)} data-testid="accounts-record-name" />
            </label>
            <label>
              {t('admin.customers.account.role')}
              <RoleSelect value={role} onChange={setRole} testId="accounts-record-role" />
            </label>
            <label>
              {t('admin.customers.account.customerId')}
              <input
                value={customerId}
                onChange={(e) => setCustomerId(e.target.value)}
                data-testid="accounts-record-customer"
              />
              <span className="muted small">{t('admin.customers.account.customerHint')}</span>
            </label>
            <div className="row-actions">
              <button type="submit" data-testid="accounts-record-save">
                {t('admin.console.save')}
              </button>
            </div>
          </form>
          <div className="row-actions">
            {account.disabledAt === null ? (
              <button
                type="button"
                className="danger"
                data-testid="accounts-record-disable"
                onClick={() =>
                  void act(
                    () => adminCall('adminDisableAccount', { params: { id } }),
                    (a) => t('admin.customers.account.disabled', { email: a.email }),
                  )
                }
              >
                {t('admin.customers.account.disable')}
              </button>
            ) : (
              <button
                type="button"
                data-testid="accounts-record-enable"
                onClick={() =>
                  void act(
                    () => adminCall('adminEnableAccount', { params: { id } }),
                    (a) => t('admin.customers.account.enabled', { email: a.email }),
                  )
                }
              >
                {t('admin.customers.account.enable')}
              </button>
            )}
          </div>
          <p className="muted small">{t('admin.customers.account.disableHint')}</p>
          <form className="form" onSubmit={(e) => void reset(e)}>
            <h3>{t('admin.customers.account.resetPassword')}</h3>
            <label>
              {t('admin.customers.account.password')}
              <input
                type="password"
                autoComplete="new-password"
                value={newPassword}
                onChange={(e) => setNewPassword(e.target.value)}
                data-testid="accounts-record-password"
              />
              <span className="muted small">{t('admin.customers.account.passwordHint')}</span>
            </label>
            <div className="row-actions">
              <button type="submit" data-testid="accounts-record-reset">
                {t('admin.customers.account.resetPassword')}
              </button>
            </div>
          </form>
          {generated !== null && <OneTimePassword password={generated} testId="accounts-record-password-once" />}
        </>
      )}
      {error !== null && <ErrorNotice error={error} testId="accounts-record-error" />}
      {notice !== null && (
        <p role="status" data-testid="accounts-record-notice">
          {notice}
        </p>
      )}
    </Section>
  );
}
