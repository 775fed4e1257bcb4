import type { SameShape } from '../../../messages.js';
import type { reportsErrors as en } from '../../en/errors/admin-reports.js';

export const reportsErrors: SameShape<typeof en> = {
  INVALID_INPUT: {
    reportMonth: {
      message: '“{given}”不是有效的月份。',
      remedy: '请按“年-月”格式填写月份（YYYY-MM），例如 2026-03。',
    },
    reportSpan: {
      message: '一份报表最多涵盖 {max} 个月；从 {from} 到 {to} 超出了这个范围。',
      remedy: '请选择更短的月份范围。',
    },
  },
  END_BEFORE_START: {
    reportMonths: {
      message: '报表的结束月份（{to}）早于开始月份（{from}）。',
      remedy: '请选择与开始月份相同或更晚的结束月份。',
    },
  },
};
