/**
 * Refusals of the paths a user types in the app for bulk downloads, bundle exports and bundle imports: the web host
 * has no native picker, so a path is checked here before anything is written or read.
 */
import type { ErrorMessages } from '../../../error-messages.js';

export const appBundleErrors = {
  INVALID_INPUT: {
    downloadFolderNotFull: {
      message: 'The download folder must be a full path; {path} is not one.',
      remedy:
        'Give the whole path of a folder, such as /home/you/Downloads/Hi-Care or C:\\Users\\you\\Downloads\\Hi-Care.',
    },
    bundleFileNotFull: {
      message: 'A bundle is saved under a full path; {path} is not one.',
      remedy: 'Give the whole path of the file to write, such as /media/usb/site-north.hicare.',
    },
    bundleFolderNotFull: {
      message: 'An export folder must be a full path; {path} is not one.',
      remedy: 'Give the whole path of a new or empty folder, such as /media/usb/site-north.',
    },
    bundleImportNotFull: {
      message: 'A bundle to import is named by its full path; {path} is not one.',
      remedy: 'Give the whole path of the bundle file, such as /media/usb/site-north.hicare.',
    },
    bundleImportIsFolder: {
      message: '{path} is a folder, not a bundle file.',
      remedy: 'Give the path of the bundle file itself (an exported folder holds its packages, not a bundle).',
    },
  },
  ALREADY_EXISTS: {
    bundleExportFile: {
      message: 'There is already a file at {path}; it was left as it is.',
      remedy: 'Choose another file name, or move the earlier file away first.',
    },
    bundleExportFolderNotEmpty: {
      message: 'The folder {path} already holds files; nothing was written to it.',
      remedy: 'Choose a new or empty folder, so the export is not mixed with other files.',
    },
  },
  NOT_FOUND: {
    bundleExportParent: {
      message: 'The folder {folder} does not exist, so the bundle cannot be saved there.',
      remedy: 'Choose a file in a folder that exists (a USB drive must be plugged in and mounted).',
    },
    bundleToImport: {
      message: 'There is no bundle file at {path}.',
      remedy: 'Check the path (a USB drive must be plugged in and mounted) and try again.',
    },
  },
} satisfies ErrorMessages;
