/** Installing one release on one system: what will change, a confirm step, the live log, and the outcome. */
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { LogView } from '../../components/LogView.js';
import { Section } from '../../components/Section.js';
import { formatDuration, productLabel } from '../../lib/format.js';
import { useT } from '../../i18n/index.js';
import { hrefOf } from '../../lib/routes.js';
import { latestFor, useDownloads } from '../../state/downloads.js';
import { runInstall, useInstallRun } from '../../state/installs.js';
import { useResource } from '../../state/resource.js';
import { updatesResource } from '../../state/resources.js';
import { FailurePanel } from './FailurePanel.js';

export function InstallScreen({ serialNumber, targetName }: { serialNumber: string; targetName: string }) {
  const { t } = useT();
  const run = useInstallRun(serialNumber, targetName);
  const updates = useResource(updatesResource);
  const { byId } = useDownloads();
  const resolution = updates.data?.resolutions.find((r) => r.system.serialNumber === serialNumber);
  const candidate =
    resolution === undefined
      ? undefined
      : [...resolution.updates, ...resolution.upgrades].find((c) => c.target.name === targetName);
  const download = latestFor(byId, targetName);
  const outcome = run?.outcome ?? null;
  // Once installed, the release is no longer offered, so the outcome names what was installed.
  const installed = outcome?.ok === true ? outcome : null;
  const product =
    installed !== null
      ? t('app.install.release', { product: productLabel(installed.product), version: installed.toVersion })
      : candidate === undefined
        ? targetName
        : t('app.install.release', {
            product: productLabel(candidate.target.custom.product),
            version: candidate.target.custom.version,
          });
  const reason = candidate?.verdict.reasons[0];

  return (
    <div className="screen" data-testid="install-screen">
      <p className="breadcrumb">
        <a href="#/systems">{t('app.install.breadcrumbSystems')}</a> /{' '}
        <a href={hrefOf({ name: 'system', serialNumber })}>{serialNumber}</a> / {t('app.install.breadcrumbInstall')}
      </p>
      <h2 className="screen-title">
        {installed !== null
          ? t('app.install.titleInstalled', { release: product })
          : t('app.install.titleInstall', { release: product })}
      </h2>
      <Section title={t('app.install.planHeading')} testId="install-plan">
        <dl className="facts">
          <dt>{t('app.install.system')}</dt>
          <dd>
            {serialNumber}
            {resolution !== undefined && <span className="muted"> · {resolution.system.location}</span>}
          </dd>
          <dt>{t('app.install.from')}</dt>
          <dd>
            {installed !== null
              ? (installed.fromVersion ?? t('app.install.nothingInstalled'))
              : (resolution?.system.installedVersion ?? t('app.install.nothingInstalled'))}
          </dd>
          <dt>{t('app.install.to')}</dt>
          <dd>{installed?.toVersion ?? candidate?.target.custom.version ?? targetName}</dd>
          {installed === null && (
            <>
              <dt>{t('app.install.package')}</dt>
              <dd>
                <code>{targetName}</code>
                {download?.state === 'done' && download.verified && (
                  <span className="ok-text">{t('app.install.downloadedVerified')}</span>
                )}
              </dd>
            </>
          )}
        </dl>
        {candidate !== undefined && !candidate.verdict.allowed && (
          <ErrorNotice
            error={
              reason === undefined
                ? { message: t('app.install.notIncluded') }
                : { message: reason.message, remedy: reason.remedy, key: reason.key, params: reason.params }
            }
          />
        )}
        {installed === null && (
          <div className="buttons">
            <button
              type="button"
              onClick={() => void runInstall(serialNumber, targetName)}
              disabled={run?.state === 'running'}
              data-testid="start-install"
            >
              {run === undefined
                ? t('app.install.start')
                : run.state === 'running'
                  ? t('app.install.installing')
                  : t('app.install.tryAgain')}
            </button>
            <span className="muted small">
              {candidate === undefined
                ? t('app.install.detectedAgainUnknown')
                : t('app.install.detectedAgain', { version: candidate.target.custom.version })}
            </span>
          </div>
        )}
      </Section>
      {run !== undefined && (
        <Section title={t('app.install.runHeading')} testId="install-run">
          <p role="status" aria-live="polite" data-testid="install-status">
            {run.state === 'running'
              ? t('app.install.runningStatus', { count: run.log.length })
              : outcome?.ok === true
                ? t('app.install.doneStatus', {
                    toVersion: outcome.toVersion,
                    detectedVersion: outcome.detectedVersion,
                    duration: formatDuration(outcome.durationMs),
                  })
                : t('app.install.failedStatus')}
          </p>
          {run.log.length > 0 && <LogView lines={run.log} label={t('app.install.liveLog')} testId="install-log" />}
          {run.error !== null && <ErrorNotice error={run.error} />}
          {outcome?.ok === true && (
            <div className="notice notice-ok" data-testid="install-success">
              <strong>
                {outcome.fromVersion === null
                  ? t('app.install.installedOn', {
                      product: productLabel(outcome.product),
                      toVersion: outcome.toVersion,
                      serialNumber,
                    })
                  : t('app.install.upgradedOn', {
                      product: productLabel(outcome.product),
                      fromVersion: outcome.fromVersion,
                      toVersion: outcome.toVersion,
                      serialNumber,
                    })}
              </strong>{' '}
              <a href={hrefOf({ name: 'system', serialNumber })}>{t('app.install.backToSystem')}</a>
            </div>
          )}
          {outcome?.ok === false && <FailurePanel outcome={outcome} liveLogShown={run.log.length > 0} />}
        </Section>
      )}
    </div>
  );
}
