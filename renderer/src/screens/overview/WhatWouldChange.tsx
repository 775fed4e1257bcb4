/**
 * What renewal or Upgrade Support would add, made concrete: the releases on the customer's own systems that are
 * refused today for a reason a contract change removes.
 */
import type { ResolutionView } from '../../../../shared/contracts/app-views.js';
import type { ContractView } from '../../../../shared/contracts/entitlement.js';
import { openedByUpgradeSupport } from '../../../../shared/domain/contract-offers.js';
import type { VerdictReasonCode } from '../../../../shared/domain/verdict.js';
import { useT } from '../../i18n/index.js';
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
  const { t } = useT();
  if (items.length === 0) return null;
  return (
    <ul className="blocked-list">
      {items.slice(0, 8).map((b) => (
        <li key={`${b.serialNumber}|${b.version}`}>
          <a href={hrefOf({ name: 'system', serialNumber: b.serialNumber })}>
            {t('app.overview.change.release', { product: productLabel(b.product), version: b.version })}
          </a>{' '}
          <span className="muted">{t('app.overview.change.forSystem', { serialNumber: b.serialNumber })}</span>
        </li>
      ))}
      {items.length > 8 && <li className="muted">{t('app.overview.change.more', { count: items.length - 8 })}</li>}
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
  const { t } = useT();
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
    return <p data-testid="what-would-change">{t('app.overview.change.nothingMore')}</p>;
  }
  return (
    <div className="what-would-change" data-testid="what-would-change">
      {onSupport && (
        <div>
          <h3>{t('app.overview.change.upgradeSupportAdds')}</h3>
          <p>{t('app.overview.change.upgradesText')}</p>
          {resolutions === null ? (
            <p className="muted">{t('app.overview.change.checkingUpgrades')}</p>
          ) : upgrades.length === 0 ? (
            <p className="muted">{t('app.overview.change.noUpgradeWaiting')}</p>
          ) : (
            <>
              <p>{t('app.overview.change.upgradesWaiting')}</p>
              <BlockedList items={upgrades} />
            </>
          )}
        </div>
      )}
      {ending.map((c) => (
        <div key={c.id}>
          <h3>{t('app.overview.change.renewAdds', { id: c.id })}</h3>
          <p>
            {c.status === 'expired'
              ? t('app.overview.change.expired', { endDate: c.endDate, zone: c.timeZone })
              : t('app.overview.change.ending', { endDate: c.endDate, zone: c.timeZone, daysLeft: c.daysLeft })}
          </p>
          <BlockedList items={[...afterEnd, ...expired]} />
        </div>
      ))}
    </div>
  );
}
