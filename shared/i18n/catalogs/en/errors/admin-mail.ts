/** Refusals of the back office: E-mail: the outbox, preferences and the survey page. */
import type { ErrorMessages } from '../../../error-messages.js';

export const mailErrors = {
  NOT_FOUND: {
    mailOutbox: {
      message: 'There is no mail with id "{id}" in the outbox.',
      remedy: 'Check the id in the outbox list.',
    },
    mailLink: {
      message: 'This link is not known to the portal.',
      remedy: 'Open the link exactly as it is in the e-mail, or answer in the Hi-Care Update Manager.',
    },
    mailRecipient: {
      message: 'No account has the address {to}.',
      remedy: 'Send the test mail to the address of an existing account.',
    },
  },
  ILLEGAL_TRANSITION: {
    mailNotRetryable: {
      message:
        '{state, select, sent {This mail was already sent; sending it again would deliver it twice.} other {This mail is being sent right now.}}',
      remedy: '{state, select, sent {Nothing needs to be done.} other {Wait a moment and look at the outbox again.}}',
    },
  },
  ALREADY_EXISTS: {
    surveyLinkUsed: {
      message: 'This survey link was already used: the answer is recorded.',
      remedy: 'Nothing needs to be done. Thank you for answering.',
    },
  },
  LINK_EXPIRED: {
    message: 'This link has expired.',
    remedy: 'Ask for a new one, or do the same in the Hi-Care Update Manager.',
    survey: {
      message: 'This survey link expired on {expiredAt}.',
      remedy: 'You can still answer in the Hi-Care Update Manager, on the closed request.',
    },
  },
  INVALID_INPUT: {
    surveyForm: {
      message: 'Choose a rating from 1 to 5; a comment may have at most 2000 characters.',
      remedy: 'Go back, choose a rating and send the form again.',
    },
    mailSettings: {
      message: 'The e-mail setting {name} is not valid.',
      remedy: 'Set {name} as deploy/portal.env.example shows (smtp://host:port or smtps://user:password@host:port).',
    },
  },
} satisfies ErrorMessages;
