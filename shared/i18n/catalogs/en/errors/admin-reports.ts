/** Refusals of the back office: Reports for the vendor: SLA, surveys, downloads, requests. */
import type { ErrorMessages } from '../../../error-messages.js';

export const reportsErrors = {
  INVALID_INPUT: {
    reportMonth: {
      message: '“{given}” is not a month.',
      remedy: 'Write the month as year and month, YYYY-MM, for example 2026-03.',
    },
    reportSpan: {
      message: 'A report covers at most {max} months; {from} to {to} is longer.',
      remedy: 'Choose a shorter range of months.',
    },
  },
  END_BEFORE_START: {
    reportMonths: {
      message: 'The report would end ({to}) before it starts ({from}).',
      remedy: 'Choose a last month that is the same as the first month or later.',
    },
  },
} satisfies ErrorMessages;
