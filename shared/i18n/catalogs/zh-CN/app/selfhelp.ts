/** 自助服务：搜索、文章、智能问答与社区。 */
import type { SameShape } from '../../../messages.js';
import type { selfhelp as en } from '../../en/app/selfhelp.js';

export const selfhelp: SameShape<typeof en> = {};
