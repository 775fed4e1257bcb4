/** One release: its facts, its signed builds, who downloaded it, and the forms that withdraw or restore it. */
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { WithdrawBodySchema, type ReleaseDetail } from '../../../../../shared/contracts/admin/releases.js';
import { Badge } from '../../../components/Badge.js';
import { ErrorNotice } from '../../../components/ErrorNotice.js';
import { Pending, Section } from '../../../components/Section.js';
import { adminCall } from '../../../console/admin-call.js';
import { useT } from '../../../i18n/index.js';
import { toShownError, type ShownError } from '../../../lib/errors.js';
import { formatBytes, formatDateTime } from '../../../lib/format.js';
import { refusalOf } from '../regions/schema-error.js';
import { parseReleaseId, phaseKey } from './release-id.js';

export function ReleaseRecord({ id }: { id: string }) {
  const { t } = useT();
  const named = parseReleaseId(id);
  const [release, setRelease] = useState<ReleaseDetail | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  useEffect(() => {
    if (named === null) return;
    adminCall('adminRelease', { params: named }).then(setRelease, (e: unknown) => setError(toShownError(e)));
    // `named` is read from `id`, a new object on every render.
  }, [id]);
  if (named === null) return <p className="muted">{t('admin.console.empty')}</p>;
  if (error !== null && release === null) return <ErrorNotice error={error} testId="releases-record-error" />;
  if (release === null) return <Pending what={id} />;
  const fact = (label: string, value: ReactNode, testId?: string) => (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </>
  );
  return (
    <Section title={`${release.product} ${release.version}`} testId="releases-record">
      <p>
        <a href="#/console/releases">{t('admin.console.backToList')}</a>
      </p>
      {release.withdrawn !== null && (
        <p className="notice notice-warn" role="status" data-testid="releases-record-withdrawn">
          <Badge tone="blocked">{t('admin.releases.withdrawn')}</Badge>{' '}
          {t('admin.releases.withdrawnNotice', {
            withdrawnAt: formatDateTime(release.withdrawn.at),
            by: release.withdrawn.by,
            reason: release.withdrawn.reason,
          })}
        </p>
      )}
      <dl className="facts">
        {fact(t('admin.releases.product'), <span translate="no">{release.product}</span>)}
        {fact(t('admin.releases.version'), <span translate="no">{release.version}</span>)}
        {fact(t('admin.releases.step'), t(`admin.releases.steps.${release.step}`))}
        {fact(t('admin.releases.prerelease'), release.prerelease ? t('admin.releases.yes') : t('admin.releases.no'))}
        {fact(t('admin.releases.published'), formatDateTime(release.publishedAt))}
        {fact(t('admin.releases.size'), formatBytes(release.size))}
        {fact(t('admin.releases.platforms'), <span translate="no">{release.platforms.join(', ')}</span>)}
        {fact(
          t('admin.releases.minUpgradeFrom'),
          release.minUpgradeFrom === null ? t('admin.releases.anyVersion') : release.minUpgradeFrom,
        )}
        {fact(t('admin.releases.line'), `${release.major}.x`)}
        {fact(
          t('admin.releases.lifecycle'),
          t(`admin.releases.phases.${phaseKey(release.linePhase)}`),
          'releases-record-phase',
        )}
        {release.lifecycle !== null && fact(t('admin.releases.ga'), release.lifecycle.ga)}
        {release.lifecycle !== null &&
          fact(t('admin.releases.endOfMaintenance'), release.lifecycle.endOfMaintenance ?? t('admin.releases.none'))}
        {release.lifecycle !== null &&
          fact(t('admin.releases.endOfService'), release.lifecycle.endOfService ?? t('admin.releases.none'))}
        {fact(t('admin.releases.downloads'), release.downloads, 'releases-record-downloads')}
      </dl>
      <h3>{t('admin.releases.byCustomer')}</h3>
      {release.downloadsByCustomer.length === 0 ? (
        <p className="muted">{t('admin.releases.noDownloads')}</p>
      ) : (
        <table className="table compact" data-testid="releases-record-customers">
          <thead>
            <tr>
              <th scope="col">{t('admin.releases.customer')}</th>
              <th scope="col">{t('admin.releases.downloads')}</th>
              <th scope="col">{t('admin.releases.systems')}</th>
              <th scope="col">{t('admin.releases.lastDownload')}</th>
            </tr>
          </thead>
          <tbody>
            {release.downloadsByCustomer.map((c) => (
              <tr key={c.customerId ?? ''}>
                <th scope="row" translate={c.customerName === null ? undefined : 'no'}>
                  {c.customerName ?? t('admin.releases.unknownCustomer')}
                </th>
                <td>{c.downloads}</td>
                <td>{c.systems}</td>
                <td>{formatDateTime(c.lastAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('admin.releases.targets')}</h3>
      <table className="table compact" data-testid="releases-record-targets">
        <thead>
          <tr>
            <th scope="col">{t('admin.releases.targetName')}</th>
            <th scope="col">{t('admin.releases.platform')}</th>
            <th scope="col">{t('admin.releases.size')}</th>
            <th scope="col">{t('admin.releases.sha256')}</th>
          </tr>
        </thead>
        <tbody>
          {release.targets.map((target) => (
            <tr key={target.name}>
              <th scope="row" translate="no">
                {target.name}
              </th>
              <td translate="no">{target.platform}</td>
              <td>{formatBytes(target.length)}</td>
              <td translate="no" className="small">
                {target.sha256}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {done !== null && (
        <p role="status" data-testid="releases-record-done">
          {done}
        </p>
      )}
      {release.withdrawn === null ? (
        <WithdrawForm
          release={release}
          onDone={(r) => {
            setRelease(r);
            setDone(t('admin.releases.withdrawnDone', { product: r.product, version: r.version }));
          }}
        />
      ) : (
        <RestoreForm
          release={release}
          onDone={(r) => {
            setRelease(r);
            setDone(t('admin.releases.restoredDone', { product: r.product, version: r.version }));
          }}
        />
      )}
    </Section>
  );
}

function WithdrawForm({ release, onDone }: { release: ReleaseDetail; onDone: (r: ReleaseDetail) => void }) {
  const { t } = useT();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ShownError | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = { reason: reason.trim() };
    const refused = refusalOf(WithdrawBodySchema, body);
    if (refused !== null) {
      setError(refused);
      return;
    }
    adminCall('adminReleaseWithdraw', { params: { product: release.product, version: release.version }, body }).then(
      (r) => {
        setError(null);
        setReason('');
        onDone(r);
      },
      (err: unknown) => setError(toShownError(err)),
    );
  };
  return (
    <form className="form card" onSubmit={submit} data-testid="releases-withdraw">
      <h3>{t('admin.releases.withdrawTitle')}</h3>
      <p className="muted small">{t('admin.releases.withdrawHint')}</p>
      <label>
        {t('admin.releases.reasonLabel')}
        <textarea
          value={reason}
          rows={3}
          onChange={(e) => setReason(e.target.value)}
          data-testid="releases-withdraw-reason"
        />
      </label>
      {error !== null && <ErrorNotice error={error} testId="releases-withdraw-error" />}
      <button type="submit" className="danger" data-testid="releases-withdraw-submit">
        {t('admin.releases.withdraw')}
      </button>
    </form>
  );
}

function RestoreForm({ release, onDone }: { release: ReleaseDetail; onDone: (r: ReleaseDetail) => void }) {
  const { t } = useT();
  const [error, setError] = useState<ShownError | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    adminCall('adminReleaseRestore', { params: { product: release.product, version: release.version } }).then(
      (r) => {
        setError(null);
        onDone(r);
      },
      (err: unknown) => setError(toShownError(err)),
    );
  };
  return (
    <form className="form card" onSubmit={submit} data-testid="releases-restore">
      <h3>{t('admin.releases.restoreTitle')}</h3>
      <p className="muted small">{t('admin.releases.restoreHint')}</p>
      {error !== null && <ErrorNotice error={error} testId="releases-restore-error" />}
      <button type="submit" data-testid="releases-restore-submit">
        {t('admin.releases.restore')}
      </button>
    </form>
  );
}
