/**
 * Remote-access passwords at rest: AES-256-GCM with the grant's id as associated data, so a ciphertext copied onto
 * another grant does not decrypt. A stolen database alone yields no password. The key comes from configuration (see
 * grant-key.ts), which every instance sharing a database must be given; a single embedded portal may instead keep it
 * in a key file `<dataDir>/keys/grant-secrets.key` (0600, made on first use). Nothing here logs.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmod, mkdir, open, readFile, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { HicareError, type ErrorKey } from '../../shared/errors.js';

export const GRANT_KEY_FILE = 'grant-secrets.key';
export const KEY_BYTES = 32;
const IV_BYTES = 12;
const FORMAT = 'v1';

/** Letters and digits without look-alikes, and symbols most remote systems accept: 64 symbols, so 6 unbiased bits per byte. */
const PASSWORD_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!#%+=@?';
export const GENERATED_PASSWORD_LENGTH = 24;

/** 24 characters (144 bits) from crypto.randomBytes, with at least one upper, lower, digit and symbol for picky systems. */
export function generatePassword(): string {
  for (;;) {
    const password = [...randomBytes(GENERATED_PASSWORD_LENGTH)].map((b) => PASSWORD_ALPHABET[b & 63] ?? '').join('');
    if (/[A-Z]/.test(password) && /[a-z]/.test(password) && /[0-9]/.test(password) && /[^A-Za-z0-9]/.test(password))
      return password;
  }
}

function keyProblem(origin: string, key: ErrorKey & `INTERNAL.grantKey${string}`): HicareError {
  return new HicareError(key, { origin, bytes: KEY_BYTES }, { origin });
}

/** A key given by configuration, and where it came from (named in messages, never the key itself). */
export interface ConfiguredGrantKey {
  key: Buffer;
  origin: string;
}

/** The key file of a single embedded portal, in its data directory. */
export function dataDirectoryKeyFile(dataDirectory: string): string {
  return join(dataDirectory, 'keys', GRANT_KEY_FILE);
}

/** The key as the key file and HICARE_GRANT_KEY hold it: base64 of exactly 32 bytes, or undefined. */
export function decodeGrantKey(text: string): Buffer | undefined {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed)) return undefined;
  const key = Buffer.from(trimmed, 'base64');
  return key.length === KEY_BYTES ? key : undefined;
}

export class GrantSecrets {
  /** Where the key comes from: the key file's path, or the configuration setting that held it. */
  readonly origin: string;
  private readonly keyFile: string | undefined;
  private key: Promise<Buffer> | undefined;

  /** With a data directory, the key file in it (made on first use); with a configured key, that key. */
  constructor(source: string | ConfiguredGrantKey) {
    if (typeof source === 'string') {
      this.keyFile = dataDirectoryKeyFile(source);
      this.origin = this.keyFile;
    } else {
      if (source.key.length !== KEY_BYTES) throw keyProblem(source.origin, 'INTERNAL.grantKeyLength');
      this.key = Promise.resolve(Buffer.from(source.key));
      this.origin = source.origin;
    }
  }

  private loadKey(): Promise<Buffer> {
    this.key ??= this.readOrCreateKey(this.keyFile ?? '').catch((error: unknown) => {
      // A failure is not cached: the next grant tries again (the disk may have been full for a moment).
      this.key = undefined;
      throw error;
    });
    return this.key;
  }

  private async readOrCreateKey(keyFile: string): Promise<Buffer> {
    await mkdir(dirname(keyFile), { recursive: true, mode: 0o700 });
    try {
      // 'wx' fails if the file exists, so two instances starting together cannot both write a key.
      const handle = await open(keyFile, 'wx', 0o600);
      const key = randomBytes(KEY_BYTES);
      try {
        await handle.writeFile(`${key.toString('base64')}\n`);
        await handle.sync();
      } catch (error) {
        // A half-written key would lock every later password away; leave no file so the next use starts over.
        await handle.close();
        await unlink(keyFile).catch(() => undefined);
        throw error;
      }
      await handle.close();
      return key;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (process.platform !== 'win32' && ((await stat(keyFile)).mode & 0o077) !== 0) await chmod(keyFile, 0o600);
    // Another instance may have created the file a moment ago and still be writing it.
    for (let attempt = 0; ; attempt++) {
      const text = (await readFile(keyFile, 'utf8')).trim();
      if (text === '' && attempt < 20) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        continue;
      }
      const key = decodeGrantKey(text);
      if (key === undefined) throw keyProblem(keyFile, 'INTERNAL.grantKeyDamaged');
      return key;
    }
  }

  async encrypt(grantId: string, password: string): Promise<string> {
    const key = await this.loadKey();
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(grantId, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(password, 'utf8'), cipher.final()]);
    return [FORMAT, iv.toString('base64'), cipher.getAuthTag().toString('base64'), ciphertext.toString('base64')].join(
      ':',
    );
  }

  /** Whether this key opens a stored password (checked at start, so a wrong key is refused before anyone needs it). */
  async opens(grantId: string, stored: string): Promise<boolean> {
    return this.decrypt(grantId, stored).then(
      () => true,
      () => false,
    );
  }

  async decrypt(grantId: string, stored: string): Promise<string> {
    const key = await this.loadKey();
    const [format, iv, tag, ciphertext] = stored.split(':');
    if (format !== FORMAT || iv === undefined || tag === undefined || ciphertext === undefined)
      throw keyProblem(this.origin, 'INTERNAL.grantKeyNoMatch');
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
      decipher.setAAD(Buffer.from(grantId, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64')), decipher.final()]).toString('utf8');
    } catch {
      throw keyProblem(this.origin, 'INTERNAL.grantKeyNoOpen');
    }
  }
}
