/**
 * The `keys` subcommands of the portal CLI (`keys init`, `keys rotate <role>`), kept apart from argument parsing
 * for the whole CLI so they can be run and tested without a process.
 */
import { HicareError } from '../../shared/errors.js';
import { initKeys, isTufRole, keyFilePath, TUF_ROLES, type KeyDirs } from './keys.js';
import type { RepositoryOptions } from './repository.js';
import { rotateKey } from './rotate.js';

export interface KeysCommandOptions extends Omit<RepositoryOptions, 'keysDir'> {
  /** The online keys' directory (`online/` inside it). */
  keysDir: string;
  /**
   * Where the root key is: required by `keys init`, so the key that can replace every other never lands in the data
   * directory by default. Rotation reads it from here too (from `KEYS/offline` when absent).
   */
  offlineKeysDir?: string | undefined;
  now?: Date;
}

const USAGE = `keys init --offline-keys DIR | keys rotate <${TUF_ROLES.join('|')}> [--offline-keys DIR]`;

function keyDirsOf(options: KeysCommandOptions): KeyDirs {
  return options.offlineKeysDir === undefined
    ? options.keysDir
    : { keysDir: options.keysDir, offlineDir: options.offlineKeysDir };
}

/** Runs `keys <args…>`; returns the lines to print. */
export async function runKeysCommand(args: readonly string[], options: KeysCommandOptions): Promise<string[]> {
  const [action, role, ...extra] = args;
  if (action === 'init' && role === undefined) {
    if (options.offlineKeysDir === undefined || options.offlineKeysDir === '') {
      throw new HicareError('INVALID_INPUT.tufKeysInitOffline');
    }
    const dirs = keyDirsOf(options);
    const keys = await initKeys(dirs);
    return [
      ...TUF_ROLES.map((r) => `${r}: ${keys[r].keyId} (${keyFilePath(dirs, r)})`),
      `Move ${keyFilePath(dirs, 'root')} off this machine now: the portal never needs it to serve or publish, only to rotate keys (\`keys rotate ROLE --offline-keys DIR\`).`,
    ];
  }
  if (action === 'rotate' && extra.length === 0) {
    if (!isTufRole(role)) {
      throw new HicareError(
        'INVALID_INPUT.tufRole',
        { role: JSON.stringify(role ?? ''), roles: TUF_ROLES.join(', ') },
        { role },
      );
    }
    const result = await rotateKey({ ...options, keysDir: keyDirsOf(options), role });
    return [
      `${role}: new key ${result.keyId}, retired ${result.retiredKeyIds.join(', ') || 'none'}`,
      `root version ${result.rootVersion} published`,
    ];
  }
  const command = args.join(' ');
  throw command === ''
    ? new HicareError('INVALID_INPUT.tufKeysCommandMissing', { usage: USAGE }, { args: [...args] })
    : new HicareError('INVALID_INPUT.tufKeysCommand', { command, usage: USAGE }, { args: [...args] });
}
