import type { SameShape } from '../../messages.js';
import type { sla as en } from '../en/sla.js';

export const sla: SameShape<typeof en> = {
  priority: {
    P1: { definition: '对客户的业务运营造成严重影响' },
    P2: { definition: '业务运营的重要方面受到负面影响；业务仍可进行，但性能下降或严重受限' },
    P3: { definition: '影响有限；大部分业务运营仍正常' },
    P4: { definition: '几乎没有影响；信息、协助、配置或其他咨询' },
  },
  tier: { support: '支持服务', 'upgrade-support': '升级支持服务' },
  tierName: { support: '应用软件支持服务', 'upgrade-support': '应用软件升级支持服务' },
};
