/** 离线包格式的拒绝：在判断是否可信之前，文件或镜像所携带的内容。 */
import type { ErrorMessages } from '../../../error-messages.js';

export const bundleArchiveErrors = {
  BUNDLE_INVALID: {
    message: '这不是一个完整的 Hi-Care 离线包。',
    remedy: '请从制作离线包的地方重新复制，或用 hicare bundle create 重新制作。',
  },
} satisfies ErrorMessages;
