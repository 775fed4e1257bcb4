/** Refusals of an offline bundle's proof: the chain to the trusted root, rollback, the packages, the statement. */
import type { ErrorMessages } from '../../../error-messages.js';

/** Which signed file a rollback or expiry is about, in words rather than file names. */
const WHICH =
  '{kind, select, timestamp {time stamp} snapshot {snapshot} targets {package list} other {part of the package list}}';

export const bundleTrustErrors = {
  BUNDLE_UNTRUSTED: {
    message: 'The bundle’s signed catalog does not chain to the root this machine trusts.',
    remedy: 'Use a bundle made by your vendor’s portal; nothing from this one was installed or trusted.',
    rootUnreadable: {
      message: 'Root version {version} in the bundle cannot be read.',
      remedy: 'Copy the bundle again from where it was made; nothing from this one was installed or trusted.',
    },
    rootNotChained: {
      message: 'Root version {version} in the bundle is not signed by the keys this machine trusts.',
      remedy: 'Use a bundle made by your vendor’s portal; nothing from this one was installed or trusted.',
    },
    missingRoot: {
      message: 'The bundle skips root version {version}, so its newer roots cannot be checked.',
      remedy:
        'Make the bundle again with hicare bundle create: it carries every root; nothing was installed or trusted.',
    },
    metadataMissing: {
      message: `The bundle lacks the signed ${WHICH} (version {version}).`,
      remedy: 'Make the bundle again with hicare bundle create; nothing from this one was installed or trusted.',
    },
    metadataUnreadable: {
      message: `The bundle’s signed ${WHICH} cannot be read.`,
      remedy: 'Copy the bundle again from where it was made; nothing from this one was installed or trusted.',
    },
    signature: {
      message: `The bundle’s ${WHICH} is not signed by the keys this machine trusts.`,
      remedy: 'Use a bundle made by your vendor’s portal; nothing from this one was installed or trusted.',
    },
    metaMismatch: {
      message: `The bundle’s ${WHICH} is not the one its signed catalog names.`,
      remedy: 'Copy the bundle again from where it was made; nothing from this one was installed or trusted.',
    },
    expiredWhenIssued: {
      message: `The bundle’s ${WHICH} had expired on {expiresAt}, before the statement was issued on {issuedAt}.`,
      remedy: 'Make a new bundle on a machine with the portal; nothing from this one was installed or trusted.',
    },
  },
  BUNDLE_ROLLBACK: {
    message: 'The bundle holds older signed metadata than this machine has already seen.',
    remedy: 'Make a new bundle on a machine with the portal and bring that one; nothing was changed.',
    olderRoot: {
      message: 'The bundle’s newest root is version {version}, older than version {seen} that this machine trusts.',
      remedy: 'Make a new bundle on a machine with the portal and bring that one; nothing was changed.',
    },
    olderMetadata: {
      message: `The bundle’s ${WHICH} is version {version}, older than version {seen} that this machine has seen.`,
      remedy: 'Make a new bundle on a machine with the portal and bring that one; nothing was changed.',
    },
  },
  BUNDLE_PACKAGE_MISMATCH: {
    message: 'A package in the bundle does not match its signed entry.',
    remedy: 'Copy the bundle again from where it was made; the damaged package was not installed.',
    notInMetadata: {
      message: 'The bundle carries {name}, which its signed catalog does not list.',
      remedy: 'Use a bundle made by hicare bundle create; nothing from this one was installed or trusted.',
    },
    entryIncomplete: {
      message: 'The signed entry of {name} lacks its SHA-256 or its description.',
      remedy: 'Report this to the vendor; nothing from this bundle was installed or trusted.',
    },
    bytesDiffer: {
      message: 'The bytes of {name} in the bundle do not match its signed SHA-256.',
      remedy: 'Copy the bundle again from where it was made; the damaged package was not installed.',
    },
    lengthDiffers: {
      message: 'The package {name} in the bundle is not {length} bytes long, as its signed entry says.',
      remedy: 'Copy the bundle again from where it was made; the damaged package was not installed.',
    },
  },
  STATEMENT_INVALID: {
    message: 'The bundle’s entitlement statement does not allow this.',
    remedy: 'Make a bundle for this system’s serial number and contract on a machine with the portal.',
    malformed: {
      message: 'The bundle’s entitlement statement cannot be read.',
      remedy: 'Copy the bundle again from where it was made; nothing from this one was installed or trusted.',
    },
    unsigned: {
      message: 'The bundle’s entitlement statement is not signed by the portal keys this machine trusts.',
      remedy: 'Use a bundle made by your vendor’s portal; nothing from this one was installed or trusted.',
    },
    issuedInFuture: {
      message: 'The statement says it was issued on {issuedAt}, later than this machine’s clock ({nowAt}).',
      remedy: 'Set this machine’s date and time correctly, then try again.',
    },
    otherSerial: {
      message: 'The bundle’s statement covers {serials}, not system {serial}.',
      remedy: 'Make a bundle for {serial} on a machine with the portal.',
    },
    otherContract: {
      message: 'The bundle’s statement is for contract {statementContract}, not contract {contract} of this system.',
      remedy: 'Make a bundle for this system’s contract on a machine with the portal.',
    },
    targetNotCovered: {
      message: 'The bundle carries {name}, which its statement does not cover.',
      remedy: 'Make the bundle again with hicare bundle create; nothing from this one was installed.',
    },
    targetDiffers: {
      message: 'The statement describes {name} differently from the signed catalog.',
      remedy: 'Use a bundle made by your vendor’s portal; nothing from this one was installed or trusted.',
    },
  },
  STATEMENT_EXPIRED: {
    message: 'The bundle’s entitlement statement is no longer valid.',
    remedy: 'Make a new bundle on a machine with the portal; a statement holds only for the days it was issued for.',
    validUntil: {
      message: 'The bundle’s entitlement statement was valid until {validUntilAt}.',
      remedy: 'Make a new bundle on a machine with the portal; a statement holds only for the days it was issued for.',
    },
  },
  PACKAGE_NOT_FOR_SYSTEM: {
    bundleHasNone: {
      message: 'The bundle holds no package of {product} for {platform}, which system {serial} needs.',
      remedy: 'Make a bundle for {serial} with hicare bundle create --serial {serial}.',
    },
    bundleNothingNewer: {
      message: 'The bundle holds nothing newer than {version} for system {serial}.',
      remedy: 'Make a bundle with the release you want with hicare bundle create --serial {serial}.',
    },
    bundleLacksTarget: {
      message: 'The bundle does not carry {name}.',
      remedy: 'Run hicare bundle verify on the file to see what it carries.',
    },
  },
} satisfies ErrorMessages;
