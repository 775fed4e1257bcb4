/**
 * The portal's log: one JSON object a line (pino, which Fastify logs through), so that a log shipper can index it
 * without parsing prose. Secrets are redacted by path, whatever code logs the object they sit in.
 */
import { pino, type DestinationStream, type Logger } from 'pino';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface PortalLogSettings {
  level: LogLevel;
  /**
   * Where the lines go; standard error by default, which keeps standard output for what a command prints as its
   * result (`serve --json` prints where it listens there).
   */
  destination?: DestinationStream;
}

/** Paths, relative to every logged object, whose values never reach the log. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["proxy-authorization"]',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.secret',
  '*.token',
  '*.grantKey',
  '*.grantSecret',
  'password',
  'secret',
  'token',
];

export function portalLogger(settings: PortalLogSettings): Logger {
  const options = {
    level: settings.level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    // Lines carry what is needed to find them again, not the host name or pid of a container that is long gone.
    base: { service: 'hicare-portal' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return pino(options, settings.destination ?? pino.destination({ fd: 2, sync: false }));
}
