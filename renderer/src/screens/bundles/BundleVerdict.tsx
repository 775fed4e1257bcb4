/** A bundle as verified offline: as of when, until when, by which portal for which contract and systems, and its packages. */
import type { BundleVerdictViewData } from '../../../../shared/contracts/app-views.js';
import { formatInstantDate } from '../../../../shared/i18n/format.js';
import { useT } from '../../i18n/index.js';
import { formatBytes, productLabel } from '../../lib/format.js';

export function BundleVerdict({ verdict }: { verdict: BundleVerdictViewData }) {
  const { t, locale } = useT();
  return (
    <div data-testid="bundle-verdict">
      <p className="notice notice-ok" role="status" data-testid="bundle-verified">
        <strong>✔ {t('app.bundles.import.verifiedAsOf', { date: formatInstantDate(locale, verdict.issuedAt) })}</strong>
        {', '}
        {t('app.bundles.import.validUntil', { date: formatInstantDate(locale, verdict.validUntil) })}
      </p>
      <dl className="facts">
        <dt>{t('app.bundles.import.portal')}</dt>
        <dd>{verdict.portal}</dd>
        <dt>{t('app.bundles.import.contract')}</dt>
        <dd>{verdict.contract}</dd>
        <dt>{t('app.bundles.import.systems')}</dt>
        <dd>{verdict.serials.join(', ')}</dd>
      </dl>
      <table className="table" data-testid="bundle-packages">
        <caption>{t('app.bundles.import.packagesCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('app.bundles.import.release')}</th>
            <th scope="col">{t('app.bundles.import.platform')}</th>
            <th scope="col">{t('app.bundles.import.fileName')}</th>
            <th scope="col">{t('app.bundles.import.size')}</th>
          </tr>
        </thead>
        <tbody>
          {verdict.packages.map((p) => (
            <tr key={p.target}>
              <td>
                {productLabel(p.product)} {p.version}
              </td>
              <td>{p.platform}</td>
              <td>
                <code>{p.fileName}</code>
              </td>
              <td>{formatBytes(p.length)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
