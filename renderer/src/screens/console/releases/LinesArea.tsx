/** The product lines with their lifecycle dates, and the form that sets one line's dates (and re-signs it). */
import { useState, type FormEvent } from 'react';
import { LineSetBodySchema, type LineView } from '../../../../../shared/contracts/admin/releases.js';
import { ErrorNotice } from '../../../components/ErrorNotice.js';
import { Section } from '../../../components/Section.js';
import { adminCall } from '../../../console/admin-call.js';
import { useT } from '../../../i18n/index.js';
import { toShownError, type ShownError } from '../../../lib/errors.js';
import { PagedList } from '../PagedList.js';
import { refusalOf } from '../regions/schema-error.js';
import { phaseKey } from './release-id.js';
import { useProducts } from './ReleasesArea.js';

/** How long the portal may wait for the signer to re-sign the line before answering with the queued job. */
const SIGNER_WAIT_SECONDS = 10;

export function LinesArea() {
  const { t } = useT();
  const products = useProducts();
  const [product, setProduct] = useState('');
  const [editing, setEditing] = useState<LineView | null>(null);
  const [reload, setReload] = useState(0);
  return (
    <Section title={t('admin.releases.linesTitle')} testId="releases-lines">
      <label className="inline-field">
        <span>{t('admin.releases.filterProduct')}</span>
        <select value={product} onChange={(e) => setProduct(e.target.value)} data-testid="releases-lines-product">
          <option value="">{t('admin.releases.allProducts')}</option>
          {products.map((p) => (
            <option key={p} value={p} translate="no">
              {p}
            </option>
          ))}
        </select>
      </label>
      <PagedList
        testId="releases-lines-list"
        reloadKey={`${product}|${reload}`}
        searchPlaceholder={t('admin.releases.searchPlaceholder')}
        load={(query) => adminCall('adminLines', { query: { ...query, ...(product === '' ? {} : { product }) } })}
        keyOf={(l) => `${l.product}@${l.major}`}
        columns={[
          {
            header: t('admin.releases.line'),
            rowHeader: true,
            cell: (l) => <span translate="no">{`${l.product} ${l.major}.x`}</span>,
          },
          { header: t('admin.releases.ga'), cell: (l) => l.ga },
          { header: t('admin.releases.endOfMaintenance'), cell: (l) => l.endOfMaintenance ?? t('admin.releases.none') },
          { header: t('admin.releases.endOfService'), cell: (l) => l.endOfService ?? t('admin.releases.none') },
          { header: t('admin.releases.phase'), cell: (l) => t(`admin.releases.phases.${phaseKey(l.phase)}`) },
          { header: t('admin.releases.releaseCount'), cell: (l) => l.releases },
          {
            header: t('admin.releases.editColumn'),
            cell: (l) => (
              <button
                type="button"
                className="secondary"
                onClick={() => setEditing(l)}
                data-testid="releases-lines-edit"
                aria-label={t('admin.releases.editLine', { product: l.product, major: l.major })}
              >
                {t('admin.releases.edit')}
              </button>
            ),
          },
        ]}
      />
      {editing !== null && (
        <LineForm key={`${editing.product}@${editing.major}`} line={editing} onSaved={() => setReload((n) => n + 1)} />
      )}
    </Section>
  );
}

function LineForm({ line, onSaved }: { line: LineView; onSaved: () => void }) {
  const { t } = useT();
  const [ga, setGa] = useState(line.ga);
  const [endOfMaintenance, setEndOfMaintenance] = useState(line.endOfMaintenance ?? '');
  const [endOfService, setEndOfService] = useState(line.endOfService ?? '');
  const [error, setError] = useState<ShownError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const body = {
      ga: ga.trim(),
      ...(endOfMaintenance.trim() === '' ? {} : { endOfMaintenance: endOfMaintenance.trim() }),
      ...(endOfService.trim() === '' ? {} : { endOfService: endOfService.trim() }),
      waitSeconds: SIGNER_WAIT_SECONDS,
    };
    const refused = refusalOf(LineSetBodySchema, body);
    if (refused !== null) {
      setError(refused);
      return;
    }
    adminCall('adminLineSet', { params: { product: line.product, major: String(line.major) }, body }).then(
      (r) => {
        setError(null);
        setDone(
          r.state === 'done'
            ? t('admin.releases.lineSaved', { product: line.product, major: line.major, resigned: r.resigned })
            : t('admin.releases.lineQueued', { product: line.product, major: line.major, job: r.job }),
        );
        onSaved();
      },
      (err: unknown) => setError(toShownError(err)),
    );
  };
  return (
    <form className="form card" onSubmit={submit} data-testid="releases-line-form">
      <h3>{t('admin.releases.editLine', { product: line.product, major: line.major })}</h3>
      <label>
        {t('admin.releases.ga')}
        <input type="date" value={ga} onChange={(e) => setGa(e.target.value)} data-testid="releases-line-ga" />
      </label>
      <label>
        {t('admin.releases.endOfMaintenance')}
        <input
          type="date"
          value={endOfMaintenance}
          onChange={(e) => setEndOfMaintenance(e.target.value)}
          data-testid="releases-line-eom"
        />
      </label>
      <label>
        {t('admin.releases.endOfService')}
        <input
          type="date"
          value={endOfService}
          onChange={(e) => setEndOfService(e.target.value)}
          data-testid="releases-line-eos"
        />
      </label>
      {error !== null && <ErrorNotice error={error} testId="releases-line-error" />}
      {done !== null && (
        <p role="status" data-testid="releases-line-done">
          {done}
        </p>
      )}
      <button type="submit" data-testid="releases-line-submit">
        {t('admin.releases.save')}
      </button>
    </form>
  );
}
