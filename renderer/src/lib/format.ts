/** How sizes, rates, durations and times read on screen: short, unambiguous, the same on every screen. */

import {
  formatCalendarDate as calendarDateIn,
  formatInstant,
  formatNumber as numberIn,
} from '../../../shared/i18n/format.js';
import { formatBytesIn, formatDurationIn } from '../../../shared/i18n/format-amounts.js';
import { translator } from '../../../shared/i18n/translator.js';
import { currentLocale } from '../i18n/index.js';

export { productLabel } from '../../../shared/domain/product-label.js';

export function formatBytes(bytes: number): string {
  return formatBytesIn(currentLocale(), bytes);
}

export function formatSpeed(bytesPerSecond: number): string {
  if (!Number.isFinite(bytesPerSecond) || bytesPerSecond <= 0) return '—';
  return translator(currentLocale())('common.perSecond', { size: formatBytes(bytesPerSecond) });
}

/** A span of time in the two largest units that matter: "2 d 4 h", "1 h 05 min", "12 min 30 s", "45 s". */
export function formatDuration(ms: number): string {
  return formatDurationIn(currentLocale(), ms);
}

export function formatEta(etaSeconds: number | null): string {
  if (etaSeconds === null || !Number.isFinite(etaSeconds) || etaSeconds < 0) {
    return translator(currentLocale())('common.unknown');
  }
  return formatDuration(etaSeconds * 1000);
}

/** Percent done, 0–100, never NaN (an unknown total reads as 0). */
export function percentOf(received: number, total: number): number {
  if (!Number.isFinite(received) || !Number.isFinite(total) || total <= 0) return 0;
  return Math.min(100, Math.max(0, Math.round((received / total) * 100)));
}

/** An instant in the viewer's language and local time, the zone named: "6 Dec 2026, 09:30, Europe/Berlin". */
export function formatDateTime(iso: string | null, zone?: string): string {
  if (iso === null) return '—';
  return formatInstant(currentLocale(), iso, zone);
}

/**
 * A calendar date (YYYY-MM-DD) as written, never shifted by the viewer's time zone; a contract's date names the
 * contract's zone: "31 Mar 2027, Asia/Shanghai" / "2027年3月31日 (Asia/Shanghai)".
 */
export function formatCalendarDate(date: string, zone?: string): string {
  return calendarDateIn(currentLocale(), date, zone);
}

export function formatCount(n: number): string {
  return numberIn(currentLocale(), n);
}

/** @deprecated English-only plural: write an ICU plural in the catalog instead. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Product ids are lowercase slugs ("atlas"); people read names. */
/** A fingerprint in groups of four, upper case, however it arrived (plain hex, colons, spaces), to read aloud and compare. */
export function groupFingerprint(fingerprint: string): string {
  const hex = fingerprint.replace(/[\s:]/g, '').toUpperCase();
  return hex.replace(/(.{4})(?=.)/g, '$1 ');
}
