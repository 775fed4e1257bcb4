/** The back office's customers: a searchable list with a create form, and one customer's record with its name. */
import { useEffect, useState, type FormEvent } from 'react';
import {
  CustomerChangeSchema,
  NewCustomerSchema,
  type CustomerSummary,
} from '../../../../../shared/contracts/admin/customers.js';
import { ErrorNotice } from '../../../components/ErrorNotice.js';
import { Pending, Section } from '../../../components/Section.js';
import { adminCall } from '../../../console/admin-call.js';
import { useT } from '../../../i18n/index.js';
import { toShownError, type ShownError } from '../../../lib/errors.js';
import { hrefOf } from '../../../lib/routes.js';
import { PagedList } from '../PagedList.js';
import { checkForm, given } from './form-check.js';

export function CustomersList() {
  const { t } = useT();
  const [reload, setReload] = useState(0);
  return (
    <>
      <Section title={t('admin.customers.customer.title')} testId="customers">
        <p className="muted small">{t('admin.customers.customer.hint')}</p>
        <PagedList
          testId="customers-list"
          reloadKey={reload}
          searchPlaceholder={t('admin.customers.customer.searchPlaceholder')}
          load={(query) => adminCall('adminCustomers', { query })}
          keyOf={(c) => c.id}
          columns={[
            {
              header: t('admin.customers.customer.name'),
              rowHeader: true,
              cell: (c) => (
                <a href={hrefOf({ name: 'console', area: 'customers', id: c.id })} translate="no">
                  {c.name}
                </a>
              ),
            },
            { header: t('admin.customers.customer.id'), cell: (c) => <code translate="no">{c.id}</code> },
            { header: t('admin.customers.customer.contracts'), cell: (c) => c.contracts },
            { header: t('admin.customers.customer.accounts'), cell: (c) => c.accounts },
            { header: t('admin.customers.customer.systems'), cell: (c) => c.systems },
          ]}
        />
      </Section>
      <NewCustomerForm onCreated={() => setReload((n) => n + 1)} />
    </>
  );
}

function NewCustomerForm({ onCreated }: { onCreated: () => void }) {
  const { t, locale } = useT();
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<ShownError | null>(null);
  const [done, setDone] = useState<CustomerSummary | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = checkForm(NewCustomerSchema, { id: given(id), name }, locale);
    if (!checked.ok) {
      setError(checked.error);
      return;
    }
    setBusy(true);
    try {
      const created = await adminCall('adminCreateCustomer', { body: checked.value });
      setDone(created);
      setError(null);
      setId('');
      setName('');
      onCreated();
    } catch (failure) {
      setError(toShownError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title={t('admin.customers.customer.newTitle')} testId="customers-new">
      <form className="form" onSubmit={(e) => void submit(e)}>
        <label>
          {t('admin.customers.customer.name')}
          <input value={name} onChange={(e) => setName(e.target.value)} data-testid="customers-new-name" />
        </label>
        <label>
          {t('admin.customers.customer.id')}
          <input value={id} onChange={(e) => setId(e.target.value)} data-testid="customers-new-id" />
          <span className="muted small">{t('admin.customers.customer.idHint')}</span>
        </label>
        {error !== null && <ErrorNotice error={error} testId="customers-new-error" />}
        {done !== null && (
          <p role="status" data-testid="customers-new-done">
            {t('admin.customers.customer.created', { id: done.id, name: done.name })}
          </p>
        )}
        <div className="row-actions">
          <button type="submit" disabled={busy} data-testid="customers-new-submit">
            {t('admin.console.create')}
          </button>
        </div>
      </form>
    </Section>
  );
}

export function CustomerRecord({ id }: { id: string }) {
  const { t, locale } = useT();
  const [customer, setCustomer] = useState<CustomerSummary | null>(null);
  const [name, setName] = useState('');
  const [error, setError] = useState<ShownError | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    let current = true;
    adminCall('adminCustomer', { params: { id } }).then(
      (c) => {
        if (!current) return;
        setCustomer(c);
        setName(c.name);
      },
      (e: unknown) => {
        if (current) setError(toShownError(e));
      },
    );
    return () => {
      current = false;
    };
  }, [id]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const checked = checkForm(CustomerChangeSchema, { name }, locale);
    if (!checked.ok) {
      setError(checked.error);
      return;
    }
    try {
      setCustomer(await adminCall('adminUpdateCustomer', { params: { id }, body: checked.value }));
      setError(null);
      setSaved(true);
    } catch (failure) {
      setError(toShownError(failure));
    }
  };

  return (
    <Section title={customer?.name ?? id} testId="customers-record">
      <p>
        <a href={hrefOf({ name: 'console', area: 'customers' })}>{t('admin.console.backToList')}</a>
      </p>
      {customer === null && error === null && <Pending what={id} />}
      {customer !== null && (
        <dl className="facts">
          <dt>{t('admin.customers.customer.id')}</dt>
          <dd translate="no">{customer.id}</dd>
          <dt>{t('admin.customers.customer.contracts')}</dt>
          <dd>{customer.contracts}</dd>
          <dt>{t('admin.customers.customer.accounts')}</dt>
          <dd>
            <a href={hrefOf({ name: 'console', area: 'accounts' })}>{customer.accounts}</a>
          </dd>
          <dt>{t('admin.customers.customer.systems')}</dt>
          <dd>{customer.systems}</dd>
        </dl>
      )}
      {customer !== null && (
        <form className="form" onSubmit={(e) => void submit(e)}>
          <h3>{t('admin.customers.customer.editTitle')}</h3>
          <label>
            {t('admin.customers.customer.name')}
            <input value={name} onChange={(e) => setName(e.target.value)} data-testid="customers-record-name" />
          </label>
          <div className="row-actions">
            <button type="submit" data-testid="customers-record-save">
              {t('admin.console.save')}
            </button>
          </div>
        </form>
      )}
      {error !== null && <ErrorNotice error={error} testId="customers-record-error" />}
      {saved && (
        <p role="status" data-testid="customers-record-saved">
          {t('admin.console.saved')}
        </p>
      )}
    </Section>
  );
}
