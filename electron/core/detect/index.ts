/** Installed-version detection's public surface. */
export { currentPlatform, detectVersion, type DetectContext } from './detect.js';
export { type CommandOutput } from './rule-commands.js';
export { commandRunner, type RunCommand } from './run-command.js';
export { normaliseVersion, sameVersion } from './version-text.js';
