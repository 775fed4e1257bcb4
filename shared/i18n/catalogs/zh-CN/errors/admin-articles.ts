/** Refusals of the back office: Articles: writing, revising, publishing and withdrawing. */
import type { ErrorMessages } from '../../../error-messages.js';

const STATE = '{state, select, draft {草稿} published {已发布} withdrawn {已撤回} other {{state}}}';

export const articlesErrors = {
  NOT_FOUND: {
    article: {
      message: '没有 ID 为“{id}”的文章。',
      remedy: '请在文章列表中核对文章 ID，或先撰写这篇文章。',
    },
    articleRevision: {
      message: '文章“{id}”没有第 {revision} 版。',
      remedy: '请从该文章的修订列表中选择一个版本。',
    },
  },
  ALREADY_EXISTS: {
    article: {
      message: 'ID 为“{id}”的文章已存在。',
      remedy: '请换一个 ID，或为现有文章保存新的修订版。',
    },
  },
  ILLEGAL_TRANSITION: {
    articleStaleRevision: {
      message:
        '在您编辑期间，有人保存了文章“{id}”：您是从第 {base} 版开始修改的，而最新的已是第 {latest} 版。您的内容未保存。',
      remedy: '请先复制您的修改，打开最新版本，在其中重新修改后再保存。',
    },
    articleAlreadyPublished: {
      message: '文章“{id}”的第 {revision} 版已经是读者看到的版本。',
      remedy: '无需任何操作；如需更改读者看到的内容，请保存新的修订版并发布。',
    },
    articleNotPublished: {
      message: `文章“{id}”当前状态为${STATE}，没有可撤回的内容。`,
      remedy:
        '{state, select, withdrawn {这篇文章已经撤回；如需让读者再次看到，请重新发布。} other {只有已发布的文章才能撤回；草稿本来就不会被读者看到。}}',
    },
  },
} satisfies ErrorMessages;
