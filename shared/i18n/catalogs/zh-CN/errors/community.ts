/** Refusals of the community: questions, answers, verification, acceptance and hiding. */
import type { ErrorMessages } from '../../../error-messages.js';

export const communityErrors = {
  NOT_FOUND: {
    communityQuestion: {
      message: '不存在编号为“{id}”的社区问题。',
      remedy: '该问题可能已被管理员移除。请返回社区列表重新搜索。',
    },
    communityAnswer: {
      message: '不存在编号为“{id}”的社区回答。',
      remedy: '该回答可能已被管理员移除。请重新打开问题查看其回答。',
    },
  },
  INVALID_INPUT: {
    communityProduct: {
      message: '产品目录中没有“{product}”这个产品。',
      remedy: '请从产品目录所列的产品中为您的问题选择一个。',
    },
    communityControlCharacters: {
      message:
        '{field, select, title {标题} body {正文} reason {原因} search {搜索词} other {文字}}中含有无法显示的控制字符。',
      remedy: '请删除这些字符（它们通常来自粘贴的终端输出）后重新提交。',
    },
  },
  FORBIDDEN: {
    communityAcceptNotAsker: {
      message: '只有提问者本人才能采纳该问题的回答。',
      remedy: '如果您的问题不同，请另行提问；工程师可以将有帮助的回答标记为已验证。',
    },
  },
  ILLEGAL_TRANSITION: {
    communityPostHidden: {
      message: '这条{post, select, question {问题} other {回答}}已对社区隐藏。',
      remedy: '如需回答、采纳或验证，请先将其重新显示。',
    },
  },
  RATE_LIMITED: {
    communityPosts: {
      message:
        '您在过去{window, select, tenMinutes {10 分钟} other {24 小时}}内已发布 {limit} 条内容，达到了社区对单个账户的上限。',
      remedy: '请在 {retryAt} 之后再发布。刚才写的内容没有保存，请自行留存一份。',
    },
  },
  IDEMPOTENCY_CONFLICT: {
    communityPostReused: {
      message: '该 Idempotency-Key 已用于另一条帖子。',
      remedy: '每条新问题或新回答请使用新的 Idempotency-Key；重发帖子时，只能使用首次发送时的密钥。',
    },
  },
} satisfies ErrorMessages;
