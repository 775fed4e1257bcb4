/**
 * Failed installations kept on disk (one JSON file each, 0600 — they hold unredacted logs), so that a request can be
 * drafted from one later: after the customer read the known issues, in another session, from the CLI or the app.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HicareError } from '../../../shared/errors.js';
import type { InstallFailureDetails } from '../install/install-failure.js';

export interface StoredFailure {
  id: string;
  code: string;
  message: string;
  details: InstallFailureDetails;
}

export class FailureStore {
  readonly dir: string;

  constructor(dataDirectory: string) {
    this.dir = join(dataDirectory, 'failures');
  }

  async save(failure: { code: string; message: string; details: InstallFailureDetails }, now: Date): Promise<StoredFailure> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    // Sortable by time, unique enough for one desktop, safe as a file name.
    const id = `${now.toISOString().replace(/[-:.]/g, '')}-${failure.details.serialNumber.replace(/[^A-Za-z0-9_-]/g, '_')}`;
    const stored: StoredFailure = { id, code: failure.code, message: failure.message, details: failure.details };
    await writeFile(join(this.dir, `${id}.json`), JSON.stringify(stored), { mode: 0o600 });
    return stored;
  }

  /** One failure by id, or the newest with `last`. */
  async get(id: string): Promise<StoredFailure> {
    const names = (await readdir(this.dir).catch(() => [] as string[])).filter((n) => n.endsWith('.json')).sort();
    const name = id === 'last' ? names.at(-1) : names.find((n) => n === `${id}.json`);
    if (name === undefined) {
      throw new HicareError('NOT_FOUND', id === 'last' ? 'No failed installation is recorded on this desktop.' : `No failed installation ${id} is recorded.`, 'Open a new request and describe the fault yourself.');
    }
    return JSON.parse(await readFile(join(this.dir, name), 'utf8')) as StoredFailure;
  }
}
