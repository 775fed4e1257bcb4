/** How request states and actions read on buttons and badges. */
import type { RequestAction, RequestState } from '../../../../shared/domain/request-state.js';
import type { Tone } from '../../lib/verdict-words.js';

export const ACTION_LABELS: Record<RequestAction, string> = {
  accept: 'Accept',
  'start-work': 'Start work',
  'ask-customer': 'Ask the customer',
  'customer-reply': 'Send back to the engineer',
  'propose-solution': 'Propose solution',
  'reject-solution': 'Reject: it did not work',
  confirm: 'Confirm: the solution works',
  close: 'Close request',
  cancel: 'Cancel request',
};

export const STATE_LABELS: Record<RequestState, string> = {
  submitted: 'Submitted',
  accepted: 'Accepted',
  'in-progress': 'In progress',
  'awaiting-customer': 'Awaiting customer',
  'solution-proposed': 'Solution proposed',
  confirmed: 'Confirmed',
  closed: 'Closed',
  cancelled: 'Cancelled',
};

export const STATE_TONES: Record<RequestState, Tone | 'neutral'> = {
  submitted: 'info',
  accepted: 'info',
  'in-progress': 'info',
  'awaiting-customer': 'warn',
  'solution-proposed': 'warn',
  confirmed: 'ok',
  closed: 'neutral',
  cancelled: 'neutral',
};
