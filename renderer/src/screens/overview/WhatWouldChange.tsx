/**
 * What renewal or Upgrade Support would add, made concrete: the releases on the customer's own systems that are
 * refused today for a reason a contract change removes.
 */
import type { ResolutionView } from '../../../../shared/contracts/app-views.js';
import type { ContractView } from '../../../../shared/contracts/entitlement.js';
import { TIER_NAMES } from '../../../../shared/domain/contract.js';
import { openedByUpgradeSupport } from '../../../../shared/domain/contract-offers.js';
import type { VerdictReasonCode } from '../../../../shared/domain/verdict.js';
import { hrefOf } from '../../lib/routes.js';
import { productLabel } from '../../lib/format.js';

interface Blocked {
  serialNumber: string;
  product: string;
  version: string;
}

type Refused = ResolutionView['updates'][number];

function blockedBy(resolutions: readonly ResolutionView[], opens: (c: Refused) => boolean): Blocked[] {
  const out: Blocked[] = [];
  for (const r of resolutions) {
    for (const c of [...r.updates, ...r.upgrades]) {
      if (!c.verdict.allowed && opens(c)) {
        out.push({
          serialNumber: r.system.serialNumber,
          product: c.target.custom.product,
          version: c.target.custom.version,
        });
      }
    }
  }
  // One line per system and version, whatever the number of platform packages.
  const seen = new Set<string>();
  return out.filter((b) => {
    const k = `${b.serialNumber}|${b.version}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const refusedFor =
  (code: VerdictReasonCode) =>
  (c: Refused): boolean =>
    c.verdict.reasons.some((x) => x.code === code);

function BlockedList({ items }: { items: Blocked[] }) {
  if (items.length === 0) return null;
  return (
    <ul className="blocked-list">
      {items.slice(0, 8).map((b) => (
        <li key={`${b.serialNumber}|${b.version}`}>
          <a href={hrefOf({ name: 'system', serialNumber: b.serialNumber })}>
            {productLabel(b.product)} {b.version}
          </a>{' '}
          <span className="muted">for {b.serialNumber}</span>
        </li>
      ))}
      {items.length > 8 && <li className="muted">and {items.length - 8} more</li>}
    </ul>
  );
}

export function WhatWouldChange({
  contracts,
  resolutions,
}: {
  contracts: readonly ContractView[];
  resolutions: readonly ResolutionView[] | null;
}) {
  const onSupport =
    contracts.some((c) => c.tier === 'support') &&
    !contracts.some((c) => c.tier === 'upgrade-support' && c.status !== 'expired');
  const ending = contracts.filter((c) => c.status === 'expiring' || c.status === 'expired');
  const upgrades =
    resolutions === null
      ? []
      : blockedBy(resolutions, (c) => openedByUpgradeSupport(c.target.custom.version, c.verdict.reasons));
  const afterEnd = resolutions === null ? [] : blockedBy(resolutions, refusedFor('RELEASED_AFTER_CONTRACT_END'));
  const expired = resolutions === null ? [] : blockedBy(resolutions, refusedFor('CONTRACT_EXPIRED'));
  if (!onSupport && ending.length === 0) {
    return (
      <p data-testid="what-would-change">Your contract includes both updates and upgrades. Nothing more to add.</p>
    );
  }
  return (
    <div className="what-would-change" data-testid="what-would-change">
      {onSupport && (
        <div>
          <h3>{TIER_NAMES['upgrade-support']} would add</h3>
          <p>
            Software upgrades: new major versions as they become generally available, on top of the updates you already
            receive.
          </p>
          {resolutions === null ? (
            <p className="muted">Checking which upgrades this would open on your systems…</p>
          ) : upgrades.length === 0 ? (
            <p className="muted">No upgrade is waiting on your systems right now.</p>
          ) : (
            <>
              <p>Upgrades waiting on your systems:</p>
              <BlockedList items={upgrades} />
            </>
          )}
        </div>
      )}
      {ending.map((c) => (
        <div key={c.id}>
          <h3>Renewing contract {c.id} would add</h3>
          <p>
            {c.status === 'expired'
              ? `Service ended on ${c.endDate}. Releases published up to then stay available; a renewal brings newer releases and lets you open service requests again.`
              : `Service ends on ${c.endDate} (${c.daysLeft} days left). Renewing keeps updates, TAC support and online self-help running without a gap.`}
          </p>
          <BlockedList items={[...afterEnd, ...expired]} />
        </div>
      ))}
    </div>
  );
}
