/** The service period on a line: start, today and end, the elapsed part filled, with days left in words. */
import type { ContractView } from '../../../shared/contracts/entitlement.js';
import { formatCalendarDate } from '../lib/format.js';
import { periodSentence, servicePeriodPosition } from '../lib/service-period.js';

export function ServicePeriodTimeline({ contract, now }: { contract: ContractView; now: number }) {
  const pos = servicePeriodPosition(contract, new Date(now));
  const percent = Math.round(pos.fraction * 1000) / 10;
  return (
    <div className="timeline" data-testid={`timeline-${contract.id}`}>
      <div className={`timeline-bar timeline-${contract.status}`} aria-hidden="true">
        <div className="timeline-elapsed" style={{ width: `${percent}%` }} />
        <div className="timeline-today" style={{ left: `${percent}%` }}>
          <span>Today</span>
        </div>
      </div>
      <dl className="timeline-dates">
        <div>
          <dt>Start</dt>
          <dd>{formatCalendarDate(contract.startDate)}</dd>
        </div>
        <div className="timeline-today-label">
          <dt>Today</dt>
          <dd>{formatCalendarDate(pos.today)}</dd>
        </div>
        <div className="timeline-end">
          <dt>End</dt>
          <dd>{formatCalendarDate(contract.endDate)}</dd>
        </div>
      </dl>
      <p className="timeline-sentence" data-testid="days-left">
        {periodSentence(contract)} <span className="muted">(dates in {contract.timeZone})</span>
      </p>
    </div>
  );
}
