/** One contract: tier, status, the service period on a timeline, what it covers. */
import type { ContractView } from '../../../../shared/contracts/entitlement.js';
import { tierName } from '../../../../shared/domain/contract.js';
import { startSentence } from '../../../../shared/domain/contract-start.js';
import { licensedVersionPhrases } from '../../../../shared/domain/licence.js';
import { Badge } from '../../components/Badge.js';
import { ServicePeriodTimeline } from '../../components/ServicePeriodTimeline.js';
import { RegionCalendar } from './RegionCalendar.js';
import { useT } from '../../i18n/index.js';
import type { Tone } from '../../lib/verdict-words.js';

const STATUS_TONE: Record<ContractView['status'], Tone> = {
  pending: 'info',
  active: 'ok',
  expiring: 'warn',
  expired: 'blocked',
};

export function ContractCard({ contract, now }: { contract: ContractView; now: number }) {
  const { t, locale } = useT();
  const licensed = licensedVersionPhrases(contract, locale);
  const started = startSentence(contract);
  return (
    <article
      className="card contract"
      aria-labelledby={`contract-${contract.id}`}
      data-testid={`contract-${contract.id}`}
    >
      <div className="card-head">
        <h3 id={`contract-${contract.id}`}>{tierName(contract.tier, locale)}</h3>
        <Badge tone={STATUS_TONE[contract.status]} testId="contract-status">
          {t(`app.overview.contract.status.${contract.status}`)}
        </Badge>
      </div>
      <p className="muted small">
        {t('app.overview.contract.meta', {
          id: contract.id,
          region: contract.region,
          count: contract.systems.length,
        })}
      </p>
      <ServicePeriodTimeline contract={contract} now={now} />
      <p className="small" data-testid="contract-start-basis">
        {t(started.key, started.params)}
      </p>
      <RegionCalendar contract={contract} />
      {licensed.length > 0 && (
        <p className="small" data-testid="licensed-versions">
          {t('app.overview.contract.licensed', { list: licensed.join(t('app.overview.contract.licensedSeparator')) })}
        </p>
      )}
    </article>
  );
}
