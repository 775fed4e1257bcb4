import type { SameShape } from '../../../messages.js';
import type { releasesErrors as en } from '../../en/errors/admin-releases.js';

export const releasesErrors: SameShape<typeof en> = {
  NOT_FOUND: {
    adminRelease: {
      message: '目录中没有 {product} 的 {version} 版本。',
      remedy: '请用 `hicare-portal release list` 或在控制台的版本列表中核对产品和版本。',
    },
    releaseWithdrawal: {
      message: '{product} {version} 未被撤回，没有可撤销的撤回。',
      remedy: '请在版本列表中查看该版本的状态；只有已撤回的版本才能恢复。',
    },
  },
  ALREADY_EXISTS: {
    releaseWithdrawn: {
      message: '{product} {version} 已于 {withdrawnAt} 撤回。',
      remedy: '无需操作：它仍保持撤回状态。如需修改原因，请先恢复，再重新撤回。',
    },
  },
  INVALID_INPUT: {
    withdrawalReason: {
      message: '撤回版本需要填写原因。',
      remedy: '请说明撤回该版本的原因；已下载该版本的客户会在通知中看到它。',
    },
  },
};
