/** Default data and download directories per OS, overridable with HICARE_HOME (tests, portable installs). */
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { HostPaths } from './adapters.js';

export function defaultPaths(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): HostPaths {
  const home = env.HICARE_HOME;
  if (home !== undefined && home !== '') return { dataDirectory: home, downloadDirectory: join(home, 'downloads') };
  const user = homedir();
  const base =
    platform === 'win32'
      ? join(env.LOCALAPPDATA ?? join(user, 'AppData', 'Local'), 'Hi-Care Update Manager')
      : platform === 'darwin'
        ? join(user, 'Library', 'Application Support', 'Hi-Care Update Manager')
        : join(env.XDG_DATA_HOME ?? join(user, '.local', 'share'), 'hicare');
  return { dataDirectory: base, downloadDirectory: join(user, 'Downloads', 'Hi-Care') };
}
