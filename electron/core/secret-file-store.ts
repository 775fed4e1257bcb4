/** Secrets outside Electron: one JSON file readable by the user only (0600), in a 0700 directory. */
import { mkdir, readFile, rename, writeFile, chmod } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { SecretStore } from './adapters.js';

export class FileSecretStore implements SecretStore {
  private readonly file: string;

  constructor(directory: string) {
    this.file = join(directory, 'secrets.json');
  }

  private async readAll(): Promise<Record<string, string>> {
    try {
      const parsed: unknown = JSON.parse(await readFile(this.file, 'utf8'));
      return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error;
    }
  }

  private async writeAll(all: Record<string, string>): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true, mode: 0o700 });
    const tmp = `${this.file}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(all), { mode: 0o600 });
    await chmod(tmp, 0o600);
    await rename(tmp, this.file);
  }

  async get(name: string): Promise<string | null> {
    return (await this.readAll())[name] ?? null;
  }

  async set(name: string, value: string): Promise<void> {
    await this.writeAll({ ...(await this.readAll()), [name]: value });
  }

  async delete(name: string): Promise<void> {
    const all = await this.readAll();
    delete all[name];
    await this.writeAll(all);
  }
}
