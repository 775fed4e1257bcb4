/**
 * The back office's covered systems: one row per system and contract, filtered by customer or contract, a form to
 * add a system to a contract, and one system's record to move it or retire it.
 */
import { useEffect, useState, type FormEvent } from 'react';
import {
  NewSystemSchema,
  SystemMoveSchema,
  SystemRetireSchema,
  type AdminSystem,
  type SystemRecord,
} from '../../../../../shared/contracts/admin/customers.js';
import { ErrorNotice } from '../../../components/ErrorNotice.js';
import { Pending, Section } from '../../../components/Section.js';
import { adminCall } from '../../../console/admin-call.js';
import { useT } from '../../../i18n/index.js';
import { toShownError, type ShownError } from '../../../lib/errors.js';
import { formatDateTime } from '../../../lib/format.js';
import { hrefOf } from '../../../lib/routes.js';
import { PagedList } from '../PagedList.js';
import { checkForm, given } from './form-check.js';

function SystemStatus({ system }: { system: Pick<AdminSystem, 'retiredAt'> }) {
  const { t } = useT();
  return system.retiredAt === null ? (
    <>{t('admin.customers.system.covered')}</>
  ) : (
    <>{t('admin.customers.system.retiredSince', { at: formatDateTime(system.retiredAt) })}</>
  );
}

export function SystemsList() {
  const { t } = useT();
  const [customerId, setCustomerId] = useState('');
  const [contractId, setContractId] = useState('');
  const [reload, setReload] = useState(0);
  return (
    <>
      <Section title={t('admin.customers.system.title')} testId="systems">
        <p className="muted small">{t('admin.customers.system.hint')}</p>
        <div className="row-actions">
          <label className="inline-field">
            <span>{t('admin.customers.system.customerId')}</span>
            <input
              value={customerId}
              onChange={(e) => setCustomerId(e.target.value)}
              data-testid="systems-filter-customer"
            />
          </label>
          <label className="inline-field">
            <span>{t('admin.customers.system.contractId')}</span>
            <input
              value={contractId}
              onChange={(e) => setContractId(e.target.value)}
              data-testid="systems-filter-contract"
            />
          </label>
        </div>
        <PagedList
          testId="systems-list"
          reloadKey={`${reload}/${customerId.trim()}/${contractId.trim()}`}
          searchPlaceholder={t('admin.customers.system.searchPlaceholder')}
          load={(query) =>
            adminCall('adminSystems', {
              query: {
                ...query,
                ...(given(customerId) === undefined ? {} : { customerId: customerId.trim() }),
                ...(given(contractId) === undefined ? {} : { contractId: contractId.trim() }),
              },
            })
          }
          keyOf={(s) => `${s.serialNumber}/${s.contractId}`}
          columns={[
            {
              header: t('admin.customers.system.serial'),
              rowHeader: true,
              cell: (s) => (
                <a href={hrefOf({ name: 'console', area: 'systems', id: s.serialNumber })} translate="no">
                  {s.serialNumber}
                </a>
              ),
            },
            { header: t('admin.customers.system.product'), cell: (s) => <span translate="no">{s.product}</span> },
            { header: t('admin.customers.system.location'), cell: (s) => <span translate="no">{s.location}</span> },
            { header: t('admin.customers.system.contract'), cell: (s) => <code translate="no">{s.contractId}</code> },
            { header: t('admin.customers.system.customer'), cell: (s) => <span translate="no">{s.customerName}</span> },
            {
              header: t('admin.customers.system.installed'),
              cell: (s) =>
                s.installedVersion === null ? (
                  <span className="muted">{t('admin.customers.system.unknownVersion')}</span>
                ) : (
                  <span translate="no">{s.installedVersion}</span>
                ),
            },
            { header: t('admin.customers.system.status'), cell: (s) => <SystemStatus system={s} /> },
          ]}
        />
      </Section>
      <NewSystemForm onAdded={() => setReload((n) => n + 1)} />
    </>
  );
}

function NewSystemForm({ onAdded }: { onAdded: () => void }) {
  const { t, locale } = useT();
  const [contractId, setContractId] = useState('');
  const [serialNumber, setSerial] = useState('');
  const [product, setProduct] = useState('');
  const [location, setLocation] = useState('');
  const [installedVersion, setInstalled] = useState('');
  const [error, setError] = useState<ShownError | null>(null);
  const [added, setAdded] = useState<SystemRecord | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = checkForm(
      NewSystemSchema,
      {
        contractId: contractId.trim(),
        serialNumber: serialNumber.trim(),
        product: product.trim(),
        location,
        installedVersion: given(installedVersion),
      },
      locale,
    );
    if (!checked.ok) {
      setError(checked.error);
      return;
    }
    try {
      setAdded(await adminCall('adminAddSystem', { body: checked.value }));
      setError(null);
      setSerial('');
      setInstalled('');
      onAdded();
    } catch (failure) {
      setError(toShownError(failure));
    }
  };

  const field = (label: string, value: string, set: (v: string) => void, testId: string) => (
    <label>
      {label}
      <input value={value} onChange={(e) => set(e.target.value)} data-testid={testId} />
    </label>
  );

  return (
    <Section title={t('admin.customers.system.newTitle')} testId="systems-new">
      <form className="form" onSubmit={(e) => void submit(e)}>
        {field(t('admin.customers.system.contractId'), contractId, setContractId, 'systems-new-contract')}
        {field(t('admin.customers.system.serial'), serialNumber, setSerial, 'systems-new-serial')}
        {field(t('admin.customers.system.product'), product, setProduct, 'systems-new-product')}
        {field(t('admin.customers.system.location'), location, setLocation, 'systems-new-location')}
        {field(t('admin.customers.system.installed'), installedVersion, setInstalled, 'systems-new-installed')}
        {error !== null && <ErrorNotice error={error} testId="systems-new-error" />}
        {added !== null && (
          <p role="status" data-testid="systems-new-done">
            {t('admin.customers.system.added', {
              serial: added.serialNumber,
              contract: added.contracts.at(-1)?.contractId ?? '',
            })}
          </p>
        )}
        <div className="row-actions">
          <button type="submit" data-testid="systems-new-submit">
            {t('admin.console.create')}
          </button>
        </div>
      </form>
    </Section>
  );
}

export function SystemRecordScreen({ id }: { id: string }) {
  const { t, locale } = useT();
  const [system, setSystem] = useState<SystemRecord | null>(null);
  const [location, setLocation] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ShownError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    adminCall('adminSystem', { params: { serialNumber: id } }).then(
      (s) => {
        if (current) setSystem(s);
      },
      (e: unknown) => {
        if (current) setError(toShownError(e));
      },
    );
    return () => {
      current = false;
    };
  }, [id]);

  const move = async (e: FormEvent) => {
    e.preventDefault();
    const checked = checkForm(SystemMoveSchema, { location }, locale);
    if (!checked.ok) {
      setError(checked.error);
      return;
    }
    try {
      const s = await adminCall('adminMoveSystem', { params: { serialNumber: id }, body: checked.value });
      setSystem(s);
      setLocation('');
      setError(null);
      setNotice(t('admin.customers.system.moved', { serial: s.serialNumber, location: s.location }));
    } catch (failure) {
      setError(toShownError(failure));
    }
  };

  const retire = async (e: FormEvent) => {
    e.preventDefault();
    const checked = checkForm(SystemRetireSchema, { reason: given(reason) }, locale);
    if (!checked.ok) {
      setError(checked.error);
      return;
    }
    try {
      const s = await adminCall('adminRetireSystem', { params: { serialNumber: id }, body: checked.value });
      setSystem(s);
      setError(null);
      setNotice(t('admin.customers.system.retired', { serial: s.serialNumber }));
    } catch (failure) {
      setError(toShownError(failure));
    }
  };

  return (
    <Section title={id} testId="systems-record">
      <p>
        <a href={hrefOf({ name: 'console', area: 'systems' })}>{t('admin.console.backToList')}</a>
      </p>
      {system === null && error === null && <Pending what={id} />}
      {system !== null && (
        <>
          <dl className="facts">
            <dt>{t('admin.customers.system.product')}</dt>
            <dd translate="no">{system.product}</dd>
            <dt>{t('admin.customers.system.location')}</dt>
            <dd translate="no" data-testid="systems-record-location">
              {system.location}
            </dd>
            <dt>{t('admin.customers.system.installed')}</dt>
            <dd translate="no">{system.installedVersion ?? t('admin.customers.system.unknownVersion')}</dd>
            <dt>{t('admin.customers.system.status')}</dt>
            <dd data-testid="systems-record-status">
              <SystemStatus system={system} />
            </dd>
            {system.retiredAt !== null && (
              <>
                <dt>{t('admin.customers.system.retiredBy')}</dt>
                <dd translate="no">{system.retiredBy}</dd>
                {system.retiredReason !== null && (
                  <>
                    <dt>{t('admin.customers.system.reason')}</dt>
                    <dd>{system.retiredReason}</dd>
                  </>
                )}
              </>
            )}
            <dt>{t('admin.customers.system.contracts')}</dt>
            <dd translate="no">{system.contracts.map((c) => `${c.contractId} (${c.customerName})`).join(', ')}</dd>
          </dl>
          <form className="form" onSubmit={(e) => void move(e)}>
            <h3>{t('admin.customers.system.moveTitle')}</h3>
            <label>
              {t('admin.customers.system.newLocation')}
              <input
                value={location}
                onChange={(e) => setLocation(e.target.value)}
                data-testid="systems-record-new-location"
              />
            </label>
            <div className="row-actions">
              <button type="submit" data-testid="systems-record-move">
                {t('admin.customers.system.move')}
              </button>
            </div>
          </form>
          {system.retiredAt === null && (
            <form className="form" onSubmit={(e) => void retire(e)}>
              <h3>{t('admin.customers.system.retireTitle')}</h3>
              <p className="muted small">{t('admin.customers.system.retireHint')}</p>
              <label>
                {t('admin.customers.system.reason')}
                <input value={reason} onChange={(e) => setReason(e.target.value)} data-testid="systems-record-reason" />
              </label>
              <div className="row-actions">
                <button type="submit" className="danger" data-testid="systems-record-retire">
                  {t('admin.customers.system.retire')}
                </button>
              </div>
            </form>
          )}
        </>
      )}
      {error !== null && <ErrorNotice error={error} testId="systems-record-error" />}
      {notice !== null && (
        <p role="status" data-testid="systems-record-notice">
          {notice}
        </p>
      )}
    </Section>
  );
}
