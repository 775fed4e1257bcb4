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
} satisfies ErrorMessages;
