/** 应用的批量下载文件夹、连同证明导出下载内容，以及导入离线包。 */
import type { Messages } from '../../../messages.js';

export const bundles = {} satisfies Messages;
