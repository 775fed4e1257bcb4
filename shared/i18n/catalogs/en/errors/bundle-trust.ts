/** Refusals of an offline bundle's proof: the chain to the trusted root, rollback, the packages, the statement. */
import type { ErrorMessages } from '../../../error-messages.js';

export const bundleTrustErrors = {
  BUNDLE_UNTRUSTED: {
    message: 'The bundle’s signed catalog does not chain to the root this machine trusts.',
    remedy: 'Use a bundle made by your vendor’s portal; nothing from this one was installed or trusted.',
  },
  BUNDLE_ROLLBACK: {
    message: 'The bundle holds older signed metadata than this machine has already seen.',
    remedy: 'Make a new bundle on a machine with the portal and bring that one; nothing was changed.',
  },
  BUNDLE_PACKAGE_MISMATCH: {
    message: 'A package in the bundle does not match its signed entry.',
    remedy: 'Copy the bundle again from where it was made; the damaged package was not installed.',
  },
  STATEMENT_INVALID: {
    message: 'The bundle’s entitlement statement does not allow this.',
    remedy: 'Make a bundle for this system’s serial number and contract on a machine with the portal.',
  },
  STATEMENT_EXPIRED: {
    message: 'The bundle’s entitlement statement is no longer valid.',
    remedy: 'Make a new bundle on a machine with the portal; a statement holds only for the days it was issued for.',
  },
} satisfies ErrorMessages;
