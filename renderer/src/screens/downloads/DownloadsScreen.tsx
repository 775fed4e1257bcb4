/** Downloads: what is in flight or done (with verification), the bulk picker for IT staff, and the contract's download records for its administrator. */
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Pending, Section } from '../../components/Section.js';
import { RetryError } from '../../components/RetryError.js';
import { useDownloads } from '../../state/downloads.js';
import { useResource } from '../../state/resource.js';
import { updatesResource } from '../../state/resources.js';
import { useSession } from '../../state/session.js';
import { BulkDownload } from './BulkDownload.js';
import { DownloadRecords } from './DownloadRecords.js';
import { DownloadRow } from './DownloadRow.js';

export function DownloadsScreen() {
  const { byId, error, loaded } = useDownloads();
  const updates = useResource(updatesResource);
  const { role } = useSession();
  const list = [...byId.values()].reverse();
  const active = list.filter((d) => d.state === 'downloading' || d.state === 'verifying').length;

  const downloads = (
    <Section title="Downloads" testId="downloads" key="downloads">
      {error !== null && <ErrorNotice error={error} />}
      {!loaded && <Pending what="downloads" />}
      {loaded && list.length === 0 && (
        <p className="muted">
          Nothing downloaded yet. Start a download from a system’s updates, or pick several releases below.
        </p>
      )}
      <p className="visually-hidden" aria-live="polite">
        {active > 0 ? `${active} downloading` : ''}
      </p>
      <ul className="downloads">
        {list.map((d) => (
          <DownloadRow key={d.id} download={d} />
        ))}
      </ul>
    </Section>
  );
  const bulk = (
    <Section title="Download several releases" testId="bulk" key="bulk">
      <p className="muted small">
        For other machines or sites without internet access: pick the releases and download them all. Each package is
        verified against the signed catalog.
      </p>
      {updates.error !== null && (
        <RetryError
          error={updates.error}
          busy={updates.loading}
          onRetry={() => void updates.refresh()}
          label="Check again"
        />
      )}
      {updates.data === null && updates.error === null ? (
        <Pending what="the releases offered for your systems" />
      ) : (
        updates.data !== null && <BulkDownload resolutions={updates.data.resolutions} />
      )}
    </Section>
  );
  return (
    <div className="screen" data-testid="downloads-screen">
      <h2 className="screen-title">Downloads</h2>
      {role === 'it-staff' ? [bulk, downloads] : [downloads, bulk]}
      {role === 'customer-admin' && (
        <Section title="Download records" testId="download-records-section">
          <DownloadRecords />
        </Section>
      )}
    </div>
  );
}
