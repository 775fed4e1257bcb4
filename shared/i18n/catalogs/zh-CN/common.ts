import type { SameShape } from '../../messages.js';
import type { common as en } from '../en/common.js';

export const common: SameShape<typeof en> = {
  zoned: '{when} ({zone})',
  unknown: '未知',
  none: '—',
  duration: {
    days: '{days} 天 {hours} 小时',
    hours: '{hours} 小时 {minutes} 分钟',
    minutes: '{minutes} 分 {seconds} 秒',
    seconds: '{seconds} 秒',
  },
  bytes: {
    B: '{value} B',
    KB: '{value} KB',
    MB: '{value} MB',
    GB: '{value} GB',
    TB: '{value} TB',
  },
  perSecond: '{size}/秒',
  list: {
    more: '{shown}等 {count} 项',
  },
  language: {
    system: '跟随系统',
    en: 'English',
    'zh-CN': '简体中文',
  },
};
