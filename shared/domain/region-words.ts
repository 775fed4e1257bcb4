/** A region's calendar and response times in words, for the console, the customer's contract card and the CLI. */
import type { Translate } from '../i18n/translator.js';
import type { Weekday } from './dates.js';
import { PRIORITIES, type ResponseTable, type ResponseTarget } from './sla.js';

/** "Mon, Tue, Wed" / "周一、周二、周三", in week order from Monday (0 = Sunday goes last). */
export function workdaysWords(days: readonly Weekday[], t: Translate): string {
  const ordered = [...new Set(days)].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7));
  return ordered.map((d) => t(`admin.regions.weekday.d${d}`)).join(t('admin.regions.weekdaySeparator'));
}

export function responseTargetWords(target: ResponseTarget, t: Translate): string {
  return target.kind === 'minutes'
    ? t('admin.regions.table.minutes', { minutes: target.minutes })
    : t('admin.regions.table.nextBusinessDay');
}

/** "P3 90 minutes, P4 next business day", or that the service description's times apply. */
export function responseTableWords(table: ResponseTable, t: Translate): string {
  const set = PRIORITIES.filter((p) => table[p] !== undefined);
  if (set.length === 0) return t('admin.regions.defaultTimes');
  return set.map((p) => `${p} ${responseTargetWords(table[p]!, t)}`).join(t('admin.regions.weekdaySeparator'));
}
