/** Refusals of an offline bundle's framing: what the file or mirror carries, before any trust is decided. */
import type { ErrorMessages } from '../../../error-messages.js';

export const bundleArchiveErrors = {
  BUNDLE_INVALID: {
    message: 'This is not a complete Hi-Care bundle.',
    remedy: 'Copy the bundle again from where it was made, or make a new one with hicare bundle create.',
  },
} satisfies ErrorMessages;
