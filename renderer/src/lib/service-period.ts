/**
 * Where today falls in a contract's service period, for the timeline: calendar days in the contract's own time
 * zone (DESIGN.md §3.1), so "ends 2027-03-31" means the end of that day there, wherever the viewer is.
 */
import { calendarDateAt, daysBetween } from '../../../shared/domain/dates.js';
import type { ContractStatus } from '../../../shared/domain/contract.js';

export interface ServicePeriodInput {
  startDate: string;
  endDate: string;
  timeZone: string;
}

export interface ServicePeriodPosition {
  today: string;
  /** Calendar days in the period, both ends included. */
  totalDays: number;
  /** Where today sits on the bar, 0–1 (clamped: before the start is 0, after the end is 1). */
  fraction: number;
}

export function servicePeriodPosition(period: ServicePeriodInput, now: Date): ServicePeriodPosition {
  const today = calendarDateAt(now, period.timeZone);
  const totalDays = daysBetween(period.startDate, period.endDate) + 1;
  // Today counts as begun: on the first day the marker sits at the start, on the last day just before the end.
  const elapsed = daysBetween(period.startDate, today);
  const fraction = totalDays <= 0 ? 1 : Math.min(1, Math.max(0, elapsed / totalDays));
  return { today, totalDays, fraction };
}

export const STATUS_WORDS: Record<ContractStatus, string> = {
  pending: 'Not started yet',
  active: 'Active',
  expiring: 'Expiring soon',
  expired: 'Expired',
};

/** The sentence under the timeline: how long is left, or how long until it starts, or since when it ended. */
export function periodSentence(view: {
  status: ContractStatus;
  daysLeft: number;
  daysUntilStart: number;
  startDate: string;
  endDate: string;
}): string {
  switch (view.status) {
    case 'pending':
      return `Service starts on ${view.startDate}, in ${view.daysUntilStart} ${view.daysUntilStart === 1 ? 'day' : 'days'}.`;
    case 'active':
    case 'expiring':
      return `${view.daysLeft} ${view.daysLeft === 1 ? 'day' : 'days'} of service left, through ${view.endDate}.`;
    case 'expired':
      return `Service ended on ${view.endDate}.`;
  }
}
