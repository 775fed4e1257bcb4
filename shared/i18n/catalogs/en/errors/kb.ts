/** Refusals of self-help: search, articles and the assistant. */
import type { ErrorMessages } from '../../../error-messages.js';

export const kbErrors = {
  ARTICLE_WITHDRAWN: {
    message: 'This article has been withdrawn.',
    remedy: 'Search the knowledge base for a newer article on the same subject.',
    article: {
      message: 'The article “{title}” was withdrawn on {withdrawnAt}: {reason}',
      remedy: 'Search the knowledge base for a newer article on the same subject, or ask the assistant.',
    },
  },
  INVALID_INPUT: {
    searchTextControl: {
      message: 'The text contains control characters, which cannot be searched for.',
      remedy: 'Type the words again, or paste them as plain text.',
    },
    questionEmpty: {
      message: 'The question is empty.',
      remedy: 'Describe what you are trying to do or what went wrong, for example the error message you see.',
    },
    questionTooLong: {
      message: 'The question is longer than {maxChars} characters.',
      remedy: 'Ask about one problem in a few sentences; quote only the line of the log that shows the error.',
    },
  },
  NOT_FOUND: {
    publishedArticle: {
      message: 'There is no published article {id}.',
      remedy: 'Search the knowledge base for the subject; the link may be mistyped or the article not published yet.',
    },
  },
} satisfies ErrorMessages;
