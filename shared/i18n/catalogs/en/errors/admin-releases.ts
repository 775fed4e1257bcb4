/** Refusals of the back office: Releases, their lines’ lifecycle dates, and withdrawals. */
import type { ErrorMessages } from '../../../error-messages.js';

export const releasesErrors = {
  NOT_FOUND: {
    adminRelease: {
      message: 'The catalog has no release {version} of {product}.',
      remedy: 'Check the product and version with `hicare-portal release list`, or in the console’s release list.',
    },
    releaseWithdrawal: {
      message: '{product} {version} is not withdrawn; there is no withdrawal to undo.',
      remedy: 'Check the release’s state in the release list; only a withdrawn release can be restored.',
    },
  },
  ALREADY_EXISTS: {
    releaseWithdrawn: {
      message: '{product} {version} was already withdrawn on {withdrawnAt}.',
      remedy: 'Nothing to do: it stays withdrawn. To change the reason, restore it and withdraw it again.',
    },
  },
  INVALID_INPUT: {
    withdrawalReason: {
      message: 'A withdrawal needs a reason.',
      remedy: 'Say why the release is withdrawn; customers who downloaded it read it in their notice.',
    },
  },
} satisfies ErrorMessages;
