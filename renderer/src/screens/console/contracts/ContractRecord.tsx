/** One contract: its facts with where its start came from, its systems, its chain, and the forms that change it. */
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import {
  ContractRenewSchema,
  ContractUpdateSchema,
  TierChangeSchema,
  type AdminContract,
} from '../../../../../shared/contracts/admin/contracts.js';
import { startSentence } from '../../../../../shared/domain/contract-start.js';
import { tierShortName, type Tier } from '../../../../../shared/domain/contract.js';
import { ErrorNotice } from '../../../components/ErrorNotice.js';
import { Pending, Section } from '../../../components/Section.js';
import { adminCall } from '../../../console/admin-call.js';
import { useT } from '../../../i18n/index.js';
import { toShownError, type ShownError } from '../../../lib/errors.js';
import { checked } from './form.js';

export function ContractRecord({ id }: { id: string }) {
  const { t, locale } = useT();
  const [contract, setContract] = useState<AdminContract | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  useEffect(() => {
    adminCall('adminContract', { params: { id } }).then(setContract, (e: unknown) => setError(toShownError(e)));
  }, [id]);
  if (error !== null && contract === null) return <ErrorNotice error={error} testId="contracts-record-error" />;
  if (contract === null) return <Pending what={id} />;
  const started = startSentence(contract);
  const fact = (label: string, value: ReactNode, testId?: string) => (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </>
  );
  return (
    <Section title={contract.id} testId="contracts-record">
      <p>
        <a href="#/console/contracts">{t('admin.console.backToList')}</a>
      </p>
      <h3>{t('admin.contracts.record.facts')}</h3>
      <dl className="facts">
        {fact(t('admin.contracts.field.customer'), <span translate="no">{contract.customerName}</span>)}
        {fact(t('admin.contracts.field.tier'), tierShortName(contract.tier, locale), 'contracts-record-tier')}
        {fact(t('admin.contracts.field.status'), t(`app.overview.contract.status.${contract.status}`))}
        {fact(
          t('admin.contracts.field.period'),
          t('admin.contracts.periodValue', { startDate: contract.startDate, endDate: contract.endDate }),
        )}
        {fact(t('admin.contracts.field.basis'), t(started.key, started.params), 'contracts-record-start')}
        {fact(t('admin.contracts.field.daysLeft'), contract.daysLeft)}
        {fact(t('admin.contracts.field.region'), <span translate="no">{contract.region}</span>)}
        {fact(t('admin.contracts.field.timeZone'), <span translate="no">{contract.timeZone}</span>)}
        {fact(
          t('admin.contracts.field.licensed'),
          <span translate="no">
            {Object.entries(contract.licensedMajors)
              .map(([p, m]) => `${p}=${m}`)
              .join(', ')}
          </span>,
        )}
      </dl>
      <h3>{t('admin.contracts.record.systems')}</h3>
      {contract.systems.length === 0 ? (
        <p className="muted">{t('admin.contracts.record.noSystems')}</p>
      ) : (
        <table className="table compact" data-testid="contracts-record-systems">
          <thead>
            <tr>
              <th scope="col">{t('admin.contracts.record.serial')}</th>
              <th scope="col">{t('admin.contracts.record.product')}</th>
              <th scope="col">{t('admin.contracts.record.location')}</th>
            </tr>
          </thead>
          <tbody>
            {contract.systems.map((s) => (
              <tr key={s.serialNumber}>
                <th scope="row" translate="no">
                  {s.serialNumber}
                </th>
                <td translate="no">{s.product}</td>
                <td translate="no">{s.location}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('admin.contracts.record.chain')}</h3>
      <p className="muted small">{t('admin.contracts.record.chainHint')}</p>
      <ol data-testid="contracts-record-chain">
        {contract.chain.map((c) => {
          const s = startSentence({ ...c, timeZone: contract.timeZone });
          return (
            <li key={c.id}>
              <a href={`#/console/contracts/${encodeURIComponent(c.id)}`} translate="no">
                {c.id}
              </a>{' '}
              {tierShortName(c.tier, locale)} · {t(s.key, s.params)}
              {c.id === contract.id && <strong> ({t('admin.contracts.record.thisOne')})</strong>}
            </li>
          );
        })}
      </ol>
      <ContractForms contract={contract} onChanged={setContract} />
    </Section>
  );
}

function ContractForms({ contract, onChanged }: { contract: AdminContract; onChanged: (c: AdminContract) => void }) {
  const { t, locale } = useT();
  const [endDate, setEndDate] = useState(contract.endDate);
  const [renewId, setRenewId] = useState('');
  const [renewEnd, setRenewEnd] = useState('');
  const [tier, setTier] = useState<Tier>(contract.tier === 'support' ? 'upgrade-support' : 'support');
  const [on, setOn] = useState('');
  const [newId, setNewId] = useState('');
  const [error, setError] = useState<ShownError | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const run = (work: () => Promise<string>) => async (e: FormEvent) => {
    e.preventDefault();
    try {
      setDone(await work());
      setError(null);
    } catch (caught) {
      setDone(null);
      setError(toShownError(caught));
    }
  };
  const update = run(async () => {
    const body = checked(ContractUpdateSchema, { endDate }, locale);
    onChanged(await adminCall('adminContractUpdate', { params: { id: contract.id }, body }));
    return t('admin.console.saved');
  });
  const renew = run(async () => {
    const body = checked(ContractRenewSchema, { id: renewId.trim(), endDate: renewEnd }, locale);
    const renewed = await adminCall('adminContractRenew', { params: { id: contract.id }, body });
    window.location.hash = `#/console/contracts/${encodeURIComponent(renewed.id)}`;
    return t('admin.contracts.record.renewed', { id: renewed.id });
  });
  const changeTier = run(async () => {
    const given = { tier, on, ...(newId.trim() === '' ? {} : { id: newId.trim() }) };
    const body = checked(TierChangeSchema, given, locale);
    const next = await adminCall('adminContractChangeTier', { params: { id: contract.id }, body });
    window.location.hash = `#/console/contracts/${encodeURIComponent(next.id)}`;
    return t('admin.contracts.record.changed', { id: next.id });
  });

  return (
    <>
      {error !== null && <ErrorNotice error={error} testId="contracts-record-form-error" />}
      {done !== null && (
        <p role="status" data-testid="contracts-record-done">
          {done}
        </p>
      )}
      <form className="form card" onSubmit={(e) => void update(e)} data-testid="contracts-update">
        <h3>{t('admin.contracts.record.update')}</h3>
        <p className="muted small">{t('admin.contracts.record.updateHint')}</p>
        <label>
          {t('admin.contracts.field.endDate')}
          <input
            type="date"
            value={endDate}
            onChange={(e) => setEndDate(e.target.value)}
            data-testid="contracts-update-end"
          />
        </label>
        <button type="submit" data-testid="contracts-update-submit">
          {t('admin.console.save')}
        </button>
      </form>
      <form className="form card" onSubmit={(e) => void renew(e)} data-testid="contracts-renew">
        <h3>{t('admin.contracts.record.renew')}</h3>
        <p className="muted small">{t('admin.contracts.record.renewHint')}</p>
        <label>
          {t('admin.contracts.record.newId')}
          <input value={renewId} onChange={(e) => setRenewId(e.target.value)} data-testid="contracts-renew-id" />
        </label>
        <label>
          {t('admin.contracts.field.endDate')}
          <input
            type="date"
            value={renewEnd}
            onChange={(e) => setRenewEnd(e.target.value)}
            data-testid="contracts-renew-end"
          />
        </label>
        <button type="submit" data-testid="contracts-renew-submit">
          {t('admin.contracts.record.renew')}
        </button>
      </form>
      <form className="form card" onSubmit={(e) => void changeTier(e)} data-testid="contracts-tier">
        <h3>{t('admin.contracts.record.changeTier')}</h3>
        <p className="muted small">{t('admin.contracts.record.changeTierHint')}</p>
        <label>
          {t('admin.contracts.field.tier')}
          <select value={tier} onChange={(e) => setTier(e.target.value as Tier)} data-testid="contracts-tier-tier">
            <option value="support">{tierShortName('support', locale)}</option>
            <option value="upgrade-support">{tierShortName('upgrade-support', locale)}</option>
          </select>
        </label>
        <label>
          {t('admin.contracts.record.changeOn')}
          <input type="date" value={on} onChange={(e) => setOn(e.target.value)} data-testid="contracts-tier-on" />
        </label>
        <label>
          {t('admin.contracts.record.newId')}
          <input
            value={newId}
            placeholder={t('admin.contracts.record.newIdHint')}
            onChange={(e) => setNewId(e.target.value)}
            data-testid="contracts-tier-id"
          />
        </label>
        <button type="submit" data-testid="contracts-tier-submit">
          {t('admin.contracts.record.changeTier')}
        </button>
      </form>
    </>
  );
}
