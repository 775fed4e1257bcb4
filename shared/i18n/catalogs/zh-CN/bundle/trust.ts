/** 离线验证离线包并从中安装。 */
import type { Messages } from '../../../messages.js';

export const bundleTrustWords = {} satisfies Messages;
