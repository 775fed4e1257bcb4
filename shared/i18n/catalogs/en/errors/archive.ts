/**
 * Errors of unpacking a package (.tar.gz and .zip): names and links that would land outside the install folder,
 * damaged or incomplete files, and limits. Every refusal shares one remedy: nothing was installed, fetch it again.
 */
import type { ErrorMessages } from '../../../error-messages.js';

const remedy =
  'The package is damaged or unsafe and was not installed. Download it again; if it persists, report it to the vendor.';

export const archiveErrors = {
  INVALID_INPUT: {
    archiveUnknownFormat: { message: 'The package is neither a .tar.gz nor a .zip file.', remedy },
    archiveCodePage: {
      message: 'The code page "{codePage}" is not one this app can read file names in.',
      remedy: 'Choose a code page such as gbk, gb18030, cp437 or shift_jis.',
    },
    archiveDestinationIsFile: {
      message: 'The install location {destination} is a file, not a folder.',
      remedy: 'Choose a folder to install into.',
    },
    // names and links
    archiveUnnamed: { message: 'The package has an entry without a name.', remedy },
    archiveNameTooLong: {
      message: 'The package has an entry whose name is too long ({length} characters).',
      remedy,
    },
    archiveControlCharacter: {
      message: 'The package entry "{path}" has a control character in its name.',
      remedy,
    },
    archiveBackslash: { message: 'The package entry "{path}" has a backslash in its name.', remedy },
    archiveAbsolutePath: { message: 'The package entry "{path}" has an absolute path.', remedy },
    archiveDriveOrStream: { message: 'The package entry "{path}" names a drive or a file stream.', remedy },
    archiveClimbsOut: {
      message: 'The package entry "{path}" climbs out of the install folder with "..".',
      remedy,
    },
    archiveEmptyPart: { message: 'The package entry "{path}" has an empty or "." part.', remedy },
    archiveLinkNowhere: { message: 'The link "{path}" in the package points nowhere.', remedy },
    archiveLinkOutside: {
      message: 'The link "{path}" in the package points outside the install folder ("{target}").',
      remedy,
    },
    archiveLinkAtNothing: {
      message: 'The link "{path}" in the package points at nothing inside the package.',
      remedy,
    },
    archiveLinkLeadsOutside: {
      message: 'The link "{path}" in the package leads outside the install folder.',
      remedy,
    },
    archiveLinkTooLong: {
      message: 'The link "{path}" in the package has an impossibly long target.',
      remedy,
    },
    archiveHardLinkTarget: {
      message: 'The hard link "{path}" in the package does not point at a file earlier in the package.',
      remedy,
    },
    // what may be written where
    archiveThroughLink: {
      message: 'The package entry "{path}" would be written through a link ("{parent}").',
      remedy,
    },
    archiveThroughFile: {
      message: 'The package entry "{path}" would be written through a file ("{parent}").',
      remedy,
    },
    archiveFolderAndFile: { message: 'The package entry "{path}" is both a folder and a file.', remedy },
    archiveDevice: {
      message: 'The package entry "{path}" is a device or pipe, which is never installed.',
      remedy,
    },
    archiveUnknownKind: {
      message: 'The package entry "{path}" is of a kind that is never installed.',
      remedy,
    },
    archiveRootNotFolder: {
      message:
        'The package has a {type, select, symlink {symlink} hardlink {hardlink} other {file}} entry with no name.',
      remedy,
    },
    archiveLongerThanDeclared: { message: 'The package entry "{path}" is longer than it declares.', remedy },
    // limits
    archiveTooManyEntries: { message: 'The package has more than {limit} entries.', remedy },
    archiveTooLarge: { message: 'The package unpacks to more than {limit} bytes.', remedy },
    // zip
    zipNotZip: { message: 'The package is not a valid zip file (no end-of-archive record).', remedy },
    zipDamaged: { message: 'The package is not a valid zip file (damaged table of contents).', remedy },
    zipSplit: { message: 'The package is a split zip archive, which is not supported.', remedy },
    zipIncomplete: { message: 'The package ends early: it is an incomplete zip file.', remedy },
    zipEncrypted: { message: 'The package entry "{path}" is encrypted.', remedy },
    zipMethod: {
      message: 'The package entry "{path}" uses a compression method this app does not read ({method}).',
      remedy,
    },
    zipExpands: { message: 'The package entry "{path}" expands past its declared size.', remedy },
    zipEntryDamaged: {
      message: 'The package entry "{path}" is damaged (its size or checksum does not match).',
      remedy,
    },
    zipPastEnd: { message: 'The package entry "{path}" points past the end of the file.', remedy },
    // tar.gz
    tarNotGzip: { message: 'The package is not a valid gzip file or is incomplete.', remedy },
    tarIncomplete: { message: 'The package ends in the middle of an entry: it is incomplete.', remedy },
    tarNoEndMarker: {
      message: 'The package ends without the end-of-archive marker: it is incomplete.',
      remedy,
    },
    tarChecksum: {
      message: 'The package is not a valid tar archive (a header checksum does not match).',
      remedy,
    },
    tarDamagedHeader: { message: 'The package is not a valid tar archive (a damaged header).', remedy },
  },
  INSUFFICIENT_SPACE: {
    archiveUnpack: {
      message: 'There is not enough free disk space to unpack the package into {destination}.',
      remedy: 'Free some disk space and try again.',
    },
  },
  INSTALL_FAILED: {
    archivePermission: {
      message: 'The package could not be unpacked into {destination}: permission denied.',
      remedy: 'Choose an install folder you may write to, or run the app as an administrator.',
    },
    archiveUnpack: {
      message: 'The package could not be unpacked into {destination}.',
      remedy: 'Try again; if it persists, report it to the vendor.',
    },
  },
} satisfies ErrorMessages;
