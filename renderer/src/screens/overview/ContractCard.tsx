/** One contract: tier, status, the service period on a timeline, what it covers. */
import type { ContractView } from '../../../../shared/contracts/entitlement.js';
import { TIER_NAMES } from '../../../../shared/domain/contract.js';
import { licensedVersionPhrases } from '../../../../shared/domain/licence.js';
import { Badge } from '../../components/Badge.js';
import { ServicePeriodTimeline } from '../../components/ServicePeriodTimeline.js';
import { plural } from '../../lib/format.js';
import { STATUS_WORDS } from '../../lib/service-period.js';
import type { Tone } from '../../lib/verdict-words.js';

const STATUS_TONE: Record<ContractView['status'], Tone> = {
  pending: 'info',
  active: 'ok',
  expiring: 'warn',
  expired: 'blocked',
};

export function ContractCard({ contract, now }: { contract: ContractView; now: number }) {
  const licensed = licensedVersionPhrases(contract);
  return (
    <article
      className="card contract"
      aria-labelledby={`contract-${contract.id}`}
      data-testid={`contract-${contract.id}`}
    >
      <div className="card-head">
        <h3 id={`contract-${contract.id}`}>{TIER_NAMES[contract.tier]}</h3>
        <Badge tone={STATUS_TONE[contract.status]} testId="contract-status">
          {STATUS_WORDS[contract.status]}
        </Badge>
      </div>
      <p className="muted small">
        Contract {contract.id} · region {contract.region} · {plural(contract.systems.length, 'covered system')}
      </p>
      <ServicePeriodTimeline contract={contract} now={now} />
      {licensed.length > 0 && (
        <p className="small" data-testid="licensed-versions">
          Licensed versions: {licensed.join('; ')}
        </p>
      )}
    </article>
  );
}
