/**
 * Installing an upgrade path on one system: the hops as planned (each allowed by the contract, nothing downloaded
 * yet), a confirm step, each hop's progress and live log, and where the path stopped if a hop failed — which then
 * leads to the known issues and remote guidance as a failed install does.
 */
import { useEffect, useState } from 'react';
import type { PathOutcome, PathPlanView } from '../../../../shared/contracts/app-views.js';
import { intlLocale } from '../../../../shared/i18n/format.js';
import type { DisplayLocale } from '../../../../shared/i18n/locales.js';
import { api } from '../../api.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { LogView } from '../../components/LogView.js';
import { Pending, Section } from '../../components/Section.js';
import { toShownError, type ShownError } from '../../lib/errors.js';
import { productLabel } from '../../lib/format.js';
import { useT } from '../../i18n/index.js';
import { hrefOf } from '../../lib/routes.js';
import { runPath, usePathRun, type HopRun } from '../../state/upgrade-paths.js';
import { FailurePanel } from './FailurePanel.js';

/**
 * Where the path stopped, in the language chosen now; the installed versions are listed in that language too.
 * An answer without its key (from an older core) keeps the words it came with.
 */
function stoppedText(
  outcome: Extract<PathOutcome, { ok: false }>,
  locale: DisplayLocale,
  t: ReturnType<typeof useT>['t'],
): string {
  if (outcome.stoppedKey !== 'core.upgradePath.stopped' || outcome.stoppedParams === undefined) return outcome.stopped;
  const installed = outcome.plan.hops.slice(0, outcome.failedHop).map((h) => h.version);
  return t('core.upgradePath.stopped', {
    ...outcome.stoppedParams,
    installed: new Intl.ListFormat(intlLocale(locale), { type: 'conjunction' }).format(installed),
  });
}

function HopRow({ hop, index, count, product }: { hop: HopRun; index: number; count: number; product: string }) {
  const { t } = useT();
  return (
    <li className={`hop hop-${hop.state}`} data-testid={`hop-${hop.version}`}>
      <h3 className="small-heading">
        {t('app.install.path.step', { index: index + 1, count, product, version: hop.version })}{' '}
        <span data-testid="hop-state">{t(`app.install.path.hopState.${hop.state}`)}</span>
        {hop.detectedVersion !== null && (
          <span className="muted">{t('app.install.path.detected', { version: hop.detectedVersion })}</span>
        )}
      </h3>
      {hop.log.length > 0 && (
        <LogView
          lines={hop.log}
          label={t('app.install.path.logOf', { product, version: hop.version })}
          testId={`hop-log-${hop.version}`}
          height={160}
        />
      )}
    </li>
  );
}

/** The action that installs a path: "Install the path (1.9.0, then 2.3.1)"; a single release: "Install 2.3.1". */
function pathButtonLabel(t: ReturnType<typeof useT>['t'], versions: readonly string[]): string {
  const last = versions[versions.length - 1] ?? '';
  if (versions.length <= 1) return t('app.install.path.installOne', { version: last });
  const earlier = versions.slice(0, -1).join(t('app.install.path.versionSeparator'));
  return t('app.install.path.installPath', { earlier, last });
}

export function UpgradePathScreen({ serialNumber, version }: { serialNumber: string; version: string }) {
  const { t, locale } = useT();
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
        <a href="#/systems">{t('app.install.breadcrumbSystems')}</a> /{' '}
        <a href={hrefOf({ name: 'system', serialNumber })}>{serialNumber}</a> / {t('app.install.breadcrumbPath')}
      </p>
      <h2 className="screen-title">
        {shown === null
          ? t('app.install.path.titleUnknown', { serialNumber, version })
          : t('app.install.path.title', { product, serialNumber, version })}
      </h2>
      {planError !== null && run === undefined && <ErrorNotice error={planError} testId="path-refused" />}
      {shown === null && planError === null && <Pending what={t('app.install.path.pending')} />}
      {shown !== null && (
        <Section title={t('app.install.planHeading')} testId="path-plan">
          <p>
            {t('app.install.path.plan', {
              serialNumber,
              product,
              fromVersion: shown.fromVersion,
              toVersion: shown.toVersion,
              count: shown.hops.length,
            })}
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
                {pathButtonLabel(
                  t,
                  shown.hops.map((h) => h.version),
                )}
              </button>
            )}
            {run?.state === 'running' && (
              <button type="button" disabled>
                {t('app.install.path.installingPath')}
              </button>
            )}
          </div>
        </Section>
      )}
      {shown !== null && (
        <Section title={t('app.install.path.runHeading')} testId="path-run">
          <ol className="hops">
            {hops.map((hop, i) => (
              <HopRow key={hop.version} hop={hop} index={i} count={hops.length} product={product} />
            ))}
          </ol>
          {run !== undefined && run.error !== null && <ErrorNotice error={run.error} />}
          {outcome?.ok === true && (
            <div className="notice notice-ok" role="status" data-testid="path-success">
              <strong>
                {t('app.install.path.success', {
                  product,
                  versions: [outcome.plan.fromVersion, ...outcome.detectedVersions].join(t('app.install.path.arrow')),
                  serialNumber,
                })}
              </strong>{' '}
              <a href={hrefOf({ name: 'system', serialNumber })}>{t('app.install.backToSystem')}</a>
            </div>
          )}
          {outcome?.ok === false && (
            <>
              <p className="notice notice-error" role="status" data-testid="path-stopped">
                {stoppedText(outcome, locale, t)}
              </p>
              <FailurePanel
                outcome={outcome.failure}
                liveLogShown={(run?.hops[outcome.failedHop]?.log.length ?? 0) > 0}
              />
              <p>
                <a href={hrefOf({ name: 'system', serialNumber })}>{t('app.install.backToSystem')}</a>
              </p>
            </>
          )}
        </Section>
      )}
    </div>
  );
}
