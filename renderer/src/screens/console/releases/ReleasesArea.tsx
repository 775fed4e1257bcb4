/** Every release, newest first: search, a product and a withdrawn filter, and each release's line and downloads. */
import { useEffect, useState } from 'react';
import { Badge } from '../../../components/Badge.js';
import { Section } from '../../../components/Section.js';
import { adminCall } from '../../../console/admin-call.js';
import { useT } from '../../../i18n/index.js';
import { formatBytes, formatDateTime } from '../../../lib/format.js';
import { hrefOf } from '../../../lib/routes.js';
import { PagedList } from '../PagedList.js';
import { phaseKey, releaseId } from './release-id.js';

type WithdrawnFilter = '' | 'yes' | 'no';

/** The products the catalog has lines for: what the product filter offers. */
export function useProducts(): string[] {
  const [products, setProducts] = useState<string[]>([]);
  useEffect(() => {
    adminCall('adminLines', { query: { limit: 100 } }).then(
      (page) => setProducts([...new Set(page.items.map((l) => l.product))].sort()),
      // Without the list the filter offers "all products" only; the releases themselves still load.
      () => setProducts([]),
    );
  }, []);
  return products;
}

export function ReleasesArea() {
  const { t } = useT();
  const products = useProducts();
  const [product, setProduct] = useState('');
  const [withdrawn, setWithdrawn] = useState<WithdrawnFilter>('');
  return (
    <Section title={t('admin.releases.title')} testId="releases">
      <p className="muted small">{t('admin.releases.hint')}</p>
      <div className="row-actions">
        <label className="inline-field">
          <span>{t('admin.releases.filterProduct')}</span>
          <select value={product} onChange={(e) => setProduct(e.target.value)} data-testid="releases-filter-product">
            <option value="">{t('admin.releases.allProducts')}</option>
            {products.map((p) => (
              <option key={p} value={p} translate="no">
                {p}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          <span>{t('admin.releases.withdrawn')}</span>
          <select
            value={withdrawn}
            onChange={(e) => setWithdrawn(e.target.value as WithdrawnFilter)}
            data-testid="releases-filter-withdrawn"
          >
            <option value="">{t('admin.releases.allReleases')}</option>
            <option value="yes">{t('admin.releases.yes')}</option>
            <option value="no">{t('admin.releases.no')}</option>
          </select>
        </label>
      </div>
      <PagedList
        testId="releases-list"
        reloadKey={`${product}|${withdrawn}`}
        searchPlaceholder={t('admin.releases.searchPlaceholder')}
        load={(query) =>
          adminCall('adminReleases', {
            query: {
              ...query,
              ...(product === '' ? {} : { product }),
              ...(withdrawn === '' ? {} : { withdrawn }),
            },
          })
        }
        keyOf={(r) => releaseId(r.product, r.version)}
        columns={[
          {
            header: t('admin.releases.version'),
            rowHeader: true,
            cell: (r) => (
              <a
                href={hrefOf({ name: 'console', area: 'releases', id: releaseId(r.product, r.version) })}
                translate="no"
                data-testid="releases-open"
              >
                {r.product} {r.version}
              </a>
            ),
          },
          { header: t('admin.releases.step'), cell: (r) => t(`admin.releases.steps.${r.step}`) },
          { header: t('admin.releases.lifecycle'), cell: (r) => t(`admin.releases.phases.${phaseKey(r.linePhase)}`) },
          { header: t('admin.releases.published'), cell: (r) => formatDateTime(r.publishedAt) },
          { header: t('admin.releases.size'), cell: (r) => formatBytes(r.size) },
          { header: t('admin.releases.downloads'), cell: (r) => r.downloads },
          {
            header: t('admin.releases.withdrawn'),
            cell: (r) =>
              r.withdrawn === null ? (
                t('admin.releases.none')
              ) : (
                <Badge tone="blocked" testId="releases-withdrawn-badge">
                  {t('admin.releases.withdrawn')}
                </Badge>
              ),
          },
        ]}
      />
    </Section>
  );
}
