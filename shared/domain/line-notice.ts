/**
 * When a system's major line needs the customer's attention: past end of maintenance (no new updates, DESIGN.md
 * §3.2), within END_OF_SERVICE_NOTICE_DAYS of its end of service, or past it. Ninety days is about one budget and
 * change-window cycle: enough to plan and take an upgrade before the line stops being serviced.
 */
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
 * The notice in words, with the upgrade that leaves the line when there is one ("Atlas 2.3.1"). Dates are passed
 * through `formatDate` so each host writes them its way.
 */
export function lineNoticeWords(
  notice: LineNotice,
  line: string,
  upgrade: string | null,
  formatDate: (d: CalendarDate) => string = (d) => d,
): string {
  const leave =
    upgrade === null ? 'Plan the upgrade to a newer major version.' : `The upgrade to ${upgrade} leaves it.`;
  switch (notice.kind) {
    case 'past-end-of-service':
      return `${line} reached its end of service on ${formatDate(notice.endOfService)}: it is no longer serviced. ${leave}`;
    case 'nearing-end-of-service': {
      const days = notice.daysLeft === 0 ? 'today' : `in ${notice.daysLeft} ${notice.daysLeft === 1 ? 'day' : 'days'}`;
      const maintenance =
        notice.endOfMaintenance === null
          ? ''
          : ` It has had no new updates since ${formatDate(notice.endOfMaintenance)}.`;
      return `${line} reaches its end of service on ${formatDate(notice.endOfService)} (${days}).${maintenance} ${leave}`;
    }
    case 'past-end-of-maintenance': {
      const service =
        notice.endOfService === null ? '' : `, and its service ends on ${formatDate(notice.endOfService)}`;
      return `${line} reached its end of maintenance on ${formatDate(notice.endOfMaintenance)}: it gets no new updates${service}. ${leave}`;
    }
  }
}
