/**
 * Conditional checks of the catalog's entry point: the app asks for `timestamp.json` with `If-None-Match` and the ETag
 * of the copy it holds, so an unchanged catalog costs the portal (or a CDN in front of it) a 304 and no body.
 *
 * The ETag lives in a sidecar file next to tuf-js's metadata cache, together with the SHA-256 of the bytes it names.
 * A condition is only sent while the cached timestamp.json still has exactly those bytes: a 304 is answered with
 * them, and tuf-js then sees the version it already trusts and carries on as with any unchanged timestamp. A cache
 * that was replaced, damaged or never written sends no condition and gets the full file.
 */
import { createHash } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';

export const SIDECAR_FILE = 'timestamp.etag.json';

interface Validator {
  etag: string;
  sha256: string;
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function isValidator(value: unknown): value is Validator {
  const v = value as Partial<Validator> | null;
  return (
    typeof v === 'object' && v !== null && typeof v.etag === 'string' && v.etag !== '' && typeof v.sha256 === 'string'
  );
}

export class TimestampRevalidation {
  private readonly sidecar: string;
  private readonly cached: string;
  /** What the last 200 of this refresh carried: its ETag and the hash of the body as it arrived. */
  private received: Validator | undefined;

  constructor(metadataDir: string) {
    this.sidecar = join(metadataDir, SIDECAR_FILE);
    this.cached = join(metadataDir, 'timestamp.json');
  }

  /** Is this URL the catalog's timestamp (the only file asked for conditionally)? */
  static isTimestamp(url: string): boolean {
    return new URL(url).pathname.endsWith('/timestamp.json');
  }

  /** The ETag to send and the bytes a 304 stands for, or undefined when the held copy is not the one the ETag names. */
  async condition(): Promise<{ etag: string; bytes: Buffer } | undefined> {
    const [text, bytes] = await Promise.all([
      readFile(this.sidecar, 'utf8').catch(() => undefined),
      readFile(this.cached).catch(() => undefined),
    ]);
    if (text === undefined || bytes === undefined) return undefined;
    let validator: unknown;
    try {
      validator = JSON.parse(text);
    } catch {
      return undefined;
    }
    if (!isValidator(validator) || validator.sha256 !== sha256(bytes)) return undefined;
    return { etag: validator.etag, bytes };
  }

  /** Passes a 200's body through unchanged, noting its hash and ETag for `settle`. */
  observe(etag: string | undefined): Transform {
    this.received = undefined;
    const hash = createHash('sha256');
    return new Transform({
      transform: (chunk: Buffer, _encoding, done) => {
        hash.update(chunk);
        done(null, chunk);
      },
      flush: (done) => {
        if (etag !== undefined && etag !== '') this.received = { etag, sha256: hash.digest('hex') };
        done();
      },
    });
  }

  /**
   * After a refresh tuf-js accepted: remembers the ETag if the file tuf-js kept is byte for byte the body that came
   * with it. tuf-js keeps its older copy when the versions are equal, and an ETag must never name other bytes.
   */
  async settle(): Promise<void> {
    const received = this.received;
    this.received = undefined;
    if (received === undefined) return;
    const held = await readFile(this.cached).catch(() => undefined);
    if (held === undefined || sha256(held) !== received.sha256) {
      await rm(this.sidecar, { force: true });
      return;
    }
    const temporary = `${this.sidecar}.tmp`;
    await writeFile(temporary, `${JSON.stringify(received)}\n`);
    await rename(temporary, this.sidecar);
  }

  /** A failed refresh leaves the sidecar as it was: it still names the copy on disk, or nothing matches it. */
  discard(): void {
    this.received = undefined;
  }
}
