/** Refusals of the community: questions, answers, verification, acceptance and hiding. */
import type { ErrorMessages } from '../../../error-messages.js';

export const communityErrors = {
  NOT_FOUND: {
    communityQuestion: {
      message: 'There is no community question with id “{id}”.',
      remedy: 'It may have been removed by the moderators. Go back to the community list and search again.',
    },
    communityAnswer: {
      message: 'There is no community answer with id “{id}”.',
      remedy: 'It may have been removed by the moderators. Open the question again to see its answers.',
    },
  },
  INVALID_INPUT: {
    communityProduct: {
      message: 'There is no product “{product}” in the catalog.',
      remedy: 'Choose one of the products listed in the catalog for your question.',
    },
    communityControlCharacters: {
      message:
        'The {field, select, title {title} body {text} reason {reason} search {search} other {text}} contains control characters, which cannot be shown.',
      remedy: 'Remove them (they often come from pasting a terminal’s output) and send it again.',
    },
  },
  FORBIDDEN: {
    communityAcceptNotAsker: {
      message: 'Only the person who asked the question can accept an answer to it.',
      remedy: 'If your problem differs, ask a question of your own; an engineer can mark a helpful answer as verified.',
    },
  },
  ILLEGAL_TRANSITION: {
    communityPostHidden: {
      message: 'This {post, select, question {question} other {answer}} is hidden from the community.',
      remedy: 'Show it again first if it should be answered, accepted or verified.',
    },
  },
  RATE_LIMITED: {
    communityPosts: {
      message:
        'You have written {limit} posts in the last {window, select, tenMinutes {10 minutes} other {24 hours}}, as many as the community takes from one account.',
      remedy: 'Post again after {retryAt}. What you wrote was not saved, so keep a copy of it.',
    },
  },
  IDEMPOTENCY_CONFLICT: {
    communityPostReused: {
      message: 'This Idempotency-Key was already used for another post.',
      remedy:
        'Use a new Idempotency-Key for each new question or answer; resend a post only with the key it was first sent with.',
    },
  },
} satisfies ErrorMessages;
