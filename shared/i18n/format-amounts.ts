/**
 * Amounts in a reader's language: durations, byte sizes and calendar months, for every screen, table and command
 * line that shows one. (Kept apart from ./format.ts, which the translator itself imports.)
 */
import { intlLocale } from './format.js';
import type { DisplayLocale } from './locales.js';
import { translator } from './translator.js';

/** A span of time in the two largest units that matter: "2 d 4 h", "1 h 05 min", "12 min 30 s", "45 s". */
export function formatDurationIn(locale: DisplayLocale, ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  const totalSeconds = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(totalSeconds / 86_400);
  const hours = Math.floor((totalSeconds % 86_400) / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const t = translator(locale);
  if (days > 0) return t('common.duration.days', { days, hours });
  if (hours > 0) return t('common.duration.hours', { hours, minutes: String(minutes).padStart(2, '0') });
  if (minutes > 0) return t('common.duration.minutes', { minutes, seconds: String(seconds).padStart(2, '0') });
  return t('common.duration.seconds', { seconds });
}

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/** Bytes in decimal units with two or three significant digits: "950 B", "1.23 MB", "48.5 GB". */
export function formatBytesIn(locale: DisplayLocale, bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return translator(locale)(`common.bytes.${UNITS[unit] ?? 'B'}`, { value: value.toFixed(digits) });
}

/** A month (YYYY-MM) as written: "Mar 2026" / "2026年3月". */
export function formatMonth(locale: DisplayLocale, month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (m === null) return month;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, 1);
  return new Intl.DateTimeFormat(intlLocale(locale), { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(ms);
}
