/** How request states read on badges: the tone of each state (the words are in the catalog, app.requests.state). */
import type { RequestState } from '../../../../shared/domain/request-state.js';
import type { Tone } from '../../lib/verdict-words.js';

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
