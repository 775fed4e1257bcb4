/** The back office's words: E-mail: the outbox, preferences, the mails themselves and the survey page. */
import type { Messages } from '../../../messages.js';

const KIND =
  '{kind, select, surveyInvitation {Survey invitation} requestUpdate {Request update} slaAtRisk {Response time at risk} other {Contract expiring}}';

export const mailWords = {
  mail: {
    area: 'E-mail',
    title: 'Mail outbox, newest first',
    hint: 'Mail waits here until the SMTP server accepts it; while it is down, mail is kept and tried again later.',
    kind: KIND,
    state: '{state, select, queued {Queued} sending {Sending} sent {Sent} other {Failed}}',
    failure:
      '{reason, select, unreachable {The SMTP server {server} could not be reached.} refused {The SMTP server {server} answered {smtpCode} and did not take the mail.} authentication {The SMTP server {server} did not accept the portal’s user name or password.} recipient {The SMTP server {server} refused the recipient’s address.} optedOut {Not sent: the recipient turned this kind of e-mail off.} other {Sending through {server} failed.}}',
    columns: {
      created: 'Queued',
      kind: 'Kind',
      recipient: 'Recipient',
      state: 'State',
      attempts: 'Attempts',
      nextAttempt: 'Next try',
      lastError: 'Last error',
      messageId: 'Message-ID',
    },
    retry: 'Retry now',
    retried: 'The mail will be sent at the sender’s next pass.',
    filterState: 'State',
    filterKind: 'Kind',
    any: 'Any',
    settings: {
      title: 'E-mail',
      hint: 'Choose which e-mails the portal sends you.',
      saved: 'Your e-mail choices are saved.',
      save: 'Save e-mail choices',
      pending: 'your e-mail choices',
    },
    cli: {
      usage: 'Usage: hicare-portal mail list|retry ID|send-test --to ADDRESS',
      retryUsage: 'Usage: hicare-portal mail retry ID',
      sendTestUsage: 'Usage: hicare-portal mail send-test --to ADDRESS',
      queuedTest: 'A test mail to {to} is queued ({id}); the running portal sends it.',
      notConfigured: 'No SMTP server is set (HICARE_SMTP_URL): mail stays queued until one is.',
      retried: 'Mail {id} is due now.',
      noAccount: 'No account has the address {to}.',
    },
    email: {
      greeting: 'Hello {name},',
      signature: 'Your Hi-Care service team',
      unsubscribe: 'Don’t want e-mails like this? Turn them off: {link}',
      appLink: 'Open it in Hi-Care Update Manager: {link}',
      surveyInvitation: {
        subject: 'How did we do with service request {number}?',
        body: 'Your service request {number} for {product} is closed. Would you tell us how satisfied you are? It takes a minute and needs no sign-in.',
        link: 'Rate our service: {link}',
        expires: 'The link can be used once, until {untilAt}.',
      },
      requestUpdate: {
        subject:
          '{event, select, accepted {Service request {number} is accepted} message {New message on service request {number}} other {A solution is proposed for service request {number}}}',
        body: '{event, select, accepted {Our support engineers accepted your service request {number} ({product}) and are working on it.} message {A support engineer wrote on your service request {number}:} other {A support engineer proposed a solution for your service request {number}. Please try it and confirm it, or tell us why it does not help.}}',
      },
      slaAtRisk: {
        subject: 'Response due soon: {priority} request {number}',
        body: 'Service request {number} ({priority}, {product}) has had no first contact yet. Its response is due at {dueAt}.',
      },
      contractExpiring: {
        subject: 'Your Hi-Care contract ends in {days, plural, one {# day} other {# days}}',
        body: 'Your service contract {contractId} ends on {endDate}. Renew it in time to keep updates and support for your systems.',
      },
      test: {
        subject: 'Hi-Care portal test mail',
        body: 'This mail checks that the portal can send e-mail. Nothing needs to be done.',
      },
    },
    page: {
      title: 'Service survey',
      heading: 'How satisfied are you with service request {number}?',
      rating: 'Your rating (1 = poor, 5 = excellent)',
      ratingValue: '{value, select, 1 {1 – poor} 5 {5 – excellent} other {{value}}}',
      comment: 'Comment (optional)',
      submit: 'Send my answer',
      thanks: 'Thank you. Your answer is recorded.',
      openInApp: 'Open the request in Hi-Care Update Manager',
      refused: 'This link cannot be used',
      unsubscribeHeading: 'Stop e-mails of this kind: {kind}',
      unsubscribeButton: 'Turn these e-mails off',
      unsubscribed:
        'Done. You will not get this kind of e-mail any more. You can turn it on again in the app’s settings.',
    },
  },
} satisfies Messages;
