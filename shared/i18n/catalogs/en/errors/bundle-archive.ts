/** Refusals of an offline bundle's framing: what the file or mirror carries, before any trust is decided. */
import type { ErrorMessages } from '../../../error-messages.js';

const COPY_AGAIN = 'Copy the bundle again from where it was made, or make a new one with hicare bundle create.';

export const bundleArchiveErrors = {
  BUNDLE_INVALID: {
    message: 'This is not a complete Hi-Care bundle.',
    remedy: COPY_AGAIN,
    manifestMissing: {
      message: 'This file is not a Hi-Care bundle: it does not start with a bundle manifest.',
      remedy: 'Choose the .tar file made by hicare bundle create, not a package or another archive.',
    },
    manifestUnreadable: {
      message: 'The bundle’s manifest cannot be read.',
      remedy: COPY_AGAIN,
    },
    newerFormat: {
      message: 'This bundle was made in format {version}, which this version of Hi-Care cannot read.',
      remedy: 'Update Hi-Care on this desktop, or make the bundle with the same version of Hi-Care.',
    },
    memberPath: {
      message: 'The bundle holds a file with an unsafe name: {name}.',
      remedy: 'Do not use this bundle. Make a new one with hicare bundle create.',
    },
    nonRegular: {
      message: 'The bundle holds {name}, which is a link or a special file, not a plain file.',
      remedy: 'Do not use this bundle. Make a new one with hicare bundle create.',
    },
    duplicateMember: {
      message: 'The bundle holds {name} more than once.',
      remedy: 'Do not use this bundle. Make a new one with hicare bundle create.',
    },
    unknownMember: {
      message: 'The bundle holds {name}, which its manifest does not list.',
      remedy: 'Do not use this bundle. Make a new one with hicare bundle create.',
    },
    missingMember: {
      message: 'The bundle is missing {name}, which its manifest lists.',
      remedy: COPY_AGAIN,
    },
    memberSize: {
      message: '{name} in the bundle is {actual} bytes, but its manifest says {expected}.',
      remedy: COPY_AGAIN,
    },
    memberHash: {
      message: '{name} in the bundle does not match its manifest.',
      remedy: COPY_AGAIN,
    },
    memberTooLarge: {
      message: '{name} in the bundle is larger than the {limitMiB} MiB a bundle may hold there.',
      remedy: 'Do not use this bundle. Make a new one with hicare bundle create.',
    },
    noPackages: {
      message: 'The bundle holds no packages.',
      remedy: 'Make a bundle with at least one release in it.',
    },
    packageAbsent: {
      message: 'The bundle does not hold the package {name}.',
      remedy: 'Make a bundle that holds this release.',
    },
    truncated: {
      message: 'The bundle ends too early: it was cut off while being copied or downloaded.',
      remedy: COPY_AGAIN,
    },
    trailingData: {
      message: 'The bundle has extra data after its end.',
      remedy: COPY_AGAIN,
    },
    damagedHeader: {
      message: 'The bundle is damaged: an entry’s header cannot be read.',
      remedy: COPY_AGAIN,
    },
    sourceChanged: {
      message: 'The downloaded package {name} changed after it was verified, so it was not put in the bundle.',
      remedy: 'Run the command again; the package will be downloaded and verified again.',
    },
    mirrorIndex: {
      message: 'The site mirror at {url} does not answer like a Hi-Care mirror.',
      remedy: 'Check the address; it is printed by hicare mirror serve on the machine that runs the mirror.',
    },
    mirrorAnswer: {
      message: 'The site mirror at {url} answered {status} for {name}.',
      remedy: 'Check that the mirror still serves the bundle, or copy the bundle file to this desktop.',
    },
  },
  INVALID_INPUT: {
    bundleSerialMissing: {
      message: 'Name at least one system with --serial.',
      remedy: 'Add --serial followed by a serial number of your contract; repeat it for more systems.',
    },
    bundleSelection: {
      message: 'Say which releases go into the bundle with exactly one of --release, --updates or --path-to.',
      remedy:
        'Use --release NAME (repeatable) for named packages, --updates for what each system should take, or --path-to VERSION for the hops to a version.',
    },
    bundleOutMissing: {
      message: 'Say where to write the bundle with --out FILE.',
      remedy: 'Add --out followed by a file name, for example --out site-a.hicare.tar.',
    },
    bundleValidDays: {
      message: '--valid-days must be a whole number of days from 1 to {max}; “{value}” is not.',
      remedy: 'Give a number of days such as 90.',
    },
    bundleNothingAvailable: {
      message: 'There is nothing for {serials} to take, so no bundle was written.',
      remedy: 'Run hicare check to see what each system may take, or name releases with --release.',
    },
    bundleReleaseNotForSystems: {
      message: '{name} is not for the product of any system named ({serials}).',
      remedy: 'Name a release of the systems’ own product, or add --serial for a system it is for.',
    },
    bundleFolderExists: {
      message: 'The folder {path} already exists and is not empty.',
      remedy: 'Choose a new folder to export the bundle into.',
    },
    mirrorNoBundles: {
      message: 'Name at least one bundle file for the mirror to serve.',
      remedy: 'Run hicare mirror serve BUNDLE... --port P.',
    },
    mirrorPort: {
      message: '--port must be a port number from 0 to 65535; “{value}” is not.',
      remedy: 'Give a port such as 8080.',
    },
  },
  TRUST_METADATA_INVALID: {
    bundleMetadata: {
      message: 'The portal’s signed catalog is incomplete on this desktop ({file}), so no bundle was written.',
      remedy: 'Run hicare check once to refresh the catalog, then make the bundle again.',
    },
  },
  NOT_FOUND: {
    bundleSystem: {
      message: 'No system {serial} is in your contracts.',
      remedy: 'Run hicare systems to see the serial numbers you may make bundles for.',
    },
    mirrorPath: {
      message: 'The site mirror has nothing at this address.',
      remedy: 'Read /mirror.json for what the mirror serves.',
    },
  },
  METHOD_NOT_ALLOWED: {
    mirrorReadOnly: {
      message: 'The site mirror only serves files; it cannot be changed over the network.',
      remedy: 'Use GET or HEAD.',
    },
  },
  RANGE_NOT_SATISFIABLE: {
    mirrorRange: {
      message: 'The part of the file asked for is not in it.',
      remedy: 'Ask for a range within the file’s length.',
    },
  },
} satisfies ErrorMessages;
