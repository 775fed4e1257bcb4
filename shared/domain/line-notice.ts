/**
 * When a system's major line needs the customer's attention: past end of maintenance (no new updates, DESIGN.md
 * §3.2), within END_OF_SERVICE_NOTICE_DAYS of its end of service, or past it. Ninety days is about one budget and
 * change-window cycle: enough to plan and take an upgrade before the line stops being serviced.
 */
import type { DisplayLocale } from '../i18n/locales.js';
import { translator } from '../i18n/translator.js';
import { calendarDateAt, dayNumber, type CalendarDate } from './dates.js';
import { assertLifecycle, type LineLifecycle } from './release.js';

export const END_OF_SERVICE_NOTICE_DAYS = 90;

export type LineNotice =
  | { kind: 'past-end-of-service'; endOfService: CalendarDate }
  | {
      kind: 'nearing-end-of-service';
      endOfService: CalendarDate;
      daysLeft: number;
      endOfMaintenance: CalendarDate | null;
    }
  | { kind: 'past-end-of-maintenance'; endOfMaintenance: CalendarDate; endOfService: CalendarDate | null };

/** The notice for a line on a given day in `timeZone` (each date counts through its end), or null when none is due. */
export function lineNotice(lifecycle: LineLifecycle, at: Date, timeZone = 'UTC'): LineNotice | null {
  assertLifecycle(lifecycle);
  const today = dayNumber(calendarDateAt(at, timeZone));
  const eom = lifecycle.endOfMaintenance ?? null;
  const eos = lifecycle.endOfService ?? null;
  if (eos !== null) {
    const daysLeft = dayNumber(eos) - today;
    if (daysLeft < 0) return { kind: 'past-end-of-service', endOfService: eos };
    if (daysLeft <= END_OF_SERVICE_NOTICE_DAYS) {
      return {
        kind: 'nearing-end-of-service',
        endOfService: eos,
        daysLeft,
        endOfMaintenance: eom !== null && dayNumber(eom) < today ? eom : null,
      };
    }
  }
  if (eom !== null && dayNumber(eom) < today)
    return { kind: 'past-end-of-maintenance', endOfMaintenance: eom, endOfService: eos };
  return null;
}

/**
 * The notice in words of `locale`, with the upgrade that leaves the line when there is one ("Atlas 2.3.1"). Dates
 * are passed through `formatDate` so each host writes them its way.
 */
export function lineNoticeWords(
  notice: LineNotice,
  line: string,
  upgrade: string | null,
  formatDate: (d: CalendarDate) => string = (d) => d,
  locale: DisplayLocale = 'en',
): string {
  const t = translator(locale);
  const leave = { leave: upgrade === null ? 'plan' : 'upgrade', upgrade: upgrade ?? '' };
  switch (notice.kind) {
    case 'past-end-of-service':
      return t('domain.lineNotice.pastEndOfService', {
        ...leave,
        line,
        endOfService: formatDate(notice.endOfService),
      });
    case 'nearing-end-of-service':
      return t('domain.lineNotice.nearingEndOfService', {
        ...leave,
        line,
        endOfService: formatDate(notice.endOfService),
        days: notice.daysLeft,
        maintenance: notice.endOfMaintenance === null ? 'no' : 'yes',
        endOfMaintenance: notice.endOfMaintenance === null ? '' : formatDate(notice.endOfMaintenance),
      });
    case 'past-end-of-maintenance':
      return t('domain.lineNotice.pastEndOfMaintenance', {
        ...leave,
        line,
        endOfMaintenance: formatDate(notice.endOfMaintenance),
        service: notice.endOfService === null ? 'no' : 'yes',
        endOfService: notice.endOfService === null ? '' : formatDate(notice.endOfService),
      });
  }
}
