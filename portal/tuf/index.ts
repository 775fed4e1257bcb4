/** The signed catalog: the portal's TUF repository and the keys that sign it. */
export {
  initKeys,
  isTufRole,
  keyFilePath,
  loadKey,
  TUF_ROLES,
  tufPublicKey,
  type SigningKey,
  type TufRole,
} from './keys.js';
export { runKeysCommand, type KeysCommandOptions } from './keys-command.js';
export { LIFETIME_MS } from './metadata-files.js';
export {
  initRepository,
  openRepository,
  REFRESH_MARGIN_MS,
  TufRepository,
  type RepositoryOptions,
  type TargetInput,
} from './repository.js';
export { rotateKey, type RotationResult } from './rotate.js';
export { assertTargetName, hashedTargetPath } from './target-name.js';
