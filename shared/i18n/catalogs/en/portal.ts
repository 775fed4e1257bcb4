/** Text the portal serves besides errors (pages, reports). */
import type { Messages } from '../../messages.js';

export const portal = {
  /** /readyz when a check fails: read by operators and load balancers, in the language they asked for. */
  readiness: {
    notReady: 'This portal instance is not ready: {checks}',
    check: '{name}: {problem}',
    separator: '; ',
    noAnswer: '{failure} (no answer within {ms} ms)',
    remedy: 'Fix what the failing checks name; the load balancer sends traffic to the other instances meanwhile.',
  },
} satisfies Messages;
