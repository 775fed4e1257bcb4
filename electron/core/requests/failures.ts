/**
 * Failed installations kept on disk (one JSON file each, 0600 — they hold unredacted logs), so that a request can be
 * drafted from one later: after the customer read the known issues, in another session, from the CLI or the app.
 * A system's last failure stays in front of the customer until a request is sent for it or the customer dismisses
 * it; both are marks written into the failure's own file, so they survive restarts like the failure does.
 */
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ServiceRequest, ServiceRequestCreate } from '../../../shared/contracts/requests.js';
import { HicareError } from '../../../shared/errors.js';
import type { MessageParams } from '../../../shared/i18n/messages.js';
import type { InstallFailureDetails } from '../install/install-failure.js';

export interface StoredFailure {
  id: string;
  code: string;
  /** In English, as the log keeps it; `key` and `params` word it in the reader's language. */
  message: string;
  key?: string;
  params?: MessageParams;
  details: InstallFailureDetails;
  /** When the customer put it aside without a request. */
  dismissedAt?: string;
  /** The request sent for it. */
  requestSent?: { at: string; id: string; number: string };
}

/** A failure is settled once a request went out for it or the customer dismissed it. */
export function isSettled(failure: StoredFailure): boolean {
  return failure.dismissedAt !== undefined || failure.requestSent !== undefined;
}

/** The catalog key and its params, when the failure was raised with one (a file from an older build has none). */
function keyOf(failure: { key?: string | undefined; params?: MessageParams }): Pick<StoredFailure, 'key' | 'params'> {
  if (failure.key === undefined) return {};
  const params = failure.params ?? {};
  return Object.keys(params).length === 0 ? { key: failure.key } : { key: failure.key, params: { ...params } };
}

/** The file-name part a serial number becomes; several serials may share one, so the file's content decides. */
function serialPart(serialNumber: string): string {
  return serialNumber.replace(/[^A-Za-z0-9_-]/g, '_');
}

/** A request was drafted from this failure when it describes the same package failing on the same system. */
function describes(
  request: Pick<ServiceRequestCreate, 'serialNumber' | 'installFailure'>,
  failure: StoredFailure,
): boolean {
  const f = request.installFailure;
  return (
    f !== undefined &&
    request.serialNumber === failure.details.serialNumber &&
    f.sha256 === failure.details.packageSha256 &&
    f.toVersion === failure.details.toVersion &&
    f.exitCode === failure.details.exitCode
  );
}

export class FailureStore {
  readonly dir: string;

  constructor(dataDirectory: string) {
    this.dir = join(dataDirectory, 'failures');
  }

  async save(
    failure: {
      code: string;
      message: string;
      key?: string | undefined;
      params?: MessageParams;
      details: InstallFailureDetails;
    },
    now: Date,
  ): Promise<StoredFailure> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    // Sortable by time, unique enough for one desktop, safe as a file name.
    const id = `${now.toISOString().replace(/[-:.]/g, '')}-${serialPart(failure.details.serialNumber)}`;
    const stored: StoredFailure = {
      id,
      code: failure.code,
      message: failure.message,
      ...keyOf(failure),
      details: failure.details,
    };
    await writeFile(join(this.dir, `${id}.json`), JSON.stringify(stored), { mode: 0o600 });
    return stored;
  }

  private async names(): Promise<string[]> {
    return (await readdir(this.dir).catch(() => [] as string[])).filter((n) => n.endsWith('.json')).sort();
  }

  private async read(name: string): Promise<StoredFailure> {
    return JSON.parse(await readFile(join(this.dir, name), 'utf8')) as StoredFailure;
  }

  /** Replaces the file whole (write, then rename), so a crash leaves the old marks or the new, never half a file. */
  private async write(failure: StoredFailure): Promise<void> {
    const file = join(this.dir, `${failure.id}.json`);
    await writeFile(`${file}.tmp`, JSON.stringify(failure), { mode: 0o600 });
    await rename(`${file}.tmp`, file);
  }

  /** One failure by id, or the newest with `last`. */
  async get(id: string): Promise<StoredFailure> {
    const names = await this.names();
    const name = id === 'last' ? names.at(-1) : names.find((n) => n === `${id}.json`);
    if (name === undefined) {
      throw id === 'last'
        ? new HicareError('NOT_FOUND.noFailure')
        : new HicareError('NOT_FOUND.failure', { id }, { id });
    }
    return this.read(name);
  }

  /** The system's newest failure while it is unsettled; null when there is none or the newest was settled. */
  async openFor(serialNumber: string): Promise<StoredFailure | null> {
    const suffix = `-${serialPart(serialNumber)}.json`;
    for (const name of (await this.names()).filter((n) => n.endsWith(suffix)).reverse()) {
      const failure = await this.read(name);
      if (failure.details.serialNumber !== serialNumber) continue;
      return isSettled(failure) ? null : failure;
    }
    return null;
  }

  async dismiss(id: string, now: Date): Promise<StoredFailure> {
    const failure = await this.get(id);
    if (isSettled(failure)) return failure;
    const dismissed = { ...failure, dismissedAt: now.toISOString() };
    await this.write(dismissed);
    return dismissed;
  }

  /** Marks every unsettled failure the sent request was drafted from; returns their ids. */
  async markRequestSent(
    body: Pick<ServiceRequestCreate, 'serialNumber' | 'installFailure'>,
    request: Pick<ServiceRequest, 'id' | 'number'>,
    now: Date,
  ): Promise<string[]> {
    if (body.installFailure === undefined) return [];
    const marked: string[] = [];
    for (const name of (await this.names()).filter((n) => n.endsWith(`-${serialPart(body.serialNumber)}.json`))) {
      const failure = await this.read(name);
      if (isSettled(failure) || !describes(body, failure)) continue;
      await this.write({ ...failure, requestSent: { at: now.toISOString(), id: request.id, number: request.number } });
      marked.push(failure.id);
    }
    return marked;
  }
}
