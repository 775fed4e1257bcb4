/** What the client core writes for people besides errors: notices, view words, operation summaries, drafts. */
import type { Messages } from '../../messages.js';

export const core = {
  upgradePath: {
    blocked: 'The path {path} goes through {release}, which your contract does not allow: {reason}',
    blockedRemedy: 'Nothing was downloaded or installed. {remedy}',
    // Where a stopped upgrade path stopped; `installed` is the list of versions installed before it stopped.
    stopped:
      'The path stopped at {version} (step {step} of {steps}); {installedCount, plural, =0 {{serialNumber} still runs {fromVersion}} one {{installed} is installed} other {{installed} are installed}}.',
  },
  requests: {
    queued: 'The portal cannot be reached; the request is kept on this desktop and sent when it can be.',
  },
  draft: {
    memory: '{free} MB free of {total} MB',
    disk: '{free} MB free at the install folder',
    // The fault description a request drafted from a failed installation starts with (the customer may edit it).
    installFailed:
      'Installing {product} {toVersion} ({installedBefore, select, none {from nothing installed} other {from {fromVersion}}}) on system {serialNumber} failed: {outcome, select, exit {the installer exited with code {exitCode}} signal {the installer was stopped by {signal}} other {the installation did not complete}}.',
    cause: 'Cause reported by the installer: {cause}',
    package: 'Package {targetName} (SHA-256 {sha256}, {length} bytes, {installerType} installer).',
  },
} satisfies Messages;
