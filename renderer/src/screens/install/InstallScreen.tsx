/** Installing one release on one system: what will change, a confirm step, the live log, and the outcome. */
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { LogView } from '../../components/LogView.js';
import { Section } from '../../components/Section.js';
import { formatDuration, productLabel } from '../../lib/format.js';
import { hrefOf } from '../../lib/routes.js';
import { latestFor, useDownloads } from '../../state/downloads.js';
import { runInstall, useInstallRun } from '../../state/installs.js';
import { useResource } from '../../state/resource.js';
import { updatesResource } from '../../state/resources.js';
import { FailurePanel } from './FailurePanel.js';

export function InstallScreen({ serialNumber, targetName }: { serialNumber: string; targetName: string }) {
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
      ? `${productLabel(installed.product)} ${installed.toVersion}`
      : candidate === undefined
        ? targetName
        : `${productLabel(candidate.target.custom.product)} ${candidate.target.custom.version}`;

  return (
    <div className="screen" data-testid="install-screen">
      <p className="breadcrumb">
        <a href="#/systems">Systems &amp; updates</a> /{' '}
        <a href={hrefOf({ name: 'system', serialNumber })}>{serialNumber}</a> / Install
      </p>
      <h2 className="screen-title">{installed !== null ? `Installed ${product}` : `Install ${product}`}</h2>
      <Section title="What will happen" testId="install-plan">
        <dl className="facts">
          <dt>System</dt>
          <dd>
            {serialNumber}
            {resolution !== undefined && <span className="muted"> · {resolution.system.location}</span>}
          </dd>
          <dt>From</dt>
          <dd>
            {installed !== null
              ? (installed.fromVersion ?? 'nothing installed')
              : (resolution?.system.installedVersion ?? 'nothing installed')}
          </dd>
          <dt>To</dt>
          <dd>{installed?.toVersion ?? candidate?.target.custom.version ?? targetName}</dd>
          {installed === null && (
            <>
              <dt>Package</dt>
              <dd>
                <code>{targetName}</code>
                {download?.state === 'done' && download.verified && (
                  <span className="ok-text"> · downloaded and verified against the signed catalog</span>
                )}
              </dd>
            </>
          )}
        </dl>
        {candidate !== undefined && !candidate.verdict.allowed && (
          <ErrorNotice
            error={{
              message: candidate.verdict.reasons[0]?.message ?? 'This release is not included in your contract.',
              remedy: candidate.verdict.reasons[0]?.remedy ?? '',
            }}
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
              {run === undefined ? 'Start installation' : run.state === 'running' ? 'Installing…' : 'Try again'}
            </button>
            <span className="muted small">
              The installed version is detected again afterwards; not reaching{' '}
              {candidate?.target.custom.version ?? 'the new version'} counts as a failure.
            </span>
          </div>
        )}
      </Section>
      {run !== undefined && (
        <Section title="Installation" testId="install-run">
          <p role="status" aria-live="polite" data-testid="install-status">
            {run.state === 'running'
              ? `Installing… ${run.log.length} log ${run.log.length === 1 ? 'line' : 'lines'} so far.`
              : outcome?.ok === true
                ? `Installed ${outcome.toVersion}: version ${outcome.detectedVersion} detected after ${formatDuration(outcome.durationMs)}.`
                : 'The installation failed.'}
          </p>
          {run.log.length > 0 && <LogView lines={run.log} label="Installer log (live)" testId="install-log" />}
          {run.error !== null && <ErrorNotice error={run.error} />}
          {outcome?.ok === true && (
            <div className="notice notice-ok" data-testid="install-success">
              <strong>
                {productLabel(outcome.product)}{' '}
                {outcome.fromVersion === null ? outcome.toVersion : `${outcome.fromVersion} → ${outcome.toVersion}`}{' '}
                installed on {serialNumber}.
              </strong>{' '}
              <a href={hrefOf({ name: 'system', serialNumber })}>Back to the system</a>
            </div>
          )}
          {outcome?.ok === false && <FailurePanel outcome={outcome} liveLogShown={run.log.length > 0} />}
        </Section>
      )}
    </div>
  );
}
