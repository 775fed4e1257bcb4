/**
 * Dates, times and numbers in a reader's locale, through Intl only. A time always names its zone; a contract date
 * is a day on the contract's calendar, so it is written with the contract's zone and never shifted by the reader's.
 */
import type { DisplayLocale } from './locales.js';
import type { MessageParams } from './messages.js';

/** The Intl locale each catalog formats with (English dates read "31 Mar 2027"). */
export function intlLocale(locale: DisplayLocale): string {
  return locale === 'zh-CN' ? 'zh-CN' : 'en-GB';
}

const cache = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(locale: DisplayLocale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (f === undefined) {
    f = new Intl.DateTimeFormat(intlLocale(locale), options);
    cache.set(key, f);
  }
  return f;
}

/** The reader's own time zone, as the runtime knows it. */
export function localTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

function zoned(locale: DisplayLocale, when: string, zone: string): string {
  return locale === 'zh-CN' ? `${when} (${zone})` : `${when}, ${zone}`;
}

function knownZone(zone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return 'UTC';
  }
}

/** An instant as date and time in a zone, zone named: "6 Dec 2026, 20:21, Europe/Berlin" / "2026年12月6日 20:21 (Europe/Berlin)". */
export function formatInstant(locale: DisplayLocale, instant: string | number | Date, zone = localTimeZone()): string {
  const ms = instant instanceof Date ? instant.getTime() : typeof instant === 'number' ? instant : Date.parse(instant);
  if (!Number.isFinite(ms)) return String(instant);
  const tz = knownZone(zone);
  const when = dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: tz }).format(ms);
  return zoned(locale, when, tz);
}

/** An instant's day only, in a zone, zone named. */
export function formatInstantDate(
  locale: DisplayLocale,
  instant: string | number | Date,
  zone = localTimeZone(),
): string {
  const ms = instant instanceof Date ? instant.getTime() : typeof instant === 'number' ? instant : Date.parse(instant);
  if (!Number.isFinite(ms)) return String(instant);
  const tz = knownZone(zone);
  return zoned(locale, dateTimeFormat(locale, { dateStyle: 'medium', timeZone: tz }).format(ms), tz);
}

/**
 * A calendar date (YYYY-MM-DD) as written: "31 Mar 2027" / "2027年3月31日"; with its zone named when the date
 * belongs to a place, as a contract's does: "31 Mar 2027, Asia/Shanghai" / "2027年3月31日 (Asia/Shanghai)".
 */
export function formatCalendarDate(locale: DisplayLocale, date: string, zone?: string): string {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T00:00:00Z`) : Number.NaN;
  if (!Number.isFinite(ms)) return date;
  const day = dateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(ms);
  return zone === undefined ? day : zoned(locale, day, zone);
}

export function formatNumber(locale: DisplayLocale, value: number): string {
  return new Intl.NumberFormat(intlLocale(locale)).format(value);
}

/** Writes out date and instant params for a message: `…Date` as a calendar date, `…At` as an instant, in `zone`. */
export function formatParams(locale: DisplayLocale, params: MessageParams): Record<string, string | number> {
  const zone = typeof params['zone'] === 'string' ? params['zone'] : undefined;
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === 'string' && name.endsWith('Date') && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
      out[name] = formatCalendarDate(locale, value, zone);
    } else if (typeof value === 'string' && name.endsWith('At') && Number.isFinite(Date.parse(value))) {
      out[name] = formatInstant(locale, value, zone);
    } else out[name] = value;
  }
  return out;
}
