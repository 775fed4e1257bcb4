/**
 * Secrets in Electron: encrypted with the OS keychain through safeStorage, stored as base64 in the data directory.
 * Used only when secret-protection.ts found a real keychain behind safeStorage.
 */
import { FileSecretStore } from '../core/secret-file-store.js';
import type { SecretStore } from '../core/adapters.js';

/** What the shell uses of Electron's safeStorage. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  /** Linux only: which keyring backs the encryption ('basic_text' is a fixed key, no protection). */
  getSelectedStorageBackend?(): string;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export class SafeStorageSecretStore implements SecretStore {
  private readonly file: FileSecretStore;

  constructor(
    directory: string,
    private readonly safeStorage: SafeStorageLike,
  ) {
    this.file = new FileSecretStore(directory);
  }

  async get(name: string): Promise<string | null> {
    const sealed = await this.file.get(name);
    return sealed === null ? null : this.safeStorage.decryptString(Buffer.from(sealed, 'base64'));
  }

  async set(name: string, value: string): Promise<void> {
    await this.file.set(name, this.safeStorage.encryptString(value).toString('base64'));
  }

  async delete(name: string): Promise<void> {
    await this.file.delete(name);
  }
}
