/** The contracts list, searchable and filtered by status, with the form that creates one by its start basis. */
import { useState, type FormEvent } from 'react';
import type { ContractRow } from '../../../../../shared/contracts/admin/contracts.js';
import { startSentence } from '../../../../../shared/domain/contract-start.js';
import { tierShortName } from '../../../../../shared/domain/contract.js';
import { ErrorNotice } from '../../../components/ErrorNotice.js';
import { Section } from '../../../components/Section.js';
import { adminCall } from '../../../console/admin-call.js';
import { useT } from '../../../i18n/index.js';
import { toShownError, type ShownError } from '../../../lib/errors.js';
import { PagedList } from '../PagedList.js';
import { checkedCreate, parseLicensed, type BasisChoice, type CreateForm } from './form.js';

const STATUSES = ['pending', 'active', 'expiring', 'expired'] as const;

export function ContractsArea() {
  const { t, locale } = useT();
  const [status, setStatus] = useState('');
  const [reload, setReload] = useState(0);
  return (
    <Section title={t('admin.contracts.title')} testId="contracts">
      <p className="muted small">{t('admin.contracts.hint')}</p>
      <label className="inline-field">
        <span>{t('admin.contracts.filterStatus')}</span>
        <select value={status} onChange={(e) => setStatus(e.target.value)} data-testid="contracts-status-filter">
          <option value="">{t('admin.contracts.anyStatus')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`app.overview.contract.status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <PagedList<ContractRow>
        testId="contracts-list"
        reloadKey={`${status}|${reload}`}
        load={(query) =>
          adminCall('adminContracts', {
            query: { ...query, ...(status === '' ? {} : { status: status as (typeof STATUSES)[number] }) },
          })
        }
        keyOf={(c) => c.id}
        columns={[
          {
            header: t('admin.contracts.field.id'),
            rowHeader: true,
            cell: (c) => (
              <a href={`#/console/contracts/${encodeURIComponent(c.id)}`} translate="no" data-testid="contracts-open">
                {c.id}
              </a>
            ),
          },
          { header: t('admin.contracts.field.customer'), cell: (c) => <span translate="no">{c.customerName}</span> },
          { header: t('admin.contracts.field.tier'), cell: (c) => tierShortName(c.tier, locale) },
          { header: t('admin.contracts.field.status'), cell: (c) => t(`app.overview.contract.status.${c.status}`) },
          { header: t('admin.contracts.field.daysLeft'), cell: (c) => c.daysLeft },
          {
            header: t('admin.contracts.field.basis'),
            cell: (c) => {
              const s = startSentence(c);
              return <span className="small">{t(s.key, s.params)}</span>;
            },
          },
        ]}
      />
      <CreateContract onCreated={() => setReload((n) => n + 1)} />
    </Section>
  );
}

const EMPTY: CreateForm = {
  id: '',
  customerId: '',
  tier: 'support',
  region: '',
  timeZone: 'UTC',
  endDate: '',
  basis: 'purchase-order',
  start: '',
  shippedOn: '',
  installationServices: false,
  pacOn: '',
  renews: '',
  licensed: '',
};

function CreateContract({ onCreated }: { onCreated: () => void }) {
  const { t, locale } = useT();
  const [form, setForm] = useState<CreateForm>(EMPTY);
  const [error, setError] = useState<ShownError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const set = <K extends keyof CreateForm>(name: K, value: CreateForm[K]) => setForm((f) => ({ ...f, [name]: value }));
  const text = (
    name: 'id' | 'customerId' | 'region' | 'timeZone' | 'endDate' | 'start' | 'shippedOn' | 'pacOn' | 'renews',
    label: string,
    type = 'text',
  ) => (
    <label>
      {label}
      <input
        type={type}
        value={form[name]}
        onChange={(e) => set(name, e.target.value)}
        data-testid={`contracts-create-${name}`}
      />
    </label>
  );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const licensed = parseLicensed(form.licensed);
    if (licensed === null) {
      setError({ message: t('admin.contracts.form.badLicensed') });
      return;
    }
    try {
      const body = checkedCreate(form, licensed, locale);
      const created = await adminCall('adminContractCreate', { body });
      setError(null);
      setForm(EMPTY);
      setDone(created.id);
      onCreated();
    } catch (caught) {
      setError(toShownError(caught));
    }
  };

  const basis = (value: BasisChoice, label: string) => (
    <label className="inline">
      <input
        type="radio"
        name="contracts-basis"
        checked={form.basis === value}
        onChange={() => set('basis', value)}
        data-testid={`contracts-create-basis-${value}`}
      />
      {label}
    </label>
  );

  return (
    <form className="form card" onSubmit={(e) => void submit(e)} data-testid="contracts-create">
      <h3>{t('admin.contracts.form.title')}</h3>
      {text('id', t('admin.contracts.field.id'))}
      {text('customerId', t('admin.contracts.field.customerId'))}
      <label>
        {t('admin.contracts.field.tier')}
        <select value={form.tier} onChange={(e) => set('tier', e.target.value)} data-testid="contracts-create-tier">
          <option value="support">{tierShortName('support', locale)}</option>
          <option value="upgrade-support">{tierShortName('upgrade-support', locale)}</option>
        </select>
      </label>
      {text('region', t('admin.contracts.field.region'))}
      {text('timeZone', t('admin.contracts.field.timeZone'))}
      <fieldset>
        <legend>{t('admin.contracts.form.basis')}</legend>
        {basis('purchase-order', t('admin.contracts.form.basisPurchaseOrder'))}
        {basis('shipment', t('admin.contracts.form.basisShipment'))}
        {basis('renewal', t('admin.contracts.form.basisRenewal'))}
      </fieldset>
      {form.basis === 'purchase-order' && text('start', t('admin.contracts.form.start'), 'date')}
      {form.basis === 'shipment' && (
        <>
          {text('shippedOn', t('admin.contracts.form.shippedOn'), 'date')}
          <label className="inline">
            <input
              type="checkbox"
              checked={form.installationServices}
              onChange={(e) => set('installationServices', e.target.checked)}
              data-testid="contracts-create-installationServices"
            />
            {t('admin.contracts.form.installationServices')}
          </label>
          {form.installationServices && text('pacOn', t('admin.contracts.form.pacOn'), 'date')}
        </>
      )}
      {form.basis === 'renewal' && text('renews', t('admin.contracts.form.renews'))}
      {text('endDate', t('admin.contracts.field.endDate'), 'date')}
      <label>
        {t('admin.contracts.field.licensed')}
        <textarea
          value={form.licensed}
          placeholder={t('admin.contracts.field.licensedHint')}
          onChange={(e) => set('licensed', e.target.value)}
          data-testid="contracts-create-licensed"
        />
      </label>
      {error !== null && <ErrorNotice error={error} testId="contracts-create-error" />}
      {done !== null && (
        <p role="status" data-testid="contracts-create-done">
          {t('admin.contracts.form.created', { id: done })}
        </p>
      )}
      <div className="row-actions">
        <button type="submit" data-testid="contracts-create-submit">
          {t('admin.console.create')}
        </button>
      </div>
    </form>
  );
}
