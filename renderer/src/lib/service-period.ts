/**
 * Where today falls in a contract's service period, for the timeline: calendar days in the contract's own time
 * zone (DESIGN.md §3.1), so "ends 2027-03-31" means the end of that day there, wherever the viewer is.
 */
import { calendarDateAt, daysBetween } from '../../../shared/domain/dates.js';
import type { ContractStatus } from '../../../shared/domain/contract.js';
import { translator, type Translate } from '../../../shared/i18n/translator.js';
import { currentLocale } from '../i18n/index.js';

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

/** A contract's status in words, in the language shown now. */
export function contractStatusWords(status: ContractStatus, t: Translate = translator(currentLocale())): string {
  return t(`app.systems.contract.status.${status}`);
}

/**
 * The same words by status. Read when a screen renders (each entry is a getter), so it follows the language setting
 * like the rest of the screen.
 */
export const STATUS_WORDS: Readonly<Record<ContractStatus, string>> = {
  get pending() {
    return contractStatusWords('pending');
  },
  get active() {
    return contractStatusWords('active');
  },
  get expiring() {
    return contractStatusWords('expiring');
  },
  get expired() {
    return contractStatusWords('expired');
  },
};

/**
 * The sentence under the timeline: how long is left, or how long until it starts, or since when it ended. The dates
 * are days on the contract's calendar; the timeline names that calendar's zone once, beside the sentence.
 */
export function periodSentence(
  view: {
    status: ContractStatus;
    daysLeft: number;
    daysUntilStart: number;
    startDate: string;
    endDate: string;
  },
  t: Translate = translator(currentLocale()),
): string {
  switch (view.status) {
    case 'pending':
      return t('app.systems.contract.starts', { days: view.daysUntilStart, startDate: view.startDate });
    case 'active':
    case 'expiring':
      return t('app.systems.contract.left', { days: view.daysLeft, endDate: view.endDate });
    case 'expired':
      return t('app.systems.contract.ended', { endDate: view.endDate });
  }
}
