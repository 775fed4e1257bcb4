/** Errors of the hicare command line (flags, files, prompts) and the desktop shell, as variants of their codes. */
import type { ErrorMessages } from '../../../error-messages.js';

const nothingDone =
  '{undone, select, trust {Nothing was trusted.} send {Nothing was sent.} install {Nothing was installed.} other {Nothing was done.}}';

export const cliErrors = {
  INVALID_INPUT: {
    cliNoPortal: {
      message: 'No portal is configured.',
      remedy: 'Pass --portal URL (or set HICARE_PORTAL), e.g. --portal http://127.0.0.1:8780.',
    },
    cliTooManyFiles: {
      message: '{count} files were given; a request carries at most {max}.',
      remedy: 'Put the files in one zip or tar.gz archive and attach that.',
    },
    cliConfigUrl: {
      message: 'The {key} setting must be an http:// or https:// address; "{value}" is not one.',
      remedy: 'Give the full address, for example: hicare config set {key} https://portal.example.com',
    },
    cliConfigNotPem: {
      message: 'The file {path} holds no PEM certificate, so it cannot be a CA bundle.',
      remedy:
        'Give the PEM file (lines starting with -----BEGIN CERTIFICATE-----) your network administrator provides.',
    },
    cliConfigFolder: {
      message: 'The folder {path} cannot be created or written to.',
      remedy: 'Choose a folder your account may write to: hicare config set download-folder DIR',
    },
    /** Values refused by the client core, named by the flags the user typed; `{flags}` is a list in the reader's language. */
    cliFlags: {
      message: 'These values are not accepted: {issues}.',
      remedy: 'Correct {flags} and run the command again.',
    },
  },
  NOT_FOUND: {
    cliConfigFile: {
      message: 'The file {path} cannot be found or read.',
      remedy: 'Check the path (a file your account may read), then run the command again.',
    },
    cliSystem: {
      message: 'No system {serial} is on your contracts.',
      remedy: 'Run `hicare systems` to list them.',
    },
    cliRequestNumber: {
      message: 'There is no request {number} among the requests your account can see.',
      remedy: 'List your requests and use a number from the list.',
    },
    cliAttachMissing: {
      message: 'The file {path} cannot be found.',
      remedy: 'Check the path given to --attach (a file you may read), then run the command again.',
    },
    cliAttachNotFile: {
      message: 'The file {path} is not a file.',
      remedy: 'Check the path given to --attach (a file you may read), then run the command again.',
    },
    cliAttachUnreadable: {
      message: 'The file {path} cannot be read.',
      remedy: 'Check the path given to --attach (a file you may read), then run the command again.',
    },
  },
  CONFIRMATION_REQUIRED: {
    cliNoTerminal: {
      message: `${nothingDone} This needs your confirmation and there is no terminal to ask on.`,
      remedy: 'Run it on a terminal, or add --yes: {command} --yes',
    },
    cliNotConfirmed: {
      message: `${nothingDone} You did not confirm.`,
      remedy: 'Run the command again and answer y when you are sure: {command}',
    },
  },
  REQUEST_REFUSED: {
    cliKept: {
      message:
        '{count, plural, one {The portal refused a request waiting on this desktop; it is kept.} other {The portal refused # requests waiting on this desktop; they are kept.}}',
      remedy:
        'Correct it and open it again with `hicare request create`, then remove the refused one with `hicare request discard KEY`.',
    },
  },
  UNKNOWN_METHOD: {
    desktopBridge: { message: 'There is no method "{method}".', remedy: 'Update the app.' },
  },
  KEYRING_UNAVAILABLE: {
    desktopNoKeychain: {
      message: 'This computer offers the app no keychain, so your sign-in is kept only until the app closes.',
      remedy: 'Sign in to your computer account normally (not as a temporary user) and restart the app.',
    },
    desktopNoKeychainLinux: {
      message: 'This computer offers the app no keychain, so your sign-in is kept only until the app closes.',
      remedy:
        'Install and unlock a keyring (GNOME Keyring or KWallet, for example the gnome-keyring package) and restart the app.',
    },
    desktopNoKeyringRunning: {
      message:
        'No keyring is running, so your sign-in is kept only until the app closes instead of being stored unprotected.',
      remedy:
        'Install and unlock a keyring (GNOME Keyring or KWallet, for example the gnome-keyring package) and restart the app.',
    },
  },
} satisfies ErrorMessages;
