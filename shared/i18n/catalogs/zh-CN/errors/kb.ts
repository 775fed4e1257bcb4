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
  INVALID_INPUT: {
    searchTextControl: {
      message: '文本中含有控制字符，无法搜索。',
      remedy: '请重新输入文字，或以纯文本方式粘贴。',
    },
    questionEmpty: {
      message: '问题为空。',
      remedy: '请描述您想做的事或遇到的问题，例如看到的错误信息。',
    },
    questionTooLong: {
      message: '问题超过了 {maxChars} 个字符。',
      remedy: '请用几句话描述一个问题；日志只需引用显示错误的那一行。',
    },
  },
  NOT_FOUND: {
    publishedArticle: {
      message: '没有已发布的文章 {id}。',
      remedy: '请在知识库中搜索相关主题；链接可能有误，或文章尚未发布。',
    },
  },
} satisfies ErrorMessages;
