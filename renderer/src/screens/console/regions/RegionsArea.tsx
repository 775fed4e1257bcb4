/** The regions: a searchable list with each region's calendar years, and the form that creates one. */
import { useState, type FormEvent } from 'react';
import { RegionCreateSchema } from '../../../../../shared/contracts/admin/regions.js';
import { responseTableWords } from '../../../../../shared/domain/region-words.js';
import { ErrorNotice } from '../../../components/ErrorNotice.js';
import { Section } from '../../../components/Section.js';
import { adminCall } from '../../../console/admin-call.js';
import { useT } from '../../../i18n/index.js';
import { toShownError, type ShownError } from '../../../lib/errors.js';
import { formatDateTime } from '../../../lib/format.js';
import { hrefOf } from '../../../lib/routes.js';
import { PagedList } from '../PagedList.js';
import { refusalOf } from './schema-error.js';

export function RegionsArea() {
  const { t } = useT();
  const [reload, setReload] = useState(0);
  return (
    <Section title={t('admin.regions.title')} testId="regions">
      <p className="muted small">{t('admin.regions.hint')}</p>
      <PagedList
        testId="regions-list"
        reloadKey={reload}
        load={(query) => adminCall('adminRegions', { query })}
        keyOf={(r) => r.id}
        columns={[
          {
            header: t('admin.regions.id'),
            rowHeader: true,
            cell: (r) => (
              <a
                href={hrefOf({ name: 'console', area: 'regions', id: r.id })}
                translate="no"
                data-testid="regions-open"
              >
                {r.id}
              </a>
            ),
          },
          { header: t('admin.regions.name'), cell: (r) => <span translate="no">{r.name}</span> },
          {
            header: t('admin.regions.years'),
            cell: (r) => (r.years.length === 0 ? t('admin.regions.noYears') : r.years.join(' ')),
          },
          { header: t('admin.regions.contracts'), cell: (r) => r.contracts },
          { header: t('admin.regions.overrides'), cell: (r) => responseTableWords(r.responseTimes, t) },
          { header: t('admin.regions.updatedAt'), cell: (r) => formatDateTime(r.updatedAt) },
        ]}
      />
      <CreateRegion onCreated={() => setReload((n) => n + 1)} />
    </Section>
  );
}

function CreateRegion({ onCreated }: { onCreated: () => void }) {
  const { t } = useT();
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<ShownError | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const body = { id: id.trim(), name: name.trim() };
    const refused = refusalOf(RegionCreateSchema, body);
    if (refused !== null) {
      setError(refused);
      return;
    }
    adminCall('adminCreateRegion', { body }).then(
      (r) => {
        setError(null);
        setDone(t('admin.regions.create.created', { id: r.id }));
        setId('');
        setName('');
        onCreated();
      },
      (err: unknown) => setError(toShownError(err)),
    );
  };

  return (
    <form className="form card" onSubmit={submit} data-testid="regions-create">
      <h3>{t('admin.regions.create.title')}</h3>
      <label>
        {t('admin.regions.id')}
        <input value={id} onChange={(e) => setId(e.target.value)} data-testid="regions-create-id" />
        <span className="muted small">{t('admin.regions.create.idHint')}</span>
      </label>
      <label>
        {t('admin.regions.name')}
        <input value={name} onChange={(e) => setName(e.target.value)} data-testid="regions-create-name" />
      </label>
      {error !== null && <ErrorNotice error={error} testId="regions-create-error" />}
      {done !== null && (
        <p role="status" data-testid="regions-create-done">
          {done}
        </p>
      )}
      <button type="submit" data-testid="regions-create-submit">
        {t('admin.console.create')}
      </button>
    </form>
  );
}
