/** The app's log file: where it is, how it rotates, what is redacted before a line is written. */
export {
  APP_LOG_FILE,
  LOG_DIRECTORY,
  fileLogger,
  hostLogger,
  logDirectoryOf,
  teeLogger,
  type ClosableLogger,
  type FileLoggerOptions,
} from './file-logger.js';
export { redactLogFields, redactLogText } from './log-redaction.js';
export { DEFAULT_ROTATION, RotatingFile, rotatedNames, type RotationLimits } from './rotating-file.js';
