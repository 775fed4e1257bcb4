/**
 * The app's log file, `<dataDirectory>/logs/app.log`: one JSON object a line (pino) with `time`, `level`, `message`
 * and the caller's `fields`, rotated by size (./rotating-file.ts). Every message and field is redacted before it is
 * written (./log-redaction.ts), so the file can go into a support bundle as it is. A line that cannot be written is
 * dropped: the log never fails what it logs.
 */
import { join } from 'node:path';
import { pino } from 'pino';
import { consoleLogger, systemClock, type Clock, type Logger } from '../adapters.js';
import { redactLogFields, redactLogText } from './log-redaction.js';
import { DEFAULT_ROTATION, RotatingFile, type RotationLimits } from './rotating-file.js';

export const LOG_DIRECTORY = 'logs';
export const APP_LOG_FILE = 'app.log';

export interface FileLoggerOptions {
  limits?: RotationLimits;
  clock?: Clock;
}

export interface ClosableLogger extends Logger {
  /** The file the lines go to. */
  readonly path: string;
  close(): void;
}

/** The log directory of a data directory. */
export function logDirectoryOf(dataDirectory: string): string {
  return join(dataDirectory, LOG_DIRECTORY);
}

export function fileLogger(directory: string, options: FileLoggerOptions = {}): ClosableLogger {
  const file = new RotatingFile(join(directory, APP_LOG_FILE), options.limits ?? DEFAULT_ROTATION);
  const clock = options.clock ?? systemClock;
  let failed = false;
  const destination = {
    write(line: string): void {
      try {
        file.write(line);
      } catch {
        // Said once on standard error (a full disk would say it for every line), then lines are dropped.
        if (!failed)
          console.error(`The app log ${file.path} cannot be written; its lines are dropped until the app restarts.`);
        failed = true;
      }
    },
  };
  const log = pino(
    {
      level: 'info',
      messageKey: 'message',
      // No host name or pid: the bundle says which desktop it is, and the pid changes with every start.
      base: null,
      timestamp: () => `,"time":"${clock.now().toISOString()}"`,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
  const line = (level: 'info' | 'warn' | 'error') => (message: string, fields?: Record<string, unknown>) => {
    const text = redactLogText(message);
    if (fields === undefined) log[level](text);
    else log[level]({ fields: redactLogFields(fields) }, text);
  };
  return { path: file.path, info: line('info'), warn: line('warn'), error: line('error'), close: () => file.close() };
}

/** Every line to each of `loggers`: the file, and standard error while someone watches the process. */
export function teeLogger(...loggers: readonly Logger[]): Logger {
  return {
    info: (m, f) => loggers.forEach((l) => l.info(m, f)),
    warn: (m, f) => loggers.forEach((l) => l.warn(m, f)),
    error: (m, f) => loggers.forEach((l) => l.error(m, f)),
  };
}

/** A host's logger: the data directory's log file, and standard error under `prefix` for whoever started it. */
export function hostLogger(dataDirectory: string, prefix: string): Logger {
  return teeLogger(fileLogger(logDirectoryOf(dataDirectory)), consoleLogger(prefix));
}
