/** One system: what is installed, the recommended path, and each update and upgrade with its verdict and actions. */
import { useState } from 'react';
import type { ResolutionView } from '../../../../shared/contracts/app-views.js';
import type { Tier } from '../../../../shared/domain/contract.js';
import { compareVersions } from '../../../../shared/domain/release.js';
import { mayOpenRequests } from '../../../../shared/domain/request-state.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Pending, Section } from '../../components/Section.js';
import { UpgradePathView } from '../../components/UpgradePathView.js';
import { RetryError } from '../../components/RetryError.js';
import { useT } from '../../i18n/index.js';
import { productLabel } from '../../lib/format.js';
import { hrefOf } from '../../lib/routes.js';
import { installedVersionWords } from '../../lib/installed-words.js';
import { pathButtonLabel, pathTo, type PathView } from '../../lib/upgrade-path.js';
import { useResource } from '../../state/resource.js';
import { useSession } from '../../state/session.js';
import { contractsResource, systemsResource, updatesResource } from '../../state/resources.js';
import { ArticlesForSystem } from './ArticlesForSystem.js';
import { CandidateCard, type Candidate } from './CandidateCard.js';
import { LastFailure } from './LastFailure.js';
import { LineBanner } from './LineBanner.js';
import { ReleaseRows } from './ReleaseRows.js';
import { SetVersionForm } from './SetVersionForm.js';
import { sourceWords } from './words.js';

/** Beyond this many releases the list switches to compact windowed rows below the newest cards. */
const CARD_LIMIT = 12;

function recommendedPath(r: ResolutionView): PathView | null {
  const rec = r.recommended;
  if (rec === null || r.system.installedVersion === null) return null;
  if (rec.problem !== null) return { ok: false, ...rec.problem };
  const steps = [r.system.installedVersion, ...rec.hops];
  if (steps[steps.length - 1] !== rec.version) steps.push(rec.version);
  return { ok: true, steps };
}

function newestFirst(list: readonly Candidate[]): Candidate[] {
  return [...list].sort((a, b) => {
    try {
      return compareVersions(b.target.custom.version, a.target.custom.version);
    } catch {
      return 0;
    }
  });
}

function CandidateList({
  title,
  list,
  resolution,
  tierOf,
  today,
  testId,
}: {
  title: string;
  list: readonly Candidate[];
  resolution: ResolutionView;
  tierOf: (id: string | null) => Tier | undefined;
  today: string;
  testId: string;
}) {
  const { t } = useT();
  const sorted = newestFirst(list);
  const all = [...resolution.updates, ...resolution.upgrades].map((c) => c.target);
  const installed = resolution.system.installedVersion;
  const recommended = resolution.recommended?.version;
  return (
    <Section title={title} testId={testId}>
      {list.length === 0 && <p className="muted">{t('app.systems.detail.noneForInstalled')}</p>}
      {sorted.slice(0, CARD_LIMIT).map((c) => (
        <CandidateCard
          key={c.target.name}
          candidate={c}
          serialNumber={resolution.system.serialNumber}
          installed={installed}
          tier={tierOf(c.verdict.contractId)}
          path={pathTo(installed, c.target.custom.version, all)}
          today={today}
          recommended={c.target.custom.version === recommended}
        />
      ))}
      {sorted.length > CARD_LIMIT && (
        <>
          <h3 className="small-heading">{t('app.systems.detail.allReleases', { count: sorted.length })}</h3>
          <ReleaseRows
            candidates={sorted}
            serialNumber={resolution.system.serialNumber}
            installed={installed}
            tierOf={tierOf}
          />
        </>
      )}
    </Section>
  );
}

export function SystemDetailScreen({ serialNumber }: { serialNumber: string }) {
  const { t } = useT();
  const { role } = useSession();
  const systems = useResource(systemsResource);
  const updates = useResource(updatesResource);
  const contracts = useResource(contractsResource);
  const [editing, setEditing] = useState(false);
  const system = systems.data?.find((s) => s.serialNumber === serialNumber);
  const resolution = updates.data?.resolutions.find((r) => r.system.serialNumber === serialNumber);
  const tiers = new Map((contracts.data ?? []).map((c) => [c.id, c.tier] as const));
  const tierOf = (id: string | null) => (id === null ? undefined : tiers.get(id));
  const today = new Date().toISOString().slice(0, 10);
  const shown = system ?? resolution?.system;

  return (
    <div className="screen" data-testid="system-screen">
      <p className="breadcrumb">
        <a href="#/systems">{t('app.systems.title')}</a> / {serialNumber}
      </p>
      <h2 className="screen-title">
        {shown === undefined
          ? serialNumber
          : t('app.systems.detail.title', { product: productLabel(shown.product), serialNumber })}
      </h2>
      {systems.error !== null && (
        <RetryError error={systems.error} busy={systems.loading} onRetry={() => void systems.refresh()} />
      )}
      {shown === undefined && systems.data === null && <Pending what={t('app.systems.loading.system')} />}
      {shown === undefined && systems.data !== null && (
        <ErrorNotice
          error={{
            code: 'NOT_FOUND',
            message: t('app.systems.detail.notFound.message', { serialNumber }),
            remedy: t('app.systems.detail.notFound.remedy'),
          }}
        />
      )}
      {shown !== undefined && (
        <Section
          title={t('app.systems.detail.installed')}
          testId="system-facts"
          actions={
            role !== null && mayOpenRequests(role) ? (
              <a
                className="button-link"
                href={hrefOf({ name: 'request-new', serialNumber })}
                data-testid="system-new-request"
              >
                {t('app.systems.detail.newRequest')}
              </a>
            ) : undefined
          }
        >
          <dl className="facts">
            <dt>{t('app.systems.detail.location')}</dt>
            <dd>{shown.location}</dd>
            <dt>{t('app.systems.detail.installedVersion')}</dt>
            <dd>
              {editing ? (
                <SetVersionForm system={shown} onDone={() => setEditing(false)} />
              ) : (
                <>
                  <strong data-testid="installed-version">{installedVersionWords(shown)}</strong>{' '}
                  <span className="muted">
                    {t('app.systems.detail.source', { source: sourceWords(shown.versionSource, t) })}
                  </span>{' '}
                  <button type="button" className="secondary small-button" onClick={() => setEditing(true)}>
                    {t('app.systems.detail.setVersion')}
                  </button>
                </>
              )}
            </dd>
            {shown.platform !== null && (
              <>
                <dt>{t('app.systems.detail.platform')}</dt>
                <dd>{shown.platform}</dd>
              </>
            )}
            {shown.installDir !== null && (
              <>
                <dt>{t('app.systems.detail.installDir')}</dt>
                <dd>
                  <code>{shown.installDir}</code>
                </dd>
              </>
            )}
          </dl>
          {shown.installedVersion === null && (
            <p className="notice notice-info">{t('app.systems.detail.enterVersion')}</p>
          )}
        </Section>
      )}
      {shown !== undefined && <LastFailure serialNumber={serialNumber} />}
      {updates.error !== null && (
        <RetryError
          error={updates.error}
          busy={updates.loading}
          onRetry={() => void updates.refresh()}
          label={t('app.systems.detail.checkAgain')}
        />
      )}
      {resolution === undefined && updates.error === null && shown !== undefined && (
        <Pending what={t('app.systems.loading.releases')} />
      )}
      {resolution !== undefined && (
        <>
          <LineBanner resolution={resolution} now={new Date()} />
          {resolution.recommended !== null && (
            <Section
              title={t('app.systems.detail.recommended', {
                product: productLabel(resolution.system.product),
                version: resolution.recommended.version,
              })}
              testId="recommended"
            >
              {(() => {
                const path = recommendedPath(resolution);
                return path === null ? null : (
                  <UpgradePathView
                    path={path}
                    product={productLabel(resolution.system.product)}
                    testId="recommended-path"
                  />
                );
              })()}
              {resolution.recommended.hops.length > 1 && (
                <a
                  className="button-link primary"
                  href={hrefOf({ name: 'upgrade', serialNumber, version: resolution.recommended.version })}
                  data-testid="recommended-install-path"
                >
                  {pathButtonLabel(resolution.recommended.hops, t)}
                </a>
              )}
            </Section>
          )}
          <CandidateList
            title={t('app.systems.detail.updates', { count: resolution.updates.length })}
            list={resolution.updates}
            resolution={resolution}
            tierOf={tierOf}
            today={today}
            testId="updates"
          />
          <CandidateList
            title={t('app.systems.detail.upgrades', { count: resolution.upgrades.length })}
            list={resolution.upgrades}
            resolution={resolution}
            tierOf={tierOf}
            today={today}
            testId="upgrades"
          />
        </>
      )}
      {shown !== undefined && <ArticlesForSystem product={shown.product} version={shown.installedVersion} />}
    </div>
  );
}
