import type { SameShape } from '../../messages.js';
import type { core as en } from '../en/core.js';

export const core: SameShape<typeof en> = {
  upgradePath: {
    stopped:
      '升级路径在 {version} 处停止（第 {step} 步，共 {steps} 步）；{installedCount, plural, =0 {{serialNumber} 仍在运行 {fromVersion}} other {已安装 {installed}}}。',
  },
};
