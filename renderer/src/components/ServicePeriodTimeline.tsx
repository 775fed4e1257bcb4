/** The service period on a line: start, today and end, the elapsed part filled, with days left in words. */
import type { ContractView } from '../../../shared/contracts/entitlement.js';
import { useT } from '../i18n/index.js';
import { formatCalendarDate } from '../lib/format.js';
import { periodSentence, servicePeriodPosition } from '../lib/service-period.js';

export function ServicePeriodTimeline({ contract, now }: { contract: ContractView; now: number }) {
  const { t } = useT();
  const pos = servicePeriodPosition(contract, new Date(now));
  const percent = Math.round(pos.fraction * 1000) / 10;
  return (
    <div className="timeline" data-testid={`timeline-${contract.id}`}>
      <div className={`timeline-bar timeline-${contract.status}`} aria-hidden="true">
        <div className="timeline-elapsed" style={{ width: `${percent}%` }} />
        <div className="timeline-today" style={{ left: `${percent}%` }}>
          <span>{t('app.systems.contract.today')}</span>
        </div>
      </div>
      {/* Days on the contract's calendar: its zone is named once, after the sentence below. */}
      <dl className="timeline-dates">
        <div>
          <dt>{t('app.systems.contract.start')}</dt>
          <dd>{formatCalendarDate(contract.startDate)}</dd>
        </div>
        <div className="timeline-today-label">
          <dt>{t('app.systems.contract.today')}</dt>
          <dd>{formatCalendarDate(pos.today)}</dd>
        </div>
        <div className="timeline-end">
          <dt>{t('app.systems.contract.end')}</dt>
          <dd>{formatCalendarDate(contract.endDate)}</dd>
        </div>
      </dl>
      <p className="timeline-sentence" data-testid="days-left">
        {periodSentence(contract, t)}{' '}
        <span className="muted">{t('app.systems.contract.zone', { zone: contract.timeZone })}</span>
      </p>
    </div>
  );
}
