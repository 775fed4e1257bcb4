/** Errors of the domain rules and contracts in shared/: one entry per code (message and remedy), variants nested under the code. */
import type { ErrorMessages } from '../../../error-messages.js';

export const sharedErrors = {
  INTERNAL: {
    message: 'Something went wrong inside Hi-Care Update Manager.',
    remedy: 'Try again; if it keeps happening, send a support bundle to the vendor.',
    unexpected: {
      message: 'Hi-Care Update Manager met a case it does not know how to handle.',
      remedy: 'Report this to the vendor, with a support bundle.',
    },
  },
} satisfies ErrorMessages;
