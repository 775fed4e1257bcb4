/**
 * What a host hands the core services: where to keep data, what time it is, where to log and where secrets live.
 * The Electron shell passes app paths and safeStorage; the web host, the CLI and tests pass plain directories,
 * files and a fixed clock.
 */
export interface Clock {
  now(): Date;
}

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface SecretStore {
  get(name: string): Promise<string | null>;
  set(name: string, value: string): Promise<void>;
  delete(name: string): Promise<void>;
}

export interface HostPaths {
  /** Settings, metadata cache, operation records. */
  dataDirectory: string;
  /** Where downloaded packages land by default. */
  downloadDirectory: string;
}

export interface HostAdapter {
  kind: 'electron' | 'web';
  appName: string;
  appVersion: string;
  platform: string;
  paths: HostPaths;
  clock: Clock;
  logger: Logger;
  secrets: SecretStore;
}

export const systemClock: Clock = { now: () => new Date() };

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

export function consoleLogger(prefix: string): Logger {
  const line = (level: string, message: string, fields?: Record<string, unknown>) =>
    console.error(`${prefix} ${level} ${message}${fields === undefined ? '' : ` ${JSON.stringify(fields)}`}`);
  return {
    info: (m, f) => line('info', m, f),
    warn: (m, f) => line('warn', m, f),
    error: (m, f) => line('error', m, f),
  };
}
