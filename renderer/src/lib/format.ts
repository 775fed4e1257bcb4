/** How sizes, rates, durations and times read on screen: short, unambiguous, the same on every screen. */

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${UNITS[unit] ?? 'B'}`;
}

export function formatSpeed(bytesPerSecond: number): string {
  if (!Number.isFinite(bytesPerSecond) || bytesPerSecond <= 0) return '—';
  return `${formatBytes(bytesPerSecond)}/s`;
}

/** A span of time in the two largest units that matter: "2 d 4 h", "1 h 05 min", "12 min 30 s", "45 s". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  const totalSeconds = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(totalSeconds / 86_400);
  const hours = Math.floor((totalSeconds % 86_400) / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${String(minutes).padStart(2, '0')} min`;
  if (minutes > 0) return `${minutes} min ${String(seconds).padStart(2, '0')} s`;
  return `${seconds} s`;
}

export function formatEta(etaSeconds: number | null): string {
  if (etaSeconds === null || !Number.isFinite(etaSeconds) || etaSeconds < 0) return 'unknown';
  return formatDuration(etaSeconds * 1000);
}

/** Percent done, 0–100, never NaN (an unknown total reads as 0). */
export function percentOf(received: number, total: number): number {
  if (!Number.isFinite(received) || !Number.isFinite(total) || total <= 0) return 0;
  return Math.min(100, Math.max(0, Math.round((received / total) * 100)));
}

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

/** An instant in the viewer's local time. */
export function formatDateTime(iso: string | null): string {
  if (iso === null) return '—';
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? dateTime.format(new Date(ms)) : iso;
}

/** A calendar date (YYYY-MM-DD) as written, never shifted by the viewer's time zone. */
export function formatCalendarDate(date: string): string {
  const ms = Date.parse(`${date}T00:00:00Z`);
  return Number.isFinite(ms) ? dateOnly.format(new Date(ms)) : date;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Product ids are lowercase slugs ("atlas"); people read names. The CLI names them the same way. */
export { productName as productLabel } from '../../../shared/domain/licence.js';

/** A fingerprint in groups of four, upper case, however it arrived (plain hex, colons, spaces), to read aloud and compare. */
export function groupFingerprint(fingerprint: string): string {
  const hex = fingerprint.replace(/[\s:]/g, '').toUpperCase();
  return hex.replace(/(.{4})(?=.)/g, '$1 ');
}
