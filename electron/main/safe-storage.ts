/** Secrets in Electron: encrypted with the OS keychain through safeStorage, stored as base64 in the data directory. */
import { safeStorage } from 'electron';
import { FileSecretStore } from '../core/secret-file-store.js';
import type { SecretStore } from '../core/adapters.js';

export class SafeStorageSecretStore implements SecretStore {
  private readonly file: FileSecretStore;

  constructor(directory: string) {
    this.file = new FileSecretStore(directory);
  }

  async get(name: string): Promise<string | null> {
    const sealed = await this.file.get(name);
    return sealed === null ? null : safeStorage.decryptString(Buffer.from(sealed, 'base64'));
  }

  async set(name: string, value: string): Promise<void> {
    await this.file.set(name, safeStorage.encryptString(value).toString('base64'));
  }

  async delete(name: string): Promise<void> {
    await this.file.delete(name);
  }
}
