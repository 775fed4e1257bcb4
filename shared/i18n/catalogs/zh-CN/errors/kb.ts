/** 自助服务的拒绝：搜索、文章与智能问答。 */
import type { ErrorMessages } from '../../../error-messages.js';

export const kbErrors = {
  ARTICLE_WITHDRAWN: {
    message: '这篇文章已撤回。',
    remedy: '请在知识库中搜索同一主题的新文章。',
    article: {
      message: '文章“{title}”已于 {withdrawnAt} 撤回：{reason}',
      remedy: '请在知识库中搜索同一主题的新文章，或询问智能助手。',
    },
  },
} satisfies ErrorMessages;
