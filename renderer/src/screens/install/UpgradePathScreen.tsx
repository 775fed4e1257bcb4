/**
 * Installing an upgrade path on one system: the hops as planned (each allowed by the contract, nothing downloaded
 * yet), a confirm step, each hop's progress and live log, and where the path stopped if a hop failed — which then
 * leads to the known issues and remote guidance as a failed install does.
 */
import { useEffect, useState } from 'react';
import type { PathPlanView } from '../../../../shared/contracts/app-views.js';
import { api } from '../../api.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { LogView } from '../../components/LogView.js';
import { Pending, Section } from '../../components/Section.js';
import { toShownError, type ShownError } from '../../lib/errors.js';
import { productLabel } from '../../lib/format.js';
import { hrefOf } from '../../lib/routes.js';
import { pathButtonLabel } from '../../lib/upgrade-path.js';
import { runPath, usePathRun, type HopRun } from '../../state/upgrade-paths.js';
import { FailurePanel } from './FailurePanel.js';

const HOP_STATE_WORDS: Record<HopRun['state'], string> = {
  waiting: 'waiting',
  installing: 'installing…',
  installed: 'installed',
  failed: 'failed',
};

function HopRow({ hop, index, count, product }: { hop: HopRun; index: number; count: number; product: string }) {
  return (
    <li className={`hop hop-${hop.state}`} data-testid={`hop-${hop.version}`}>
      <h3 className="small-heading">
        Step {index + 1} of {count}: {product} {hop.version}{' '}
        <span data-testid="hop-state">{HOP_STATE_WORDS[hop.state]}</span>
        {hop.detectedVersion !== null && <span className="muted"> · version {hop.detectedVersion} detected</span>}
      </h3>
      {hop.log.length > 0 && (
        <LogView
          lines={hop.log}
          label={`Installer log of ${product} ${hop.version}`}
          testId={`hop-log-${hop.version}`}
          height={160}
        />
      )}
    </li>
  );
}

export function UpgradePathScreen({ serialNumber, version }: { serialNumber: string; version: string }) {
  const [plan, setPlan] = useState<PathPlanView | null>(null);
  const [planError, setPlanError] = useState<ShownError | null>(null);
  const run = usePathRun(serialNumber, version);
  const outcome = run?.outcome ?? null;

  useEffect(() => {
    // The plan as it was when the path started stays on screen; only a screen with no run asks again.
    if (run !== undefined) return;
    let current = true;
    api.call('upgrade.plan', { serialNumber, toVersion: version }).then(
      (p) => current && setPlan(p),
      (e: unknown) => current && setPlanError(toShownError(e)),
    );
    return () => {
      current = false;
    };
  }, [serialNumber, version, run]);

  const shown = outcome?.plan ?? plan;
  const product = shown === null ? '' : productLabel(shown.product);
  const hops =
    run?.hops ??
    shown?.hops.map((h): HopRun => ({ version: h.version, state: 'waiting', detectedVersion: null, log: [] })) ??
    [];

  return (
    <div className="screen" data-testid="upgrade-path-screen">
      <p className="breadcrumb">
        <a href="#/systems">Systems &amp; updates</a> /{' '}
        <a href={hrefOf({ name: 'system', serialNumber })}>{serialNumber}</a> / Upgrade path
      </p>
      <h2 className="screen-title">
        {shown === null
          ? `Upgrade ${serialNumber} to ${version}`
          : `Upgrade ${product} on ${serialNumber} to ${version}`}
      </h2>
      {planError !== null && run === undefined && <ErrorNotice error={planError} testId="path-refused" />}
      {shown === null && planError === null && <Pending what="the upgrade path" />}
      {shown !== null && (
        <Section title="What will happen" testId="path-plan">
          <p>
            {serialNumber} runs {product} {shown.fromVersion}. {product} {shown.toVersion} installs only through{' '}
            {shown.hops.length === 1 ? 'one release' : `${shown.hops.length} releases, in this order`}; each is included
            in your contract and is downloaded, verified against the signed catalog and installed before the next one
            starts.
          </p>
          <div className="buttons">
            {run === undefined && (
              <button
                type="button"
                onClick={() =>
                  void runPath(
                    serialNumber,
                    version,
                    shown.hops.map((h) => h.version),
                  )
                }
                data-testid="start-path"
              >
                {pathButtonLabel(shown.hops.map((h) => h.version))}
              </button>
            )}
            {run?.state === 'running' && (
              <button type="button" disabled>
                Installing the path…
              </button>
            )}
          </div>
        </Section>
      )}
      {shown !== null && (
        <Section title="The path" testId="path-run">
          <ol className="hops">
            {hops.map((hop, i) => (
              <HopRow key={hop.version} hop={hop} index={i} count={hops.length} product={product} />
            ))}
          </ol>
          {run !== undefined && run.error !== null && <ErrorNotice error={run.error} />}
          {outcome?.ok === true && (
            <div className="notice notice-ok" role="status" data-testid="path-success">
              <strong>
                {product} {[outcome.plan.fromVersion, ...outcome.detectedVersions].join(' → ')} installed on{' '}
                {serialNumber}.
              </strong>{' '}
              <a href={hrefOf({ name: 'system', serialNumber })}>Back to the system</a>
            </div>
          )}
          {outcome?.ok === false && (
            <>
              <p className="notice notice-error" role="status" data-testid="path-stopped">
                {outcome.stopped}
              </p>
              <FailurePanel
                outcome={outcome.failure}
                liveLogShown={(run?.hops[outcome.failedHop]?.log.length ?? 0) > 0}
              />
              <p>
                <a href={hrefOf({ name: 'system', serialNumber })}>Back to the system</a>
              </p>
            </>
          )}
        </Section>
      )}
    </div>
  );
}
