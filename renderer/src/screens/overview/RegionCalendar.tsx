/** Which business calendar and response times judge a contract's requests: the region's, or the contract's own. */
import type { ContractView } from '../../../../shared/contracts/entitlement.js';
import { responseTargetWords, workdaysWords } from '../../../../shared/domain/region-words.js';
import { PRIORITIES, type Priority } from '../../../../shared/domain/sla.js';
import type { Weekday } from '../../../../shared/domain/dates.js';
import { useT } from '../../i18n/index.js';
import { formatCalendarDate } from '../../lib/format.js';

export function RegionCalendar({ contract }: { contract: ContractView }) {
  const { t } = useT();
  const c = contract.calendar;
  if (c === undefined) return null;
  const dates = (list: readonly string[]): string =>
    list.map((d) => formatCalendarDate(d)).join(t('admin.regions.weekdaySeparator'));
  return (
    <section className="small" aria-label={t('admin.regions.customer.title')} data-testid="region-calendar">
      <p>
        <strong>
          {c.name === null
            ? t('admin.regions.customer.ownCalendar', { region: c.region })
            : t('admin.regions.customer.region', { name: c.name, region: c.region })}
        </strong>
      </p>
      <p className="muted" data-testid="region-calendar-hours">
        {t('admin.regions.customer.hours', {
          opensAt: c.opensAt,
          closesAt: c.closesAt,
          timeZone: c.timeZone,
          days: workdaysWords(c.workdays as Weekday[], t),
        })}
      </p>
      {c.holidays.length > 0 && (
        <p className="muted" data-testid="region-calendar-holidays">
          {t('admin.regions.customer.nextHolidays', { dates: dates(c.holidays) })}
        </p>
      )}
      {c.workingWeekends.length > 0 && (
        <p className="muted" data-testid="region-calendar-working-weekends">
          {t('admin.regions.customer.nextWorkingWeekends', { dates: dates(c.workingWeekends) })}
        </p>
      )}
      <p className="muted" data-testid="region-calendar-times">
        {t('admin.regions.customer.responseTimes')}:{' '}
        {PRIORITIES.map((p: Priority) => `${p} ${responseTargetWords(c.responseTimes[p], t)}`).join(
          t('admin.regions.weekdaySeparator'),
        )}
      </p>
    </section>
  );
}
