/**
 * Where the sign-in is kept. safeStorage encrypts with the OS keychain — when there is one: on Linux without a
 * running keyring (no gnome-keyring or KWallet, a locked one, a headless session) Electron falls back to the
 * 'basic_text' backend, a fixed key in its own source, which protects nothing. Rather than store the token "encrypted"
 * that way, the app then keeps it in memory for the session only and tells the user why they must sign in again
 * next time, and how to fix it.
 */
import type { Logger, SecretStore } from '../core/adapters.js';
import { HicareError, type ErrorBody } from '../../shared/errors.js';
import { SafeStorageSecretStore, type SafeStorageLike } from './safe-storage.js';

/** Linux backends that are no keyring at all. */
const WEAK_BACKENDS = new Set(['basic_text', 'unknown']);

export type SecretProtection =
  { kind: 'keychain'; backend: string | null } | { kind: 'session-only'; notice: ErrorBody };

export function assessSecretProtection(safeStorage: SafeStorageLike, platform: NodeJS.Platform): SecretProtection {
  // Raised with its catalog key, so the window shows the notice in the app's language.
  if (!safeStorage.isEncryptionAvailable()) {
    const key =
      platform === 'linux' ? 'KEYRING_UNAVAILABLE.desktopNoKeychainLinux' : 'KEYRING_UNAVAILABLE.desktopNoKeychain';
    return { kind: 'session-only', notice: new HicareError(key).toBody() };
  }
  const backend = platform === 'linux' ? (safeStorage.getSelectedStorageBackend?.() ?? 'unknown') : null;
  if (backend !== null && WEAK_BACKENDS.has(backend)) {
    return {
      kind: 'session-only',
      notice: new HicareError('KEYRING_UNAVAILABLE.desktopNoKeyringRunning', {}, { backend }).toBody(),
    };
  }
  return { kind: 'keychain', backend };
}

/** Secrets in memory only, gone when the app quits. */
export class SessionSecretStore implements SecretStore {
  private readonly secrets = new Map<string, string>();

  async get(name: string): Promise<string | null> {
    return this.secrets.get(name) ?? null;
  }
  async set(name: string, value: string): Promise<void> {
    this.secrets.set(name, value);
  }
  async delete(name: string): Promise<void> {
    this.secrets.delete(name);
  }
}

export interface SecretStoreChoice {
  store: SecretStore;
  /** What the user is told (once, at the top of the window) when the sign-in is kept for the session only. */
  notice: ErrorBody | null;
}

/** The secret store for this machine; call after the app is ready (Linux reads the backend only then). */
export function chooseSecretStore(options: {
  safeStorage: SafeStorageLike;
  platform: NodeJS.Platform;
  dataDirectory: string;
  logger: Logger;
}): SecretStoreChoice {
  const protection = assessSecretProtection(options.safeStorage, options.platform);
  if (protection.kind === 'keychain') {
    return { store: new SafeStorageSecretStore(options.dataDirectory, options.safeStorage), notice: null };
  }
  options.logger.warn('no keychain: the sign-in is kept for this session only', { ...protection.notice.details });
  return { store: new SessionSecretStore(), notice: protection.notice };
}
