/** The TAC response-time SLA in words: priorities, their definitions, and the contract tiers. */
import type { Messages } from '../../messages.js';

export const sla = {
  priority: {
    P1: { definition: "critical impact on the customer's business operations" },
    P2: {
      definition:
        'significant aspects of business operations negatively impacted; operations possible but degraded or severely limited',
    },
    P3: { definition: 'limited impact; most business operations remain functional' },
    P4: { definition: 'little or no impact; information, assistance, configuration or other enquiries' },
  },
  /** The tiers' short names, as a table header or a badge shows them. */
  tier: { support: 'Support', 'upgrade-support': 'Upgrade Support' },
  /** The tiers' names as the service description writes them. */
  tierName: {
    support: 'Application Software Support',
    'upgrade-support': 'Application Software Upgrade Support',
  },
} satisfies Messages;
