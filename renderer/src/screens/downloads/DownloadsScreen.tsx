/** Downloads: what is in flight or done (with verification), the bulk picker for IT staff, and the contract's download records for its administrator. */
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Pending, Section } from '../../components/Section.js';
import { RetryError } from '../../components/RetryError.js';
import { useT } from '../../i18n/index.js';
import { useDownloads } from '../../state/downloads.js';
import { useResource } from '../../state/resource.js';
import { updatesResource } from '../../state/resources.js';
import { useSession } from '../../state/session.js';
import { BulkDownload } from './BulkDownload.js';
import { DownloadRecords } from './DownloadRecords.js';
import { DownloadRow } from './DownloadRow.js';
import { DownloadFolder } from './DownloadFolder.js';
import { hrefOf } from '../../lib/routes.js';
import { useState } from 'react';

export function DownloadsScreen() {
  const { t } = useT();
  const { byId, error, loaded } = useDownloads();
  const updates = useResource(updatesResource);
  const { role } = useSession();
  const list = [...byId.values()].reverse();
  const active = list.filter((d) => d.state === 'downloading' || d.state === 'verifying').length;
  const [folder, setFolder] = useState<string | null>(null);

  const downloads = (
    <Section title={t('app.downloads.heading')} testId="downloads" key="downloads">
      {error !== null && <ErrorNotice error={error} />}
      {!loaded && <Pending what={t('app.downloads.pending')} />}
      {loaded && list.length === 0 && <p className="muted">{t('app.downloads.nothingYet')}</p>}
      <p className="visually-hidden" aria-live="polite">
        {active > 0 ? t('app.downloads.activeCount', { count: active }) : ''}
      </p>
      <ul className="downloads">
        {list.map((d) => (
          <DownloadRow key={d.id} download={d} />
        ))}
      </ul>
    </Section>
  );
  const bulk = (
    <Section title={t('app.downloads.bulkHeading')} testId="bulk" key="bulk">
      <p className="muted small">{t('app.downloads.bulkIntro')}</p>
      {updates.error !== null && (
        <RetryError
          error={updates.error}
          busy={updates.loading}
          onRetry={() => void updates.refresh()}
          label={t('app.downloads.checkAgain')}
        />
      )}
      {updates.data === null && updates.error === null ? (
        <Pending what={t('app.downloads.pendingReleases')} />
      ) : (
        updates.data !== null && <BulkDownload resolutions={updates.data.resolutions} folder={folder} />
      )}
    </Section>
  );
  const folderSection = (
    <Section title={t('app.downloads.folder.heading')} testId="download-folder-section" key="folder">
      <p className="muted small">{t('app.downloads.folder.intro')}</p>
      <DownloadFolder onChange={(view) => setFolder(view.folder)} />
    </Section>
  );
  return (
    <div className="screen" data-testid="downloads-screen">
      <h2 className="screen-title">{t('app.downloads.title')}</h2>
      <p className="screen-links">
        <a href={hrefOf({ name: 'bundle-import' })} className="button-link secondary" data-testid="import-bundle-link">
          {t('app.downloads.importLink')}
        </a>{' '}
        <span className="muted small">{t('app.downloads.importHint')}</span>
      </p>
      {role === 'it-staff' ? [bulk, folderSection, downloads] : [downloads, bulk, folderSection]}
      {role === 'customer-admin' && (
        <Section title={t('app.downloads.recordsHeading')} testId="download-records-section">
          <DownloadRecords />
        </Section>
      )}
    </div>
  );
}
