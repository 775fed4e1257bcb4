/**
 * The `keys` subcommands of the portal CLI (`keys init`, `keys rotate <role>`), kept apart from argument parsing
 * for the whole CLI so they can be run and tested without a process.
 */
import { HicareError } from '../../shared/errors.js';
import { initKeys, isTufRole, keyFilePath, TUF_ROLES } from './keys.js';
import { rotateKey } from './rotate.js';

export interface KeysCommandOptions {
  keysDir: string;
  repoDir: string;
  now?: Date;
}

const USAGE = `keys init | keys rotate <${TUF_ROLES.join('|')}>`;

/** Runs `keys <args…>`; returns the lines to print. */
export async function runKeysCommand(args: readonly string[], options: KeysCommandOptions): Promise<string[]> {
  const [action, role, ...extra] = args;
  if (action === 'init' && role === undefined) {
    const keys = await initKeys(options.keysDir);
    return TUF_ROLES.map((r) => `${r}: ${keys[r].keyId} (${keyFilePath(options.keysDir, r)})`);
  }
  if (action === 'rotate' && extra.length === 0) {
    if (!isTufRole(role)) {
      throw new HicareError('INVALID_INPUT', `${JSON.stringify(role ?? '')} is not a TUF role.`, `Use one of: ${TUF_ROLES.join(', ')}.`, { role });
    }
    const result = await rotateKey({ ...options, role });
    return [
      `${role}: new key ${result.keyId}, retired ${result.retiredKeyIds.join(', ') || 'none'}`,
      `root version ${result.rootVersion} published`,
    ];
  }
  throw new HicareError('INVALID_INPUT', `Unknown keys command: ${args.join(' ') || '(none)'}.`, `Use: ${USAGE}.`, { args: [...args] });
}
