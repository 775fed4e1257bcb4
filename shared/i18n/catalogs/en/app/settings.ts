/** Settings: connection, trust, language, shortcuts, support bundle. */
import type { Messages } from '../../../messages.js';

export const settings = {
  heading: 'Settings',
  reading: 'Reading settings…',
  groups: {
    portal: 'Portal and network',
    folders: 'Folders',
    trust: 'Trust',
    updates: 'Updates',
    desktop: 'Desktop',
    language: 'Language',
  },
  fields: {
    portalUrl: {
      label: 'Portal address',
      hint: 'The vendor portal this app signs in to.',
    },
    proxyUrl: {
      label: 'Proxy',
      hint: 'Empty: use HTTPS_PROXY / NO_PROXY from the environment, or connect directly.',
    },
    caBundlePath: {
      label: 'Extra CA bundle (PEM file)',
      hint: 'For a proxy or portal whose certificate your company issues.',
    },
    downloadDirectory: {
      label: 'Download folder',
      placeholder: 'Default: in the app’s data folder',
      hint: 'Where verified packages are kept.',
    },
    installRoot: {
      label: 'Install folder',
      placeholder: 'Default: in the app’s data folder',
      hint: 'Products of systems on this desktop are installed below it, one folder per system.',
    },
    trustRootPath: {
      label: 'Trusted root (root.json)',
      placeholder: 'Empty: the vendor root shipped with the app',
      hint: 'Only for a portal whose root your vendor gave you (a staging or demo portal).',
    },
  },
  checkEveryHours: 'Check for updates every (hours)',
  includePreviews: 'Show previews (prereleases)',
  startAtLogin: 'Start the app when I log in',
  startAtLoginHint:
    'In the desktop app on Windows and macOS: it opens when you log in and checks for updates in the background.',
  language: 'Language of the app',
  languageHint: 'Menus, messages and dates switch at once; what the app asks the portal for follows too.',
  save: 'Save settings',
  saved: 'Saved.',
  supportBundle: {
    heading: 'Support bundle',
    intro:
      'One file for the vendor’s support: the app’s log, the operation records, failed installations, the settings and this app’s version. Tokens, passwords, keys and the names in e-mail addresses are removed first; preview shows exactly what it holds.',
    preview: 'Preview',
    previewing: 'Preparing preview…',
    export: 'Export support bundle',
    exporting: 'Exporting…',
    written: 'Written to {path} ({size}).',
    fileSize: '({size})',
    truncated: '… the bundle holds all {size}',
  },
  shortcuts: {
    heading: 'Keyboard shortcuts',
    action: 'Action',
    keys: 'Keys',
    // Nested as the shortcut ids are dotted ('go.overview'), so `names.<id>` is the key.
    names: {
      go: {
        overview: 'Overview',
        systems: 'Systems & updates',
        downloads: 'Downloads',
        requests: 'Requests',
        workspace: 'Engineer workspace',
        settings: 'Settings',
      },
      updates: { check: 'Check for updates' },
      requests: { new: 'New service request' },
    },
  },
} satisfies Messages;
