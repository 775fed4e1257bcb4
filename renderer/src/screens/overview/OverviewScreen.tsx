/** Contract overview: each contract's tier, status and service period, the rights table, and what a change would add. */
import { Section, Pending } from '../../components/Section.js';
import { RightsTable } from '../../components/RightsTable.js';
import { RetryError } from '../../components/RetryError.js';
import { useNow } from '../../state/hooks.js';
import { useResource } from '../../state/resource.js';
import { contractsResource, systemsResource, updatesResource } from '../../state/resources.js';
import { ContractCard } from './ContractCard.js';
import { WhatWouldChange } from './WhatWouldChange.js';
import { isInService } from '../../../../shared/domain/contract.js';
import { useT } from '../../i18n/index.js';
import { formatCount } from '../../lib/format.js';

export function OverviewScreen() {
  const { t } = useT();
  const contracts = useResource(contractsResource);
  const systems = useResource(systemsResource);
  const updates = useResource(updatesResource);
  const now = useNow(60_000);
  const list = contracts.data ?? [];
  const current = list.find((c) => isInService(c.status)) ?? list[0];
  const allowed = (updates.data?.resolutions ?? []).reduce(
    (n, r) =>
      n + r.updates.filter((c) => c.verdict.allowed).length + r.upgrades.filter((c) => c.verdict.allowed).length,
    0,
  );

  return (
    <div className="screen" data-testid="overview-screen">
      <h2 className="screen-title">{t('app.overview.title')}</h2>
      <div className="tiles">
        <a className="tile" href="#/systems">
          <span className="tile-number">{systems.data === null ? '…' : formatCount(systems.data.length)}</span>
          <span>{t('app.overview.tileSystems')}</span>
        </a>
        <a className="tile" href="#/systems" data-testid="tile-available">
          <span className="tile-number">{updates.data === null ? '…' : formatCount(allowed)}</span>
          <span>{updates.data === null ? t('app.overview.tileChecking') : t('app.overview.tileAllowed')}</span>
        </a>
      </div>
      <Section title={t('app.overview.contractsHeading')} testId="contracts">
        {contracts.error !== null && (
          <RetryError error={contracts.error} busy={contracts.loading} onRetry={() => void contracts.refresh()} />
        )}
        {contracts.data === null && contracts.error === null && <Pending what={t('app.overview.pendingContracts')} />}
        {contracts.data !== null && list.length === 0 && <p>{t('app.overview.noContract')}</p>}
        <div className="contracts">
          {list.map((c) => (
            <ContractCard key={c.id} contract={c} now={now} />
          ))}
        </div>
        {contracts.data !== null && list.length > 1 && (
          <p className="muted small">{t('app.overview.severalContracts', { count: list.length })}</p>
        )}
      </Section>
      <RightsTable current={current?.tier} />
      {list.length > 0 && (
        <Section title={t('app.overview.changeHeading')} testId="contract-change">
          {updates.error !== null && (
            <RetryError
              error={updates.error}
              busy={updates.loading}
              onRetry={() => void updates.refresh()}
              label={t('app.overview.checkAgain')}
            />
          )}
          <WhatWouldChange contracts={list} resolutions={updates.data?.resolutions ?? null} />
        </Section>
      )}
    </div>
  );
}
