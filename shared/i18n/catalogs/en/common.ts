/** Words every surface shares: how a zoned time reads, spans of time, sizes. */
import type { Messages } from '../../messages.js';

export const common = {
  // A time or date with the zone it is read in, e.g. "31 Mar 2027, Asia/Shanghai".
  zoned: '{when}, {zone}',
  unknown: 'unknown',
  none: '—',
  duration: {
    days: '{days} d {hours} h',
    hours: '{hours} h {minutes} min',
    minutes: '{minutes} min {seconds} s',
    seconds: '{seconds} s',
  },
  bytes: {
    B: '{value} B',
    KB: '{value} KB',
    MB: '{value} MB',
    GB: '{value} GB',
    TB: '{value} TB',
  },
  perSecond: '{size}/s',
  list: {
    // How a short list of names joins; Intl.ListFormat does the commas, the catalog only says "and"/"or".
    more: '{shown} and {count, plural, one {# more} other {# more}}',
  },
  language: {
    system: 'Same as the system',
    en: 'English',
    'zh-CN': '简体中文',
  },
} satisfies Messages;
