/** What the client core writes for people besides errors: notices, view words, operation summaries, drafts. */
import type { Messages } from '../../messages.js';

export const core = {
  upgradePath: {
    // Where a stopped upgrade path stopped; `installed` is the list of versions installed before it stopped.
    stopped:
      'The path stopped at {version} (step {step} of {steps}); {installedCount, plural, =0 {{serialNumber} still runs {fromVersion}} one {{installed} is installed} other {{installed} are installed}}.',
  },
} satisfies Messages;
