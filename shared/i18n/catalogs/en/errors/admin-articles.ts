/** Refusals of the back office: Articles: writing, revising, publishing and withdrawing. */
import type { ErrorMessages } from '../../../error-messages.js';

const STATE = '{state, select, draft {a draft} published {published} withdrawn {withdrawn} other {{state}}}';

export const articlesErrors = {
  NOT_FOUND: {
    article: {
      message: 'There is no article "{id}".',
      remedy: 'Check the article id in the list of articles, or write the article first.',
    },
    articleRevision: {
      message: 'Article "{id}" has no revision {revision}.',
      remedy: 'Pick one of the revisions listed with the article.',
    },
  },
  ALREADY_EXISTS: {
    article: {
      message: 'An article "{id}" already exists.',
      remedy: 'Choose another id, or save a new revision of the existing article.',
    },
  },
  ILLEGAL_TRANSITION: {
    articleStaleRevision: {
      message:
        'Someone saved article "{id}" while you were editing: you started from revision {base}, and the newest is now revision {latest}. Your text was not saved.',
      remedy: 'Copy your changes, open the newest revision, and apply them there before saving again.',
    },
    articleAlreadyPublished: {
      message: 'Revision {revision} of article "{id}" is already the one readers see.',
      remedy: 'Nothing needs to be done; to change what readers see, save a new revision and publish it.',
    },
    articleNotPublished: {
      message: `Article "{id}" is ${STATE}, so there is nothing to withdraw.`,
      remedy:
        '{state, select, withdrawn {It is withdrawn already; publish it again if readers should see it.} other {Only a published article can be withdrawn; a draft is not visible to readers anyway.}}',
    },
  },
} satisfies ErrorMessages;
