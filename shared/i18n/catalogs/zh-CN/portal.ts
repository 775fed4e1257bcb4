import type { SameShape } from '../../messages.js';
import type { portal as en } from '../en/portal.js';

export const portal: SameShape<typeof en> = {
  readiness: {
    notReady: '此门户实例尚未就绪：{checks}',
    check: '{name}：{problem}',
    separator: '；',
    noAnswer: '{failure}（{ms} 毫秒内无应答）',
    remedy: '请排除未通过的检查项所指出的问题；在此期间，负载均衡器会将流量转发到其他实例。',
  },
};
