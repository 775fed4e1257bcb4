import type { SameShape } from '../../../messages.js';
import type { sharedErrors as en } from '../../en/errors/shared.js';

export const sharedErrors: SameShape<typeof en> = {
  INTERNAL: {
    message: 'Hi-Care 更新管理器内部出错。',
    remedy: '请重试；如果问题反复出现，请将支持包发送给厂商。',
    unexpected: {
      message: 'Hi-Care 更新管理器遇到了无法处理的情况。',
      remedy: '请向厂商报告此问题，并附上支持包。',
    },
  },
};
