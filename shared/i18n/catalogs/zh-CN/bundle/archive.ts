/** 离线包文件与站点镜像：制作、读取与提供。 */
import type { Messages } from '../../../messages.js';

export const bundleArchiveWords = {} satisfies Messages;
