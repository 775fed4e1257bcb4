/** 后台：知识库文章的撰写、修订、发布与撤回。 */
import type { SameShape } from '../../../messages.js';
import type { articlesWords as en } from '../../en/admin/articles.js';

export const articlesWords: SameShape<typeof en> = {};
