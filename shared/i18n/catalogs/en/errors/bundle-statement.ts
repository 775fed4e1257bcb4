/** Refusals of the portal when it is asked to sign an entitlement statement for an offline bundle. */
import type { ErrorMessages } from '../../../error-messages.js';

export const bundleStatementErrors = {
  INVALID_INPUT: {
    statementContracts: {
      message: 'These systems are served under different contracts ({contracts}); a bundle is for one contract.',
      remedy: 'Make one bundle for the systems of each contract.',
    },
    statementTargetForNone: {
      message: 'The package {target} is not for any of the systems named.',
      remedy: 'Name the system the package is for with --serial, or leave the package out.',
    },
    statementSerialUnused: {
      message: 'None of the packages is for {serials}.',
      remedy: 'Add a package for that system, or leave its serial number out of the bundle.',
    },
  },
  TUF_REPOSITORY_BUSY: {
    statementSigner: {
      message: 'The portal’s signer did not sign the entitlement statement within {seconds} seconds.',
      remedy: 'Try again in a minute; if it keeps happening, ask the vendor whether the portal’s signer is running.',
    },
  },
} satisfies ErrorMessages;
