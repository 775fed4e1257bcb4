/** The back office's frame: the console section, its lists and paging, and the audit trail. */
import type { Messages } from '../../../messages.js';

export const consoleFrame = {
  console: {
    title: 'Back office',
    areasLabel: 'Areas',
    search: 'Search',
    searchPlaceholder: 'Name or id',
    previous: 'Previous',
    next: 'Next',
    pageRange: '{first}–{last} of {total, number}',
    empty: 'Nothing matches.',
    pending: 'the list',
    save: 'Save',
    cancel: 'Cancel',
    create: 'Create',
    saved: 'Saved.',
    backToList: 'Back to the list',
    notAllowed: 'The back office is for the vendor’s portal administrators.',
  },
  cli: {
    jsonOrCsv: 'Choose one of --json and --csv.',
    lang: '--lang {given}: use en or zh-CN.',
    pageFooter: '{first}–{last} of {total, number}; --offset and --limit show others.',
  },
  audit: {
    area: 'Audit trail',
    title: 'Every change, newest first',
    hint: 'Who changed what in the back office, through the console, the API or the portal’s command line.',
    at: 'When',
    actor: 'Who',
    action: 'What',
    subject: 'Record',
    changes: 'Fields set',
    subjectKind: {
      customer: 'Customer',
      account: 'Account',
      contract: 'Contract',
      system: 'System',
      region: 'Region',
      release: 'Release',
      line: 'Major line',
      mail: 'E-mail',
      article: 'Article',
    },
  },
} satisfies Messages;
