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
import { plural } from '../../lib/format.js';

export function OverviewScreen() {
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
      <h2 className="screen-title">Overview</h2>
      <div className="tiles">
        <a className="tile" href="#/systems">
          <span className="tile-number">{systems.data === null ? '…' : systems.data.length}</span>
          <span>covered systems</span>
        </a>
        <a className="tile" href="#/systems" data-testid="tile-available">
          <span className="tile-number">{updates.data === null ? '…' : allowed}</span>
          <span>{updates.data === null ? 'checking for releases' : 'releases you may install'}</span>
        </a>
      </div>
      <Section title="Your maintenance contracts" testId="contracts">
        {contracts.error !== null && (
          <RetryError error={contracts.error} busy={contracts.loading} onRetry={() => void contracts.refresh()} />
        )}
        {contracts.data === null && contracts.error === null && <Pending what="your contracts" />}
        {contracts.data !== null && list.length === 0 && <p>No maintenance contract is on record for your account.</p>}
        <div className="contracts">
          {list.map((c) => (
            <ContractCard key={c.id} contract={c} now={now} />
          ))}
        </div>
        {contracts.data !== null && list.length > 1 && (
          <p className="muted small">
            {plural(list.length, 'contract')}: where several cover a system, the best of them applies.
          </p>
        )}
      </Section>
      <RightsTable current={current?.tier} />
      {list.length > 0 && (
        <Section title="What a change of contract would add" testId="contract-change">
          {updates.error !== null && (
            <RetryError
              error={updates.error}
              busy={updates.loading}
              onRetry={() => void updates.refresh()}
              label="Check again"
            />
          )}
          <WhatWouldChange contracts={list} resolutions={updates.data?.resolutions ?? null} />
        </Section>
      )}
    </div>
  );
}
