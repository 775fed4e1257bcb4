/** The installer's public surface: safe extraction, install plans per installer type, and the runner. */
export {
  archiveFormatOf,
  extractArchive,
  type ArchiveFormat,
  type ExtractOptions,
  type ExtractResult,
} from './archive.js';
export { DEFAULT_EXTRACT_LIMITS, type ExtractLimits } from './archive-entry.js';
export {
  elevate,
  installCommand,
  shellQuote,
  type ElevationContext,
  type InstallPaths,
  type InstallPlan,
} from './install-command.js';
export { InstallFailure, isInstallFailure, type InstallFailureDetails } from './install-failure.js';
export { DEFAULT_LOG_CAP, InstallLog, type LogLine, type LogStream } from './install-log.js';
export { spawnArguments, type SpawnFn } from './installer-process.js';
export { runInstaller, type InstallInput, type InstallResult } from './runner.js';
export { systemInfo, type SystemInfo } from './system-info.js';
