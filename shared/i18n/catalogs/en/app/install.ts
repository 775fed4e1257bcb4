/** Installing a release, its log and what to do when it fails. */
import type { Messages } from '../../../messages.js';

export const install = {
  breadcrumbSystems: 'Systems & updates',
  breadcrumbInstall: 'Install',
  breadcrumbPath: 'Upgrade path',
  release: '{product} {version}',
  titleInstall: 'Install {release}',
  titleInstalled: 'Installed {release}',
  planHeading: 'What will happen',
  system: 'System',
  from: 'From',
  to: 'To',
  package: 'Package',
  nothingInstalled: 'nothing installed',
  downloadedVerified: ' · downloaded and verified against the signed catalog',
  notIncluded: 'This release is not included in your contract.',
  start: 'Start installation',
  installing: 'Installing…',
  tryAgain: 'Try again',
  detectedAgain: 'The installed version is detected again afterwards; not reaching {version} counts as a failure.',
  detectedAgainUnknown:
    'The installed version is detected again afterwards; not reaching the new version counts as a failure.',
  runHeading: 'Installation',
  runningStatus: 'Installing… {count, plural, one {# log line} other {# log lines}} so far.',
  doneStatus: 'Installed {toVersion}: version {detectedVersion} detected after {duration}.',
  failedStatus: 'The installation failed.',
  liveLog: 'Installer log (live)',
  installedOn: '{product} {toVersion} installed on {serialNumber}.',
  upgradedOn: '{product} {fromVersion} → {toVersion} installed on {serialNumber}.',
  backToSystem: 'Back to the system',
  failure: {
    exitCode: 'The installer exited with code {exitCode}.',
    didNotHelp: 'Did not help?',
    needHelp: 'Need help?',
    guidanceText:
      'The Technical Assistance Center can guide you remotely. The request is filled in from this failure; you see and approve everything before it is sent.',
    requestGuidance: 'Request remote guidance',
    askAdmin:
      'Ask your customer administrator to request remote guidance for this failure: IT staff accounts cannot open requests.',
    log: 'Installer log',
  },
  knownIssues: {
    heading: '{count, plural, one {A known issue matches this failure} other {# known issues match this failure}}',
    appliesTo: 'Applies to versions {versions}',
  },
  path: {
    titleUnknown: 'Upgrade {serialNumber} to {version}',
    title: 'Upgrade {product} on {serialNumber} to {version}',
    pending: 'the upgrade path',
    plan: '{serialNumber} runs {product} {fromVersion}. {product} {toVersion} installs only through {count, plural, one {one release} other {# releases, in this order}}; each is included in your contract and is downloaded, verified against the signed catalog and installed before the next one starts.',
    installOne: 'Install {version}',
    installPath: 'Install the path ({earlier}, then {last})',
    // Joins the earlier versions of a path in its button.
    versionSeparator: ', ',
    installingPath: 'Installing the path…',
    runHeading: 'The path',
    step: 'Step {index, number} of {count, number}: {product} {version}',
    detected: ' · version {version} detected',
    logOf: 'Installer log of {product} {version}',
    hopState: {
      waiting: 'waiting',
      installing: 'installing…',
      installed: 'installed',
      failed: 'failed',
    },
    success: '{product} {versions} installed on {serialNumber}.',
    // Joins the versions a path went through: "1.2.0 → 1.9.0 → 2.3.1".
    arrow: ' → ',
  },
} satisfies Messages;
